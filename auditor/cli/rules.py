"""``auditor rules``: list, show, lint, diff and coverage of the rule catalogue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor.cli.common import InputProblem, common_options, user_errors
from auditor.files.textsafe import printable, printable_lines
from auditor.i18n import language, pick, t

if TYPE_CHECKING:
    from auditor.rules.coverage import DocumentCoverage
    from auditor.rules.rule import Rule, Source


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def rules() -> None:
    """Inspect and check the rule catalogue.

    \b
    Example:
      auditor rules list
      auditor rules show MN-001
      auditor rules lint
      auditor rules diff R5.3 R6.10
      auditor rules coverage
    """


_rules_option = click.option(
    "--rules",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra directory of rule files (repeatable).",
)


@rules.command("list")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_rules_option
@common_options
def list_rules(fmt: str, rule_dirs: tuple[Path, ...]) -> int:
    """List every rule with its level, severity, area and guideline citation.

    \b
    Example:
      auditor rules list --format json | jq '.[].id'
    """
    from auditor.rules.catalogue import load_catalogue

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs))
    items = [
        {
            "id": loaded.rule.id,
            "title": loaded.rule.title.as_dict(),
            "level": loaded.rule.level,
            "severity": loaded.rule.severity,
            "area": loaded.rule.area,
            "models": list(loaded.rule.applies_to.models),
            "entities": list(loaded.rule.applies_to.entities),
            "tier": loaded.rule.tier(),
            "editions": list(loaded.rule.editions()),
            "evidence": loaded.rule.evidence(),
            "in_force_from": _iso(loaded.rule.in_force_from()),
            "sources": [source_dict(source) for source in loaded.rule.sources],
            "automated": loaded.rule.check is not None,
        }
        for loaded in catalogue.rules
    ]
    if fmt == "json":
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    from tabulate import tabulate

    newest = catalogue.newest_edition()
    rows = [
        [
            r.id,
            t(f"level.{r.level}"),
            t(f"severity.{r.severity}"),
            printable(r.section_in(newest if newest in r.editions() else r.editions()[-1])),
            printable(pick(r.title.as_dict())),
        ]
        for r in (loaded.rule for loaded in catalogue.rules)
    ]
    click.echo(tabulate(rows, headers=["ID", "区分/level", "重要度/severity", "節/section", "要件/title"]))
    return 0


@rules.command("show")
@click.argument("rule_id")
@_rules_option
@common_options
def show_rule(rule_id: str, rule_dirs: tuple[Path, ...]) -> int:
    """Show one rule: what it requires, where the guideline says so, and how to fix a failure.

    \b
    Example:
      auditor rules show MN-001 --lang en
    """
    from auditor.rules.catalogue import load_catalogue
    from auditor.rules.conditions import describe

    with user_errors():
        loaded = load_catalogue(list(rule_dirs)).get(rule_id)
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
    click.echo(printable_lines("\n".join(lines)))  # a rule pack is untrusted: no escape sequences
    return 0


@rules.command("lint")
@_rules_option
@common_options
def lint(rule_dirs: tuple[Path, ...]) -> int:
    """Check the catalogue: schema, paths, citations, translations, and that examples behave.

    \b
    Example:
      auditor rules lint --rules ./our-extra-rules
    """
    from auditor.rules.catalogue import load_catalogue
    from auditor.rules.lint import lint_catalogue

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs), use_cache=False, check_schema=False)  # lint reports it
    problems = lint_catalogue(catalogue)
    if problems:
        raise InputProblem("\n".join(p.format() for p in problems) + "\n" + t("cli.lint_failed", count=len(problems)))
    click.echo(t("cli.lint_ok", count=len(catalogue.rules)))
    return 0


@rules.command("diff")
@click.argument("edition_a")
@click.argument("edition_b")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_rules_option
@common_options
def diff(edition_a: str, edition_b: str, fmt: str, rule_dirs: tuple[Path, ...]) -> int:
    """List the rules added, removed and changed from edition EDITION_A to EDITION_B.

    The migration list to work through after a revision of the guideline: new requirements,
    requirements that no longer apply, and requirements renumbered or reworded (level, check,
    applicability).

    \b
    Example:
      auditor rules diff R5.3 R6.10
      auditor rules diff R6.10 R7.3 --format json --lang en
    """
    from auditor.rules.catalogue import load_catalogue
    from auditor.rules.editions import diff_editions, diff_to_dicts

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs))
        entries = diff_editions(catalogue, edition_a, edition_b)
    if fmt == "json":
        click.echo(json.dumps(diff_to_dicts(entries, edition_a, edition_b), ensure_ascii=False, indent=2))
        return 0
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
    if rows:
        click.echo(tabulate(rows, headers=headers))
    counts = {kind: sum(1 for e in entries if e.kind == kind) for kind in ("changed", "added", "removed")}
    click.echo(t("diff.summary", a=edition_a, b=edition_b, **counts))
    return 0


@rules.command("coverage")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--edition", default=None, help="Count the rules of this edition (default: the newest encoded).")
@_rules_option
@common_options
def coverage_command(fmt: str, edition: str | None, rule_dirs: tuple[Path, ...]) -> int:
    """Show each guideline section with its rule count and the automated versus manual share.

    Sections without any rule are the gaps in the catalogue's coverage; rules whose citation
    names no known section are listed as unmapped.

    \b
    Example:
      auditor rules coverage
      auditor rules coverage --edition R5.3 --format json
    """
    from auditor.rules.catalogue import load_catalogue
    from auditor.rules.coverage import coverage

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs))
        chosen = edition or catalogue.newest_edition()
        result = coverage(catalogue.for_edition(chosen), chosen)
    if fmt == "json":
        payload = {
            "edition": chosen,
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
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    from tabulate import tabulate

    rows = []
    for row in result.sections:
        label = _section_label(row.section.key)
        share = "-" if row.automated_share is None else f"{row.automated_share:.0%}"
        mark = t("coverage.gap") if row.total == 0 else ""
        rows.append([label, pick(row.section.title), row.total, row.automated, row.manual, share, mark])
    headers = [
        t("coverage.col.section"),
        t("coverage.col.title"),
        t("coverage.col.rules"),
        t("coverage.col.automated"),
        t("coverage.col.manual"),
        t("coverage.col.share"),
        "",
    ]
    click.echo(tabulate(rows, headers=headers, colalign=("left", "left", "right", "right", "right", "right", "left")))
    total = len(catalogue.for_edition(chosen))
    automated = sum(1 for rule in catalogue.for_edition(chosen) if rule.check is not None)
    click.echo(
        t(
            "coverage.summary",
            edition=chosen,
            rules=total,
            automated=automated,
            manual=total - automated,
            gaps=len(result.gaps),
        )
    )
    if result.unmapped:
        click.echo(t("coverage.unmapped", ids=", ".join(result.unmapped)))
    if result.statutory:
        click.echo(t("coverage.statutory", ids=", ".join(result.statutory)))
    click.echo("")
    evidence_rows = [
        [t(f"evidence.{level}"), count, f"{_share(count, result.total) or 0:.0%}"]
        for level, count in result.evidence.items()
    ]
    headers = [t("coverage.col.evidence"), t("coverage.col.rules"), t("coverage.col.share_of_rules")]
    click.echo(tabulate(evidence_rows, headers=headers, colalign=("left", "right", "right")))
    click.echo("")
    document_rows = []
    for entry in result.documents:
        row = _document_row(entry, result.total)
        counts = " / ".join(f"{t(f'evidence.{level}')} {n}" for level, n in entry.evidence.items() if n)
        kind = t(f"document.kind.{row['kind']}") if row["kind"] else "?"
        document_rows.append([printable(pick(row["short"])), kind, row["rules"], f"{row['share'] or 0:.0%}", counts])
    headers = [
        t("coverage.col.document"),
        t("coverage.col.kind"),
        t("coverage.col.rules"),
        t("coverage.col.share_of_rules"),
        t("coverage.col.evidence"),
    ]
    click.echo(tabulate(document_rows, headers=headers, colalign=("left", "left", "right", "right", "left")))
    return 0


def _share(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def _document_row(entry: DocumentCoverage, total: int) -> dict[str, object]:
    from auditor.rules.documents import document

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


def source_dict(source: Source) -> dict[str, object]:
    """A rule's source as ``rules list --format json`` gives it."""
    from auditor.rules.documents import document

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
    from auditor.rules.documents import document, label

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
