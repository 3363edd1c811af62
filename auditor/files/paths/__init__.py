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

from auditor.files.paths.common import (
    cannot_write,
    identity,
    is_directory,
    is_regular_file,
    kind,
    lookup,
    reason,
    resolved,
)
from auditor.files.paths.reading import MAX_DEPTH, Found, Walk, input_directory, read_file
from auditor.files.paths.targets import Target, output_target, write_all, write_report

__all__ = [
    "MAX_DEPTH",
    "Found",
    "Target",
    "Walk",
    "cannot_write",
    "identity",
    "input_directory",
    "is_directory",
    "is_regular_file",
    "kind",
    "lookup",
    "output_target",
    "read_file",
    "reason",
    "resolved",
    "write_all",
    "write_report",
]
