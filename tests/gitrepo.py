"""A real, throw-away git repository holding a policy, for the CI-gating tests (diff --base, CI examples)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.helpers import run_cli

_ENV = {
    # Isolated from the user's and the machine's git configuration, deterministic identity.
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test CISO office",
    "GIT_AUTHOR_EMAIL": "ciso@example.jp",
    "GIT_COMMITTER_NAME": "Test CISO office",
    "GIT_COMMITTER_EMAIL": "ciso@example.jp",
}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo``; raise on failure; return stdout."""
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=False, env={**os.environ, **_ENV}
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def init_repo(path: Path) -> Path:
    """An empty repository with branch ``main``."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def write_policy(path: Path, model: str = "beta_prime") -> Path:
    """Write the `auditor init --example` template (a policy that meets every encoded requirement) to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    result = run_cli("init", "--example", "--model", model, "-o", path, "--force")
    assert result.code == 0, result.stderr
    return path


def commit(repo: Path, message: str) -> str:
    """Stage everything and commit; return the commit id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one line containing ``old`` by the same line with ``new``; return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [index for index, line in enumerate(lines) if old in line]
    assert len(hits) == 1, f"{old!r} found on {len(hits)} lines"
    lines[hits[0]] = lines[hits[0]].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return hits[0] + 1


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the one line containing ``text``."""
    hits = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    assert len(hits) == 1, f"{text!r} found on {len(hits)} lines"
    return hits[0]
