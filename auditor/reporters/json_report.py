"""JSON report: the documented, versioned machine-readable result (``schema_version`` 1).

One audited policy gives one object; several give a list of such objects, in the order given.
Keys are stable; outcomes are in guideline order. Example (abridged)::

    {"schema_version": 1, "tool": {"name": "auditor", "version": "0.1.0"},
     "policy": {"file": "...", "sha256": "...", "entity": {...}, "network_model": "alpha",
                "guideline_edition": "R7.3"},
     "audited_against": {"edition": "R7.3", "date": "2026-11-22"},
     "summary": {"pass": 20, "fail": 3, ...},
     "outcomes": [{"rule_id": "MN-001", "status": "pass", ...}]}
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from auditor.i18n import pick
from auditor.reporters import ReportOptions
from auditor.results import RESULT_SCHEMA_VERSION, AuditResult, Outcome


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """Serialise ``results``; a single result is an object, several are a list."""
    documents = [to_dict(result) for result in results]
    payload: Any = documents[0] if len(documents) == 1 else documents
    return json.dumps(payload, ensure_ascii=False, indent=2, default=_plain) + "\n"


def to_dict(result: AuditResult) -> dict[str, Any]:
    """The JSON document of one audit."""
    summary = result.summary
    return {
        "schema_version": RESULT_SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": result.tool_version},
        "policy": {
            "file": result.policy.file,
            "sha256": result.policy.sha256,
            "entity": {
                "name": result.policy.entity_name,
                "code": result.policy.entity_code,
                "type": result.policy.entity_type,
            },
            "network_model": result.policy.network_model,
            "guideline_edition": result.policy.guideline_edition,
        },
        "audited_against": {"edition": result.edition, "date": result.audit_date.isoformat()},
        "summary": {
            **summary.counts,
            "must_compliance_rate": _rate(summary.must_rate),
            "must_compliance_rate_with_waivers": _rate(summary.must_rate_with_waivers),
        },
        "outcomes": [outcome_dict(outcome) for outcome in result.outcomes],
        "notes": list(result.notes),
    }


def outcome_dict(outcome: Outcome) -> dict[str, Any]:
    """The JSON object of one outcome."""
    item: dict[str, Any] = {
        "rule_id": outcome.rule_id,
        "status": outcome.status,
        "level": outcome.level,
        "severity": outcome.severity,
        "area": outcome.area,
        "section": outcome.section,
        "title": pick(outcome.title),
        "path": outcome.path,
        "line": outcome.line,
        "column": outcome.column,
        "actual": outcome.actual,
        "expected": outcome.expected,
        "message": outcome.message,
        "remediation": pick(outcome.remediation),
    }
    if outcome.waiver is not None:
        item["waiver"] = {
            "justification": outcome.waiver.justification,
            "approver": outcome.waiver.approver,
            "approved_on": outcome.waiver.approved_on.isoformat(),
            "expires_on": outcome.waiver.expires_on.isoformat(),
            "expired": outcome.waiver.expired,
        }
    return item


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
