"""Progress over time: this audit against a previous one, per guideline chapter.

The previous audit is a JSON report of ``auditor audit --format json`` (one policy, or a list from
which the same body is taken) or a baseline file (``auditor baseline create``). A baseline records
failures only: a rule it lists failed then; a rule that fails now and is not listed passed then
(it is a new failure); any other rule is taken as it is now. Per chapter the comparison gives the
pass rate before and after (pass ÷ assessed, as in the reports), the rules that improved (failed,
were waived or 要確認 before and pass now) and those that regressed (passed, were waived or 要確認
before and fail now).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from auditor.audit.results import AuditResult, ChapterProgress, Progress
from auditor.errors import InputError
from auditor.i18n import t
from auditor.rules.rule import AREA_CHAPTERS

ASSESSED = frozenset({"pass", "fail", "waived", "error"})
_IMPROVED_FROM = frozenset({"fail", "error", "manual", "waived"})
_REGRESSED_FROM = frozenset({"pass", "manual", "waived"})
_FAILING = frozenset({"fail", "error"})


@dataclass(frozen=True)
class Previous:
    """What is known of the previous audit: each rule's status, per body (entity code)."""

    file: str
    kind: Literal["report", "baseline"]
    date: dt.date | None
    statuses: dict[str, dict[str, str]]
    """Entity code -> rule id -> status (a report); for a baseline, policy key -> failing rule ids."""
    rates: dict[str, float | None]


def load_previous(path: Path) -> Previous:
    """Read a previous JSON report or a baseline; :class:`InputError` (exit 2) naming the file otherwise."""
    from auditor.files.yamlsource import read_text

    name = str(path)
    text, _ = read_text(path, name)
    if text.lstrip().startswith(("{", "[")):
        return _from_report(text, name)
    from auditor.audit import baseline

    loaded = baseline.load(path)
    statuses: dict[str, dict[str, str]] = {}
    for entry in loaded.entries:
        statuses.setdefault(entry.policy, {})[entry.rule_id] = "fail"
    return Previous(name, "baseline", loaded.updated_on, statuses, {})


def _from_report(text: str, name: str) -> Previous:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.of(name, t("progress.json", detail=exc.msg), line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise InputError.of(name, t("progress.not_report")) from None
    documents = data if isinstance(data, list) else [data]
    statuses: dict[str, dict[str, str]] = {}
    rates: dict[str, float | None] = {}
    date = None
    for document in documents:
        try:
            if document["schema_version"] != 1:
                raise InputError.of(name, t("progress.not_report"))
            code = document["policy"]["entity"]["code"]
            statuses[code] = {str(o["rule_id"]): str(o["status"]) for o in document["outcomes"]}
            rates[code] = document["summary"].get("must_compliance_rate")
            date = dt.date.fromisoformat(document["audited_against"]["date"])
        except (KeyError, TypeError, ValueError):
            raise InputError.of(name, t("progress.not_report")) from None
    return Previous(name, "report", date, statuses, rates)


def compare(result: AuditResult, previous: Previous) -> Progress:
    """Per chapter, this audit against ``previous``."""
    before = _statuses_before(result, previous)
    by_area: dict[str, list[tuple[str, str, str | None]]] = {}
    for outcome in result.outcomes:
        by_area.setdefault(outcome.area, []).append((outcome.rule_id, outcome.status, before.get(outcome.rule_id)))
    chapters = []
    for area in sorted(by_area, key=lambda a: AREA_CHAPTERS.get(a, (99, {}))[0]):
        rows = by_area[area]
        after_assessed = [now for _, now, _ in rows if now in ASSESSED]
        before_assessed = [then for _, _, then in rows if then in ASSESSED]
        after_passed = after_assessed.count("pass")
        before_passed = before_assessed.count("pass")
        chapters.append(
            ChapterProgress(
                area=area,
                before_rate=before_passed / len(before_assessed) if before_assessed else None,
                after_rate=after_passed / len(after_assessed) if after_assessed else None,
                before_passed=before_passed,
                before_assessed=len(before_assessed),
                after_passed=after_passed,
                after_assessed=len(after_assessed),
                improved=[rule for rule, now, then in rows if then in _IMPROVED_FROM and now == "pass"],
                regressed=[rule for rule, now, then in rows if then in _REGRESSED_FROM and now in _FAILING],
                added=[rule for rule, _, then in rows if then is None],
            )
        )
    rate = previous.rates.get(result.policy.entity_code) if previous.kind == "report" else None
    return Progress(
        file=previous.file, kind=previous.kind, previous_date=previous.date, previous_rate=rate, chapters=chapters
    )


def _statuses_before(result: AuditResult, previous: Previous) -> dict[str, str]:
    if previous.kind == "report":
        found = previous.statuses.get(result.policy.entity_code)
        if found is None:
            codes = ", ".join(sorted(previous.statuses)) or "-"
            raise InputError.of(previous.file, t("progress.other_body", theirs=codes, ours=result.policy.entity_code))
        return found
    from auditor.audit.baseline import policy_key

    failing = previous.statuses.get(policy_key(result.policy.file, Path(previous.file)), {})
    before: dict[str, str] = {}
    for outcome in result.outcomes:
        if outcome.rule_id in failing:
            before[outcome.rule_id] = "fail"
        elif outcome.status in _FAILING:
            before[outcome.rule_id] = "pass"
        else:
            before[outcome.rule_id] = outcome.status
    return before
