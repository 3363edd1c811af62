"""A rule: one requirement of the guideline, as the engine and the reports use it.

A rule cites its sources (the guideline with editions and section, a law with its article and the
date it takes effect, a standard, secondary evidence), says whether it is mandatory (``must``,
必須) or recommended (``should``, 推奨), when it applies (network models,
entity types, an optional condition), how to check it (a declarative condition over policy
paths, or ``manual`` with the evidence an auditor should ask for), how to fix it, and carries
pass/fail example fragments that the test suite runs.

These plain frozen dataclasses are the one declaration of a rule's fields: types, defaults,
docstrings and the checks of ``__post_init__``. What only the rule schema needs (minimum lengths,
patterns, the YAML spellings ``not``/``pass``, descriptions) is field metadata written with
:func:`spec`. :mod:`auditor.rules.schema` generates the pydantic models that validate rule files
from these classes; an audit builds rules from already validated data (a fresh parse, or the
compiled schema for the cached catalogue) and never imports pydantic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from auditor.rules import documents
from auditor.vocab import Edition, EntityType, NetworkModel

Severity = Literal["critical", "high", "medium", "low"]
SEVERITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3, "critical": 4}
Level = Literal["must", "should"]
Area = Literal[
    "statutory",
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
    # area -> (sort order, chapter title); the order follows the guideline's 対策基準, after the
    # statutory duties (法令上の義務), which are not part of the guideline.
    "statutory": (-1, {"ja": "法令上の義務", "en": "Statutory duties"}),
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
    "LAW": "statutory",
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


ID_PATTERN = r"^[A-Z]{2,3}-\d{3}$"
DOCUMENT_PATTERN = r"^[a-z][a-z0-9_]*$"
PATH_PATTERN = r"^[a-z_]+(\.[a-z_0-9]+)*$"
ALL_MODELS: tuple[NetworkModel, ...] = ("alpha", "alpha_prime", "beta", "beta_prime")
ALL_ENTITIES: tuple[EntityType, ...] = ("municipality", "prefecture")


SCHEMA_KEY = "schema"
"""The key of a dataclass field's metadata that holds its schema-only facts (:func:`spec`)."""


def spec(
    *,
    alias: str | None = None,
    min_length: int | None = None,
    pattern: str | None = None,
    item_pattern: str | None = None,
    description: str | None = None,
    ge: int | None = None,
    le: int | None = None,
) -> Mapping[str, Any]:
    """Field metadata with what only the rule schema uses: ``field(metadata=spec(min_length=1))``.

    ``alias`` is the key as written in YAML where the field name cannot be (``not``, ``pass``);
    ``item_pattern`` constrains each string of a list; the rest mean what pydantic's ``Field`` means.
    """
    given = {
        "alias": alias,
        "min_length": min_length,
        "pattern": pattern,
        "item_pattern": item_pattern,
        "description": description,
        "ge": ge,
        "le": le,
    }
    return {SCHEMA_KEY: {key: value for key, value in given.items() if value is not None}}


@dataclass(frozen=True, kw_only=True)
class Text:
    """A text in Japanese and English."""

    ja: str = field(metadata=spec(min_length=1))
    en: str = field(metadata=spec(min_length=1))

    def as_dict(self) -> dict[str, str]:
        """``{"ja": ..., "en": ...}`` (what the reports and :func:`auditor.i18n.pick` take)."""
        return {"ja": self.ja, "en": self.en}


@dataclass(frozen=True, kw_only=True)
class Leaf:
    """Compare the value at ``path`` (dotted, e.g. ``network.segments.mynumber.isolated``) with ``value``.

    ``value_path`` instead of ``value`` compares with the value at another path: another policy
    field, or the audit context (``audited_against.edition``, ``audited_against.date``).
    """

    path: str = field(metadata=spec(pattern=PATH_PATTERN))
    op: Operator
    value: Any = None
    value_path: str | None = field(
        default=None,
        metadata=spec(
            pattern=PATH_PATTERN,
            description="Compare with the value at this path (e.g. audited_against.edition) instead of 'value'",
        ),
    )

    def __post_init__(self) -> None:
        if self.value_path is not None and self.value is not None:
            raise ValueError("give either 'value' or 'value_path', not both")


@dataclass(frozen=True, kw_only=True)
class All:
    """Every condition holds."""

    all: list[Condition] = field(metadata=spec(min_length=1))


@dataclass(frozen=True, kw_only=True)
class AnyOf:
    """At least one condition holds."""

    any: list[Condition] = field(metadata=spec(min_length=1))


@dataclass(frozen=True, kw_only=True)
class Not:
    """The condition does not hold."""

    not_: Condition = field(metadata=spec(alias="not"))


Condition = Union[Leaf, All, AnyOf, Not]  # noqa: UP007  (a forward-referenced recursive alias)


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


Evidence = Literal["sourced", "partial", "inferred"]


@dataclass(frozen=True, kw_only=True)
class Source:
    """One document the requirement rests on, where in it, and what was read there.

    ``document`` is an id of the document registry (:mod:`auditor.rules.documents`): the guideline,
    a law, a standard, a secondary source. Only the guideline lists ``editions`` (those whose text
    carries the requirement); a law gives its article in ``section`` and ``in_force_from``.
    """

    document: str = field(
        metadata=spec(
            pattern=DOCUMENT_PATTERN,
            description="Id of the document in the registry (auditor/rules/data/documents.yaml)",
        )
    )
    section: str | None = field(
        default=None,
        metadata=spec(
            min_length=1,
            description="Where in the document: section (newest edition listed), article, item",
        ),
    )
    editions: list[Edition] = field(
        default_factory=list,
        metadata=spec(description="The guideline only: the editions whose text carries this requirement"),
    )
    sections: dict[Edition, str] = field(
        default_factory=dict, metadata=spec(description="Section per edition where it differs")
    )
    in_force_from: dt.date | None = field(
        default=None, metadata=spec(description="A law only: the date the cited provision takes effect")
    )
    evidence: Evidence = field(
        metadata=spec(
            description="What was read in this document: its wording (sourced), its heading, a paraphrase "
            "or a copy of it (partial), or nothing (inferred: recalled or deduced)"
        )
    )
    note: str | None = None

    def section_in(self, edition: str) -> str | None:
        """The section in ``edition`` (the guideline's numbering moved between editions)."""
        for key, section in self.sections.items():
            if key == edition:
                return section
        return self.section


@dataclass(frozen=True, kw_only=True)
class Applicability:
    """When the rule applies; otherwise it is reported ``not_applicable`` with the reason."""

    models: list[NetworkModel] = field(default_factory=lambda: list(ALL_MODELS), metadata=spec(min_length=1))
    entities: list[EntityType] = field(default_factory=lambda: list(ALL_ENTITIES), metadata=spec(min_length=1))
    when: Condition | None = None
    when_text: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Manual:
    """The requirement needs evidence a policy file cannot show.

    ``valid_days``: how long reviewed evidence holds for this requirement when that is less than
    a year (None: the default year of :data:`auditor.evidence.model.DEFAULT_VALIDITY_DAYS`).
    """

    evidence: Text
    valid_days: int | None = field(
        default=None,
        metadata=spec(
            ge=1,
            le=365,
            description="Days reviewed evidence holds for this requirement, if under a year",
        ),
    )


@dataclass(frozen=True, kw_only=True)
class Examples:
    """Policy fragments (merged onto a minimal policy) with the outcome each must give.

    ``auditor rules lint`` and the test suite run them: a rule with a check needs at least one
    ``fail`` and one ``pass`` (or ``manual``) example.
    """

    pass_: list[dict[str, Any]] = field(default_factory=list, metadata=spec(alias="pass"))
    fail: list[dict[str, Any]] = field(default_factory=list)
    not_applicable: list[dict[str, Any]] = field(default_factory=list)
    manual: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One requirement of the guideline."""

    id: str = field(metadata=spec(pattern=ID_PATTERN))
    title: Text
    description: Text
    sources: list[Source] = field(
        metadata=spec(min_length=1, description="The documents the requirement rests on, each with what was read")
    )
    note: str | None = field(
        default=None, metadata=spec(description="Why the rule is encoded as it is, where no single source says")
    )
    level: Level
    severity: Severity
    area: Area
    applies_to: Applicability = field(default_factory=Applicability)
    check: Condition | None = None
    manual: Manual | None = None
    remediation: Text
    value_label: Text | None = field(
        default=None,
        metadata=spec(
            description="How the checked value is to be read where no source sets a figure (e.g. the body's own "
            "value); reports show it next to the outcome"
        ),
    )
    examples: Examples = field(default_factory=Examples)
    replaces: list[str] = field(
        default_factory=list,
        metadata=spec(
            item_pattern=ID_PATTERN,
            description="Ids of rules of older editions this rule supersedes; `rules diff` reports the pair as changed",
        ),
    )

    def editions(self) -> tuple[str, ...]:
        """The guideline editions the rule belongs to (see :func:`auditor.rules.documents.rule_editions`)."""
        return documents.rule_editions(self)

    def tier(self) -> documents.Tier:
        """``statutory`` (法令上の義務, a law among the sources) or ``guideline``."""
        return documents.tier(self)

    def evidence(self) -> str:
        """How solid the rule is: the strongest evidence of its primary (not secondary) sources."""
        return documents.evidence(self)

    def in_force_from(self) -> dt.date | None:
        """For a statutory rule, the date its provisions take effect."""
        return documents.in_force_from(self)

    def section_in(self, edition: str) -> str:
        """The rule's main citation in ``edition`` (its guideline section, else its first document's)."""
        return documents.citation(self, edition)


SCHEMA_CLASSES: tuple[type, ...] = (Text, Leaf, All, AnyOf, Not, Source, Applicability, Manual, Examples, Rule)
"""Every class of a rule file, in the order the rule schema builds them (the root, :class:`Rule`, last)."""


# --- building from validated data -------------------------------------------------------------
# Keys are the YAML's ("not", "pass") or the field names ("not_", "pass_"): validated data comes
# either way, from the pydantic models' dump or from the compiled schema.


def rule_from_data(data: dict[str, Any]) -> Rule:
    """A :class:`Rule` from data already validated against the rule schema."""
    applies = data.get("applies_to") or {}
    examples = data.get("examples") or {}
    manual = data.get("manual")
    return Rule(
        id=data["id"],
        title=_text(data["title"]),
        description=_text(data["description"]),
        sources=[_source(item) for item in data["sources"]],
        note=data.get("note"),
        level=data["level"],
        severity=data["severity"],
        area=data["area"],
        remediation=_text(data["remediation"]),
        value_label=_text(data["value_label"]) if data.get("value_label") is not None else None,
        applies_to=Applicability(
            models=list(applies.get("models") or ALL_MODELS),
            entities=list(applies.get("entities") or ALL_ENTITIES),
            when=condition_from_data(applies["when"]) if applies.get("when") is not None else None,
            when_text=_text(applies["when_text"]) if applies.get("when_text") is not None else None,
        ),
        check=condition_from_data(data["check"]) if data.get("check") is not None else None,
        manual=Manual(evidence=_text(manual["evidence"]), valid_days=manual.get("valid_days"))
        if manual is not None
        else None,
        examples=Examples(
            pass_=list(_either(examples, "pass", "pass_") or []),
            fail=list(examples.get("fail") or []),
            not_applicable=list(examples.get("not_applicable") or []),
            manual=list(examples.get("manual") or []),
        ),
        replaces=list(data.get("replaces") or []),
    )


def condition_from_data(data: dict[str, Any]) -> Condition:
    """A condition (comparison, ``all``, ``any`` or ``not``) from validated data."""
    if "path" in data:
        return Leaf(path=data["path"], op=data["op"], value=data.get("value"), value_path=data.get("value_path"))
    if "all" in data:
        return All(all=[condition_from_data(item) for item in data["all"]])
    if "any" in data:
        return AnyOf(any=[condition_from_data(item) for item in data["any"]])
    return Not(not_=condition_from_data(_either(data, "not", "not_")))


def _source(data: dict[str, Any]) -> Source:
    return Source(
        document=data["document"],
        section=data.get("section"),
        editions=list(data.get("editions") or []),
        sections=dict(data.get("sections") or {}),
        in_force_from=data.get("in_force_from"),
        evidence=data["evidence"],
        note=data.get("note"),
    )


def _text(data: dict[str, str]) -> Text:
    return Text(ja=data["ja"], en=data["en"])


def _either(data: dict[str, Any], key: str, name: str) -> Any:
    return data[key] if key in data else data.get(name)
