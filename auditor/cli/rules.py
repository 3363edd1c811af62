"""``auditor rules``: list, show, lint, diff and coverage of the rule catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor.cli.common import InputProblem, common_options, user_errors
from auditor.i18n import t
from auditor.rules.listing import (
    coverage_payload,
    coverage_table,
    edition_changes_table,
    rule_details,
    rule_records,
    rule_table,
)


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
    if fmt == "json":
        click.echo(json.dumps(rule_records(catalogue), ensure_ascii=False, indent=2))
    else:
        click.echo(rule_table(catalogue))
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

    with user_errors():
        loaded = load_catalogue(list(rule_dirs)).get(rule_id)
    click.echo(rule_details(loaded))
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
    from auditor.extract.lexicon import check_lexicon  # the extract matching data is linted with the rules

    problems = lint_catalogue(catalogue) + check_lexicon()
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
    else:
        click.echo(edition_changes_table(entries, edition_a, edition_b))
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
        chosen, chosen_rules = catalogue.select(edition)
        result = coverage(chosen_rules, chosen)
    if fmt == "json":
        click.echo(json.dumps(coverage_payload(result, chosen), ensure_ascii=False, indent=2))
    else:
        click.echo(coverage_table(result, chosen_rules, chosen))
    return 0
