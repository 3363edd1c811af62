"""Shared building blocks of the policy model: the strict base class, field helper and vocabularies."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetPydanticSchema, WithJsonSchema
from pydantic_core import CoreSchema, core_schema

from auditor.vocab import EDITIONS, Edition, EntityType, Frequency, NetworkModel

__all__ = [
    "EDITIONS",
    "Edition",
    "EntityType",
    "FormatVersion",
    "Frequency",
    "NetworkModel",
    "Section",
    "declared",
    "submodel",
]


def _integer_first(source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    return core_schema.chain_schema([core_schema.int_schema(strict=True), handler(source)])


FormatVersion = Annotated[
    Literal[1],
    GetPydanticSchema(_integer_first),
    WithJsonSchema({"const": 1, "type": "integer"}),
]
"""The version of a file format (``schema_version``): exactly the integer 1.

``Literal[1]`` alone accepts ``true`` and ``1.0``, which equal 1 in Python; an integer check
comes first, in the models and in the compiled schema alike."""


class Section(BaseModel):
    """Base of every policy section: unknown keys are errors and values are immutable."""

    # strict: a quoted "true" or "2" is a type error, not silently coerced (YAML already types values).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def declared(description: str, example: Any = None) -> Any:
    """A field a policy may leave out; a rule that needs it then fails as "not declared".

    ``description`` is shown in editors (JSON Schema) and as the comment in ``auditor init``;
    ``example`` is the value the template proposes, normally the guideline-compliant one.
    """
    return Field(default=None, description=description, examples=[example] if example is not None else None)


def submodel(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (``Section``, ``Section | None``), or None for a plain value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None
