"""JSON report: the documented, versioned machine-readable result (``schema_version`` 1).

One audited policy gives one object; several give a list of such objects, in the order given.
Keys are stable; outcomes are in guideline order. Example (abridged)::

    {"schema_version": 1, "tool": {"name": "auditor", "version": "0.1.0"},
     "policy": {"file": "...", "sha256": "...", "entity": {...}, "network_model": "alpha",
                "guideline_edition": "R7.3"},
     "audited_against": {"edition": "R7.3", "date": "2026-11-22"},
     "summary": {"pass": 20, "fail": 3, ...},
     "outcomes": [{"rule_id": "MN-001", "status": "pass", "baselined": false, ...}],
     "waivers": [{"rule_id": "MN-004", "state": "in_force", "days_left": 129, ...}],
     "baseline": null}

``waivers`` is the waiver register (every declared waiver and its state: in_force, expiring,
expired, stale, unknown_rule, not_matching, superseded, not_yet_valid). ``baseline`` is present
with ``--baseline``: counts of known and new failures and the entries that drifted. Both were
added in schema_version 1 as optional, additive keys.

With reviewed evidence, an outcome has ``evidence`` (``state``: confirmed, not_confirmed,
partial, expired; ``decided``; ``expires_on``; the deciding ``records``) and the document has the
evidence register ``evidence`` (every record with its ``state``, adding superseded, informative
and not_applicable, its file and line); ``evidence_warnings`` lists what the reader should know.
With an evidence file of ``auditor extract``, an outcome has ``citations`` (the clauses of the
body's own documents). With ``--compare``, ``progress`` gives per chapter the rates before and
after and the rules that improved or regressed. All are additive keys, present only when used.

``actual`` and ``expected`` stay raw (``allowed``, ``∈ [blocked, allowlisted_devices_only]``);
``actual_label`` and ``expected_label`` (additive) give them in words in the report's language
(許可, 禁止 または 許可した機器のみ), as the human-readable reports show them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from auditor.audit.results import (
    RESULT_SCHEMA_VERSION,
    AuditResult,
    BaselineReport,
    EvidenceRef,
    EvidenceState,
    Outcome,
    Progress,
    WaiverState,
)
from auditor.i18n import language, pick
from auditor.i18n.values import value_label
from auditor.reporters import ReportOptions
from auditor.reporters.sources import source_dicts
from auditor.rules.conditions import Expectation
from auditor.rules.wording import expectation_text


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
            "statutory": dict(summary.statutory),
        },
        "outcomes": [outcome_dict(outcome) for outcome in result.outcomes],
        "notes": list(result.notes),
        "waivers": [waiver_dict(waiver) for waiver in result.waivers],
        "baseline": baseline_dict(result.baseline),
        **_evidence_members(result),
    }


def _evidence_members(result: AuditResult) -> dict[str, Any]:
    members: dict[str, Any] = {}
    if result.evidence:
        members["evidence"] = [evidence_state_dict(state) for state in result.evidence]
    if result.evidence_warnings:
        members["evidence_warnings"] = [pick(warning) for warning in result.evidence_warnings]
    if result.progress is not None:
        members["progress"] = progress_dict(result.progress)
    return members


def evidence_state_dict(state: EvidenceState) -> dict[str, Any]:
    """One entry of the evidence register: the record, where it is written and what became of it."""
    return {
        **state.record.to_json(),
        "state": state.state,
        "expires_on": state.expires_on.isoformat(),
        "days_left": state.days_left,
        "file": state.file,
        "line": state.line,
    }


def evidence_ref_dict(ref: EvidenceRef) -> dict[str, Any]:
    """The evidence behind one outcome."""
    return {
        "state": ref.state,
        "decided": ref.decided,
        "expires_on": ref.expires_on.isoformat(),
        "records": [record.to_json() for record in ref.records],
    }


def progress_dict(progress: Progress) -> dict[str, Any]:
    """The comparison with a previous audit (``--compare``)."""
    return {
        "file": progress.file,
        "kind": progress.kind,
        "previous_date": progress.previous_date.isoformat() if progress.previous_date else None,
        "previous_must_compliance_rate": progress.previous_rate,
        "improved": progress.improved,
        "regressed": progress.regressed,
        "chapters": [
            {
                "area": chapter.area,
                "before_rate": _rate(chapter.before_rate),
                "after_rate": _rate(chapter.after_rate),
                "before": {"pass": chapter.before_passed, "assessed": chapter.before_assessed},
                "after": {"pass": chapter.after_passed, "assessed": chapter.after_assessed},
                "improved": chapter.improved,
                "regressed": chapter.regressed,
                "added": chapter.added,
            }
            for chapter in progress.chapters
        ],
    }


def _labels(path: str | None, actual: Any, expectation: Expectation | None) -> dict[str, str]:
    """The declared and expected values in words, in the report's language (beside the raw ones)."""
    labels = {}
    if path is not None:
        labels["actual_label"] = value_label(actual, path, language())
    if expectation is not None:
        labels["expected_label"] = expectation_text(expectation, language())
    return labels


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
        **_labels(outcome.path, outcome.actual, outcome.expectation),
        "message": pick(outcome.message),
        "remediation": pick(outcome.remediation),
        "tier": outcome.tier,
        "sources": source_dicts(outcome),
        "failures": [
            {
                "path": failure.path,
                "actual": failure.actual,
                "expected": failure.expected,
                **_labels(failure.path, failure.actual, failure.expectation),
                "declared": failure.declared,
                "line": failure.line,
                "column": failure.column,
            }
            for failure in outcome.failures
        ],
    }
    if outcome.value_label is not None:
        item["value_label"] = pick(outcome.value_label)
    item["baselined"] = outcome.baselined
    if outcome.waiver is not None:
        item["waiver"] = {
            "justification": outcome.waiver.justification,
            "approver": outcome.waiver.approver,
            "approved_on": outcome.waiver.approved_on.isoformat(),
            "expires_on": outcome.waiver.expires_on.isoformat(),
            "expired": outcome.waiver.expired,
        }
    if outcome.evidence is not None:
        item["evidence"] = evidence_ref_dict(outcome.evidence)
    if outcome.citations:
        item["citations"] = [citation.to_json() for citation in outcome.citations]
    return item


def waiver_dict(waiver: WaiverState) -> dict[str, Any]:
    """One entry of the waiver register."""
    return {
        "rule_id": waiver.rule_id,
        "path": waiver.path,
        "file": waiver.file,
        "line": waiver.line,
        "state": waiver.state,
        "days_left": waiver.days_left,
        "approved_on": waiver.approved_on.isoformat(),
        "expires_on": waiver.expires_on.isoformat(),
        "approver": waiver.approver,
        "justification": waiver.justification,
        "ticket": waiver.ticket,
        "message": pick(waiver.message),
    }


def baseline_dict(baseline: BaselineReport | None) -> dict[str, Any] | None:
    """The comparison with ``--baseline`` (null without one)."""
    if baseline is None:
        return None
    return {
        "file": baseline.file,
        "known": baseline.known,
        "new": baseline.new,
        "drift": [
            {"rule_id": d.rule_id, "path": d.path, "value": d.value, "state": d.state, "now": d.now}
            for d in baseline.drift
        ],
    }


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
