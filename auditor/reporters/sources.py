"""How every report names an outcome's sources and tier: one helper for all formats.

An outcome carries its rule's sources (:class:`~auditor.audit.results.SourceRef`): the guideline
with the section of the audited edition, a law with its article and the date it takes effect, a
standard, secondary evidence. Reports name each one, with what was read in it, and show statutory
duties (法令上の義務) as a tier of their own.
"""

from __future__ import annotations

from typing import Any

from auditor.audit.results import Outcome, SourceRef
from auditor.i18n import pick
from auditor.i18n import translate as tr


def source_label(ref: SourceRef, lang: str) -> str:
    """「地方自治法 第244条の6（2026-04-01 施行・一部確認）」: name, where, in force from, evidence."""
    name = pick(ref.name, lang)
    text = f"{name} {ref.section}" if ref.section else name
    details = []
    if ref.in_force_from is not None:
        details.append(tr("rules.show.in_force", lang, date=ref.in_force_from.isoformat()))
    if ref.kind == "secondary":
        details.append(tr("document.kind.secondary", lang))
    details.append(tr(f"evidence.{ref.evidence}", lang))
    separator = "・" if lang == "ja" else ", "
    return f"{text}（{separator.join(details)}）" if lang == "ja" else f"{text} ({separator.join(details)})"


def source_labels(outcome: Outcome, lang: str) -> list[str]:
    """Every source of ``outcome``, labelled."""
    return [source_label(ref, lang) for ref in outcome.sources]


def sources_text(outcome: Outcome, lang: str, separator: str = "; ") -> str:
    """Every source on one line (the outcome's section when it carries none, e.g. an older JSON)."""
    return separator.join(source_labels(outcome, lang)) or outcome.section


def tier_label(outcome: Outcome, lang: str) -> str:
    """「法令上の義務」 or 「ガイドライン適合」."""
    return tr(f"tier.{outcome.tier}", lang)


def source_dicts(outcome: Outcome) -> list[dict[str, Any]]:
    """The sources as structured data (JSON and SARIF)."""
    return [
        {
            "document": ref.document,
            "kind": ref.kind,
            "name": ref.name,
            "title": ref.title,
            "section": ref.section,
            "evidence": ref.evidence,
            "in_force_from": ref.in_force_from.isoformat() if ref.in_force_from else None,
            "url": ref.url,
        }
        for ref in outcome.sources
    ]
