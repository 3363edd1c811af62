"""Shared fixtures: run the real CLI (in-process and as the installed console script) and find files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "policies" / "examples"
GOLDEN = REPO / "tests" / "golden"
AUDIT_DATE = "2026-11-22"
"""Fixed audit date for every golden output, so results never change with the clock."""


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path, input: str | None = None) -> Run:
    """Run ``auditor ARGS`` in-process through :func:`auditor.cli.main` (the real entry point)."""
    from auditor.cli import main

    runner = CliRunner()
    with runner.isolation(input=input) as streams:
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:  # main() always ends with SystemExit
            code = exc.code if isinstance(exc.code, int) else 0
        stdout = streams[0].getvalue().decode("utf-8")
        stderr = streams[1].getvalue().decode("utf-8")
    return Run(code, stdout, stderr)


def installed_script() -> str:
    """The ``auditor`` console script of the interpreter running the tests.

    Preferred to whatever ``auditor`` comes first on PATH, which may belong to another install.
    """
    beside = Path(sys.executable).with_name("auditor")
    return str(beside) if beside.exists() else (shutil.which("auditor") or str(beside))


def run_installed(*args: str | Path, timeout: float = 60, cwd: Path | None = None,
                  env: dict[str, str] | None = None) -> Run:
    """Run the installed ``auditor`` console script in a subprocess."""
    executable = installed_script()
    merged = {**os.environ, **(env or {})}
    done = subprocess.run([executable, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          cwd=cwd, env=merged, check=False)
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli() -> type[Run]:
    """Marker fixture so tests read naturally; use :func:`run_cli` directly."""
    return Run


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when goldens should be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))
