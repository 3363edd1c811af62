"""``auditor schema``: print the JSON Schema of policy or rule files."""

from __future__ import annotations

import click

from auditor.cli.common import common_options
from auditor.schemas.publish import dump, policy_schema, rule_schema


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("kind", type=click.Choice(["policy", "rule"]))
@common_options
def schema(kind: str) -> int:
    """Print the JSON Schema of KIND (policy or rule) files.

    \b
    Example:
      auditor schema policy > policy.schema.json
      # then, first line of a policy file:
      # yaml-language-server: $schema=./policy.schema.json
    """
    click.echo(dump(policy_schema() if kind == "policy" else rule_schema()), nl=False)
    return 0
