"""The rule schema: pydantic models that validate rule files and publish the rule JSON Schema.

The engine works with the plain :mod:`auditor.rules.rule` dataclasses; these models are the schema they
are validated against (a rule file, a rule pack, ``rules lint``), and :func:`to_rule` turns a
validated model into the runtime rule. Class names match :mod:`auditor.rules.rule`, so the JSON Schema
and every error message name the same things.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from auditor.rules import rule as runtime
from auditor.rules.rule import ID_PATTERN, PATH_PATTERN, Area, Level, Operator, Severity
from auditor.vocab import Edition, EntityType, NetworkModel


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in Japanese and English."""

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Leaf(_Strict):
    """Compare the value at ``path`` (dotted, e.g. ``network.segments.mynumber.isolated``) with ``value``.

    ``value_path`` instead of ``value`` compares with the value at another path: another policy
    field, or the audit context (``audited_against.edition``, ``audited_against.date``).
    """

    path: str = Field(pattern=PATH_PATTERN)
    op: Operator
    value: Any = None
    value_path: str | None = Field(
        default=None,
        pattern=PATH_PATTERN,
        description="Compare with the value at this path (e.g. audited_against.edition) instead of 'value'",
    )

    @model_validator(mode="after")
    def _one_operand(self) -> Leaf:
        if self.value_path is not None and self.value is not None:
            raise ValueError("give either 'value' or 'value_path', not both")
        return self


class All(_Strict):
    """Every condition holds."""

    all: list[Condition] = Field(min_length=1)


class AnyOf(_Strict):
    """At least one condition holds."""

    any: list[Condition] = Field(min_length=1)


class Not(_Strict):
    """The condition does not hold."""

    not_: Condition = Field(alias="not")


Condition = Union[Leaf, All, AnyOf, Not]  # noqa: UP007  (a forward-referenced recursive alias)
All.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()


class GuidelineRef(_Strict):
    """Where the requirement comes from in the MIC guideline."""

    section: str = Field(min_length=1, description="Section in the newest edition listed, e.g. 対策基準 3.(1)")
    editions: list[Edition] = Field(min_length=1, description="Editions that contain this requirement")
    sections: dict[Edition, str] = Field(default_factory=dict, description="Section per edition where it differs")
    evidence: Literal["sourced", "partial", "inferred"] = Field(
        description="How solid the encoding is: clause seen in a source, topic/heading only, or recalled"
    )
    note: str | None = None

    def section_in(self, edition: str) -> str:
        """The section number in ``edition`` (numbering moved between editions)."""
        for key, section in self.sections.items():
            if key == edition:
                return section
        return self.section


class Applicability(_Strict):
    """When the rule applies; otherwise it is reported ``not_applicable`` with the reason."""

    models: list[NetworkModel] = Field(default=["alpha", "alpha_prime", "beta", "beta_prime"], min_length=1)
    entities: list[EntityType] = Field(default=["municipality", "prefecture"], min_length=1)
    when: Condition | None = None
    when_text: Text | None = None


class Manual(_Strict):
    """The requirement needs evidence a policy file cannot show."""

    evidence: Text
    valid_days: int | None = Field(
        default=None,
        ge=1,
        le=365,
        description="How many days reviewed evidence holds for this requirement, when less than a year",
    )


class Examples(_Strict):
    """Policy fragments (merged onto a minimal policy) with the outcome each must give.

    ``auditor rules lint`` and the test suite run them: a rule with a check needs at least one
    ``fail`` and one ``pass`` (or ``manual``) example.
    """

    pass_: list[dict[str, Any]] = Field(alias="pass", default_factory=list)
    fail: list[dict[str, Any]] = Field(default_factory=list)
    not_applicable: list[dict[str, Any]] = Field(default_factory=list)
    manual: list[dict[str, Any]] = Field(default_factory=list)


class Rule(_Strict):
    """One requirement of the guideline."""

    id: str = Field(pattern=ID_PATTERN)
    title: Text
    description: Text
    guideline: GuidelineRef
    level: Level
    severity: Severity
    area: Area
    applies_to: Applicability = Field(default_factory=Applicability)
    check: Condition | None = None
    manual: Manual | None = None
    remediation: Text
    examples: Examples = Field(default_factory=Examples)
    replaces: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(
        default_factory=list,
        description="Ids of rules of older editions this rule supersedes; `rules diff` reports the pair as changed",
    )


def to_rule(model: Rule) -> runtime.Rule:
    """The runtime rule for a validated model."""
    return runtime.rule_from_data(model.model_dump())
