"""A cache of parsed rule files, so an audit does not re-parse hundreds of YAML files every run.

The cache holds the plain data of each rule directory as JSON (never pickle), keyed by the tool
version and every file's path, size and modification time; any change means a fresh parse. Data
read back is validated by the rule model again, so a tampered cache cannot smuggle in anything the
rule schema forbids. Set ``AUDITOR_NO_CACHE=1`` to disable, ``AUDITOR_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from auditor import __version__

MAX_CACHE_BYTES = 64 * 1024 * 1024
"""Largest cache file read back; the whole built-in catalogue takes about 1 MB."""


def cache_dir() -> Path | None:
    """Where cache files live, or None when caching is disabled."""
    if os.environ.get("AUDITOR_NO_CACHE"):
        return None
    configured = os.environ.get("AUDITOR_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor"


def fingerprint(directory: Path, files: list[Path]) -> str:
    """A key that changes whenever any rule file (or the tool) changes."""
    from auditor.files.paths import resolved

    digest = hashlib.sha256(f"{__version__}\0{resolved(directory)}".encode())
    for path in files:
        try:
            stat = os.stat(path)
            state = f"{stat.st_size}\0{stat.st_mtime_ns}"
        except OSError:  # unreadable now: reading it reports why, and a failed pack is never cached
            state = "?"
        digest.update(f"\0{path.relative_to(directory)}\0{state}".encode())
    return digest.hexdigest()[:32]


def read(key: str) -> list[tuple[str, dict[str, Any]]] | None:
    """The cached ``(display name, data)`` pairs for ``key``, or None."""
    directory = cache_dir()
    if directory is None:
        return None
    from auditor.errors import InputError
    from auditor.files.paths import read_file

    try:  # a regular file only: anything else in the cache directory reads as no cache, never blocks
        raw = read_file(directory / f"rules-{key}.json", limit=MAX_CACHE_BYTES)
        entries = json.loads(raw.decode("utf-8"), object_hook=_decode)
    except (InputError, ValueError):
        return None
    if not isinstance(entries, list):
        return None
    return [(str(name), data) for name, data in entries]


def write(key: str, entries: list[tuple[str, dict[str, Any]]]) -> None:
    """Store ``entries`` under ``key``; silently does nothing where the cache cannot be written."""
    directory = cache_dir()
    if directory is None:
        return
    with contextlib.suppress(OSError):
        from auditor.files.output import write_atomic

        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(directory / f"rules-{key}.json", json.dumps(entries, ensure_ascii=False, default=_encode))


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(value: dict[str, Any]) -> Any:
    if set(value) == {"$date"}:
        return dt.date.fromisoformat(value["$date"])
    return value
