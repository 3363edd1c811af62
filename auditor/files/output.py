"""Writing reports safely: atomically (temporary file + rename), never over an input file.

A reader of the target sees either the previous file or the complete new one, never a partial
report: the payload goes to a temporary file in the same directory, is flushed to disk, then
renamed over the target. Ctrl-C (SIGINT) or SIGTERM during the write removes the temporary file.
Only SIGKILL or a power cut can leave a stray ``.NAME.*.tmp`` behind; the target is intact then too.
Several reports are staged first and renamed together (:func:`auditor.files.paths.write_all`), so
that a failure leaves all of them as they were.
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

from auditor.errors import UsageError
from auditor.files import paths
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
            resolved = paths.resolved(source)
            self._resolved.add(resolved)
            identity = paths.identity(source)
            if identity is not None:
                self._identities.add(identity)
            if paths.is_directory(source):
                self._directories.append(resolved)

    def check(self, target: Path) -> None:
        """Raise :class:`UsageError` naming ``target`` when writing it would replace an input."""
        resolved = paths.resolved(target)
        identity = paths.identity(target)
        if resolved in self._resolved or (identity is not None and identity in self._identities):
            raise UsageError(t("cli.refuse_overwrite_input", file=target))
        if resolved.suffix in _RULE_SUFFIXES and any(resolved.is_relative_to(d) for d in self._directories):
            raise UsageError(t("cli.refuse_overwrite_input", file=target))


def write_atomic(target: Path, payload: str | bytes) -> None:
    """Write ``payload`` to ``target`` so that readers see the old file or the whole new one.

    ``target`` is a regular file or a new one (:func:`auditor.files.paths.output_target` says what a
    user's path is; this function never replaces anything else). An interrupted write leaves no
    partial report: the temporary file is removed on any error, including KeyboardInterrupt and
    SIGTERM. Problems the user can fix (no such directory, no permission, the target is a
    directory, disk full) raise :class:`OutputError` (exit code 2). The new file keeps the
    permissions of the file it replaces, or gets the usual ones (umask). Missing parent
    directories are created (``-o out/report.pdf`` with no ``out/`` yet).
    """
    with sigterm_as_interrupt():
        staged = stage(target, payload)
        try:
            staged.commit()
        finally:
            staged.discard()


class Staged:
    """A report written in full to a temporary file beside its target, not yet in place."""

    def __init__(self, target: Path, temporary: str, shown: Path) -> None:
        self.target = target
        self.temporary = temporary
        self.shown = shown
        self.done = False

    def commit(self) -> None:
        """Rename the temporary file over the target (never over anything but a regular file)."""
        try:
            current = os.lstat(self.target)
        except FileNotFoundError:
            current = None
        except OSError as exc:
            raise paths.cannot_write(self.shown, paths.reason(exc)) from None
        if current is not None and not stat.S_ISREG(current.st_mode):
            raise paths.cannot_write(self.shown, t("paths.not_regular_output", kind=paths.kind(current.st_mode)))
        try:
            os.replace(self.temporary, self.target)
        except OSError as exc:
            raise paths.cannot_write(self.shown, paths.reason(exc)) from None
        self.done = True

    def discard(self) -> None:
        """Remove the temporary file unless it was committed."""
        if not self.done:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)
            self.done = True


def stage(target: Path, payload: str | bytes, *, shown: Path | None = None) -> Staged:
    """Write ``payload`` in full to a temporary file beside ``target``; :meth:`Staged.commit` puts it in place."""
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    shown = shown or target
    directory = target.parent if str(target.parent) else Path(".")
    if paths.is_directory(target):
        raise paths.cannot_write(shown, t("file.is_directory"))
    mode = _mode_for(target)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{_short(target.name)}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise paths.cannot_write(shown, paths.reason(exc)) from None
    staged = Staged(target, temporary, shown)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), mode)
    except BaseException as exc:
        staged.discard()
        if isinstance(exc, OSError):
            raise paths.cannot_write(shown, paths.reason(exc)) from None
        raise
    return staged


def _short(name: str) -> str:
    """At most 100 bytes of ``name``: room for the temporary file's affixes within the 255-byte limit."""
    return os.fsdecode(os.fsencode(name)[:100])


def _mode_for(target: Path) -> int:
    """Permissions of the file being replaced, or 0666 less the umask for a new one."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
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
