"""``auditor init``: write a complete, commented template policy."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import common_options, emit, user_errors
from auditor.cli.localized import command, option
from auditor.errors import UsageError
from auditor.files.paths import is_regular_file
from auditor.i18n import t


@command(
    help="help.init",
    examples=[
        "auditor init --model beta_prime -o policy.yaml",
        "auditor init --entity prefecture --model alpha -o pref.yaml",
    ],
)
@option(
    "--model",
    type=click.Choice(["alpha", "alpha_prime", "beta", "beta_prime"]),
    default="alpha",
    show_default=True,
    help="help.init.model",
)
@option(
    "--entity",
    type=click.Choice(["municipality", "prefecture"]),
    default="municipality",
    show_default=True,
    help="help.init.entity",
)
@option("-o", "--output", type=click.Path(path_type=Path), default=None, help="help.init.output")
@option("--force", is_flag=True, help="help.init.force")
@common_options
def init(model: str, entity: str, output: Path | None, force: bool) -> int:
    """Write the template policy of ``model`` and ``entity`` (refusing to replace a file unless ``force``)."""
    from auditor.policy.template import render_template

    with user_errors():
        if output is not None and str(output) != "-" and is_regular_file(output) and not force:
            raise UsageError(t("cli.exists", file=output))
        emit(render_template(model, entity), output, [])
    return 0
