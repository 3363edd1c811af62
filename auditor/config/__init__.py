"""Project configuration: a repository's defaults, from ``.auditor.yaml`` or ``[tool.auditor]`` in pyproject.toml.

Found the way ruff and yamllint find theirs: from the current directory upwards, the first
directory holding ``.auditor.yaml``, or a ``pyproject.toml`` with a ``[tool.auditor]`` table
(``.auditor.yaml`` wins when a directory has both). The keys are the long option names::

    # .auditor.yaml                      # pyproject.toml
    edition: R7.3                        [tool.auditor]
    fail-on: high                        edition = "R7.3"
    fail-on-level: must                  fail-on = "high"
    baseline: .auditor-baseline.yaml     baseline = ".auditor-baseline.yaml"
    waivers: waivers.yaml                waivers = "waivers.yaml"
    rules: [rules/our-pack]              rules = ["rules/our-pack"]
    lang: ja                             lang = "ja"

Paths are relative to the configuration file's directory. Options given on the command line
win, ``$AUDITOR_LANG`` wins over ``lang``. A file that cannot be used is an :class:`InputError`
naming the file and the line.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.errors import InputError, Problem
from auditor.i18n import t
from auditor.vocab import EDITIONS

YAML_NAME = ".auditor.yaml"
PYPROJECT_NAME = "pyproject.toml"

CHOICES: dict[str, tuple[str, ...]] = {
    "edition": EDITIONS,
    "fail-on": ("critical", "high", "medium", "low", "none"),
    "fail-on-level": ("must", "should"),
    "lang": ("ja", "en"),
}
PATHS = ("baseline", "waivers")
KEYS = (*CHOICES, *PATHS, "rules")


@dataclass(frozen=True)
class ProjectConfig:
    """The defaults one configuration file sets (``None``/empty: not set)."""

    file: Path
    edition: str | None = None
    fail_on: str | None = None
    fail_on_level: str | None = None
    lang: str | None = None
    baseline: Path | None = None
    waivers: Path | None = None
    rules: tuple[Path, ...] = field(default_factory=tuple)


def find(start: Path | None = None) -> Path | None:
    """The configuration file that applies in ``start`` (default: the current directory), if any."""
    directory = (start or Path.cwd()).resolve()
    for candidate in (directory, *directory.parents):
        yaml_file = candidate / YAML_NAME
        if yaml_file.is_file():
            return yaml_file
        pyproject = candidate / PYPROJECT_NAME
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def discover(start: Path | None = None) -> ProjectConfig | None:
    """The configuration in force in ``start`` (see :func:`find`), read and checked."""
    found = find(start)
    return load(found) if found is not None else None


def load(path: Path) -> ProjectConfig:
    """Read and check one configuration file (``.auditor.yaml`` or a ``pyproject.toml``)."""
    name = _display(path)
    if path.name == PYPROJECT_NAME:
        values, lines = _read_pyproject(path, name)
    else:
        values, lines = _read_yaml(path, name)
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(Problem(name, lines.get(key), None, message))

    settings: dict[str, Any] = {}
    for key, value in values.items():
        if key not in KEYS:
            guess = difflib.get_close_matches(key, KEYS, n=1)
            hint = t("validate.did_you_mean", guess=guess[0]) if guess else ""
            problem(key, t("validate.unknown_key", key=key) + hint)
        elif key in CHOICES:
            if value not in CHOICES[key]:
                problem(key, t("config.choice", key=key, value=value, known=", ".join(CHOICES[key])))
            else:
                settings[key.replace("-", "_")] = value
        elif key in PATHS:
            if not isinstance(value, str) or not value:
                problem(key, t("config.path", key=key))
            else:
                settings[key] = _relative(path, value)
        else:  # rules: one directory or a list of them
            dirs = [value] if isinstance(value, str) else value
            if not isinstance(dirs, list) or not all(isinstance(item, str) and item for item in dirs):
                problem(key, t("config.paths", key=key))
            else:
                settings[key] = tuple(_relative(path, item) for item in dirs)
    if problems:
        raise InputError(problems)
    return ProjectConfig(file=path, **settings)


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def _relative(config_file: Path, value: str) -> Path:
    """``value`` (relative to the configuration file) as a path relative to the current directory."""
    target = Path(value)
    if not target.is_absolute():
        target = config_file.parent / target
    try:
        return Path(os.path.relpath(target))
    except ValueError:
        return target


_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*auditor\s*\]", re.M)
_TABLE_START = re.compile(r"^\s*\[+\s*tool\s*\.\s*auditor\b", re.M)
"""Where a ``[tool.auditor]`` table starts, even a malformed one (reported, not ignored)."""


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(_TABLE_START.search(text))


def _read_pyproject(path: Path, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib

    from auditor.files.yamlsource import read_text

    text, _ = read_text(path, name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError.of(name, t("config.toml", detail=detail), line=line, column=column) from None
    table = data.get("tool", {}).get("auditor", {})
    if not isinstance(table, dict):
        raise InputError.of(name, t("config.not_table"))
    return table, _toml_lines(text, table)


def _toml_lines(text: str, table: dict[str, Any]) -> dict[str, int]:
    """The line of each key of ``[tool.auditor]`` (tomllib keeps no positions)."""
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = bool(_TABLE.match(stripped))
            continue
        if inside:
            key = re.match(r"""^["']?([A-Za-z0-9_-]+)["']?\s*=""", stripped)
            if key and key.group(1) in table:
                lines.setdefault(key.group(1), number)
    return lines


def _read_yaml(path: Path, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    from auditor.files.yamlsource import load_yaml

    document = load_yaml(path, name)
    lines = {}
    for key in document.data:
        position = document.positions.get((key,))
        if position is not None:
            lines[str(key)] = position.line
    return {str(key): value for key, value in document.data.items()}, lines
