"""Word (.docx) documents, read with python-docx after the zip container is checked for bombs.

Pages: a .docx has no pages of its own; Word records where it last laid out a page break
(``w:lastRenderedPageBreak``) and authors insert explicit ones (``w:br w:type="page"``,
``pageBreakBefore``). When the file holds Word's rendered breaks those are used (they include the
explicit ones), otherwise the explicit breaks; a document with neither is one page.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from auditor.extract.host import InputError, t
from auditor.extract.reading import MAX_PAGES, Line, LineKind, TextBudget, refuse

MAX_UNCOMPRESSED = 200 * 1024 * 1024
"""Most bytes all members of a .docx may expand to (a policy with images is a few MB)."""

MAX_RATIO = 200
"""Highest compression ratio accepted for a large member: XML compresses 5–20×, bombs 1,000× and more."""

MAX_MEMBERS = 10_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(heading|見出し|title|表題|subtitle)", re.IGNORECASE)


def check_container(raw: bytes, name: str) -> bytes:
    """Refuse a damaged zip or a zip bomb before any XML is parsed; return ``word/document.xml``'s bytes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise refuse(name, t("extract.docx_bomb", size=len(members), limit=MAX_MEMBERS))
        total = sum(member.file_size for member in members)
        if total > MAX_UNCOMPRESSED:
            raise refuse(name, t("extract.docx_bomb", size=total, limit=MAX_UNCOMPRESSED))
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                limit = MAX_RATIO * member.compress_size
                raise refuse(name, t("extract.docx_bomb", size=member.file_size, limit=limit))
        with archive.open("word/document.xml") as handle:
            body = handle.read(MAX_UNCOMPRESSED + 1)
    except KeyError:
        detail = "word/document.xml がありません / no word/document.xml"
        raise refuse(name, t("extract.docx_corrupt", detail=detail)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise refuse(name, t("extract.docx_corrupt", detail=_detail(exc))) from None
    return body


def read_docx(raw: bytes, name: str) -> tuple[list[Line], int]:
    """The paragraphs, headings and table rows of a .docx in reading order, with their page."""
    body = check_container(raw, name)
    rendered = b"lastRenderedPageBreak" in body
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(raw))
        budget = TextBudget(name)
        lines: list[Line] = []
        page = 1
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                start, page = _paragraph_pages(block._p, page, rendered)
                if page > MAX_PAGES:
                    raise refuse(name, t("extract.too_many_pages", pages=f"{page}+", limit=MAX_PAGES))
                text = " ".join(block.text.split())
                if text:
                    kind: LineKind = "heading" if _is_heading(block) else "text"
                    lines.append(Line(text=budget.take(text), page=start, kind=kind))
            elif isinstance(block, Table):
                for row in block.rows:
                    cells: list[str] = []
                    for cell in row.cells:  # a merged cell is repeated: keep it once
                        text = " ".join(cell.text.split())
                        if text and (not cells or cells[-1] != text):
                            cells.append(text)
                    if cells:
                        lines.append(Line(text=budget.take(" | ".join(cells)), page=page, kind="row"))
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged parts
        if isinstance(exc, InputError):
            raise
        raise refuse(name, t("extract.docx_corrupt", detail=_detail(exc))) from None
    return lines, page


def _paragraph_pages(element: Any, page: int, rendered: bool) -> tuple[int, int]:
    """(page of the paragraph's first text, page after it) counting the breaks inside the paragraph."""
    start: int | None = None
    properties = element.pPr
    if not rendered and properties is not None and properties.find(f"{_W}pageBreakBefore") is not None:
        value = properties.find(f"{_W}pageBreakBefore").get(f"{_W}val", "true")
        if value not in ("0", "false", "off"):
            page += 1
    for node in element.iter(f"{_W}t", f"{_W}br", f"{_W}lastRenderedPageBreak"):
        if node.tag == f"{_W}t":
            if start is None and (node.text or "").strip():
                start = page
        elif node.tag == f"{_W}lastRenderedPageBreak":
            if rendered:
                page += 1
        elif not rendered and node.get(f"{_W}type") == "page":
            page += 1
    return (start if start is not None else page), page


def _is_heading(paragraph: Any) -> bool:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        return False
    return style is not None and bool(_HEADING.match(style.name or ""))


def _detail(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]
