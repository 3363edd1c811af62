"""Markdown and xlsx reports, several formats at once, and heavy imports staying lazy."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli
from tests.report_helpers import hostile_policy

POLICY = EXAMPLES / "alpha-town.yaml"


def audit(policy: Path, fmt: str, target: Path, *extra: str) -> Path:
    result = run_cli("audit", policy, "--format", fmt, "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", *extra)
    assert result.code == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = audit(POLICY, "json", tmp_path_factory.mktemp("json") / "r.json")
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def table_cells(line: str) -> list[str]:
    """Cells of a Markdown table row, honouring backslash-escaped pipes."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def test_markdown_summary_and_failures(tmp_path: Path, results: dict[str, Any]) -> None:
    text = audit(POLICY, "markdown", tmp_path / "r.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("### ") and "みどり町" in lines[0] and "019984" in lines[0]
    rate = results["summary"]["must_compliance_rate"]
    assert f"{rate:.1%}" in text
    failing = [o["rule_id"] for o in results["outcomes"] if o["status"] in ("fail", "error")]
    failure_rows = [table_cells(line) for line in lines if line.startswith("| ") and len(table_cells(line)) == 8]
    assert sorted(row[1] for row in failure_rows[2:]) == sorted(failing)  # after header and rule line
    every_row = [table_cells(line) for line in lines if line.startswith("| ") and len(table_cells(line)) == 6]
    ids = {row[1] for row in every_row}
    assert {o["rule_id"] for o in results["outcomes"]} <= ids
    assert "<details>" in text and text.rstrip().endswith("</details>")


def test_markdown_escapes_hostile_strings(tmp_path: Path) -> None:
    policy, _ = hostile_policy(tmp_path, "http://127.0.0.1:9")
    text = audit(policy, "markdown", tmp_path / "h.md").read_text(encoding="utf-8")
    assert "<script>" not in text and "\\<script\\>alert(1)\\</script\\>毒町" in text
    # every table row still has the same number of cells as its header
    for line in text.splitlines():
        if line.startswith("| "):
            assert len(table_cells(line)) in (6, 8), line


def test_markdown_in_english(tmp_path: Path) -> None:
    text = audit(POLICY, "markdown", tmp_path / "en.md", "--lang", "en").read_text(encoding="utf-8")
    assert "Information Security Policy Audit Report" in text and "Failures and errors" in text


def test_xlsx_checklist_has_one_row_per_rule(tmp_path: Path, results: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(audit(POLICY, "xlsx", tmp_path / "r.xlsx"))
    sheet = workbook["チェックリスト"]
    header = [cell.value for cell in sheet[1]]
    for column in ("節", "ID", "要件", "判定", "宣言値", "是正策", "証跡", "担当者", "対応期限"):
        assert column in header, column
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(results["outcomes"])
    by_id = {row["ID"]: row for row in rows}
    status_names = {
        "pass": "適合",
        "fail": "不適合",
        "not_applicable": "対象外",
        "waived": "例外承認",
        "manual": "要確認",
        "error": "エラー",
    }
    for outcome in results["outcomes"]:
        row = by_id[outcome["rule_id"]]
        assert row["判定"] == status_names[outcome["status"]]
        assert row["節"] == outcome["section"]
        assert row["証跡"] is None and row["担当者"] is None and row["対応期限"] is None
    assert sheet.freeze_panes == "E2" and sheet.auto_filter.ref
    assert workbook["概要"]["B3"].value == "みどり町"


def test_xlsx_keeps_formulas_as_text_and_is_reproducible(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    policy, _ = hostile_policy(tmp_path, "http://127.0.0.1:9")
    data = tmp_path / "h.xlsx"
    audit(policy, "xlsx", data)
    first = data.read_bytes()
    time.sleep(1.1)  # openpyxl stamps the clock (to the second) unless the reporter overrides it
    audit(policy, "xlsx", data)
    assert data.read_bytes() == first
    workbook = load_workbook(data)
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert workbook["概要"]["B3"].value == "<script>alert(1)</script>毒町"


def test_several_formats_at_once(tmp_path: Path) -> None:
    stem = tmp_path / "report"
    result = run_cli(
        "audit",
        POLICY,
        "--format",
        "pdf,json,markdown,xlsx,html",
        "-o",
        stem,
        "--date",
        AUDIT_DATE,
        "--fail-on",
        "none",
    )
    assert result.code == 0, result.stderr
    for suffix, magic in (
        (".pdf", b"%PDF-"),
        (".json", b"{"),
        (".md", b"### "),
        (".xlsx", b"PK"),
        (".html", b"<!DOCTYPE html>"),
    ):
        assert stem.with_suffix(suffix).read_bytes().startswith(magic), suffix


@pytest.mark.parametrize(
    ("command", "lang", "expected"),
    [
        ("audit", "ja", "エラー: --format: 複数の形式を指定したときは -o FILE が必要です"),
        ("audit", "en", "error: --format: several formats need -o FILE (one file per format)"),
        ("batch", "ja", "エラー: --format: 複数の形式を指定したときは -o FILE が必要です"),
        ("batch", "en", "error: --format: several formats need -o FILE (one file per format)"),
    ],
)
def test_several_formats_without_output_is_refused_in_the_users_language(
    command: str, lang: str, expected: str
) -> None:
    result = run_cli(command, POLICY if command == "audit" else EXAMPLES, "--format", "json,html", "--lang", lang)
    assert result.code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), result.stderr


def test_visual_formats_import_nothing_heavy_until_asked(tmp_path: Path) -> None:
    """JSON, Markdown and HTML never load weasyprint; only xlsx loads openpyxl."""
    code = (
        "import sys\n"
        "from auditor.cli import main\n"
        f"for fmt in ('json', 'markdown', 'html'):\n"
        "    try:\n"
        f"        main(['audit', {str(POLICY)!r}, '--format', fmt, '-o', {str(tmp_path)!r} + '/r.' + fmt,"
        f" '--date', {AUDIT_DATE!r}])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('weasyprint', 'openpyxl') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
