"""CSV batch report: the comparison matrix, one row per policy, ranked columns included.

UTF-8 without a byte-order mark and stable English column names, for scripts and spreadsheets
alike (the xlsx format is the one meant for people). Columns: ``code, name, type, file,
network_model, guideline_edition, rank, rate, must_compliance_rate, must_failed, urgent,
critical`` then ``<area>_rate`` and ``<area>_must_failed`` per chapter in guideline order.
Rates are fractions with 4 decimals; an empty rate means nothing was evaluated.

Text taken from the policies (name, file) that a spreadsheet would read as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with ``'`` (OWASP's
advice against CSV injection), so opening the file never runs anything a policy declared.
"""

from __future__ import annotations

import csv
import io

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.common import rate_value
from auditor.batch.summary import BatchReport, Cell


def render(report: BatchReport, options: BatchOptions) -> str:
    """The matrix as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [
        "code",
        "name",
        "type",
        "file",
        "network_model",
        "guideline_edition",
        "rank",
        "rate",
        "must_compliance_rate",
        "must_failed",
        "urgent",
        "critical",
    ]
    for area in report.chapters:
        header += [f"{area}_rate", f"{area}_must_failed"]
    writer.writerow(header)
    ranks = {id(ranked.row): ranked.rank for ranked in report.ranking}
    for row in report.rows:
        policy = row.policy
        line: list[object] = [
            policy.entity_code,
            inert(policy.entity_name),
            policy.entity_type,
            inert(policy.file),
            policy.network_model,
            policy.guideline_edition,
            ranks[id(row)],
            _number(rate_value(row.total.rate)),
            _number(rate_value(row.summary.must_rate)),
            row.total.must_failed,
            row.total.urgent,
            row.total.critical,
        ]
        for area in report.chapters:
            cell = row.cells.get(area, Cell())
            line += [_number(rate_value(cell.rate)), cell.must_failed]
        writer.writerow(line)
    return buffer.getvalue()


def inert(text: str) -> str:
    """``text`` as a spreadsheet will show it, never evaluate it."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number(value: float | None) -> str:
    return "" if value is None else str(value)
