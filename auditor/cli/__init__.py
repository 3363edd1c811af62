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
from auditor.cli.common import InputProblem, common_options, settle_language
from auditor.cli.localized import Group, Option, group
from auditor.cli.project import default_map
from auditor.config import ProjectConfig, discover
from auditor.entry import prestart
from auditor.errors import InputError
from auditor.i18n import t

COMMANDS: dict[str, str] = {
    # Explicit registration, imported only when the command runs, so `auditor --version` and a
    # command's own start-up do not pay for the others.
    "audit": "auditor.cli.audit:audit",
    "validate": "auditor.cli.validate:validate",
    "init": "auditor.cli.init:init",
    "schema": "auditor.cli.schema:schema",
    "rules": "auditor.cli.rules:rules",
    "diff": "auditor.cli.diff:diff",
    "baseline": "auditor.cli.baseline:baseline",
    "batch": "auditor.cli.batch:batch",
    "extract": "auditor.cli.extract:extract",
    "oscal": "auditor.cli.oscal:oscal",
}


class LazyGroup(Group):
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


@group(
    cls=LazyGroup,
    help="help.cli",
    examples=[
        "auditor init --model beta_prime -o policy.yaml",
        "auditor audit policy.yaml",
        "auditor --lang en audit policy.yaml --format json -o report.json",
    ],
)
@click.version_option(__version__, "-V", "--version", prog_name="auditor", cls=Option, help="help.opt.version")
@common_options
def cli() -> None:
    """The ``auditor`` group: its subcommands are in :data:`COMMANDS`."""


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point; never returns."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("AUDITOR_DEBUG"))
    try:
        settle_language(args)  # first, so that a problem with the configuration is said in it
        config = _project_config()
        if config is not None and config.lang is not None:
            settle_language(args, config.lang)
        prestart(args)  # a no-op if the console script (auditor.entry) already did it
        code = cli.main(args=args, prog_name="auditor", standalone_mode=False, default_map=default_map(config))
    except InputError as exc:  # the project configuration
        InputProblem(str(exc)).show()
        code = exitcodes.USAGE_OR_INPUT
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.UsageError as exc:  # click's own message (English), in our one-line form
        command = exc.ctx.command_path if exc.ctx is not None else "auditor"
        click.echo(t("cli.usage_error", message=exc.format_message(), command=command), err=True)
        code = exitcodes.USAGE_OR_INPUT
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


def _project_config() -> ProjectConfig | None:
    """The configuration file in force here (see :mod:`auditor.config`)."""
    return discover()
