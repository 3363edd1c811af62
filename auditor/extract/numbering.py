"""Japanese numbering and normalisation: 漢数字, full-width digits, and the markers that open a provision.

Matching works on a normalised copy of each text (NFKC: full-width digits and brackets become
ASCII, the ideographic space a space) while quotes are cut from the original: :func:`normalise`
returns, for every normalised character, the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壱": 1,
    "弐": 2,
    "参": 3,
}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUMERAL = "〇零一二三四五六七八九十百千壱弐参"


def kanji_to_int(text: str) -> int | None:
    """The value of a 漢数字 numeral (``十二`` → 12, ``二十一`` → 21, ``百五`` → 105, ``一〇`` → 10), or None."""
    if not text or any(ch not in _KANJI_DIGITS and ch not in _KANJI_UNITS for ch in text):
        return None
    if not any(ch in _KANJI_UNITS for ch in text):  # positional: 一〇 → 10
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _KANJI_UNITS[ch]
            digit = None
    return total + (digit or 0)


def to_int(text: str) -> int | None:
    """An ASCII, full-width or 漢数字 number as an int, or None."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text.isdigit():
        return int(text)
    return kanji_to_int(text)


_EXTRA = str.maketrans(
    {
        "〜": "~",
        "～": "~",
        "−": "-",
        "‐": "-",
        "―": "-",
        "—": "-",
        "–": "-",
        "ｰ": "ー",
        "“": '"',
        "”": '"',
        "’": "'",
        "‘": "'",
        "、": "、",
        "，": "、",
        "．": ".",
    }
)


def normalise(text: str) -> tuple[str, list[int]]:
    """NFKC of ``text`` character by character, and for each output character its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for position, ch in enumerate(text):
        folded = unicodedata.normalize("NFKC", ch).translate(_EXTRA) if not ch.isascii() else ch
        if folded == "'" and ch == "′":
            folded = "'"
        for piece in folded:
            out.append(piece)
            index.append(position)
    return "".join(out), index


def fold(text: str) -> str:
    """The normalised text alone (phrases of the lexicon are folded the same way)."""
    return normalise(text)[0]


_NUM = rf"[0-9]+|[{KANJI_NUMERAL}]+"
_KANA_AIUEO = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

CHAPTER = re.compile(rf"^第\s*({_NUM})\s*(章|節|款)(?:\s+|$)(.*)$")
ARTICLE = re.compile(rf"^第\s*({_NUM})\s*条(?:\s*の\s*({_NUM}))?(?:\s*\(([^()]{{1,30}})\))?(?:\s+|$)(.*)$")
APPENDED_TABLE = re.compile(rf"^別\s*表\s*(?:第\s*({_NUM}))?(?:\s*\(([^()]{{0,30}})\))?\s*(.*)$")
SUPPLEMENT = re.compile(r"^附\s*則(?:\s|\(|$)(.*)$")
CAPTION = re.compile(r"^\(([^()]{1,30})\)$")
PARAGRAPH = re.compile(r"^([0-9]{1,2})\s+(\S.*)$")
ITEM_PAREN = re.compile(r"^\(([0-9]{1,3})\)\s*(.*)$")
ITEM_KANJI = re.compile(rf"^([{KANJI_NUMERAL}]{{1,3}})\s+(\S.*)$")
KANA = re.compile(rf"^([{_KANA_AIUEO}])(?:\s+|\.\s*|\s*$)(.*)$")
KANA_PAREN = re.compile(rf"^\(([{_KANA_AIUEO}])\)\s*(.*)$")
DOTTED = re.compile(r"^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})(?:\.(?!\d)|\s)\s*(\S.*)?$")
DOTTED_ITEM = re.compile(r"^([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?\s*\(([0-9]{1,2})\)\s*(.*)$")
HYPHENATED = re.compile(r"^([0-9]{1,2}(?:-[0-9]{1,2}){1,3})(?:\s+|$)(.*)$")
TOC_LEADER = re.compile(r"(\.{4,}|…{2,}|・{3,}|‥{2,})\s*[0-9]+\s*$")


@dataclass(frozen=True)
class Marker:
    """A numbering marker opening a line: its kind, the number (as written and as an int) and the rest."""

    kind: str
    """chapter, section, subsection, article, table, supplement, caption, paragraph, item, kana,
    kana_paren, circled, dotted, hyphenated."""
    number: str
    value: int | None
    rest: str
    caption: str | None = None


def kana_index(letter: str) -> int | None:
    """Position of a katakana item letter in アイウ order (1-based), or None."""
    position = _KANA_AIUEO.find(letter)
    return position + 1 if position >= 0 else None


def marker(original: str, folded: str) -> Marker | None:
    """The marker that ``folded`` (the NFKC form of ``original``) starts with, or None for running text."""
    value: int | None
    if original[:1] in _CIRCLED:
        position = _CIRCLED.index(original[0]) + 1
        return Marker("circled", original[0], position, folded[len(str(position)) :].strip())
    found = CHAPTER.match(folded)
    if found:
        kinds = {"章": "chapter", "節": "section", "款": "subsection"}
        value = to_int(found.group(1))
        return Marker(kinds[found.group(2)], str(value), value, found.group(3).strip())
    found = ARTICLE.match(folded)
    if found:
        value = to_int(found.group(1))
        number = f"{value}" + (f"の{to_int(found.group(2))}" if found.group(2) else "")
        return Marker("article", number, value, found.group(4).strip(), found.group(3))
    found = APPENDED_TABLE.match(folded)
    if found and (found.group(1) or found.group(2) is not None or not found.group(3)[:1].isalpha() or len(folded) < 40):
        value = to_int(found.group(1)) if found.group(1) else None
        return Marker("table", "" if value is None else str(value), value, found.group(3).strip(), found.group(2))
    found = SUPPLEMENT.match(folded)
    if found:
        return Marker("supplement", "", None, found.group(1).strip())
    found = CAPTION.match(folded)
    if found and not re.fullmatch(rf"[0-9]+|[{_KANA_AIUEO}]|[{KANJI_NUMERAL}]+", found.group(1)):
        return Marker("caption", "", None, "", found.group(1).strip())
    found = DOTTED_ITEM.match(folded)
    if found and "." in found.group(1):
        return Marker("dotted", found.group(1), None, f"({found.group(2)}) {found.group(3)}".strip())
    found = HYPHENATED.match(folded)
    if found:
        return Marker("hyphenated", found.group(1), None, found.group(2).strip())
    found = ITEM_PAREN.match(folded)
    if found:
        return Marker("item", found.group(1), int(found.group(1)), found.group(2).strip())
    found = KANA_PAREN.match(folded)
    if found:
        return Marker("kana_paren", found.group(1), kana_index(found.group(1)), found.group(2).strip())
    found = PARAGRAPH.match(folded)
    if found:
        return Marker("paragraph", found.group(1), int(found.group(1)), found.group(2).strip())
    found = DOTTED.match(folded)
    if found:
        return Marker("dotted", found.group(1), None, (found.group(2) or "").strip())
    found = ITEM_KANJI.match(folded)
    if found and to_int(found.group(1)) is not None:
        value = to_int(found.group(1))
        return Marker("kanji_item", str(value), value, found.group(2).strip())
    found = KANA.match(folded)
    if found and (found.group(2) or len(folded) == 1):
        return Marker("kana", found.group(1), kana_index(found.group(1)), found.group(2).strip())
    return None
