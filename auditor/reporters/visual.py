"""Shared machinery of the visual reports (HTML and PDF): templates, stylesheet, fonts, safe fetching.

Any report that is a page rather than text builds on this module (the audit report here, the
batch heat map elsewhere):

* :func:`render_template` fills a Jinja2 template from ``auditor/reporters/templates`` with
  autoescaping on, so every string that came from a policy is escaped.
* :func:`html_document` makes a self-contained HTML file for browsers: the stylesheet inline, the
  Japanese font embedded as a WOFF subset of exactly the characters used, and a Content Security
  Policy that allows no request at all (no script, no network, no file).
* :func:`pdf_document` lays the same template and stylesheet out with weasyprint (imported here,
  only when a PDF is asked for) through :class:`AssetFetcher`, which serves the bundled fonts and
  nothing else: a policy can make the renderer neither read local files nor reach the network.

Templates extend ``base.html.j2`` and receive ``lang``, ``medium`` (``screen`` or ``print``) and
``meta`` (a :class:`DocumentMeta`) besides their own context. One stylesheet (``report.css``)
serves both media; the font is the family :data:`FONT_FAMILY`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import logging
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import jinja2

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
STYLESHEET = ASSETS_DIR / "report.css"
FONT_FAMILY = "Auditor Sans"
FONT_FACES: tuple[tuple[int, str], ...] = (
    (400, "fonts/BIZUDPGothic-Regular.ttf"),
    (700, "fonts/BIZUDPGothic-Bold.ttf"),
)
ASSET_SCHEME = "auditor-asset"
"""URL scheme of bundled assets in the PDF pipeline (``auditor-asset:fonts/...``)."""
SERVED_ASSETS: frozenset[str] = frozenset(path for _, path in FONT_FACES)
"""The only files :class:`AssetFetcher` will ever hand to weasyprint."""
CSP_BASE = "default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; font-src data:"
PDF_VARIANTS: tuple[str, ...] = ("pdf/a-3b",)
"""PDF variants the CLI offers (archival PDF/A-3b, with the JSON results attached)."""

Medium = Literal["screen", "print"]


@dataclass(frozen=True)
class DocumentMeta:
    """Document metadata; ``date`` (ISO) is also the PDF's creation and modification date."""

    title: str
    date: str
    generator: str
    description: str = ""
    author: str = ""


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the PDF (e.g. the machine-readable results)."""

    name: str
    data: bytes
    description: str
    relationship: str = "Data"


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the visual reports (autoescape always on, undefined is an error)."""
    import jinja2

    from auditor.reporters.precompiled import PrecompiledLoader

    return jinja2.Environment(
        loader=PrecompiledLoader(str(TEMPLATES_DIR)),  # the shipped compiled code when it is current
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def stylesheet() -> str:
    """The one stylesheet shared by HTML and PDF."""
    return STYLESHEET.read_text(encoding="utf-8")


def render_template(
    name: str,
    context: Mapping[str, Any],
    *,
    lang: str,
    medium: Medium,
    meta: DocumentMeta,
    style: str,
    csp: str | None = None,
) -> str:
    """Fill template ``name``; ``style`` is trusted CSS placed in the document's one ``<style>``."""
    from markupsafe import Markup

    template = environment().get_template(name)
    return template.render(
        {**context, "lang": lang, "medium": medium, "meta": meta, "style": Markup(style), "csp": csp}
    )


def font_face_css(sources: Sequence[str]) -> str:
    """``@font-face`` rules of :data:`FONT_FAMILY`, one per weight, with the given ``src`` values."""
    rules = []
    for (weight, _), source in zip(FONT_FACES, sources, strict=True):
        rules.append(
            f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; font-style: normal; src: {source}; }}"
        )
    return "\n".join(rules) + "\n"


# --- HTML ---------------------------------------------------------------------------------------


def html_document(name: str, context: Mapping[str, Any], *, lang: str, meta: DocumentMeta) -> str:
    """A self-contained HTML page: inline style, embedded font subset, no request allowed.

    The template is rendered twice: once to learn which characters the page uses (the embedded
    font holds only those), once with the final ``<style>`` and a CSP that whitelists exactly
    that style element by hash.
    """
    draft = render_template(name, context, lang=lang, medium="screen", meta=meta, style="")
    characters = set(draft)
    sources = [
        f"url(data:font/woff;base64,{base64.b64encode(data).decode('ascii')}) format('woff')"
        for data in (subset_font(path, characters) for _, path in FONT_FACES)
    ]
    style = font_face_css(sources) + stylesheet()
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    csp = f"{CSP_BASE}; style-src 'sha256-{digest}'"
    return render_template(name, context, lang=lang, medium="screen", meta=meta, style=style, csp=csp)


def subset_font(path: str, characters: set[str]) -> bytes:
    """WOFF of bundled font ``path`` holding only ``characters`` (plus the .notdef glyph).

    WOFF (zlib) rather than WOFF2: brotli at its default quality takes about a second per face for
    a 20 % smaller file.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = []
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence records (OFL)
    buffer = io.BytesIO()
    with TTFont(str(ASSETS_DIR / path), recalcTimestamp=False, lazy=True) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes={ord(character) for character in characters})
        subsetter.subset(font)
        font.flavor = "woff"
        font.save(buffer, reorderTables=False)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------------


def asset_url(path: str) -> str:
    """The URL under which the PDF pipeline reaches bundled asset ``path``."""
    return f"{ASSET_SCHEME}:{path}"


class AssetRefused(ValueError):
    """A URL the renderer asked for that is not a bundled asset (network, file, data, ...)."""


def read_asset(url: str) -> bytes:
    """The bytes of the bundled asset at ``url``; anything else is refused.

    Only the exact names in :data:`SERVED_ASSETS` are served, so neither ``..`` nor another
    scheme (``file:``, ``http:``, ``data:``) can reach anything else.
    """
    prefix = f"{ASSET_SCHEME}:"
    if not url.startswith(prefix) or url[len(prefix) :] not in SERVED_ASSETS:
        raise AssetRefused(f"refused to fetch {url[:200]!r}: only bundled report assets are served")
    return (ASSETS_DIR / url[len(prefix) :]).read_bytes()


def asset_fetcher() -> Any:
    """A weasyprint URL fetcher serving :data:`SERVED_ASSETS` only (imports weasyprint)."""
    return _fetcher_class()()


@functools.cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):  # type: ignore[misc]
        """Serve bundled assets; refuse every other URL without opening it."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=[ASSET_SCHEME], allow_redirects=False, timeout=1)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            try:
                data = read_asset(url)
            except AssetRefused:
                self.refused.append(url)
                raise
            return URLFetcherResponse(url, data, {"Content-Type": "font/ttf"})

    return AssetFetcher


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

    Dates in the metadata come from ``meta.date`` (never the clock) and the file identifier from
    ``identifier`` (default: a hash of the document), so the same audit gives the same bytes. When
    :func:`start_pdf_worker` was called, the layout happens in that worker process (which imported
    weasyprint while this one was still auditing); the result is the same.
    """
    # The stylesheet is not inlined: the layout applies the copy it parsed in advance (PdfLayout).
    html = render_template(name, context, lang=lang, medium="print", meta=meta, style="")
    worker, _WORKER[0] = _WORKER[0], None
    if worker is not None:
        pdf = worker.render(html, meta=meta, variant=variant, attachments=attachments, identifier=identifier)
        if pdf is not None:
            return pdf
    # No worker, or it could not do the job: lay out here (a real rendering error surfaces here).
    with _layout() as layout:
        return layout.write_pdf(
            html, meta=meta, variant=variant, attachments=attachments, identifier=identifier, styled=False
        )


def print_stylesheet() -> str:
    """The PDF's stylesheet: ``@font-face`` rules for the bundled fonts behind :data:`ASSET_SCHEME`, then
    ``report.css``."""
    return font_face_css([f"url('{asset_url(path)}')" for _, path in FONT_FACES]) + stylesheet()


def print_html(name: str, context: Mapping[str, Any], *, lang: str, meta: DocumentMeta) -> str:
    """Self-contained HTML for :func:`html_to_pdf`: the template with :func:`print_stylesheet` inline
    (:func:`pdf_document` applies the same stylesheet without inlining it)."""
    return render_template(name, context, lang=lang, medium="print", meta=meta, style=print_stylesheet())


def html_to_pdf(
    html: str,
    *,
    meta: DocumentMeta,
    variant: str | None = None,
    attachments: Sequence[PdfAttachment] = (),
    identifier: bytes | None = None,
) -> bytes:
    """Lay ``html`` (which carries its own stylesheet, e.g. :func:`print_html`) out with weasyprint
    (imported here) through :class:`AssetFetcher`."""
    with _layout() as layout:
        return layout.write_pdf(html, meta=meta, variant=variant, attachments=attachments, identifier=identifier)


class PdfLayout:
    """weasyprint ready to lay out the visual reports: imported, the bundled fonts registered and the
    report stylesheet (:func:`print_stylesheet`) parsed.

    The PDF worker makes one as soon as it starts, so that handing the two 3 MB font files to
    fontconfig and parsing the stylesheet (a tenth of the layout time of a small report) happen
    while the parent is still auditing; :meth:`warm_up` lays a few words out once, so that Pango,
    FreeType and HarfBuzz load the faces before the real document arrives. Without a worker, each
    document gets its own layout. None of this changes a byte of the output.
    """

    def __init__(self) -> None:
        import weasyprint
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
        self.write_pdf(html, meta=DocumentMeta(title="warm-up", date="2000-01-01", generator="auditor"), styled=False)

    def write_pdf(
        self,
        html: str,
        *,
        meta: DocumentMeta,
        variant: str | None = None,
        attachments: Sequence[PdfAttachment] = (),
        identifier: bytes | None = None,
        styled: bool = True,
    ) -> bytes:
        """The PDF of ``html`` (see :func:`html_to_pdf`).

        ``styled=False``: ``html`` has no stylesheet of its own (a template rendered with
        ``style=""``); the report stylesheet parsed at start is applied.
        """
        import datetime as dt

        import weasyprint

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
                attachments=files or None,
                pdf_identifier=digest,
                uncompressed_pdf=False,
                font_config=self.font_config,
                stylesheets=None if styled else [self.stylesheet],
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


@contextmanager
def _layout() -> Iterator[PdfLayout]:
    """A layout for one document in this process, closed right after: this process may be a forked
    batch worker that is terminated without running exit handlers, so nothing is left to them."""
    layout = PdfLayout()
    try:
        yield layout
    finally:
        layout.close()


# --- the PDF worker: import weasyprint in parallel with the audit --------------------------------

_WORKER: list[PdfWorker | None] = [None]
WORKER_SWITCH = "AUDITOR_PDF_WORKER"
"""Set to ``0`` to lay PDFs out in the main process (no worker)."""


class PdfWorker:
    """A child process (``python -P -m auditor.reporters.pdf_worker``) that imports weasyprint at once.

    Importing weasyprint costs about half a second of CPU; started before the audit, the child does
    that on another core while the parent loads the rules and audits, then receives the HTML on
    stdin and answers with the PDF on stdout. If it is never asked, it is killed at exit. It is
    only an optimisation: when it cannot start or fails, the PDF is laid out in this process.
    """

    def __init__(self) -> None:
        import subprocess
        import sys

        # -P: do not put the working directory first on sys.path, or a json.py or weasyprint.py in the
        # directory being audited would be imported (and run) by the worker.
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "auditor.reporters.pdf_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def render(
        self,
        html: str,
        *,
        meta: DocumentMeta,
        variant: str | None,
        attachments: Sequence[PdfAttachment],
        identifier: bytes | None,
    ) -> bytes | None:
        """The PDF of ``html`` laid out by the worker, or None if the worker failed."""
        import json
        from dataclasses import asdict

        request = {
            "html": html,
            "styled": False,
            "meta": asdict(meta),
            "variant": variant,
            "attachments": [
                {**asdict(item), "data": base64.b64encode(item.data).decode("ascii")} for item in attachments
            ],
            "identifier": identifier.decode("ascii") if identifier else None,
        }
        try:
            output, _ = self.process.communicate(json.dumps(request).encode("utf-8"))
        except OSError:  # the worker died before reading its request (broken pipe)
            self.cancel()
            return None
        if self.process.returncode != 0 or not output.startswith(b"%PDF-"):
            return None
        return output

    def cancel(self) -> None:
        """Stop the worker if it is still waiting (the audit failed or no PDF was asked for after all)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def start_pdf_worker() -> None:
    """Start the PDF worker now, so weasyprint loads while the audit runs (see :class:`PdfWorker`)."""
    import atexit
    import os

    if _WORKER[0] is not None or os.environ.get(WORKER_SWITCH, "1") == "0":
        return
    try:
        worker = PdfWorker()
    except OSError:  # cannot spawn: lay out in this process instead
        return
    _WORKER[0] = worker
    atexit.register(worker.cancel)


def cancel_pdf_worker() -> None:
    """Stop a started worker that will not be used."""
    worker, _WORKER[0] = _WORKER[0], None
    if worker is not None:
        worker.cancel()


def forget_pdf_worker() -> None:
    """In a forked child process: drop the parent's worker without stopping it (it is the parent's).

    The child's copies of the worker's pipes are closed too, so that the worker still sees the
    end of its input when the parent has sent its request (batch workers are forked this way).
    """
    worker, _WORKER[0] = _WORKER[0], None
    if worker is not None:
        for stream in (worker.process.stdin, worker.process.stdout, worker.process.stderr):
            if stream is not None:
                stream.close()


@contextmanager
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


@contextmanager
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
