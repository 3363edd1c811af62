"""What a prefecture's CISO office reads: matrix, most failed requirements, urgent-gap ranking.

Pure functions over a :class:`~auditor.batch.runner.BatchRun`; no I/O, deterministic order.

Definitions (documented in ``docs/batch.md``):

* A requirement is *evaluated* for a policy when its outcome is pass, fail, waived or error
  (not_applicable and manual say nothing about the file's compliance).
* A cell's *compliance rate* is passed / evaluated over the chapter's requirements of both levels
  (必須 and 推奨); a waived requirement is evaluated but not passed, as in the single-policy
  must-level rate. ``None`` when nothing in the chapter was evaluated.
* *必須 failures* are must-level requirements that failed (or could not be evaluated: error).
* *Urgent gaps* are 必須 failures of severity critical or high.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.audit.results import PolicyInfo, Summary
from auditor.batch.runner import BatchRun, FileFailure, PolicyAudit, RuleInfo
from auditor.rules.rule import AREA_CHAPTERS, SEVERITY_RANK

EVALUATED = frozenset({"pass", "fail", "waived", "error"})
FAILED = frozenset({"fail", "error"})
URGENT_SEVERITIES = frozenset({"critical", "high"})

CHAPTER_SHORT: dict[str, dict[str, str]] = {
    # Column headings of the matrix; the full chapter titles are in rule.AREA_CHAPTERS.
    # Each word (split at spaces) fits a heat-map column on one line: headers break only between words.
    "statutory": {"ja": "法的義務", "en": "Statutory"},
    "basic_policy": {"ja": "基本方針", "en": "Basic"},
    "organisation": {"ja": "§1 組織", "en": "§1 Org."},
    "assets": {"ja": "§2 資産", "en": "§2 Assets"},
    "resilience": {"ja": "§3 強靱性", "en": "§3 Resil."},
    "physical": {"ja": "§4 物理", "en": "§4 Phys."},
    "human": {"ja": "§5 人的", "en": "§5 Human"},
    "technical": {"ja": "§6 技術", "en": "§6 Tech."},
    "operations": {"ja": "§7 運用", "en": "§7 Ops."},
    "outsourcing": {"ja": "§8 委託", "en": "§8 Outs."},
    "evaluation": {"ja": "§9 評価", "en": "§9 Eval."},
    "telework": {"ja": "テレワーク", "en": "Telework"},
    "security_cloud": {"ja": "セキュリティ クラウド", "en": "Sec. cloud"},
}


@dataclass(frozen=True)
class Cell:
    """Counts of one policy in one chapter (or over all chapters)."""

    evaluated: int = 0
    passed: int = 0
    failed: int = 0
    must_failed: int = 0
    urgent: int = 0
    critical: int = 0

    @property
    def rate(self) -> float | None:
        """passed / evaluated, or None when nothing was evaluated."""
        return self.passed / self.evaluated if self.evaluated else None

    @classmethod
    def of(cls, outcomes: Iterable[tuple[RuleInfo, str]]) -> Cell:
        """Counts over ``(rule, status)`` pairs."""
        evaluated = [(rule, status) for rule, status in outcomes if status in EVALUATED]
        must_failed = [rule for rule, status in evaluated if status in FAILED and rule.level == "must"]
        return cls(
            evaluated=len(evaluated),
            passed=sum(1 for _, status in evaluated if status == "pass"),
            failed=sum(1 for _, status in evaluated if status in FAILED),
            must_failed=len(must_failed),
            urgent=sum(1 for rule in must_failed if rule.severity in URGENT_SEVERITIES),
            critical=sum(1 for rule in must_failed if rule.severity == "critical"),
        )


@dataclass(frozen=True)
class Row:
    """One audited policy in the matrix."""

    audit: PolicyAudit
    cells: dict[str, Cell]
    total: Cell
    urgent_rules: tuple[str, ...] = ()
    """Ids of the urgent gaps (必須, critical or high, failed), in catalogue order."""

    @property
    def policy(self) -> PolicyInfo:
        """Which file and body the row is."""
        return self.audit.policy

    @property
    def summary(self) -> Summary:
        """The single-policy counts and must-level rate."""
        return self.audit.summary

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.policy.entity_code, self.policy.file)


@dataclass(frozen=True)
class RuleFailures:
    """How often one requirement failed across the batch, and where."""

    rule: RuleInfo
    failed: int
    evaluated: int
    codes: tuple[str, ...]
    """Entity codes of the policies that failed it, in code order."""

    @property
    def share(self) -> float:
        """failed / evaluated (evaluated is at least ``failed``, so at least 1 here)."""
        return self.failed / self.evaluated


@dataclass(frozen=True)
class Ranked:
    """A place in the urgent-gap ranking (ties share a rank: 1, 2, 2, 4)."""

    rank: int
    row: Row


@dataclass(frozen=True)
class BatchReport:
    """Everything the batch reporters show."""

    tool_version: str
    edition: str
    audit_date: dt.date
    chapters: list[str]
    rows: list[Row]
    most_failed: list[RuleFailures]
    ranking: list[Ranked]
    failures: list[FileFailure]
    files: int

    @property
    def total(self) -> Cell:
        """Counts over every policy and chapter."""
        return _sum(row.total for row in self.rows)

    @property
    def policies_with_urgent_gaps(self) -> int:
        """How many policies have at least one urgent gap."""
        return sum(1 for row in self.rows if row.total.urgent)


def summarise(run: BatchRun, *, tool_version: str, edition: str, audit_date: dt.date) -> BatchReport:
    """Build the comparison from a batch run."""
    rows = sorted((_row(run, audited) for audited in run.audits), key=lambda row: row.sort_key)
    present = {area for row in rows for area in row.cells}
    chapters = sorted(present, key=lambda area: AREA_CHAPTERS[area][0])
    return BatchReport(
        tool_version=tool_version,
        edition=edition,
        audit_date=audit_date,
        chapters=chapters,
        rows=rows,
        most_failed=most_failed(run, rows),
        ranking=rank(rows),
        failures=sorted(run.failures, key=lambda failure: failure.file),
        files=run.files,
    )


def _row(run: BatchRun, audited: PolicyAudit) -> Row:
    by_area: dict[str, list[tuple[RuleInfo, str]]] = {}
    for rule, status in run.outcomes(audited):
        by_area.setdefault(rule.area, []).append((rule, status))
    return Row(
        audit=audited,
        cells={area: Cell.of(items) for area, items in by_area.items()},
        total=Cell.of(run.outcomes(audited)),
        urgent_rules=tuple(
            rule.rule_id
            for rule, status in run.outcomes(audited)
            if status in FAILED and rule.level == "must" and rule.severity in URGENT_SEVERITIES
        ),
    )


def _sum(cells: Iterable[Cell]) -> Cell:
    totals = [0] * 6
    for cell in cells:
        totals = [a + b for a, b in zip(totals, _counts(cell), strict=True)]
    return Cell(*totals)


def _counts(cell: Cell) -> tuple[int, int, int, int, int, int]:
    return (cell.evaluated, cell.passed, cell.failed, cell.must_failed, cell.urgent, cell.critical)


def most_failed(run: BatchRun, rows: Sequence[Row]) -> list[RuleFailures]:
    """Every requirement that failed somewhere: most failures first, then level, severity, order."""
    evaluated = [0] * len(run.rules)
    failed: list[list[str]] = [[] for _ in run.rules]
    for row in rows:  # in code order, so each rule's list of codes is too
        for index, status in enumerate(row.audit.statuses):
            if status in EVALUATED:
                evaluated[index] += 1
            if status in FAILED:
                failed[index].append(row.policy.entity_code)
    items = [
        (
            index,
            RuleFailures(rule=rule, failed=len(failed[index]), evaluated=evaluated[index], codes=tuple(failed[index])),
        )
        for index, rule in enumerate(run.rules)
        if failed[index]
    ]
    items.sort(
        key=lambda pair: (-pair[1].failed, pair[1].rule.level != "must", -SEVERITY_RANK[pair[1].rule.severity], pair[0])
    )
    return [item for _, item in items]


def _urgency(row: Row) -> tuple[int, int, int]:
    return (row.total.urgent, row.total.critical, row.total.must_failed)


def rank(rows: Sequence[Row]) -> list[Ranked]:
    """Policies by urgent gaps (then critical ones, then all 必須 failures), worst first."""
    ordered = sorted(rows, key=lambda row: (tuple(-n for n in _urgency(row)), row.sort_key))
    ranking: list[Ranked] = []
    for position, row in enumerate(ordered, start=1):
        tied = ranking and _urgency(ranking[-1].row) == _urgency(row)
        ranking.append(Ranked(ranking[-1].rank if tied else position, row))
    return ranking
