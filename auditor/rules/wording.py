"""A condition's expectation in words: 「禁止 または 許可した機器のみ」, 「8 以上」, 「宣言されていること」.

The engine words its outcome messages with this, and reports their 期待値 column; both read the
structured :class:`~auditor.rules.conditions.Expectation`, never the compact machine form
(``∈ [blocked, allowlisted_devices_only]``), which JSON and SARIF keep.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditor.i18n import LANGS, MESSAGES, Bilingual, translate
from auditor.i18n.values import value_label
from auditor.rules.conditions import Expectation

_ORDERING = frozenset({"gte", "lte", "gt", "lt"})
_JOINERS = {"in": "condition.or", "not_in": "condition.nor"}


def expectation_text(expectation: Expectation, lang: str) -> str:
    """``expectation`` written out in ``lang``."""
    if expectation.op == "any":
        words = [_part(part, expectation.path, lang) for part in expectation.parts]
        return translate("condition.or", lang).join(words)
    if expectation.op == "not":
        inner = "".join(_part(part, expectation.path, lang) for part in expectation.parts)
        return translate("condition.not", lang, v=inner)
    key = f"condition.{expectation.op}"
    if expectation.op in _ORDERING and isinstance(expectation.operand, dt.date):
        key += ".date"  # dates read 以降 / on or after, not 以上
    text = translate(key, lang, v=_operand(expectation, lang))
    reference = expectation.reference
    if reference is None or not expectation.resolved:
        return text
    # The audit context has a name of its own (監査基準の版); another policy field is named by its path.
    named = f"value.reference.{reference}"
    return translate(named if named in MESSAGES else "value.reference", lang, text=text, path=reference)


def expectation_texts(expectation: Expectation | None, fallback: str) -> Bilingual:
    """:func:`expectation_text` in every language (``fallback`` where nothing structured is known)."""
    if expectation is None:
        return {lang: fallback for lang in LANGS}
    return {lang: expectation_text(expectation, lang) for lang in LANGS}


def _part(part: Expectation, outer_path: str, lang: str) -> str:
    text = expectation_text(part, lang)
    if part.path != outer_path:  # a part about another field names it
        return translate("value.field", lang, text=text, path=part.path)
    return text


def _operand(expectation: Expectation, lang: str) -> str:
    if not expectation.resolved:
        return translate("value.unresolved", lang, path=expectation.reference)
    return _operand_words(expectation.op, expectation.operand, expectation.path, lang)


def _operand_words(op: str, operand: Any, path: str, lang: str) -> str:
    if op in _JOINERS and isinstance(operand, list) and operand:
        return translate(_JOINERS[op], lang).join(value_label(item, path, lang) for item in operand)
    return value_label(operand, path, lang)
