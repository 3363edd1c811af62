"""The CI gate: which failures fail the run, and the exit code of an audit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor import exitcodes
from auditor.audit.results import AuditResult, Outcome
from auditor.rules.rule import SEVERITY_RANK

FAIL_ON_CHOICES = ("critical", "high", "medium", "low", "none")


@dataclass(frozen=True)
class Gate:
    """``--fail-on`` and ``--fail-on-level``: the failures that make a run fail (exit 1).

    ``fail_on`` is the lowest severity that gates (``none``: nothing does); ``fail_on_level``
    ``must`` keeps only 必須 requirements, ``should`` or None keeps both levels.
    """

    fail_on: str = "low"
    fail_on_level: str | None = None

    def catches(self, severity: str, level: str) -> bool:
        """True when a failure of this severity and level fails the run."""
        if self.fail_on == "none":
            return False
        return SEVERITY_RANK[severity] >= SEVERITY_RANK[self.fail_on] and (
            self.fail_on_level != "must" or level == "must"
        )


def gating_failures(results: Sequence[AuditResult], gate: Gate) -> list[Outcome]:
    """Failed outcomes the gate catches; failures accepted by a baseline never gate (still reported)."""
    return [
        outcome
        for result in results
        for outcome in result.outcomes
        if outcome.status == "fail" and not outcome.baselined and gate.catches(outcome.severity, outcome.level)
    ]


def exit_code(results: Sequence[AuditResult], gate: Gate) -> int:
    """0 clean, 1 findings the gate catches, 2 when a rule could not be evaluated."""
    outcomes = (
        (outcome.status, outcome.severity, outcome.level)
        for result in results
        for outcome in result.outcomes
        if not outcome.baselined
    )
    return exit_code_of(outcomes, gate)


def exit_code_of(outcomes: Iterable[tuple[str, str, str]], gate: Gate) -> int:
    """:func:`exit_code` for callers that keep only ``(status, severity, level)`` per outcome.

    ``auditor batch`` keeps no :class:`Outcome` objects (a national run would hold hundreds of
    thousands of them).
    """
    items = list(outcomes)
    if any(status == "error" for status, _, _ in items):
        return exitcodes.USAGE_OR_INPUT
    if any(status == "fail" and gate.catches(severity, level) for status, severity, level in items):
        return exitcodes.FINDINGS
    return exitcodes.OK
