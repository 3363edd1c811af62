"""What the ``auditor rules`` commands show: the catalogue, one rule, edition changes, coverage.

Each function returns the text (or JSON-ready data) of one view; the CLI only prints it. Text
from rule packs is untrusted and shown with control characters escaped.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence
from typing import Any

from auditor.files.textsafe import printable, printable_lines
from auditor.i18n import language, pick, t
from auditor.rules.catalogue import Catalogue, LoadedRule
from auditor.rules.coverage import Coverage, DocumentCoverage
from auditor.rules.documents import document, label
from auditor.rules.editions import RuleChange
from auditor.rules.rule import Rule, Source


def rule_records(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Every rule as a JSON object (``rules list --format json``)."""
    return [_record(loaded.rule) for loaded in catalogue.rules]


def _record(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": rule.title.as_dict(),
        "level": rule.level,
        "severity": rule.severity,
        "area": rule.area,
        "models": list(rule.applies_to.models),
        "entities": list(rule.applies_to.entities),
        "tier": rule.tier(),
        "editions": list(rule.editions()),
        "evidence": rule.evidence(),
        "in_force_from": _iso(rule.in_force_from()),
        "sources": [source_record(source) for source in rule.sources],
        "note": rule.note,
        "automated": rule.check is not None,
    }


def rule_table(catalogue: Catalogue, width: int | None = None) -> str:
    """The catalogue as a table fitting ``width`` columns (default: the terminal's width)."""
    from tabulate import tabulate

    columns = width or shutil.get_terminal_size((120, 24)).columns
    newest = catalogue.newest_edition()
    rows = [
        [
            rule.id,
            t(f"level.{rule.level}"),
            t(f"severity.{rule.severity}"),
            printable(rule.section_in(newest if newest in rule.editions() else rule.editions()[-1])),
            printable(pick(rule.title.as_dict())),
        ]
        for rule in (loaded.rule for loaded in catalogue.rules)
    ]
    headers = [
        t("rules.col.id"),
        t("rules.col.level"),
        t("rules.col.severity"),
        t("rules.col.section"),
        t("rules.col.title"),
    ]
    # id, level and severity are short; the section and the title share what is left, wrapped.
    rest = max(columns - 30, 40)
    return tabulate(rows, headers=headers, maxcolwidths=[None, None, None, rest * 2 // 5, rest * 3 // 5])


def rule_details(loaded: LoadedRule) -> str:
    """One rule: what it requires, where the guideline says so, how it is checked and fixed."""
    from auditor.rules.conditions import describe

    rule = loaded.rule
    lines = [
        f"{rule.id}  {pick(rule.title.as_dict())}",
        "",
        pick(rule.description.as_dict()),
        "",
        f"{t('rules.show.tier')}: {t(f'tier.{rule.tier()}')}"
        + (f"  ({t('rules.show.in_force', date=_iso(rule.in_force_from()))})" if rule.in_force_from() else ""),
        f"{t('rules.show.editions')}: {', '.join(rule.editions())}  {t('rules.show.evidence')}: {rule.evidence()}",
        f"{t('rules.show.sources')}:",
        *source_lines(rule),
    ]
    if rule.note:
        lines.append(f"{t('rules.show.note')}: {rule.note}")
    lines += [
        f"level: {rule.level} ({t(f'level.{rule.level}')})  severity: {rule.severity}  area: {rule.area}",
        f"models: {', '.join(rule.applies_to.models)}  entities: {', '.join(rule.applies_to.entities)}",
    ]
    if rule.applies_to.when is not None:
        lines.append(f"when: {describe(rule.applies_to.when)}")
    if rule.check is not None:
        lines.append(f"check: {describe(rule.check)}")
    if rule.manual is not None:
        lines.append(f"manual evidence: {pick(rule.manual.evidence.as_dict())}")
    if rule.replaces:
        lines.append(f"replaces: {', '.join(rule.replaces)}")
    lines += ["", f"remediation: {pick(rule.remediation.as_dict())}", f"file: {loaded.file}"]
    return printable_lines("\n".join(lines))  # a rule pack is untrusted: no escape sequences


def edition_changes_table(entries: Sequence[RuleChange], edition_a: str, edition_b: str) -> str:
    """The migration list between two editions as a table, then the counts."""
    from tabulate import tabulate

    rows = []
    for entry in entries:
        rule_id = f"{entry.previous_id} → {entry.rule.id}" if entry.previous_id else entry.rule.id
        details = printable("; ".join(f"{c.field}: {c.before} → {c.after}" for c in entry.changes))
        rows.append(
            [
                t(f"diff.kind.{entry.kind}"),
                rule_id,
                t(f"level.{entry.rule.level}"),
                printable(entry.section_before or "-"),
                printable(entry.section_after or "-"),
                printable(pick(entry.rule.title.as_dict())),
                details,
            ]
        )
    headers = [
        t("diff.col.kind"),
        "ID",
        t("diff.col.level"),
        edition_a,
        edition_b,
        t("diff.col.title"),
        t("diff.col.details"),
    ]
    counts = {kind: sum(1 for e in entries if e.kind == kind) for kind in ("changed", "added", "removed")}
    table = tabulate(rows, headers=headers) + "\n" if rows else ""
    return table + t("diff.summary", a=edition_a, b=edition_b, **counts)


def coverage_payload(result: Coverage, edition: str) -> dict[str, Any]:
    """``rules coverage --format json``."""
    return {
        "edition": edition,
        "sections": [
            {
                "key": row.section.key,
                "chapter": row.section.chapter,
                "depth": row.section.depth,
                "title": row.section.title,
                "rules": row.total,
                "automated": row.automated,
                "manual": row.manual,
                "automated_share": None if row.automated_share is None else round(row.automated_share, 3),
                "rule_ids": row.rule_ids,
            }
            for row in result.sections
        ],
        "gaps": [row.section.key for row in result.gaps],
        "unmapped": result.unmapped,
        "statutory": result.statutory,
        "total": result.total,
        "evidence": {
            level: {"rules": count, "share": _share(count, result.total)} for level, count in result.evidence.items()
        },
        "documents": [_document_row(entry, result.total) for entry in result.documents],
    }


def coverage_table(result: Coverage, rules: Sequence[Rule], edition: str) -> str:
    """Each guideline section with its rule count and automated share, then the totals."""
    from tabulate import tabulate

    rows = []
    for row in result.sections:
        share = "-" if row.automated_share is None else f"{row.automated_share:.0%}"
        title = pick(row.section.title) + (f"  {t('coverage.gap')}" if row.total == 0 else "")
        rows.append([_section_label(row.section.key), title, row.total, row.automated, row.manual, share])
    headers = [
        t("coverage.col.section"),
        t("coverage.col.title"),
        t("coverage.col.rules"),
        t("coverage.col.automated"),
        t("coverage.col.manual"),
        t("coverage.col.share"),
    ]
    lines = [tabulate(rows, headers=headers, colalign=("left", "left", "right", "right", "right", "right"))]
    automated = sum(1 for rule in rules if rule.check is not None)
    lines.append(
        t(
            "coverage.summary",
            edition=edition,
            rules=len(rules),
            automated=automated,
            manual=len(rules) - automated,
            gaps=len(result.gaps),
        )
    )
    if result.unmapped:
        lines.append(t("coverage.unmapped", ids=", ".join(result.unmapped)))
    if result.statutory:
        lines.append(t("coverage.statutory", ids=", ".join(result.statutory)))
    lines += ["", _evidence_table(result), "", _documents_table(result)]
    return "\n".join(lines)


def _evidence_table(result: Coverage) -> str:
    from tabulate import tabulate

    rows = [
        [t(f"evidence.{level}"), count, f"{_share(count, result.total) or 0:.0%}"]
        for level, count in result.evidence.items()
    ]
    headers = [t("coverage.col.evidence"), t("coverage.col.rules"), t("coverage.col.share_of_rules")]
    return tabulate(rows, headers=headers, colalign=("left", "right", "right"))


def _documents_table(result: Coverage) -> str:
    from tabulate import tabulate

    rows = []
    for entry in result.documents:
        row = _document_row(entry, result.total)
        counts = " / ".join(f"{t(f'evidence.{level}')} {n}" for level, n in entry.evidence.items() if n)
        kind = t(f"document.kind.{row['kind']}") if row["kind"] else "?"
        rows.append([printable(pick(row["short"])), kind, row["rules"], f"{row['share'] or 0:.0%}", counts])
    headers = [
        t("coverage.col.document"),
        t("coverage.col.kind"),
        t("coverage.col.rules"),
        t("coverage.col.share_of_rules"),
        t("coverage.col.evidence"),
    ]
    return tabulate(rows, headers=headers, colalign=("left", "left", "right", "right", "left"))


def _share(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def _document_row(entry: DocumentCoverage, total: int) -> dict[str, Any]:
    found = document(entry.document)
    return {
        "document": entry.document,
        "kind": found.kind if found else None,
        "title": found.title if found else None,
        "short": found.short if found else {"ja": entry.document, "en": entry.document},
        "rules": len(entry.rule_ids),
        "share": _share(len(entry.rule_ids), total),
        "evidence": entry.evidence,
        "rule_ids": entry.rule_ids,
    }


def source_record(source: Source) -> dict[str, Any]:
    """A rule's source as ``rules list --format json`` gives it."""
    found = document(source.document)
    return {
        "document": source.document,
        "kind": found.kind if found else None,
        "title": found.title if found else None,
        "section": source.section,
        "editions": list(source.editions),
        "sections": dict(source.sections),
        "in_force_from": _iso(source.in_force_from),
        "evidence": source.evidence,
        "note": source.note,
    }


def source_lines(rule: Rule) -> list[str]:
    """One line per source for ``rules show``, with its editions, evidence and note."""
    lines = []
    for source in rule.sources:
        found = document(source.document)
        kind = t(f"document.kind.{found.kind}") if found else "?"
        details = [kind, *([", ".join(source.editions)] if source.editions else [])]
        if source.in_force_from:
            details.append(t("rules.show.in_force", date=_iso(source.in_force_from)))
        details.append(f"{t('rules.show.evidence')}: {source.evidence}")
        lines.append(f"  - {label(source, None, language())}  ({'; '.join(details)})")
        if found:
            lines.append(f"    {pick(found.title)}")
        if source.note:
            lines.append(f"    {source.note}")
    return lines


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _section_label(key: str) -> str:
    # Sections are marked under their chapter (tabulate strips leading blanks).
    if key.startswith("基本方針."):
        return "└ " + key.split(".", 1)[1]
    if key[0].isdigit():
        return f"§{key}" if "." not in key else f"└ {key}"
    return {"telework": "TW", "security_cloud": "SC"}.get(key, key)
