"""``auditor init``: write a complete, commented template policy."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import common_options, emit, user_errors
from auditor.errors import UsageError
from auditor.files.paths import is_regular_file
from auditor.i18n import t


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--model",
    type=click.Choice(["alpha", "alpha_prime", "beta", "beta_prime"]),
    default="alpha",
    show_default=True,
    help="Network model (三層の対策のモデル).",
)
@click.option(
    "--entity",
    type=click.Choice(["municipality", "prefecture"]),
    default="municipality",
    show_default=True,
    help="Municipality (市区町村) or prefecture (都道府県).",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None, help="Write to FILE instead of standard output."
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@common_options
def init(model: str, entity: str, output: Path | None, force: bool) -> int:
    """Write a complete, commented (Japanese) template policy that validates.

    \b
    Example:
      auditor init --model beta_prime -o policy.yaml
      auditor init --entity prefecture --model alpha -o pref.yaml
    """
    from auditor.policy.template import render_template

    with user_errors():
        if output is not None and str(output) != "-" and is_regular_file(output) and not force:
            raise UsageError(t("cli.exists", file=output))
        emit(render_template(model, entity), output, [])
    return 0
