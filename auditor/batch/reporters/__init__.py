"""Formats of the batch comparison: one module per format exposing ``render(report, options)``.

Like :mod:`auditor.reporters`, modules are imported only when their format is asked for, so
openpyxl (xlsx) and weasyprint (pdf) cost nothing to a run that prints a table or JSON.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from auditor.batch.summary import BatchReport
from auditor.errors import UsageError
from auditor.i18n import t


@dataclass(frozen=True)
class BatchOptions:
    """Presentation choices of a batch report."""

    lang: str = "ja"
    top: int = 10
    """How many entries the most-failed list and the ranking show in table, HTML and PDF."""
    title: str | None = None
    """Title of the HTML and PDF cover (``--title``); None: worked out from the bodies."""


BatchRenderer = Callable[[BatchReport, BatchOptions], "str | bytes"]

BATCH_FORMATS: dict[str, str] = {
    "table": "auditor.batch.reporters.table",
    "json": "auditor.batch.reporters.json_report",
    "csv": "auditor.batch.reporters.csv_report",
    "xlsx": "auditor.batch.reporters.xlsx",
    "html": "auditor.batch.reporters.html",
    "pdf": "auditor.batch.reporters.pdf",
}
BINARY_FORMATS: frozenset[str] = frozenset({"xlsx", "pdf"})
EXTENSIONS: dict[str, str] = {"table": "txt"}
"""File extension of each format when it is not the format's name."""


def get(name: str) -> BatchRenderer:
    """The ``render`` function of batch format ``name`` (imported now, not at start-up)."""
    module_name = BATCH_FORMATS.get(name)
    if module_name is None:
        known = ", ".join(sorted(BATCH_FORMATS))
        raise UsageError(t("batch.unknown_format", name=name, known=known))
    module = importlib.import_module(module_name)
    return cast(BatchRenderer, module.render)
