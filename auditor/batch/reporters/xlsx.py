"""Excel batch report: the matrix as a colour-scaled heat map and the other tables, a sheet each.

Sheets: the comparison matrix (rates as real percentages with a yellow-orange-red colour scale,
frozen headings, filters), the most failed requirements, the urgent-gap ranking, the unusable
files, and an "about" sheet with the edition, date and definitions. openpyxl is imported here
only. The bytes are reproducible: document dates come from the audit date and the zip entries
get a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.common import chapter_short, chapter_title, model_name, rate_value
from auditor.batch.summary import BatchReport, Cell
from auditor.i18n import pick, t
from auditor.reporters.xlsx import write_text

# ColorBrewer YlOrRd, as in the HTML/PDF heat map: full compliance pale, gaps darker and redder;
# ordered by lightness, so it reads for red-green colour blindness and in grey print alike.
_LOW, _MID, _HIGH = "800026", "FEB24C", "FFFFCC"
_MID_AT = 0.75
_HEADING_FILL = "DDE3EA"
_PERCENT = "0%"


def render(report: BatchReport, options: BatchOptions) -> bytes:
    """The workbook as bytes."""
    from openpyxl import Workbook

    book = Workbook()
    matrix = book.active
    _matrix(matrix, report)
    _most_failed(book.create_sheet(), report)
    _ranking(book.create_sheet(), report)
    _unusable(book.create_sheet(), report)
    _about(book.create_sheet(), report)
    stamp = dt.datetime.combine(report.audit_date, dt.time())
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "auditor"
    book.properties.title = t("batch.section.matrix").lstrip("■ ")
    from openpyxl.writer.excel import ExcelWriter

    # ExcelWriter directly, not Workbook.save: save() stamps "modified" with the clock.
    buffer = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _fixed_timestamps(buffer.getvalue(), report.audit_date)


def _header(sheet: Any, headers: list[str], widths: list[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    _append(sheet, headers)
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=_HEADING_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2" if sheet.title == _title("matrix") else "A2"


def _title(kind: str) -> str:
    titles = {
        "matrix": {"ja": "比較表", "en": "Matrix"},
        "most_failed": {"ja": "不適合の多い要件", "en": "Most failed"},
        "ranking": {"ja": "緊急の不備ランキング", "en": "Urgent gaps"},
        "unusable": {"ja": "監査できなかったファイル", "en": "Unusable files"},
        "about": {"ja": "この報告について", "en": "About"},
    }
    return pick(titles[kind])


def _rate(cell: Cell | None) -> float | None:
    return None if cell is None else rate_value(cell.rate)


def _matrix(sheet: Any, report: BatchReport) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.utils import get_column_letter

    sheet.title = _title("matrix")
    leading = ("code", "entity", "type", "model", "edition", "rank")
    headers = [t(f"batch.col.{name}") for name in leading]
    widths = [10, 18, 10, 7, 8, 6]
    rate_columns = []
    for area in report.chapters:
        rate_columns.append(len(headers) + 1)
        headers += [chapter_short(area), f"{chapter_short(area)} {t('batch.col.must_failed')}"]
        widths += [10, 10]
    rate_columns.append(len(headers) + 1)
    headers += [
        t("batch.col.total"),
        t("batch.col.must_rate"),
        t("batch.col.must_failed"),
        t("batch.col.urgent"),
        t("batch.col.critical"),
        t("batch.col.file"),
    ]
    widths += [10, 10, 10, 8, 10, 40]
    _header(sheet, headers, widths)
    ranks = {id(ranked.row): ranked.rank for ranked in report.ranking}
    for row in report.rows:
        policy = row.policy
        values: list[object] = [
            policy.entity_code,
            policy.entity_name,
            t(f"code.kind.{policy.entity_type}"),
            model_name(policy.network_model),
            policy.guideline_edition,
            ranks[id(row)],
        ]
        for area in report.chapters:
            cell = row.cells.get(area)
            values += [_rate(cell), cell.must_failed if cell is not None else 0]
        summary = row.summary
        must_rate = rate_value(summary.must_rate)
        values += [
            _rate(row.total),
            must_rate,
            row.total.must_failed,
            row.total.urgent,
            row.total.critical,
            policy.file,
        ]
        _append(sheet, values)
    last = sheet.max_row
    must_rate_column = rate_columns[-1] + 1
    for column in [*rate_columns, must_rate_column]:
        letter = get_column_letter(column)
        for (cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=column, max_col=column):
            cell.number_format = _PERCENT
        if last >= 2:
            sheet.conditional_formatting.add(
                f"{letter}2:{letter}{last}",
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color=_LOW,
                    mid_type="num",
                    mid_value=_MID_AT,
                    mid_color=_MID,
                    end_type="num",
                    end_value=1,
                    end_color=_HIGH,
                ),
            )
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(last, 1)}"


def _most_failed(sheet: Any, report: BatchReport) -> None:
    sheet.title = _title("most_failed")
    _header(
        sheet,
        [
            "ID",
            t("batch.col.requirement"),
            t("batch.col.level"),
            t("batch.col.severity"),
            t("batch.col.section"),
            t("batch.col.failed"),
            t("batch.col.share"),
            t("batch.col.codes"),
        ],
        [9, 50, 6, 7, 30, 10, 8, 60],
    )
    for item in report.most_failed:
        rule = item.rule
        _append(
            sheet,
            [
                rule.rule_id,
                pick(rule.title),
                t(f"level.{rule.level}"),
                t(f"severity.{rule.severity}"),
                rule.section,
                item.failed,
                rate_value(item.share),
                ", ".join(item.codes),
            ],
        )
        sheet.cell(row=sheet.max_row, column=7).number_format = _PERCENT


def _ranking(sheet: Any, report: BatchReport) -> None:
    sheet.title = _title("ranking")
    _header(
        sheet,
        [t(f"batch.col.{name}") for name in ("rank", "code", "entity", "urgent", "critical", "must_failed", "total")],
        [6, 10, 18, 8, 10, 10, 10],
    )
    for ranked in report.ranking:
        policy = ranked.row.policy
        total = ranked.row.total
        _append(
            sheet,
            [
                ranked.rank,
                policy.entity_code,
                policy.entity_name,
                total.urgent,
                total.critical,
                total.must_failed,
                _rate(total),
            ],
        )
        sheet.cell(row=sheet.max_row, column=7).number_format = _PERCENT


def _unusable(sheet: Any, report: BatchReport) -> None:
    sheet.title = _title("unusable")
    _header(
        sheet, [t("batch.col.file"), t("batch.col.line"), t("batch.col.column"), t("batch.col.message")], [40, 6, 6, 80]
    )
    for failure in report.failures:
        for problem in failure.problems:
            _append(sheet, [failure.file, problem.line, problem.column, problem.message])


def _about(sheet: Any, report: BatchReport) -> None:
    sheet.title = _title("about")
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 90
    rows = [
        (t("batch.heading", edition=report.edition, date=report.audit_date.isoformat()), ""),
        ("auditor", report.tool_version),
        (t("batch.col.total"), t("batch.legend")),
        *((chapter_short(area), chapter_title(area)) for area in report.chapters),
    ]
    for row in rows:
        _append(sheet, list(row))


def _fixed_timestamps(data: bytes, day: dt.date) -> bytes:
    """Rewrite the zip with every entry dated ``day``: the same inputs give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stamp = (day.year, day.month, day.day, 0, 0, 0)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return target_buffer.getvalue()


def _append(sheet: Any, values: list[Any]) -> None:
    """Add a row; text is stored as text, so a policy named ``=HYPERLINK(...)`` is never a formula."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            write_text(cell, cell.value)
