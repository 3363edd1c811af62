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

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
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


def render_template(name: str, context: Mapping[str, Any], *, lang: str, medium: Medium, meta: DocumentMeta,
                    style: str, csp: str | None = None) -> str:
    """Fill template ``name``; ``style`` is trusted CSS placed in the document's one ``<style>``."""
    from markupsafe import Markup

    template = environment().get_template(name)
    return template.render({**context, "lang": lang, "medium": medium, "meta": meta, "style": Markup(style),
                            "csp": csp})


def font_face_css(sources: Sequence[str]) -> str:
    """``@font-face`` rules of :data:`FONT_FAMILY`, one per weight, with the given ``src`` values."""
    rules = []
    for (weight, _), source in zip(FONT_FACES, sources, strict=True):
        rules.append(f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; "
                     f"font-style: normal; src: {source}; }}")
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
    sources = [f"url(data:font/woff;base64,{base64.b64encode(data).decode('ascii')}) format('woff')"
               for data in (subset_font(path, characters) for _, path in FONT_FACES)]
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
    if not url.startswith(prefix) or url[len(prefix):] not in SERVED_ASSETS:
        raise AssetRefused(f"refused to fetch {url[:200]!r}: only bundled report assets are served")
    return (ASSETS_DIR / url[len(prefix):]).read_bytes()


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


def pdf_document(name: str, context: Mapping[str, Any], *, lang: str, meta: DocumentMeta,
                 variant: str | None = None, attachments: Sequence[PdfAttachment] = (),
                 identifier: bytes | None = None) -> bytes:
    """Lay out template ``name`` as PDF; byte-identical for identical input.

    Dates in the metadata come from ``meta.date`` (never the clock) and the file identifier from
    ``identifier`` (default: a hash of the document), so the same audit gives the same bytes. When
    :func:`start_pdf_worker` was called, the layout happens in that worker process (which imported
    weasyprint while this one was still auditing); the result is the same.
    """
    html = print_html(name, context, lang=lang, meta=meta)
    worker, _WORKER[0] = _WORKER[0], None
    if worker is not None:
        pdf = worker.render(html, meta=meta, variant=variant, attachments=attachments, identifier=identifier)
        if pdf is not None:
            return pdf
    # No worker, or it could not do the job: lay out here (a real rendering error surfaces here).
    return html_to_pdf(html, meta=meta, variant=variant, attachments=attachments, identifier=identifier)


def print_html(name: str, context: Mapping[str, Any], *, lang: str, meta: DocumentMeta) -> str:
    """The HTML weasyprint lays out: the template with the bundled fonts behind :data:`ASSET_SCHEME`."""
    style = font_face_css([f"url('{asset_url(path)}')" for _, path in FONT_FACES]) + stylesheet()
    return render_template(name, context, lang=lang, medium="print", meta=meta, style=style)


def html_to_pdf(html: str, *, meta: DocumentMeta, variant: str | None = None,
                attachments: Sequence[PdfAttachment] = (), identifier: bytes | None = None) -> bytes:
    """Lay ``html`` out with weasyprint (imported here) through :class:`AssetFetcher`."""
    import datetime as dt

    import weasyprint

    fetcher = asset_fetcher()
    when = dt.datetime.fromisoformat(meta.date).replace(tzinfo=dt.UTC)
    files = [
        weasyprint.Attachment(string=item.data, name=item.name, description=item.description,
                              created=when, modified=when, relationship=item.relationship,
                              url_fetcher=fetcher)
        for item in attachments
    ]
    digest = identifier or hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    with _quiet_weasyprint():
        document = weasyprint.HTML(string=html, base_url=f"{ASSET_SCHEME}:", url_fetcher=fetcher)
        pdf: bytes = document.write_pdf(pdf_variant=variant, attachments=files or None, pdf_identifier=digest,
                                        uncompressed_pdf=False)
    return pdf


# --- the PDF worker: import weasyprint in parallel with the audit --------------------------------

_WORKER: list[PdfWorker | None] = [None]
WORKER_SWITCH = "AUDITOR_PDF_WORKER"
"""Set to ``0`` to lay PDFs out in the main process (no worker)."""


class PdfWorker:
    """A child process (``python -m auditor.reporters.pdf_worker``) that imports weasyprint at once.

    Importing weasyprint costs about half a second of CPU; started before the audit, the child does
    that on another core while the parent loads the rules and audits, then receives the HTML on
    stdin and answers with the PDF on stdout. If it is never asked, it is killed at exit. It is
    only an optimisation: when it cannot start or fails, the PDF is laid out in this process.
    """

    def __init__(self) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, "-m", "auditor.reporters.pdf_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )

    def render(self, html: str, *, meta: DocumentMeta, variant: str | None,
               attachments: Sequence[PdfAttachment], identifier: bytes | None) -> bytes | None:
        """The PDF of ``html`` laid out by the worker, or None if the worker failed."""
        import json
        from dataclasses import asdict

        request = {
            "html": html,
            "meta": asdict(meta),
            "variant": variant,
            "attachments": [{**asdict(item), "data": base64.b64encode(item.data).decode("ascii")}
                            for item in attachments],
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
