"""What the rules expect of each policy path: the comments of an unanswered ``auditor init`` template.

For every field a rule's check reads, the expected value (``= true``, ``≥ 8``, a whole condition
when the field is one alternative of several or negated), the rule's level and its id, so that a
template left unanswered tells its reader what each answer must be without proposing it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from auditor.i18n import translate
from auditor.rules.conditions import describe
from auditor.rules.rule import All, Condition, Leaf, Rule, leaves

MAX_PER_PATH = 3
"""Rules named per field; more are counted."""


def expectations(rules: Sequence[Rule], *, model: str, entity: str, lang: str = "ja") -> dict[str, str]:
    """Dotted path -> ``= true（必須 ORG-010, BT-001）; …`` for the rules applying to ``model`` and ``entity``."""
    found: dict[str, dict[tuple[str, str], list[str]]] = {}
    for rule in rules:
        if rule.check is None or model not in rule.applies_to.models or entity not in rule.applies_to.entities:
            continue
        for path, expected in leaf_expectations(rule.check):
            ids = found.setdefault(path, {}).setdefault((expected, rule.level), [])
            if rule.id not in ids:
                ids.append(rule.id)
    return {path: _join(groups, lang) for path, groups in found.items()}


def _join(groups: dict[tuple[str, str], list[str]], lang: str) -> str:
    entries = []
    for (expected, level), ids in groups.items():
        label = translate(f"level.{level}", lang)
        entries.append(
            f"{expected}（{label} {', '.join(ids)}）" if lang == "ja" else f"{expected} ({label} {', '.join(ids)})"
        )
    shown = "; ".join(entries[:MAX_PER_PATH])
    if len(entries) > MAX_PER_PATH:
        shown += translate("init.more_rules", lang, count=len(entries) - MAX_PER_PATH)
    return shown


def leaf_expectations(condition: Condition, whole: str | None = None) -> Iterator[tuple[str, str]]:
    """``(path, expected)`` for each leaf: its operator and operand, or the whole alternative it belongs to."""
    if isinstance(condition, Leaf):
        yield condition.path, whole or describe(condition)[len(condition.path) + 1 :]
    elif isinstance(condition, All):
        for part in condition.all:
            yield from leaf_expectations(part, whole)
    else:  # any / not: the leaf alone would say the wrong thing, so show the whole condition
        text = whole or describe(condition)
        for leaf in leaves(condition):
            yield leaf.path, text
