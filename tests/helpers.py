"""Helpers the tests share: run the real CLI (in-process and as the installed console script), find files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
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


def template_policy(
    tmp_path: Path, changes: dict[str, Any] | None = None, entity: str = "municipality", model: str = "alpha"
) -> Path:
    """An ``auditor init --example`` policy (compliant by construction) with ``changes`` applied.

    ``changes`` maps dotted paths to values; a value of None removes the key (makes it undeclared).
    Each call writes a new file in ``tmp_path``.
    """
    target = tmp_path / f"policy-{len(list(tmp_path.glob('policy-*.yaml')))}.yaml"
    assert run_cli("init", "--example", "--entity", entity, "--model", model, "-o", target).code == 0
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
