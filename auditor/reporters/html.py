"""HTML report: one self-contained page (inline style, embedded font subset, no script, no request).

Same template and stylesheet as the PDF (see :mod:`auditor.reporters.page`); opened in any
browser it needs nothing but the file itself, and its Content Security Policy forbids every fetch.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.audit.results import AuditResult
from auditor.reporters import ReportOptions
from auditor.reporters.document import TEMPLATE, context, metadata
from auditor.reporters.page import html_document
from auditor.reporters.view import lang_of


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """The HTML report of ``results`` (several policies: one report after another)."""
    lang = lang_of(options.lang)
    return html_document(TEMPLATE, context(results, lang), lang=lang, meta=metadata(results, lang))
