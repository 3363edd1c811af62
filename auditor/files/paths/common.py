"""Helpers shared by reading and writing user paths: errno reasons, resolving, looking up, kinds."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from auditor.errors import InputError, OutputError
from auditor.i18n import t

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


def open_flags(*names: str) -> int:
    """The ``os.open`` flags named (``O_NONBLOCK``...), leaving out those this platform lacks."""
    flags = 0
    for name in names:
        flags |= int(getattr(os, name, 0))
    return flags


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


def cannot_write(path: Path | str, why: str) -> OutputError:
    """The error for a report that cannot be written to ``path``, carrying the bare reason too."""
    error = OutputError(t("output.cannot_write", file=path, reason=why))
    error.reason = why
    return error
