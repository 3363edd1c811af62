"""HTML batch report: the matrix as a heat map, on one self-contained page (no script, no request).

Built by :func:`auditor.reporters.page.html_document`, like the single-policy HTML report: the
template ``batch.html.j2`` extends ``base.html.j2`` and is autoescaped (every string from a
policy is text, never markup), the one stylesheet is inline and pinned by its hash in a Content
Security Policy that forbids every fetch, and the bundled BIZ UDPGothic is embedded as a subset
of exactly the characters on the page, so it looks the same on any machine.
"""

from __future__ import annotations

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.page import TEMPLATE, context, lang_of, metadata
from auditor.batch.summary import BatchReport


def render(report: BatchReport, options: BatchOptions) -> str:
    """The HTML page of the comparison."""
    from auditor.reporters.page import html_document

    return html_document(TEMPLATE, context(report, options), lang=lang_of(options), meta=metadata(report, options))
