"""``auditor init``: write a complete, commented template policy (unanswered, an example, or from a draft)."""

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
        "auditor init --example -o example.yaml",
        "auditor init --from draft.yaml -o policy.yaml",
    ],
)
@option(
    "--model", type=click.Choice(["alpha", "alpha_prime", "beta", "beta_prime"]), default=None, help="help.init.model"
)
@option("--entity", type=click.Choice(["municipality", "prefecture"]), default=None, help="help.init.entity")
@option("--example", is_flag=True, help="help.init.example")
@option("--from", "draft", type=click.Path(path_type=Path), default=None, help="help.init.from")
@option("-o", "--output", type=click.Path(path_type=Path), default=None, help="help.init.output")
@option("--force", is_flag=True, help="help.init.force")
@common_options
def init(
    model: str | None, entity: str | None, example: bool, draft: Path | None, output: Path | None, force: bool
) -> int:
    """Write the template of ``model`` and ``entity``: unanswered, the example, or merged from ``draft``."""
    from auditor.policy.template import render_template

    with user_errors():
        if output is not None and str(output) != "-" and is_regular_file(output) and not force:
            raise UsageError(t("cli.exists", file=output))
        if draft is not None:
            if example:
                raise UsageError(t("init.example_and_draft"))
            from auditor.policy.template import draft_answers

            merged = draft_answers(draft)
            for option, name, value in (("--model", "network.model", model), ("--entity", "entity.type", entity)):
                if value is not None and value != merged.answers[name]:
                    raise UsageError(
                        t("init.conflicts_with_draft", option=option, value=value, draft=merged.answers[name])
                    )
            model, entity = merged.answers["network.model"], merged.answers["entity.type"]
            text = render_template(
                model,
                entity,
                example=False,
                expected=_expected(model, entity),
                answers=merged.answers,
                notes=merged.notes,
                draft_name=str(draft),
                extra_sections=merged.sections,
            )
            emit(text, output, [draft])
            return 0
        model, entity = model or "alpha", entity or "municipality"
        expected = None if example else _expected(model, entity)
        emit(render_template(model, entity, example=example, expected=expected), output, [])
    return 0


def _expected(model: str, entity: str) -> dict[str, str]:
    from auditor.audit.service import select_rules
    from auditor.rules.expectations import expectations

    _, rules = select_rules()
    return expectations(rules, model=model, entity=entity)
