"""Shared building blocks of the policy model: the strict base class, field helper and vocabularies."""

from __future__ import annotations

import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field

from auditor.vocab import EDITIONS, Edition, EntityType, Frequency, NetworkModel

__all__ = ["EDITIONS", "Edition", "EntityType", "Frequency", "NetworkModel", "Section", "declared", "submodel"]


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
