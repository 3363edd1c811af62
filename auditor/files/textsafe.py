"""Neutralising untrusted text before it reaches a terminal, a CI log or a plain-text report.

Policy files, waiver files and rule packs are written by other people. A name or value in them can
hold ANSI escape sequences (``\\x1b[2J`` clears the screen, ``\\x1b]0;…`` retitles the window),
other C0/C1 control characters (``\\x9b`` is a CSI on some terminals) or bidirectional overrides and
isolates (U+202A–U+202E, U+2066–U+2069) that make a line read differently from what it contains
("Trojan Source"). Every text report and message shows such characters as visible escapes
(``\\x1b``, ``\\u202e``) instead: the reader sees that something odd is there, and what it is.

Structured formats (JSON, SARIF, CSV, XLSX) keep values exactly as declared; HTML and PDF escape
markup themselves.
"""

from __future__ import annotations

import unicodedata

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """``text`` on one line, every control and invisible formatting character escaped (``\\u202e``).

    Escaped: C0 and C1 controls (including ESC, tab and line breaks), DEL, format characters
    (bidi embeddings, overrides, isolates and marks, zero-width characters), line and paragraph
    separators, private-use and unassigned code points. Ordinary and unusual spaces are kept.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def printable_lines(text: str) -> str:
    """:func:`printable` for text whose line breaks (``\\n``) are meant: each line escaped on its own."""
    return "\n".join(printable(line) for line in text.split("\n"))


def _escape(ch: str) -> str:
    if unicodedata.category(ch) == "Zs":  # unusual spaces are harmless
        return ch
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clip(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters for a one-line message (a key or a value can be a megabyte long)."""
    return text if len(text) <= limit else text[:limit] + "…"
