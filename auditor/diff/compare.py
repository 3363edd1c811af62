"""Comparing two versions of a policy: what a change does to each requirement.

Both versions are audited with the same rules, edition and date. A rule that newly fails (or
newly relies on a waiver) is a regression. So is a value loosened even where the rule still
passes, judged from the rule's own check: for ``gte``/``gt``/``within_days`` a smaller number or
an older date is looser, for ``lte``/``lt`` a larger one; a list checked with ``contains`` or
``contains_all`` that loses items is looser, one checked with ``subset`` that gains items is
looser; for every operator, a comparison that held before and no longer holds is looser (e.g. an
``in`` value leaving the compliant set inside an ``any``). Under ``not`` the direction flips.
Each change names its line in the new file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from auditor.audit.gate import Gate
from auditor.audit.results import AuditResult, Outcome
from auditor.i18n import language, pick, t
from auditor.i18n.values import value_label
from auditor.policy.loader import LoadedPolicy
from auditor.rules.conditions import Expectation, evaluate, is_missing, lookup
from auditor.rules.rule import SEVERITY_RANK, All, AnyOf, Condition, Leaf, Not, Rule
from auditor.rules.wording import expectation_text

ChangeKind = Literal["new_fail", "new_waiver", "loosened", "new_pass", "now_waived", "tightened", "status_changed"]
REGRESSION_KINDS: frozenset[str] = frozenset({"new_fail", "new_waiver", "loosened"})
IMPROVEMENT_KINDS: frozenset[str] = frozenset({"new_pass", "tightened"})
KIND_ORDER: dict[str, int] = {
    kind: index
    for index, kind in enumerate(
        ("new_fail", "new_waiver", "loosened", "now_waived", "status_changed", "new_pass", "tightened")
    )
}


@dataclass(frozen=True)
class Change:
    """One requirement-relevant change between the old and the new policy."""

    kind: ChangeKind
    rule_id: str
    title: dict[str, str]
    level: str
    severity: str
    section: str
    path: str | None
    line: int | None
    """Line in the NEW file (of the field, or of its nearest declared parent when it was removed)."""
    old_status: str | None
    new_status: str
    old_value: Any
    new_value: Any
    detail: str

    @property
    def regression(self) -> bool:
        """True for newly failing, newly waived and loosened."""
        return self.kind in REGRESSION_KINDS


@dataclass(frozen=True)
class PolicyDiff:
    """The comparison of two versions of one policy."""

    old_label: str
    new_label: str
    old: AuditResult | None
    """None when the policy did not exist in the old revision."""
    new: AuditResult
    changes: list[Change]
    notes: list[str] = field(default_factory=list)

    def regressions(self, gate: Gate) -> list[Change]:
        """The regressions the gate catches."""
        return [c for c in self.changes if c.regression and gate.catches(c.severity, c.level)]


def _rank(status: str | None) -> int:
    return {"fail": 2, "error": 2, "waived": 1}.get(status or "", 0)


def _status_kind(old: str | None, new: str) -> ChangeKind | None:
    if _rank(new) == 2 and _rank(old) < 2:
        return "new_fail"
    if new == "waived" and _rank(old) == 0:
        return "new_waiver"
    if new == "waived" and _rank(old) == 2:
        return "now_waived"
    if _rank(new) == 0 and _rank(old) > 0 and new != "not_applicable":
        return "new_pass"
    if old is not None and old != new:
        return "status_changed"
    return None


def leaves_with_polarity(condition: Condition, positive: bool = True) -> Iterator[tuple[Leaf, bool]]:
    """Every leaf of ``condition`` and whether it counts positively (False under an odd number of ``not``)."""
    if isinstance(condition, Leaf):
        yield condition, positive
    elif isinstance(condition, All):
        for part in condition.all:
            yield from leaves_with_polarity(part, positive)
    elif isinstance(condition, AnyOf):
        for part in condition.any:
            yield from leaves_with_polarity(part, positive)
    elif isinstance(condition, Not):
        yield from leaves_with_polarity(condition.not_, not positive)


def _holds(leaf: Leaf, data: dict[str, Any], positive: bool, today: dt.date) -> bool:
    verdict = evaluate(leaf, data, today)
    if verdict.error or not verdict.declared:
        return False  # undeclared or incomparable never counts as meeting the requirement
    return verdict.holds if positive else not verdict.holds


def _ordered(value: Any) -> bool:
    return isinstance(value, (int, float, dt.date)) and not isinstance(value, bool)


def direction(op: str, old: Any, new: Any) -> int:
    """-1 when ``new`` is looser than ``old`` for ``op`` (read positively), +1 when stricter, 0 otherwise."""
    if is_missing(old) or is_missing(new):
        return 0
    if op in ("gte", "gt", "within_days", "lte", "lt"):
        numbers = isinstance(old, (int, float)) and isinstance(new, (int, float))
        if not (_ordered(old) and _ordered(new)) or (not numbers and type(old) is not type(new)):
            return 0
        smaller, larger = new < old, new > old
        if op in ("lte", "lt"):
            smaller, larger = larger, smaller
        return -1 if smaller else (1 if larger else 0)
    if op in ("contains", "contains_all", "subset") and isinstance(old, list) and isinstance(new, list):
        lost = [item for item in old if item not in new]
        gained = [item for item in new if item not in old]
        if op == "subset":
            lost, gained = gained, lost
        return -1 if lost else (1 if gained else 0)
    return 0


def _describe_value(value: Any, path: str) -> str:
    """The value in words in the current language (the path is named beside it in the message)."""
    return t("policydiff.undeclared") if is_missing(value) or value is None else value_label(value, path, language())


def _requirement(leaf: Leaf, positive: bool) -> str:
    """What the leaf asks, in words (its literal; a value read from another path is named by that path)."""
    asked = Expectation(leaf.op, leaf.path, leaf.value, leaf.value_path, resolved=leaf.value_path is None)
    if not positive:
        asked = Expectation("not", leaf.path, parts=(asked,))
    return expectation_text(asked, language())


def compare(
    old: LoadedPolicy | None,
    new: LoadedPolicy,
    old_result: AuditResult | None,
    new_result: AuditResult,
    rules: Sequence[Rule],
    *,
    old_label: str,
    today: dt.date,
) -> PolicyDiff:
    """Every requirement-relevant change from ``old`` to ``new`` (both already audited)."""
    old_outcomes = {o.rule_id: o for o in old_result.outcomes} if old_result else {}
    by_id = {rule.id: rule for rule in rules}
    changes: list[Change] = []
    for outcome in new_result.outcomes:
        before = old_outcomes.get(outcome.rule_id)
        rule = by_id.get(outcome.rule_id)
        changes.extend(_rule_changes(rule, before, outcome, old, new, today))
    changes.sort(key=lambda c: (KIND_ORDER[c.kind], -SEVERITY_RANK[c.severity], c.line or 0, c.rule_id))
    notes = [] if old is not None else [t("policydiff.new_file", ref=old_label.split(":", 1)[0], path=new.file)]
    return PolicyDiff(
        old_label=old_label, new_label=new.file, old=old_result, new=new_result, changes=changes, notes=notes
    )


def _rule_changes(
    rule: Rule | None,
    before: Outcome | None,
    after: Outcome,
    old: LoadedPolicy | None,
    new: LoadedPolicy,
    today: dt.date,
) -> list[Change]:
    old_status = before.status if before else None
    kind = _status_kind(old_status, after.status)
    found: list[Change] = []
    if kind is not None:
        old_value = lookup(old.data, after.path) if old is not None and after.path else None
        detail = _status_detail(old_status, after, old_value, new)
        found.append(
            _change(kind, after, after.path, after.line, old_status, old_value, _value_at(new, after.path), detail)
        )
    skip_leaves = kind in ("new_fail", "new_waiver", "new_pass") or after.status == "not_applicable" or old is None
    if rule is None or rule.check is None or skip_leaves:
        return found
    seen: set[tuple[str, str]] = set()
    for leaf, positive in leaves_with_polarity(rule.check):
        assert old is not None
        old_value, new_value = lookup(old.data, leaf.path), lookup(new.data, leaf.path)
        if _same(old_value, new_value):
            continue
        held, holds = _holds(leaf, old.data, positive, today), _holds(leaf, new.data, positive, today)
        if held != holds:
            step = 1 if holds else -1
        else:
            step = direction(leaf.op, old_value, new_value) * (1 if positive else -1)
        if step == 0:
            continue
        leaf_kind: ChangeKind = "loosened" if step < 0 else "tightened"
        if (leaf.path, leaf_kind) in seen:
            continue
        seen.add((leaf.path, leaf_kind))
        position = new.document.position(tuple(leaf.path.split(".")))
        detail = t(
            "policydiff.value",
            path=leaf.path,
            old=_describe_value(old_value, leaf.path),
            new=_describe_value(new_value, leaf.path),
            expected=_requirement(leaf, positive),
        )
        found.append(
            _change(
                leaf_kind,
                after,
                leaf.path,
                position.line if position else None,
                old_status,
                _plain(old_value),
                _plain(new_value),
                detail,
            )
        )
    return found


def _same(old: Any, new: Any) -> bool:
    if is_missing(old) or is_missing(new):
        return is_missing(old) and is_missing(new)
    return bool(old == new and type(old) is type(new))


def _plain(value: Any) -> Any:
    return None if is_missing(value) else value


def _value_at(loaded: LoadedPolicy, path: str | None) -> Any:
    return _plain(lookup(loaded.data, path)) if path else None


def _status_detail(old_status: str | None, after: Outcome, old_value: Any, new: LoadedPolicy) -> str:
    old_name = t(f"status.{old_status}") if old_status else "-"
    expected = expectation_text(after.expectation, language()) if after.expectation else after.expected or "-"
    text = t("policydiff.status", old=old_name, new=t(f"status.{after.status}"))
    if after.path and old_status is not None:
        new_value = lookup(new.data, after.path)
        if not _same(old_value, new_value):
            text += ": " + t(
                "policydiff.value",
                path=after.path,
                old=_describe_value(old_value, after.path),
                new=_describe_value(new_value, after.path),
                expected=expected,
            )
            return text
    return f"{text}: {pick(after.message)}"


def _change(
    kind: ChangeKind,
    outcome: Outcome,
    path: str | None,
    line: int | None,
    old_status: str | None,
    old_value: Any,
    new_value: Any,
    detail: str,
) -> Change:
    return Change(
        kind=kind,
        rule_id=outcome.rule_id,
        title=outcome.title,
        level=outcome.level,
        severity=outcome.severity,
        section=outcome.section,
        path=path,
        line=line,
        old_status=old_status,
        new_status=outcome.status,
        old_value=_plain(old_value),
        new_value=_plain(new_value),
        detail=detail,
    )


def has_errors(diff: PolicyDiff) -> bool:
    """True when a rule could not be evaluated against the new policy (exit code 2)."""
    return any(o.status == "error" for o in diff.new.outcomes)


def diff_files(
    new_path: Path,
    *,
    old_path: Path | None = None,
    base_ref: str | None = None,
    rule_dirs: Sequence[Path] = (),
    edition: str | None = None,
    today: dt.date,
) -> PolicyDiff:
    """Compare ``old_path`` (or ``new_path`` as it was at git revision ``base_ref``) with ``new_path``."""
    from auditor.audit.service import audit_loaded
    from auditor.policy.loader import load_policy, validate_policy
    from auditor.rules.catalogue import load_catalogue

    chosen, rules = load_catalogue(rule_dirs).select(edition)
    new = load_policy(new_path, str(new_path))
    old: LoadedPolicy | None
    if base_ref is not None:
        from auditor.files import gitsource
        from auditor.files.yamlsource import decode, parse_yaml

        revision = gitsource.read_at(new_path, base_ref)
        label = revision.label
        if revision.data is None:
            old = None
        else:
            document = parse_yaml(decode(revision.data, label), label)
            document.sha256 = hashlib.sha256(revision.data).hexdigest()
            old = validate_policy(document)
    else:
        assert old_path is not None
        old = load_policy(old_path, str(old_path))
        label = old.file
    new_result = audit_loaded(new, rules, edition=chosen, today=today)
    old_result = audit_loaded(old, rules, edition=chosen, today=today) if old is not None else None
    return compare(old, new, old_result, new_result, rules, old_label=label, today=today)


__all__ = ["Change", "PolicyDiff", "compare", "diff_files", "direction", "has_errors"]
