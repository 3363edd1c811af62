"""Reading what a user names: regular files without blocking, and bounded walks of directories."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError, Problem
from auditor.files.paths.common import kind, lookup, open_flags, reason, resolved
from auditor.i18n import t

MAX_DEPTH = 32
"""Deepest directory level a walk descends to; rule packs and batch folders are a few levels deep."""

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
    flags = os.O_RDONLY | open_flags("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC")
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
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as table:
            mounts = table.read().splitlines()
    except OSError:
        mounts = []
    for line in mounts:  # "36 35 98:0 /root /mnt opts - fstype source opts"
        fields = line.split()
        try:
            fstype = fields[fields.index("-") + 1]
            major, minor = (int(number) for number in fields[2].split(":"))
        except (ValueError, IndexError):
            continue
        if fstype in _KERNEL_FILE_SYSTEMS or _in_system_tree(Path(fields[4])):
            devices.add(os.makedev(major, minor))
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
