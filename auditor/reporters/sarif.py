"""SARIF 2.1.0 (OASIS): one run, one reporting descriptor per rule, one result per outcome.

Rule identity is kept (each rule id is its own descriptor; conftest #1396 collapsed them). By
default the log holds what needs action, since code scanning turns every result into an alert:
failures (``kind: fail``, the level mapped from severity: critical/high → error, medium →
warning, low → note), unevaluable rules (``open``), and waived failures with an accepted external
suppression carrying the justification. With ``sarif_include="all"`` every outcome travels:
passes are ``pass``, not-applicable ``notApplicable`` and manual ``review``, with level ``none``
as the specification requires for kinds other than ``fail``. The counts of every status are in
``run.properties.summaries`` either way. With ``--baseline`` every failure carries
``baselineState`` (``unchanged`` for baselined, ``new`` otherwise). Regions point at the policy
line and column. ``properties.security-severity`` lets GitHub code scanning rank findings.

The clauses of the body's own documents that ``auditor extract`` cited are ``relatedLocations``
(the document as ``artifactLocation``, the clause, page and quote in the message and properties);
reviewed evidence (証跡) is ``properties.evidence`` on the result, and each policy's evidence
register is in the run's ``properties.summaries``.
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.audit.results import AuditResult, Outcome
from auditor.evidence.model import Citation
from auditor.i18n import language, pick, t
from auditor.reporters import ReportOptions
from auditor.reporters.json_report import evidence_ref_dict, evidence_state_dict
from auditor.reporters.sources import source_dicts, source_labels

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}
ACTIONABLE = frozenset({"fail", "waived", "error"})
"""The statuses a default (``actionable``) SARIF log reports."""
SARIF_INCLUDE = ("actionable", "all")
KINDS = {
    "pass": "pass",
    "fail": "fail",
    "waived": "fail",
    "not_applicable": "notApplicable",
    "manual": "review",
    "error": "open",
}


def artifact_uri(file: str) -> str:
    """A URI reference for a policy file: relative paths stay relative (to the checkout), ``/`` separated."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return urllib.parse.quote(path.as_posix(), safe="/")


def _help(outcome: Outcome) -> dict[str, str]:
    remediation = pick(outcome.remediation)
    lines = source_labels(outcome, language()) or [outcome.section]
    listed = "\n".join(f"- {line}" for line in lines)
    return {
        "text": f"{remediation}\n{t('report.sources')}:\n{listed}",
        "markdown": f"**{t('report.fix')}**: {remediation}\n\n**{t('report.sources')}**\n\n{listed}",
    }


def descriptor(outcome: Outcome) -> dict[str, Any]:
    """The reportingDescriptor of the rule behind ``outcome``."""
    title = pick(outcome.title)
    description = pick(outcome.description) or title
    return {
        "id": outcome.rule_id,
        "name": outcome.rule_id.replace("-", ""),
        "shortDescription": {"text": title},
        "fullDescription": {
            "text": t("report.sarif.full_description", description=description, section=outcome.section)
        },
        "help": _help(outcome),
        "defaultConfiguration": {"level": LEVELS[outcome.severity]},
        "properties": {
            "tags": ["statutory-duty" if outcome.tier == "statutory" else "mic-guideline", outcome.level, outcome.area],
            "level": outcome.level,
            "severity": outcome.severity,
            "area": outcome.area,
            "section": outcome.section,
            "tier": outcome.tier,
            "sources": source_dicts(outcome),
            "precision": "very-high",
            "security-severity": SECURITY_SEVERITY[outcome.severity],
        },
    }


def _fingerprint(result: AuditResult, outcome: Outcome) -> str:
    text = f"{result.policy.file}\0{outcome.rule_id}\0{outcome.path or ''}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _result(
    result: AuditResult, outcome: Outcome, rule_index: int, artifact_index: int, with_baseline: bool
) -> dict[str, Any]:
    kind = KINDS[outcome.status]
    item: dict[str, Any] = {
        "ruleId": outcome.rule_id,
        "ruleIndex": rule_index,
        "kind": kind,
        "level": LEVELS[outcome.severity] if kind == "fail" else "none",
        "message": {"text": f"{pick(outcome.title)}: {pick(outcome.message)}"},
    }
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(result.policy.file), "index": artifact_index}}
    if outcome.line:
        location["region"] = {"startLine": outcome.line, **({"startColumn": outcome.column} if outcome.column else {})}
    item["locations"] = [{"physicalLocation": location}]
    if outcome.citations:
        item["relatedLocations"] = [_related(index, citation) for index, citation in enumerate(outcome.citations)]
    item["partialFingerprints"] = {"auditorRulePath/v1": _fingerprint(result, outcome)}
    if outcome.status == "waived" and outcome.waiver is not None:
        waiver = outcome.waiver
        item["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{waiver.justification} ({waiver.approver}, {waiver.approved_on.isoformat()}"
                f" – {waiver.expires_on.isoformat()})",
            }
        ]
    if with_baseline and outcome.status == "fail":
        item["baselineState"] = "unchanged" if outcome.baselined else "new"
    properties: dict[str, Any] = {
        "status": outcome.status,
        "level": outcome.level,
        "severity": outcome.severity,
        "section": outcome.section,
    }
    if outcome.path:
        properties["path"] = outcome.path
    if outcome.expected:
        properties["expected"] = outcome.expected
    if outcome.baselined:
        properties["baselined"] = True
    if len(outcome.failures) > 1:
        properties["failures"] = [{"path": f.path, "expected": f.expected} for f in outcome.failures]
    if outcome.evidence is not None:
        properties["evidence"] = evidence_ref_dict(outcome.evidence)
    item["properties"] = properties
    return item


def _related(index: int, citation: Citation) -> dict[str, Any]:
    """A cited clause as a related location: the document, the line when it has no pages, the words."""
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(citation.file)}}
    if citation.line is not None:
        location["region"] = {"startLine": citation.line}
    return {
        "id": index,
        "physicalLocation": location,
        "message": {"text": t("report.citation.line", label=citation.label(quote_limit=300))},
        "properties": {
            "clause": citation.clause,
            "page": citation.page,
            "title": citation.title,
            "quote": citation.quote,
        },
    }


def to_sarif(results: Sequence[AuditResult], options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as a dictionary."""

    def included(outcome: Outcome) -> bool:
        return options.sarif_include == "all" or outcome.status in ACTIONABLE

    rules: dict[str, dict[str, Any]] = {}
    for result in results:
        for outcome in filter(included, result.outcomes):
            rules.setdefault(outcome.rule_id, descriptor(outcome))
    rule_index = {rule_id: index for index, rule_id in enumerate(rules)}
    artifacts = []
    sarif_results = []
    with_baseline = any(result.baseline is not None for result in results)
    for artifact_index, result in enumerate(results):
        artifacts.append(
            {
                "location": {"uri": artifact_uri(result.policy.file)},
                "roles": ["analysisTarget"],
                "mimeType": "application/yaml",
                "hashes": {"sha-256": result.policy.sha256},
            }
        )
        for outcome in filter(included, result.outcomes):
            sarif_results.append(_result(result, outcome, rule_index[outcome.rule_id], artifact_index, with_baseline))
    first = results[0] if results else None
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "auditor",
                "version": __version__,
                "semanticVersion": __version__,
                "language": "en-US" if options.lang == "en" else "ja-JP",
                "rules": list(rules.values()),
            }
        },
        "invocations": [{"executionSuccessful": True}],
        "artifacts": artifacts,
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "auditedAgainst": first.edition if first else None,
            "auditDate": first.audit_date.isoformat() if first else None,
            "included": options.sarif_include,
            "summaries": [
                {
                    "policy": result.policy.file,
                    **result.summary.counts,
                    "mustRate": result.summary.must_rate,
                    "mustRateWithWaivers": result.summary.must_rate_with_waivers,
                    **(
                        {"evidence": [evidence_state_dict(state) for state in result.evidence]}
                        if result.evidence
                        else {}
                    ),
                }
                for result in results
            ],
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """SARIF JSON text."""
    return json.dumps(to_sarif(results, options), ensure_ascii=False, indent=2) + "\n"
