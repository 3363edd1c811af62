"""``auditor rules``: list, show, lint, diff and coverage of the rule catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditor.cli.common import InputProblem, common_options, user_errors
from auditor.cli.localized import group, option
from auditor.i18n import t
from auditor.rules.listing import (
    coverage_payload,
    coverage_table,
    edition_changes_table,
    rule_details,
    rule_records,
    rule_table,
)


@group(
    help="help.rules",
    examples=[
        "auditor rules list",
        "auditor rules show MN-001",
        "auditor rules lint",
        "auditor rules diff R5.3 R6.10",
        "auditor rules coverage",
    ],
)
@common_options
def rules() -> None:
    """The ``auditor rules`` group."""


_rules_option = option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help="help.opt.rules")
_format_option = option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="help.opt.list_format",
)


@rules.command("list", help="help.rules.list", examples=["auditor rules list --format json | jq '.[].id'"])
@_format_option
@_rules_option
@common_options
def list_rules(fmt: str, rule_dirs: tuple[Path, ...]) -> int:
    """Print the catalogue as a table or as JSON records."""
    from auditor.rules.catalogue import load_catalogue

    with user_errors():
        catalogue = load_catalogue(list(rule_dirs))
    if fmt == "json":
        click.echo(json.dumps(rule_records(catalogue), ensure_ascii=False, indent=2))
    else:
        click.echo(rule_table(catalogue))
    return 0


@rules.command("show", help="help.rules.show", examples=["auditor rules show MN-001 --lang en"])
@click.argument("rule_id")
@_rules_option
@common_options
def show_rule(rule_id: str, rule_dirs: tuple[Path, ...]) -> int:
    """Print one rule's details."""
    from auditor.rules.catalogue import load_catalogue

    with user_errors():
        loaded = load_catalogue(list(rule_dirs)).get(rule_id)
    click.echo(rule_details(loaded))
    return 0


@rules.command("lint", help="help.rules.lint", examples=["auditor rules lint --rules ./our-extra-rules"])
@_rules_option
@common_options
def lint(rule_dirs: tuple[Path, ...]) -> int:
    """Lint the catalogue and the extract lexicon; exit 2 listing every problem."""
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


@rules.command(
    "diff",
    help="help.rules.diff",
    examples=["auditor rules diff R5.3 R6.10", "auditor rules diff R6.10 R7.3 --format json --lang en"],
)
@click.argument("edition_a")
@click.argument("edition_b")
@_format_option
@_rules_option
@common_options
def diff(edition_a: str, edition_b: str, fmt: str, rule_dirs: tuple[Path, ...]) -> int:
    """Print the changes between two editions."""
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


@rules.command(
    "coverage",
    help="help.rules.coverage",
    examples=["auditor rules coverage", "auditor rules coverage --edition R5.3 --format json"],
)
@_format_option
@option("--edition", default=None, help="help.rules.coverage.edition")
@_rules_option
@common_options
def coverage_command(fmt: str, edition: str | None, rule_dirs: tuple[Path, ...]) -> int:
    """Print the coverage of the guideline's sections by the rules of one edition."""
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
