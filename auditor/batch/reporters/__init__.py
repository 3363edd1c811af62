"""Formats of the batch comparison: one module per format exposing ``render(report, options)``.

Registered in :data:`BATCH_FORMATS` like the single-policy formats (:mod:`auditor.reporters.registry`).
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.batch.summary import BatchReport
from auditor.reporters.registry import Format, Registry


@dataclass(frozen=True)
class BatchOptions:
    """Presentation choices of a batch report."""

    lang: str = "ja"
    top: int = 10
    """How many entries the most-failed list and the ranking show in table, HTML and PDF."""
    title: str | None = None
    """Title of the HTML and PDF cover (``--title``); None: worked out from the bodies."""


BATCH_FORMATS: Registry[BatchReport, BatchOptions] = Registry(
    [
        Format("table", "auditor.batch.reporters.table", extension="txt"),
        Format("json", "auditor.batch.reporters.json_report"),
        Format("csv", "auditor.batch.reporters.csv_report"),
        Format("xlsx", "auditor.batch.reporters.xlsx", binary=True),
        Format("html", "auditor.batch.reporters.html"),
        Format("pdf", "auditor.batch.reporters.pdf", binary=True),
    ],
    unknown_message="batch.unknown_format",
)
