"""The ``auditor`` command line: a thin click layer over the library.

:func:`main` is the console script. It maps every way a run can end onto the documented exit
codes (:mod:`auditor.exitcodes`), so that a crash, a bad file or Ctrl-C never looks like
"non-compliant" to a CI pipeline.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
import traceback
from typing import Any

import click

from auditor import __version__, exitcodes
from auditor.cli.common import InputProblem, common_options, settle_language
from auditor.cli.localized import Group, Option, group
from auditor.cli.project import default_map
from auditor.config import ProjectConfig, discover
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
    "checklist": "auditor.cli.checklist:checklist",
    "oscal": "auditor.cli.oscal:oscal",
}


class OutputClosed(Exception):
    """The reader of standard output (or of a FIFO given as ``-o``) went away, e.g. ``| head``.

    Not an OSError: click answers a broken pipe with a silent exit code 1, which would read as
    "non-compliant"; this is carried past click to :func:`main` instead.
    """


class LazyGroup(Group):
    """A group whose subcommands are imported on first use."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise OutputClosed from None

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


class _WholeWrites(io.RawIOBase):
    """A descriptor written in full or not at all: a short write is retried until done or refused.

    Python's own buffered layer can take a pipe write cut short by the reader leaving (``| head``)
    as done, so the run would end as if the whole report had been read; this raises
    :class:`BrokenPipeError` instead.
    """

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._descriptor

    def isatty(self) -> bool:
        return os.isatty(self._descriptor)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            view = view[os.write(self._descriptor, view) :]
        return size


def _whole_writes_to_stdout() -> None:
    """Route standard output through :class:`_WholeWrites` (unless it is not a real descriptor, as under test)."""
    stream = sys.stdout
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    stream.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_WholeWrites(descriptor)),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=bool(stream.line_buffering),
    )


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point; never returns."""
    args = sys.argv[1:] if argv is None else argv
    _whole_writes_to_stdout()
    debug = "--debug" in args or bool(os.environ.get("AUDITOR_DEBUG"))
    try:
        settle_language(args)  # first, so that a problem with the configuration is said in it
        config = _project_config()
        if config is not None and config.lang is not None:
            settle_language(args, config.lang)
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
    except (OutputClosed, BrokenPipeError):
        code = _output_closed()
    except Exception as exc:  # a bug: one line, the traceback only on request
        if debug:
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        click.echo(t("cli.internal", detail=detail), err=True)
        code = exitcodes.INTERNAL
    try:
        sys.stdout.flush()  # what is still buffered, while a closed pipe can be told apart
    except BrokenPipeError:
        code = _output_closed()
    except (OSError, ValueError):
        pass
    sys.exit(code if isinstance(code, int) else exitcodes.OK)


def _output_closed() -> int:
    """Exit code 130 for a closed output pipe, with standard output silenced for the flush at exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return exitcodes.INTERRUPTED


def _project_config() -> ProjectConfig | None:
    """The configuration file in force here (see :mod:`auditor.config`)."""
    return discover()
