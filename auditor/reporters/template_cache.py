"""Jinja2's bytecode cache for the report templates, so a report does not compile them on every run.

Compiling ``audit.html.j2`` and ``base.html.j2`` takes Jinja2 about a tenth of a second, on the
critical path of every HTML and PDF report. With this cache the Python code Jinja2 generates is
kept, marshalled, under ``<cache dir>/templates`` (the directory of the rule cache, see
:func:`auditor.rules.cache.cache_dir`) and loaded on the next run instead.

A cached entry is used only for the same template source (Jinja2 stores a checksum of it), the
same template file, and the same :func:`environment_key`: Jinja2's and auditor's versions, the
Python version and the environment's options. An edited template or an upgrade is therefore
compiled afresh, never served stale code.

The entries are code that will run, so the directory is used only when it belongs to this user
and nobody else may write to it (as Jinja2 demands of its own default directory); otherwise, and
wherever the cache cannot be read or written, templates are compiled as if there were no cache.
``AUDITOR_NO_CACHE=1`` turns it off, together with the rule cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from auditor import __version__
from auditor.rules.cache import cache_dir

SUBDIRECTORY = "templates"


def environment_key(options: Mapping[str, Any]) -> str:
    """A digest of everything besides the template source that shapes the generated code."""
    parts = [jinja2.__version__, __version__, sys.implementation.cache_tag or "", repr(sorted(options.items()))]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def bytecode_cache(options: Mapping[str, Any]) -> jinja2.BytecodeCache | None:
    """The cache for an environment built with ``options``, or None (disabled, or no safe directory)."""
    base = cache_dir()
    if base is None:
        return None
    directory = base / SUBDIRECTORY
    if not _private_directory(directory):
        return None
    return TemplateBytecodeCache(str(directory), f"{environment_key(options)}-%s.cache")


class TemplateBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's file-system cache, best effort: an entry that cannot be read or written is skipped.

    An entry is opened without following links or blocking (a FIFO put there must not hang a
    report) and read only when it is a regular file.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(self._get_cache_filename(bucket), flags)
        except OSError:
            return
        with open(descriptor, "rb") as stream:
            try:
                if stat.S_ISREG(os.fstat(descriptor).st_mode):
                    bucket.load_bytecode(stream)
            except Exception:  # a truncated or foreign file: compile from source
                bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _private_directory(directory: Path) -> bool:
    """Whether ``directory`` exists (created if need be) as a directory of this user that only it may write."""
    with contextlib.suppress(OSError):
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        info = os.lstat(directory)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()
