"""HTML batch report: the matrix as a heat map, on one self-contained page (no script, no request).

Jinja2 with autoescaping on (every string from a policy is escaped) and undefined names an
error; the stylesheet is inlined and whitelisted by its hash in a Content Security Policy that
forbids every fetch (no script, image, font or frame from anywhere), so a hostile policy cannot
make the page load anything. Fonts are the reader's own Japanese system fonts.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.page import TEMPLATE, context
from auditor.batch.summary import BatchReport

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CSP_BASE = "default-src 'none'; base-uri 'none'; form-action 'none'; img-src 'none'; font-src 'none'"


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def render(report: BatchReport, options: BatchOptions) -> str:
    """The HTML page of the comparison."""
    from markupsafe import Markup

    style = (TEMPLATES / "batch.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    csp = f"{CSP_BASE}; style-src 'sha256-{digest}'"
    lang = "en" if options.lang == "en" else "ja"
    return _environment().get_template(TEMPLATE).render(
        {**context(report, options), "lang": lang, "style": Markup(style), "csp": csp,
         "date": report.audit_date.isoformat()}
    )
