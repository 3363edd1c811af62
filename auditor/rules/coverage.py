"""Coverage of the guideline by the catalogue (``auditor rules coverage``) and citation parsing.

The guideline's structure (基本方針, 対策基準 §1–§9 with their sections, telework, the security
cloud) is data shipped in the package (``auditor/rules/data/guideline_sections.yaml``). Each rule is
placed in the most specific section its guideline source cites, so sections without any rule
(gaps in our own coverage) and rules whose citation names no known section both show. Statutory
rules (法令上の義務) are not part of the guideline and are counted apart; so are the shares of
rules per evidence level and per cited document.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from auditor.rules.documents import EVIDENCE_ORDER, registry
from auditor.rules.rule import Rule
from auditor.vocab import EDITIONS

_BASIC = re.compile(r"基本方針\s*(\d+)?")
# 対策基準 6.1(5) / 対策基準 3.(1) / 対策基準 3 / §6.1 ... (after NFKC: full-width digits and brackets)
_STANDARDS = re.compile(r"(?:対策基準|§)\s*(\d{1,2})(?:\.(\d{1,2}))?\s*\.?\s*(?:\((\d{1,2})\))?")


@dataclass(frozen=True)
class SectionDef:
    """One section of the guideline's structure."""

    key: str
    title: dict[str, str]
    chapter: str
    depth: int  # 0 = chapter, 1 = section
    area: str | None = None
    since: str | None = None
    evidence: str = "sourced"


@functools.cache
def guideline_sections() -> tuple[SectionDef, ...]:
    """Every chapter and section, in guideline order (read once from the packaged data file)."""
    text = importlib.resources.files("auditor.rules").joinpath("data/guideline_sections.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    result: list[SectionDef] = []
    for chapter in data["chapters"]:
        evidence = chapter.get("evidence", "sourced")
        result.append(
            SectionDef(
                chapter["key"], chapter["title"], chapter["key"], 0, chapter.get("area"), chapter.get("since"), evidence
            )
        )
        for section in chapter.get("sections", []):
            result.append(
                SectionDef(
                    section["key"],
                    section["title"],
                    chapter["key"],
                    1,
                    None,
                    section.get("since"),
                    section.get("evidence", evidence),
                )
            )
    return tuple(result)


def citation_keys(citation: str) -> list[str]:
    """Candidate section keys a citation names, most specific first (empty when it names none)."""
    text = unicodedata.normalize("NFKC", citation)
    match = _STANDARDS.search(text)
    if match:
        chapter, section, item = match.groups()
        keys = []
        if section:
            keys.append(f"{chapter}.{section}")
        elif item:
            keys.append(f"{chapter}.({item})")
        keys.append(chapter)
        return keys
    basic = _BASIC.search(text)
    if basic:
        return ([f"基本方針.{basic.group(1)}"] if basic.group(1) else []) + ["基本方針"]
    return []


_HEADING = re.compile(r"\(([^()]+)\)\s*$")


def _names(title: str) -> set[str]:
    """A heading as written, and without its parenthesised gloss: '最高情報セキュリティ責任者（CISO）'."""
    normal = unicodedata.normalize("NFKC", title)
    return {normal, re.sub(r"\s*\([^()]*\)\s*$", "", normal)}


def guideline_citation(rule: Rule) -> str | None:
    """The section the rule's guideline source cites in the newest edition it lists (None without one)."""
    cited = [source for source in rule.sources if source.editions and source.section]
    if not cited:
        return None
    newest = max(cited, key=lambda source: max(EDITIONS.index(edition) for edition in source.editions))
    return newest.section


def section_of(rule: Rule) -> str | None:
    """The key of the most specific known section ``rule`` belongs to, or None when unmapped.

    A citation that gives only the chapter number may name a section by its heading instead
    (e.g. ``対策基準 1 組織体制（兼務の禁止）``): used where the heading is known but its numbering
    was not checked, so the citation claims no more precision than we have.
    """
    known = {section.key: section for section in guideline_sections()}
    for section in guideline_sections():
        if section.area is not None and section.area == rule.area:
            return section.key
    cited = guideline_citation(rule)
    if cited is None:
        return None
    keys = [key for key in citation_keys(cited) if key in known]
    if keys and known[keys[0]].depth == 0:
        heading = _HEADING.search(unicodedata.normalize("NFKC", cited))
        named = [
            s.key
            for s in guideline_sections()
            if heading and s.depth == 1 and s.chapter == keys[0] and heading.group(1) in _names(s.title["ja"])
        ]
        if len(named) == 1:
            return named[0]
    return keys[0] if keys else None


@dataclass
class SectionCoverage:
    """Rules counted in one section (a chapter counts its own rules plus its sections')."""

    section: SectionDef
    rule_ids: list[str] = field(default_factory=list)
    automated: int = 0
    manual: int = 0

    @property
    def total(self) -> int:
        """Number of rules."""
        return self.automated + self.manual

    @property
    def automated_share(self) -> float | None:
        """Share of rules with an automated check (None without rules)."""
        return self.automated / self.total if self.total else None


@dataclass(frozen=True)
class DocumentCoverage:
    """The rules citing one document, and what was read in it for them (evidence level -> rules)."""

    document: str
    rule_ids: list[str]
    evidence: dict[str, int]


@dataclass(frozen=True)
class Coverage:
    """Coverage of every section, the rules whose citation names no known section, the statutory
    rules (apart from the guideline), and the rules per evidence level and per cited document."""

    sections: list[SectionCoverage]
    unmapped: list[str]
    statutory: list[str] = field(default_factory=list)
    evidence: dict[str, int] = field(default_factory=dict)
    """Rules per evidence level (their strongest primary source), strongest level first."""
    documents: list[DocumentCoverage] = field(default_factory=list)
    """Every cited document, in registry order."""
    total: int = 0

    @property
    def gaps(self) -> list[SectionCoverage]:
        """Chapters and sections that no rule covers."""
        return [s for s in self.sections if s.total == 0]


def coverage(rules: Sequence[Rule], edition: str | None = None) -> Coverage:
    """Count ``rules`` per guideline section; a rule with a check counts as automated.

    With ``edition``, sections the edition does not have yet (``since``) are left out.
    """
    rows = {
        section.key: SectionCoverage(section)
        for section in guideline_sections()
        if edition is None or section.since is None or EDITIONS.index(section.since) <= EDITIONS.index(edition)
    }
    unmapped: list[str] = []
    statutory: list[str] = []
    for rule in rules:
        if rule.tier() == "statutory":
            statutory.append(rule.id)
            continue
        key = section_of(rule)
        if key is None or key not in rows:
            unmapped.append(rule.id)
            continue
        targets: Iterable[str] = {key, rows[key].section.chapter}
        for target in sorted(targets):
            row = rows[target]
            row.rule_ids.append(rule.id)
            if rule.check is not None:
                row.automated += 1
            else:
                row.manual += 1
    return Coverage(
        list(rows.values()),
        unmapped,
        statutory,
        _per_evidence(rules),
        _per_document(rules),
        len(rules),
    )


def _per_evidence(rules: Sequence[Rule]) -> dict[str, int]:
    counts = {level: 0 for level in EVIDENCE_ORDER}
    for rule in rules:
        counts[rule.evidence()] += 1
    return counts


def _per_document(rules: Sequence[Rule]) -> list[DocumentCoverage]:
    found: dict[str, DocumentCoverage] = {}
    for rule in rules:
        for source in rule.sources:
            entry = found.setdefault(
                source.document, DocumentCoverage(source.document, [], {level: 0 for level in EVIDENCE_ORDER})
            )
            if rule.id not in entry.rule_ids:
                entry.rule_ids.append(rule.id)
            entry.evidence[source.evidence] += 1
    order = list(registry())
    return sorted(found.values(), key=lambda e: order.index(e.document) if e.document in order else len(order))
