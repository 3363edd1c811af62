"""The audit engine: every rule of an edition against one policy, one outcome each, no I/O.

Order of decisions for a rule: for a statutory duty (法令上の義務), whether the law is in force on
the audit date; entity type, network model, the rule's ``when`` condition (each may make it
``not_applicable`` with the reason), then the check (``pass``/``fail``/``error``, every failed
condition reported), ``manual`` when the rule needs evidence a file cannot show, waivers (例外措置)
that turn a failure into ``waived`` while they are in force, and finally reviewed evidence (証跡,
:mod:`auditor.audit.evidence`), which settles a ``manual`` outcome (a failure it gives may be waived
in turn) and is only shown beside any other, with the clauses of the body's own documents that the
values came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from auditor import __version__
from auditor.audit.evidence import Evidence, cite, policy_records, settle
from auditor.audit.results import (
    AuditResult,
    Failure,
    NetworkSnapshot,
    Outcome,
    PolicyInfo,
    SourceRef,
    Status,
    Summary,
    WaiverRef,
)
from auditor.audit.waivers import Waiver, policy_waiver_list, select_waiver
from auditor.i18n import Bilingual, both, joined
from auditor.i18n.values import value_labels
from auditor.policy.loader import LoadedPolicy
from auditor.rules.catalogue import rule_sort_key
from auditor.rules.conditions import Expectation, Verdict, describe, evaluate
from auditor.rules.context import with_context
from auditor.rules.rule import Rule
from auditor.rules.wording import expectation_texts

MODEL_NAMES = {"alpha": "α", "alpha_prime": "α'", "beta": "β", "beta_prime": "β'"}


def audit(
    loaded: LoadedPolicy,
    rules: Sequence[Rule],
    *,
    edition: str,
    today: dt.date,
    waivers: Sequence[Waiver] | None = None,
    evidence: Evidence | None = None,
) -> AuditResult:
    """Evaluate ``rules`` (already chosen for ``edition``) against ``loaded``; deterministic.

    ``waivers`` replaces the policy's own ``waivers:`` list (the service passes the policy's
    waivers plus those of a ``--waivers`` side file); likewise ``evidence`` replaces the policy's
    own ``evidence:`` list (the service adds ``--evidence`` files, checked).
    """
    if evidence is None:
        evidence = Evidence(records=tuple(policy_records(loaded)))
    outcomes = [
        evaluate_rule(rule, loaded, edition=edition, today=today, waivers=waivers, evidence=evidence)
        for rule in sorted(rules, key=rule_sort_key)
    ]
    entity = loaded.data["entity"]
    info = PolicyInfo(
        file=loaded.file,
        sha256=loaded.document.sha256,
        entity_name=entity["name"],
        entity_code=entity["code"],
        entity_type=entity["type"],
        network_model=loaded.data["network"]["model"],
        guideline_edition=loaded.data["policy"]["guideline_edition"],
    )
    return AuditResult(
        tool_version=__version__,
        policy=info,
        edition=edition,
        audit_date=today,
        outcomes=outcomes,
        summary=Summary.of(outcomes),
        network=network_snapshot(loaded),
    )


def network_snapshot(loaded: LoadedPolicy) -> NetworkSnapshot:
    """The declared network settings as flat dotted paths (what the report's diagram draws)."""
    network = loaded.data["network"]
    settings: dict[str, object] = {}

    def flatten(prefix: str, value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                flatten(f"{prefix}.{key}", item)
        elif isinstance(value, dt.date):
            settings[prefix] = value.isoformat()
        elif value is not None:
            settings[prefix] = value

    flatten("network.segments", network.get("segments") or {})
    return NetworkSnapshot(model=network["model"], settings=settings)


def evaluate_rule(
    rule: Rule,
    loaded: LoadedPolicy,
    *,
    edition: str,
    today: dt.date,
    waivers: Sequence[Waiver] | None = None,
    evidence: Evidence | None = None,
) -> Outcome:
    """The outcome of one rule against one policy (and its evidence, when given)."""
    chosen = policy_waiver_list(loaded) if waivers is None else waivers
    outcome = _decide(rule, loaded, edition=edition, today=today, waivers=chosen)
    if evidence is None:
        return outcome
    settled = settle(outcome, rule, evidence.records_for(rule.id), today)
    if settled.status == "fail" and outcome.status == "manual":
        settled = apply_waiver(settled, chosen, today)
    return cite(settled, rule, evidence.values) if evidence.values else settled


def _decide(rule: Rule, loaded: LoadedPolicy, *, edition: str, today: dt.date, waivers: Sequence[Waiver]) -> Outcome:
    entity_type: str = loaded.data["entity"]["type"]
    network_model: str = loaded.data["network"]["model"]
    applies = rule.applies_to
    # Conditions see the policy plus the audit context (audited_against.edition / .date).
    data = with_context(loaded.data, edition=edition, today=today)
    in_force = rule.in_force_from()
    if in_force is not None and today < in_force:
        law = _laws(rule, edition)
        message = both("outcome.na.not_in_force", law=law, date=in_force.isoformat(), today=today.isoformat())
        return _outcome(rule, loaded, edition, "not_applicable", message)
    if entity_type not in applies.entities:
        entities = joined("・", [both(f"entity.{e}") for e in applies.entities])
        return _outcome(
            rule,
            loaded,
            edition,
            "not_applicable",
            both("outcome.na.entity", entities=entities, declared=both(f"entity.one.{entity_type}")),
        )
    if network_model not in applies.models:
        models = " / ".join(MODEL_NAMES[m] for m in applies.models)
        return _outcome(
            rule,
            loaded,
            edition,
            "not_applicable",
            both("outcome.na.model", models=models, declared=MODEL_NAMES[network_model]),
            path="network.model",
            actual=network_model,
        )
    if applies.when is not None:
        gate = evaluate(applies.when, data, today)
        if not gate.declared:
            return _from_verdict(rule, loaded, edition, "fail", gate)
        if not gate.holds:
            reason: Bilingual | str = applies.when_text.as_dict() if applies.when_text else describe(applies.when)
            return _outcome(
                rule,
                loaded,
                edition,
                "not_applicable",
                both("outcome.na.condition", condition=reason),
                path=gate.path,
                actual=gate.actual,
            )
    if rule.check is None:
        evidence = rule.manual.evidence.as_dict() if rule.manual else ""
        return _outcome(rule, loaded, edition, "manual", both("outcome.manual", evidence=evidence))
    verdict = evaluate(rule.check, data, today)
    if verdict.error:
        return _from_verdict(rule, loaded, edition, "error", verdict)
    if verdict.holds:
        if rule.manual is not None:
            evidence = rule.manual.evidence.as_dict()
            return _from_verdict(rule, loaded, edition, "manual", verdict, both("outcome.manual", evidence=evidence))
        return _from_verdict(rule, loaded, edition, "pass", verdict, both("outcome.pass"))
    return apply_waiver(_from_verdict(rule, loaded, edition, "fail", verdict), waivers, today)


def apply_waiver(failed: Outcome, waivers: Sequence[Waiver], today: dt.date) -> Outcome:
    """``failed`` waived by the waiver that covers it (or failing with the expired one), if any."""
    waiver = select_waiver(waivers, failed.rule_id, failed.path, today)
    if waiver is None:
        return failed
    expired = waiver.expires_on < today
    ref = WaiverRef(
        justification=waiver.justification,
        approver=waiver.approver,
        approved_on=waiver.approved_on,
        expires_on=waiver.expires_on,
        expired=expired,
    )
    if expired:
        message = both("outcome.waiver_expired", expires=waiver.expires_on.isoformat(), message=failed.message)
        return _replace(failed, status="fail", message=message, waiver=ref)
    message = both(
        "outcome.waived",
        approver=ref.approver,
        expires=waiver.expires_on.isoformat(),
        justification=waiver.justification,
    )
    return _replace(failed, status="waived", message=message, waiver=ref)


def _replace(outcome: Outcome, **changes: object) -> Outcome:
    from dataclasses import replace

    return replace(outcome, **changes)  # type: ignore[arg-type]


def _laws(rule: Rule, edition: str) -> Bilingual:
    from auditor.rules.documents import kind_of, label

    laws = [source for source in rule.sources if kind_of(source) == "law" and source.in_force_from is not None]
    return {lang: "・".join(label(source, edition, lang) for source in laws) for lang in ("ja", "en")}


def _verdict_message(status: Status, verdict: Verdict) -> Bilingual:
    # Values in words (許可, 「禁止 または 許可した機器のみ」); the path stays for staff.
    expected = expectation_texts(verdict.expectation, verdict.expected)
    if not verdict.declared:
        return both("outcome.not_declared", path=verdict.path, expected=expected)
    actual = value_labels(verdict.actual, verdict.path)
    key = "outcome.type_error" if status == "error" else "outcome.mismatch"
    return both(key, path=verdict.path, actual=actual, expected=expected)


def _from_verdict(
    rule: Rule, loaded: LoadedPolicy, edition: str, status: Status, verdict: Verdict, message: Bilingual | None = None
) -> Outcome:
    parts = verdict.failed_parts() if status == "fail" else ()
    if message is None:
        if len(parts) > 1:
            details = joined("; ", [_verdict_message(status, part) for part in parts])
            message = both("outcome.failures", count=len(parts), details=details)
        else:
            message = _verdict_message(status, verdict)
    if rule.value_label is not None and status in ("pass", "fail"):
        message = both("outcome.own_value", message=message, label=rule.value_label.as_dict())
    failures = tuple(_failure(loaded, part) for part in parts)
    return _outcome(
        rule,
        loaded,
        edition,
        status,
        message,
        path=verdict.path,
        actual=verdict.actual if verdict.declared else None,
        expected=verdict.expected,
        expectation=verdict.expectation,
        failures=failures,
    )


def _failure(loaded: LoadedPolicy, verdict: Verdict) -> Failure:
    position = loaded.document.position(tuple(verdict.path.split(".")))
    return Failure(
        path=verdict.path,
        actual=verdict.actual if verdict.declared else None,
        expected=verdict.expected,
        expectation=verdict.expectation,
        declared=verdict.declared,
        line=position.line if position else None,
        column=position.column if position else None,
    )


def source_refs(rule: Rule, edition: str) -> tuple[SourceRef, ...]:
    """The rule's sources as the outcome names them, numbered as in ``edition``."""
    from auditor.rules.documents import document, sources_in

    refs = []
    for source in sources_in(rule, edition):
        found = document(source.document)
        refs.append(
            SourceRef(
                document=source.document,
                kind=found.kind if found else "secondary",
                name=dict(found.short) if found else {"ja": source.document, "en": source.document},
                title=dict(found.title) if found else {"ja": source.document, "en": source.document},
                section=source.section_in(edition),
                evidence=source.evidence,
                in_force_from=source.in_force_from,
                url=found.url if found else None,
            )
        )
    return tuple(refs)


def _outcome(
    rule: Rule,
    loaded: LoadedPolicy,
    edition: str,
    status: Status,
    message: Bilingual,
    *,
    path: str | None = None,
    actual: object = None,
    expected: str | None = None,
    expectation: Expectation | None = None,
    failures: tuple[Failure, ...] = (),
) -> Outcome:
    position = loaded.document.position(tuple(path.split("."))) if path else None
    return Outcome(
        rule_id=rule.id,
        status=status,
        level=rule.level,
        severity=rule.severity,
        area=rule.area,
        section=rule.section_in(edition),
        title=rule.title.as_dict(),
        path=path,
        line=position.line if position and path else None,
        column=position.column if position and path else None,
        actual=actual,
        expected=expected,
        expectation=expectation,
        message=message,
        remediation=rule.remediation.as_dict(),
        description=rule.description.as_dict(),
        tier=rule.tier(),
        sources=source_refs(rule, edition),
        failures=failures,
        value_label=rule.value_label.as_dict() if rule.value_label else None,
    )
