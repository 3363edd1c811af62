"""The rule schema: pydantic models that validate rule files and publish the rule JSON Schema.

The models are generated from the dataclasses of :mod:`auditor.rules.rule`, which declare every
field once (type, default, docstring, ``__post_init__`` check, and the schema-only facts in the
field's metadata). Each model has the name of its dataclass, so the JSON Schema and every error
message name the same things as the code; :func:`to_rule` turns a validated model into the runtime
rule. Only validating a rule file (a fresh parse, ``rules lint``, publishing the schema) imports
this module.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, ForwardRef, Union

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from auditor.rules import rule as runtime


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_RUNTIME_NAMES = {cls: cls.__name__ for cls in runtime.SCHEMA_CLASSES}


def _annotation(hint: Any, item_pattern: str | None = None) -> Any:
    """``hint`` with every runtime class replaced by a reference to the model of the same name."""
    if hint in _RUNTIME_NAMES:
        return ForwardRef(_RUNTIME_NAMES[hint])
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        return Union[tuple(_annotation(arg) for arg in args)]  # noqa: UP007  (built from a tuple)
    if origin is list:
        item = _annotation(args[0])
        return list[Annotated[item, Field(pattern=item_pattern)] if item_pattern else item]  # type: ignore[misc]
    if origin is dict:
        return dict[args[0], _annotation(args[1])]  # type: ignore[misc,valid-type]
    return hint


def _default(item: dataclasses.Field[Any], models: dict[str, type[BaseModel]]) -> dict[str, Any]:
    """The field's default as pydantic's ``Field`` takes it (nothing for a required field)."""
    if item.default is not dataclasses.MISSING:
        return {"default": item.default}
    factory: Any = item.default_factory
    if factory is dataclasses.MISSING:
        return {}
    if factory in _RUNTIME_NAMES:  # a nested rule part: its model, built on use
        name = _RUNTIME_NAMES[factory]
        return {"default_factory": lambda: models[name]()}
    return {"default": factory()}  # a plain value (pydantic copies mutable defaults per instance)


def _post_init_check(cls: type) -> dict[str, Any]:
    """The dataclass's ``__post_init__`` check as an after-validator of its model (or nothing)."""
    check: Callable[[Any], None] | None = getattr(cls, "__post_init__", None)
    if check is None:
        return {}

    def post_init(model: Any) -> Any:
        check(model)  # reads the same attribute names on the model as on the dataclass
        return model

    return {"post_init": model_validator(mode="after")(post_init)}


def _model(cls: type, models: dict[str, type[BaseModel]]) -> type[BaseModel]:
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        facts = dict(item.metadata.get(runtime.SCHEMA_KEY, {}))
        annotation = _annotation(hints[item.name], facts.pop("item_pattern", None))
        fields[item.name] = (annotation, Field(**facts, **_default(item, models)))
    return create_model(
        cls.__name__,
        __base__=_Strict,
        __doc__=cls.__doc__,
        __module__=__name__,
        __validators__=_post_init_check(cls),
        **fields,
    )


def _build() -> dict[str, type[BaseModel]]:
    models: dict[str, type[BaseModel]] = {}
    for cls in runtime.SCHEMA_CLASSES:
        models[cls.__name__] = _model(cls, models)
    for model in models.values():  # resolve the references between them (conditions nest)
        model.model_rebuild(_types_namespace=models)
    return models


MODELS: dict[str, type[BaseModel]] = _build()
"""The generated model of every class of a rule file, by name."""

Rule = MODELS["Rule"]
"""The model of a whole rule file."""


def to_rule(model: BaseModel) -> runtime.Rule:
    """The runtime rule for a validated model."""
    return runtime.rule_from_data(model.model_dump())
