"""Pieces shared by every command: option bundles, error translation and payload output."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from auditor import exitcodes
from auditor.errors import InputError, UsageError
from auditor.files.output import InputGuard, write_atomic
from auditor.files.textsafe import printable
from auditor.i18n import set_language, t

if TYPE_CHECKING:
    from auditor.reporters.registry import Registry

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    lang = value or os.environ.get("AUDITOR_LANG", "ja")
    if lang not in ("ja", "en"):
        lang = "ja"
    set_language(lang)  # type: ignore[arg-type]
    return lang


def common_options(function: F) -> F:
    """Add ``--lang`` and ``--debug`` to a command (they are also accepted before the command)."""
    function = click.option(
        "--lang",
        type=click.Choice(["ja", "en"]),
        default=None,
        callback=_set_lang,
        is_eager=True,
        expose_value=False,
        help="Language of messages and reports (default ja, or $AUDITOR_LANG). / 表示言語",
    )(function)
    function = click.option("--debug", is_flag=True, expose_value=False, help="Show a traceback on internal errors.")(
        function
    )
    return function


def bundle(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` (click options) so they show in ``--help`` in the order given."""

    def decorate(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return decorate


def gate_options(
    fail_on_help: str = "Exit 1 when a requirement of at least this severity fails ('none': never).",
    level_help: str = "Only gate on 必須 (must) requirements, or on both must and should.",
) -> Callable[[F], F]:
    """``--fail-on`` and ``--fail-on-level``: what makes the exit code 1 (see :mod:`auditor.audit.gate`)."""
    from auditor.audit.gate import FAIL_ON_CHOICES  # here, not at start-up: gate imports the policy model

    return bundle(
        click.option(
            "--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="low", show_default=True, help=fail_on_help
        ),
        click.option("--fail-on-level", type=click.Choice(["must", "should"]), default=None, help=level_help),
    )


def catalogue_options(
    rules_help: str = "An extra directory of rule files (repeatable); validated, never executed.",
    edition_help: str = "Guideline edition to audit against (default: the newest encoded).",
) -> Callable[[F], F]:
    """``--rules DIR`` (repeatable, as ``rule_dirs``) and ``--edition``: which rules are applied."""
    return bundle(
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help=rules_help),
        click.option("--edition", default=None, help=edition_help),
    )


def _audit_date(ctx: click.Context, param: click.Parameter, value: dt.datetime | None) -> dt.date:
    return value.date() if value is not None else dt.date.today()


def date_option(
    help: str = "Audit date YYYY-MM-DD (default today); fixes waiver expiry and report dates.",
) -> Callable[[F], F]:
    """``--date YYYY-MM-DD``, passed as ``today`` (a :class:`datetime.date`; today when not given)."""
    return click.option(
        "--date", "today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, callback=_audit_date, help=help
    )


def output_option(
    help: str = "Write the report to FILE (atomically) instead of standard output.", required: bool = False
) -> Callable[[F], F]:
    """``-o/--output FILE`` (unless required: ``-`` or none for standard output)."""
    if required:  # no default at all: click 8.4 would take default=None as a value given
        return click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help=help)
    return click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help=help)


class InputProblem(click.ClickException):
    """An unusable input, shown as one line per problem (control characters escaped); exit code 2."""

    exit_code = exitcodes.USAGE_OR_INPUT

    def show(self, file: Any = None) -> None:
        stream = file or sys.stderr
        prefix = t("cli.error_prefix")
        for line in self.message.splitlines():
            click.echo(f"{prefix}: {printable(line)}", file=stream)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Translate the library's errors into click exceptions with exit code 2."""
    try:
        yield
    except (InputError, UsageError) as exc:
        raise InputProblem(str(exc)) from None


def given(*paths: Path | None) -> list[Path]:
    """The optional input files that were given on the command line (e.g. ``--waivers FILE``)."""
    return [path for path in paths if path is not None]


def report_targets(output: Path | None, formats: Sequence[str], registry: Registry[Any, Any]) -> dict[str, Path | None]:
    """Where each format goes: ``output`` itself, or with several formats ``output`` with each one's suffix."""
    if len(formats) > 1 and output is not None:
        return {name: output.with_suffix(f".{registry.format(name).suffix}") for name in formats}
    return dict.fromkeys(formats, output)


def guard_targets(targets: Iterable[Path | None], inputs: Iterable[Path]) -> InputGuard:
    """Refuse now, before any work, a report target that is one of the ``inputs``; the guard for :func:`emit`."""
    guard = InputGuard(inputs)
    for target in targets:
        if target is not None and str(target) != "-":
            guard.check(target)
    return guard


def emit(payload: str | bytes, output: Path | None, inputs: Iterable[Path] | InputGuard) -> None:
    """Send a report to stdout or, atomically, to ``output`` (never over an input file)."""
    if output is None or str(output) == "-":
        if isinstance(payload, bytes):
            sys.stdout.buffer.write(payload)
            sys.stdout.flush()
        else:
            click.echo(payload, nl=False)
        return
    (inputs if isinstance(inputs, InputGuard) else InputGuard(inputs)).check(output)
    write_atomic(output, payload)
    click.echo(t("cli.written", file=output), err=True)
