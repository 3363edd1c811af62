"""The evidence dataclasses: citations of document clauses, extracted values and reviewed evidence.

Every class is frozen and built from plain data only, so the audit can attach evidence to its
outcomes without importing pydantic. ``to_json`` gives the documented JSON shape (see
``docs/extract.md``); ``from_json`` checks it and raises :class:`EvidenceFormatError` naming the
offending member (``values[3].citation.page``), which :mod:`auditor.evidence.io` turns into a
one-line message with the file name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast, get_args

from auditor.i18n import t
from auditor.vocab import EvidenceMethod, EvidenceResult

Method = EvidenceMethod
Result = EvidenceResult

METHODS: tuple[str, ...] = get_args(Method)
RESULTS: tuple[str, ...] = get_args(Result)

SCHEMA_VERSION = 1
KIND = "auditor-evidence"
DEFAULT_VALIDITY_DAYS = 365
"""How long reviewed evidence holds when neither the record nor the rule says (one year)."""

RECORD_KEYS = (
    "rule_id",
    "what",
    "where",
    "citation",
    "reviewer",
    "reviewed_on",
    "method",
    "result",
    "valid_until",
    "note",
)
"""The members of a reviewed-evidence record, in documented order."""

QUOTE_LIMIT = 2000
"""Longest quote kept in a citation; a clause longer than this is cited by its beginning."""


class EvidenceFormatError(ValueError):
    """Evidence data does not have the documented shape; ``where`` names the member.

    ``key`` is the message (a key of the ``evidence.format.`` table) rendered in the current
    language with ``params``.
    """

    def __init__(self, where: str, key: str, /, **params: object) -> None:
        self.where = where
        self.message = t(f"evidence.format.{key}", **params)
        super().__init__(f"{where}: {self.message}" if where else self.message)

    @property
    def member(self) -> tuple[str | int, ...]:
        """``where`` as keys and list indexes: ``records[3].reviewed_on`` -> ``("records", 3, "reviewed_on")``."""
        parts: list[str | int] = []
        for piece in re.findall(r"[^.\[\]]+|\[\d+\]", self.where):
            parts.append(int(piece[1:-1]) if piece.startswith("[") else piece)
        return tuple(parts)


@dataclass(frozen=True)
class Citation:
    """Where a document says something: file, page, clause label and the verbatim words.

    ``quote`` is a verbatim substring of the text read from the document (a paragraph broken over
    lines in a PDF or a text file is read as one line). ``page`` is None for formats without
    pages (HTML, a text file without form feeds); ``line`` is then the line of the source text.
    ``clause`` is the label the document itself uses (第12条第2項第1号, 6.1(2)①, 別表第1); it is
    empty for text outside any numbered provision (a preamble).
    """

    file: str
    page: int | None
    clause: str
    quote: str
    title: str | None = None
    caption: str | None = None
    line: int | None = None

    def place(self) -> str:
        """Where the clause is: ``対策基準 第12条第2項（p.8）`` (the line for formats without pages)."""
        where = " ".join(part for part in (self.title or self.file, self.clause) if part)
        if self.page is not None:
            where += f"（p.{self.page}）"
        elif self.line is not None:
            where += f"（{self.line}行）"
        return where

    def label(self, *, quote_limit: int = 60) -> str:
        """The citation as a report shows it: ``対策基準 第12条第2項（p.8）「…」``."""
        quote = self.quote if len(self.quote) <= quote_limit else self.quote[: max(quote_limit - 1, 0)] + "…"
        return f"{self.place()}「{quote}」"

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object."""
        return {
            "file": self.file,
            "page": self.page,
            "line": self.line,
            "clause": self.clause,
            "caption": self.caption,
            "title": self.title,
            "quote": self.quote,
        }

    @classmethod
    def from_json(cls, data: Any, where: str = "citation") -> Citation:
        """Check and read a citation object."""
        item = _mapping(data, where)
        _known_keys(item, where, ("file", "page", "line", "clause", "caption", "title", "quote"))
        return cls(
            file=_text(item, "file", where),
            page=_optional_int(item, "page", where, minimum=1),
            clause=_text(item, "clause", where, allow_empty=True),
            quote=_text(item, "quote", where, limit=QUOTE_LIMIT),
            title=_optional_text(item, "title", where),
            caption=_optional_text(item, "caption", where),
            line=_optional_int(item, "line", where, minimum=1),
        )


@dataclass(frozen=True)
class ExtractedValue:
    """A policy value read from a document clause by ``auditor extract``.

    ``value`` is JSON data as the policy YAML holds it (dates as ``YYYY-MM-DD`` text).
    ``confidence`` is 0–1; ``basis`` says what decided the value in words (the phrases matched,
    the modality such as 禁止 or 例外, a number and its unit). ``rules`` are the catalogue rules
    that read ``path``, so the audit can show the citation next to each of their outcomes.
    """

    path: str
    value: Any
    citation: Citation
    confidence: float
    basis: str
    rules: tuple[str, ...] = ()

    def reviewed(
        self, reviewer: str, on: dt.date, result: Result = "確認済み", valid_until: dt.date | None = None
    ) -> tuple[EvidenceRecord, ...]:
        """The evidence records of a person who checked this value against the document (閲覧), one per rule."""
        return tuple(
            EvidenceRecord(
                rule_id=rule,
                what=self.citation.title or self.citation.file,
                where=self.citation.clause or None,
                citation=self.citation,
                reviewer=reviewer,
                reviewed_on=on,
                method="閲覧",
                result=result,
                valid_until=valid_until,
                note=f"{self.path} = {self.value!r}",
            )
            for rule in self.rules
        )

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object."""
        return {
            "path": self.path,
            "value": self.value,
            "confidence": round(self.confidence, 3),
            "basis": self.basis,
            "rules": list(self.rules),
            "citation": self.citation.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any, where: str = "value") -> ExtractedValue:
        """Check and read an extracted value object."""
        item = _mapping(data, where)
        _known_keys(item, where, ("path", "value", "confidence", "basis", "rules", "citation"))
        if "value" not in item:
            raise EvidenceFormatError(f"{where}.value", "missing")
        confidence = item.get("confidence")
        if isinstance(confidence, bool) or not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
            raise EvidenceFormatError(f"{where}.confidence", "confidence")
        rules = item.get("rules", [])
        if not isinstance(rules, list) or not all(isinstance(rule, str) for rule in rules):
            raise EvidenceFormatError(f"{where}.rules", "rule_list")
        return cls(
            path=_text(item, "path", where),
            value=_json_value(item["value"], f"{where}.value"),
            citation=Citation.from_json(item.get("citation"), f"{where}.citation"),
            confidence=float(confidence),
            basis=_text(item, "basis", where, allow_empty=True),
            rules=tuple(rules),
        )


@dataclass(frozen=True)
class EvidenceRecord:
    """Evidence a person reviewed for one rule (the evidence register).

    What was reviewed (a document or record), where (a location, page or clause; ``citation``
    when it is a clause of a document that ``auditor extract`` read), who reviewed it, on which
    date, how (:data:`METHODS`), the result (:data:`RESULTS`) and until when it holds
    (``valid_until``; when absent, :data:`DEFAULT_VALIDITY_DAYS` after the review, or less if the
    rule says so: see :meth:`expires_on`).
    """

    rule_id: str
    what: str
    reviewed_on: dt.date
    method: Method
    result: Result
    where: str | None = None
    citation: Citation | None = None
    reviewer: str | None = None
    valid_until: dt.date | None = None
    note: str | None = None

    def expires_on(self, rule_limit_days: int | None = None) -> dt.date:
        """The last day the evidence holds.

        ``valid_until`` when the record gives it, else :data:`DEFAULT_VALIDITY_DAYS` after the
        review; a rule that says its evidence holds for fewer days (``rule_limit_days``) caps both.
        """
        expiry = self.valid_until or self.reviewed_on + dt.timedelta(days=DEFAULT_VALIDITY_DAYS)
        if rule_limit_days is not None:
            expiry = min(expiry, self.reviewed_on + dt.timedelta(days=rule_limit_days))
        return expiry

    def is_current(self, today: dt.date, rule_limit_days: int | None = None) -> bool:
        """True while the evidence holds on ``today``."""
        return self.reviewed_on <= today <= self.expires_on(rule_limit_days)

    def label(self) -> str:
        """The record as a report line: ``令和7年度監査報告書（閲覧、情報政策課 佐藤、2026-11-20）``."""
        what = self.what if not self.where else f"{self.what}（{self.where}）"
        who = [self.method, *([self.reviewer] if self.reviewer else []), self.reviewed_on.isoformat()]
        return f"{what}［{'、'.join(who)}］"

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object (dates as ``YYYY-MM-DD``)."""
        return {
            "rule_id": self.rule_id,
            "what": self.what,
            "where": self.where,
            "citation": self.citation.to_json() if self.citation else None,
            "reviewer": self.reviewer,
            "reviewed_on": self.reviewed_on.isoformat(),
            "method": self.method,
            "result": self.result,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Any, where: str = "record") -> EvidenceRecord:
        """Check and read a record (members in documented order); dates must be real and in order."""
        item = _mapping(data, where)
        _known_keys(item, where, RECORD_KEYS)
        rule_id = _text(item, "rule_id", where)
        what = _text(item, "what", where)
        reviewed_on = _date(item.get("reviewed_on"), f"{where}.reviewed_on")
        method = item.get("method")
        if method not in METHODS:
            raise EvidenceFormatError(f"{where}.method", "one_of", choices=" / ".join(METHODS))
        result = item.get("result")
        if result not in RESULTS:
            raise EvidenceFormatError(f"{where}.result", "one_of", choices=" / ".join(RESULTS))
        valid_until = None if item.get("valid_until") is None else _date(item["valid_until"], f"{where}.valid_until")
        if valid_until is not None and valid_until < reviewed_on:
            raise EvidenceFormatError(f"{where}.valid_until", "date_order")
        citation = item.get("citation")
        return cls(
            rule_id=rule_id,
            what=what,
            reviewed_on=reviewed_on,
            method=cast(Method, method),
            result=cast(Result, result),
            where=_optional_text(item, "where", where),
            citation=None if citation is None else Citation.from_json(citation, f"{where}.citation"),
            reviewer=_optional_text(item, "reviewer", where),
            valid_until=valid_until,
            note=_optional_text(item, "note", where),
        )


@dataclass(frozen=True)
class DocumentSource:
    """One document read: the file as given, its SHA-256, format, page count and title."""

    file: str
    sha256: str
    format: str
    pages: int | None
    title: str | None

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object."""
        return {
            "file": self.file,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "title": self.title,
        }

    @classmethod
    def from_json(cls, data: Any, where: str = "document") -> DocumentSource:
        """Check and read a document object."""
        item = _mapping(data, where)
        _known_keys(item, where, ("file", "sha256", "format", "pages", "title"))
        return cls(
            file=_text(item, "file", where),
            sha256=_text(item, "sha256", where),
            format=_text(item, "format", where),
            pages=_optional_int(item, "pages", where, minimum=0),
            title=_optional_text(item, "title", where),
        )


@dataclass(frozen=True)
class EvidenceSubject:
    """Whose policy the evidence was gathered for: the body, and the policy file and version it came from.

    ``auditor checklist import`` fills it from the checklist's hidden key column, so evidence
    returned from another body is refused and evidence from another version of the policy is named.
    """

    entity_code: str
    entity_name: str | None = None
    policy_file: str | None = None
    policy_sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object."""
        return {
            "entity_code": self.entity_code,
            "entity_name": self.entity_name,
            "policy_file": self.policy_file,
            "policy_sha256": self.policy_sha256,
        }

    @classmethod
    def from_json(cls, data: Any, where: str = "subject") -> EvidenceSubject:
        """Check and read a subject object."""
        item = _mapping(data, where)
        _known_keys(item, where, ("entity_code", "entity_name", "policy_file", "policy_sha256"))
        return cls(
            entity_code=_text(item, "entity_code", where),
            entity_name=_optional_text(item, "entity_name", where),
            policy_file=_optional_text(item, "policy_file", where),
            policy_sha256=_optional_text(item, "policy_sha256", where),
        )


@dataclass(frozen=True)
class EvidenceFile:
    """An evidence file: the documents read, the values extracted from them and reviewed records.

    ``auditor extract`` writes documents and values (as JSON); ``auditor checklist import`` and
    people write records (as YAML). One file may hold both; ``auditor audit --evidence`` takes either.
    """

    generator: str = ""
    documents: tuple[DocumentSource, ...] = ()
    values: tuple[ExtractedValue, ...] = ()
    records: tuple[EvidenceRecord, ...] = ()
    created_on: dt.date | None = None
    subject: EvidenceSubject | None = None

    def records_for(self, rule_id: str) -> tuple[EvidenceRecord, ...]:
        """The reviewed records of ``rule_id``, in file order."""
        return tuple(record for record in self.records if record.rule_id == rule_id)

    def citations_for(self, rule_id: str) -> tuple[Citation, ...]:
        """Every clause cited for ``rule_id`` (by an extracted value or a reviewed record), in file order."""
        found = [value.citation for value in self.values if rule_id in value.rules]
        found.extend(
            record.citation for record in self.records if record.rule_id == rule_id and record.citation is not None
        )
        return tuple(dict.fromkeys(found))

    def value_at(self, path: str) -> ExtractedValue | None:
        """The extracted value for a policy path, if any."""
        return next((value for value in self.values if value.path == path), None)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON document (``schema_version`` 1, ``kind: auditor-evidence``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "kind": KIND,
            "generator": self.generator,
            "created_on": self.created_on.isoformat() if self.created_on else None,
            "subject": self.subject.to_json() if self.subject else None,
            "documents": [document.to_json() for document in self.documents],
            "values": [value.to_json() for value in self.values],
            "records": [record.to_json() for record in self.records],
        }

    @classmethod
    def from_json(cls, data: Any) -> EvidenceFile:
        """Check and read a whole evidence document."""
        item = _mapping(data, "")
        _known_keys(
            item, "", ("schema_version", "kind", "generator", "created_on", "subject", "documents", "values", "records")
        )
        if item.get("kind") != KIND:
            raise EvidenceFormatError("kind", "kind", kind=KIND)
        if item.get("schema_version") != SCHEMA_VERSION:
            raise EvidenceFormatError("schema_version", "version", version=SCHEMA_VERSION)
        created = item.get("created_on")
        subject = item.get("subject")
        return cls(
            generator=_optional_text(item, "generator", "") or "",
            created_on=None if created is None else _date(created, "created_on"),
            subject=None if subject is None else EvidenceSubject.from_json(subject),
            documents=tuple(
                DocumentSource.from_json(entry, f"documents[{index}]")
                for index, entry in enumerate(_list(item, "documents"))
            ),
            values=tuple(
                ExtractedValue.from_json(entry, f"values[{index}]") for index, entry in enumerate(_list(item, "values"))
            ),
            records=tuple(
                EvidenceRecord.from_json(entry, f"records[{index}]")
                for index, entry in enumerate(_list(item, "records"))
            ),
        )


def _member(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _mapping(data: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise EvidenceFormatError(where, "object")
    return data


def _known_keys(item: Mapping[str, Any], where: str, known: tuple[str, ...]) -> None:
    for key in item:
        if key not in known:
            raise EvidenceFormatError(_member(where, str(key)), "unknown_key", key=key, known=", ".join(known))


def _list(item: Mapping[str, Any], key: str) -> Sequence[Any]:
    value = item.get(key) or []
    if not isinstance(value, list):
        raise EvidenceFormatError(key, "list")
    return value


def _text(item: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False, limit: int = 10_000) -> str:
    value = item.get(key)
    if not isinstance(value, str) or (not value and not allow_empty):
        raise EvidenceFormatError(_member(where, key), "text")
    if len(value) > limit:
        raise EvidenceFormatError(_member(where, key), "too_long", limit=limit)
    return value


def _optional_text(item: Mapping[str, Any], key: str, where: str) -> str | None:
    return None if item.get(key) is None else _text(item, key, where, allow_empty=True)


def _optional_int(item: Mapping[str, Any], key: str, where: str, *, minimum: int) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise EvidenceFormatError(_member(where, key), "whole_number", minimum=minimum)
    return value


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):  # a YAML timestamp: the day is what counts
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise EvidenceFormatError(where, "date")


def _json_value(value: Any, where: str, depth: int = 0) -> Any:
    """A policy value: a scalar or a flat list of scalars (what the policy schema holds at a leaf)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list) and depth == 0:
        return [_json_value(item, where, 1) for item in value]
    raise EvidenceFormatError(where, "scalar")


__all__ = [
    "DEFAULT_VALIDITY_DAYS",
    "KIND",
    "METHODS",
    "RESULTS",
    "SCHEMA_VERSION",
    "Citation",
    "DocumentSource",
    "EvidenceFile",
    "EvidenceFormatError",
    "EvidenceRecord",
    "EvidenceSubject",
    "ExtractedValue",
    "Method",
    "Result",
]
