"""Expanding ``DIR_OR_GLOB`` arguments into a deterministic list of policy files.

A directory contributes every ``*.yaml``/``*.yml`` file below it (hidden files and directories
skipped, symbolic links to directories not followed, so a link loop cannot hang the batch); a
pattern with ``*``, ``?`` or ``[`` is expanded like a shell glob (``**`` recursive); a plain file
is taken as it is. Arguments that name nothing become problems, not exceptions: the batch goes
on with what it found and exits 2 at the end.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import Problem
from auditor.i18n import t

POLICY_SUFFIXES = (".yaml", ".yml")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Discovery:
    """The files found (in a stable order, each once) and the arguments that named nothing."""

    files: list[Path]
    problems: list[Problem]


def discover(arguments: Sequence[str | Path]) -> Discovery:
    """Files named by ``arguments`` in argument order, each directory's or glob's files sorted."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for argument in arguments:
        text = str(argument)
        found = _expand(text, problems)
        for path in found:
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                files.append(path)
    return Discovery(files, problems)


def _expand(text: str, problems: list[Problem]) -> list[Path]:
    path = Path(text)
    if path.is_dir():
        found = _policy_files(path)
        if not found:
            problems.append(Problem(text, None, None, t("batch.no_policies_in_dir")))
        return found
    if path.exists() or not _GLOB_CHARS & set(text):
        if not path.exists():
            problems.append(Problem(text, None, None, t("file.missing")))
            return []
        return [path]
    matches = sorted(glob.glob(text, recursive=True))
    found = []
    for match in matches:
        candidate = Path(match)
        if candidate.is_dir():
            found.extend(_policy_files(candidate))
        elif candidate.suffix in POLICY_SUFFIXES:
            found.append(candidate)
    if not found:
        problems.append(Problem(text, None, None, t("batch.no_match")))
    return found


def _policy_files(directory: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(directory):  # followlinks=False: no loops through links
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root) / name for name in names if name.endswith(POLICY_SUFFIXES) and not name.startswith("."))
    return sorted(found, key=lambda path: path.as_posix())


def _identity(path: Path) -> Path:
    # The same file named twice (a directory and a glob over it) is audited once.
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
