"""The Excel checklist round trip: export, fill in the 要確認 rows the way Excel users do, import, audit.

Workbooks are filled with openpyxl as people leave them: typed dates and dates typed as text,
merged cells, rows inserted for notes, a re-sorted sheet, an English sheet. Everything goes
through the real CLI with real files.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli, template_policy

SHEET = "チェックリスト"


def export(tmp_path: Path, policy: Path, *extra: str, name: str = "checklist.xlsx") -> Path:
    target = tmp_path / name
    result = run_cli("checklist", "export", policy, "-o", target, "--date", AUDIT_DATE, *extra)
    assert result.code == exitcodes.OK and target.is_file(), result.stderr
    return target


def columns(sheet: Any) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def rows_of(sheet: Any, status: str = "要確認") -> list[int]:
    """The rows whose 判定 is ``status``, top to bottom."""
    col = columns(sheet)["判定"]
    return [row for row in range(2, sheet.max_row + 1) if sheet.cell(row, col).value == status]


def rule_at(sheet: Any, row: int) -> str:
    return str(sheet.cell(row, columns(sheet)["ID"]).value)


def import_(workbook: Path, target: Path, *extra: str | Path) -> Any:
    return run_cli("checklist", "import", workbook, "-o", target, "--date", AUDIT_DATE, *extra)


def audit(policy: Path, *extra: str | Path) -> dict[str, dict[str, Any]]:
    result = run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE, *extra)
    assert result.code in (0, 1), result.stderr
    return {o["rule_id"]: o for o in json.loads(result.stdout)["outcomes"]}


def fill(sheet: Any, row: int, **cells: Any) -> None:
    col = columns(sheet)
    labels = {
        "result": "確認結果",
        "method": "確認方法",
        "what": "証跡",
        "where": "所在",
        "who": "担当者",
        "on": "確認日",
        "until": "有効期限",
        "note": "備考",
    }
    for name, value in cells.items():
        sheet.cell(row, col[labels[name]]).value = value


def test_the_exported_checklist_has_dropdowns_date_cells_colours_and_a_hidden_key(tmp_path: Path) -> None:
    policy = template_policy(tmp_path, {"network.segments.mynumber.isolated": False})
    sheet = load_workbook(export(tmp_path, policy))[SHEET]
    col = columns(sheet)
    assert list(col)[-10:] == [
        "確認結果",
        "確認方法",
        "証跡",
        "所在",
        "担当者",
        "確認日",
        "有効期限",
        "対応期限",
        "備考",
        "要件キー（編集不可）",
    ]
    manual = rows_of(sheet)
    assert len(manual) >= 15
    validations = {dv.formula1: dv for dv in sheet.data_validations.dataValidation}
    results = validations['"確認済み,確認できない,一部確認"']
    methods = validations['"閲覧,聴取,実地確認,設定確認"']
    result_letter, method_letter = get_column_letter(col["確認結果"]), get_column_letter(col["確認方法"])
    assert {f"{result_letter}{row}" for row in manual} == {
        str(cell) for r in results.sqref.ranges for cell in [r.coord]
    }
    assert f"{method_letter}{manual[0]}" in methods.sqref
    failing = rows_of(sheet, "不適合")
    assert failing and f"{result_letter}{failing[0]}" not in results.sqref  # no dropdown on a checked row
    dates = next(dv for dv in sheet.data_validations.dataValidation if dv.type == "date")
    assert f"{get_column_letter(col['確認日'])}2" in dates.sqref
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    formulas = " ".join(formula for rule in rules for formula in rule.formula)
    assert '="不適合"' in formulas and '="要確認"' in formulas
    key_letter = get_column_letter(col["要件キー（編集不可）"])
    assert sheet.column_dimensions[key_letter].hidden
    import hashlib

    digest = hashlib.sha256(policy.read_bytes()).hexdigest()
    row = manual[0]
    assert sheet.cell(row, col["要件キー（編集不可）"]).value == f"auditor|{rule_at(sheet, row)}|019992|{digest}"


def test_a_checklist_filled_the_way_excel_users_do_settles_the_rows_of(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    workbook = load_workbook(export(tmp_path, policy))
    sheet = workbook[SHEET]
    col = columns(sheet)
    # Re-sort the sheet by status, as staff do with the filter (every column moves with its row).
    rows = [[sheet.cell(row, c).value for c in range(1, sheet.max_column + 1)] for row in range(2, sheet.max_row + 1)]
    rows.sort(key=lambda values: (values[col["判定"] - 1] != "要確認", str(values[col["ID"] - 1])), reverse=False)
    for offset, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(offset, column).value = value
    # Extra rows: a note inserted above the rows to fill, a blank row and a total at the bottom.
    at = rows_of(sheet)[0]
    sheet.insert_rows(at)
    sheet.cell(at, 1).value = "※ 以下は情報政策課が令和8年11月に確認"
    sheet.cell(sheet.max_row + 2, 1).value = "計"
    sheet.cell(sheet.max_row, col["証跡"]).value = "5 件"  # a total, not evidence: no key and no result
    first, second, third, fourth, fifth = rows_of(sheet)[:5]
    fill(sheet, first, result="確認済み", method="閲覧", what="監査報告書", who="佐藤", on=dt.datetime(2026, 11, 1))
    fill(sheet, second, result="確認済み", method="聴取", what="担当者への聴取", who="佐藤", on="2026/11/02")
    fill(sheet, third, result="確認できない", method="実地確認", what="サーバ室", on="令和8年11月3日")
    fill(sheet, fourth, result="一部確認", method="設定確認", what="設定画面", on="R8.11.4", until="2027/03/31")
    fill(sheet, fifth, result="確認済み", method="閲覧", what="研修名簿", on="２０２６－１１－０５", note="抽出 10 件")
    # One reviewer for three rows, written once in a merged cell.
    sheet.cell(third, col["担当者"]).value = "鈴木 一郎"
    sheet.merge_cells(start_row=third, start_column=col["担当者"], end_row=fifth, end_column=col["担当者"])
    filled = tmp_path / "filled.xlsx"
    workbook.save(filled)
    rules = [rule_at(sheet, row) for row in (first, second, third, fourth, fifth)]
    evidence = tmp_path / "evidence.yaml"
    result = import_(filled, evidence, "--policy", policy)
    assert result.code == exitcodes.OK, result.stderr
    assert "証跡 5 件" in result.stderr
    document = yaml.safe_load(evidence.read_text(encoding="utf-8"))
    records = {record["rule_id"]: record for record in document["records"]}
    assert list(records) == rules
    assert [records[rule]["reviewed_on"] for rule in rules] == [dt.date(2026, 11, day) for day in range(1, 6)]
    assert [records[rule].get("reviewer") for rule in rules] == ["佐藤", "佐藤", "鈴木 一郎", "鈴木 一郎", "鈴木 一郎"]
    assert records[rules[3]]["valid_until"] == dt.date(2027, 3, 31) and records[rules[4]]["note"] == "抽出 10 件"
    assert document["subject"]["entity_code"] == "019992"
    outcomes = audit(policy, "--evidence", evidence)
    assert [outcomes[rule]["status"] for rule in rules] == ["pass", "pass", "fail", "manual", "pass"]
    assert "佐藤" in outcomes[rules[0]]["message"] and "2026-11-01" in outcomes[rules[0]]["message"]
    # Exported again, the settled rows come back filled in: importing that sheet gives the same records.
    again = load_workbook(export(tmp_path, policy, "--evidence", str(evidence), name="again.xlsx"))[SHEET]
    col = columns(again)
    row = next(r for r in range(2, again.max_row + 1) if rule_at(again, r) == rules[0])
    assert again.cell(row, col["判定"]).value == "適合(証跡)" and again.cell(row, col["担当者"]).value == "佐藤"
    second_import = tmp_path / "again.yaml"
    assert import_(tmp_path / "again.xlsx", second_import).code == exitcodes.OK
    reread = yaml.safe_load(second_import.read_text(encoding="utf-8"))["records"]
    assert sorted(reread, key=lambda r: r["rule_id"]) == sorted(records.values(), key=lambda r: r["rule_id"])


def _filled_one(tmp_path: Path, **cells: Any) -> tuple[Path, Path, int, Any]:
    policy = template_policy(tmp_path)
    workbook = load_workbook(export(tmp_path, policy))
    sheet = workbook[SHEET]
    row = rows_of(sheet)[0]
    fill(sheet, row, **{"result": "確認済み", "method": "閲覧", "what": "監査報告書", "on": "2026-11-01", **cells})
    filled = tmp_path / "filled.xlsx"
    workbook.save(filled)
    return policy, filled, row, sheet


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"on": "来週"}, "確認日", "日付ではありません"),
        ({"on": "2026-02-30"}, "確認日", "日付ではありません"),
        ({"on": dt.date(2026, 12, 1)}, "確認日", "今日（2026-11-22）より後"),
        ({"until": "2026-10-01"}, "有効期限", "確認日 2026-11-01 より前"),
        ({"result": "たぶん"}, "確認結果", "選べません"),
        ({"method": "電話"}, "確認方法", "選べません"),
        ({"method": None}, "確認方法", "確認方法がありません"),
        ({"what": None}, "証跡", "証跡がありません"),
        ({"result": None}, "確認結果", "確認結果がありません"),
    ],
)
def test_a_bad_cell_is_named_by_sheet_and_cell_and_nothing_is_written(
    tmp_path: Path, cells: dict[str, Any], column: str, words: str
) -> None:
    _, filled, row, sheet = _filled_one(tmp_path, **cells)
    target = tmp_path / "evidence.yaml"
    result = import_(filled, target)
    assert result.code == exitcodes.USAGE_OR_INPUT
    letter = get_column_letter(columns(sheet)[column])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{filled}: チェックリスト!{letter}{row}: " in lines[0] and words in lines[0]
    assert not target.exists()


def test_every_bad_cell_is_reported_at_once(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    workbook = load_workbook(export(tmp_path, policy))
    sheet = workbook[SHEET]
    first, second = rows_of(sheet)[:2]
    fill(sheet, first, result="確認済み", method="閲覧", what="報告書", on="来週")
    fill(sheet, second, result="確認済み", method="閲覧", what="報告書", on="2026-11-01", until="昨日")
    workbook.save(tmp_path / "filled.xlsx")
    result = import_(tmp_path / "filled.xlsx", tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert len(result.stderr.strip().splitlines()) == 2


def test_evidence_on_a_row_auditor_did_not_write_is_refused(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    workbook = load_workbook(export(tmp_path, policy))
    sheet = workbook[SHEET]
    row = sheet.max_row + 1
    sheet.cell(row, columns(sheet)["ID"]).value = "AUD-007"
    fill(sheet, row, result="確認済み", method="閲覧", what="監査報告書", on="2026-11-01")
    workbook.save(tmp_path / "filled.xlsx")
    result = import_(tmp_path / "filled.xlsx", tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "要件キーがありません" in result.stderr


def test_a_row_from_another_bodys_sheet_is_recognised(tmp_path: Path) -> None:
    ours = template_policy(tmp_path)
    theirs = EXAMPLES / "beta-prime-city.yaml"
    workbook = load_workbook(export(tmp_path, ours))
    sheet = workbook[SHEET]
    foreign = load_workbook(export(tmp_path, theirs, name="theirs.xlsx"))[SHEET]
    source = rows_of(foreign)[0]
    row = sheet.max_row + 1
    for column in range(1, foreign.max_column + 1):  # a row pasted from the neighbour's sheet
        sheet.cell(row, column).value = foreign.cell(source, column).value
    fill(sheet, row, result="確認済み", method="閲覧", what="監査報告書", on="2026-11-01")
    workbook.save(tmp_path / "filled.xlsx")
    result = import_(tmp_path / "filled.xlsx", tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "別の団体（団体コード 139980）" in result.stderr


def test_a_sheet_of_another_body_or_another_policy_version_is_recognised(tmp_path: Path) -> None:
    policy, filled, _, _ = _filled_one(tmp_path)
    other = EXAMPLES / "beta-prime-city.yaml"
    result = import_(filled, tmp_path / "a.yaml", "--policy", other)
    assert result.code == exitcodes.USAGE_OR_INPUT and "別の団体（団体コード 019992）" in result.stderr
    edited = tmp_path / "edited.yaml"
    edited.write_text(policy.read_text(encoding="utf-8") + "# 改定\n", encoding="utf-8")
    result = import_(filled, tmp_path / "b.yaml", "--policy", edited)
    assert result.code == exitcodes.OK
    assert "別の版" in result.stderr and (tmp_path / "b.yaml").is_file()
    # The audit of the new version names it too, and still uses the evidence.
    audited = run_cli("audit", edited, "--evidence", tmp_path / "b.yaml", "--date", AUDIT_DATE)
    assert "別の版のポリシー" in audited.stderr


def test_an_english_sheet_reads_back(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    workbook = load_workbook(export(tmp_path, policy, "--lang", "en"))
    sheet = workbook["Checklist"]
    col = columns(sheet)
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, col["Status"]).value == "manual")
    for header, value in (
        ("Result", "confirmed"),
        ("Method", "interview"),
        ("Evidence", "Interview notes"),
        ("Reviewed on", dt.date(2026, 11, 3)),
    ):
        sheet.cell(row, col[header]).value = value
    workbook.save(tmp_path / "filled.xlsx")
    target = tmp_path / "evidence.yaml"
    result = import_(tmp_path / "filled.xlsx", target, "--lang", "en")
    assert result.code == exitcodes.OK, result.stderr
    record = yaml.safe_load(target.read_text(encoding="utf-8"))["records"][0]
    assert (record["result"], record["method"]) == ("確認済み", "聴取")


def test_nothing_filled_in_writes_nothing(tmp_path: Path) -> None:
    workbook = export(tmp_path, template_policy(tmp_path))
    result = import_(workbook, tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT and not (tmp_path / "evidence.yaml").exists()


def _bomb() -> bytes:
    """A small zip whose one member expands to 300 MB (written in chunks: the test itself stays small)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        chunk = b"a" * (1 << 20)
        for _ in range(300):
            member.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not a workbook", "Excel ブック"),
        (b"", "Excel ブック"),
        (None, "異常に大きい"),
    ],
)
def test_a_file_that_is_no_workbook_is_one_line(tmp_path: Path, content: bytes | None, words: str) -> None:
    path = tmp_path / "filled.xlsx"
    path.write_bytes(_bomb() if content is None else content)
    result = import_(path, tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr and str(path) in result.stderr


def test_a_workbook_without_a_checklist_sheet_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["No.", "ID", "確認結果"])
    book.save(tmp_path / "other.xlsx")
    result = import_(tmp_path / "other.xlsx", tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT and "チェックリストのシートがありません" in result.stderr


def test_import_never_writes_over_an_input_or_an_existing_file(tmp_path: Path) -> None:
    _, filled, _, _ = _filled_one(tmp_path)
    before = filled.read_bytes()
    assert import_(filled, filled).code == exitcodes.USAGE_OR_INPUT
    assert filled.read_bytes() == before
    existing = tmp_path / "evidence.yaml"
    existing.write_text("keep me", encoding="utf-8")
    assert import_(filled, existing).code == exitcodes.USAGE_OR_INPUT
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert import_(filled, existing, "--force").code == exitcodes.OK


def test_a_workbook_of_several_bodies_is_read_one_sheet_at_a_time(tmp_path: Path) -> None:
    ours = template_policy(tmp_path)
    both = tmp_path / "both.xlsx"
    result = run_cli("audit", ours, EXAMPLES / "beta-prime-city.yaml", "-f", "xlsx", "-o", both, "--date", AUDIT_DATE)
    assert both.is_file(), result.stderr
    workbook = load_workbook(both)
    for title in workbook.sheetnames[1:]:
        sheet = workbook[title]
        col = {cell.value: cell.column for cell in sheet[1]}
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, col["判定"]).value == "要確認")
        fill(sheet, row, result="確認済み", method="閲覧", what="監査報告書", on="2026-11-01")
    workbook.save(tmp_path / "filled.xlsx")
    result = import_(tmp_path / "filled.xlsx", tmp_path / "evidence.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT and "--sheet" in result.stderr
    chosen = next(title for title in workbook.sheetnames if title.startswith("019992"))
    assert import_(tmp_path / "filled.xlsx", tmp_path / "evidence.yaml", "--sheet", chosen).code == exitcodes.OK
