"""The extract corpus: fictional policy documents kept as text descriptions, built into real files.

Each ``tests/data/documents/*.yaml`` describes one document: its ``format`` (docx, pdf, html, txt,
md), whether it is used for tuning or held out (``split``), the command-line ``options`` it needs,
the ``body`` in a small markup, and the hand-written ``expected`` draft (dotted path → value:
every value the document settles, and nothing else).

Body markup: ``# heading`` (a Word heading style, an HTML ``h3``), ``---page---`` (a page break),
``| a | b |`` (a table row; consecutive rows form one table), any other line a paragraph. The
builders use the real libraries: python-docx for .docx, weasyprint with the bundled Japanese font
for PDF; HTML pages are written in the encoding the description names (例規集 pages are often
Shift_JIS).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "documents"
FONT = REPO / "auditor" / "reporters" / "assets" / "fonts" / "BIZUDPGothic-Regular.ttf"
PAGE = "---page---"


@dataclass(frozen=True)
class CorpusDocument:
    """One described document."""

    name: str
    format: str
    split: str
    options: dict[str, str]
    body: str
    expected: dict[str, Any]
    encoding: str = "utf-8"
    title: str = ""

    def cli_options(self) -> list[str]:
        """The extract options the document needs (identity it does not state)."""
        args: list[str] = []
        for key, value in self.options.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        return args


def load(path: Path) -> CorpusDocument:
    """Read one description."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return CorpusDocument(
        name=path.stem,
        format=data["format"],
        split=data["split"],
        options=dict(data.get("options") or {}),
        body=data["body"],
        expected=dict(data["expected"]),
        encoding=data.get("encoding", "utf-8"),
        title=data.get("title", ""),
    )


def corpus(split: str | None = None) -> list[CorpusDocument]:
    """Every described document (of one split: ``tune`` or ``heldout``), sorted by name."""
    found = [load(path) for path in sorted(CORPUS.glob("*.yaml"))]
    return [document for document in found if split is None or document.split == split]


def _blocks(body: str) -> list[tuple[str, Any]]:
    """(kind, content): heading, page, table (list of rows of cells), paragraph."""
    blocks: list[tuple[str, Any]] = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == PAGE:
            blocks.append(("page", None))
        elif line.startswith("#"):
            blocks.append(("heading", line.lstrip("#").strip()))
        elif line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        else:
            blocks.append(("paragraph", line))
    return blocks


def build(document: CorpusDocument, directory: Path) -> Path:
    """Write the document in its format into ``directory``; return the file."""
    builder = {"docx": _docx, "pdf": _pdf, "html": _html, "txt": _txt, "md": _md}[document.format]
    target = directory / f"{document.name}.{document.format}"
    builder(_blocks(document.body), target, document)
    return target


def _txt(blocks: list[tuple[str, Any]], target: Path, document: CorpusDocument) -> None:
    out: list[str] = []
    for kind, content in blocks:
        if kind == "page":
            out.append("\f")
        elif kind == "table":
            out.extend("\t".join(cells) for cells in content)
        else:
            out.append(content)
    target.write_bytes("\n".join(out).replace("\n\f\n", "\n\f").encode(document.encoding))


def _md(blocks: list[tuple[str, Any]], target: Path, document: CorpusDocument) -> None:
    out: list[str] = []
    for kind, content in blocks:
        if kind == "page":
            out.append("")
        elif kind == "heading":
            out += ["", f"## {content}", ""]
        elif kind == "table":
            out.append("| " + " | ".join(content[0]) + " |")
            out.append("|" + "---|" * len(content[0]))
            out.extend("| " + " | ".join(cells) + " |" for cells in content[1:])
            out.append("")
        else:
            out += [content, ""]
    target.write_text("\n".join(out), encoding="utf-8")


def _html_body(blocks: list[tuple[str, Any]], *, paged: bool) -> str:
    parts: list[str] = []
    for kind, content in blocks:
        if kind == "page":
            if paged:
                parts.append('<div style="page-break-before: always"></div>')
        elif kind == "heading":
            parts.append(f'<h3 class="chapter">{html.escape(content)}</h3>')
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>" for cells in content
            )
            parts.append(f'<table border="1">{rows}</table>')
        else:
            parts.append(f'<div class="eline"><p class="s-body">{html.escape(content)}</p></div>')
    return "\n".join(parts)


def _html(blocks: list[tuple[str, Any]], target: Path, document: CorpusDocument) -> None:
    charset = {"utf-8": "UTF-8", "cp932": "Shift_JIS", "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP"}[document.encoding]
    page = (
        f'<!DOCTYPE html>\n<html lang="ja"><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}"><title>{html.escape(document.title)}</title>'
        '<style>p { margin: 0 }</style><script>var x = "第99条 ダミー";</script></head><body>'
        '<div id="header"><a href="../index.html">例規集トップ</a></div>'
        f'<div id="honbun">{_html_body(blocks, paged=False)}</div></body></html>'
    )
    target.write_bytes(page.encode(document.encoding))


def _pdf(blocks: list[tuple[str, Any]], target: Path, document: CorpusDocument) -> None:
    import weasyprint

    style = (
        f"@font-face {{ font-family: J; src: url('{FONT.as_uri()}') }} body {{ font-family: J; "
        "font-size: 10.5pt }} @page { size: A4; margin: 20mm; "
        "@bottom-center { content: '- ' counter(page) ' -' } }"
        " td { border: 1px solid #000; padding: 2px }"
    )
    page = f"<html><head><style>{style}</style></head><body>{_html_body(blocks, paged=True)}</body></html>"
    weasyprint.HTML(string=page).write_pdf(target)


def _docx(blocks: list[tuple[str, Any]], target: Path, document: CorpusDocument) -> None:
    import docx

    word = docx.Document()
    for kind, content in blocks:
        if kind == "page":
            word.add_page_break()
        elif kind == "heading":
            word.add_heading(content, level=2)
        elif kind == "table":
            table = word.add_table(rows=len(content), cols=max(len(row) for row in content))
            for row, cells in zip(table.rows, content, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
        else:
            word.add_paragraph(content)
    word.save(str(target))
