"""Turning pydantic validation errors into located, translated, one-line problems.

Each error is mapped back to ``file:line:col`` through the YAML positions; unknown keys get a
"did you mean" suggestion from the fields the model does accept at that place.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from auditor.errors import Problem
from auditor.i18n import language, t
from auditor.yamlsource import YamlDocument

_JA_MESSAGES = {
    "bool_type": "真偽値（true / false）を指定してください",
    "int_type": "整数を指定してください",
    "string_type": "文字列を指定してください",
    "list_type": "リストを指定してください",
    "dict_type": "マッピング（キー: 値）を指定してください",
    "model_type": "マッピング（キー: 値）を指定してください",
    "date_type": "日付（YYYY-MM-DD、引用符なし）を指定してください",
    "float_type": "数値を指定してください",
    "string_too_short": "空にできません",
    "string_too_long": "長すぎます",
    "too_short": "要素が足りません",
    "string_pattern_mismatch": "形式が正しくありません",
}


def problems_from_validation(exc: ValidationError, document: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    """One problem per distinct validation error, located in ``document``."""
    problems: dict[tuple[Any, ...], Problem] = {}
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"], model)
        key = (loc, error["type"])
        if key in problems:
            continue
        position = document.position(loc)
        message = _message(error, loc, model)
        problems[key] = Problem(
            document.file, position.line if position else None, position.column if position else None, message
        )
    return list(problems.values())


def _clean_loc(loc: tuple[int | str, ...], model: type[BaseModel]) -> tuple[int | str, ...]:
    """Drop the union-member tags pydantic inserts (e.g. ``Leaf``) so the path matches the YAML."""
    return tuple(part for part in loc if not (isinstance(part, str) and part[:1].isupper()))


def _dotted(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top)"


def _message(error: Any, loc: tuple[int | str, ...], model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _model_at(model, loc[:-1])
        guess = difflib.get_close_matches(key, list(parent.model_fields) if parent else [], n=1, cutoff=0.6)
        where = _dotted(loc[:-1])
        text = t("validate.unknown_key", key=key) + (t("validate.did_you_mean", guess=guess[0]) if guess else "")
        return f"{where}: {text}" if loc[:-1] else text
    if kind == "missing":
        return t("validate.missing", key=_dotted(loc))
    return t("validate.invalid", path=_dotted(loc), detail=_detail(error))


def _detail(error: Any) -> str:
    kind = error["type"]
    given = error.get("input")
    given_text = "" if isinstance(given, dict | list) else f" (given: {given!r})"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        text = f"次のいずれかを指定してください: {expected}" if language() == "ja" else f"expected one of {expected}"
        return text + given_text
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(error.get("ctx", {}).values()), "")
        symbol = {"greater_than_equal": "≥", "less_than_equal": "≤", "greater_than": ">", "less_than": "<"}[kind]
        text = f"{symbol} {bound} の値を指定してください" if language() == "ja" else f"must be {symbol} {bound}"
        return text + given_text
    if language() == "ja" and kind in _JA_MESSAGES:
        return _JA_MESSAGES[kind] + given_text
    return str(error["msg"]) + given_text


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``loc`` (for "did you mean")."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
