"""``auditor rules``: list, show, lint, diff and coverage of the rule catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor.cli.common import InputProblem, common_options, user_errors
from auditor.i18n import pick, t


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def rules() -> None:
    """Inspect and check the rule catalogue.

    \b
    Example:
      auditor rules list
      auditor rules show MN-001
      auditor rules lint
    """


_rules_option = click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
                             help="An extra directory of rule files (repeatable).")


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
    from auditor.catalogue import load_catalogue

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs))
    items = [
        {
            "id": loaded.rule.id,
            "title": loaded.rule.title.model_dump(),
            "level": loaded.rule.level,
            "severity": loaded.rule.severity,
            "area": loaded.rule.area,
            "models": list(loaded.rule.applies_to.models),
            "entities": list(loaded.rule.applies_to.entities),
            "guideline": {
                "section": loaded.rule.guideline.section,
                "editions": list(loaded.rule.guideline.editions),
                "evidence": loaded.rule.guideline.evidence,
            },
            "automated": loaded.rule.check is not None,
        }
        for loaded in catalogue.rules
    ]
    if fmt == "json":
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    from tabulate import tabulate

    rows = [
        [r.id, t(f"level.{r.level}"), t(f"severity.{r.severity}"), r.guideline.section, pick(r.title.model_dump())]
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
    from auditor.catalogue import load_catalogue
    from auditor.checks import describe

    with user_errors():
        loaded = load_catalogue(list(rule_dirs)).get(rule_id)
    rule = loaded.rule
    lines = [
        f"{rule.id}  {pick(rule.title.model_dump())}",
        "",
        pick(rule.description.model_dump()),
        "",
        f"guideline: {rule.guideline.section}  "
        f"({', '.join(rule.guideline.editions)}; evidence: {rule.guideline.evidence})",
        f"level: {rule.level} ({t(f'level.{rule.level}')})  severity: {rule.severity}  area: {rule.area}",
        f"models: {', '.join(rule.applies_to.models)}  entities: {', '.join(rule.applies_to.entities)}",
    ]
    if rule.applies_to.when is not None:
        lines.append(f"when: {describe(rule.applies_to.when)}")
    if rule.check is not None:
        lines.append(f"check: {describe(rule.check)}")
    if rule.manual is not None:
        lines.append(f"manual evidence: {pick(rule.manual.evidence.model_dump())}")
    lines += ["", f"remediation: {pick(rule.remediation.model_dump())}", f"file: {loaded.file}"]
    click.echo("\n".join(lines))
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
    from auditor.catalogue import load_catalogue
    from auditor.lint import lint_catalogue

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs), use_cache=False)
    problems = lint_catalogue(catalogue)
    if problems:
        raise InputProblem("\n".join(p.format() for p in problems) + "\n" + t("cli.lint_failed", count=len(problems)))
    click.echo(t("cli.lint_ok", count=len(catalogue.rules)))
    return 0
