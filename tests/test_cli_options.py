"""The options shared by several commands (auditor/cli/common.py bundles) read and behave alike everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import exitcodes
from tests.helpers import run_cli

COMMANDS = [["audit"], ["diff"], ["batch"], ["baseline", "create"], ["baseline", "update"]]


BAD_VALUES = [("--date", "2026-13-01"), ("--fail-on", "severe"), ("--fail-on-level", "may")]
CASES = [
    (command, option, value)
    for command in COMMANDS
    for option, value in BAD_VALUES
    if not (command[0] == "baseline" and option.startswith("--fail-on"))
]  # baseline has no gate


@pytest.mark.parametrize(("command", "option", "value"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_a_bad_shared_option_is_a_usage_error_everywhere(
    command: list[str], option: str, value: str, tmp_path: Path
) -> None:
    result = run_cli(*command, tmp_path / "policy.yaml", "-o", tmp_path / "out", option, value)
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert f"Invalid value for '{option}'" in result.stderr


@pytest.mark.parametrize("command", [["baseline", "create"], ["baseline", "update"]], ids=" ".join)
def test_baseline_has_no_gate_and_needs_its_output(command: list[str], tmp_path: Path) -> None:
    no_gate = run_cli(*command, tmp_path / "p.yaml", "-o", tmp_path / "b.yaml", "--fail-on", "low")
    assert no_gate.code == exitcodes.USAGE_OR_INPUT and "No such option '--fail-on'" in no_gate.stderr
    missing = run_cli(*command, tmp_path / "p.yaml")
    assert missing.code == exitcodes.USAGE_OR_INPUT
    assert "Missing option '-o' / '--output'" in missing.stderr
