"""Shared building blocks of the policy model: the strict base class, field helper and vocabularies."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


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


Frequency = Literal["continuous", "daily", "weekly", "monthly", "quarterly", "annual", "ad_hoc", "none"]
"""How often something is done; 'annual' means every fiscal year (毎年度)."""

NetworkModel = Literal["alpha", "alpha_prime", "beta", "beta_prime"]
"""三層の対策のモデル: α, α' (R6.10), β, β' (R2.12)."""

EntityType = Literal["municipality", "prefecture"]

Edition = Literal["R2.12", "R4.3", "R5.3", "R6.10", "R7.3"]
"""Guideline editions: 令和2年12月版, 令和4年3月版, 令和5年3月版, 令和6年10月版, 令和7年3月版."""

EDITIONS: tuple[str, ...] = ("R2.12", "R4.3", "R5.3", "R6.10", "R7.3")


def submodel(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (``Section``, ``Section | None``), or None for a plain value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                return arg
    return None
