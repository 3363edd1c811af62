"""The pages of the visual reports (HTML and PDF): templates, stylesheet, fonts, Content Security Policy.

Any report that is a page rather than text builds on this module (the audit report, the batch
heat map); :mod:`auditor.reporters.pdf` lays the same pages out as PDF.

* :func:`render_template` fills a Jinja2 template from ``auditor/reporters/templates`` with
  autoescaping on, so every string that came from a policy is escaped. Compiled templates are
  kept in Jinja2's bytecode cache (:mod:`auditor.reporters.template_cache`).
* :func:`html_document` makes a self-contained HTML file for browsers: the stylesheet inline, the
  Japanese font embedded as a WOFF subset of exactly the characters used, and a Content Security
  Policy that allows no request at all (no script, no network, no file).

Templates extend ``base.html.j2`` and receive ``lang``, ``medium`` (``screen`` or ``print``) and
``meta`` (a :class:`DocumentMeta`) besides their own context. One stylesheet (``report.css``)
serves both media; the font is the family :data:`FONT_FAMILY`.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
from collections.abc import Mapping, Sequence
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
CSP_BASE = "default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; font-src data:"
ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}
"""Options of :func:`environment` that shape the compiled code (part of the bytecode cache's key)."""

Medium = Literal["screen", "print"]


@dataclass(frozen=True)
class DocumentMeta:
    """Document metadata; ``date`` (ISO) is also the PDF's creation and modification date."""

    title: str
    date: str
    generator: str
    description: str = ""
    author: str = ""


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the visual reports (autoescape always on, undefined is an error)."""
    import jinja2

    from auditor.reporters.template_cache import bytecode_cache

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=bytecode_cache(ENVIRONMENT_OPTIONS),
        **ENVIRONMENT_OPTIONS,
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
