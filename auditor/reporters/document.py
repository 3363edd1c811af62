"""What the HTML and PDF audit reports share: the template name, its context and the metadata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from auditor.audit.results import AuditResult
from auditor.i18n import Lang
from auditor.i18n import translate as tr
from auditor.reporters.charts import chapter_chart, progress_chart
from auditor.reporters.network_figure import network_diagram
from auditor.reporters.page import DocumentMeta
from auditor.reporters.view import build_all

TEMPLATE = "audit.html.j2"


def context(results: Sequence[AuditResult], lang: Lang) -> dict[str, Any]:
    """Template context: the report views and the figure builders."""
    return {
        "reports": build_all(results, lang),
        "chapter_chart": chapter_chart,
        "network_diagram": network_diagram,
        "progress_chart": progress_chart,
    }


def metadata(results: Sequence[AuditResult], lang: Lang) -> DocumentMeta:
    """Title from the audited bodies, dates from the (latest) audit date, never from the clock."""
    names = (
        "・".join(result.policy.entity_name for result in results)
        if lang == "ja"
        else ", ".join(result.policy.entity_name for result in results)
    )
    date = max(result.audit_date for result in results).isoformat()
    version = results[0].tool_version if results else ""
    return DocumentMeta(
        title=f"{tr('report.title', lang)} — {names}",
        date=date,
        generator=f"auditor {version}",
        description=tr("report.subtitle", lang),
        author="auditor",
    )
