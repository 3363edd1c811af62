"""Reading a file as it was at a git revision (``auditor diff --base REF POLICY``).

Runs ``git`` as a subprocess with a fixed argument list (never a shell), the revision checked
first so that a typo is reported as such, the blob size checked against the same limit as files
on disk, and every failure turned into a one-line :class:`InputError`. The working-tree side is
located through :mod:`auditor.files.paths`, so links, loops and long names end as input errors.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import InputError
from auditor.files.paths import is_directory, reason, resolved
from auditor.files.yamlsource import MAX_BYTES
from auditor.i18n import t

GIT_TIMEOUT = 60.0
"""Seconds a single git command may take (a huge repository over a slow disk, not a hang)."""


@dataclass(frozen=True)
class Revision:
    """A file at a revision: the label shown to users and the bytes (None when the file did not exist)."""

    label: str
    data: bytes | None


def _git(args: list[str], cwd: Path, name: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise InputError.of(name, t("git.not_found")) from None
    except OSError as exc:
        raise InputError.of(name, t("git.failed", detail=reason(exc))) from None
    except subprocess.TimeoutExpired:
        raise InputError.of(name, t("git.failed", detail=f"timeout after {GIT_TIMEOUT:.0f} s")) from None


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "?"


def read_at(path: Path, ref: str) -> Revision:
    """The content of ``path`` (a file in a git work tree) at revision ``ref``."""
    name = str(path)
    if not ref or ref.startswith("-") or any(ch in ref for ch in "\0\n"):
        raise InputError.of(name, t("git.bad_ref_syntax", ref=ref))
    directory = resolved(path.parent if str(path.parent) else Path("."))
    if not is_directory(directory):
        raise InputError.of(name, t("file.missing"))
    top = _git(["rev-parse", "--show-toplevel"], directory, name)
    if top.returncode != 0:
        raise InputError.of(name, t("git.not_repo"))
    root = resolved(Path(top.stdout.decode("utf-8", "surrogateescape").strip()))
    try:
        relative = (directory / path.name).relative_to(root).as_posix()
    except ValueError:
        raise InputError.of(name, t("git.not_repo")) from None
    label = f"{ref}:{relative}"
    commit = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root, name)
    if commit.returncode != 0:
        raise InputError.of(name, t("git.bad_ref", ref=ref))
    sha = commit.stdout.decode().strip()
    spec = f"{sha}:{relative}"
    kind = _git(["cat-file", "-t", spec], root, name)
    if kind.returncode != 0:
        return Revision(label, None)  # the file is new since ``ref``
    if kind.stdout.decode().strip() != "blob":
        raise InputError.of(label, t("file.is_directory"))
    size = _git(["cat-file", "-s", spec], root, name)
    if size.returncode == 0 and int(size.stdout.decode().strip() or 0) > MAX_BYTES:
        raise InputError.of(label, t("file.too_large", size=size.stdout.decode().strip(), limit=MAX_BYTES))
    blob = _git(["cat-file", "blob", spec], root, name)
    if blob.returncode != 0:
        raise InputError.of(label, t("git.failed", detail=_first_line(blob.stderr)))
    return Revision(label, blob.stdout)
