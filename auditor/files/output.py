"""Writing reports safely: atomically (temporary file + rename), never over an input file.

A reader of the target sees either the previous file or the complete new one, never a partial
report: the payload goes to a temporary file in the same directory, is flushed to disk, then
renamed over the target. Ctrl-C (SIGINT) or SIGTERM during the write removes the temporary file.
Only SIGKILL or a power cut can leave a stray ``.NAME.*.tmp`` behind; the target is intact then too.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from auditor.errors import OutputError, UsageError
from auditor.i18n import t

_RULE_SUFFIXES = (".yaml", ".yml")


def check_not_input(target: Path, inputs: Iterable[Path]) -> None:
    """Refuse ``target`` when it is (or links to) one of the ``inputs``.

    A directory among ``inputs`` (a rule pack, a batch's policy directory) protects the YAML files
    inside it, existing or not: a report written there would be read as input next time.
    """
    InputGuard(inputs).check(target)


class InputGuard:
    """The inputs of a run, indexed once so that many targets (a batch's reports) are checked quickly."""

    def __init__(self, inputs: Iterable[Path]) -> None:
        self._resolved: set[Path] = set()
        self._identities: set[tuple[int, int]] = set()
        self._directories: list[Path] = []
        for source in inputs:
            resolved = source.resolve()
            self._resolved.add(resolved)
            identity = _identity(source)
            if identity is not None:
                self._identities.add(identity)
            if source.is_dir():
                self._directories.append(resolved)

    def check(self, target: Path) -> None:
        """Raise :class:`UsageError` naming ``target`` when writing it would replace an input."""
        resolved = target.resolve()
        identity = _identity(target)
        if resolved in self._resolved or (identity is not None and identity in self._identities):
            raise UsageError(t("cli.refuse_overwrite_input", file=target))
        if resolved.suffix in _RULE_SUFFIXES and any(resolved.is_relative_to(d) for d in self._directories):
            raise UsageError(t("cli.refuse_overwrite_input", file=target))


def _identity(path: Path) -> tuple[int, int] | None:
    """Device and inode: the same file under any name (symbolic and hard links, ../ spellings)."""
    try:
        status = path.stat()
    except OSError:
        return None  # it does not exist (yet)
    return (status.st_dev, status.st_ino)


def write_atomic(target: Path, payload: str | bytes) -> None:
    """Write ``payload`` to ``target`` so that readers see the old file or the whole new one.

    An interrupted write leaves no partial report: the temporary file is removed on any error,
    including KeyboardInterrupt and SIGTERM. Problems the user can fix (no such directory, no
    permission, the target is a directory, disk full) raise :class:`OutputError` (exit code 2).
    The new file keeps the permissions of the file it replaces, or gets the usual ones (umask).
    Missing parent directories are created (``-o out/report.pdf`` with no ``out/`` yet).
    """
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(t("output.is_directory", file=target))
    mode = _mode_for(target)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(t("output.cannot_write", file=target, reason=exc.strerror or exc)) from None
    try:
        with _sigterm_as_interrupt(), os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), mode)
            os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(t("output.cannot_write", file=target, reason=exc.strerror or exc)) from None
        raise


def _mode_for(target: Path) -> int:
    """Permissions of the file being replaced, or 0666 less the umask for a new one."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM (e.g. a CI job timeout) into KeyboardInterrupt for the duration of a write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
