"""Evaluation of declarative conditions (rule ``check`` and ``applies_to.when``) against policy data.

Operators are a closed table (:data:`OPERATORS`); nothing in a rule file is ever executed. A leaf
whose path is not declared in the policy never holds: nothing passes vacuously. A leaf compares
with a literal ``value`` or with the value at ``value_path`` (another field, or the audit context
of :mod:`auditor.rules.context`). Ordering operators compare numbers, dates, and guideline editions
(by publication order, so ``R4.3 < R6.10``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from auditor.rules.rule import All, AnyOf, Condition, Leaf
from auditor.vocab import EDITIONS

_MISSING = object()


class OperandError(Exception):
    """A declared value cannot be compared as the rule asks (e.g. a list compared with ``gte``)."""


@dataclass(frozen=True)
class Expectation:
    """What a condition asks of the value at ``path``, kept structured so reports can word it
    (:mod:`auditor.rules.wording`); ``Verdict.expected`` is the same in the compact machine form.

    ``op`` is an operator of :data:`OPERATORS`, or ``any`` / ``not`` over ``parts``. ``operand`` is the
    literal, or the value read at ``reference`` (a ``value_path``); ``resolved`` is False when that
    reference is itself undeclared.
    """

    op: str
    path: str
    operand: Any = None
    reference: str | None = None
    resolved: bool = True
    parts: tuple[Expectation, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """Whether a condition holds, and the evidence for the leaf that decided it.

    ``failures`` lists every part that failed, not only the deciding one: each failed leaf of an
    ``all``, and a failed ``any`` or ``not`` as one part (so a report can name every missing piece).
    """

    holds: bool
    path: str
    actual: Any
    expected: str
    declared: bool
    error: str | None = None
    failures: tuple[Verdict, ...] = ()
    expectation: Expectation | None = None

    def failed_parts(self) -> tuple[Verdict, ...]:
        """The failed parts (the verdict itself when it has none of its own)."""
        if self.holds:
            return ()
        return self.failures or (self,)


def lookup(data: Mapping[str, Any], path: str) -> Any:
    """The value at dotted ``path`` in ``data``, or the ``_MISSING`` sentinel when undeclared."""
    current: Any = data
    for part in path.split("."):
        if not isinstance(current, Mapping) or current.get(part) is None:
            return _MISSING
        current = current[part]
    return current


def is_missing(value: Any) -> bool:
    """True for the sentinel :func:`lookup` returns for an undeclared path."""
    return value is _MISSING


def _as_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise OperandError(f"expected a list, got {value!r}")
    return value


def _ordered(actual: Any, expected: Any) -> tuple[Any, Any]:
    numeric = (int, float)
    if isinstance(actual, bool) or isinstance(expected, bool):
        raise OperandError("booleans are not ordered")
    if isinstance(actual, numeric) and isinstance(expected, numeric):
        return actual, expected
    if isinstance(actual, dt.date) and isinstance(expected, dt.date):
        return actual, expected
    if actual in EDITIONS and expected in EDITIONS:
        # Edition names do not sort as text ("R10.x" < "R2.12"); use publication order.
        return EDITIONS.index(actual), EDITIONS.index(expected)
    raise OperandError(f"cannot order {actual!r} and {expected!r}")


def _within_days(actual: Any, days: Any, today: dt.date) -> bool:
    if not isinstance(actual, dt.date) or isinstance(days, bool) or not isinstance(days, int):
        raise OperandError(f"within_days needs a date and a number of days, got {actual!r}, {days!r}")
    return (today - actual).days <= days and actual <= today


OPERATORS: dict[str, Callable[[Any, Any, dt.date], bool]] = {
    "equals": lambda a, e, _: a == e and type(a) is type(e),
    "not_equals": lambda a, e, _: not (a == e and type(a) is type(e)),
    "in": lambda a, e, _: a in _as_list(e),
    "not_in": lambda a, e, _: a not in _as_list(e),
    "gte": lambda a, e, _: (lambda x, y: x >= y)(*_ordered(a, e)),
    "lte": lambda a, e, _: (lambda x, y: x <= y)(*_ordered(a, e)),
    "gt": lambda a, e, _: (lambda x, y: x > y)(*_ordered(a, e)),
    "lt": lambda a, e, _: (lambda x, y: x < y)(*_ordered(a, e)),
    "exists": lambda a, e, _: True,
    "contains": lambda a, e, _: e in _as_list(a),
    "not_contains": lambda a, e, _: e not in _as_list(a),
    "contains_all": lambda a, e, _: all(item in _as_list(a) for item in _as_list(e)),
    "subset": lambda a, e, _: all(item in _as_list(e) for item in _as_list(a)),
    "within_days": _within_days,
}

_SYMBOLS = {
    "equals": "= {v}",
    "not_equals": "≠ {v}",
    "in": "∈ {v}",
    "not_in": "∉ {v}",
    "gte": "≥ {v}",
    "lte": "≤ {v}",
    "gt": "> {v}",
    "lt": "< {v}",
    "exists": "declared",
    "contains": "∋ {v}",
    "not_contains": "∌ {v}",
    "contains_all": "⊇ {v}",
    "subset": "⊆ {v}",
    "within_days": "within {v} days",
}


def show(value: Any) -> str:
    """A compact, language-neutral rendering of a declared or expected value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return "null"
    return str(value)


def describe(condition: Condition) -> str:
    """The condition written out, e.g. ``network.model ∈ [beta, beta_prime]``."""
    if isinstance(condition, Leaf):
        operand = condition.value_path if condition.value_path is not None else show(condition.value)
        return f"{condition.path} {_SYMBOLS[condition.op].format(v=operand)}"
    if isinstance(condition, All):
        return " and ".join(_group(describe(part)) for part in condition.all)
    if isinstance(condition, AnyOf):
        return " or ".join(_group(describe(part)) for part in condition.any)
    return f"not {_group(describe(condition.not_))}"


def _group(text: str) -> str:
    return f"({text})" if " and " in text or " or " in text else text


def evaluate(condition: Condition, data: Mapping[str, Any], today: dt.date) -> Verdict:
    """Evaluate ``condition``; the verdict's evidence names the leaf that decided the result, and
    its ``failures`` every failed part."""
    if isinstance(condition, Leaf):
        return _leaf(condition, data, today)
    if isinstance(condition, All):
        verdicts = [evaluate(part, data, today) for part in condition.all]
        deciding = next((v for v in verdicts if not v.holds), verdicts[0])
        return Verdict(
            all(v.holds for v in verdicts),
            deciding.path,
            deciding.actual,
            deciding.expected,
            deciding.declared,
            _first_error(verdicts),
            tuple(part for v in verdicts for part in v.failed_parts()),
            deciding.expectation,
        )
    if isinstance(condition, AnyOf):
        verdicts = [evaluate(part, data, today) for part in condition.any]
        passing = next((v for v in verdicts if v.holds), None)
        if passing is not None:
            return passing
        first = verdicts[0]
        expected = " or ".join(_group(v.expected) for v in verdicts)
        either = Expectation("any", first.path, parts=tuple(_parts(verdicts)))
        return Verdict(
            False, first.path, first.actual, expected, first.declared, _first_error(verdicts), expectation=either
        )
    inner = evaluate(condition.not_, data, today)
    negated = Expectation("not", inner.path, parts=tuple(_parts([inner])))
    text = f"not {_group(inner.expected)}"
    if not inner.declared:  # "not X" on an undeclared value is not evidence of anything
        return Verdict(False, inner.path, inner.actual, text, False, inner.error, expectation=negated)
    return Verdict(not inner.holds, inner.path, inner.actual, text, True, inner.error, expectation=negated)


def _parts(verdicts: list[Verdict]) -> list[Expectation]:
    return [v.expectation for v in verdicts if v.expectation is not None]


def _first_error(verdicts: list[Verdict]) -> str | None:
    return next((v.error for v in verdicts if v.error), None)


def _leaf(leaf: Leaf, data: Mapping[str, Any], today: dt.date) -> Verdict:
    operand = leaf.value
    if leaf.value_path is not None:
        operand = lookup(data, leaf.value_path)
        if operand is _MISSING:  # the reference itself is undeclared: nothing to compare with
            expected = _SYMBOLS[leaf.op].format(v=leaf.value_path)
            unresolved = Expectation(leaf.op, leaf.path, reference=leaf.value_path, resolved=False)
            return Verdict(False, leaf.value_path, None, expected, declared=False, expectation=unresolved)
        expected = f"{_SYMBOLS[leaf.op].format(v=show(operand))} ({leaf.value_path})"
    else:
        expected = _SYMBOLS[leaf.op].format(v=show(operand))
    asked = Expectation(leaf.op, leaf.path, operand, leaf.value_path)
    actual = lookup(data, leaf.path)
    if actual is _MISSING:
        return Verdict(False, leaf.path, None, expected, declared=False, expectation=asked)
    try:
        holds = OPERATORS[leaf.op](actual, operand, today)
    except OperandError as exc:
        return Verdict(False, leaf.path, actual, expected, declared=True, error=str(exc), expectation=asked)
    return Verdict(bool(holds), leaf.path, actual, expected, declared=True, expectation=asked)
