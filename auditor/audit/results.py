"""What an audit produces: one :class:`Outcome` per rule and the :class:`AuditResult` around them.

Plain frozen dataclasses: reporters read them, nothing mutates them. JSON shape is defined by
:func:`auditor.reporters.json_report.to_dict`, versioned by :data:`RESULT_SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from auditor.evidence.model import Citation, EvidenceRecord

if TYPE_CHECKING:
    from auditor.rules.conditions import Expectation

Status = Literal["pass", "fail", "not_applicable", "waived", "manual", "error"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "not_applicable", "waived", "manual", "error")
RESULT_SCHEMA_VERSION = 1
DEFAULT_WARN_DAYS = 30
"""A waiver expiring within this many days of the audit date is reported as ``expiring``."""


@dataclass(frozen=True)
class WaiverRef:
    """The exception (例外措置) that waived, or failed to waive, an outcome."""

    justification: str
    approver: str
    approved_on: dt.date
    expires_on: dt.date
    expired: bool


EvidenceStateName = Literal["confirmed", "not_confirmed", "partial", "expired"]
"""What reviewed evidence says about a requirement: 確認済み, 確認できない, 一部確認, 証跡の期限切れ."""


@dataclass(frozen=True)
class EvidenceRef:
    """The reviewed evidence (証跡) behind an outcome: the records of the latest review of its rule.

    ``decided`` is True when the evidence settled a requirement a file cannot show (要確認):
    confirmed and current it passes, not confirmed or expired it fails, partly confirmed it stays
    要確認. Beside an outcome decided from the policy file the evidence is shown only (False):
    evidence never makes a check pass.
    """

    state: EvidenceStateName
    records: tuple[EvidenceRecord, ...]
    expires_on: dt.date
    decided: bool


@dataclass(frozen=True)
class SourceRef:
    """One source of the rule behind an outcome, as reports name it (see :mod:`auditor.rules.documents`)."""

    document: str
    kind: str
    name: dict[str, str]
    """The document's short name in every language (「ガイドライン」, 「地方自治法」)."""
    title: dict[str, str]
    section: str | None
    """Where in the document, as numbered in the audited edition."""
    evidence: str
    in_force_from: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Failure:
    """One failed condition of a rule's check (a check with several conditions reports each)."""

    path: str
    actual: Any
    expected: str
    declared: bool
    line: int | None = None
    column: int | None = None
    expectation: Expectation | None = None
    """``expected`` structured (operator and operand), for wording it in the report's language."""


@dataclass(frozen=True)
class Outcome:
    """The result of one rule against one policy."""

    rule_id: str
    status: Status
    level: str
    severity: str
    area: str
    section: str
    title: dict[str, str]
    path: str | None
    line: int | None
    column: int | None
    actual: Any
    expected: str | None
    message: dict[str, str]
    """Why the rule came out so, in every language (``{"ja": ..., "en": ...}``), like the title."""
    remediation: dict[str, str]
    waiver: WaiverRef | None = None
    description: dict[str, str] = field(default_factory=dict)
    baselined: bool = False
    """A failure recorded in the baseline given with ``--baseline``: still a failure, not gating."""
    tier: str = "guideline"
    """``statutory`` (法令上の義務, applies by the audit date) or ``guideline`` (guideline alignment)."""
    sources: tuple[SourceRef, ...] = ()
    failures: tuple[Failure, ...] = ()
    """Every failed condition of the check (the first is the one ``path``/``actual``/``expected`` name)."""
    value_label: dict[str, str] | None = None
    """How the checked value is to be read, where no source sets a figure (e.g. the body's own value)."""
    evidence: EvidenceRef | None = None
    """The reviewed evidence of this rule (``evidence:`` in the policy, ``--evidence`` files)."""
    citations: tuple[Citation, ...] = ()
    """Clauses of the body's own documents that settle the values this rule reads (``auditor extract``)."""
    expectation: Expectation | None = None
    """``expected`` structured (operator and operand), for wording it in the report's language."""


@dataclass(frozen=True)
class PolicyInfo:
    """Identity of the audited policy file."""

    file: str
    sha256: str
    entity_name: str
    entity_code: str
    entity_type: str
    network_model: str
    guideline_edition: str


@dataclass(frozen=True)
class NetworkSnapshot:
    """The declared network model and segment settings, as written in the policy (for diagrams).

    ``settings`` maps dotted policy paths under ``network.segments`` (e.g.
    ``network.segments.mynumber.internet_link``) to the declared value; an absent key was not declared.
    """

    model: str
    settings: dict[str, Any]


@dataclass(frozen=True)
class Summary:
    """Counts per status, the compliance rates of must-level (必須) guideline requirements, and the
    statutory duties (法令上の義務) counted apart: they are not part of guideline alignment."""

    counts: dict[str, int]
    must_rate: float | None
    must_rate_with_waivers: float | None
    statutory: dict[str, int] = field(default_factory=dict)
    """Counts per status of the statutory duties (also included in ``counts``)."""

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> Summary:
        counts: dict[str, int] = {status: 0 for status in STATUSES}
        statutory: dict[str, int] = {status: 0 for status in STATUSES}
        for outcome in outcomes:
            counts[outcome.status] += 1
            if outcome.tier == "statutory":
                statutory[outcome.status] += 1
        must = [
            o
            for o in outcomes
            if o.level == "must" and o.tier != "statutory" and o.status in ("pass", "fail", "waived", "error")
        ]
        passed = sum(1 for o in must if o.status == "pass")
        waived = sum(1 for o in must if o.status == "waived")
        return cls(
            counts=counts,
            must_rate=passed / len(must) if must else None,
            must_rate_with_waivers=(passed + waived) / len(must) if must else None,
            statutory=statutory,
        )


@dataclass(frozen=True)
class AuditResult:
    """Everything one audit of one policy produced."""

    tool_version: str
    policy: PolicyInfo
    edition: str
    audit_date: dt.date
    outcomes: list[Outcome]
    summary: Summary
    notes: list[str] = field(default_factory=list)
    network: NetworkSnapshot | None = None
    waivers: list[WaiverState] = field(default_factory=list)
    """Every waiver (例外措置) that was considered, with its state: the waiver register."""
    baseline: BaselineReport | None = None
    """How the audit compares with the baseline given with ``--baseline`` (None without one)."""
    evidence: list[EvidenceState] = field(default_factory=list)
    """Every reviewed-evidence record considered, with what became of it: the evidence register."""
    evidence_warnings: list[dict[str, str]] = field(default_factory=list)
    """What the reader of the evidence should know (a source document changed, another policy version)."""
    progress: Progress | None = None
    """How the audit compares with a previous one (``--compare``), per guideline chapter."""


WaiverStateName = Literal[
    "in_force", "expiring", "expired", "stale", "unknown_rule", "not_matching", "superseded", "not_yet_valid"
]
WARNING_WAIVER_STATES: frozenset[str] = frozenset(
    {"expiring", "expired", "stale", "unknown_rule", "not_matching", "not_yet_valid"}
)
"""Waiver states worth a warning: the register needs attention (renewal, removal or correction)."""


@dataclass(frozen=True)
class WaiverState:
    """One declared waiver and what became of it in this audit."""

    rule_id: str
    path: str | None
    file: str
    line: int | None
    justification: str
    approver: str
    approved_on: dt.date
    expires_on: dt.date
    ticket: str | None
    state: WaiverStateName
    days_left: int
    """Days from the audit date to ``expires_on`` (negative once expired)."""
    message: dict[str, str]
    """What the state means for the register, in every language."""


@dataclass(frozen=True)
class BaselineDrift:
    """A baseline entry that no longer matches a current failure."""

    rule_id: str
    path: str | None
    value: Any
    state: Literal["fixed", "changed"]
    """``fixed``: the rule no longer fails; ``changed``: it fails with another value or path (a new finding)."""
    now: str | None
    """The rule's current status (``None`` when the rule is not in the audited catalogue)."""


@dataclass(frozen=True)
class BaselineReport:
    """Findings known to the baseline versus new ones, and baseline entries that drifted."""

    file: str
    known: int
    new: int
    drift: list[BaselineDrift] = field(default_factory=list)


EvidenceStateLabel = Literal[
    "confirmed", "not_confirmed", "partial", "expired", "superseded", "informative", "not_applicable"
]
"""A record's state in the register: the deciding states, an older review (superseded), evidence
beside an outcome checked from the file (informative), or for a requirement that does not apply."""


@dataclass(frozen=True)
class EvidenceState:
    """One reviewed-evidence record and what became of it in this audit."""

    record: EvidenceRecord
    file: str
    line: int | None
    state: EvidenceStateLabel
    expires_on: dt.date
    days_left: int
    """Days from the audit date to ``expires_on`` (negative once expired)."""

    @property
    def rule_id(self) -> str:
        """The rule the record is for."""
        return self.record.rule_id


@dataclass(frozen=True)
class ChapterProgress:
    """One guideline chapter now and in the previous audit."""

    area: str
    before_rate: float | None
    after_rate: float | None
    before_passed: int
    before_assessed: int
    after_passed: int
    after_assessed: int
    improved: list[str]
    """Rules that failed (or were 要確認) before and pass now."""
    regressed: list[str]
    """Rules that passed (or were 要確認) before and fail now."""
    added: list[str] = field(default_factory=list)
    """Rules audited now that the previous audit did not have."""


@dataclass(frozen=True)
class Progress:
    """The comparison with a previous audit (a JSON report) or a baseline."""

    file: str
    kind: Literal["report", "baseline"]
    previous_date: dt.date | None
    previous_rate: float | None
    chapters: list[ChapterProgress]

    @property
    def improved(self) -> int:
        """Rules improved in every chapter."""
        return sum(len(chapter.improved) for chapter in self.chapters)

    @property
    def regressed(self) -> int:
        """Rules regressed in every chapter."""
        return sum(len(chapter.regressed) for chapter in self.chapters)
