"""Checks of the rule catalogue itself (``auditor rules lint``).

A rule is wrong when: a path it checks does not exist in the policy schema, an operator does not
fit the field's type, an id does not match its area prefix or file name, a citation or
translation is missing, or its pass/fail examples do not behave as stated.
"""

from __future__ import annotations

import copy
import datetime as dt
import types
import typing
from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from auditor.catalogue import Catalogue, LoadedRule
from auditor.engine import evaluate_rule
from auditor.errors import InputError, Problem
from auditor.loader import validate_policy
from auditor.policy import Policy
from auditor.rule import ID_PREFIXES, All, AnyOf, Condition, Leaf, Not, Rule
from auditor.yamlsource import YamlDocument

EXAMPLE_DATE = dt.date(2026, 11, 22)
"""Fixed date at which rule examples are evaluated, so lint results never change with the clock."""

BASE_ENTITIES = {
    "municipality": {"name": "例示市", "code": "019992", "type": "municipality"},
    "prefecture": {"name": "例示県", "code": "470007", "type": "prefecture"},
}


def leaves(condition: Condition | None) -> Iterator[Leaf]:
    """Every leaf comparison in ``condition``."""
    if condition is None:
        return
    if isinstance(condition, Leaf):
        yield condition
    elif isinstance(condition, All):
        for part in condition.all:
            yield from leaves(part)
    elif isinstance(condition, AnyOf):
        for part in condition.any:
            yield from leaves(part)
    elif isinstance(condition, Not):
        yield from leaves(condition.not_)


def field_annotation(path: str) -> Any:
    """The type annotation of the policy field at dotted ``path``, or None when there is none."""
    model: type[BaseModel] | None = Policy
    annotation: Any = None
    for part in path.split("."):
        if model is None or part not in model.model_fields:
            return None
        annotation = model.model_fields[part].annotation
        model = _submodel(annotation)
    return annotation


def _submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None


def example_policy(rule: Rule, fragment: dict[str, Any], name: str) -> YamlDocument:
    """A minimal valid policy for ``rule`` with ``fragment`` merged in."""
    base: dict[str, Any] = {
        "entity": dict(BASE_ENTITIES[rule.applies_to.entities[0]]),
        "policy": {"guideline_edition": rule.guideline.editions[-1]},
        "network": {"model": rule.applies_to.models[0]},
    }
    merged = deep_merge(base, fragment)
    return YamlDocument(file=name, data=merged, positions={}, sha256="")


def deep_merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """``overlay`` merged into a copy of ``base`` (mappings recursively, other values replaced)."""
    result = copy.deepcopy(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def run_example(loaded: LoadedRule, kind: str, index: int, fragment: dict[str, Any], edition: str) -> str:
    """The status the rule gives on one of its example fragments."""
    document = example_policy(loaded.rule, fragment, f"{loaded.file}#examples.{kind}[{index}]")
    policy = validate_policy(document)
    return evaluate_rule(loaded.rule, policy, edition=edition, today=EXAMPLE_DATE).status


def lint_rule(loaded: LoadedRule) -> list[Problem]:
    """Every problem with one rule."""
    rule = loaded.rule
    problems: list[Problem] = []

    def report(message: str, key: tuple[str | int, ...] = ("id",)) -> None:
        position = loaded.document.position(key)
        problems.append(Problem(loaded.file, position.line if position else None, None, f"{rule.id}: {message}"))

    prefix = rule.id.split("-")[0]
    if ID_PREFIXES.get(prefix) != rule.area:
        report(f"id prefix '{prefix}' does not belong to area '{rule.area}'")
    stem = loaded.file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if stem != rule.id:
        report(f"file name '{stem}' should be the rule id")
    if rule.check is None and rule.manual is None:
        report("has neither a check nor manual evidence", ("check",))
    for edition in rule.guideline.sections:
        if edition not in rule.guideline.editions:
            report(f"section given for edition {edition}, which the rule does not list", ("guideline",))
    conditions = [c for c in (rule.check, rule.applies_to.when) if c is not None]
    for condition in conditions:
        for leaf in leaves(condition):
            if field_annotation(leaf.path) is None:
                report(f"path '{leaf.path}' does not exist in the policy schema", ("check",))
    edition = rule.guideline.editions[-1]
    examples = rule.examples
    if rule.check is not None and not (examples.fail and (examples.pass_ or examples.manual)):
        report("a rule with a check needs 'fail' and 'pass' (or 'manual') examples", ("examples",))
    expectations = {"pass": examples.pass_, "fail": examples.fail,
                    "not_applicable": examples.not_applicable,
                    "manual": examples.manual or ([] if rule.check is not None else [{}])}
    for kind, fragments in expectations.items():
        for index, fragment in enumerate(fragments):
            try:
                status = run_example(loaded, kind, index, fragment, edition)
            except (InputError, ValidationError) as exc:
                report(f"example {kind}[{index}] is not a valid policy: {str(exc).splitlines()[0]}", ("examples",))
                continue
            if status != kind:
                report(f"example {kind}[{index}] gives '{status}', expected '{kind}'", ("examples",))
    return problems


def lint_catalogue(catalogue: Catalogue) -> list[Problem]:
    """Every problem in every rule of ``catalogue``."""
    return [problem for loaded in catalogue.rules for problem in lint_rule(loaded)]
