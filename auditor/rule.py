"""The rule model: one requirement of the guideline, as declared in a YAML file under ``rules/``.

A rule cites the guideline (editions and section), says whether the guideline makes it
mandatory (``must``, 必須) or recommended (``should``, 推奨), when it applies (network models,
entity types, an optional condition), how to check it (a declarative condition over policy
paths, or ``manual`` with the evidence an auditor should ask for), how to fix it, and carries
pass/fail example fragments that the test suite runs.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from auditor.policy.base import Edition, EntityType, NetworkModel

Severity = Literal["critical", "high", "medium", "low"]
SEVERITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3, "critical": 4}
Level = Literal["must", "should"]
Area = Literal[
    "basic_policy",
    "organisation",
    "assets",
    "resilience",
    "physical",
    "human",
    "technical",
    "operations",
    "outsourcing",
    "evaluation",
    "telework",
    "security_cloud",
]

AREA_CHAPTERS: dict[str, tuple[int, dict[str, str]]] = {
    # area -> (sort order, chapter title); the order follows the guideline's 対策基準.
    "basic_policy": (0, {"ja": "基本方針", "en": "Basic policy"}),
    "organisation": (1, {"ja": "§1 組織体制", "en": "§1 Organisation"}),
    "assets": (2, {"ja": "§2 情報資産の分類と管理", "en": "§2 Information assets"}),
    "resilience": (3, {"ja": "§3 情報システム全体の強靱性の向上", "en": "§3 Resilience (three-layer model)"}),
    "physical": (4, {"ja": "§4 物理的セキュリティ", "en": "§4 Physical security"}),
    "human": (5, {"ja": "§5 人的セキュリティ", "en": "§5 Human security"}),
    "technical": (6, {"ja": "§6 技術的セキュリティ", "en": "§6 Technical security"}),
    "operations": (7, {"ja": "§7 運用", "en": "§7 Operations"}),
    "outsourcing": (8, {"ja": "§8 業務委託と外部サービスの利用", "en": "§8 Outsourcing and external services"}),
    "evaluation": (9, {"ja": "§9 評価・見直し", "en": "§9 Evaluation and review"}),
    "telework": (10, {"ja": "テレワーク", "en": "Telework"}),
    "security_cloud": (11, {"ja": "自治体情報セキュリティクラウド", "en": "Security cloud"}),
}

ID_PREFIXES: dict[str, str] = {
    # id prefix -> area; ids are stable and never reused.
    "POL": "basic_policy",
    "ORG": "organisation",
    "AST": "assets",
    "MN": "resilience",
    "LG": "resilience",
    "IN": "resilience",
    "AP": "resilience",
    "BT": "resilience",
    "PHY": "physical",
    "HUM": "human",
    "TEC": "technical",
    "OPS": "operations",
    "OUT": "outsourcing",
    "CLD": "outsourcing",
    "SNS": "outsourcing",
    "AUD": "evaluation",
    "TW": "telework",
    "SC": "security_cloud",
}

Operator = Literal[
    "equals",
    "not_equals",
    "in",
    "not_in",
    "gte",
    "lte",
    "gt",
    "lt",
    "exists",
    "contains",
    "not_contains",
    "contains_all",
    "subset",
    "within_days",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in Japanese and English."""

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)


ID_PATTERN = r"^[A-Z]{2,3}-\d{3}$"
PATH_PATTERN = r"^[a-z_]+(\.[a-z_0-9]+)*$"


class Leaf(_Strict):
    """Compare the value at ``path`` (dotted, e.g. ``network.segments.mynumber.isolated``) with ``value``.

    ``value_path`` instead of ``value`` compares with the value at another path: another policy
    field, or the audit context (``audited_against.edition``, ``audited_against.date``).
    """

    path: str = Field(pattern=PATH_PATTERN)
    op: Operator
    value: Any = None
    value_path: str | None = Field(
        default=None, pattern=PATH_PATTERN,
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
