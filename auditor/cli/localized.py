"""Commands and options whose help is a message key, shown in the language in force.

Every ``help=`` given to :func:`command`, :func:`group` and :func:`option` is a key of the message
tables (``help.*``, :mod:`auditor.i18n.messages.help`), translated when the help is shown, so it
follows ``--lang`` and ``AUDITOR_LANG`` (settled by :func:`auditor.cli.main` before click parses
the arguments). A command's examples are command lines, the same in every language, so they are
given as ``examples=`` beside the command and shown under a translated heading::

    @command(help="help.audit", examples=["auditor audit policy.yaml"])
    @option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), help="help.opt.fail_on")
    def audit(...): ...

A ``help`` that is not a key is shown as written (the help test requires keys everywhere).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from auditor.cli.helpformat import HelpFormatter
from auditor.i18n import MESSAGES, t

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def render(key: str | None) -> str | None:
    """The text of help ``key`` in the language in force (``key`` itself when it is not a message key)."""
    if key is None:
        return None
    return t(key) if key in MESSAGES else key


class Context(click.Context):
    """A click context whose help formatter wraps Japanese text (:class:`HelpFormatter`)."""

    formatter_class = HelpFormatter


class Option(click.Option):
    """A click option whose ``help`` is a message key, translated each time it is read."""

    help_key: str | None

    @property
    def help(self) -> str | None:
        return render(self.help_key)

    @help.setter
    def help(self, value: str | None) -> None:
        self.help_key = value

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        extra = self.get_help_extra(ctx)
        items = []
        if "default" in extra:
            items.append(t("help.extra.default", default=extra["default"]))
        if "range" in extra:
            items.append(extra["range"])
        if "required" in extra:
            items.append(t("help.extra.required"))
        text = self.help or ""
        if items:
            text = f"{text}  [{'; '.join(items)}]" if text else f"[{'; '.join(items)}]"
        return self.get_help_spec(ctx), text


class _Translated:
    """What :class:`Command` and :class:`Group` share: translated help, examples, the help option's text."""

    context_class: type[click.Context] = Context
    help_key: str | None
    examples: Sequence[str] = ()

    @property
    def help(self) -> str | None:
        text = render(self.help_key)
        if text is None or not self.examples:
            return text
        lines = "\n".join(f"  {example}" for example in self.examples)
        return f"{text}\n\n\b\n{t('help.heading.examples')}\n{lines}"

    @help.setter
    def help(self, value: str | None) -> None:
        self.help_key = value

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first paragraph of the help (a sentence), in the language in force."""
        text = render(self.help_key) or ""
        return text.split("\n\n", 1)[0].replace("\n", " ").strip()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help.opt.help")
        return option  # type: ignore[no-any-return]


class Command(_Translated, click.Command):
    """A click command with translated help (see the module docstring)."""

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.examples = examples


class Group(_Translated, click.Group):
    """A click group with translated help; its subcommands are :class:`Command` s by default."""

    command_class = Command

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.examples = examples


Group.group_class = Group


def command(
    name: str | None = None, *, help: str, examples: Sequence[str] = (), **attrs: Any
) -> Callable[[Callable[..., Any]], Command]:
    """``@click.command`` with help key ``help`` and ``examples`` (command lines)."""
    attrs.setdefault("context_settings", CONTEXT_SETTINGS)
    return click.command(name, cls=Command, help=help, examples=examples, **attrs)


def group(
    name: str | None = None, *, help: str, examples: Sequence[str] = (), cls: type[Group] = Group, **attrs: Any
) -> Callable[[Callable[..., Any]], Group]:
    """``@click.group`` with help key ``help`` and ``examples`` (command lines)."""
    attrs.setdefault("context_settings", CONTEXT_SETTINGS)
    return click.group(name, cls=cls, help=help, examples=examples, **attrs)


def option(*param_decls: str, help: str, **attrs: Any) -> Callable[[F], F]:
    """``@click.option`` whose ``help`` is a message key."""
    return click.option(*param_decls, cls=Option, help=help, **attrs)
