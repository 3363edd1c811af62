"""What an audit produces: one :class:`Outcome` per rule and the :class:`AuditResult` around them.

Plain frozen dataclasses: reporters read them, nothing mutates them. JSON shape is defined by
:func:`auditor.reporters.json_report.to_dict`, versioned by :data:`RESULT_SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

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
    """Counts per status and the compliance rates of must-level (必須) requirements."""

    counts: dict[str, int]
    must_rate: float | None
    must_rate_with_waivers: float | None

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> Summary:
        counts = {status: 0 for status in ("pass", "fail", "not_applicable", "waived", "manual", "error")}
        for outcome in outcomes:
            counts[outcome.status] += 1
        must = [o for o in outcomes if o.level == "must" and o.status in ("pass", "fail", "waived", "error")]
        passed = sum(1 for o in must if o.status == "pass")
        waived = sum(1 for o in must if o.status == "waived")
        return cls(
            counts=counts,
            must_rate=passed / len(must) if must else None,
            must_rate_with_waivers=(passed + waived) / len(must) if must else None,
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
