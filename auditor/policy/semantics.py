"""Checks of a policy that a schema cannot express: the 団体コード, and waiver and evidence dates.

Plain functions, no pydantic: the policy models call them from their validators, and the
compiled fast path (:mod:`auditor.schemas.compiled`) calls them after pydantic-core has checked
the shape, so both paths accept exactly the same files. Each returns the problem, or None.
"""

from __future__ import annotations

import datetime as dt

from auditor.i18n import t


def code_check_digit(first_five: str) -> int:
    """Check digit of a 全国地方公共団体コード (weights 6..2, modulus 11, last digit of 11 - r)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_five, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def code_problem(code: str) -> str | None:
    """What is wrong with a 全国地方公共団体コード: six ASCII digits, a prefecture 01–47, the check digit."""
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return t("code.format")
    if not 1 <= int(code[:2]) <= 47:
        return t("code.prefecture")
    expected = code_check_digit(code[:5])
    if int(code[5]) != expected:
        return t("code.check_digit", expected=code[:5] + str(expected))
    return None


def entity_type_problem(code: str | None, entity_type: str) -> str | None:
    """A prefecture's code has 000 in digits 3–5 and a municipality's does not."""
    if code is not None and (code[2:5] == "000") != (entity_type == "prefecture"):
        kind = t("code.kind.prefecture" if code[2:5] == "000" else "code.kind.municipality")
        return t("code.entity_type", code=code, kind=kind, declared=entity_type)
    return None


def waiver_dates_problem(approved_on: dt.date, expires_on: dt.date) -> str | None:
    """A waiver cannot expire before it was approved."""
    if expires_on < approved_on:
        return "expires_on must not be earlier than approved_on / 有効期限が承認日より前です"
    return None


def evidence_dates_problem(reviewed_on: dt.date, valid_until: dt.date | None) -> str | None:
    """Evidence cannot stop holding before it was reviewed."""
    if valid_until is not None and valid_until < reviewed_on:
        return t("evidence.format.date_order")
    return None
