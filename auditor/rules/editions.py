"""What changes between two guideline editions (``auditor rules diff``): the CISO's migration list.

A rule belongs to the editions it lists. Between edition A and edition B a rule is

* ``added``: in B, not in A (a new requirement to meet);
* ``removed``: in A, not in B (a requirement that no longer applies);
* ``changed``: in both but cited under another section number (the numbering moved, e.g. §8 in
  R6.10), or a rule of B that ``replaces`` a rule of A (the requirement was reworded: its level,
  severity, check or applicability changed). Each change lists the fields that differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from auditor.rules.catalogue import Catalogue, rule_sort_key
from auditor.rules.conditions import describe
from auditor.rules.rule import Rule

ChangeKind = Literal["changed", "added", "removed"]
KIND_ORDER: tuple[ChangeKind, ...] = ("changed", "added", "removed")


@dataclass(frozen=True)
class FieldChange:
    """One field of a requirement that differs between the two editions."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class RuleChange:
    """One entry of the migration list."""

    kind: ChangeKind
    rule: Rule  # the rule of edition B (of A for ``removed``)
    previous_id: str | None = None  # the rule of A it replaces, when the id changed
    section_before: str | None = None
    section_after: str | None = None
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)


def _check_text(rule: Rule) -> str:
    return describe(rule.check) if rule.check is not None else "manual"


def _applicability(rule: Rule) -> dict[str, str]:
    applies = rule.applies_to
    return {
        "models": ", ".join(applies.models),
        "entities": ", ".join(applies.entities),
        "when": describe(applies.when) if applies.when is not None else "-",
    }


def _compare(old: Rule, new: Rule, edition_a: str, edition_b: str) -> tuple[FieldChange, ...]:
    pairs = {
        "section": (old.section_in(edition_a), new.section_in(edition_b)),
        "level": (old.level, new.level),
        "severity": (old.severity, new.severity),
        "check": (_check_text(old), _check_text(new)),
    }
    before, after = _applicability(old), _applicability(new)
    pairs.update({name: (before[name], after[name]) for name in before})
    return tuple(FieldChange(name, a, b) for name, (a, b) in pairs.items() if a != b)


def diff_editions(catalogue: Catalogue, edition_a: str, edition_b: str) -> list[RuleChange]:
    """Rules added, removed and changed from ``edition_a`` to ``edition_b``, in migration order.

    Unknown editions raise :class:`~auditor.errors.UsageError` (via ``Catalogue.for_edition``).
    """
    rules_a = {rule.id: rule for rule in catalogue.for_edition(edition_a)}
    rules_b = {rule.id: rule for rule in catalogue.for_edition(edition_b)}
    entries: list[RuleChange] = []
    replaced: set[str] = set()
    for rule_id, new in rules_b.items():
        if rule_id in rules_a:
            old = rules_a[rule_id]
            changes = _compare(old, new, edition_a, edition_b)
            if changes:
                entries.append(
                    RuleChange(
                        "changed",
                        new,
                        None,
                        old.section_in(edition_a),
                        new.section_in(edition_b),
                        changes,
                    )
                )
            continue
        predecessors = [rules_a[p] for p in new.replaces if p in rules_a and p not in rules_b]
        if predecessors:
            old = predecessors[0]
            replaced.update(p.id for p in predecessors)
            entries.append(
                RuleChange(
                    "changed",
                    new,
                    old.id,
                    old.section_in(edition_a),
                    new.section_in(edition_b),
                    _compare(old, new, edition_a, edition_b),
                )
            )
        else:
            entries.append(RuleChange("added", new, None, None, new.section_in(edition_b)))
    for rule_id, old in rules_a.items():
        if rule_id not in rules_b and rule_id not in replaced:
            entries.append(RuleChange("removed", old, None, old.section_in(edition_a), None))
    return sorted(entries, key=lambda e: (KIND_ORDER.index(e.kind), rule_sort_key(e.rule)))


def diff_to_dicts(entries: Sequence[RuleChange], edition_a: str, edition_b: str) -> dict[str, object]:
    """The JSON form of a diff (stable keys; documented in docs/rules.md)."""
    return {
        "from": edition_a,
        "to": edition_b,
        "summary": {kind: sum(1 for e in entries if e.kind == kind) for kind in KIND_ORDER},
        "changes": [
            {
                "kind": entry.kind,
                "rule_id": entry.rule.id,
                "previous_id": entry.previous_id,
                "title": entry.rule.title.as_dict(),
                "level": entry.rule.level,
                "severity": entry.rule.severity,
                "area": entry.rule.area,
                "section": {"from": entry.section_before, "to": entry.section_after},
                "fields": [{"field": c.field, "from": c.before, "to": c.after} for c in entry.changes],
            }
            for entry in entries
        ],
    }
