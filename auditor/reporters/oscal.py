"""``--format oscal``: the audit as OSCAL assessment results, with its assessment plan and POA&M.

One JSON document, ``assessment-results``, so that a format stays one file: the minimal
assessment plan it imports (``import-ap`` points to it) and the plan of action and milestones
are back-matter resources holding those documents (base64, each valid on its own), beside the
policy files (with their SHA-256). One ``result`` per policy audited:

- an ``observation`` per outcome: what was examined (method ``EXAMINE``; reviewed evidence brings
  its own methods and expiry), the declared value and its line as relevant evidence;
- a ``finding`` per applicable outcome, targeting the control's assessment objective in the
  catalog (``auditor oscal catalog``): pass ``satisfied``; fail and waived ``not-satisfied`` (reason
  ``fail``); manual and error ``not-satisfied`` (reason ``other``); our status is the ``outcome``
  property. Not-applicable rules are observations only, and excluded from ``reviewed-controls``;
- a ``risk`` per failure (``open``) and per waived failure (``deviation-approved``, its deadline the
  waiver's last day, the approval in the risk log), with the remediation.

The POA&M has an item per failure (waived ones are deviations in the results, not items) with
the same observations, findings and risks. Identifiers are uuid5 of the inputs
(:mod:`auditor.reporters.oscal_common`): the same audit gives the same bytes.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Any

from auditor.audit.results import AuditResult, Outcome
from auditor.i18n import pick, t
from auditor.reporters import ReportOptions
from auditor.reporters.oscal_common import document, line, metadata, prop, timestamp, uuid_of
from auditor.reporters.sarif import artifact_uri
from auditor.rules.conditions import show

STATES = {
    "pass": ("satisfied", "pass"),
    "fail": ("not-satisfied", "fail"),
    "waived": ("not-satisfied", "fail"),
    "manual": ("not-satisfied", "other"),
    "error": ("not-satisfied", "other"),
}
"""Outcome status -> (objective state, reason); not applicable has no finding."""

EVIDENCE_METHODS = {"閲覧": "EXAMINE", "聴取": "INTERVIEW", "実地確認": "EXAMINE", "設定確認": "TEST"}
"""How reviewed evidence was checked (the evidence register's methods) as OSCAL observation methods."""


class _Ids:
    """The identifiers of one result's objects, derived from the document's and the outcome's names."""

    def __init__(self, document_uuid: str, result: AuditResult) -> None:
        self.base = (document_uuid, result.policy.file)

    def of(self, kind: str, outcome: Outcome | None = None) -> str:
        return uuid_of(*self.base, kind, *(() if outcome is None else (outcome.rule_id,)))


def _party(result: AuditResult) -> dict[str, Any]:
    policy = result.policy
    return {
        "uuid": uuid_of("party", policy.entity_code or policy.file),
        "type": "organization",
        "name": line(policy.entity_name or policy.file),
        "props": [prop("entity-code", policy.entity_code), prop("entity-type", policy.entity_type)],
    }


def _relevant_evidence(result: AuditResult, outcome: Outcome) -> list[dict[str, Any]]:
    uri = artifact_uri(result.policy.file)
    declared = t("oscal.evidence.not_declared") if outcome.actual is None else show(outcome.actual)
    items = [
        {
            "href": f"{uri}#L{outcome.line}" if outcome.line else uri,
            "description": t(
                "oscal.evidence.policy", path=outcome.path or "-", line=outcome.line or "-", actual=declared
            ),
        }
    ]
    # The body's own clauses (auditor extract) and the reviewed evidence (the evidence register).
    for citation in outcome.citations:
        page = f"#page={citation.page}" if citation.page is not None else ""
        items.append({"href": f"{artifact_uri(citation.file)}{page}", "description": citation.label(quote_limit=200)})
    for record in outcome.evidence.records if outcome.evidence is not None else ():
        where = f" ({record.where})" if record.where else ""
        who = f" {record.reviewer}" if record.reviewer else ""
        text = f"{record.what}{where}: {record.method} {record.result}, {record.reviewed_on.isoformat()}{who}"
        items.append({"description": text})
    return items


def _methods(outcome: Outcome) -> list[str]:
    records = outcome.evidence.records if outcome.evidence is not None else ()
    return sorted({EVIDENCE_METHODS[record.method] for record in records} | {"EXAMINE"})


def _observation(result: AuditResult, outcome: Outcome, ids: _Ids) -> dict[str, Any]:
    expires = outcome.evidence.expires_on if outcome.evidence is not None else None
    return {
        "uuid": ids.of("observation", outcome),
        "title": line(f"{outcome.rule_id} {pick(outcome.title)}"),
        "description": pick(outcome.message) or t(f"status.{outcome.status}"),
        "props": [
            prop("rule-id", outcome.rule_id),
            prop("outcome", outcome.status),
            *([prop("path", outcome.path)] if outcome.path else []),
            *([prop("baselined", "true")] if outcome.baselined else []),
        ],
        "methods": _methods(outcome),
        "types": ["finding"] if outcome.status in ("fail", "waived", "error") else ["control-objective"],
        "relevant-evidence": _relevant_evidence(result, outcome),
        "collected": timestamp(result.audit_date),
        "expires": timestamp(expires, end_of_day=True) if expires is not None else None,
    }


def _risk(outcome: Outcome, ids: _Ids) -> dict[str, Any]:
    waiver = outcome.waiver if outcome.status == "waived" else None
    remediation = {
        "uuid": ids.of("remediation", outcome),
        "lifecycle": "recommendation",
        "title": line(t("oscal.risk.remediation")),
        "description": pick(outcome.remediation),
    }
    risk: dict[str, Any] = {
        "uuid": ids.of("risk", outcome),
        "title": line(f"{outcome.rule_id} {pick(outcome.title)}"),
        "description": pick(outcome.description) or pick(outcome.title),
        "statement": pick(outcome.message),
        "props": [
            prop("rule-id", outcome.rule_id),
            prop("severity", outcome.severity),
            prop("level", outcome.level),
            *([prop("baselined", "true")] if outcome.baselined else []),
        ],
        "status": "deviation-approved" if waiver is not None else "open",
        "remediations": [remediation],
        "related-observations": [{"observation-uuid": ids.of("observation", outcome)}],
    }
    if waiver is not None:
        risk["deadline"] = timestamp(waiver.expires_on, end_of_day=True)
        text = t(
            "oscal.risk.waiver",
            approver=waiver.approver,
            approved_on=waiver.approved_on.isoformat(),
            justification=waiver.justification,
        )
        risk["risk-log"] = {
            "entries": [
                {
                    "uuid": ids.of("waiver", outcome),
                    "title": line(text),
                    "description": waiver.justification,
                    "start": timestamp(waiver.approved_on),
                    "end": timestamp(waiver.expires_on, end_of_day=True),
                    "props": [prop("approver", waiver.approver)],
                    "status-change": "deviation-approved",
                }
            ]
        }
    return risk


def _finding(outcome: Outcome, ids: _Ids, has_risk: bool) -> dict[str, Any]:
    state, reason = STATES[outcome.status]
    return {
        "uuid": ids.of("finding", outcome),
        "title": line(f"{outcome.rule_id} {pick(outcome.title)}"),
        "description": pick(outcome.message) or t(f"status.{outcome.status}"),
        "props": [prop("rule-id", outcome.rule_id), prop("outcome", outcome.status)],
        "target": {
            "type": "objective-id",
            "target-id": f"{outcome.rule_id}_obj",
            "status": {"state": state, "reason": reason},
        },
        "related-observations": [{"observation-uuid": ids.of("observation", outcome)}],
        "related-risks": [{"risk-uuid": ids.of("risk", outcome)}] if has_risk else None,
    }


def _result(result: AuditResult, document_uuid: str) -> dict[str, Any]:
    ids = _Ids(document_uuid, result)
    policy = result.policy
    applicable = [o for o in result.outcomes if o.status != "not_applicable"]
    risky = {o.rule_id for o in result.outcomes if o.status in ("fail", "waived")}
    summary = result.summary
    counts = " / ".join(f"{t(f'status.{status}')} {count}" for status, count in summary.counts.items())
    return {
        "uuid": ids.of("result"),
        "title": line(t("oscal.result.title", entity=policy.entity_name, code=policy.entity_code, file=policy.file)),
        "description": t("oscal.result.description", file=policy.file, edition=result.edition, summary=counts),
        "start": timestamp(result.audit_date),
        "end": timestamp(result.audit_date),
        "props": [
            prop("edition", result.edition),
            prop("entity-code", policy.entity_code),
            prop("network-model", policy.network_model),
            prop("policy-follows", policy.guideline_edition),
            *(prop("count", count, cls=status) for status, count in summary.counts.items()),
            *([prop("must-compliance-rate", f"{summary.must_rate:.4f}")] if summary.must_rate is not None else []),
            *(
                [prop("must-compliance-rate-with-waivers", f"{summary.must_rate_with_waivers:.4f}")]
                if summary.must_rate_with_waivers is not None
                else []
            ),
        ],
        "reviewed-controls": {
            "control-selections": [
                {
                    "include-controls": [{"control-id": o.rule_id} for o in applicable],
                    "exclude-controls": [
                        {"control-id": o.rule_id} for o in result.outcomes if o.status == "not_applicable"
                    ],
                }
            ]
        },
        "observations": [_observation(result, outcome, ids) for outcome in result.outcomes],
        "risks": [_risk(o, ids) for o in result.outcomes if o.rule_id in risky],
        "findings": [_finding(o, ids, o.rule_id in risky) for o in applicable],
    }


def _embedded(uuid: str, title: str, filename: str, media_type: str, text: str) -> dict[str, Any]:
    return {
        "uuid": uuid,
        "title": line(title),
        "base64": {
            "filename": filename,
            "media-type": media_type,
            "value": base64.b64encode(text.encode("utf-8")).decode("ascii"),
        },
    }


def assessment_plan(results: Sequence[AuditResult], document_uuid: str, lang: str) -> str:
    """The minimal assessment plan the results import: the policy as the system plan, the rules reviewed."""
    first = results[0]
    entity = first.policy.entity_name or first.policy.file
    audited = list(dict.fromkeys(o.rule_id for result in results for o in result.outcomes))
    body = {
        "uuid": uuid_of(document_uuid, "plan"),
        "metadata": metadata(
            t("oscal.plan.title", entity=entity),
            first.audit_date,
            lang,
            parties=[_party(result) for result in results],
        ),
        "import-ssp": {
            "href": artifact_uri(first.policy.file),
            "remarks": " ".join([t("oscal.plan.ssp"), *(result.policy.file for result in results)]),
        },
        "reviewed-controls": {"control-selections": [{"include-controls": [{"control-id": i} for i in audited]}]},
    }
    return document("assessment-plan", body)


def poam(results: Sequence[AuditResult], document_uuid: str, lang: str) -> str:
    """The plan of action and milestones: one item per failure, with its observation, finding and risk."""
    first = results[0]
    observations, risks, findings, items = [], [], [], []
    for result in results:
        part = _result(result, document_uuid)
        failing = {o.rule_id for o in result.outcomes if o.status == "fail"}
        observations += [o for o in part["observations"] if _rule_of(o) in failing]
        risks += [r for r in part["risks"] if _rule_of(r) in failing]
        findings += [f for f in part["findings"] if _rule_of(f) in failing]
        ids = _Ids(document_uuid, result)
        for outcome in result.outcomes:
            if outcome.status != "fail":
                continue
            items.append(
                {
                    "uuid": ids.of("poam-item", outcome),
                    "title": line(f"{outcome.rule_id} {pick(outcome.title)}"),
                    "description": pick(outcome.remediation),
                    "props": [
                        prop("rule-id", outcome.rule_id),
                        prop("severity", outcome.severity),
                        prop("level", outcome.level),
                        prop("policy", result.policy.file),
                    ],
                    "related-findings": [{"finding-uuid": ids.of("finding", outcome)}],
                    "related-observations": [{"observation-uuid": ids.of("observation", outcome)}],
                    "related-risks": [{"risk-uuid": ids.of("risk", outcome)}],
                }
            )
    entity = first.policy.entity_name or first.policy.file
    body = {
        "uuid": uuid_of(document_uuid, "poam"),
        "metadata": metadata(
            t("oscal.poam.title", entity=entity, date=first.audit_date.isoformat()),
            first.audit_date,
            lang,
            parties=[_party(result) for result in results],
        ),
        "import-ssp": {"href": artifact_uri(first.policy.file), "remarks": t("oscal.plan.ssp")},
        "observations": observations,
        "risks": risks,
        "findings": findings,
        "poam-items": items,
    }
    return document("plan-of-action-and-milestones", body)


def _rule_of(item: dict[str, Any]) -> str:
    return str(next(p["value"] for p in item["props"] if p["name"] == "rule-id"))


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """The OSCAL assessment-results JSON (plan and POA&M embedded in its back-matter)."""
    if not results:
        return ""
    first = results[0]
    seed = [result.policy.sha256 or result.policy.file for result in results]
    document_uuid = uuid_of(
        "assessment-results", first.tool_version, first.edition, first.audit_date.isoformat(), options.lang, *seed
    )
    plan_uuid, poam_uuid = uuid_of(document_uuid, "plan-resource"), uuid_of(document_uuid, "poam-resource")
    policies = [
        {
            "uuid": uuid_of(document_uuid, "policy", result.policy.file),
            "title": line(result.policy.file),
            "props": [prop("kind", "policy")],
            "rlinks": [
                {
                    "href": artifact_uri(result.policy.file),
                    "media-type": "application/yaml",
                    "hashes": [{"algorithm": "SHA-256", "value": result.policy.sha256}]
                    if result.policy.sha256
                    else None,
                }
            ],
        }
        for result in results
    ]
    body = {
        "uuid": document_uuid,
        "metadata": metadata(
            t("oscal.results.title", edition=first.edition, date=first.audit_date.isoformat()),
            first.audit_date,
            options.lang,
            parties=[_party(result) for result in results],
        ),
        "import-ap": {"href": f"#{plan_uuid}"},
        "results": [_result(result, document_uuid) for result in results],
        "back-matter": {
            "resources": [
                _embedded(
                    plan_uuid,
                    t("oscal.plan.resource"),
                    "assessment-plan.json",
                    "application/oscal.ap+json",
                    assessment_plan(results, document_uuid, options.lang),
                ),
                _embedded(
                    poam_uuid,
                    t("oscal.poam.resource"),
                    "poam.json",
                    "application/oscal.poam+json",
                    poam(results, document_uuid, options.lang),
                ),
                *policies,
            ]
        },
    }
    return document("assessment-results", body)


def embedded_documents(text: str) -> dict[str, dict[str, Any]]:
    """The documents embedded in an assessment-results JSON's back-matter, by file name (for readers and tests)."""
    resources = json.loads(text)["assessment-results"].get("back-matter", {}).get("resources", [])
    found = {}
    for resource in resources:
        encoded = resource.get("base64")
        if encoded:
            found[encoded["filename"]] = json.loads(base64.b64decode(encoded["value"]))
    return found
