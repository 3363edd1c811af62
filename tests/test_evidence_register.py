"""The evidence register: reviewed evidence settles 要確認 requirements, never an automated check.

Every test audits a real policy file (the compliant ``auditor init --example``) with real evidence
files through the CLI, at the fixed audit date 2026-11-22.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, REPO, audit_outcomes, run_cli, template_policy
from tests.oscal import validate
from tests.report_helpers import texts

HEADER = "kind: auditor-evidence\nschema_version: 1\n"


def record(rule_id: str = "AUD-007", **changes: Any) -> dict[str, Any]:
    """A reviewed-evidence record as staff write it in YAML."""
    item: dict[str, Any] = {
        "rule_id": rule_id,
        "what": "令和7年度 情報セキュリティ監査報告書",
        "where": "情報政策課 共有フォルダ",
        "reviewer": "情報政策課 佐藤 花子",
        "reviewed_on": "2026-11-20",
        "method": "閲覧",
        "result": "確認済み",
    }
    item.update(changes)
    return {key: value for key, value in item.items() if value is not None}


def evidence_file(tmp_path: Path, *records: dict[str, Any], name: str = "evidence.yaml", **top: Any) -> Path:
    path = tmp_path / name
    document: dict[str, Any] = {"kind": "auditor-evidence", "schema_version": 1, **top, "records": list(records)}
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def audit_json(policy: Path, *extra: str | Path) -> dict[str, Any]:
    result = run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE, *extra)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_without_evidence_a_manual_rule_stays_manual(tmp_path: Path) -> None:
    outcomes = audit_outcomes(template_policy(tmp_path))
    assert outcomes["AUD-007"]["status"] == "manual"
    assert "evidence" not in outcomes["AUD-007"]


def test_confirmed_current_evidence_passes_showing_reviewer_and_date(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    document = audit_json(policy, "--evidence-file", evidence_file(tmp_path, record()))
    outcome = next(o for o in document["outcomes"] if o["rule_id"] == "AUD-007")
    assert outcome["status"] == "pass"
    assert "情報政策課 佐藤 花子" in outcome["message"] and "2026-11-20" in outcome["message"]
    assert outcome["evidence"]["state"] == "confirmed" and outcome["evidence"]["decided"] is True
    assert outcome["evidence"]["expires_on"] == "2027-11-20"  # one year by default
    assert outcome["evidence"]["records"][0]["what"] == "令和7年度 情報セキュリティ監査報告書"
    assert [entry["state"] for entry in document["evidence"]] == ["confirmed"]
    assert document["evidence"][0]["line"] == 4  # the record's line in evidence.yaml
    without = audit_json(policy)
    assert document["summary"]["pass"] == without["summary"]["pass"] + 1
    assert document["summary"]["manual"] == without["summary"]["manual"] - 1


@pytest.mark.parametrize(
    ("changes", "status", "state", "words"),
    [
        ({"result": "確認できない"}, "fail", "not_confirmed", "確認できませんでした"),
        ({"reviewed_on": "2025-10-01"}, "fail", "expired", "証跡の期限切れ"),
        ({"reviewed_on": "2026-06-01", "valid_until": "2026-10-31"}, "fail", "expired", "証跡の期限切れ"),
        ({"result": "一部確認"}, "manual", "partial", "一部のみ確認"),
    ],
)
def test_what_the_review_found_decides(
    tmp_path: Path, changes: dict[str, Any], status: str, state: str, words: str
) -> None:
    outcomes = audit_outcomes(template_policy(tmp_path), "--evidence", str(evidence_file(tmp_path, record(**changes))))
    outcome = outcomes["AUD-007"]
    assert (outcome["status"], outcome["evidence"]["state"]) == (status, state)
    assert words in outcome["message"]


def test_the_latest_review_decides_and_earlier_ones_are_history(tmp_path: Path) -> None:
    older = record(result="確認できない", reviewed_on="2026-03-01", what="令和6年度 監査報告書（案）")
    newer = record()
    document = audit_json(template_policy(tmp_path), "--evidence", evidence_file(tmp_path, older, newer))
    outcome = next(o for o in document["outcomes"] if o["rule_id"] == "AUD-007")
    assert outcome["status"] == "pass"
    assert [entry["state"] for entry in document["evidence"]] == ["superseded", "confirmed"]
    # ...and a later "could not confirm" overrides an earlier confirmation.
    again = audit_json(
        template_policy(tmp_path),
        "--evidence",
        evidence_file(tmp_path, record(reviewed_on="2026-01-10"), record(result="確認できない"), name="two.yaml"),
    )
    assert next(o for o in again["outcomes"] if o["rule_id"] == "AUD-007")["status"] == "fail"


def test_evidence_never_makes_an_automated_check_pass(tmp_path: Path) -> None:
    policy = template_policy(tmp_path, {"network.segments.mynumber.isolated": False})
    confirmed = evidence_file(tmp_path, record("MN-011", what="ネットワーク構成図"))
    outcomes = audit_outcomes(policy, "--evidence", str(confirmed))
    assert outcomes["MN-011"]["status"] == "fail"
    assert outcomes["MN-011"]["evidence"] == {**outcomes["MN-011"]["evidence"], "decided": False}
    assert outcomes["MN-011"]["message"] == audit_outcomes(policy)["MN-011"]["message"]
    # A rule with a check and a manual part: the check failing is not cured by evidence either.
    policy = template_policy(tmp_path, {"organisation.security_committee.meetings_per_year": 0})
    minutes = evidence_file(tmp_path, record("ORG-008", what="委員会議事録"), name="minutes.yaml")
    assert audit_outcomes(policy, "--evidence", str(minutes))["ORG-008"]["status"] == "fail"
    # ... while with the check holding, the same evidence settles the manual part.
    assert audit_outcomes(template_policy(tmp_path), "--evidence", str(minutes))["ORG-008"]["status"] == "pass"


def test_the_policys_own_evidence_section_counts(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    data["evidence"] = [{**record(), "reviewed_on": __import__("datetime").date(2026, 11, 20)}]
    policy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run_cli("validate", policy).code == 0
    outcomes = audit_outcomes(policy)
    assert outcomes["AUD-007"]["status"] == "pass"


def _problem_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith(("エラー", "error"))]
    assert len(lines) == 1, stderr
    return lines[0]


def test_evidence_naming_an_unknown_rule_is_refused_with_its_line(tmp_path: Path) -> None:
    path = evidence_file(tmp_path, record(), record("AUD-999"))
    result = run_cli("audit", template_policy(tmp_path), "--evidence", path, "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT
    line = _problem_line(result.stderr)
    assert f"{path}:11:" in line and "AUD-999" in line and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_evidence_reviewed_after_the_audit_date_is_refused_with_its_line(tmp_path: Path) -> None:
    path = evidence_file(tmp_path, record(reviewed_on="2026-12-01"))
    result = run_cli("audit", template_policy(tmp_path), "--evidence", path, "--date", AUDIT_DATE, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    line = _problem_line(result.stderr)
    assert f"{path}:8:" in line and "after the audit date 2026-11-22" in line


def test_dates_in_the_wrong_order_are_refused_with_their_line(tmp_path: Path) -> None:
    path = evidence_file(tmp_path, record(valid_until="2026-01-01"))
    result = run_cli("audit", template_policy(tmp_path), "--evidence", path, "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT
    line = _problem_line(result.stderr)
    assert f"{path}:11:" in line and "有効期限" in line
    # In the policy itself the schema refuses it, at the line.
    policy = template_policy(tmp_path)
    text = policy.read_text(encoding="utf-8") + (
        "evidence:\n- rule_id: AUD-007\n  what: 監査報告書\n  reviewed_on: 2026-11-20\n"
        "  method: 閲覧\n  result: 確認済み\n  valid_until: 2026-01-01\n"
    )
    policy.write_text(text, encoding="utf-8")
    first = len(text.splitlines()) - 5  # the record's first line
    result = run_cli("validate", policy)
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert f"{policy}:{first}:" in _problem_line(result.stderr)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            HEADER
            + "records:\n- rule_id: AUD-007\n  what: x\n  reviewed_on: 2026-11-20\n"
            + "  method: 電話\n  result: 確認済み\n",
            "method",
        ),
        (HEADER + "records:\n- rule_id: AUD-007\n  what: x\n  reviewd_on: 2026-11-20\n", "reviewd_on"),
        ("kind: something-else\n", "kind"),
        (HEADER + "records: [\n", "構文"),
        ('{"kind": "auditor-evidence", "schema_version": 1, "records": [{"rule_id": 1}]}', "rule_id"),
    ],
)
def test_malformed_evidence_files_are_one_located_line(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / ("evidence.json" if text.startswith("{") else "evidence.yaml")
    path.write_text(text, encoding="utf-8")
    result = run_cli("audit", template_policy(tmp_path), "--evidence", path, "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT
    line = _problem_line(result.stderr)
    assert str(path) in line and words in line and "Traceback" not in result.stderr


def test_a_rule_may_hold_its_evidence_for_less_than_a_year(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "TEC-901.yaml").write_text(
        """\
id: TEC-901
title: {ja: 月次のログ点検を行う, en: Review the logs every month}
description: {ja: 月次のログ点検の記録を確認する。, en: Check the record of the monthly log review.}
sources: [{document: guideline, section: 対策基準 6.2, editions: [R7.3], evidence: inferred}]
level: must
severity: medium
area: technical
manual:
  evidence: {ja: 直近月のログ点検記録, en: The latest month's log review record}
  valid_days: 31
remediation: {ja: 毎月ログを点検し記録してください。, en: Review the logs monthly and record it.}
""",
        encoding="utf-8",
    )
    assert run_cli("rules", "lint", "--rules", pack).code == 0
    policy = template_policy(tmp_path)
    recent = evidence_file(tmp_path, record("TEC-901", what="10月分ログ点検記録", reviewed_on="2026-11-01"))
    old = evidence_file(tmp_path, record("TEC-901", what="9月分ログ点検記録", reviewed_on="2026-10-01"), name="o.yaml")
    assert audit_outcomes(policy, "--rules", str(pack), "--evidence", str(recent))["TEC-901"]["status"] == "pass"
    expired = audit_outcomes(policy, "--rules", str(pack), "--evidence", str(old))["TEC-901"]
    assert (expired["status"], expired["evidence"]["expires_on"]) == ("fail", "2026-11-01")


def test_a_waiver_may_cover_a_requirement_the_evidence_failed(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n- rule_id: AUD-007\n  justification: 外部監査を令和9年度に実施予定\n"
        "  approver: {role: CISO, name: 山田 太郎}\n  approved_on: 2026-10-01\n  expires_on: 2027-03-31\n",
        encoding="utf-8",
    )
    not_confirmed = evidence_file(tmp_path, record(result="確認できない"))
    document = audit_json(policy, "--evidence", not_confirmed, "--waivers", waivers)
    assert next(o for o in document["outcomes"] if o["rule_id"] == "AUD-007")["status"] == "waived"
    assert [w["state"] for w in document["waivers"]] == ["in_force"]


def test_evidence_recorded_for_another_body_is_refused(tmp_path: Path) -> None:
    path = evidence_file(tmp_path, record(), subject={"entity_code": "012343"})
    result = run_cli("audit", template_policy(tmp_path), "--evidence", path, "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "012343" in _problem_line(result.stderr) and f"{path}:4:" in result.stderr


def test_evidence_from_another_version_of_the_policy_is_named(tmp_path: Path) -> None:
    path = evidence_file(tmp_path, record(), subject={"entity_code": "019992", "policy_sha256": "ab" * 32})
    result = run_cli("audit", template_policy(tmp_path), "--evidence", path, "--date", AUDIT_DATE)
    assert result.code == exitcodes.OK
    assert "別の版のポリシー" in result.stderr and "abababababab" in result.stderr


def test_every_report_shows_the_evidence(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    failed = record("HUM-016", what="研修受講者名簿", result="確認できない", method="聴取")
    path = evidence_file(tmp_path, record(), failed)
    out = tmp_path / "report"
    formats = "table,json,sarif,junit,markdown,html,xlsx,oscal"
    result = run_cli(
        "audit",
        policy,
        "--evidence",
        path,
        "--date",
        AUDIT_DATE,
        "--format",
        formats,
        "--sarif-include",
        "all",
        "-o",
        out,
    )
    assert result.code == exitcodes.FINDINGS, result.stderr
    table = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert "適合(証跡)" in table and "不適合(証跡)" in table
    assert (
        "[確認済み] AUD-007 令和7年度 情報セキュリティ監査報告書（閲覧、情報政策課 佐藤 花子、2026-11-20 確認" in table
    )
    sarif = json.loads(out.with_suffix(".sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(sarif)
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    assert results["AUD-007"]["kind"] == "pass" and results["HUM-016"]["kind"] == "fail"
    assert results["AUD-007"]["properties"]["evidence"]["records"][0]["reviewer"] == "情報政策課 佐藤 花子"
    assert [e["state"] for e in sarif["runs"][0]["properties"]["summaries"][0]["evidence"]] == [
        "confirmed",
        "not_confirmed",
    ]
    from xml.etree import ElementTree

    junit = ElementTree.parse(out.with_suffix(".xml")).getroot()
    case = next(c for c in junit.iter("testcase") if c.get("name", "").startswith("HUM-016"))
    assert "確認できませんでした" in case.find("failure").get("message", "")  # type: ignore[union-attr]
    markdown = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "#### 証跡一覧" in markdown and "AUD-007 **確認済み**" in markdown
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    assert "付録　証跡一覧" in html and "情報政策課 佐藤 花子" in html
    from openpyxl import load_workbook

    sheet = load_workbook(out.with_suffix(".xlsx"))["チェックリスト"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("ID")] == "AUD-007")
    assert row[header.index("確認結果")] == "確認済み" and row[header.index("担当者")] == "情報政策課 佐藤 花子"
    assert row[header.index("確認日")].date().isoformat() == "2026-11-20"
    oscal = json.loads(out.with_suffix(".oscal.json").read_text(encoding="utf-8"))
    assert validate(oscal) == "assessment-results"
    observations = {
        next(p["value"] for p in o["props"] if p["name"] == "rule-id"): o
        for o in oscal["assessment-results"]["results"][0]["observations"]
    }
    reviewed = observations["AUD-007"]
    assert reviewed["expires"].startswith("2027-11-20")
    assert any("情報政策課 佐藤 花子" in item["description"] for item in reviewed["relevant-evidence"])
    assert reviewed["methods"] == ["EXAMINE"]
    assert observations["HUM-016"]["methods"] == ["EXAMINE", "INTERVIEW"]


def test_the_pdf_has_an_evidence_appendix(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    path = evidence_file(tmp_path, record())
    out = tmp_path / "report.pdf"
    result = run_cli("audit", policy, "--evidence", path, "--date", AUDIT_DATE, "--format", "pdf", "-o", out)
    assert result.code == exitcodes.OK, result.stderr
    text = "\n".join(texts(out))
    appendix = text[text.rindex("付録　証跡一覧") :]
    squashed = "".join(appendix.split())  # a narrow table column may break a name over lines
    assert "AUD-007" in appendix and "情報政策課佐藤花子" in squashed and "2026-11-20" in appendix
    assert "適合(証跡)" in text


def test_evidence_text_from_a_file_cannot_inject_markup(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>議事録 | **太字** \x1b[31m"
    path = evidence_file(tmp_path, record(what=hostile))
    out = tmp_path / "report"
    result = run_cli(
        "audit",
        template_policy(tmp_path),
        "--evidence",
        path,
        "--date",
        AUDIT_DATE,
        "--format",
        "html,markdown,table",
        "-o",
        out,
    )
    assert result.code == exitcodes.OK, result.stderr
    assert "<script>alert(1)</script>" not in out.with_suffix(".html").read_text(encoding="utf-8")
    assert "\\*\\*太字\\*\\*" in out.with_suffix(".md").read_text(encoding="utf-8")
    assert "\x1b" not in out.with_suffix(".txt").read_text(encoding="utf-8")


def test_one_model_for_every_kind_of_evidence() -> None:
    import dataclasses

    from auditor.evidence.model import RECORD_KEYS, Citation, EvidenceRecord
    from auditor.policy.evidence import CitedClause, EvidenceEntry

    assert tuple(EvidenceEntry.model_fields) == RECORD_KEYS
    assert {f.name for f in dataclasses.fields(EvidenceRecord)} == set(RECORD_KEYS)
    assert set(CitedClause.model_fields) == {f.name for f in dataclasses.fields(Citation)}
