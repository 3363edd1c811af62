"""Deciding the exit code of an audit from its outcomes (the CI gate)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from auditor import exitcodes
from auditor.audit.results import AuditResult, Outcome
from auditor.rules.rule import SEVERITY_RANK

FAIL_ON_CHOICES = ("critical", "high", "medium", "low", "none")


def gating_failures(
    results: Sequence[AuditResult], fail_on: str = "low", fail_on_level: str | None = None
) -> list[Outcome]:
    """Failed outcomes at or above ``fail_on`` severity (and of ``fail_on_level`` when given).

    ``fail_on_level`` ``must`` keeps only 必須 requirements; ``should`` (or None) keeps both levels.
    Failures accepted by a baseline (``--baseline``) never gate; they are still reported.
    """
    if fail_on == "none":
        return []
    threshold = SEVERITY_RANK[fail_on]
    return [
        outcome
        for result in results
        for outcome in result.outcomes
        if outcome.status == "fail"
        and not outcome.baselined
        and SEVERITY_RANK[outcome.severity] >= threshold
        and (fail_on_level is None or fail_on_level == "should" or outcome.level == "must")
    ]


def exit_code(results: Sequence[AuditResult], fail_on: str = "low", fail_on_level: str | None = None) -> int:
    """0 clean, 1 findings at or above the threshold, 2 when a rule could not be evaluated."""
    if any(outcome.status == "error" for result in results for outcome in result.outcomes):
        return exitcodes.USAGE_OR_INPUT
    if gating_failures(results, fail_on, fail_on_level):
        return exitcodes.FINDINGS
    return exitcodes.OK


def exit_code_of(
    outcomes: Iterable[tuple[str, str, str]], fail_on: str = "low", fail_on_level: str | None = None
) -> int:
    """:func:`exit_code` for callers that keep only ``(status, severity, level)`` per outcome.

    ``auditor batch`` keeps no :class:`Outcome` objects (a national run would hold hundreds of
    thousands); it has no baseline, so nothing is baselined here.
    """
    items = list(outcomes)
    if any(status == "error" for status, _, _ in items):
        return exitcodes.USAGE_OR_INPUT
    if fail_on != "none":
        threshold = SEVERITY_RANK[fail_on]
        if any(
            status == "fail"
            and SEVERITY_RANK[severity] >= threshold
            and (fail_on_level is None or fail_on_level == "should" or level == "must")
            for status, severity, level in items
        ):
            return exitcodes.FINDINGS
    return exitcodes.OK
