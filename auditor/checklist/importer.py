"""Reading a filled checklist back: each row with a 確認結果 becomes an evidence record.

The sheet is read the way people leave it: columns found by their header label (Japanese or
English, wherever they were moved), rows by their hidden key whatever order they were sorted in,
merged cells taken as one value for every row they span, extra rows (notes, blank lines, totals)
ignored unless they hold a 確認結果, dates typed as dates, as Excel serial numbers or as text
(2026-11-20, 2026/11/20, 2026年11月20日, 令和8年11月20日, R8.11.20, full-width digits).

Every bad cell is a :class:`~auditor.errors.Problem` named ``チェックリスト!T12`` (sheet and cell);
all are collected before anything is returned, so the caller writes the evidence file whole or
not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.checklist.layout import (
    COLUMNS,
    DATE_FIELDS,
    EVIDENCE_FIELDS,
    METHOD_ALIASES,
    RESULT_ALIASES,
    parse_key,
)
from auditor.errors import InputError, Problem
from auditor.evidence.model import EvidenceFile, EvidenceRecord, EvidenceSubject
from auditor.i18n import MESSAGES, t

MAX_BYTES = 50 * 1024 * 1024
"""Largest workbook read (a checklist of a few hundred rows is well under 1 MB)."""
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
"""Highest compression ratio accepted for a large member: XML compresses 5–20×, bombs far more."""
HEADER_ROWS = 20
"""How far down a sheet the header row is looked for (staff add title rows above it)."""

_ERA_START = {"令和": 2018, "平成": 1988, "R": 2018, "H": 1988}
_ERA_DATE = re.compile(r"^(令和|平成|R|H)\s*(元|\d{1,2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")
_WESTERN_DATE = re.compile(
    r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
)


@dataclass(frozen=True)
class Imported:
    """What a filled checklist says: the evidence file to write and the sheets it came from."""

    evidence: EvidenceFile
    sheets: tuple[str, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class _Sheet:
    """One checklist sheet being read."""

    title: str
    header_row: int
    columns: dict[str, int]
    merged: dict[tuple[int, int], Any] = field(default_factory=dict)


def _labels() -> dict[str, str]:
    """Header text (both languages, normalised) -> column field."""
    labels: dict[str, str] = {}
    for column in COLUMNS:
        key = column.label if column.label in MESSAGES else f"report.{column.label}"
        for text in MESSAGES[key].values():
            labels[_normal(text)] = column.field
    return labels


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def read_checklist(
    path: Path,
    *,
    today: dt.date,
    sheet: str | None = None,
    policy_sha256: str | None = None,
    policy_code: str | None = None,
    policy_file: str | None = None,
    display: str | None = None,
) -> Imported:
    """The evidence records of a filled checklist; :class:`InputError` lists every bad cell.

    ``policy_sha256`` and ``policy_code`` (from ``--policy``) check the sheet against the current
    policy: another body is an error, another version of its policy a warning.
    """
    name = display or str(path)
    workbook = _open(path, name)
    sheets = _checklist_sheets(workbook, name, sheet)
    problems: list[Problem] = []
    records: list[EvidenceRecord] = []
    first: tuple[str, str, str] | None = None  # (sheet, code, sha) of the first keyed row
    for found in sheets:
        for row, cells in _rows(workbook[found.title], found):
            where = _where(name, found, row)
            raw_key = cells.get("key")
            key = parse_key(str(raw_key)) if raw_key not in (None, "") else None
            filled = {f: v for f, v in cells.items() if f in ("result", *EVIDENCE_FIELDS) and _present(v)}
            if key is None:
                if raw_key not in (None, ""):
                    problems.append(Problem(where("key"), None, None, t("checklist.bad_key", value=raw_key)))
                elif "result" in filled:  # notes, totals and blank rows hold no result: ignored
                    problems.append(Problem(where("key"), None, None, t("checklist.no_key")))
                continue
            rule_id, code, sha = key
            if first is None:
                first = (found.title, code, sha)
            elif code != first[1]:
                if found.title != first[0]:  # a workbook of several bodies (a batch of exports): choose one
                    codes = ", ".join(sorted({first[1], code}))
                    raise InputError.of(name, t("checklist.several_bodies", codes=codes))
                problems.append(
                    Problem(where("key"), None, None, t("checklist.other_body", theirs=code, ours=first[1]))
                )
                continue
            elif sha != first[2]:
                message = t("checklist.other_version", theirs=sha[:12], ours=first[2][:12])
                problems.append(Problem(where("key"), None, None, message))
                continue
            record = _record(rule_id, cells, filled, where, today, problems)
            if record is not None:
                records.append(record)
    warnings: list[str] = []
    if first is not None and policy_code is not None and first[1] != policy_code:
        problems.append(Problem(name, None, None, t("checklist.policy_other_body", theirs=first[1], ours=policy_code)))
    if first is not None and policy_sha256 is not None and first[2] != policy_sha256:
        warnings.append(
            f"{name}: " + t("checklist.policy_other_version", policy=policy_file or "-", theirs=first[2][:12])
        )
    if problems:
        raise InputError(problems)
    subject = (
        EvidenceSubject(entity_code=first[1], policy_file=policy_file, policy_sha256=first[2])
        if first is not None
        else None
    )
    evidence = EvidenceFile(
        generator=f"auditor {__version__} checklist import",
        created_on=today,
        subject=subject,
        records=tuple(records),
    )
    return Imported(evidence=evidence, sheets=tuple(found.title for found in sheets), warnings=tuple(warnings))


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _where(name: str, sheet: _Sheet, row: int) -> Any:
    from openpyxl.utils import get_column_letter

    def at(field_name: str) -> str:
        column = sheet.columns.get(field_name, 1)
        return f"{name}: {sheet.title}!{get_column_letter(column)}{row}"

    return at


def _record(
    rule_id: str,
    cells: dict[str, Any],
    filled: dict[str, Any],
    where: Any,
    today: dt.date,
    problems: list[Problem],
) -> EvidenceRecord | None:
    if "result" not in filled:
        if filled:
            problems.append(Problem(where("result"), None, None, t("checklist.needs_result")))
        return None
    before = len(problems)

    def fail(field_name: str, message: str) -> None:
        problems.append(Problem(where(field_name), None, None, message))

    result = RESULT_ALIASES.get(_text(cells["result"]).lower())
    if result is None:
        fail("result", t("checklist.unknown_result", value=_text(cells["result"])))
    method = None
    if not _present(cells.get("method")):
        fail("method", t("checklist.needs", column=_header("method")))
    else:
        method = METHOD_ALIASES.get(_text(cells["method"]).lower())
        if method is None:
            fail("method", t("checklist.unknown_method", value=_text(cells["method"])))
    what = _text(cells.get("evidence"))
    if not what:
        fail("evidence", t("checklist.needs", column=_header("evidence")))
    dates: dict[str, dt.date | None] = {}
    for field_name in ("reviewed_on", "valid_until"):
        value = cells.get(field_name)
        if not _present(value):
            dates[field_name] = None
            continue
        parsed = as_date(value)
        if parsed is None:
            fail(field_name, t("checklist.not_a_date", value=_text(value)))
        dates[field_name] = parsed
    reviewed_on, valid_until = dates["reviewed_on"], dates["valid_until"]
    if reviewed_on is None and not _present(cells.get("reviewed_on")):
        fail("reviewed_on", t("checklist.needs", column=_header("reviewed_on")))
    if reviewed_on is not None and reviewed_on > today:
        fail("reviewed_on", t("checklist.future", date=reviewed_on.isoformat(), today=today.isoformat()))
    if reviewed_on is not None and valid_until is not None and valid_until < reviewed_on:
        fail("valid_until", t("checklist.order", until=valid_until.isoformat(), date=reviewed_on.isoformat()))
    if len(problems) > before or result is None or method is None or reviewed_on is None:
        return None
    return EvidenceRecord(
        rule_id=rule_id,
        what=what,
        reviewed_on=reviewed_on,
        method=method,
        result=result,
        where=_text(cells.get("where")) or None,
        reviewer=_text(cells.get("owner")) or None,
        valid_until=valid_until,
        note=_text(cells.get("note")) or None,
    )


def _header(field_name: str) -> str:
    column = next(column for column in COLUMNS if column.field == field_name)
    key = column.label if column.label in MESSAGES else f"report.{column.label}"
    return t(key)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFKC", str(value)).split())


def as_date(value: Any) -> dt.date | None:
    """A cell's value as a date: a typed date, an Excel serial number, or date text; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if 1 <= value < 2_958_466:  # 1900-01-01 … 9999-12-31 as Excel counts days
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value)
            return converted.date() if isinstance(converted, dt.datetime) else None
        return None
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        if match := _WESTERN_DATE.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _ERA_DATE.match(text):
            year = 1 if match[2] == "元" else int(match[2])
            return dt.date(_ERA_START[match[1]] + year, int(match[3]), int(match[4]))
    except ValueError:  # 2026-02-30
        return None
    return None


# --- the workbook -----------------------------------------------------------------------------


def _open(path: Path, name: str) -> Any:
    """The workbook (values, not formulas), after checking the zip container is not a bomb."""
    from auditor.files.paths import read_file

    raw = read_file(path, name, limit=MAX_BYTES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED:
            raise InputError.of(name, t("checklist.bomb", size=total, limit=MAX_UNCOMPRESSED))
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise InputError.of(
                    name, t("checklist.bomb", size=member.file_size, limit=MAX_RATIO * member.compress_size)
                )
    except zipfile.BadZipFile as exc:
        raise InputError.of(name, t("checklist.not_xlsx", detail=exc)) from None
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            return load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; each is the file's fault
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        raise InputError.of(name, t("checklist.not_xlsx", detail=detail)) from None


def _checklist_sheets(workbook: Any, name: str, chosen: str | None) -> list[_Sheet]:
    labels = _labels()
    if chosen is not None and chosen not in workbook.sheetnames:
        raise InputError.of(name, t("checklist.unknown_sheet", sheet=chosen, known=", ".join(workbook.sheetnames)))
    found = []
    for sheet in workbook.worksheets:
        if chosen is not None and sheet.title != chosen:
            continue
        header = _header_row(sheet, labels)
        if header is None:
            continue
        row, columns = header
        missing = [
            field_name for field_name in ("result", "method", "evidence", "reviewed_on") if field_name not in columns
        ]
        if missing:
            raise InputError.of(f"{name}: {sheet.title}", t("checklist.missing_column", column=_header(missing[0])))
        found.append(_Sheet(sheet.title, row, columns, _merged_values(sheet)))
    if not found:
        raise InputError.of(name, t("checklist.no_sheet"))
    return found


def _header_row(sheet: Any, labels: dict[str, str]) -> tuple[int, dict[str, int]] | None:
    for row in sheet.iter_rows(min_row=1, max_row=HEADER_ROWS):
        columns: dict[str, int] = {}
        for cell in row:
            if isinstance(cell.value, str):
                field_name = labels.get(_normal(cell.value))
                if field_name is not None:
                    columns.setdefault(field_name, cell.column)
        if "key" in columns:
            return row[0].row, columns
    return None


def _merged_values(sheet: Any) -> dict[tuple[int, int], Any]:
    """Every cell inside a merged range -> the value of the range (held by its top-left cell)."""
    values: dict[tuple[int, int], Any] = {}
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(row=merged.min_row, column=merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                values[(row, column)] = value
    return values


def _rows(sheet: Any, found: _Sheet) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row below the header as ``field -> value`` (merged cells resolved)."""
    for number in range(found.header_row + 1, sheet.max_row + 1):
        cells: dict[str, Any] = {}
        for field_name, column in found.columns.items():
            value = found.merged.get((number, column), sheet.cell(row=number, column=column).value)
            cells[field_name] = value
        if any(_present(value) for value in cells.values()):
            yield number, cells


__all__ = ["DATE_FIELDS", "Imported", "as_date", "read_checklist"]
