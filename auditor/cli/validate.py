"""``auditor validate``: check policy or rule files against their schema only."""

from __future__ import annotations

from pathlib import Path

import click

from auditor.cli.common import common_options, quiet_option, user_errors
from auditor.cli.localized import command
from auditor.errors import InputError, read_all
from auditor.files.textsafe import printable
from auditor.files.yamlsource import STDIN, STDIN_NAME, load_yaml
from auditor.i18n import t


@command(help="help.validate", examples=["auditor validate policy.yaml", "auditor validate rules/resilience/*.yaml"])
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@quiet_option("help.validate.quiet")
@common_options
def validate(files: tuple[Path, ...], quiet: bool) -> int:
    """Validate each file as a policy or a rule file, reporting every problem of every file."""

    def check(path: Path) -> None:
        kind = _validate_one(path)
        if not quiet:
            click.echo(t("cli.valid", file=printable(_name(path)), kind=t(f"cli.kind.{kind}")))  # a glob's names

    with user_errors():
        read_all(files, check)
    return 0


def _validate_one(path: Path) -> str:
    document = load_yaml(path)
    # The models are imported only for readable YAML: a broken file is reported without their cost.
    if "entity" in document.data:
        from auditor.policy.loader import validate_policy

        validate_policy(document)
        return "policy"
    if "id" in document.data:
        from auditor.rules.catalogue import validate_rule

        validate_rule(document)
        return "rule"
    raise InputError.of(document.file, t("validate.kind_unknown"), line=1, column=1)


def _name(path: Path) -> str:
    return STDIN_NAME if str(path) == STDIN else str(path)
