"""Excel checklist: the workbook municipal staff actually work in (openpyxl, imported only here).

One sheet per audited policy with one row per rule: chapter, section, id, requirement, level,
severity, status, declared and expected value, policy line, detail, remediation, and empty
columns for evidence, owner and due date that the office fills in. An "about" sheet records who
was audited against what. Every cell from the policy is stored as text, never as a formula, and
the file's dates (properties and zip entries) come from the audit date, so it is reproducible.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from auditor.audit.results import AuditResult
from auditor.reporters import ReportOptions
from auditor.reporters.view import ReportView, build_all, lang_of

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters XML (and so xlsx) cannot hold."""
STATUS_FILLS = {
    "pass": "E8F5E9",
    "fail": "FFEBEE",
    "error": "F3E5F5",
    "waived": "FFF8E1",
    "manual": "E8EAF6",
    "not_applicable": "F5F5F5",
}
COLUMNS: tuple[tuple[str, float], ...] = (
    # (label key, width in characters)
    ("col.no", 5),
    ("col.chapter", 22),
    ("col.section", 18),
    ("sources", 36),
    ("col.id", 9),
    ("col.requirement", 40),
    ("col.level", 6),
    ("col.severity", 7),
    ("col.status", 9),
    ("field.declared", 20),
    ("field.expected", 20),
    ("field.location", 22),
    ("field.detail", 40),
    ("field.remediation", 48),
    ("col.evidence", 30),
    ("col.owner", 14),
    ("col.due", 12),
)


def clean(value: str) -> str:
    """Text safe for a cell: no XML-illegal control characters."""
    return _ILLEGAL.sub("", value)


def render(results: Sequence[AuditResult], options: ReportOptions) -> bytes:
    """The workbook of ``results`` (one checklist sheet per policy)."""
    from openpyxl import Workbook

    views = build_all(results, lang_of(options.lang))
    workbook = Workbook()
    about = workbook.active
    about.title = views[0].label("xlsx.about") if views else "About"
    for index, view in enumerate(views):
        _about(about, view, first_row=1 + index * 12)
        name = view.label("xlsx.sheet") if len(views) == 1 else f"{view.entity_code} {view.entity_name}"
        _checklist(workbook.create_sheet(_sheet_title(name)), view)
    when = dt.datetime.combine(max(r.audit_date for r in results), dt.time()) if results else dt.datetime(2000, 1, 1)
    workbook.properties.created = when
    workbook.properties.modified = when
    workbook.properties.creator = "auditor"
    workbook.properties.lastModifiedBy = "auditor"
    workbook.properties.title = views[0].title if views else ""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip_dates(buffer.getvalue(), when)


def _sheet_title(name: str) -> str:
    # Excel forbids []:*?/\ in sheet names and caps them at 31 characters.
    return re.sub(r"[\[\]:*?/\\]", "_", clean(name))[:31] or "Sheet"


def write_text(cell: Any, value: str) -> None:
    """Store ``value`` as a string even when it starts with '=' (no formula injection)."""
    cell.value = clean(value)
    cell.data_type = "s"


def _about(sheet: Any, view: ReportView, *, first_row: int) -> None:
    from openpyxl.styles import Font

    rows = [
        (view.title, ""),
        (view.label("cover.entity_code"), view.entity_code),
        (view.label("cover.entity_name"), view.entity_name),
        (view.label("cover.network_model"), view.model_label),
        (view.label("cover.audit_date"), view.audit_date),
        (view.label("cover.edition"), view.edition_label),
        (view.label("cover.policy_edition"), view.policy_edition_label),
        (view.label("cover.policy_file"), view.policy_file),
        (view.label("cover.sha256"), view.sha256),
        (view.label("cover.tool"), f"auditor {view.tool_version}"),
        (view.label("summary.must_rate"), view.must_rate_label),
        *([(view.label("tier"), view.statutory_line)] if view.statutory_line else []),
    ]
    for offset, (key, value) in enumerate(rows):
        write_text(sheet.cell(row=first_row + offset, column=1), key)
        write_text(sheet.cell(row=first_row + offset, column=2), value)
    sheet.cell(row=first_row, column=1).font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 70


def _checklist(sheet: Any, view: ReportView) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin", color="CFD6DE")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, (key, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=column)
        write_text(cell, view.label(key))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = width
    row = 1
    for chapter in view.chapters:
        for outcome in chapter.outcomes:
            row += 1
            values = [
                str(row - 1),
                chapter.title,
                outcome.section,
                outcome.sources,
                outcome.rule_id,
                outcome.title,
                outcome.level_label,
                outcome.severity_label,
                outcome.status_label,
                outcome.declared,
                outcome.expected,
                outcome.location,
                outcome.message,
                outcome.remediation,
                "",
                "",
                "",
            ]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column)
                if column == 1:
                    cell.value = row - 1
                elif value:
                    write_text(cell, value)
                cell.alignment = wrap
                cell.border = border
            sheet.cell(row=row, column=8).fill = PatternFill("solid", fgColor=STATUS_FILLS[outcome.status])
    due_column = get_column_letter(len(COLUMNS))
    if row > 1:
        # The due-date column accepts dates only, so the sheet sorts and filters by deadline.
        validation = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True)
        validation.add(f"{due_column}2:{due_column}{row}")
        sheet.add_data_validation(validation)
        for cell in sheet[f"{due_column}2:{due_column}{row}"]:
            cell[0].number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = f"A1:{due_column}{max(row, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _fixed_zip_dates(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the xlsx zip with every date set to ``when``.

    openpyxl stamps the current time on each zip entry and on the ``dcterms:modified`` property
    whatever the workbook says; the report's dates come from the audit date instead.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", content
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return output.getvalue()
