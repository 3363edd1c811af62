"""Report formats of one audit: one module per format, each exposing ``render(results, options)``.

``render`` returns ``str`` for text formats and ``bytes`` for binary ones; the CLI decides where
the payload goes. The formats are registered in :data:`FORMATS` (see :mod:`auditor.reporters.registry`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor.audit.results import AuditResult
from auditor.reporters.registry import Format, Registry


@dataclass(frozen=True)
class ReportOptions:
    """Presentation choices shared by every format."""

    lang: str = "ja"
    color: bool = False
    pdf_variant: str | None = None
    """PDF only: ``None`` for plain PDF or ``pdf/a-3b`` (archival, JSON results attached)."""
    sarif_include: str = "actionable"
    """SARIF only: ``actionable`` (failures, errors, and waived failures as suppressions) or ``all`` outcomes."""
    quiet: bool = False
    """Table and GitHub annotations only: failures and errors, nothing else (for hooks)."""


FORMATS: Registry[Sequence[AuditResult], ReportOptions] = Registry(
    [
        Format("table", "auditor.reporters.table", extension="txt"),
        Format("json", "auditor.reporters.json_report"),
        Format("sarif", "auditor.reporters.sarif"),
        Format("junit", "auditor.reporters.junit", extension="xml"),
        Format("github", "auditor.reporters.github"),
        Format("html", "auditor.reporters.html"),
        Format("pdf", "auditor.reporters.pdf.report", binary=True),
        Format("markdown", "auditor.reporters.markdown", extension="md"),
        Format("xlsx", "auditor.reporters.xlsx", binary=True),
        Format("oscal", "auditor.reporters.oscal", extension="oscal.json"),
    ]
)
