"""Pieces shared by every command: option bundles, error translation and payload output."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from auditor import exitcodes
from auditor.cli.localized import CONTEXT_SETTINGS as CONTEXT_SETTINGS
from auditor.cli.localized import option
from auditor.errors import InputError, UsageError
from auditor.files.output import InputGuard
from auditor.files.paths import Target, kind, lookup, output_target, write_all
from auditor.files.textsafe import printable
from auditor.i18n import set_language, t

if TYPE_CHECKING:
    from auditor.reporters.registry import Registry

F = TypeVar("F", bound=Callable[..., Any])

LANGUAGES = ("ja", "en")


def settle_language(args: Sequence[str], configured: str | None = None) -> str:
    """The language of a run, before click parses ``args``: so that help and errors are in it too.

    ``--lang`` anywhere before ``--`` (before or after the command) wins, then ``$AUDITOR_LANG``,
    then ``configured`` (the project configuration), then Japanese.
    """
    chosen = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    for candidate in (chosen, os.environ.get("AUDITOR_LANG"), configured):
        if candidate in LANGUAGES:
            set_language(candidate)  # type: ignore[arg-type]
            return candidate
    set_language("ja")
    return "ja"


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:  # not given: the language settled before parsing stays
        set_language(value)  # type: ignore[arg-type]
    return value


def common_options(function: F) -> F:
    """Add ``--lang`` and ``--debug`` to a command (they are also accepted before the command)."""
    function = option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=None,
        callback=_set_lang,
        is_eager=True,
        expose_value=False,
        help="help.opt.lang",
    )(function)
    return option("--debug", is_flag=True, expose_value=False, help="help.opt.debug")(function)


def bundle(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``decorators`` (click options) so they show in ``--help`` in the order given."""

    def decorate(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return decorate


def gate_options(
    fail_on_help: str = "help.opt.fail_on", level_help: str = "help.opt.fail_on_level"
) -> Callable[[F], F]:
    """``--fail-on`` and ``--fail-on-level``: what makes the exit code 1 (see :mod:`auditor.audit.gate`)."""
    from auditor.audit.gate import FAIL_ON_CHOICES  # here, not at start-up: gate imports the policy model

    return bundle(
        option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default="low", show_default=True, help=fail_on_help),
        option("--fail-on-level", type=click.Choice(["must", "should"]), default=None, help=level_help),
    )


def catalogue_options(rules_help: str = "help.opt.rules", edition_help: str = "help.opt.edition") -> Callable[[F], F]:
    """``--rules DIR`` (repeatable, as ``rule_dirs``) and ``--edition``: which rules are applied."""
    return bundle(
        option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path), help=rules_help),
        option("--edition", default=None, help=edition_help),
    )


def _audit_date(ctx: click.Context, param: click.Parameter, value: dt.datetime | None) -> dt.date:
    return value.date() if value is not None else dt.date.today()


def date_option(help: str = "help.opt.date") -> Callable[[F], F]:
    """``--date YYYY-MM-DD``, passed as ``today`` (a :class:`datetime.date`; today when not given)."""
    return option(
        "--date", "today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, callback=_audit_date, help=help
    )


def quiet_option(help: str = "help.opt.quiet") -> Callable[[F], F]:
    """``-q/--quiet``: failures only, for hooks (passed as ``quiet``)."""
    return option("-q", "--quiet", is_flag=True, help=help)


def output_option(help: str = "help.opt.output", required: bool = False) -> Callable[[F], F]:
    """``-o/--output FILE`` (unless required: ``-`` or none for standard output)."""
    if required:  # no default at all: click 8.4 would take default=None as a value given
        return option("-o", "--output", type=click.Path(path_type=Path), required=True, help=help)
    return option("-o", "--output", type=click.Path(path_type=Path), default=None, help=help)


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
    """Where each format goes: ``output`` itself, or with several formats ``output`` with each one's suffix.

    Several formats need a file name to derive theirs from: a device, pipe or standard stream
    given as ``output`` is refused (its name with a suffix would be a new file beside it, in /dev).
    """
    if len(formats) > 1 and output is not None:
        status = lookup(output) if str(output) != "-" else None
        if status is not None and not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
            raise UsageError(t("paths.formats_need_file", file=output, kind=kind(status.st_mode)))
        return {name: output.with_suffix(f".{registry.format(name).suffix}") for name in formats}
    return dict.fromkeys(formats, output)


def guard_targets(targets: Iterable[Path | None], inputs: Iterable[Path], *, parents: bool = True) -> InputGuard:
    """Refuse now, before any work, a report target that is an input or cannot be written; the guard for :func:`emit`.

    ``parents``: missing directories on the way to a target are allowed (created when writing).
    """
    guard = InputGuard(inputs)
    for target in targets:
        if target is not None and str(target) != "-":
            guard.check(target)
            output_target(target, parents=parents)
    return guard


def emit(
    payload: str | bytes, output: Path | None, inputs: Iterable[Path] | InputGuard, *, quiet: bool = False
) -> None:
    """Send a report to stdout or, atomically, to ``output`` (never over an input file); ``quiet``: say nothing."""
    emit_all([(payload, output)], inputs, quiet=quiet)


def emit_all(
    reports: Sequence[tuple[str | bytes, Path | None]], inputs: Iterable[Path] | InputGuard, *, quiet: bool = False
) -> None:
    """Send reports to stdout or their files; the files are all replaced or, on any failure, none."""
    guard = inputs if isinstance(inputs, InputGuard) else InputGuard(inputs)
    files: list[tuple[Target, bytes]] = []
    for payload, output in reports:
        if output is not None and str(output) != "-":
            guard.check(output)
            files.append((output_target(output), payload.encode("utf-8") if isinstance(payload, str) else payload))
    write_all(files)
    for payload, output in reports:
        if output is None or str(output) == "-":
            if isinstance(payload, bytes):
                sys.stdout.buffer.write(payload)
                sys.stdout.flush()
            else:
                click.echo(payload, nl=False)
    if not quiet:
        for target, _ in files:
            click.echo(t("cli.written", file=target.path), err=True)
