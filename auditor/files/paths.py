"""Paths given by the user: the one place where a name becomes a file to read or a place to write.

Every file the program reads on a user's say-so (policies, rule files, ``--waivers``, ``--baseline``,
``diff`` inputs, a batch's files) is read by :func:`read_file`: regular files only, checked before
opening, opened with ``O_NONBLOCK`` (a FIFO swapped in after the check cannot block the run) and
checked again on the open descriptor, read within a byte limit. Directories (rule packs, batch
folders) are listed by :class:`Walk`, which never follows a link to a directory, never enters a
kernel file system (``/proc``, ``/sys``, ``/dev`` and the like) and stops as soon as it has seen too
many entries or gone too deep. Report targets are checked by :func:`output_target` before any work
is done: a regular file (or a new one) is replaced atomically, a character device or a FIFO is
written through as ``> NAME`` would, one of this process's own standard streams is written to
directly, and anything else is refused; :func:`write_all` replaces several reports all or none.

Every ``OSError`` (and the ``RuntimeError`` with which ``Path.resolve`` reports a link loop on
Python 3.11 and 3.12) ends here as an :class:`InputError` or :class:`OutputError` naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from auditor.errors import InputError, OutputError, Problem
from auditor.i18n import t

MAX_DEPTH = 32
"""Deepest directory level a walk descends to; rule packs and batch folders are a few levels deep."""

_ERRNO_REASONS = {
    errno.ENOENT: "file.missing",
    errno.ELOOP: "paths.link_loop",
    errno.ENAMETOOLONG: "paths.name_too_long",
    errno.ENOTDIR: "paths.not_a_directory_on_the_way",
    errno.EACCES: "paths.permission_denied",
    errno.EPERM: "paths.permission_denied",
    errno.EROFS: "paths.read_only",
    errno.ENOSPC: "paths.disk_full",
    errno.EDQUOT: "paths.quota",
    errno.EISDIR: "file.is_directory",
    errno.EAGAIN: "paths.would_block",
}

_KERNEL_FILE_SYSTEMS = frozenset(
    {
        "autofs",
        "binfmt_misc",
        "bpf",
        "cgroup",
        "cgroup2",
        "configfs",
        "debugfs",
        "devpts",
        "devtmpfs",
        "efivarfs",
        "fusectl",
        "hugetlbfs",
        "mqueue",
        "nsfs",
        "proc",
        "pstore",
        "rpc_pipefs",
        "securityfs",
        "sysfs",
        "tracefs",
    }
)
_SYSTEM_TREES = ("/proc", "/sys", "/dev")
_DESCRIPTOR_NAME = re.compile(r"^/(?:dev/(?:stdout|stderr|fd/\d+)|proc/(?:self|thread-self|\d+)/fd/\d+)$")


def reason(exc: OSError) -> str:
    """Why an operating-system call failed, in the user's language."""
    key = _ERRNO_REASONS.get(exc.errno or 0)
    return t(key) if key else str(exc.strerror or exc)


def resolved(path: Path) -> Path:
    """``path`` absolute, with links and ``..`` resolved as far as they resolve; never raises."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a name too long
        return Path(os.path.abspath(path))


def identity(path: Path) -> tuple[int, int] | None:
    """Device and inode of what ``path`` leads to (the same file under any name), or None."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino)


def lookup(path: Path, display: str | None = None) -> os.stat_result | None:
    """What ``path`` leads to (links followed), None when nothing; :class:`InputError` when it cannot be told."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError.of(display or str(path), reason(exc)) from None
    except ValueError:  # an embedded NUL
        raise InputError.of(display or str(path), t("paths.bad_name")) from None


def is_regular_file(path: Path) -> bool:
    """True when ``path`` leads to a regular file (one that ``--force`` would be needed to replace)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_directory(path: Path) -> bool:
    """True when ``path`` leads to a directory; any error reads as "no"."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def kind(mode: int) -> str:
    """What a file of this mode is, in words ("named pipe (FIFO)", "socket", ...)."""
    for test, key in (
        (stat.S_ISFIFO, "paths.kind.fifo"),
        (stat.S_ISSOCK, "paths.kind.socket"),
        (stat.S_ISCHR, "paths.kind.character_device"),
        (stat.S_ISBLK, "paths.kind.block_device"),
        (stat.S_ISDIR, "paths.kind.directory"),
    ):
        if test(mode):
            return t(key)
    return t("paths.kind.other")


# --- reading ------------------------------------------------------------------------------


def read_file(path: Path, display: str | None = None, *, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; :class:`InputError` otherwise.

    Nothing but a regular file is opened: a FIFO, socket or device is refused by name before any
    ``open``, and the open itself cannot block (``O_NONBLOCK``; the descriptor is checked again).
    """
    name = display or str(path)
    status = lookup(path, name)
    if status is None:
        raise InputError.of(name, t("file.missing"))
    _require_regular(status, name)
    if status.st_size > limit:
        raise InputError.of(name, t("file.too_large", size=status.st_size, limit=limit))
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise InputError.of(name, t("file.unreadable", reason=reason(exc))) from None
    try:
        _require_regular(os.fstat(descriptor), name)  # replaced between the check and the open
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError.of(name, t("file.unreadable", reason=reason(exc))) from None
    finally:
        os.close(descriptor)
    if size > limit:  # the file grew while being read
        raise InputError.of(name, t("file.too_large", size=size, limit=limit))
    return b"".join(chunks)


def _require_regular(status: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise InputError.of(name, t("file.is_directory"))
    if not stat.S_ISREG(status.st_mode):
        raise InputError.of(name, t("paths.not_regular", kind=kind(status.st_mode)))


def input_directory(path: Path, display: str | None = None, *, not_directory: str | None = None) -> os.stat_result:
    """Check that ``path`` is a directory that may be walked (not a kernel file system)."""
    name = display or str(path)
    status = lookup(path, name)
    if status is None:
        raise InputError.of(name, t("file.missing"))
    if not stat.S_ISDIR(status.st_mode):
        raise InputError.of(name, not_directory or t("paths.not_directory"))
    if status.st_dev in _system_devices() or _in_system_tree(resolved(path)):
        raise InputError.of(name, t("paths.system_directory"))
    return status


@dataclass(frozen=True)
class Found:
    """A file met by a walk: its path (below the root as given), size, and whether its name is a link."""

    path: Path
    size: int
    linked: bool


class Walk:
    """The files below ``root`` whose names end in one of ``suffixes``, found lazily.

    Hidden names (``.git``) are skipped; links to directories are not followed (so a link loop cannot
    trap the walk) and kernel file systems are not entered. A link to a file, or any other entry with
    a matching name (a FIFO, a device, a dangling link) is yielded as it is: reading it names the
    problem. More than ``max_entries`` entries seen, or a level deeper than :data:`MAX_DEPTH`, stops
    the walk with :class:`InputError` naming the root. A directory that cannot be listed becomes one
    of :attr:`problems` and the walk goes on. Directories are listed in name order.
    """

    def __init__(self, root: Path, suffixes: tuple[str, ...], *, max_entries: int, display: str | None = None) -> None:
        self.root = root
        self.suffixes = suffixes
        self.max_entries = max_entries
        self.display = display or str(root)
        self.problems: list[Problem] = []
        self.entries = 0

    def __iter__(self) -> Iterator[Found]:
        system = _system_devices()
        pending: list[tuple[Path, int]] = [(self.root, 0)]
        while pending:
            directory, depth = pending.pop()
            try:
                entries = sorted(self._list(directory), key=lambda entry: entry.name)
            except OSError as exc:
                self.problems.append(Problem(str(directory), None, None, t("file.unreadable", reason=reason(exc))))
                continue
            below: list[tuple[Path, int]] = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = directory / entry.name
                found = self._visit(entry, path, depth, system, below)
                if found is not None:
                    yield found
            pending.extend(reversed(below))  # depth first, in name order

    def _list(self, directory: Path) -> list[os.DirEntry[str]]:
        """The entries of ``directory``, counted as they come: a huge directory stops the walk at once."""
        entries = []
        with os.scandir(directory) as listing:
            for entry in listing:
                self.entries += 1
                if self.entries > self.max_entries:
                    raise InputError.of(self.display, t("paths.too_many_entries", limit=self.max_entries))
                entries.append(entry)
        return entries

    def _visit(
        self, entry: os.DirEntry[str], path: Path, depth: int, system: frozenset[int], below: list[tuple[Path, int]]
    ) -> Found | None:
        try:
            if entry.is_dir(follow_symlinks=False):
                if entry.stat(follow_symlinks=False).st_dev in system:
                    return None
                if depth + 1 > MAX_DEPTH:
                    raise InputError.of(self.display, t("paths.too_deep", limit=MAX_DEPTH))
                below.append((path, depth + 1))
                return None
            if not entry.name.endswith(self.suffixes):
                return None
            if entry.is_symlink():
                try:
                    target = os.stat(path)
                except OSError:  # dangling or a loop: reading it says which
                    return Found(path, 0, linked=True)
                if stat.S_ISDIR(target.st_mode):
                    return None  # a link to a directory is never followed
                return Found(path, target.st_size if stat.S_ISREG(target.st_mode) else 0, linked=True)
            status = entry.stat(follow_symlinks=False)
        except OSError as exc:
            self.problems.append(Problem(str(path), None, None, t("file.unreadable", reason=reason(exc))))
            return None
        return Found(path, status.st_size if stat.S_ISREG(status.st_mode) else 0, linked=False)


@functools.cache
def _system_devices() -> frozenset[int]:
    """Devices of the kernel's own file systems (from the mount table, else /proc, /sys and /dev)."""
    devices: set[int] = set()
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as table:
            for line in table:
                fields = line.split()
                fstype = fields[fields.index("-") + 1]
                major, minor = fields[2].split(":")
                if fstype in _KERNEL_FILE_SYSTEMS or _in_system_tree(Path(fields[4])):
                    devices.add(os.makedev(int(major), int(minor)))
    with contextlib.suppress(OSError):
        root = os.stat("/").st_dev
        for tree in _SYSTEM_TREES:
            device = os.stat(tree).st_dev
            if device != root:  # /dev may be a plain directory of the root file system
                devices.add(device)
    return frozenset(devices)


def _in_system_tree(path: Path) -> bool:
    return any(path == Path(tree) or path.is_relative_to(tree) for tree in _SYSTEM_TREES)


# --- writing ------------------------------------------------------------------------------

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


def cannot_write(path: Path | str, why: str) -> OutputError:
    """The error for a report that cannot be written to ``path``, carrying the bare reason too."""
    error = OutputError(t("output.cannot_write", file=path, reason=why))
    error.reason = why
    return error


def output_target(path: Path, *, parents: bool = False) -> Target:
    """What writing a report to ``path`` would do; :class:`OutputError` when it must not or cannot.

    ``parents``: the caller creates missing directories on the way (``mkdir -p``) before writing.
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
    except OSError:
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
    flags = os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(target.path, flags)  # O_NONBLOCK: a FIFO without a reader fails now
    except OSError as exc:
        why = t("paths.no_reader") if exc.errno == errno.ENXIO else reason(exc)
        raise cannot_write(target.path, why) from None
    try:
        opened = os.fstat(descriptor)
        if not (stat.S_ISCHR(opened.st_mode) or stat.S_ISFIFO(opened.st_mode)):
            raise cannot_write(target.path, t("paths.replaced"))
        fcntl.fcntl(descriptor, fcntl.F_SETFL, fcntl.fcntl(descriptor, fcntl.F_GETFL) & ~os.O_NONBLOCK)
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
