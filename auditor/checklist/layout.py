"""The checklist sheet's columns, the choices its dropdowns offer and the hidden key of each row.

The xlsx reporter writes this layout and :mod:`auditor.checklist.importer` reads it back by the
header labels (in either language), so staff may insert, hide, move or sort columns and rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.vocab import EvidenceMethod, EvidenceResult


@dataclass(frozen=True)
class Column:
    """One checklist column: its field name, header label key, width, and whether staff fill it in."""

    field: str
    label: str
    width: float
    entry: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("no", "col.no", 5),
    Column("chapter", "col.chapter", 22),
    Column("section", "col.section", 18),
    Column("sources", "sources", 36),
    Column("rule_id", "col.id", 9),
    Column("requirement", "col.requirement", 40),
    Column("level", "col.level", 6),
    Column("severity", "col.severity", 7),
    Column("status", "col.status", 9),
    Column("declared", "field.declared", 20),
    Column("expected", "field.expected", 20),
    Column("location", "field.location", 22),
    Column("detail", "field.detail", 40),
    Column("remediation", "field.remediation", 48),
    Column("citation", "citation", 36),
    Column("result", "evidence.result", 12, entry=True),
    Column("method", "evidence.method", 11, entry=True),
    Column("evidence", "col.evidence", 30, entry=True),
    Column("where", "evidence.where", 20, entry=True),
    Column("owner", "col.owner", 14, entry=True),
    Column("reviewed_on", "evidence.reviewed_on", 12, entry=True),
    Column("valid_until", "evidence.valid_until", 12, entry=True),
    Column("due", "col.due", 12, entry=True),
    Column("note", "checklist.col.note", 24, entry=True),
    Column("key", "checklist.col.key", 12),
)
"""The columns in sheet order; ``key`` (last) is hidden."""

DATE_FIELDS = ("reviewed_on", "valid_until", "due")
EVIDENCE_FIELDS = ("method", "evidence", "where", "reviewed_on", "valid_until")
"""Cells that describe reviewed evidence: filled in without a result, they are an error."""

KEY_PREFIX = "auditor"


RESULT_CHOICES: tuple[EvidenceResult, ...] = ("確認済み", "確認できない", "一部確認")
"""What the 確認結果 dropdown offers: the register's own words, whatever the sheet's language
(English entries are accepted on import, see :data:`RESULT_ALIASES`)."""

METHOD_CHOICES: tuple[EvidenceMethod, ...] = ("閲覧", "聴取", "実地確認", "設定確認")

RESULT_ALIASES: dict[str, EvidenceResult] = {
    "確認済み": "確認済み",
    "確認済": "確認済み",
    "confirmed": "確認済み",
    "確認できない": "確認できない",
    "確認できず": "確認できない",
    "not confirmed": "確認できない",
    "一部確認": "一部確認",
    "partly confirmed": "一部確認",
    "partially confirmed": "一部確認",
}
METHOD_ALIASES: dict[str, EvidenceMethod] = {
    "閲覧": "閲覧",
    "書類確認": "閲覧",
    "document review": "閲覧",
    "聴取": "聴取",
    "ヒアリング": "聴取",
    "interview": "聴取",
    "実地確認": "実地確認",
    "現地確認": "実地確認",
    "on-site check": "実地確認",
    "設定確認": "設定確認",
    "settings check": "設定確認",
}


def key_value(rule_id: str, entity_code: str, sha256: str) -> str:
    """The hidden key of a row: ``auditor|AUD-007|019992|<sha256 of the policy file>``."""
    return f"{KEY_PREFIX}|{rule_id}|{entity_code}|{sha256}"


def parse_key(value: str) -> tuple[str, str, str] | None:
    """``(rule_id, entity_code, sha256)`` of a hidden key, or None when the text is not one."""
    parts = value.strip().split("|")
    if len(parts) != 4 or parts[0] != KEY_PREFIX or not all(parts[1:3]):
        return None
    return parts[1], parts[2], parts[3]
