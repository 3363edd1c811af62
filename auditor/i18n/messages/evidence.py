"""Evidence files: reading and validating document citations and reviewed-evidence records."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "evidence.unreadable": {"ja": "読み込めません: {reason}", "en": "cannot be read: {reason}"},
    "evidence.too_large": {
        "ja": "証跡ファイルが大きすぎます（上限 {limit} バイト）",
        "en": "evidence file too large (limit {limit} bytes)",
    },
    "evidence.not_utf8": {
        "ja": "UTF-8 として読めないバイトがあります（{offset} バイト目）",
        "en": "is not valid UTF-8 (byte offset {offset})",
    },
    "evidence.json": {"ja": "JSON 構文エラー: {detail}", "en": "JSON syntax error: {detail}"},
    "evidence.too_deep": {"ja": "JSON の入れ子が深すぎます", "en": "JSON nested too deeply"},
    "evidence.invalid": {
        "ja": "証跡ファイルの形式が正しくありません: {detail}",
        "en": "invalid evidence file: {detail}",
    },
}
