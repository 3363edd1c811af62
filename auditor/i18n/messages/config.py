"""The project configuration file (``.auditor.yaml``, ``[tool.auditor]`` in pyproject.toml)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "config.choice": {
        "ja": "'{key}' の値 '{value}' は使えません（使用可能: {known}）",
        "en": "'{key}' cannot be '{value}' (known: {known})",
    },
    "config.path": {"ja": "'{key}' にはファイルのパスを書きます", "en": "'{key}' takes a file path"},
    "config.paths": {
        "ja": "'{key}' にはディレクトリのパス、またはその一覧を書きます",
        "en": "'{key}' takes a directory path or a list of them",
    },
    "config.toml": {"ja": "TOML の構文エラー: {detail}", "en": "TOML syntax error: {detail}"},
    "config.not_table": {"ja": "[tool.auditor] は表でなければなりません", "en": "[tool.auditor] must be a table"},
}
