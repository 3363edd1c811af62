"""Checking a rule against the policy schema: the paths it reads exist, its operators and values fit.

The rule model alone accepts ``path: no.such.field`` or ``op: gte`` on a yes/no field; such a
rule could never pass, or would end every audit in ``error``. Extra rule packs (``--rules DIR``)
are untrusted data, so :func:`schema_problems` is run on each of their rules when the catalogue
is loaded, and a pack with any problem is refused. It is pure inspection: nothing in a rule is
executed or evaluated here.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from typing import Any, Literal, Union

from pydantic import BaseModel

from auditor.i18n import t
from auditor.rules.rule import All, AnyOf, Condition, Leaf, Not, Rule
from auditor.vocab import EDITIONS

RuleKey = tuple[str | int, ...]
"""Where in the rule file a problem is (a path into the rule's YAML), for its line number."""

_ORDERED = ("gte", "lte", "gt", "lt")
_SCALAR_VALUE = ("equals", "not_equals")
_LIST_VALUE = ("in", "not_in")
_ITEM_VALUE = ("contains", "not_contains")
_ITEMS_VALUE = ("contains_all", "subset")


def policy_field(path: str) -> Any:
    """The annotation of the field at dotted ``path``, or None when the schema has no such field.

    Paths are policy fields, or the audit context (``audited_against.edition``/``.date``) that the
    engine provides next to them.
    """
    from auditor.policy import Policy
    from auditor.policy.context import AuditContext
    from auditor.rules.context import CONTEXT_ROOT

    model: type[BaseModel] | None = Policy
    if path.split(".", 1)[0] == CONTEXT_ROOT:
        model, path = AuditContext, path.partition(".")[2]
    annotation: Any = None
    for part in path.split("."):
        if model is None or part not in model.model_fields:
            return None
        annotation = _optional_inner(model.model_fields[part].annotation)
        model = annotation if _is_model(annotation) else None
    return annotation


def leaves_with_keys(condition: Condition | None, key: RuleKey) -> Iterator[tuple[Leaf, RuleKey]]:
    """Every leaf of ``condition`` with its place in the rule file."""
    if condition is None:
        return
    if isinstance(condition, Leaf):
        yield condition, key
    elif isinstance(condition, All):
        for index, part in enumerate(condition.all):
            yield from leaves_with_keys(part, (*key, "all", index))
    elif isinstance(condition, AnyOf):
        for index, part in enumerate(condition.any):
            yield from leaves_with_keys(part, (*key, "any", index))
    elif isinstance(condition, Not):
        yield from leaves_with_keys(condition.not_, (*key, "not"))


def schema_problems(rule: Rule) -> list[tuple[RuleKey, str]]:
    """Every way ``rule`` does not fit the policy schema or the document registry, each with where it
    is in the rule file."""
    problems: list[tuple[RuleKey, str]] = [(("sources", index), message) for index, message in source_problems(rule)]
    conditions = ((rule.check, ("check",)), (rule.applies_to.when, ("applies_to", "when")))
    for condition, key in conditions:
        for leaf, leaf_key in leaves_with_keys(condition, key):
            found = leaf_problem(leaf)
            if found is not None:
                problems.append(((*leaf_key, found[0]), found[1]))
    return problems


def source_problems(rule: Rule) -> list[tuple[int, str]]:
    """What is wrong with the rule's sources (index into ``sources``, message): an unknown document,
    editions on a document other than the guideline, an in-force date on anything but a law, a law
    without one, a section for an edition the source does not list, or secondary sources only."""
    from auditor.rules.documents import document

    problems: list[tuple[int, str]] = []
    kinds = []
    for index, source in enumerate(rule.sources):
        found = document(source.document)
        if found is None:
            problems.append((index, t("rules.document_unknown", document=source.document)))
            continue
        kinds.append(found.kind)
        if source.editions and found.kind != "guideline":
            problems.append((index, t("rules.editions_not_guideline", document=source.document)))
        if found.kind == "guideline" and not source.editions:
            problems.append((index, t("rules.guideline_without_editions")))
        if (source.in_force_from is not None) != (found.kind == "law"):
            problems.append((index, t("rules.in_force_only_law", document=source.document)))
        for edition in source.sections:
            if edition not in source.editions:
                problems.append((index, t("rules.section_edition_unlisted", edition=edition)))
    if kinds and all(kind == "secondary" for kind in kinds):
        problems.append((0, t("rules.secondary_only")))
    return problems


def leaf_problem(leaf: Leaf) -> tuple[str, str] | None:
    """Why ``leaf`` cannot work on the policy schema (the rule key at fault, message), or None."""
    annotation = policy_field(leaf.path)
    if annotation is None:
        guess = _closest_path(leaf.path)
        hint = t("validate.did_you_mean", guess=guess) if guess else ""
        return "path", t("rules.path_unknown", path=leaf.path) + hint
    op, value = leaf.op, leaf.value
    kind = describe_type(annotation)
    item = _list_item(annotation)
    if leaf.value_path is not None:
        other = policy_field(leaf.value_path)
        if other is None:
            guess = _closest_path(leaf.value_path)
            message = t("rules.path_unknown", path=leaf.value_path)
            return "value_path", message + (t("validate.did_you_mean", guess=guess) if guess else "")
        if _operands_fit(op, annotation, other):
            return None
        return "op", t(
            "rules.op_mismatch", op=op, path=leaf.path, kind=kind, value=f"{leaf.value_path} ({describe_type(other)})"
        )
    if op == "exists":
        fits = value is None
    elif op in _SCALAR_VALUE:
        fits = value_fits(value, annotation)
    elif op in _LIST_VALUE:
        fits = item is None and isinstance(value, list) and all(value_fits(v, annotation) for v in value)
    elif op in _ORDERED:
        fits = _ordered_fits(annotation, value)
    elif op in _ITEM_VALUE:
        fits = item is not None and value_fits(value, item)
    elif op in _ITEMS_VALUE:
        fits = item is not None and isinstance(value, list) and all(value_fits(v, item) for v in value)
    else:  # within_days
        fits = annotation is dt.date and isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if fits:
        return None
    return "op", t("rules.op_mismatch", op=op, path=leaf.path, kind=kind, value=_show(value))


def value_fits(value: Any, annotation: Any) -> bool:
    """True when ``value`` is something the policy could declare for a field of this type."""
    annotation = _optional_inner(annotation)
    if typing.get_origin(annotation) is Literal:
        return any(value == choice and type(value) is type(choice) for choice in typing.get_args(annotation))
    if typing.get_origin(annotation) is list:
        item = typing.get_args(annotation)[0]
        return isinstance(value, list) and all(value_fits(v, item) for v in value)
    if annotation is bool:
        return isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is str:
        return isinstance(value, str)
    if annotation is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    return False  # a whole section, or a list of records: compare with 'exists' only


def describe_type(annotation: Any) -> str:
    """A short name of a field type for messages (``true/false``, ``one of a, b``, ``list of ...``)."""
    annotation = _optional_inner(annotation)
    if typing.get_origin(annotation) is Literal:
        return "one of " + ", ".join(str(choice) for choice in typing.get_args(annotation))
    if typing.get_origin(annotation) is list:
        return "list of " + describe_type(typing.get_args(annotation)[0])
    names = {bool: "true/false", int: "integer", float: "number", str: "text", dt.date: "date"}
    if annotation in names:
        return names[annotation]
    return "section" if _is_model(annotation) else str(annotation)


def _closest_path(path: str) -> str | None:
    """The existing path nearest to a misspelt one (one misspelt part), for "did you mean"."""
    import difflib

    from auditor.policy import Policy

    parts = path.split(".")
    model: type[BaseModel] = Policy
    for index, part in enumerate(parts):
        if part not in model.model_fields:
            guess = difflib.get_close_matches(part, list(model.model_fields), n=1, cutoff=0.6)
            if not guess:
                return None
            candidate = ".".join([*parts[:index], guess[0], *parts[index + 1 :]])
            return candidate if policy_field(candidate) is not None else None
        inner = _optional_inner(model.model_fields[part].annotation)
        if not _is_model(inner):
            return None
        model = inner
    return None


def _ordered_fits(annotation: Any, value: Any) -> bool:
    if isinstance(value, bool):
        return False
    kind = _kind(annotation)
    if kind == "number":
        return isinstance(value, int | float)
    if kind == "date":
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind == "edition":
        return value in EDITIONS
    return False


def _kind(annotation: Any) -> str | tuple[str, object]:
    """What a field holds, for comparing two fields: number, text, edition, date, ('list', kind)..."""
    annotation = _optional_inner(annotation)
    if typing.get_origin(annotation) is Literal:
        choices = typing.get_args(annotation)
        if all(choice in EDITIONS for choice in choices):
            return "edition"
        if all(isinstance(choice, bool) for choice in choices):
            return "bool"
        return "number" if all(isinstance(choice, int) for choice in choices) else "text"
    if typing.get_origin(annotation) is list:
        return ("list", _kind(typing.get_args(annotation)[0]))
    kinds: dict[Any, str] = {bool: "bool", int: "number", float: "number", str: "text", dt.date: "date"}
    return kinds.get(annotation, "section")


def _operands_fit(op: str, field: Any, other: Any) -> bool:
    """Whether a field can be compared by ``op`` with the value at another path (``value_path``)."""
    mine: object = _kind(field)
    theirs: object = _kind(other)
    if op in _SCALAR_VALUE:
        return mine == theirs and mine != "section"
    if op in _ORDERED:
        return mine == theirs and mine in ("number", "date", "edition")
    if op in _LIST_VALUE:
        return theirs == ("list", mine)
    if op in _ITEM_VALUE:
        return mine == ("list", theirs)
    if op in _ITEMS_VALUE:
        return isinstance(mine, tuple) and mine == theirs
    if op == "within_days":
        return mine == "date" and theirs == "number"
    return False  # 'exists' takes no operand


def _list_item(annotation: Any) -> Any:
    annotation = _optional_inner(annotation)
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None


def _optional_inner(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _show(value: Any) -> str:
    from auditor.files.textsafe import clip
    from auditor.rules.conditions import show

    return clip(show(value)) if isinstance(value, list) else _show_scalar(value)


def _show_scalar(value: Any) -> str:
    from auditor.files.validation import show_value

    return show_value(value)
