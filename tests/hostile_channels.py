"""The ``made/`` cases of the hostile corpus: things made at test time and put on one input channel.

A FIFO, a socket, a device node, a link loop or a name over 255 bytes cannot be committed to git,
so each such case says what to make (``made:``) and where it goes (``channel:``); :func:`prepare`
makes it in the case's own directory and returns the name stderr must show and the two command
lines (English, then Japanese). :func:`snapshot` records a directory tree so that the runner can
check that a refused run changed nothing in it.

Kinds (``made:``): ``fifo``, ``socket``, ``dev-null``/``dev-zero``/``dev-full`` (character devices
1,3 / 1,5 / 1,7 made with mknod, as root; elsewhere links to the /dev nodes), ``block`` (a block device node of
an unassigned major number: refused before any open), ``link-loop`` (``ln -s NAME NAME``),
``dangling-link``, ``long-name`` (a 277-byte Japanese name; nothing is made), ``directory``,
``no-directory`` (the name inside a directory that does not exist), ``under-a-file`` (the name
below a regular file, as if it were a directory), ``copy`` (of the corpus file
``source:``), ``text`` (``text:`` as UTF-8), ``existing`` (the system path ``path:`` itself).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.gitrepo import commit, git, init_repo

LONG_NAME = "監" * 90 + ".yaml"
"""277 bytes in UTF-8 (90 characters): over the 255-byte limit of a name, under it in characters."""

_DEVICES = {"dev-null": (1, 3), "dev-zero": (1, 5), "dev-full": (1, 7)}
_UNASSIGNED_BLOCK_MAJOR = 240
"""Linux reserves block majors 240-254 for local or experimental use: no driver answers an open."""


def make(kind: str, target: Path, case: dict[str, Any], corpus: Path) -> None:
    """Create ``kind`` at ``target`` (whose directory exists)."""
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "socket":
        _bind_socket(target)
    elif kind in _DEVICES:
        _device(target, stat.S_IFCHR, *_DEVICES[kind], fallback=Path("/dev") / kind.removeprefix("dev-"))
    elif kind == "block":
        _device(target, stat.S_IFBLK, _UNASSIGNED_BLOCK_MAJOR, 0, fallback=_some_block_device())
    elif kind == "link-loop":
        os.symlink(target.name, target)
    elif kind == "dangling-link":
        os.symlink("nowhere.yaml", target)
    elif kind == "directory":
        target.mkdir()
    elif kind == "copy":
        shutil.copyfile(corpus / case["source"], target)
    elif kind == "text":
        target.write_text(case["text"], encoding="utf-8")
    elif kind == "under-a-file":
        target.parent.write_text("a file where a directory should be\n", encoding="utf-8")
    elif kind not in ("long-name", "no-directory", "existing"):
        raise AssertionError(f"unknown kind {kind!r}")


def _bind_socket(target: Path) -> None:
    # AF_UNIX addresses are limited to 108 bytes: bind the short name from inside its directory.
    here = os.getcwd()
    os.chdir(target.parent)
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(target.name)
    finally:
        os.chdir(here)


def _device(target: Path, kind: int, major: int, minor: int, *, fallback: Path) -> None:
    try:
        os.mknod(target, kind | 0o600, os.makedev(major, minor))
    except PermissionError:  # not root: a link reaches a real node just the same (stat follows it)
        os.symlink(fallback, target)


def _some_block_device() -> Path:
    for entry in sorted(Path("/dev").iterdir()):
        if entry.is_block_device():
            return entry
    raise AssertionError("no block device to link to (run as root, as CI does)")


def target_path(case: dict[str, Any], directory: Path) -> Path:
    """Where the made thing goes: its channel's place in the case directory."""
    name = LONG_NAME if case["made"] == "long-name" else Path(case["file"]).name
    channel = case["channel"]
    if case["made"] == "no-directory":
        return directory / "no-such-directory" / name
    if case["made"] == "under-a-file":
        return directory / "a-file" / name
    if channel == "output-multi":
        return directory / "report.md"
    if channel in ("pack-file", "batch-dir", "batch-glob"):
        return directory / "inside" / name
    if channel == "per-policy":
        return directory / "reports" / "alpha-town.json"
    if channel == "diff-base":
        return directory / "policy.yaml"
    return directory / name


Commands = Callable[[str, Path, Path, Path], list[list[str]]]


def _two(english: list[str], japanese: list[str]) -> list[list[str]]:
    return [[*english, "--lang", "en"], japanese]


CHANNELS: dict[str, Commands] = {
    # channel: (script, the made path X, the case directory D, a good policy) -> two command lines
    "policy": lambda s, x, d, good: _two([s, "validate", str(x)], [s, "audit", str(x)]),
    "waivers": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--waivers", str(x)],
        [s, "baseline", "create", str(good), "-o", str(d / "new-baseline.yaml"), "--waivers", str(x)],
    ),
    "baseline": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--baseline", str(x)], [s, "baseline", "update", str(good), "-o", str(x)]
    ),
    "pack": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--rules", str(x)], [s, "rules", "list", "--rules", str(x)]
    ),
    "pack-file": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--rules", str(x.parent)], [s, "rules", "list", "--rules", str(x.parent)]
    ),
    "diff": lambda s, x, d, good: _two([s, "diff", str(x), str(good)], [s, "diff", str(good), str(x)]),
    "diff-base": lambda s, x, d, good: _two(
        [s, "diff", "--base", "HEAD", str(x)], [s, "diff", "--base", "HEAD", str(x)]
    ),
    "batch-dir": lambda s, x, d, good: _two(
        [s, "batch", str(x.parent), "--format", "json"], [s, "batch", str(x.parent)]
    ),
    "batch-arg": lambda s, x, d, good: _two(
        [s, "batch", str(x), str(good), "--format", "json"], [s, "batch", str(good), str(x)]
    ),
    "batch-glob": lambda s, x, d, good: _two(
        [s, "batch", f"{x.parent}/*.y*ml", "--format", "json"], [s, "batch", f"{d}/**/*.yaml"]
    ),
    "output": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--format", "json", "-o", str(x)], [s, "diff", str(good), str(good), "-o", str(x)]
    ),
    "output-multi": lambda s, x, d, good: _two(
        [s, "audit", str(good), "-f", "json,markdown,html", "-o", str(x.with_suffix(""))],
        [s, "audit", str(good), "-f", "markdown,json", "-o", str(x.with_suffix(""))],
    ),
    "baseline-output": lambda s, x, d, good: _two(
        [s, "baseline", "create", str(good), "-o", str(x), "--force"],
        [s, "baseline", "create", str(good), "-o", str(x)],
    ),
    "batch-output": lambda s, x, d, good: _two(
        [s, "batch", str(good), "--format", "json", "-o", str(x)],
        [s, "batch", str(good), "--format", "csv", "-o", str(x)],
    ),
    "evidence": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--evidence", str(x)],
        [s, "checklist", "export", str(good), "-o", str(d / "checklist.xlsx"), "--evidence", str(x)],
    ),
    "checklist": lambda s, x, d, good: _two(
        [s, "checklist", "import", str(x), "-o", str(d / "evidence.yaml")],
        [s, "checklist", "import", str(x), "-o", str(d / "evidence.yaml"), "--policy", str(good)],
    ),
    "checklist-output": lambda s, x, d, good: _two(
        [s, "checklist", "import", str(d / "filled.xlsx"), "-o", str(x), "--force"],
        [s, "checklist", "import", str(d / "filled.xlsx"), "-o", str(x), "--force"],
    ),
    "compare": lambda s, x, d, good: _two(
        [s, "audit", str(good), "--compare", str(x)], [s, "audit", str(good), "--compare", str(x), "-f", "json"]
    ),
    "per-policy": lambda s, x, d, good: _two(
        [
            s,
            "batch",
            str(good),
            "--per-policy-reports",
            str(x.parent),
            "--per-policy-format",
            "json",
            "--format",
            "json",
        ],
        [s, "batch", str(good), "--per-policy-reports", str(x.parent), "--per-policy-format", "json"],
    ),
}


def prepare(
    case: dict[str, Any], directory: Path, corpus: Path, script: str, good: Path
) -> tuple[str, list[list[str]]]:
    """Make ``case`` in ``directory``; the name stderr must show and the two command lines."""
    channel = case["channel"]
    directory.mkdir(parents=True)
    target = Path(case["path"]) if case["made"] == "existing" else target_path(case, directory)
    if target.parent != directory and case["made"] not in ("no-directory", "under-a-file", "existing"):
        target.parent.mkdir()
    if channel in ("batch-dir", "batch-glob"):
        shutil.copyfile(good, target.parent / "good.yaml")  # audited all the same
    if channel == "diff-base":
        _revision(case, target, directory, corpus, good)
    else:
        make(case["made"], target, case, corpus)
    shown = str(case.get("names") or target)
    return shown, CHANNELS[channel](script, target, directory, good)


def _revision(case: dict[str, Any], target: Path, directory: Path, corpus: Path, good: Path) -> None:
    """A repository whose HEAD holds the hostile content (or a good policy), the work tree the other."""
    init_repo(directory)
    if case["made"] in ("copy", "text"):
        make(case["made"], target, case, corpus)
        commit(directory, "hostile revision")
        shutil.copyfile(good, target)
        return
    shutil.copyfile(good, target)
    commit(directory, "good revision")
    target.unlink()
    make(case["made"], target, case, corpus)
    git(directory, "status", "--short")  # refresh the index now, not while the case runs


def snapshot(directory: Path) -> dict[str, tuple[int, int, str]]:
    """Every entry below ``directory`` (links not followed): mode, size, and the SHA-256 of regular files."""
    tree: dict[str, tuple[int, int, str]] = {}
    for root, dirs, names in os.walk(directory):
        for name in [*dirs, *names]:
            path = Path(root) / name
            status = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(status.st_mode) else ""
            tree[str(path.relative_to(directory))] = (status.st_mode, status.st_size, digest)
    return tree
