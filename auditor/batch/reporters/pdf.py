"""PDF batch report (weasyprint): cover, heat-map matrix, most failed requirements, ranking, unusable files.

The same template and stylesheet as the HTML page, laid out by
:func:`auditor.reporters.pdf.layout.pdf_document` (A4 landscape, the bundled font embedded, the URL
fetcher that serves bundled fonts and nothing else). weasyprint is imported only when this format
is chosen. The batch's JSON document (``docs/batch.md``) is attached, so the figures travel with
the file in machine-readable form. The same inputs and audit date give the same bytes: the
metadata dates are the audit date and the file identifier is a hash of the content.
"""

from __future__ import annotations

from auditor.batch.reporters import BatchOptions, json_report
from auditor.batch.reporters.page import TEMPLATE, context, lang_of, metadata
from auditor.batch.summary import BatchReport
from auditor.i18n import t

ATTACHMENT_NAME = "auditor-batch.json"


def render(report: BatchReport, options: BatchOptions) -> bytes:
    """The PDF of the comparison."""
    from auditor.reporters.pdf.layout import PdfAttachment, pdf_document

    data = json_report.render(report, options).encode("utf-8")
    attachment = PdfAttachment(
        name=ATTACHMENT_NAME, data=data, description=t("batch.attachment", version=json_report.BATCH_SCHEMA_VERSION)
    )
    return pdf_document(
        TEMPLATE,
        context(report, options),
        lang=lang_of(options),
        meta=metadata(report, options),
        attachments=[attachment],
    )
