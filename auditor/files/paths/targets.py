"""Report targets: what a user's ``-o`` path is, and writing several reports all or none."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from auditor.files.paths.common import cannot_write, kind, open_flags, reason
from auditor.i18n import t

_DESCRIPTOR_NAME = re.compile(r"^/(?:dev/(?:stdout|stderr|fd/\d+)|proc/(?:self|thread-self|\d+)/fd/\d+)$")

TargetKind = Literal["file", "stream", "through"]


@dataclass(frozen=True)
class Target:
    """A checked place for a report.

    ``file``: a regular file or a new one at ``real`` (links followed), replaced atomically.
    ``stream``: this process's standard output or error (``-o /dev/stdout``), descriptor ``fd``.
    ``through``: a character device or a FIFO, opened and written as ``> NAME`` would.
    """

    path: Path
    real: Path
    kind: TargetKind
    fd: int = -1


def output_target(path: Path, *, parents: bool = True) -> Target:
    """What writing a report to ``path`` would do; :class:`OutputError` when it must not or cannot.

    ``parents``: missing directories on the way are allowed (the writer creates them, as
    ``-o out/report.pdf`` with no ``out/`` yet expects); False refuses them.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return _new_file(path, parents)
    except OSError as exc:
        raise cannot_write(path, reason(exc)) from None
    except ValueError:
        raise cannot_write(path, t("paths.bad_name")) from None
    mode = status.st_mode
    stream = _standard_stream(path, status)
    if stream is not None:
        return Target(path, path, "stream", stream)
    if stat.S_ISDIR(mode):
        raise cannot_write(path, t("file.is_directory"))
    if stat.S_ISREG(mode):
        real = Path(os.path.realpath(path))
        _require_writable_directory(path, real.parent)
        return Target(path, real, "file")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target(path, path, "through")
    raise cannot_write(path, t("paths.not_regular_output", kind=kind(mode)))


def _new_file(path: Path, parents: bool) -> Target:
    real = Path(os.path.realpath(path))  # a dangling link: the file it names is created
    parent = real.parent
    while True:
        try:
            status = os.stat(parent)
            break
        except FileNotFoundError:
            if not parents or parent == parent.parent:
                raise cannot_write(path, t("paths.no_directory", directory=real.parent)) from None
            parent = parent.parent  # created by the caller
        except OSError as exc:
            raise cannot_write(path, reason(exc)) from None
    if not stat.S_ISDIR(status.st_mode):
        raise cannot_write(path, t("paths.not_a_directory_on_the_way"))
    _require_writable_directory(path, parent)
    return Target(path, real, "file")


def _require_writable_directory(path: Path, directory: Path) -> None:
    # A new file needs a writable directory, and so does an atomic replacement (a temporary file
    # and a rename). os.access also answers for a read-only file system, even to root.
    if not os.access(directory, os.W_OK | os.X_OK):
        why = t("paths.read_only") if _read_only(directory) else t("paths.permission_denied")
        raise cannot_write(path, why)


def _read_only(directory: Path) -> bool:
    try:
        return bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs on this platform
        return False


def _standard_stream(path: Path, status: os.stat_result) -> int | None:
    """1 or 2 when ``path`` is this process's standard output or error (``/dev/stdout``, a tty, a pipe)."""
    for descriptor in (1, 2):
        try:
            opened = os.fstat(descriptor)
        except OSError:
            continue
        if (opened.st_dev, opened.st_ino) != (status.st_dev, status.st_ino):
            continue
        # A regular file that happens to be our redirected output is a stream only when named so.
        if not stat.S_ISREG(status.st_mode) or _DESCRIPTOR_NAME.match(os.path.abspath(path)):
            return descriptor
    return None


def write_report(path: Path, payload: str | bytes) -> Target:
    """Check ``path`` and write one report there (see :func:`output_target`); the target written."""
    target = output_target(path)
    write_all([(target, payload.encode("utf-8") if isinstance(payload, str) else payload)])
    return target


def write_all(reports: Sequence[tuple[Target, bytes]]) -> None:
    """Write every report, or none: all regular files are staged, the others written, then all renamed.

    A failure anywhere (a full disk, a FIFO without a reader, Ctrl-C) removes every staged file and
    leaves every existing report as it was; only a device or pipe already written cannot be undone.
    """
    from auditor.files import output

    staged: list[output.Staged] = []
    try:
        with output.sigterm_as_interrupt():
            for target, payload in reports:
                if target.kind == "file":
                    staged.append(output.stage(target.real, payload, shown=target.path))
            for target, payload in reports:
                if target.kind != "file":
                    _write_through(target, payload)
            while staged:
                staged[0].commit()
                staged.pop(0)
    finally:
        for leftover in staged:
            leftover.discard()


def _write_through(target: Target, payload: bytes) -> None:
    if target.kind == "stream":
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        _write_fully(target.fd, payload, target.path)
        return
    flags = os.O_WRONLY | open_flags("O_NOCTTY", "O_NONBLOCK", "O_CLOEXEC")
    try:
        descriptor = os.open(target.path, flags)  # O_NONBLOCK: a FIFO without a reader fails now
    except OSError as exc:
        why = t("paths.no_reader") if exc.errno == errno.ENXIO else reason(exc)
        raise cannot_write(target.path, why) from None
    try:
        opened = os.fstat(descriptor)
        if not (stat.S_ISCHR(opened.st_mode) or stat.S_ISFIFO(opened.st_mode)):
            raise cannot_write(target.path, t("paths.replaced"))
        os.set_blocking(descriptor, True)  # opened: now a slow reader is waited for, as by `> NAME`
        _write_fully(descriptor, payload, target.path)
    finally:
        os.close(descriptor)


def _write_fully(descriptor: int, payload: bytes, shown: Path) -> None:
    view = memoryview(payload)
    while view:
        try:
            written = os.write(descriptor, view)
        except BrokenPipeError:
            raise  # the reader went away: the run ends as interrupted, as for standard output
        except OSError as exc:
            raise cannot_write(shown, reason(exc)) from None
        view = view[written:]
