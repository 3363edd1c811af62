"""A body's whole path, each step through the installed ``auditor`` with real files.

Extract the policy from its Word document, merge the draft into a template, audit it, export the
checklist, fill in the 要確認 rows in the workbook, import them, and audit again: the manual rows
are settled, and the report says who checked what and when.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook

from auditor import exitcodes
from bench.extract_corpus import build, corpus
from tests.helpers import AUDIT_DATE, run_installed
from tests.report_helpers import texts


def test_from_a_word_policy_to_a_report_with_the_manual_rows_settled(tmp_path: Path) -> None:
    document = next(d for d in corpus("tune") if d.format == "docx")
    source = build(document, tmp_path)

    def auditor(*args: str | Path, expect: int = exitcodes.OK) -> str:
        done = run_installed(*args, "--date", AUDIT_DATE, cwd=tmp_path, timeout=120)
        assert done.code == expect, done.stderr
        return done.stdout

    auditor("extract", source, *document.cli_options(), "-o", "draft.yaml", "--evidence", "evidence.json")
    merged = run_installed("init", "--from", "draft.yaml", "-o", "policy.yaml", cwd=tmp_path)
    assert merged.code == exitcodes.OK, merged.stderr
    before = json.loads(
        auditor("audit", "policy.yaml", "--evidence", "evidence.json", "--format", "json", expect=exitcodes.FINDINGS)
    )
    manual = [o["rule_id"] for o in before["outcomes"] if o["status"] == "manual"]
    assert manual, "the policy has requirements a file cannot show"
    auditor("audit", "policy.yaml", "--format", "json", "-o", "last-audit.json", expect=exitcodes.FINDINGS)
    auditor("checklist", "export", "policy.yaml", "--evidence", "evidence.json", "-o", "checklist.xlsx")

    workbook = load_workbook(tmp_path / "checklist.xlsx")
    sheet = workbook["チェックリスト"]
    col = {cell.value: cell.column for cell in sheet[1]}
    filled = []
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, col["判定"]).value != "要確認":
            continue
        rule = sheet.cell(row, col["ID"]).value
        filled.append(rule)
        for header, value in (
            ("確認結果", "確認済み"),
            ("確認方法", "閲覧"),
            ("証跡", f"{rule} の記録"),
            ("担当者", "総務課 高橋"),
            ("確認日", dt.datetime(2026, 11, 18)),
        ):
            sheet.cell(row, col[header]).value = value
    workbook.save(tmp_path / "filled.xlsx")
    assert sorted(filled) == sorted(manual)

    auditor("checklist", "import", "filled.xlsx", "-o", "register.yaml", "--policy", "policy.yaml")
    after = json.loads(
        auditor(
            "audit",
            "policy.yaml",
            "--evidence",
            "evidence.json",
            "--evidence",
            "register.yaml",
            "--compare",
            "last-audit.json",
            "--format",
            "json",
            expect=exitcodes.FINDINGS,
        )
    )
    settled = {o["rule_id"]: o for o in after["outcomes"] if o["rule_id"] in manual}
    assert {o["status"] for o in settled.values()} == {"pass"}
    assert all("総務課 高橋" in o["message"] and "2026-11-18" in o["message"] for o in settled.values())
    assert after["summary"]["manual"] == 0
    assert after["progress"]["improved"] == len(manual)
    assert any(o.get("citations") for o in after["outcomes"])  # the body's clauses, still cited

    auditor(
        "audit",
        "policy.yaml",
        "--evidence",
        "evidence.json",
        "--evidence",
        "register.yaml",
        "--format",
        "pdf",
        "-o",
        "report.pdf",
        expect=exitcodes.FINDINGS,
    )
    pdf = "\n".join(texts(tmp_path / "report.pdf"))
    appendix = "".join(pdf[pdf.rindex("付録　証跡一覧") :].split())
    assert all(rule in appendix for rule in manual) and "総務課高橋" in appendix and "2026-11-18" in appendix
