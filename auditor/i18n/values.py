"""Policy values as a reader sees them: 許可 / Allowed rather than ``allowed``.

:func:`value_label` words any declared or expected value in one language, from the label table
:mod:`auditor.i18n.messages.values`: enum values by their label (the field's own first, see
``FIELD_VALUES``), booleans as はい/いいえ, numbers and dates as they are, editions as 令和7年3月版,
lists joined with 「、」, and an undeclared value as 未宣言. Free text is shown as written.
Machine formats keep the raw values; only what people read goes through here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditor.i18n import Bilingual, translate
from auditor.i18n.messages.values import FIELD_VALUES, VALUES
from auditor.vocab import EDITIONS

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def edition_label(edition: str, lang: str) -> str:
    """``R7.3`` as 令和7年3月版 / March 2025 edition (R7.3)."""
    try:
        year_text, month_text = edition.removeprefix("R").split(".")
        year, month = int(year_text), int(month_text)
    except ValueError:
        return edition
    return translate(
        "report.edition",
        lang,
        year=year,
        month=month,
        western=2018 + year,
        month_name=_MONTHS[month - 1],
        edition=edition,
    )


def enum_label(value: str, path: str | None = None) -> Bilingual | None:
    """The label of enum ``value`` (as read at ``path``), or None when the table has none."""
    own = FIELD_VALUES.get(path or "", {}).get(value)
    return own or VALUES.get(value)


def value_label(value: Any, path: str | None, lang: str) -> str:
    """``value`` (declared at, or compared with, ``path``) in words in ``lang``."""
    if value is None:
        return translate("value.undeclared", lang)
    if isinstance(value, bool):
        return translate("value.true" if value else "value.false", lang)
    if isinstance(value, list):
        if not value:
            return translate("value.empty", lang)
        return translate("value.list_separator", lang).join(value_label(item, path, lang) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        found = enum_label(value, path)
        if found is not None:
            return found["en" if lang == "en" else "ja"]
        if value in EDITIONS:
            return edition_label(value, lang)
    return str(value)


def value_labels(value: Any, path: str | None) -> Bilingual:
    """:func:`value_label` in every language."""
    return {lang: value_label(value, path, lang) for lang in ("ja", "en")}
