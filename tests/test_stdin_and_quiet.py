"""``-`` reads a policy (or a rule) from standard input; ``-q`` prints the failures only, for hooks."""

from __future__ import annotations

import json
from pathlib import Path

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli

TOWN = EXAMPLES / "alpha-town.yaml"


def test_audit_reads_the_policy_from_standard_input() -> None:
    text = TOWN.read_text(encoding="utf-8")
    piped = run_cli("audit", "-", "--format", "json", "--date", AUDIT_DATE, input=text)
    direct = run_cli("audit", TOWN, "--format", "json", "--date", AUDIT_DATE)
    assert piped.code == direct.code == exitcodes.FINDINGS
    from_stdin, from_file = json.loads(piped.stdout), json.loads(direct.stdout)
    assert from_stdin["policy"]["file"] == "<stdin>"
    assert from_stdin["policy"]["sha256"] == from_file["policy"]["sha256"]
    assert [(o["rule_id"], o["status"], o["line"]) for o in from_stdin["outcomes"]] == [
        (o["rule_id"], o["status"], o["line"]) for o in from_file["outcomes"]
    ]


def test_problems_in_standard_input_are_located_in_it() -> None:
    result = run_cli("--lang", "en", "audit", "-", input="entity:\n  name: x\n  cod: 1\n")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "error: <stdin>:3:3: entity: unknown key 'cod'" in result.stderr
    broken = run_cli("--lang", "en", "validate", "-", input="a: [1\n")
    assert broken.code == exitcodes.USAGE_OR_INPUT and broken.stderr.startswith("error: <stdin>:")


def test_validate_reads_a_policy_or_a_rule_from_standard_input() -> None:
    policy = run_cli("--lang", "en", "validate", "-", input=TOWN.read_text(encoding="utf-8"))
    assert policy.code == 0 and policy.stdout == "<stdin>: valid (policy)\n"
    rule_text = (REPO / "rules" / "three_layer" / "MN-001.yaml").read_text(encoding="utf-8")
    rule = run_cli("--lang", "en", "validate", "-", input=rule_text)
    assert rule.code == 0 and rule.stdout == "<stdin>: valid (rule)\n"
    bad = run_cli("--lang", "en", "validate", "-", input=rule_text.replace("level: must", "level: may"))
    assert bad.code == exitcodes.USAGE_OR_INPUT and "<stdin>:" in bad.stderr


def test_quiet_audit_prints_one_line_per_failure() -> None:
    full = json.loads(run_cli("audit", TOWN, "--format", "json", "--date", AUDIT_DATE).stdout)
    failing = [o for o in full["outcomes"] if o["status"] in ("fail", "error")]
    quiet = run_cli("audit", TOWN, "-q", "--date", AUDIT_DATE)
    assert quiet.code == exitcodes.FINDINGS
    lines = quiet.stdout.splitlines()
    assert len(lines) == len(failing) > 0
    for line, outcome in zip(lines, failing, strict=True):
        assert line.startswith(f"{TOWN}:{outcome['line']}:") and f" {outcome['rule_id']} 不適合 " in line


def test_quiet_leaves_out_baselined_failures_and_says_nothing_on_success(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.yaml"
    assert run_cli("baseline", "create", TOWN, "-o", baseline, "--date", AUDIT_DATE).code == 0
    result = run_cli("audit", TOWN, "-q", "--baseline", baseline, "--date", AUDIT_DATE)
    assert result.code == exitcodes.OK and result.stdout == ""
    written = run_cli("audit", TOWN, "-q", "--format", "json", "-o", tmp_path / "r.json", "--date", AUDIT_DATE)
    assert written.stderr == "" and (tmp_path / "r.json").stat().st_size > 0  # no "wrote ..." line either


def test_quiet_github_annotations_are_the_failures_only() -> None:
    full = run_cli("audit", TOWN, "--format", "github", "--date", AUDIT_DATE).stdout
    quiet = run_cli("audit", TOWN, "--format", "github", "-q", "--date", AUDIT_DATE).stdout
    assert "::group::" in full and "::notice " in full
    assert "::group::" not in quiet and "::notice " not in quiet
    kept = [line for line in full.splitlines() if line.startswith(("::error ", "::warning "))]
    assert quiet.splitlines() == kept


def test_quiet_validate_prints_problems_only() -> None:
    assert run_cli("validate", "-q", TOWN).stdout == ""
    bad = run_cli("--lang", "en", "validate", "-q", "-", input="entity: 1\n")
    assert bad.code == exitcodes.USAGE_OR_INPUT and "<stdin>" in bad.stderr
