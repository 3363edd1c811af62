"""The outline of a document: chapters, articles, paragraphs, items and table rows, each with its page.

Lines from a reader (:mod:`.reading`) become a tree of :class:`Node` objects. Structural markers
(章/節/款, 第N条, 別表, 附則) close everything below their rank; the other markers ((1), 一, ア,
(ア), ①, 1.1, 2-6-1) nest like list items: a marker kind already open closes back to it (a
sibling), a new kind opens a child. A number at the start of a line inside an article is that
article's next 項 only when it is the expected next number (``2`` after the first paragraph);
elsewhere it is a heading in the guideline's 1 / 1.1 style. Wrapped lines (PDF, hard-wrapped text)
are joined back into their paragraph.

Every node knows its clause label as the document would cite it: 第12条第2項第1号ア, 6.1(2)①,
2-6-1(3), 別表第1（パスワードの長さ）.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditor.extract.numbering import TOC_LEADER, Marker, marker, normalise
from auditor.extract.reading import Document, Line

_STRUCTURAL_RANK = {"table": 0, "supplement": 0, "chapter": 1, "section": 2, "subsection": 3, "article": 4}
_SENTENCE_END = ("。", ":", "：", "」", ")", "）")
_DEFINITION = re.compile(r"「[^」]{1,40}」\s*とは|をいう。?$")


@dataclass
class Node:
    """One numbered (or unnumbered) unit of the document."""

    kind: str
    number: str
    label: str
    text: str = ""
    """The node's own words (original characters, as read)."""
    title: str | None = None
    """A heading's words (章・節 titles, an article's caption, a short numbered heading)."""
    page: int | None = None
    line: int | None = None
    file: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    depth: int = 0
    row: bool = False
    paragraphs: int = 1
    """For an article: how many 項 it has seen (the next expected is this + 1)."""

    def ancestors(self) -> Iterator[Node]:
        """The enclosing nodes, nearest first."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def context(self) -> str:
        """The titles (and lead sentences) of the enclosing nodes: what the node is about."""
        parts = []
        for node in self.ancestors():
            if node.title:
                parts.append(node.title)
            if node.text and node.kind != "document":
                parts.append(node.text)
        return " ".join(reversed(parts))

    def is_definition(self) -> bool:
        """True inside a definitions article (用語の定義) or for a 「…」とは…をいう sentence."""
        for node in (self, *self.ancestors()):
            if node.title and ("定義" in node.title or "用語" in node.title):
                return True
        return bool(_DEFINITION.search(self.text))

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def build(document: Document) -> Node:
    """The outline tree of ``document`` (its root has kind ``document``)."""
    return _Builder(document).run()


class _Builder:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.root = Node(kind="document", number="", label="", file=document.file)
        self.stack: list[Node] = [self.root]
        self.caption: str | None = None
        self.heading: Node | None = None
        self.last: Node | None = None
        self.table: Node | None = None

    def run(self) -> Node:
        for line in self.document.lines:
            self.add(line)
        _finish_labels(self.root)
        return self.root

    @property
    def top(self) -> Node:
        return self.stack[-1]

    def add(self, line: Line) -> None:
        text = line.text.strip()
        folded, _ = normalise(text)
        folded = folded.strip()
        if TOC_LEADER.search(folded) or folded in ("目次", "目 次"):
            return
        if line.kind == "row":
            self._row(line, text)
            return
        found = marker(text, folded)
        if found is not None and found.kind == "paragraph":
            found = self._paragraph_or_heading(found)
        if found is None:
            if line.kind == "heading":
                self._heading(line, text)
            else:
                self._running(line, text)
            return
        if found.kind == "caption":
            self.caption = found.caption
            self.last = None
            return
        self._open(found, line, text)

    def _paragraph_or_heading(self, found: Marker) -> Marker | None:
        article = next((node for node in reversed(self.stack) if node.kind == "article"), None)
        if article is not None:
            if found.value == article.paragraphs + 1:
                return found
            return None if self._inside_item() else Marker("dotted", found.number, None, found.rest)
        return Marker("dotted", found.number, None, found.rest)

    def _inside_item(self) -> bool:
        return any(node.kind in ("item", "kanji_item", "kana") for node in self.stack)

    def _open(self, found: Marker, line: Line, original: str) -> None:
        kind = found.kind
        if kind in _STRUCTURAL_RANK:
            rank = _STRUCTURAL_RANK[kind]
            while len(self.stack) > 1 and not (
                self.top.kind in _STRUCTURAL_RANK and _STRUCTURAL_RANK[self.top.kind] < rank
            ):
                self.stack.pop()
        elif kind in ("dotted", "hyphenated"):
            depth = found.number.count(".") + found.number.count("-") + 1
            while (
                len(self.stack) > 1
                and self.top.kind not in ("chapter", "section", "subsection", "article")
                and not (self.top.kind in ("dotted", "hyphenated") and self.top.depth < depth)
            ):
                self.stack.pop()
        elif kind == "paragraph":
            while self.top.kind != "article":
                self.stack.pop()
            self.top.paragraphs += 1
        else:
            open_kinds = [node.kind for node in self.stack]
            if kind in open_kinds:
                while self.top.kind != kind:
                    self.stack.pop()
                self.stack.pop()
        parent = self.top
        node = Node(
            kind=kind,
            number=found.number,
            label="",
            page=line.page,
            line=line.line,
            file=self.document.file,
            parent=parent,
        )
        if kind in ("dotted", "hyphenated"):
            node.depth = found.number.count(".") + found.number.count("-") + 1
        rest = _original_rest(original, found)
        if kind in ("chapter", "section", "subsection", "supplement"):
            node.title = rest or None
        elif kind == "article":
            node.title = found.caption or self.caption
            node.text = rest
        elif kind == "table":
            node.title = " ".join(part for part in (found.caption, rest) if part) or None
        elif kind in ("item", "kanji_item", "kana", "kana_paren", "circled"):
            node.text = rest  # an item's words are content even when short (「(1) 地方公務員法」)
            if rest and not rest.endswith(_SENTENCE_END) and len(rest) <= 40:
                node.title = rest
        elif rest and not rest.endswith(_SENTENCE_END) and len(rest) <= 40:
            node.title = rest
        else:
            node.text = rest
        self.caption = None
        parent.children.append(node)
        self.stack.append(node)
        self.last = node

    def _heading(self, line: Line, text: str) -> None:
        """An unnumbered heading (a Word heading style, an HTML h1–h6): a title for what follows."""
        while len(self.stack) > 1 and self.top.kind == "heading":
            self.stack.pop()
        node = Node(
            kind="heading",
            number="",
            label="",
            title=text,
            page=line.page,
            line=line.line,
            file=self.document.file,
            parent=self.top,
        )
        self.top.children.append(node)
        self.stack.append(node)
        self.last = None
        self.caption = None

    def _running(self, line: Line, text: str) -> None:
        """Text without a marker: the rest of a wrapped paragraph, or an unnumbered paragraph."""
        last = self.last
        if self.top.kind == "table" and line.wrapped:
            self._row(line, text)  # a table laid out as text lines (PDF, text): each line one row
            return
        if last is not None and line.wrapped and not line.break_before and not last.row:
            if last.text:
                last.text = _join(last.text, text)
                return
            if (
                not last.text
                and last.title is not None
                and not last.title.endswith(_SENTENCE_END)
                and len(last.title) + len(text) <= 40
                and not text.endswith("。")
            ):
                last.title = _join(last.title, text)
                return
        if self.caption is not None and self.last is None and not text.endswith("。"):
            self.caption = None
        node = Node(
            kind="text",
            number="",
            label="",
            text=text,
            page=line.page,
            line=line.line,
            file=self.document.file,
            parent=self.top,
        )
        self.top.children.append(node)
        self.last = node

    def _row(self, line: Line, text: str) -> None:
        parent = self.top
        node = Node(
            kind="row",
            number="",
            label="",
            text=text,
            page=line.page,
            line=line.line,
            file=self.document.file,
            parent=parent,
            row=True,
        )
        parent.children.append(node)
        self.last = node


def _join(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def _original_rest(original: str, found: Marker) -> str:
    """The words after the marker, cut from the original line (so quotes stay verbatim)."""
    if not found.rest:
        return ""
    folded, index = normalise(original)
    position = folded.rfind(found.rest)
    if position < 0:
        return found.rest
    return original[index[position] :].strip()


def _finish_labels(root: Node) -> None:
    for node in root.walk():
        if node is root:
            continue
        node.label = _label(node)


def _label(node: Node) -> str:
    parent = node.parent
    base = parent.label if parent is not None and parent.kind != "document" else ""
    if parent is not None and not base and parent.kind not in ("document",):
        base = _label(parent)
    kind = node.kind
    if kind in ("chapter", "section", "subsection"):
        suffix = {"chapter": "章", "section": "節", "subsection": "款"}[kind]
        return f"第{node.number}{suffix}"
    if kind == "article":
        return f"第{node.number}条"
    if kind == "supplement":
        return "附則"
    if kind == "table":
        return f"別表第{node.number}" if node.number else "別表"
    if kind in ("dotted", "hyphenated"):
        return node.number
    if kind == "paragraph":
        return f"{base}第{node.number}項"
    if kind in ("item", "kanji_item"):
        if parent is not None and parent.kind in ("article", "paragraph"):
            return f"{_first_paragraph(parent, base)}第{node.number}号"
        return f"{base}({node.number})"
    if kind == "kana":
        return f"{base}{node.number}"
    if kind == "kana_paren":
        return f"{base}({node.number})"
    if kind == "circled":
        return f"{base}{node.number}"
    if kind == "row":
        first = node.text.split(" | ", 1)[0].strip()
        return f"{base}（{first[:30]}）" if base else f"表（{first[:30]}）"
    if kind == "text" and parent is not None and parent.kind == "article" and _has_paragraphs(parent):
        return base
    return base


def _has_paragraphs(article: Node) -> bool:
    return any(child.kind == "paragraph" for child in article.children)


def _first_paragraph(parent: Node, base: str) -> str:
    """Items directly under an article with several paragraphs belong to its first 項."""
    if parent.kind == "article" and _has_paragraphs(parent):
        return f"{base}第1項"
    return base


def provisions(root: Node) -> Iterator[Node]:
    """Every node with words of its own, in document order (what matching looks at)."""
    for node in root.walk():
        if node.text or (node.title and node.kind not in ("document",)):
            yield node


def article_text_label(node: Node) -> str:
    """The label to cite for ``node``'s own text: an article with several 項 cites its first as 第1項."""
    if node.kind == "article" and _has_paragraphs(node):
        return f"{node.label}第1項"
    return node.label
