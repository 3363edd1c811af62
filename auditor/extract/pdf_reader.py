"""Text PDFs, read page by page with pypdf; encrypted and image-only PDFs are refused with advice.

Each page's text comes out as lines as laid out; a paragraph wrapped over several lines is
joined again by the outline (:mod:`.outline`). Lines that repeat on most pages (running headers
and footers) and bare page numbers (``- 3 -``, ``3``, ``3 / 40``) are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from auditor.extract.host import InputError, t
from auditor.extract.reading import MAX_PAGES, Line, TextBudget, refuse

_DASHES = r"\s\-－―‐ー‒–—"
_PAGE_NUMBER = re.compile(rf"^[{_DASHES}(（]*(?:p\.?\s*)?[0-9０-９]+(?:\s*[/／]\s*[0-9０-９]+)?"
                          rf"[{_DASHES})）]*(?:ページ|頁)?$")


def read_pdf(raw: bytes, name: str) -> tuple[list[Line], int]:
    """Every text line of a PDF with its page number; refuse encrypted, image-only and damaged files."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:  # an owner password only (printing/copying restricted) opens with ""
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise refuse(name, t("extract.pdf_encrypted"))
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise refuse(name, t("extract.too_many_pages", pages=count, limit=MAX_PAGES))
        budget = TextBudget(name)
        pages: list[list[str]] = []
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append([" ".join(line.split()) for line in text.splitlines() if line.strip()])
            budget.take(text)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        detail = (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)[:120]
        raise refuse(name, t("extract.pdf_corrupt", detail=detail)) from None
    if not any(pages):
        raise refuse(name, t("extract.pdf_no_text"))
    running = _running_lines(pages)
    lines = [Line(text=text, page=number, wrapped=True)
             for number, page_lines in enumerate(pages, start=1)
             for text in page_lines
             if text not in running and not _PAGE_NUMBER.match(text)]
    return lines, count


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines printed on most pages (headers, footers): not part of the text."""
    if len(pages) < 3:
        return set()
    counts = Counter(text for page in pages for text in set(page[:2] + page[-2:]))
    return {text for text, seen in counts.items() if seen >= max(3, len(pages) * 0.6)}
