"""JSON batch report: the documented, versioned comparison (``kind: auditor.batch``, version 1).

Example (abridged; every key is described in ``docs/batch.md``)::

    {"schema_version": 1, "kind": "auditor.batch", "tool": {"name": "auditor", "version": "0.1.0"},
     "audited_against": {"edition": "R7.3", "date": "2026-11-22"},
     "summary": {"files": 3, "audited": 2, "unusable": 1, "with_urgent_gaps": 1, ...},
     "chapters": [{"area": "resilience", "title": "§3 ...", "short": "§3 強靱性"}],
     "matrix": [{"file": "...", "entity": {...}, "network_model": "beta", "total": {...},
                 "chapters": {"resilience": {"rate": 0.8, "must_failed": 2, ...}}}],
     "most_failed": [{"rule_id": "MN-001", "failed": 12, "evaluated": 40, "share": 0.3, ...}],
     "ranking": [{"rank": 1, "file": "...", "entity": {...}, "urgent": 3, ...}],
     "unusable": [{"file": "...", "problems": [{"line": 3, "column": 1, "message": "..."}]}]}
"""

from __future__ import annotations

import json
from typing import Any

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.common import chapter_short, chapter_title, rate_value
from auditor.batch.summary import BatchReport, Cell, Row
from auditor.i18n import pick

BATCH_SCHEMA_VERSION = 1


def render(report: BatchReport, options: BatchOptions) -> str:
    """The whole comparison as one JSON document."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: BatchReport) -> dict[str, Any]:
    """The JSON document of a batch."""
    total = report.total
    return {
        "schema_version": BATCH_SCHEMA_VERSION,
        "kind": "auditor.batch",
        "tool": {"name": "auditor", "version": report.tool_version},
        "audited_against": {"edition": report.edition, "date": report.audit_date.isoformat()},
        "summary": {
            "files": report.files,
            "audited": len(report.rows),
            "unusable": len(report.failures),
            "with_urgent_gaps": report.policies_with_urgent_gaps,
            **_cell(total),
        },
        "chapters": [
            {"area": area, "title": chapter_title(area), "short": chapter_short(area)} for area in report.chapters
        ],
        "matrix": [_row(row, report.chapters) for row in report.rows],
        "most_failed": [
            {
                "rule_id": item.rule.rule_id,
                "title": pick(item.rule.title),
                "level": item.rule.level,
                "severity": item.rule.severity,
                "area": item.rule.area,
                "section": item.rule.section,
                "failed": item.failed,
                "evaluated": item.evaluated,
                "share": rate_value(item.share),
                "codes": list(item.codes),
            }
            for item in report.most_failed
        ],
        "ranking": [
            {
                "rank": ranked.rank,
                **_identity(ranked.row),
                "urgent": ranked.row.total.urgent,
                "critical": ranked.row.total.critical,
                "must_failed": ranked.row.total.must_failed,
                "rate": rate_value(ranked.row.total.rate),
            }
            for ranked in report.ranking
        ],
        "unusable": [
            {
                "file": failure.file,
                "problems": [{"line": p.line, "column": p.column, "message": p.message} for p in failure.problems],
            }
            for failure in report.failures
        ],
    }


def _identity(row: Row) -> dict[str, Any]:
    policy = row.policy
    return {
        "file": policy.file,
        "entity": {"name": policy.entity_name, "code": policy.entity_code, "type": policy.entity_type},
    }


def _row(row: Row, chapters: list[str]) -> dict[str, Any]:
    policy = row.policy
    summary = row.summary
    return {
        **_identity(row),
        "sha256": policy.sha256,
        "network_model": policy.network_model,
        "guideline_edition": policy.guideline_edition,
        "must_compliance_rate": rate_value(summary.must_rate),
        "counts": dict(summary.counts),
        "total": _cell(row.total),
        # Every chapter of the batch appears in every row (null rate: nothing evaluated there).
        "chapters": {area: _cell(row.cells.get(area, Cell())) for area in chapters},
    }


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "rate": rate_value(cell.rate),
        "evaluated": cell.evaluated,
        "passed": cell.passed,
        "failed": cell.failed,
        "must_failed": cell.must_failed,
        "urgent": cell.urgent,
        "critical": cell.critical,
    }
