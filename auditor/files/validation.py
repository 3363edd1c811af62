"""Turning pydantic validation errors into located, translated, one-line problems.

Each error is mapped back to ``file:line:col`` through the YAML positions; unknown keys get a
"did you mean" suggestion from the fields the model accepts at that place. Where the schema
offers alternatives (a rule's condition is a comparison, ``all``, ``any`` or ``not``), pydantic
reports the failure of every alternative; only the alternative the input was evidently meant to
be (the one sharing most keys with it) is reported, or a single "expected one of" problem.
Values quoted back from the input are clipped, so a megabyte-long value makes a short message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from auditor.errors import Problem
from auditor.files.textsafe import clip
from auditor.files.yamlsource import YamlDocument
from auditor.i18n import MESSAGES, t

Loc = tuple[int | str, ...]

_BOUNDS = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}


@dataclass(frozen=True)
class _Choice:
    """Where the schema offered alternatives (a union of models) and which one an error belongs to."""

    prefix: Loc
    tag: str
    members: tuple[type[BaseModel], ...]


@dataclass(frozen=True)
class _Located:
    """One pydantic error with its path as written in the YAML."""

    error: Any
    loc: Loc
    choices: tuple[_Choice, ...]
    container: type[BaseModel] | None  # the model that owns the last key of ``loc``


def problems_from_validation(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """One problem per distinct validation error, located in ``document``."""
    located = [_locate(error, model) for error in exc.errors(include_url=False)]
    kept, problems = _resolve_unions(located, document)
    seen: set[tuple[Any, ...]] = set()
    for item in kept:
        key = (item.loc, item.error["type"])
        if key in seen:
            continue
        seen.add(key)
        # A key missing from the top level has no line of its own to point at.
        unplaced = item.error["type"] == "missing" and len(item.loc) == 1
        problems.append(_problem(document, () if unplaced else item.loc, _message(item), placed=not unplaced))
    return problems


def _problem(document: YamlDocument, loc: Loc, message: str, *, placed: bool = True) -> Problem:
    position = document.position(loc) if placed else None
    return Problem(document.file, position.line if position else None, position.column if position else None, message)


# --- walking the schema along an error's location ------------------------------------------


def _non_none(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    return [annotation]


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _union_members(annotation: Any) -> dict[str, type[BaseModel]]:
    args = _non_none(annotation)
    if len(args) > 1 and all(_is_model(arg) for arg in args):
        return {arg.__name__: arg for arg in args}
    return {}


def _field_names(model: type[BaseModel]) -> dict[str, Any]:
    """Field annotations by the name used in YAML (the alias where there is one)."""
    return {(info.alias or name): info.annotation for name, info in model.model_fields.items()}


def _step(annotation: Any, part: int | str) -> tuple[Any, type[BaseModel] | None]:
    """The annotation one step down ``part``, and the model that owns ``part`` (if any)."""
    args = _non_none(annotation)
    if len(args) != 1:
        return None, None
    current = args[0]
    if _is_model(current):
        if isinstance(part, str):
            return _field_names(current).get(part), current
        return None, None
    origin = typing.get_origin(current)
    if origin is list and isinstance(part, int):
        return (typing.get_args(current) or (None,))[0], None
    if origin is dict:
        return (typing.get_args(current) or (None, None))[-1], None
    return None, None


_WRAPPED_TAG = re.compile(r"^function-\w+\[.*,\s*(\w+)\]$")


def _member_tag(part: int | str, members: dict[str, type[BaseModel]]) -> str | None:
    """The union member ``part`` names: ``Leaf``, or ``function-after[_check(), Leaf]`` for a model
    with a validator (pydantic's tag then names the validator too)."""
    if not isinstance(part, str):
        return None
    if part in members:
        return part
    wrapped = _WRAPPED_TAG.match(part)
    return wrapped.group(1) if wrapped and wrapped.group(1) in members else None


def _locate(error: Any, model: type[BaseModel]) -> _Located:
    current: Any = model
    clean: list[int | str] = []
    choices: list[_Choice] = []
    container: type[BaseModel] | None = None
    for part in error["loc"]:
        members = _union_members(current)
        tag = _member_tag(part, members) if members else None
        if tag is not None:
            choices.append(_Choice(tuple(clean), tag, tuple(members.values())))
            current = members[tag]
            continue
        clean.append(part)
        current, container = _step(current, part)
    return _Located(error, tuple(clean), tuple(choices), container)


# --- choosing among alternatives -----------------------------------------------------------


def _data_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _resolve_unions(located: list[_Located], document: YamlDocument) -> tuple[list[_Located], list[Problem]]:
    """Keep the errors of the alternative the input was meant to be; summarise when none fits."""
    alive = list(located)
    problems: list[Problem] = []
    prefixes = sorted({choice.prefix for item in located for choice in item.choices}, key=lambda p: (len(p), str(p)))
    for prefix in prefixes:
        group = [item for item in alive if any(c.prefix == prefix for c in item.choices)]
        if not group:
            continue
        members = next(c.members for c in group[0].choices if c.prefix == prefix)
        data = _data_at(document.data, prefix)
        tag = _best_member(data, members, group, prefix)
        in_group = {id(item) for item in group}
        if tag is None:
            alive = [item for item in alive if id(item) not in in_group]
            problems.extend(_no_alternative_fits(document, prefix, data, members))
        else:
            alive = [
                item
                for item in alive
                if id(item) not in in_group or any(c.prefix == prefix and c.tag == tag for c in item.choices)
            ]
    return alive, problems


def _best_member(data: Any, members: tuple[type[BaseModel], ...], group: list[_Located], prefix: Loc) -> str | None:
    if not isinstance(data, dict):
        return None
    keys = set(data)

    def errors_for(tag: str) -> int:
        return sum(1 for item in group if any(c.prefix == prefix and c.tag == tag for c in item.choices))

    scored = [
        (len(keys & set(_field_names(member))), -errors_for(member.__name__), -index, member.__name__)
        for index, member in enumerate(members)
    ]
    best = max(scored)
    return best[3] if best[0] > 0 else None


def _no_alternative_fits(
    document: YamlDocument, prefix: Loc, data: Any, members: tuple[type[BaseModel], ...]
) -> list[Problem]:
    forms = " | ".join("/".join(_field_names(member)) for member in members)
    problems = [_problem(document, prefix, t("validate.union", path=_dotted(prefix), forms=forms) + _given_text(data))]
    if isinstance(data, dict):
        accepted = sorted({name for member in members for name in _field_names(member)})
        for key in data:
            if key not in accepted:
                problems.append(_problem(document, (*prefix, key), _unknown_key(str(key), prefix, accepted)))
    return problems


# --- messages ------------------------------------------------------------------------------


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top)"


def _unknown_key(key: str, parent: Loc, accepted: list[str]) -> str:
    guess = _closest(key, accepted)
    text = t("validate.unknown_key", key=clip(key)) + (t("validate.did_you_mean", guess=guess) if guess else "")
    return f"{_dotted(parent)}: {text}" if parent else text


def _closest(key: str, accepted: list[str]) -> str | None:
    """The accepted key a misspelt one was meant to be (case-insensitive), or None."""
    by_lower = {name.lower(): name for name in accepted}
    guess = difflib.get_close_matches(key.lower(), list(by_lower), n=1, cutoff=0.75)
    return by_lower[guess[0]] if guess else None


def _message(item: _Located) -> str:
    error, loc = item.error, item.loc
    kind = error["type"]
    if kind == "extra_forbidden" and loc:
        accepted = list(_field_names(item.container)) if item.container else []
        return _unknown_key(str(loc[-1]), loc[:-1], accepted)
    if kind == "missing":
        return t("validate.missing", key=_dotted(loc))
    return t("validate.invalid", path=_dotted(loc), detail=_detail(error))


def _detail(error: Any) -> str:
    kind = error["type"]
    given = error.get("input")
    given_text = _given_text(given)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return t("validate.detail.literal", expected=expected) + given_text
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind in _BOUNDS:
        bound = next(iter(error.get("ctx", {}).values()), "")
        symbol = _BOUNDS[kind]
        return t("validate.detail.bound", symbol=symbol, bound=bound) + given_text
    # pydantic's own (English) text for error types the message table does not know
    text = t(f"validate.detail.{kind}") if f"validate.detail.{kind}" in MESSAGES else str(error["msg"])
    if kind == "string_type" and isinstance(given, int | float | bool | dt.date):
        # e.g. `code: 012343` unquoted: YAML reads a number (octal here), not the digits written.
        return text + given_text + t("validate.quote_hint")
    return text + given_text


def _given_text(given: Any) -> str:
    if isinstance(given, dict | list):
        return ""
    return t("validate.given", value=show_value(given))


def show_value(value: Any) -> str:
    """A value as YAML would spell it, clipped for a one-line message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(clip(value))
    return clip(str(value))
