"""Reading documents into lines of text with their page: limits, format detection, text and HTML.

A :class:`Document` is what every reader returns: the file's lines in reading order, each with
its page (PDF, .docx page breaks, form feeds in text) or its source line (HTML, text), and a
kind (``text``, ``heading`` or a table ``row`` whose cells are joined by ``" | "``). Word and PDF
are read in :mod:`.docx_reader` and :mod:`.pdf_reader` (imported only for those formats).

Limits hold for every format, so that no input can make a run slow or large: the file size, the
page count, the amount of text and the time spent reading one document.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import html
import html.parser
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Literal

from auditor.extract.host import InputError, Problem, t

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
"""Largest document read (a 500-page PDF with fonts is a few MB; Word with images can be more)."""

MAX_PAGES = 500
"""Most pages read from one document: a whole 対策基準 is rarely over 150."""

MAX_CHARACTERS = 2_000_000
"""Most characters of text kept from one document (about 1,000 dense pages)."""

READ_SECONDS = 60
"""Longest time spent reading one document before it is refused as broken or too complex."""

LineKind = Literal["text", "heading", "row"]


@dataclass(frozen=True)
class Line:
    """One paragraph, heading or table row of a document."""

    text: str
    page: int | None = None
    line: int | None = None
    kind: LineKind = "text"
    wrapped: bool = False
    """True when the format breaks paragraphs over lines (PDF, hard-wrapped text): the outline may join it."""
    break_before: bool = False
    """A paragraph boundary before this line (a blank line in text)."""


@dataclass(frozen=True)
class Document:
    """A document read: its lines, format, page count and the SHA-256 of its bytes."""

    file: str
    format: str
    sha256: str
    lines: tuple[Line, ...]
    pages: int | None = None
    title: str | None = None


@dataclass
class TextBudget:
    """Counts characters kept so that one document cannot hold more than :data:`MAX_CHARACTERS`."""

    name: str
    used: int = 0
    limit: int = MAX_CHARACTERS

    def take(self, text: str) -> str:
        """Account for ``text``; refuse the document when the budget runs out."""
        self.used += len(text)
        if self.used > self.limit:
            raise refuse(self.name, t("extract.too_much_text", limit=self.limit))
        return text


def refuse(name: str, message: str, line: int | None = None) -> InputError:
    """The one-line problem that ends the run for document ``name``."""
    return InputError([Problem(name, line, None, message)])


def read_document(path: Path, display: str | None = None, *, encoding: str | None = None) -> Document:
    """Read one document of any supported format; raise :class:`InputError` (exit 2) when it is unusable."""
    name = display or str(path)
    raw = _read_bytes(path, name)
    digest = hashlib.sha256(raw).hexdigest()
    kind = sniff(raw, path.suffix.lower())
    html_title: str | None = None
    with deadline(name, READ_SECONDS):
        if kind == "pdf":
            from auditor.extract.pdf_reader import read_pdf

            lines, pages = read_pdf(raw, name)
        elif kind == "docx":
            from auditor.extract.docx_reader import read_docx

            lines, pages = read_docx(raw, name)
        elif kind == "html":
            lines, html_title = read_html(raw, name, encoding)
            pages = None
        elif kind == "ole":
            raise refuse(name, t("extract.old_doc"))
        else:
            lines, pages = read_text(raw, name, encoding, markdown=kind == "markdown")
    if not any(line.text.strip() for line in lines):
        raise refuse(name, t("extract.pdf_no_text") if kind == "pdf" else t("extract.no_text"))
    title = _title(lines)
    if kind == "html" and html_title and any(word in html_title for word in _TITLE_WORDS):
        title = html_title[:100]
    return Document(file=name, format=kind, sha256=digest, lines=tuple(lines), pages=pages, title=title)


def _read_bytes(path: Path, name: str) -> bytes:
    # The user-path layer: only a regular file is opened, never blocking (a FIFO, a device).
    from auditor.files.paths import read_file

    raw = read_file(path, name, limit=MAX_DOCUMENT_BYTES)
    if not raw.strip():
        raise refuse(name, t("extract.empty"))
    return raw


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File Binary: an old .doc/.xls, or an encrypted (password-protected) .docx."""


def sniff(raw: bytes, suffix: str) -> str:
    """The format from the bytes first (a renamed file is still what it is), then the suffix."""
    if raw.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in raw[:1024]):
        return "pdf"
    if raw.startswith(OLE_MAGIC):
        return "ole"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in (".docx", ".docm"):
        return "docx"  # not a zip: the reader says it is damaged
    if suffix in (".doc", ".xls", ".ppt", ".jtd"):
        return "ole"
    head = raw[:2048].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if suffix in (".html", ".htm", ".xhtml") or head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    return "text"


@contextlib.contextmanager
def deadline(name: str, seconds: int) -> Iterator[None]:
    """Refuse a document whose reading takes longer than ``seconds`` (only in the main thread: SIGALRM)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise refuse(name, t("extract.too_slow", seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- text and Markdown -----------------------------------------------------------------------


def decode_text(raw: bytes, name: str, encoding: str | None) -> str:
    """Text as UTF-8 (BOM dropped), UTF-16 with a BOM, or ``encoding``; undeclared Shift_JIS is named."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise refuse(name, t("extract.unknown_encoding", encoding=encoding)) from None
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            raise refuse(name, t("extract.bad_encoding", encoding=encoding, offset=exc.start)) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise refuse(name, t("extract.bad_encoding", encoding="UTF-16", offset=exc.start)) from None
    if b"\x00" in raw:
        raise refuse(name, t("extract.binary", line=raw[: raw.index(b"\x00")].count(b"\n") + 1))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        for candidate, key in (("cp932", "extract.sjis"), ("euc_jp", "extract.eucjp")):
            with contextlib.suppress(UnicodeDecodeError):
                if _japanese(raw.decode(candidate)):
                    raise refuse(name, t(key), line) from None
        raise refuse(name, t("extract.not_utf8", offset=exc.start), line) from None


def _japanese(text: str) -> bool:
    return sum("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text[:4000]) >= 2


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?=\S)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)")


def read_text(raw: bytes, name: str, encoding: str | None, *, markdown: bool = False) -> tuple[list[Line], int | None]:
    """Lines of a text or Markdown file; form feeds (``\\f``) separate pages."""
    text = decode_text(raw, name, encoding)
    budget = TextBudget(name)
    pages = text.count("\f") + 1
    if pages > MAX_PAGES:
        raise refuse(name, t("extract.too_many_pages", pages=pages, limit=MAX_PAGES))
    has_pages = pages > 1
    lines: list[Line] = []
    page = 1
    blank = False
    # Not str.splitlines(): it also splits at form feeds, which are page breaks here.
    for number, source in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        page += source.count("\f")
        source = source.replace("\f", "")
        content = source.strip(" \u3000\r\n")
        if not content:
            blank = True
            continue
        kind: LineKind = "text"
        if markdown:
            heading = _MD_HEADING.match(content)
            if _MD_TABLE_RULE.match(content):
                continue
            if heading:
                kind, content = "heading", heading.group(2)
            elif content.startswith("|"):
                kind = "row"
                content = " | ".join(cell.strip() for cell in content.strip("|").split("|"))
            else:
                content = _MD_LIST.sub("", content)
            content = _MD_EMPHASIS.sub("", content)
        if kind == "text" and "\t" in content.strip("\t"):  # a table pasted as text: tab-separated cells
            kind = "row"
            content = " | ".join(cell.strip() for cell in content.split("\t") if cell.strip())
        lines.append(
            Line(
                text=budget.take(content),
                page=page if has_pages else None,
                line=number,
                kind=kind,
                wrapped=kind == "text",
                break_before=blank,
            )
        )
        blank = False
    return lines, pages if has_pages else None


# --- HTML (例規集 pages) ------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "caption",
        "header",
        "footer",
        "main",
        "nav",
        "aside",
        "form",
        "address",
        "hr",
        "center",
    }
)
_SKIPPED = frozenset({"script", "style", "head", "noscript", "template", "svg", "object", "iframe"})
MAX_HTML_DEPTH = 2000


def html_encoding(raw: bytes) -> str | None:
    """The charset an HTML page declares (BOM, then ``<meta charset>``), or None."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    found = _META_CHARSET.search(raw[:8192])
    if found is None:
        return None
    declared = found.group(1).decode("ascii").lower()
    aliases = {
        "shift_jis": "cp932",
        "shift-jis": "cp932",
        "sjis": "cp932",
        "x-sjis": "cp932",
        "windows-31j": "cp932",
        "ms932": "cp932",
        "euc-jp": "euc_jp",
        "x-euc-jp": "euc_jp",
    }
    return aliases.get(declared, declared)


def read_html(raw: bytes, name: str, encoding: str | None) -> tuple[list[Line], str | None]:
    """Lines of an HTML page: each block element, heading and table row; scripts and styles dropped."""
    declared = encoding or html_encoding(raw)
    if declared is not None:
        try:
            codecs.lookup(declared)
        except LookupError:
            declared = None
    if declared is not None:
        try:
            text = raw.decode(declared)
        except UnicodeDecodeError as exc:
            raise refuse(name, t("extract.bad_encoding", encoding=declared, offset=exc.start)) from None
    else:
        text = decode_text(raw, name, None)
    parser = _BlockParser(TextBudget(name))
    parser.feed(text)
    parser.close()
    return parser.lines, parser.title


class _BlockParser(html.parser.HTMLParser):
    """Collects the text of block elements, headings and table rows, with the source line of each."""

    def __init__(self, budget: TextBudget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.lines: list[Line] = []
        self._buffer: list[str] = []
        self._start_line: int | None = None
        self._skip = 0
        self._heading = False
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None
        self._depth = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._depth += 1
        if self._depth > MAX_HTML_DEPTH:
            return
        if tag == "title":
            self._in_title = True
        if tag in _SKIPPED:
            self._skip += 1
            return
        if tag == "tr":
            self._flush()
            self._cells = []
        elif tag in ("td", "th") and self._cells is not None:
            self._cell = []
        elif tag == "br":
            if self._cell is not None:
                self._cell.append(" ")
            else:
                self._flush()
        elif tag in _BLOCKS:
            if self._cell is None:
                self._flush()
            self._heading = tag in ("h1", "h2", "h3", "h4", "h5", "h6")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._depth = max(0, self._depth - 1)
        if tag == "title":
            self._in_title = False
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
            return
        if tag in ("td", "th") and self._cell is not None and self._cells is not None:
            cell = " ".join("".join(self._cell).split())
            if cell and (not self._cells or self._cells[-1] != cell):
                self._cells.append(cell)
            self._cell = None
        elif tag == "tr" and self._cells is not None:
            if self._cells:
                self._add(" | ".join(self._cells), "row")
            self._cells = None
        elif tag in _BLOCKS and self._cell is None:
            self._flush()
            self._heading = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
            return
        if self._start_line is None and data.strip():
            self._start_line = self.getpos()[0]
        self._buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self._add(text, "heading" if self._heading else "text")
        self._buffer = []
        self._start_line = None

    def _add(self, text: str, kind: LineKind) -> None:
        self.lines.append(
            Line(
                text=self.budget.take(html.unescape(text) if "&" in text else text),
                line=self._start_line or self.getpos()[0],
                kind=kind,
            )
        )

    def close(self) -> None:
        super().close()
        self._flush()


_TITLE_WORDS = ("情報セキュリティ", "セキュリティポリシー", "基本方針", "対策基準", "実施手順", "規程", "要綱", "規則")


def _title(lines: list[Line]) -> str | None:
    """The document's title: the first short line among the first few that names the policy."""
    for line in lines[:12]:
        text = line.text.strip()
        if 4 <= len(text) <= 60 and any(word in text for word in _TITLE_WORDS) and not text.startswith("第"):
            return text
    return None
