"""Excel checklist: the workbook municipal staff actually work in (openpyxl, imported only here).

One sheet per audited policy with one row per rule (the columns of :mod:`auditor.checklist.layout`):
chapter, section, id, requirement, level, severity, status, declared and expected value in words,
policy line and dotted path, detail, remediation, the clauses of the body's own documents, then the
columns the office fills in: 確認結果 and 確認方法 (dropdowns on the 要確認 rows), 証跡, its location, 担当者, 確認日,
有効期限 (date cells), 対応期限 and a note. A hidden last column keys each row to its rule, the body
and the policy file's SHA-256, so that ``auditor checklist import`` recognises a sheet returned
from another body or another version of the policy. Rows already settled by evidence come filled
in with it. 不適合 and 要確認 are coloured by conditional formatting, so the colour follows the label.
An "about" sheet records who was audited against what. Every cell from the policy is stored as
text, never as a formula, and the file's dates (properties and zip entries) come from the audit
date, so it is reproducible.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from auditor.audit.results import AuditResult
from auditor.checklist.layout import COLUMNS, DATE_FIELDS, METHOD_CHOICES, RESULT_CHOICES, key_value
from auditor.reporters import ReportOptions
from auditor.reporters.view import OutcomeView, ReportView, build_all, lang_of

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters XML (and so xlsx) cannot hold."""
STATUS_FILLS = {
    "pass": "E8F5E9",
    "error": "F3E5F5",
    "waived": "FFF8E1",
    "not_applicable": "F5F5F5",
}
"""Fixed fills of the status cell; 不適合 and 要確認 are coloured by conditional formatting."""
CONDITIONAL_FILLS = {"fail": "FFCDD2", "manual": "C5CAE9"}
RESULT_FILLS = {"確認済み": "C8E6C9", "確認できない": "FFCDD2", "一部確認": "FFE0B2"}
INDEX = {column.field: position for position, column in enumerate(COLUMNS, start=1)}


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


def _row_values(outcome: OutcomeView, chapter: str, number: int, view: ReportView) -> dict[str, Any]:
    values: dict[str, Any] = {
        "no": number,
        "chapter": chapter,
        "section": outcome.section,
        "sources": outcome.sources,
        "rule_id": outcome.rule_id,
        "requirement": outcome.title,
        "level": outcome.level_label,
        "severity": outcome.severity_label,
        "status": outcome.status_label,
        "declared": outcome.declared,
        "expected": outcome.expected,
        "location": "\n".join(part for part in (outcome.location, outcome.path) if part),
        "detail": outcome.message,
        "remediation": outcome.remediation,
        "citation": "\n".join(outcome.citations),
        "key": key_value(outcome.rule_id, view.entity_code, view.sha256),
    }
    evidence = outcome.evidence
    if evidence is not None and evidence.records:
        record = evidence.records[0]  # the review that decides, as the office recorded it
        values.update(
            result=record.result,
            method=record.method,
            evidence=record.what,
            where=record.where,
            owner="" if record.reviewer == view.label("evidence.nobody") else record.reviewer,
            reviewed_on=dt.date.fromisoformat(record.reviewed_on),
            valid_until=dt.date.fromisoformat(record.valid_until) if record.valid_until else None,
            note=record.note,
        )
    return values


def takes_evidence(outcome: OutcomeView) -> bool:
    """A row whose requirement reviewed evidence settles: 要確認, or already settled by evidence."""
    return outcome.status == "manual" or (outcome.evidence is not None and outcome.evidence.decided)


def _checklist(sheet: Any, view: ReportView) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    thin = Side(style="thin", color="CFD6DE")
    border = Border(top=thin, bottom=thin, left=thin, right=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for position, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=position)
        write_text(cell, view.label(column.label))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="2E6B30" if column.entry else "1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border
        sheet.column_dimensions[get_column_letter(position)].width = column.width
    sheet.column_dimensions[get_column_letter(INDEX["key"])].hidden = True
    results = DataValidation(type="list", formula1='"' + ",".join(RESULT_CHOICES) + '"', allow_blank=True)
    methods = DataValidation(type="list", formula1='"' + ",".join(METHOD_CHOICES) + '"', allow_blank=True)
    for validation, field in ((results, "result"), (methods, "method")):
        validation.promptTitle = view.label(COLUMNS[INDEX[field] - 1].label)
        validation.prompt = view.label("checklist.prompt." + field)
        validation.errorTitle = validation.promptTitle
        validation.error = view.label("checklist.choose")
    row = 1
    for chapter in view.chapters:
        for outcome in chapter.outcomes:
            row += 1
            values = _row_values(outcome, chapter.title, row - 1, view)
            for field, position in INDEX.items():
                cell = sheet.cell(row=row, column=position)
                value = values.get(field)
                if isinstance(value, (int, dt.date)) and not isinstance(value, bool):
                    cell.value = value
                elif value:
                    write_text(cell, str(value))
                cell.alignment = wrap
                cell.border = border
            if outcome.status in STATUS_FILLS:
                sheet.cell(row=row, column=INDEX["status"]).fill = PatternFill(
                    "solid", fgColor=STATUS_FILLS[outcome.status]
                )
            if takes_evidence(outcome):
                results.add(sheet.cell(row=row, column=INDEX["result"]).coordinate)
                methods.add(sheet.cell(row=row, column=INDEX["method"]).coordinate)
    last = get_column_letter(len(COLUMNS))
    if row > 1:
        sheet.add_data_validation(results)
        sheet.add_data_validation(methods)
        # Date columns accept dates only, so the sheet sorts and filters by them.
        dates = DataValidation(type="date", operator="greaterThan", formula1="DATE(2000,1,1)", allow_blank=True)
        dates.error = view.label("checklist.date_only")
        for field in DATE_FIELDS:
            letter = get_column_letter(INDEX[field])
            dates.add(f"{letter}2:{letter}{row}")
            for cells in sheet[f"{letter}2:{letter}{row}"]:
                cells[0].number_format = "yyyy-mm-dd"
        sheet.add_data_validation(dates)
        status = get_column_letter(INDEX["status"])
        for name, fill in CONDITIONAL_FILLS.items():
            label = view.status_labels[name]
            sheet.conditional_formatting.add(
                f"{status}2:{status}{row}",
                FormulaRule(
                    formula=[f'LEFT(${status}2,{len(label)})="{label}"'],
                    fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                ),
            )
        result = get_column_letter(INDEX["result"])
        for label, fill in RESULT_FILLS.items():
            sheet.conditional_formatting.add(
                f"{result}2:{result}{row}",
                FormulaRule(formula=[f'${result}2="{label}"'], fill=PatternFill("solid", fgColor=fill, bgColor=fill)),
            )
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = f"A1:{last}{max(row, 1)}"
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
