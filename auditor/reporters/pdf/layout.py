"""Laying a visual report out as PDF with weasyprint (imported here, only when a PDF is made).

:func:`pdf_document` fills a template of :mod:`auditor.reporters.page` for print and lays it out,
in the PDF worker when one was started (:mod:`auditor.reporters.pdf.worker`), else in this
process; the bytes are the same either way. Dates in the metadata come from the audit date, never
the clock, and the file identifier from the content, so the same input always gives the same file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditor.errors import SetupError
from auditor.reporters.page import DocumentMeta, render_template
from auditor.reporters.pdf.assets import ASSET_SCHEME, asset_fetcher, print_stylesheet


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the PDF (e.g. the machine-readable results)."""

    name: str
    data: bytes
    description: str
    relationship: str = "Data"


def pdf_document(
    name: str,
    context: Mapping[str, Any],
    *,
    lang: str,
    meta: DocumentMeta,
    variant: str | None = None,
    attachments: Sequence[PdfAttachment] = (),
    identifier: bytes | None = None,
) -> bytes:
    """Lay out template ``name`` as PDF; byte-identical for identical input.

    Dates in the metadata come from ``meta.date`` and the file identifier from ``identifier``
    (default: a hash of the document). When a PDF worker was started, the layout happens there
    (it imported weasyprint while this process was still auditing); the result is the same.
    """
    from auditor.reporters.pdf.worker import take_pdf_worker

    # The stylesheet is not inlined: the layout applies the copy it parsed in advance (PdfLayout).
    html = render_template(name, context, lang=lang, medium="print", meta=meta, style="")
    worker = take_pdf_worker()
    if worker is not None:
        pdf = worker.render(html, meta=meta, variant=variant, attachments=attachments, identifier=identifier)
        if pdf is not None:
            return pdf
    # No worker, or it could not do the job: lay out here (a real rendering error surfaces here).
    with in_process_layout() as layout:
        return layout.write_pdf(html, meta=meta, variant=variant, attachments=attachments, identifier=identifier)


def load_weasyprint() -> Any:
    """``import weasyprint``; a system library it cannot load (Pango, ...) is a :class:`SetupError` naming it."""
    try:
        # weasyprint prints installation advice on stdout before it raises: keep it off reports sent there.
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except OSError as exc:
        found = re.search(r"cannot load library '([^']+)'", str(exc))
        library = found.group(1) if found else str(exc).splitlines()[0][:200]
        from auditor.i18n import t

        raise SetupError(t("report.pdf.missing_library", library=library)) from None
    return weasyprint


class PdfLayout:
    """weasyprint ready to lay out the visual reports: imported, the bundled fonts registered and the
    report stylesheet (:func:`~auditor.reporters.pdf.assets.print_stylesheet`) parsed.

    The PDF worker makes one as soon as it starts, so that handing the two 3 MB font files to
    fontconfig and parsing the stylesheet (a tenth of the layout time of a small report) happen
    while the parent is still auditing; :meth:`warm_up` lays a few words out once, so that Pango,
    FreeType and HarfBuzz load the faces before the real document arrives. Without a worker, each
    document gets its own layout. None of this changes a byte of the output.
    """

    def __init__(self) -> None:
        weasyprint = load_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        self.font_config: Any = FontConfiguration()
        with _quiet_weasyprint():
            self.stylesheet: Any = weasyprint.CSS(
                string=print_stylesheet(),
                base_url=f"{ASSET_SCHEME}:",
                url_fetcher=asset_fetcher(),
                font_config=self.font_config,
            )

    def warm_up(self) -> None:
        """Lay out and write a tiny document in both faces (the output is thrown away)."""
        text = "監査 Audit 0123456789 ／（）・「」"
        html = (
            f'<body class="medium-print"><h2>{text}</h2><p>{text} <b>{text}</b></p>'
            f'<p class="rows"><span class="sev sev-high">{text}</span></p></body>'
        )
        self.write_pdf(html, meta=DocumentMeta(title="warm-up", date="2000-01-01", generator="auditor"))

    def write_pdf(
        self,
        html: str,
        *,
        meta: DocumentMeta,
        variant: str | None = None,
        attachments: Sequence[PdfAttachment] = (),
        identifier: bytes | None = None,
    ) -> bytes:
        """The PDF of ``html``, a template rendered without a stylesheet of its own (``style=""``): the
        report stylesheet parsed at start is applied."""
        import datetime as dt

        weasyprint = load_weasyprint()
        fetcher = asset_fetcher()
        when = dt.datetime.fromisoformat(meta.date).replace(tzinfo=dt.UTC)
        files = [
            weasyprint.Attachment(
                string=item.data,
                name=item.name,
                description=item.description,
                created=when,
                modified=when,
                relationship=item.relationship,
                url_fetcher=fetcher,
            )
            for item in attachments
        ]
        digest = identifier or hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        with _quiet_weasyprint(), _no_cyclic_gc():
            document = weasyprint.HTML(string=html, base_url=f"{ASSET_SCHEME}:", url_fetcher=fetcher)
            pdf: bytes = document.write_pdf(
                pdf_variant=variant,
                pdf_tags=True,  # accessible by default: costs ~5 % of the layout time (see docs/reports.md)
                attachments=files or None,
                pdf_identifier=digest,
                uncompressed_pdf=False,
                font_config=self.font_config,
                stylesheets=[self.stylesheet],
            )
        return pdf

    def close(self) -> None:
        """Delete the font files weasyprint copied for fontconfig (its own clean-up runs only when the
        configuration is garbage-collected, which a process exiting with cycles left may never do)."""
        import shutil

        folder = getattr(self.font_config, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
            self.font_config._folder = None


@contextlib.contextmanager
def in_process_layout() -> Iterator[PdfLayout]:
    """A layout for one document in this process, closed right after: this process may be a forked
    batch worker that is terminated without running exit handlers, so nothing is left to them."""
    layout = PdfLayout()
    try:
        yield layout
    finally:
        layout.close()


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one document is laid out.

    weasyprint allocates millions of short-lived objects, which trigger collections that find
    almost nothing (its objects are freed by reference counting; peak memory is the same within a
    few MB) and cost 5-10 % of the layout time. Collection resumes afterwards.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _quiet_weasyprint() -> Iterator[None]:
    """Keep weasyprint's own log lines (refused URLs, subsetting notes) off the user's terminal.

    Also silences the ResourceWarning weasyprint 70 triggers by never closing the sRGB profile it
    opens for PDF/A output intents (the file is read completely; nothing is lost).
    """
    logger = logging.getLogger("weasyprint")
    saved = logger.propagate, logger.level, list(logger.handlers)
    logger.handlers = [logging.NullHandler()]
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            yield
    finally:
        logger.propagate, logger.level, logger.handlers = saved[0], saved[1], saved[2]
