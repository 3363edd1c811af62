"""Waivers (例外措置, §7.4): expiry by --date, side files, the register (expiring, stale, unknown), both scores."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from auditor import exitcodes
from tests.gitrepo import edit, line_of, write_policy
from tests.helpers import AUDIT_DATE, run_cli

TODAY = dt.date.fromisoformat(AUDIT_DATE)


def _waiver(
    rule_id: str,
    *,
    expires: dt.date,
    approved: dt.date = dt.date(2026, 4, 1),
    path: str | None = None,
    justification: str = "代替措置として通信ログを毎週点検している",
) -> str:
    lines = [f"  - rule_id: {rule_id}"]
    if path:
        lines.append(f"    path: {path}")
    lines += [
        f"    justification: {justification}",
        "    approver: {role: CISO（副市長）, name: 山田 太郎}",
        f"    approved_on: {approved.isoformat()}",
        f"    expires_on: {expires.isoformat()}",
    ]
    return "\n".join(lines) + "\n"


def _policy_failing_lg003(tmp_path: Path, waivers: str = "") -> Path:
    policy = write_policy(tmp_path / "policy.yaml")
    edit(policy, "inbound_mail: sanitized", "inbound_mail: raw")
    if waivers:
        with policy.open("a", encoding="utf-8") as handle:
            handle.write("waivers:\n" + waivers)
    return policy


def _audit_json(*args: str | Path) -> tuple[int, dict[str, Any], str]:
    result = run_cli("audit", *args, "--format", "json", "--date", AUDIT_DATE, "--lang", "en")
    return result.code, json.loads(result.stdout), result.stderr


def _outcome(document: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(o for o in document["outcomes"] if o["rule_id"] == rule_id)


def test_waiver_that_expired_yesterday_fails_with_its_own_message(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(tmp_path, _waiver("LG-003", expires=TODAY - dt.timedelta(days=1)))
    code, document, stderr = _audit_json(policy)
    assert code == exitcodes.FINDINGS
    outcome = _outcome(document, "LG-003")
    assert outcome["status"] == "fail"
    assert outcome["message"].startswith(f"the exception expired on {(TODAY - dt.timedelta(days=1)).isoformat()}")
    assert outcome["waiver"]["expired"] is True
    [waiver] = document["waivers"]
    assert (waiver["state"], waiver["days_left"]) == ("expired", -1)
    assert "expired" in stderr and str(policy) in stderr


def test_the_same_waiver_on_its_last_day_waives(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(tmp_path, _waiver("LG-003", expires=TODAY))
    code, document, stderr = _audit_json(policy)
    assert code == exitcodes.OK
    assert _outcome(document, "LG-003")["status"] == "waived"
    assert document["waivers"][0]["state"] == "expiring"  # 0 days left is within the warning window
    assert "expires on" in stderr


def test_expiring_warning_window_is_configurable(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(tmp_path, _waiver("LG-003", expires=TODAY + dt.timedelta(days=20)))
    code, document, stderr = _audit_json(policy)
    assert code == exitcodes.OK
    assert document["waivers"][0]["state"] == "expiring" and "20 days left" in stderr
    code, document, stderr = _audit_json(policy, "--waiver-warn-days", "10")
    assert document["waivers"][0]["state"] == "in_force" and stderr == ""


def test_waived_is_counted_separately_and_scored_both_ways(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(tmp_path, _waiver("LG-003", expires=TODAY + dt.timedelta(days=200)))
    _, document, _ = _audit_json(policy)
    summary = document["summary"]
    assert summary["waived"] == 1 and summary["fail"] == 0
    assert summary["must_compliance_rate"] < summary["must_compliance_rate_with_waivers"] == 1.0
    table = run_cli("audit", policy, "--date", AUDIT_DATE, "--lang", "en")
    assert table.code == exitcodes.OK
    rates = next(line for line in table.stdout.splitlines() if line.startswith("Must-level compliance"))
    without = f"{summary['must_compliance_rate']:.1%}"
    with_waivers = f"{summary['must_compliance_rate_with_waivers']:.1%}"
    assert f"{without} without waivers / {with_waivers} counting waivers (1 waived)" in rates
    register = table.stdout.split("■ Waiver register (§7.4)\n", 1)[1]
    assert register.startswith(f"[in force] LG-003 ({policy}:{line_of(policy, 'rule_id: LG-003')})")


def test_side_file_waives_and_is_listed_with_its_own_location(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(tmp_path)
    side = tmp_path / "waivers.yaml"
    side.write_text(
        "schema_version: 1\nwaivers:\n"
        + _waiver("LG-003", expires=TODAY + dt.timedelta(days=100), path="network.segments.lgwan.inbound_mail"),
        encoding="utf-8",
    )
    assert run_cli("audit", policy, "--date", AUDIT_DATE).code == exitcodes.FINDINGS
    code, document, stderr = _audit_json(policy, "--waivers", side)
    assert code == exitcodes.OK and stderr == ""
    assert _outcome(document, "LG-003")["status"] == "waived"
    [waiver] = document["waivers"]
    assert (waiver["file"], waiver["line"], waiver["state"]) == (str(side), 3, "in_force")


def test_side_file_errors_are_located(tmp_path: Path) -> None:
    policy = write_policy(tmp_path / "policy.yaml")
    side = tmp_path / "waivers.yaml"
    side.write_text(
        textwrap.dedent("""\
        waivers:
          - rule_id: LG-003
            justification: 理由
            approver: {role: CISO}
            approved_on: 2026-04-01
            expires_on: 2026-03-01
            expires: 2027-01-01
        """),
        encoding="utf-8",
    )
    result = run_cli("audit", policy, "--waivers", side, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    lines = result.stderr.strip().splitlines()
    assert any(f"{side}:4" in line and "name" in line for line in lines)  # approver without a name
    assert any(f"{side}:7" in line and "expires" in line and "expires_on" in line for line in lines)  # did you mean
    assert "Traceback" not in result.stderr


def test_stale_and_unknown_waivers_are_reported(tmp_path: Path) -> None:
    policy = write_policy(tmp_path / "policy.yaml")  # the template passes LG-003
    with policy.open("a", encoding="utf-8") as handle:
        handle.write(
            "waivers:\n"
            + _waiver("LG-003", expires=TODAY + dt.timedelta(days=300))
            + _waiver("XX-999", expires=TODAY + dt.timedelta(days=300))
        )
    code, document, stderr = _audit_json(policy)
    assert code == exitcodes.OK  # warnings, not failures
    states = [(w["rule_id"], w["state"]) for w in document["waivers"]]
    assert states == [("LG-003", "stale"), ("XX-999", "unknown_rule")]
    warnings = stderr.strip().splitlines()
    assert len(warnings) == 2
    assert f"{policy}:{line_of(policy, 'rule_id: LG-003')}" in warnings[0] and "stale" in warnings[0]
    assert "XX-999" in warnings[1]


def test_waiver_for_another_path_does_not_waive(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(
        tmp_path, _waiver("LG-003", expires=TODAY + dt.timedelta(days=300), path="network.segments.lgwan.inbound_files")
    )
    code, document, stderr = _audit_json(policy)
    assert code == exitcodes.FINDINGS
    assert document["waivers"][0]["state"] == "not_matching" and "inbound_files" in stderr


def test_renewed_waiver_wins_over_the_expired_one(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(
        tmp_path,
        _waiver("LG-003", expires=TODAY - dt.timedelta(days=30))
        + _waiver("LG-003", expires=TODAY + dt.timedelta(days=300), approved=TODAY - dt.timedelta(days=31)),
    )
    code, document, _ = _audit_json(policy)
    assert code == exitcodes.OK
    assert [w["state"] for w in document["waivers"]] == ["superseded", "in_force"]


def test_waiver_approved_after_the_audit_date_is_not_in_force(tmp_path: Path) -> None:
    policy = _policy_failing_lg003(
        tmp_path, _waiver("LG-003", expires=TODAY + dt.timedelta(days=300), approved=TODAY + dt.timedelta(days=1))
    )
    code, document, _ = _audit_json(policy)
    assert code == exitcodes.FINDINGS
    assert _outcome(document, "LG-003")["status"] == "fail"
    assert document["waivers"][0]["state"] == "not_yet_valid"


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "junit", "github"])
def test_waived_requirement_appears_in_every_report(tmp_path: Path, fmt: str) -> None:
    policy = _policy_failing_lg003(
        tmp_path, _waiver("LG-003", expires=TODAY + dt.timedelta(days=300), justification="無害化装置を更改中のため")
    )
    result = run_cli("audit", policy, "--format", fmt, "--date", AUDIT_DATE)
    assert result.code == exitcodes.OK
    assert "LG-003" in result.stdout and "無害化装置を更改中のため" in result.stdout
