"""``auditor schema``: print the JSON Schema of policy or rule files."""

from __future__ import annotations

import click

from auditor.cli.common import common_options
from auditor.cli.localized import command
from auditor.schemas.publish import dump, policy_schema, rule_schema


@command(help="help.schema", examples=["auditor schema policy > policy.schema.json"])
@click.argument("kind", type=click.Choice(["policy", "rule"]))
@common_options
def schema(kind: str) -> int:
    """Print the JSON Schema of policy or rule files."""
    click.echo(dump(policy_schema() if kind == "policy" else rule_schema()), nl=False)
    return 0
