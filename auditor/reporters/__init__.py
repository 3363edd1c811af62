"""Report formats: one module per format, each exposing ``render(results, options)``.

Modules are imported only when their format is asked for, so heavy dependencies (weasyprint for
PDF) cost nothing to a run that prints a table or JSON. ``render`` returns ``str`` for text
formats and ``bytes`` for binary ones; the CLI decides where the payload goes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, cast

from auditor.audit.results import AuditResult
from auditor.errors import UsageError


@dataclass(frozen=True)
class ReportOptions:
    """Presentation choices shared by every format."""

    lang: str = "ja"
    color: bool = False
    pdf_variant: str | None = None
    """PDF only: ``None`` for plain PDF or ``pdf/a-3b`` (archival, JSON results attached)."""


class Renderer(Protocol):
    """The one signature every reporter module implements."""

    def __call__(self, results: Sequence[AuditResult], options: ReportOptions) -> str | bytes: ...


REPORTERS: dict[str, str] = {
    # format name -> module; ``binary`` formats are listed in BINARY_FORMATS.
    "table": "auditor.reporters.table",
    "json": "auditor.reporters.json_report",
    "sarif": "auditor.reporters.sarif",
    "junit": "auditor.reporters.junit",
    "github": "auditor.reporters.github",
    "html": "auditor.reporters.html",
    "pdf": "auditor.reporters.pdf.report",
    "markdown": "auditor.reporters.markdown",
    "xlsx": "auditor.reporters.xlsx",
}
BINARY_FORMATS: frozenset[str] = frozenset({"pdf", "xlsx"})
EXTENSIONS: dict[str, str] = {"table": "txt", "markdown": "md", "junit": "xml"}
"""File suffix of a format whose name is not its usual suffix (for ``-o NAME`` with several formats)."""


def get(name: str) -> Callable[[Sequence[AuditResult], ReportOptions], str | bytes]:
    """The ``render`` function of format ``name`` (imported now, not at start-up)."""
    module_name = REPORTERS.get(name)
    if module_name is None:
        raise UsageError(f"unknown format '{name}' (known: {', '.join(sorted(REPORTERS))})")
    module = importlib.import_module(module_name)
    return cast(Callable[[Sequence[AuditResult], ReportOptions], "str | bytes"], module.render)
