"""The 改定対応 gap list: guideline requirements against what the documents say.

Per rule of the chosen edition (those that apply to the body's entity type and network model
and can be checked from a policy file): no clause on any path it reads (該当条文なし); a clause
that sets a value the rule fails (要件より弱い条文); clauses that disagree; a clause that only
recommends (努力義務・推奨にとどまる) or carries an unresolved exception.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from auditor.evidence.model import Citation
from auditor.extract.draft import Draft
from auditor.extract.host import audit_fragment, example_at, field_annotation, rule_paths, rules_for_edition, t
from auditor.extract.matching import Matches


@dataclass(frozen=True)
class Gap:
    """One requirement the documents do not meet or do not address."""

    rule_id: str
    kind: str
    """missing (no clause at all), partial (no clause for some of the paths), weaker, conflict, should."""
    level: str
    title: str
    section: str
    paths: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    found: Any = None
    expected: str | None = None


@dataclass(frozen=True)
class GapReport:
    """The gap list and its counts."""

    edition: str
    total: int
    covered: int
    gaps: tuple[Gap, ...]

    def of(self, kind: str) -> list[Gap]:
        """The gaps of one kind, in guideline order."""
        return [gap for gap in self.gaps if gap.kind == kind]


def gap_report(draft: Draft, matches: Matches, edition: str, today: dt.date) -> GapReport:
    """Compare the draft (and what matching found) with every applicable, checkable rule.

    A failing rule counts as *weaker* only when it still fails with every field the documents do
    not settle filled with its compliant example: then the cited clauses themselves fall short.
    """
    rules = [rule for rule in rules_for_edition(edition) if rule.check is not None]
    data = draft.data()
    statuses = audit_fragment(data, rules, edition, today)
    filled = _filled(data, draft, rules)
    filled_statuses = audit_fragment(filled, rules, edition, today)
    gaps: list[Gap] = []
    covered = 0
    total = 0
    for rule in rules:
        status = statuses[rule.id][0]
        if status == "not_applicable":
            continue
        paths = tuple(path for path in rule_paths(rule) if not path.startswith(("entity.", "network.model")))
        if not paths:
            continue
        total += 1
        base: dict[str, Any] = {
            "rule_id": rule.id,
            "level": rule.level,
            "title": rule.title.ja,
            "section": rule.section_in(edition),
            "paths": paths,
        }
        set_paths = [path for path in paths if path in draft.values and draft.values[path].citation is not None]
        if status == "fail" and set_paths and filled_statuses[rule.id][0] == "fail":
            citations = tuple(c for c in (draft.values[path].citation for path in set_paths) if c is not None)
            found = {path: draft.values[path].value for path in set_paths}
            gaps.append(
                Gap(kind="weaker", citations=citations, found=found, expected=filled_statuses[rule.id][1], **base)
            )
            continue
        conflicting = [path for path in paths if path in matches.conflicts]
        if status != "pass" and conflicting:
            citations = tuple(c.citation for path in conflicting for c in matches.conflicts[path])
            gaps.append(Gap(kind="conflict", citations=citations, **base))
            continue
        weak = [path for path in paths if path in matches.weak and path not in draft.values]
        if status != "pass" and weak:
            citations = tuple(item.citation for path in weak for item in matches.weak[path])
            gaps.append(Gap(kind="should", citations=citations, **base))
            continue
        untouched = tuple(path for path in paths if path not in matches.touched and path not in draft.values)
        if status != "pass" and untouched:
            kind = "missing" if len(untouched) == len(paths) else "partial"
            gaps.append(Gap(kind=kind, **{**base, "paths": untouched}))
            continue
        covered += 1
    return GapReport(edition=edition, total=total, covered=covered, gaps=tuple(gaps))


def _filled(data: dict[str, Any], draft: Draft, rules: list[Any]) -> dict[str, Any]:
    """``data`` with every unsettled path the rules read set to its compliant example."""
    filled = copy.deepcopy(data)
    for rule in rules:
        for path in rule_paths(rule, with_condition=True):
            if path in draft.values:
                continue
            value = example_at(path)
            if value is None:
                continue
            node = filled
            *parents, last = path.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            if isinstance(value, str) and field_annotation(path) is dt.date:
                value = dt.date.fromisoformat(value)
            node.setdefault(last, value)
    return filled


def render_report(report: GapReport) -> str:
    """The gap list as text (Japanese by default, English with ``--lang en``)."""
    missing, weaker = report.of("missing"), report.of("weaker")
    conflicts, should, partial = report.of("conflict"), report.of("should"), report.of("partial")
    lines = [
        t("extract.report.title", edition=report.edition),
        t(
            "extract.report.summary",
            total=report.total,
            covered=report.covered,
            missing=len(missing),
            weaker=len(weaker) + len(conflicts) + len(should),
            partial=len(partial),
        ),
        "",
    ]
    for kind, gaps in (
        ("weaker", weaker),
        ("conflict", conflicts),
        ("should", should),
        ("partial", partial),
        ("missing", missing),
    ):
        lines.append(f"## {t(f'extract.report.{kind}')} ({len(gaps)})")
        if not gaps:
            lines.append(t("extract.report.none"))
        for gap in gaps:
            lines.append(f"- {gap.rule_id} [{gap.level}] {gap.title}（{gap.section}）")
            for citation in gap.citations[:3]:
                lines.append(f"    {citation.label()}")
            if gap.kind in ("missing", "partial") and len(gap.paths) > 0:
                lines.append(f"    {', '.join(gap.paths)}")
            if gap.found is not None:
                found = ", ".join(f"{path} = {value!r}" for path, value in gap.found.items())
                said, wanted = t("extract.report.found"), t("extract.report.expected")
                lines.append(f"    {said}: {found} / {wanted}: {gap.expected}")
        lines.append("")
    return "\n".join(lines)
