"""What a prefecture's CISO office reads: matrix, most failed requirements, urgent-gap ranking.

Pure functions over :class:`~auditor.results.AuditResult` objects; no I/O, deterministic order.

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

from auditor.batch.runner import BatchRun, FileFailure
from auditor.results import AuditResult, Outcome
from auditor.rule import AREA_CHAPTERS, SEVERITY_RANK

EVALUATED = frozenset({"pass", "fail", "waived", "error"})
FAILED = frozenset({"fail", "error"})
URGENT_SEVERITIES = frozenset({"critical", "high"})

CHAPTER_SHORT: dict[str, dict[str, str]] = {
    # Column headings of the matrix; the full chapter titles are in rule.AREA_CHAPTERS.
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
    "security_cloud": {"ja": "セキュリティクラウド", "en": "Sec. cloud"},
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
    def of(cls, outcomes: Sequence[Outcome]) -> Cell:
        evaluated = [o for o in outcomes if o.status in EVALUATED]
        must_failed = [o for o in evaluated if o.status in FAILED and o.level == "must"]
        return cls(
            evaluated=len(evaluated),
            passed=sum(1 for o in evaluated if o.status == "pass"),
            failed=sum(1 for o in evaluated if o.status in FAILED),
            must_failed=len(must_failed),
            urgent=sum(1 for o in must_failed if o.severity in URGENT_SEVERITIES),
            critical=sum(1 for o in must_failed if o.severity == "critical"),
        )


@dataclass(frozen=True)
class Row:
    """One audited policy in the matrix."""

    result: AuditResult
    cells: dict[str, Cell]
    total: Cell

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.result.policy.entity_code, self.result.policy.file)


@dataclass(frozen=True)
class RuleFailures:
    """How often one requirement failed across the batch, and where."""

    rule_id: str
    title: dict[str, str]
    level: str
    severity: str
    area: str
    section: str
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


def summarise(run: BatchRun, *, tool_version: str, edition: str,
              audit_date: dt.date) -> BatchReport:
    """Build the comparison from a batch run."""
    rows = sorted((_row(result) for result in run.results), key=lambda row: row.sort_key)
    present = {area for row in rows for area in row.cells}
    chapters = sorted(present, key=lambda area: AREA_CHAPTERS[area][0])
    return BatchReport(
        tool_version=tool_version,
        edition=edition,
        audit_date=audit_date,
        chapters=chapters,
        rows=rows,
        most_failed=most_failed(rows),
        ranking=rank(rows),
        failures=sorted(run.failures, key=lambda failure: failure.file),
        files=run.files,
    )


def _row(result: AuditResult) -> Row:
    by_area: dict[str, list[Outcome]] = {}
    for outcome in result.outcomes:
        by_area.setdefault(outcome.area, []).append(outcome)
    return Row(result=result, cells={area: Cell.of(items) for area, items in by_area.items()},
               total=Cell.of(result.outcomes))


def _sum(cells: Iterable[Cell]) -> Cell:
    totals = [0] * 6
    for cell in cells:
        totals = [a + b for a, b in zip(totals, _counts(cell), strict=True)]
    return Cell(*totals)


def _counts(cell: Cell) -> tuple[int, int, int, int, int, int]:
    return (cell.evaluated, cell.passed, cell.failed, cell.must_failed, cell.urgent, cell.critical)


def most_failed(rows: Sequence[Row]) -> list[RuleFailures]:
    """Every requirement that failed somewhere: most failures first, then level, severity, order."""
    order: dict[str, int] = {}
    first: dict[str, Outcome] = {}
    evaluated: dict[str, int] = {}
    failed: dict[str, list[str]] = {}
    for row in rows:
        for index, outcome in enumerate(row.result.outcomes):
            order.setdefault(outcome.rule_id, index)
            first.setdefault(outcome.rule_id, outcome)
            if outcome.status in EVALUATED:
                evaluated[outcome.rule_id] = evaluated.get(outcome.rule_id, 0) + 1
            if outcome.status in FAILED:
                failed.setdefault(outcome.rule_id, []).append(row.result.policy.entity_code)
    items = [
        RuleFailures(
            rule_id=rule_id,
            title=first[rule_id].title,
            level=first[rule_id].level,
            severity=first[rule_id].severity,
            area=first[rule_id].area,
            section=first[rule_id].section,
            failed=len(codes),
            evaluated=evaluated[rule_id],
            codes=tuple(codes),
        )
        for rule_id, codes in failed.items()
    ]
    return sorted(items, key=lambda item: (-item.failed, item.level != "must",
                                           -SEVERITY_RANK[item.severity], order[item.rule_id]))


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
