"""Help screens that wrap Japanese as well as English.

click measures text in characters and breaks lines only at spaces, so a Japanese sentence (no
spaces, every character two columns wide) would run to twice the terminal's width. The
:class:`HelpFormatter` here measures East Asian wide characters as two columns, may break a
line between any two of them (never before a closing mark such as 。 or ）, never after an
opening one), and translates click's own headings into the language in force.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import click

from auditor.i18n import t

_NO_LINE_START = frozenset(
    "、。，．,.:;!?！？：；)）]］}｝」』】〕〉》’”ー・々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
_NO_LINE_END = frozenset("(（[［{｛「『【〔〈《‘“")
_UNIT = re.compile(r"\s+|[^\s]")

HEADINGS = {"Options": "help.heading.options", "Commands": "help.heading.commands"}
"""click's section headings (English without a gettext catalogue) and the message keys that replace them."""


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: two for East Asian wide and full-width characters."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _units(text: str) -> list[str]:
    """Unbreakable pieces: runs of white space, words of narrow characters, single wide characters.

    A piece that may not start a line is glued to the piece before it, one that may not end a
    line to the piece after it.
    """
    units: list[str] = []
    glue_next = False
    for piece in _UNIT.findall(text):
        previous = units[-1] if units else ""
        joinable = previous and not previous.isspace() and not piece.isspace()
        narrow_word = joinable and not _is_wide(piece) and not _is_wide(previous[-1])
        if joinable and (narrow_word or glue_next or piece in _NO_LINE_START):
            units[-1] += piece
        else:
            units.append(piece)
        glue_next = piece in _NO_LINE_END
    return units


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """``text`` as lines of at most ``width`` columns (a single longer word gets a line of its own)."""
    lines: list[str] = []
    line, used, empty, space = initial_indent, display_width(initial_indent), True, False
    for unit in _units(text):
        if unit.isspace():
            space = not empty
            continue
        size = display_width(unit) + (1 if space else 0)
        if not empty and used + size > width:
            lines.append(line)
            line, used, space = subsequent_indent, display_width(subsequent_indent), False
            size = display_width(unit)
        line += (" " if space else "") + unit
        used += size
        empty, space = False, False
    if not empty:
        lines.append(line)
    return lines


def _join(lines: Iterable[str]) -> str:
    """Lines of one paragraph as one text: a space between them, except between two wide characters."""
    joined = ""
    for line in lines:
        if joined and not (_is_wide(joined[-1]) and _is_wide(line[0])):
            joined += " "
        joined += line
    return joined


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Rewrap ``text`` paragraph by paragraph, as click does: a paragraph after a ``\\b`` line stays as written."""
    paragraphs: list[tuple[int, bool, list[str]]] = []
    for block in re.split(r"\n\s*\n", text.expandtabs()):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        offset = len(lines[0]) - len(lines[0].lstrip())
        raw = lines[0].strip() == "\b"
        paragraphs.append((offset, raw, lines[1:] if raw else [line.strip() for line in lines]))
    out: list[str] = []
    for offset, raw, lines in paragraphs:
        prefix = indent + " " * offset
        if raw:
            out.append("\n".join(prefix + line for line in lines))
        else:
            out.append("\n".join(wrap(_join(lines), width, prefix, prefix)))
    return "\n\n".join(out)


class HelpFormatter(click.HelpFormatter):
    """click's help formatter with width-aware wrapping and translated headings and usage prefix."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = t("help.usage") + " "
        usage_prefix = f"{prefix:>{self.current_indent}}{prog} "
        text_width = self.width - self.current_indent
        if not args:
            self.write(usage_prefix.rstrip(" ") + "\n")
            return
        indent = " " * display_width(usage_prefix)
        if text_width >= display_width(usage_prefix) + 20:
            self.write("\n".join(wrap(args, text_width, usage_prefix, indent)) + "\n")
        else:
            indent = " " * (max(self.current_indent, display_width(prefix)) + 4)
            self.write(usage_prefix + "\n" + "\n".join(wrap(args, text_width, indent, indent)) + "\n")

    def write_heading(self, heading: str) -> None:
        key = HEADINGS.get(heading)
        super().write_heading(t(key) if key else heading)

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + margin)
            lines = wrap_paragraphs(second, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write((margin + line if line else "") + "\n")
