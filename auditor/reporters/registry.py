"""The report-format registry shared by the single-policy, batch and diff reports.

A :class:`Registry` names each format, where its renderer lives (imported only when the format is
asked for, so weasyprint or openpyxl cost nothing to a run printing a table), whether its output
is binary, and its file suffix. It parses ``--format a,b`` lists, refuses unknown names in the
user's language, and renders every format in the language of the report's options: results
carry bilingual texts, so nothing depends on the language of the command that produced them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar, cast

from auditor.errors import UsageError
from auditor.i18n import t, using


class HasLang(Protocol):
    """Report options: whatever else they hold, they name the report's language."""

    @property
    def lang(self) -> str: ...


Document = TypeVar("Document", contravariant=True)
Options = TypeVar("Options", bound=HasLang, contravariant=True)


class Renderer(Protocol[Document, Options]):
    """The one signature of every reporter: ``render(document, options) -> str | bytes``."""

    def __call__(self, document: Document, options: Options, /) -> str | bytes: ...


@dataclass(frozen=True)
class Format:
    """One report format: its name, its renderer (``module`` or ``module:function``), its output kind."""

    name: str
    target: str
    binary: bool = False
    extension: str | None = None
    """File suffix when it is not the format's name (``table`` → ``txt``)."""

    @property
    def suffix(self) -> str:
        """The file suffix of this format's reports."""
        return self.extension or self.name


class Registry(Generic[Document, Options]):
    """The formats of one kind of report (single policy, batch, diff)."""

    def __init__(self, formats: Sequence[Format], *, unknown_message: str = "report.cli.unknown_format") -> None:
        self._formats = {item.name: item for item in formats}
        self._unknown_message = unknown_message

    @property
    def names(self) -> tuple[str, ...]:
        """Every format name, in registration order."""
        return tuple(self._formats)

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    def format(self, name: str) -> Format:
        """The format called ``name``; a :class:`~auditor.errors.UsageError` naming the known ones otherwise."""
        found = self._formats.get(name)
        if found is None:
            raise UsageError(t(self._unknown_message, name=name, known=", ".join(sorted(self._formats))))
        return found

    def parse(self, value: str) -> list[str]:
        """The formats of a ``--format`` value (``pdf,json``): known names, each once, in the order given."""
        names = list(dict.fromkeys(name.strip() for name in value.split(",") if name.strip()))
        for name in names or [value]:
            self.format(name)
        return names

    def renderer(self, name: str) -> Renderer[Document, Options]:
        """The renderer of format ``name``, imported now, rendering in the language of its options."""
        module_name, _, function = self.format(name).target.partition(":")
        module = importlib.import_module(module_name)
        render = cast(Callable[[Document, Options], "str | bytes"], getattr(module, function or "render"))

        def render_in_language(document: Document, options: Options, /) -> str | bytes:
            with using(options.lang):
                return render(document, options)

        return render_in_language
