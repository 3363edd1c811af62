"""PDF report (weasyprint): cover, contents with page numbers, summary, figures, findings, appendix.

Laid out by :func:`auditor.reporters.pdf.layout.pdf_document`, where weasyprint is imported, so
other formats never pay for it. The JSON results are embedded as an attachment; with
``--pdf-variant pdf/a-3b`` the file is PDF/A-3b for archiving. The same results and audit date
always give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from auditor.audit.results import RESULT_SCHEMA_VERSION, AuditResult
from auditor.i18n import translate as tr
from auditor.reporters import ReportOptions, json_report
from auditor.reporters.document import TEMPLATE, context, metadata
from auditor.reporters.pdf.layout import PdfAttachment, pdf_document
from auditor.reporters.view import lang_of

ATTACHMENT_NAME = "auditor-results.json"


def render(results: Sequence[AuditResult], options: ReportOptions) -> bytes:
    """The PDF report of ``results``."""
    lang = lang_of(options.lang)
    data = json_report.render(results, options).encode("utf-8")
    attachment = PdfAttachment(
        name=ATTACHMENT_NAME, data=data, description=tr("report.attachment", lang, version=RESULT_SCHEMA_VERSION)
    )
    identifier = hashlib.sha256(data).hexdigest()[:32].encode("ascii")
    return pdf_document(
        TEMPLATE,
        context(results, lang),
        lang=lang,
        meta=metadata(results, lang),
        variant=options.pdf_variant,
        attachments=[attachment],
        identifier=identifier,
    )
