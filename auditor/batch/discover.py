"""Expanding ``DIR_OR_GLOB`` arguments into a deterministic list of policy files.

A directory contributes every ``*.yaml``/``*.yml`` file below it; a pattern with ``*``, ``?`` or
``[`` is matched like a shell glob (``**`` for any number of directories) against the files below
its fixed leading part, and a directory it matches contributes its files; a plain file is taken
as it is. Directories are walked by :class:`auditor.files.paths.Walk`: hidden names skipped, links
to directories not followed (a link loop cannot hang the batch), kernel file systems never
entered, and a walk that meets more than :data:`MAX_ENTRIES` entries refused at once. A FIFO or
device with a policy's name is listed like any file, and refused by name when read, before it is
opened. Arguments that name nothing become problems, not exceptions: the batch goes on with what
it found and exits 2 at the end.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError, Problem
from auditor.files.paths import Walk, input_directory, is_directory, lookup, resolved
from auditor.i18n import t

POLICY_SUFFIXES = (".yaml", ".yml")
MAX_ENTRIES = 200_000
"""Most directory entries looked at for one argument: every body of Japan is 1,788 files."""
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
        try:
            found = _expand(text, problems)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for path in found:
            key = resolved(path)  # the same file named twice (a directory and a glob over it) counts once
            if key not in seen:
                seen.add(key)
                files.append(path)
    return Discovery(files, problems)


def _expand(text: str, problems: list[Problem]) -> list[Path]:
    path = Path(text)
    glob = bool(_GLOB_CHARS & set(text))
    status = _quiet_lookup(path) if glob else lookup(path, text)  # a literal name with '[' is taken as it is
    if status is not None and stat.S_ISDIR(status.st_mode):
        found = _policy_files(path, text, problems)
        if not found:
            problems.append(Problem(text, None, None, t("batch.no_policies_in_dir")))
        return found
    if status is not None:
        return [path]  # a file, or a FIFO or device that reading will refuse by name
    if not glob:
        problems.append(Problem(text, None, None, t("file.missing")))
        return []
    found = _glob(path, text, problems)
    if not found:
        problems.append(Problem(text, None, None, t("batch.no_match")))
    return found


def _quiet_lookup(path: Path) -> os.stat_result | None:
    try:
        return lookup(path)
    except InputError:
        return None


def _policy_files(directory: Path, shown: str, problems: list[Problem]) -> list[Path]:
    input_directory(directory, shown)
    walk = Walk(directory, POLICY_SUFFIXES, max_entries=MAX_ENTRIES, display=shown)
    found = [item.path for item in walk]
    problems.extend(walk.problems)
    return sorted(found, key=lambda path: path.as_posix())


def _glob(pattern: Path, shown: str, problems: list[Problem]) -> list[Path]:
    """The policy files matching ``pattern``, or inside a directory it matches."""
    parts = pattern.parts
    fixed = 0
    while fixed < len(parts) and not _GLOB_CHARS & set(parts[fixed]):
        fixed += 1
    base = Path(*parts[:fixed]) if fixed else Path(".")
    segments = parts[fixed:]
    if not is_directory(base):
        return []
    input_directory(base, shown)
    walk = Walk(base, POLICY_SUFFIXES, max_entries=MAX_ENTRIES, display=shown)
    found = []
    for item in walk:
        relative = item.path.relative_to(base).parts
        if any(_matches(relative[:cut], segments) for cut in range(1, len(relative) + 1)):
            found.append(item.path)
    problems.extend(walk.problems)
    return sorted(found, key=lambda path: path.as_posix())


@functools.lru_cache(maxsize=4096)
def _matches(parts: tuple[str, ...], segments: tuple[str, ...]) -> bool:
    """Whether path ``parts`` match glob ``segments`` (``**``: any number of parts, none included)."""
    if not segments:
        return not parts
    if segments[0] == "**":
        return any(_matches(parts[cut:], segments[1:]) for cut in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], segments[0]) and _matches(parts[1:], segments[1:])
