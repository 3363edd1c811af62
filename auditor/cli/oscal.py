"""``auditor oscal catalog|profile``: the rule catalogue as OSCAL (``audit --format oscal`` gives the results)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.cli.common import common_options, date_option, emit, output_option, user_errors
from auditor.cli.localized import group, option
from auditor.i18n import language
from auditor.vocab import EDITIONS


@group(
    help="help.oscal",
    examples=[
        "auditor oscal catalog -o catalog.json",
        "auditor oscal catalog --lang en -o catalog.en.json",
        "auditor oscal profile --model beta --edition R7.3 -o profile-beta-R7.3.json",
        "auditor audit policy.yaml --format oscal -o assessment-results.json",
    ],
)
@common_options
def oscal() -> None:
    """The ``auditor oscal`` group."""


_rules_option = option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help="help.opt.rules")


@oscal.command("catalog", help="help.oscal.catalog", examples=["auditor oscal catalog -o catalog.json"])
@output_option()
@_rules_option
@date_option("help.oscal.date")
@common_options
def catalog_command(output: Path | None, rule_dirs: tuple[Path, ...], today: dt.date) -> int:
    """Write the OSCAL catalog of every rule."""
    from auditor.reporters.oscal_catalog import catalog
    from auditor.rules.catalogue import load_catalogue

    with user_errors():
        loaded = load_catalogue(list(rule_dirs))
        emit(catalog([item.rule for item in loaded.rules], lang=language(), today=today), output, list(rule_dirs))
    return 0


@oscal.command(
    "profile",
    help="help.oscal.profile",
    examples=[
        "auditor oscal profile --model beta --edition R7.3 -o profile-beta-R7.3.json",
        "auditor oscal profile --model alpha_prime --edition R7.3 --entity prefecture --catalog catalog.json",
    ],
)
@option(
    "--model",
    type=click.Choice(["alpha", "alpha_prime", "beta", "beta_prime"]),
    required=True,
    help="help.oscal.model",
)
@option("--edition", type=click.Choice(EDITIONS), required=True, help="help.oscal.edition")
@option("--entity", type=click.Choice(["municipality", "prefecture"]), default=None, help="help.oscal.entity")
@option("--catalog", "catalog_href", default="catalog.json", show_default=True, help="help.oscal.catalog_href")
@output_option()
@_rules_option
@date_option("help.oscal.date")
@common_options
def profile_command(
    model: str,
    edition: str,
    entity: str | None,
    catalog_href: str,
    output: Path | None,
    rule_dirs: tuple[Path, ...],
    today: dt.date,
) -> int:
    """Write the OSCAL profile of one network model and edition."""
    from auditor.reporters.oscal_catalog import profile
    from auditor.rules.catalogue import load_catalogue

    with user_errors():
        loaded = load_catalogue(list(rule_dirs))
        rules = [item.rule for item in loaded.rules]
        text = profile(
            rules, model=model, edition=edition, entity=entity, lang=language(), today=today, catalog_href=catalog_href
        )
        emit(text, output, list(rule_dirs))
    return 0
