"""Shared fixtures: run the real CLI (in-process and as the installed console script) and find files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    # Appended, not prepended: `bench` (benchmark and fuzz scripts) becomes importable while `auditor`
    # still resolves to the installed package, which is what the suite must test.
    sys.path.append(str(REPO))
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


def run_installed(
    *args: str | Path, timeout: float = 60, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """Run the installed ``auditor`` console script in a subprocess."""
    executable = installed_script()
    merged = {**os.environ, **(env or {})}
    done = subprocess.run(
        [executable, *map(str, args)], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=merged, check=False
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli() -> type[Run]:
    """Marker fixture so tests read naturally; use :func:`run_cli` directly."""
    return Run


def missing_prerequisites(items: list[pytest.Item]) -> list[str]:
    """One line per system program or library the collected tests need and this machine lacks."""
    import ctypes.util

    missing = []
    if ctypes.util.find_library("pango-1.0") is None:
        missing.append("Pango (weasyprint's text layout, for every PDF test): Debian `apt-get install libpango-1.0-0`")
    if any(item.get_closest_marker("chromium") for item in items) and not (
        shutil.which("chromium") or shutil.which("chromium-browser")
    ):
        missing.append(
            "chromium (the HTML report tests open pages in it): Debian `apt-get install chromium`"
            " (bash scripts/test.sh installs it when run as root), or deselect them with -m 'not chromium'"
        )
    return missing


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Said once, before any test runs, instead of as a bare assert inside each test that needs it.
    missing = missing_prerequisites(items)
    if missing:
        raise pytest.UsageError("missing on this machine: " + "; ".join(missing))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when goldens should be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))


def template_policy(
    tmp_path: Path, changes: dict[str, Any] | None = None, entity: str = "municipality", model: str = "alpha"
) -> Path:
    """An ``auditor init`` policy (compliant by construction) with ``changes`` applied.

    ``changes`` maps dotted paths to values; a value of None removes the key (makes it undeclared).
    Each call writes a new file in ``tmp_path``.
    """
    target = tmp_path / f"policy-{len(list(tmp_path.glob('policy-*.yaml')))}.yaml"
    assert run_cli("init", "--entity", entity, "--model", model, "-o", target).code == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    for dotted, value in (changes or {}).items():
        node = data
        *parents, last = dotted.split(".")
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return target


def audit_outcomes(policy: Path, *extra: str) -> dict[str, dict[str, Any]]:
    """Audit ``policy`` as JSON at :data:`AUDIT_DATE` and index the outcomes by rule id."""
    import json

    result = run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE, *extra)
    assert result.code in (0, 1), result.stderr
    return {o["rule_id"]: o for o in json.loads(result.stdout)["outcomes"]}
