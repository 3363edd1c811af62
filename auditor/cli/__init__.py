"""The ``auditor`` command line: a thin click layer over the library.

:func:`main` is the console script. It maps every way a run can end onto the documented exit
codes (:mod:`auditor.exitcodes`), so that a crash, a bad file or Ctrl-C never looks like
"non-compliant" to a CI pipeline.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback

import click

from auditor import __version__, exitcodes
from auditor.cli.common import CONTEXT_SETTINGS, common_options
from auditor.i18n import t

COMMANDS: dict[str, str] = {
    # Explicit registration, imported only when the command runs, so `auditor --version` and a
    # command's own start-up do not pay for the others.
    "audit": "auditor.cli.audit:audit",
    "validate": "auditor.cli.validate:validate",
    "init": "auditor.cli.init:init",
    "schema": "auditor.cli.schema:schema",
    "rules": "auditor.cli.rules:rules",
    "diff": "auditor.cli.diff:diff",  # CI gating (issue 5)
    "baseline": "auditor.cli.baseline:baseline",  # CI gating (issue 5)
    "batch": "auditor.cli.batch:batch",  # prefecture-wide audit (issue 7)
    "extract": "auditor.cli.extract:extract",  # draft a policy from the body's own documents (issue 14)
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="auditor")
@common_options
def cli() -> None:
    """Audit a local government's information-security policy against the MIC guideline.

    総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」に照らして、
    団体が宣言した情報セキュリティポリシー（YAML）を監査します。

    \b
    Example:
      auditor init --model beta_prime -o policy.yaml
      auditor audit policy.yaml
      auditor audit policy.yaml --format json -o report.json --lang en
    """


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point; never returns."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("AUDITOR_DEBUG"))
    try:
        code = cli.main(args=args, prog_name="auditor", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code if exc.exit_code != 1 else exitcodes.USAGE_OR_INPUT
    except (click.Abort, KeyboardInterrupt):
        click.echo(t("cli.interrupted"), err=True)
        code = exitcodes.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = exitcodes.INTERRUPTED
    except Exception as exc:  # a bug: one line, the traceback only on request
        if debug:
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        click.echo(t("cli.internal", detail=detail), err=True)
        code = exitcodes.INTERNAL
    sys.exit(code if isinstance(code, int) else exitcodes.OK)
