"""The registry of documents rules cite: the guideline, the audit guideline, the 標準要件, the LGWAN
telework requirements, laws, the 総務大臣の指針, MIC notices and secondary sources.

The registry is data (``auditor/rules/data/documents.yaml``): each document with its kind, title,
issuer, date and, for the guideline, its editions. A rule's ``sources`` name documents by id; what
the kind of a cited document implies is decided here:

* which guideline editions a rule belongs to (:func:`rule_editions`): the editions its sources list;
  a requirement from a law applies whatever edition a body follows (by the audit date instead, see
  :func:`in_force_from`); one that rests only on other documents (a standard, the LGWAN telework
  requirements) belongs to every edition in force on or after the issue of its earliest document
  (the edition current then, and the later ones), so it is never backdated into an edition that
  was superseded before the document existed;
* whether a rule is a statutory duty (:func:`tier`, 法令上の義務) or guideline alignment;
* how solid the rule is (:func:`evidence`): its strongest source that is not secondary.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from auditor.vocab import EDITIONS

if TYPE_CHECKING:
    from auditor.rules.rule import Rule, Source

DocumentKind = Literal[
    "guideline",
    "audit_guideline",
    "standard",
    "lgwan_telework_requirements",
    "law",
    "minister_guideline",
    "notice",
    "secondary",
]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    "guideline",
    "audit_guideline",
    "standard",
    "lgwan_telework_requirements",
    "law",
    "minister_guideline",
    "notice",
    "secondary",
)
Tier = Literal["statutory", "guideline"]
TIERS: tuple[Tier, ...] = ("statutory", "guideline")
EVIDENCE_ORDER: tuple[str, ...] = ("sourced", "partial", "inferred")
"""Evidence levels, strongest first."""


@dataclass(frozen=True)
class Document:
    """One document of the registry."""

    id: str
    kind: DocumentKind
    title: dict[str, str]
    short: dict[str, str]
    issuer: dict[str, str]
    date: str | None = None
    """ISO date, or only the year and month, or the year, as far as it is known."""
    url: str | None = None
    editions: dict[str, str] = field(default_factory=dict)
    """The guideline only: edition name -> publication date."""
    note: str | None = None

    def issued(self) -> tuple[int, int] | None:
        """(year, month) of issue, the earliest month it can be when only the year is known."""
        return _month(self.date) if self.date else None


def _month(text: str) -> tuple[int, int]:
    parts = text.split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else 1


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


REGISTRY_FILE = Path(__file__).with_name("data") / "documents.yaml"


@functools.cache
def registry() -> dict[str, Document]:
    """Every document by id (read once from the packaged data file, with libyaml where available)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(REGISTRY_FILE.read_text(encoding="utf-8"), Loader=loader)
    documents = {}
    for key, entry in data["documents"].items():
        documents[key] = Document(
            id=key,
            kind=entry["kind"],
            title=dict(entry["title"]),
            short=dict(entry["short"]),
            issuer=dict(entry["issuer"]),
            date=_text(entry.get("date")),
            url=entry.get("url"),
            editions={edition: str(_text(date)) for edition, date in (entry.get("editions") or {}).items()},
            note=entry.get("note"),
        )
    return documents


def document(document_id: str) -> Document | None:
    """The document with ``document_id``, or None when the registry has none."""
    return registry().get(document_id)


def kind_of(source: Source) -> DocumentKind | None:
    """The kind of the document ``source`` cites (None for an unknown id)."""
    found = document(source.document)
    return found.kind if found else None


def edition_month(edition: str) -> tuple[int, int]:
    """(year, month) an edition is named after: R6.10 -> (2024, 10) (令和 n = 2018 + n)."""
    era_year, month = edition.removeprefix("R").split(".")
    return 2018 + int(era_year), int(month)


def rule_editions(rule: Rule) -> tuple[str, ...]:
    """The guideline editions ``rule`` belongs to, oldest first."""
    listed = {edition for source in rule.sources for edition in source.editions}
    if listed:
        return tuple(edition for edition in EDITIONS if edition in listed)
    kinds = {kind_of(source) for source in rule.sources}
    if "law" in kinds:
        return EDITIONS
    months = [
        issued
        for source in rule.sources
        if kind_of(source) not in (None, "secondary")
        and (found := document(source.document)) is not None
        and (issued := found.issued()) is not None
    ]
    if not months:
        return EDITIONS
    issued = min(months)
    # The edition in force when the document was issued (the last published by then), and later ones.
    published = [edition for edition in EDITIONS if edition_month(edition) <= issued]
    first = EDITIONS.index(published[-1]) if published else 0
    return EDITIONS[first:]


def tier(rule: Rule) -> Tier:
    """``statutory`` (法令上の義務) when a law is among the rule's sources, else ``guideline``."""
    return "statutory" if any(kind_of(source) == "law" for source in rule.sources) else "guideline"


def in_force_from(rule: Rule) -> dt.date | None:
    """The latest date from which the provisions the rule cites are in force (None: no date given)."""
    dates = [source.in_force_from for source in rule.sources if source.in_force_from is not None]
    return max(dates) if dates else None


def primary_sources(rule: Rule) -> list[Source]:
    """The sources that are not secondary (the documents the requirement comes from)."""
    return [source for source in rule.sources if kind_of(source) != "secondary"]


def evidence(rule: Rule) -> str:
    """How solid the rule is: the strongest evidence among its primary sources."""
    levels = [source.evidence for source in primary_sources(rule)] or [s.evidence for s in rule.sources]
    return min(levels, key=EVIDENCE_ORDER.index)


def sources_in(rule: Rule, edition: str) -> list[Source]:
    """The rule's sources that apply in ``edition``: a guideline source only where it lists it."""
    return [source for source in rule.sources if not source.editions or edition in source.editions]


def citation(rule: Rule, edition: str) -> str:
    """The rule's main citation in ``edition``: its guideline section, else its first primary document's."""
    chosen = sources_in(rule, edition)
    for source in chosen:
        if source.editions and source.section_in(edition):
            return str(source.section_in(edition))
    primary = [source for source in chosen if kind_of(source) != "secondary"] or chosen or rule.sources
    return label(primary[0], edition, "ja")


def label(source: Source, edition: str | None, lang: str) -> str:
    """A source as reports name it: 「地方自治法 第244条の6」, 「ガイドライン 対策基準 3.(1) …」."""
    found = document(source.document)
    name = (found.short.get(lang) or found.short["ja"]) if found else source.document
    section = source.section_in(edition) if edition else source.section
    return f"{name} {section}" if section else name


def cited(rules: Iterable[Rule]) -> set[str]:
    """Every document id the rules cite."""
    return {source.document for rule in rules for source in rule.sources}
