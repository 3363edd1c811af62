"""What a human-readable report shows, worked out once for every format (PDF, HTML, Markdown, xlsx).

:func:`build` turns an :class:`~auditor.audit.results.AuditResult` into a :class:`ReportView`: labels in
the report's language, outcomes grouped by guideline chapter, the executive summary (rates,
failures by severity, the most urgent fixes), the waiver register and the not-applicable list.
The view holds plain strings and numbers; escaping is the job of each format's renderer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from auditor.audit.results import STATUSES, WARNING_WAIVER_STATES, AuditResult, Outcome
from auditor.i18n import MESSAGES, Lang, pick
from auditor.i18n import translate as tr
from auditor.i18n.values import edition_label, value_label
from auditor.reporters.evidence_view import (
    ClauseView,
    EvidenceEntryView,
    EvidenceView,
    ProgressView,
    clauses_view,
    evidence_view,
    percent,
    progress_view,
    register_view,
    status_label,
)
from auditor.reporters.sources import sources_text, tier_label
from auditor.rules.conditions import show
from auditor.rules.rule import AREA_CHAPTERS, SEVERITY_RANK
from auditor.rules.wording import expectation_text

SEVERITIES: tuple[str, ...] = ("critical", "high", "medium", "low")
FINDING_STATUSES = frozenset({"fail", "error"})
ASSESSED_STATUSES = frozenset({"pass", "fail", "waived", "error"})
URGENT_COUNT = 3


def lang_of(value: str) -> Lang:
    """A supported language from ``ReportOptions.lang`` (anything unknown is Japanese)."""
    return "en" if value == "en" else "ja"


@dataclass(frozen=True)
class WaiverView:
    """One exception (例外措置) as shown in the waiver register."""

    justification: str
    approver: str
    approved_on: str
    expires_on: str
    expired: bool
    state: str


@dataclass(frozen=True)
class RegisterEntry:
    """One declared waiver in the register, with what became of it in this audit."""

    rule_id: str
    title: str
    state: str
    state_label: str
    attention: bool
    justification: str
    approver: str
    approved_on: str
    expires_on: str
    days_left: int
    ticket: str
    message: str


@dataclass(frozen=True)
class OutcomeView:
    """One outcome with every label resolved in the report's language."""

    rule_id: str
    title: str
    status: str
    status_label: str
    level: str
    level_label: str
    severity: str
    severity_label: str
    section: str
    area: str
    chapter: str
    path: str
    """The dotted policy path, shown in small print beside the labelled values (for staff)."""
    declared: str
    expected: str
    location: str
    line: str
    message: str
    remediation: str
    waiver: WaiverView | None
    evidence: EvidenceView | None = None
    citations: list[str] = field(default_factory=list)
    """The clauses of the body's own documents, as ``対策基準 第12条第2項（p.8）「…」``."""
    sources: str = ""
    """Every source of the rule, labelled (:func:`auditor.reporters.sources.sources_text`)."""
    tier: str = "guideline"
    tier_label: str = ""
    undeclared_paths: tuple[str, ...] = ()
    """For a failure only because the policy leaves values out: the paths to declare (else empty)."""


@dataclass(frozen=True)
class ChapterView:
    """The outcomes of one guideline chapter and their tally."""

    area: str
    title: str
    counts: dict[str, int]
    rate: float | None
    rate_label: str
    findings: list[OutcomeView]
    manual: list[OutcomeView]
    outcomes: list[OutcomeView]

    @property
    def declared_findings(self) -> list[OutcomeView]:
        """Findings about values the policy declares (or errors): one card each in the visual reports."""
        return [finding for finding in self.findings if not finding.undeclared_paths]

    @property
    def undeclared(self) -> list[OutcomeView]:
        """Failures only because values are not declared: one compact row each."""
        return [finding for finding in self.findings if finding.undeclared_paths]

    @property
    def assessed(self) -> int:
        """Outcomes that count towards the rate (not n/a, not manual)."""
        return sum(self.counts[status] for status in ASSESSED_STATUSES)

    @property
    def by_section(self) -> list[tuple[str, list[OutcomeView]]]:
        """Consecutive outcomes of the same guideline section, in guideline order."""
        groups: list[tuple[str, list[OutcomeView]]] = []
        for outcome in self.outcomes:
            if groups and groups[-1][0] == outcome.section:
                groups[-1][1].append(outcome)
            else:
                groups.append((outcome.section, [outcome]))
        return groups

    @property
    def applicable(self) -> int:
        """Outcomes that are not 'not applicable'."""
        return sum(count for status, count in self.counts.items() if status != "not_applicable")


@dataclass(frozen=True)
class SeverityRow:
    """Failures of one severity, split into mandatory and recommended requirements."""

    severity: str
    label: str
    must: int
    should: int

    @property
    def total(self) -> int:
        """Both levels together."""
        return self.must + self.should


@dataclass(frozen=True)
class ReportView:
    """Everything a human-readable report of one audit shows."""

    lang: Lang
    result: AuditResult
    title: str
    entity_name: str
    entity_code: str
    entity_type: str
    model: str
    model_label: str
    audit_date: str
    edition: str
    edition_label: str
    policy_edition_label: str
    policy_file: str
    sha256: str
    tool_version: str
    counts: dict[str, int]
    status_labels: dict[str, str]
    must_rate: float | None
    must_rate_label: str
    must_rate_with_waivers_label: str
    by_severity: list[SeverityRow]
    urgent: list[OutcomeView]
    chapters: list[ChapterView]
    waivers: list[RegisterEntry]
    not_applicable: list[OutcomeView]
    outcomes: list[OutcomeView]
    anchor: str = field(default="r1")
    evidence: list[EvidenceEntryView] = field(default_factory=list)
    """The evidence register (証跡一覧)."""
    clauses: list[ClauseView] = field(default_factory=list)
    """Every clause of the body's own documents cited (根拠条文一覧)."""
    progress: ProgressView | None = None
    statutory_line: str = ""
    """The statutory duties' tally, apart from guideline alignment ("" when none were audited)."""

    def label(self, key: str, **params: object) -> str:
        """A report message in this report's language (``report.`` prefix optional)."""
        full = key if key in MESSAGES else f"report.{key}"
        return tr(full, self.lang, **params)

    @property
    def not_applicable_by_reason(self) -> list[tuple[str, list[OutcomeView]]]:
        """Not-applicable outcomes grouped by their reason (first occurrence order)."""
        groups: dict[str, list[OutcomeView]] = {}
        for outcome in self.not_applicable:
            groups.setdefault(outcome.message, []).append(outcome)
        return list(groups.items())

    @property
    def findings_count(self) -> int:
        """How many fail or error outcomes the report lists."""
        return sum(len(chapter.findings) for chapter in self.chapters)


def build(result: AuditResult, lang: Lang, *, anchor: str = "r1") -> ReportView:
    """The report view of ``result`` in ``lang``; ``anchor`` prefixes in-document link targets."""
    policy = result.policy
    outcomes = [outcome_view(outcome, result, lang) for outcome in result.outcomes]
    return ReportView(
        lang=lang,
        result=result,
        title=tr("report.title", lang),
        entity_name=policy.entity_name,
        entity_code=policy.entity_code,
        entity_type=tr(f"report.entity_type.{policy.entity_type}", lang),
        model=policy.network_model,
        model_label=tr(f"report.model.{policy.network_model}", lang),
        audit_date=result.audit_date.isoformat(),
        edition=result.edition,
        edition_label=edition_label(result.edition, lang),
        policy_edition_label=edition_label(policy.guideline_edition, lang),
        policy_file=policy.file,
        sha256=policy.sha256,
        tool_version=result.tool_version,
        counts=dict(result.summary.counts),
        status_labels={status: tr(f"status.{status}", lang) for status in STATUSES},
        must_rate=result.summary.must_rate,
        must_rate_label=percent(result.summary.must_rate, lang),
        must_rate_with_waivers_label=percent(result.summary.must_rate_with_waivers, lang),
        by_severity=_by_severity(result.outcomes, lang),
        urgent=sorted((o for o in outcomes if o.status in FINDING_STATUSES), key=urgency)[:URGENT_COUNT],
        chapters=_chapters(outcomes, lang),
        waivers=_register(result, outcomes, lang),
        not_applicable=[o for o in outcomes if o.status == "not_applicable"],
        outcomes=outcomes,
        anchor=anchor,
        evidence=register_view(result, {o.rule_id: o.title for o in outcomes}, lang),
        clauses=clauses_view(result.outcomes),
        progress=progress_view(result.progress, lang),
        statutory_line=statutory_line(result, lang),
    )


def statutory_line(result: AuditResult, lang: Lang) -> str:
    """The statutory duties (法令上の義務), counted apart from guideline alignment ("" when none)."""
    counts = result.summary.statutory
    if not any(counts.values()):
        return ""
    return tr(
        "report.statutory_line",
        lang,
        passed=counts.get("pass", 0),
        failed=counts.get("fail", 0) + counts.get("error", 0),
        na=counts.get("not_applicable", 0),
        manual=counts.get("manual", 0),
    )


def build_all(results: Iterable[AuditResult], lang: Lang) -> list[ReportView]:
    """One view per result, with distinct link anchors so several reports share one document."""
    return [build(result, lang, anchor=f"r{index}") for index, result in enumerate(results, start=1)]


def urgency(outcome: OutcomeView) -> tuple[int, int, int, str]:
    """Sort key, most urgent first: severity, then mandatory before recommended, then guideline order."""
    return (
        -SEVERITY_RANK.get(outcome.severity, 0),
        0 if outcome.level == "must" else 1,
        AREA_CHAPTERS.get(outcome.area, (99, {}))[0],
        outcome.rule_id,
    )


def declared_text(outcome: Outcome, lang: Lang) -> str:
    """The declared value in words (許可, not ``allowed``); 'not declared' when the policy leaves it out."""
    if outcome.path is None:
        return "—"
    if outcome.actual is None:
        return tr("report.field.not_declared", lang)
    return value_label(outcome.actual, outcome.path, lang)


def expected_text(outcome: Outcome, lang: Lang) -> str:
    """What the rule expects, in words (「禁止 または 許可した機器のみ」)."""
    if outcome.expectation is not None:
        return expectation_text(outcome.expectation, lang)
    return outcome.expected or "—"


def outcome_view(outcome: Outcome, result: AuditResult, lang: Lang) -> OutcomeView:
    """One outcome, labelled in ``lang``."""
    chapter = AREA_CHAPTERS.get(outcome.area, (99, {"ja": outcome.area, "en": outcome.area}))[1]
    location = ""
    if outcome.line is not None:
        location = f"{result.policy.file}:{outcome.line}"
        if outcome.column is not None:
            location += f":{outcome.column}"
    return OutcomeView(
        rule_id=outcome.rule_id,
        title=pick(outcome.title, lang),
        status=outcome.status,
        status_label=status_label(outcome, lang),
        level=outcome.level,
        level_label=tr(f"level.{outcome.level}", lang),
        severity=outcome.severity,
        severity_label=tr(f"severity.{outcome.severity}", lang),
        section=outcome.section,
        area=outcome.area,
        chapter=pick(chapter, lang),
        path=outcome.path or "",
        declared=declared_text(outcome, lang),
        expected=expected_text(outcome, lang),
        location=location,
        line="" if outcome.line is None else str(outcome.line),
        message=pick(outcome.message, lang),
        remediation=pick(outcome.remediation, lang),
        waiver=_waiver(outcome, lang),
        evidence=evidence_view(outcome.evidence, lang),
        citations=[citation.label() for citation in outcome.citations],
        sources=sources_text(outcome, lang),
        tier=outcome.tier,
        tier_label=tier_label(outcome, lang),
        undeclared_paths=undeclared_paths(outcome),
    )


def undeclared_paths(outcome: Outcome) -> tuple[str, ...]:
    """The paths a failure asks to declare, when nothing it checks is declared; else ``()``."""
    if outcome.status != "fail" or not outcome.failures or any(failure.declared for failure in outcome.failures):
        return ()
    return tuple(dict.fromkeys(failure.path for failure in outcome.failures))


def _waiver(outcome: Outcome, lang: Lang) -> WaiverView | None:
    waiver = outcome.waiver
    if waiver is None:
        return None
    return WaiverView(
        justification=waiver.justification,
        approver=waiver.approver,
        approved_on=waiver.approved_on.isoformat(),
        expires_on=waiver.expires_on.isoformat(),
        expired=waiver.expired,
        state=tr("report.waivers.expired" if waiver.expired else "report.waivers.in_force", lang),
    )


def _register(result: AuditResult, outcomes: list[OutcomeView], lang: Lang) -> list[RegisterEntry]:
    titles = {outcome.rule_id: outcome.title for outcome in outcomes}
    return [
        RegisterEntry(
            rule_id=waiver.rule_id,
            title=titles.get(waiver.rule_id, "—"),
            state=waiver.state,
            state_label=tr(f"waiver.state.{waiver.state}", lang),
            attention=waiver.state in WARNING_WAIVER_STATES,
            justification=waiver.justification,
            approver=waiver.approver,
            approved_on=waiver.approved_on.isoformat(),
            expires_on=waiver.expires_on.isoformat(),
            days_left=waiver.days_left,
            ticket=waiver.ticket or "",
            message=pick(waiver.message, lang),
        )
        for waiver in result.waivers
    ]


def _by_severity(outcomes: Iterable[Outcome], lang: Lang) -> list[SeverityRow]:
    tally: dict[tuple[str, str], int] = {}
    for outcome in outcomes:
        if outcome.status in FINDING_STATUSES:
            key = (outcome.severity, outcome.level)
            tally[key] = tally.get(key, 0) + 1
    return [
        SeverityRow(
            severity,
            tr(f"severity.{severity}", lang),
            tally.get((severity, "must"), 0),
            tally.get((severity, "should"), 0),
        )
        for severity in SEVERITIES
    ]


def _chapters(outcomes: list[OutcomeView], lang: Lang) -> list[ChapterView]:
    by_area: dict[str, list[OutcomeView]] = {}
    for outcome in outcomes:
        by_area.setdefault(outcome.area, []).append(outcome)
    chapters = []
    for area in sorted(by_area, key=lambda a: AREA_CHAPTERS.get(a, (99, {}))[0]):
        members = by_area[area]
        counts: dict[str, int] = {status: 0 for status in STATUSES}
        for outcome in members:
            counts[outcome.status] += 1
        assessed = sum(counts[status] for status in ASSESSED_STATUSES)
        rate = counts["pass"] / assessed if assessed else None
        chapters.append(
            ChapterView(
                area=area,
                title=members[0].chapter,
                counts=counts,
                rate=rate,
                rate_label=percent(rate, lang) if assessed else tr("report.chart.all_na", lang),
                findings=sorted((o for o in members if o.status in FINDING_STATUSES), key=urgency),
                manual=[o for o in members if o.status == "manual"],
                outcomes=members,
            )
        )
    return chapters


def as_date(value: dt.date) -> str:
    """ISO date (reports never depend on the locale)."""
    return value.isoformat()


def plain(value: Any) -> str:
    """Any declared value as compact text."""
    return show(value)
