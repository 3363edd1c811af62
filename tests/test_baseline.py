"""Baselines: gate on new failures only, never hide known ones, lapse on change, merge on update."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor import exitcodes
from tests.gitrepo import edit, write_policy
from tests.helpers import AUDIT_DATE, run_cli


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A policy repository layout: the policy failing LG-003 (high) and BT-009 (medium), a baseline beside it."""
    policy = write_policy(tmp_path / "policy.yaml")
    edit(policy, "inbound_mail: sanitized", "inbound_mail: raw")
    edit(policy, "business_system_mfa: true", "business_system_mfa: false")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _create(*extra: str) -> Any:
    return run_cli("baseline", "create", "policy.yaml", "-o", ".auditor-baseline.yaml", "--date", AUDIT_DATE, *extra)


def _audit(*args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli(
        "audit", "policy.yaml", "--baseline", ".auditor-baseline.yaml", "--format", "json", "--date", AUDIT_DATE, *args
    )
    return result.code, json.loads(result.stdout)


def _statuses(document: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    return {o["rule_id"]: (o["status"], o["baselined"]) for o in document["outcomes"] if o["status"] == "fail"}


def test_create_records_current_failures_keyed_by_file_rule_path_value(workdir: Path) -> None:
    result = _create("--lang", "en")
    assert result.code == 0, result.stderr
    assert "2 failure(s) recorded" in result.stderr
    data = yaml.safe_load((workdir / ".auditor-baseline.yaml").read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("auditor-baseline", 1)
    entries = {e["rule_id"]: e for e in data["entries"]}
    assert set(entries) == {"LG-003", "BT-009"}
    assert entries["LG-003"]["policy"] == "policy.yaml"
    assert entries["LG-003"]["path"] == "network.segments.lgwan.inbound_mail"
    assert entries["LG-003"]["value"] == "raw" and len(entries["LG-003"]["value_sha256"]) == 64
    again = _create()
    assert again.code == exitcodes.USAGE_OR_INPUT and "baseline update" in again.stderr  # never clobbered silently
    assert _create("--force").code == 0


def test_known_failures_do_not_gate_but_stay_visible(workdir: Path) -> None:
    assert run_cli("audit", "policy.yaml", "--date", AUDIT_DATE).code == exitcodes.FINDINGS
    _create()
    code, document = _audit()
    assert code == exitcodes.OK
    assert _statuses(document) == {"LG-003": ("fail", True), "BT-009": ("fail", True)}
    assert document["summary"]["fail"] == 2  # still counted as failures
    assert document["baseline"] == {"file": ".auditor-baseline.yaml", "known": 2, "new": 0, "drift": []}
    table = run_cli(
        "audit", "policy.yaml", "--baseline", ".auditor-baseline.yaml", "--date", AUDIT_DATE, "--lang", "en"
    )
    assert table.code == exitcodes.OK
    marked = [line for line in table.stdout.splitlines() if line.startswith("fail (baseline)")]
    assert len(marked) == 2 and any("LG-003" in line for line in marked) and any("BT-009" in line for line in marked)
    assert "Baseline .auditor-baseline.yaml: 2 known failure(s)" in table.stdout
    assert "[LG-003 fail (baseline)]" in table.stdout  # still listed under "What to fix", marked


def test_a_new_failure_gates(workdir: Path) -> None:
    _create()
    edit(workdir / "policy.yaml", "edr: true", "edr: false")
    code, document = _audit()
    assert code == exitcodes.FINDINGS
    assert _statuses(document)["BT-002"] == ("fail", False)
    assert document["baseline"]["new"] == 1


def test_a_changed_value_is_new_again(workdir: Path) -> None:
    policy = workdir / "policy.yaml"
    edit(policy, "path_restriction: [ip, mac, port]", "path_restriction: [ip]")
    _create()
    edit(policy, "path_restriction: [ip]", "path_restriction: [mac]")  # still failing MN-004, another value
    edit(policy, "inbound_mail: raw", "# inbound_mail removed")  # still failing LG-003, now undeclared
    code, document = _audit()
    assert code == exitcodes.FINDINGS
    assert _statuses(document)["MN-004"] == ("fail", False)
    assert _statuses(document)["LG-003"] == ("fail", False)
    assert _statuses(document)["BT-009"] == ("fail", True)
    drift = {d["rule_id"]: (d["state"], d["value"], d["now"]) for d in document["baseline"]["drift"]}
    assert drift == {"MN-004": ("changed", ["ip"], "fail"), "LG-003": ("changed", "raw", "fail")}


def test_fixed_entries_are_reported(workdir: Path) -> None:
    _create()
    edit(workdir / "policy.yaml", "inbound_mail: raw", "inbound_mail: sanitized")
    code, document = _audit("--lang", "en")
    assert code == exitcodes.OK
    [drift] = document["baseline"]["drift"]
    assert (drift["rule_id"], drift["state"], drift["now"]) == ("LG-003", "fixed", "pass")


def test_baseline_never_absorbs_the_same_finding_in_another_file(workdir: Path) -> None:
    _create()
    other = workdir / "other.yaml"
    other.write_bytes((workdir / "policy.yaml").read_bytes())
    result = run_cli("audit", "other.yaml", "--baseline", ".auditor-baseline.yaml", "--date", AUDIT_DATE)
    assert result.code == exitcodes.FINDINGS


def test_baseline_works_from_another_directory(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _create()
    (workdir / "sub").mkdir()
    monkeypatch.chdir(workdir / "sub")
    result = run_cli("audit", "../policy.yaml", "--baseline", "../.auditor-baseline.yaml", "--date", AUDIT_DATE)
    assert result.code == exitcodes.OK, result.stdout


def test_update_merges_instead_of_rewriting(workdir: Path) -> None:
    second = write_policy(workdir / "second.yaml")
    edit(second, "edr: true", "edr: false")
    assert (
        run_cli(
            "baseline", "create", "policy.yaml", "second.yaml", "-o", ".auditor-baseline.yaml", "--date", AUDIT_DATE
        ).code
        == 0
    )
    baseline_file = workdir / ".auditor-baseline.yaml"
    data = yaml.safe_load(baseline_file.read_text(encoding="utf-8"))
    for entry in data["entries"]:
        if entry["rule_id"] == "BT-009":
            entry["note"] = "令和9年度の更改で対応（総務第2026-031号）"
    baseline_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    policy = workdir / "policy.yaml"
    edit(policy, "inbound_mail: raw", "inbound_mail: sanitized")  # LG-003 fixed
    edit(policy, "edr: true", "edr: false")  # BT-002 new
    result = run_cli(
        "baseline", "update", "policy.yaml", "-o", ".auditor-baseline.yaml", "--date", "2026-12-01", "--lang", "en"
    )
    assert result.code == 0, result.stderr
    assert "1 added / 1 kept / 1 removed" in result.stderr
    merged = yaml.safe_load(baseline_file.read_text(encoding="utf-8"))
    entries = {(e["policy"], e["rule_id"]): e for e in merged["entries"]}
    assert set(entries) == {("policy.yaml", "BT-009"), ("policy.yaml", "BT-002"), ("second.yaml", "BT-002")}
    assert entries[("policy.yaml", "BT-009")]["note"].startswith("令和9年度")  # kept with its note and date
    assert str(entries[("policy.yaml", "BT-009")]["recorded_on"]) == AUDIT_DATE
    assert str(entries[("policy.yaml", "BT-002")]["recorded_on"]) == "2026-12-01"
    assert str(merged["created_on"]) == AUDIT_DATE and str(merged["updated_on"]) == "2026-12-01"
    code, _ = _audit()
    assert code == exitcodes.OK


def test_update_needs_an_existing_file(workdir: Path) -> None:
    result = run_cli("baseline", "update", "policy.yaml", "-o", "none.yaml", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT and "auditor baseline create" in result.stderr


def test_an_expired_waiver_is_never_absorbed_by_a_baseline(workdir: Path) -> None:
    with (workdir / "policy.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "waivers:\n  - rule_id: LG-003\n    justification: 更改中\n"
            "    approver: {role: CISO, name: 山田 太郎}\n    approved_on: 2025-04-01\n"
            "    expires_on: 2026-03-31\n"
        )
    _create()
    data = yaml.safe_load((workdir / ".auditor-baseline.yaml").read_text(encoding="utf-8"))
    assert [e["rule_id"] for e in data["entries"]] == ["BT-009"]
    code, document = _audit()
    assert code == exitcodes.FINDINGS and _statuses(document)["LG-003"] == ("fail", False)


def test_a_broken_baseline_file_is_located(workdir: Path) -> None:
    (workdir / "bad.yaml").write_text(
        "format: auditor-baseline\nversion: 1\ntool_version: '0.1.0'\ncreated_on: 2026-11-22\n"
        "updated_on: 2026-11-22\nentries:\n  - policy: policy.yaml\n    rule_id: LG-003\n"
        "    value_sha256: not-a-hash\n    recorded_on: 2026-11-22\n",
        encoding="utf-8",
    )
    result = run_cli("audit", "policy.yaml", "--baseline", "bad.yaml", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "bad.yaml:9" in result.stderr and "value_sha256" in result.stderr
    assert "Traceback" not in result.stderr


def test_baseline_file_is_deterministic(workdir: Path) -> None:
    _create()
    first = (workdir / ".auditor-baseline.yaml").read_bytes()
    _create("--force")
    assert (workdir / ".auditor-baseline.yaml").read_bytes() == first
    assert first.startswith(b"# auditor baseline") and b"&id" not in first  # no YAML anchors for reviewers
