"""Reviewed evidence (証跡) and document citations around the engine: what settles a rule, the register.

A requirement a policy file cannot show (``manual`` in its rule) ends as 要確認 until evidence
settles it. The evidence comes from the policy's own ``evidence:`` list and from ``--evidence``
files (written by ``auditor checklist import``, by hand, or by ``auditor extract``), all one
model (:mod:`auditor.evidence.model`).

Decisions, in order:

* The records of a rule's latest review date decide it (earlier ones are superseded history).
* Any of them 確認できない: the requirement fails. Otherwise, if the review has expired (one year
  after it, or ``valid_until``, capped by the rule's ``manual.valid_days``): it fails as
  証跡の期限切れ. Otherwise any 一部確認 keeps it 要確認, and all 確認済み make it pass, showing
  who checked what and when.
* Evidence for a rule decided from the file is shown beside the outcome and changes nothing:
  evidence never makes an automated check pass, and a declared ``false`` stays a failure.
* A record naming a rule that was not audited, or reviewed after the audit date, makes the audit
  unusable (exit 2, with the file and line); so does an evidence file recorded for another body.

Document citations (``values`` of ``auditor extract``'s evidence file) are attached to the
outcomes of the rules that read their paths while the policy still declares the extracted value.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.audit.results import (
    EvidenceRef,
    EvidenceState,
    EvidenceStateLabel,
    EvidenceStateName,
    Outcome,
    Status,
)
from auditor.errors import InputError, Problem
from auditor.evidence.model import EvidenceRecord, ExtractedValue
from auditor.files.paths import is_regular_file, read_file
from auditor.i18n import Bilingual, both, t
from auditor.policy.loader import LoadedPolicy
from auditor.rules.conditions import is_missing, lookup, show
from auditor.rules.rule import Rule

if TYPE_CHECKING:
    from auditor.evidence.io import LoadedEvidence
    from auditor.files.yamlsource import PathKey, Position


MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
"""Largest source document hashed to see whether it changed since extraction."""


@dataclass(frozen=True)
class LocatedRecord:
    """A reviewed-evidence record and where it is written (the policy itself or an evidence file)."""

    record: EvidenceRecord
    file: str
    line: int | None
    lines: Mapping[str, int] = field(default_factory=dict)
    """The line of each member written (``reviewed_on`` …), for precise messages."""


@dataclass(frozen=True)
class Evidence:
    """Everything one audit takes as evidence: reviewed records and cited document values."""

    records: tuple[LocatedRecord, ...] = ()
    values: tuple[ExtractedValue, ...] = ()
    warnings: tuple[Bilingual, ...] = ()

    def records_for(self, rule_id: str) -> list[EvidenceRecord]:
        """The records of ``rule_id``, in the order written."""
        return [item.record for item in self.records if item.record.rule_id == rule_id]


# --- gathering ------------------------------------------------------------------------------


def policy_records(loaded: LoadedPolicy) -> list[LocatedRecord]:
    """The records of the policy's own ``evidence:`` list (validated with the policy), with their lines."""
    located = []
    for index, item in enumerate(loaded.data.get("evidence") or []):
        record = EvidenceRecord.from_json(item, f"evidence[{index}]")
        located.append(_located(record, loaded.file, loaded.document.positions, ("evidence", index)))
    return located


def _located(
    record: EvidenceRecord, file: str, positions: Mapping[PathKey, Position], where: tuple[str, int]
) -> LocatedRecord:
    here = positions.get(where)
    lines = {}
    for member in ("rule_id", "reviewed_on", "valid_until", "result", "method"):
        found = positions.get((*where, member))
        if found is not None:
            lines[member] = found.line
    return LocatedRecord(record, file, here.line if here else None, lines)


def gather(loaded: LoadedPolicy, files: Sequence[LoadedEvidence], rules: Sequence[Rule], today: dt.date) -> Evidence:
    """The evidence for one audit: the policy's records plus those of ``files``, checked.

    Raises :class:`InputError` listing every record that names a rule not among ``rules`` or was
    reviewed after ``today``, and every file recorded for another body.
    """
    records = policy_records(loaded)
    values: list[ExtractedValue] = []
    warnings: list[Bilingual] = []
    problems: list[Problem] = []
    entity_code = loaded.data["entity"]["code"]
    for file in files:
        subject = file.evidence.subject
        if subject is not None and subject.entity_code != entity_code:
            line = file.line_of(("subject", "entity_code"))
            problems.append(
                Problem(file.file, line, None, t("evidence.other_body", theirs=subject.entity_code, ours=entity_code))
            )
            continue
        if subject is not None and subject.policy_sha256 and subject.policy_sha256 != loaded.document.sha256:
            warnings.append(
                both(
                    "evidence.other_version",
                    file=file.file,
                    theirs=subject.policy_file or "-",
                    digest=subject.policy_sha256[:12],
                )
            )
        records.extend(
            _located(record, file.file, file.positions, ("records", index))
            for index, record in enumerate(file.evidence.records)
        )
        values.extend(file.evidence.values)
        warnings.extend(_changed_documents(file))
    records = _distinct(records)
    problems.extend(check(records, {rule.id for rule in rules}, today))
    if problems:
        raise InputError(problems)
    cited, differing = _current_values(values, loaded.data)
    warnings.extend(
        both("evidence.value_differs", file=loaded.file, path=value.path, value=show(value.value))
        for value in differing
    )
    return Evidence(records=tuple(records), values=tuple(cited), warnings=tuple(warnings))


def _distinct(records: Sequence[LocatedRecord]) -> list[LocatedRecord]:
    """The records, each once: a sheet imported again gives the same records as the file it was filled from."""
    seen: set[EvidenceRecord] = set()
    kept = []
    for item in records:
        if item.record not in seen:
            seen.add(item.record)
            kept.append(item)
    return kept


def check(records: Iterable[LocatedRecord], rule_ids: set[str], today: dt.date) -> list[Problem]:
    """Records that cannot be used: an unknown rule, a review after the audit date."""
    problems = []
    for item in records:
        record = item.record
        if record.rule_id not in rule_ids:
            line = item.lines.get("rule_id", item.line)
            problems.append(Problem(item.file, line, None, t("evidence.unknown_rule", rule=record.rule_id)))
        if record.reviewed_on > today:
            line = item.lines.get("reviewed_on", item.line)
            message = t(
                "evidence.future", rule=record.rule_id, date=record.reviewed_on.isoformat(), today=today.isoformat()
            )
            problems.append(Problem(item.file, line, None, message))
    return problems


def _changed_documents(file: LoadedEvidence) -> list[Bilingual]:
    """Source documents of an extract evidence file whose bytes changed since (those that can be found)."""
    return list(_documents_changed(file.file, tuple((d.file, d.sha256) for d in file.evidence.documents)))


@functools.lru_cache(maxsize=64)
def _documents_changed(evidence_file: str, documents: tuple[tuple[str, str], ...]) -> tuple[Bilingual, ...]:
    # Cached: every policy of one run reads the same evidence files, and a document can be 256 MiB.
    warnings = []
    base = Path(evidence_file).parent
    for document_file, sha256 in documents:
        for candidate in (Path(document_file), base / document_file):
            if not is_regular_file(candidate):
                continue
            try:
                digest = hashlib.sha256(read_file(candidate, limit=MAX_DOCUMENT_BYTES)).hexdigest()
            except InputError:  # unreadable or grown too large: nothing to compare
                break
            if digest != sha256:
                warnings.append(both("evidence.document_changed", file=evidence_file, document=document_file))
            break
    return tuple(warnings)


def _current_values(
    values: Sequence[ExtractedValue], data: Mapping[str, Any]
) -> tuple[list[ExtractedValue], list[ExtractedValue]]:
    """Extracted values the policy still declares, and those it now declares otherwise."""
    cited: list[ExtractedValue] = []
    differing: list[ExtractedValue] = []
    for value in values:
        declared = lookup(data, value.path)
        if is_missing(declared):
            continue
        (cited if _same(declared, value.value) else differing).append(value)
    return cited, differing


def _same(declared: Any, extracted: Any) -> bool:
    if isinstance(declared, dt.date):
        return bool(declared.isoformat() == extracted)
    if isinstance(declared, bool) or isinstance(extracted, bool):
        return declared is extracted
    return bool(declared == extracted)


# --- deciding -------------------------------------------------------------------------------


def latest_review(records: Sequence[EvidenceRecord]) -> tuple[EvidenceRecord, ...]:
    """The records of the most recent review date (together they decide the rule)."""
    if not records:
        return ()
    newest = max(record.reviewed_on for record in records)
    return tuple(record for record in records if record.reviewed_on == newest)


def judge(
    records: Sequence[EvidenceRecord], today: dt.date, valid_days: int | None = None
) -> tuple[EvidenceStateName, dt.date]:
    """What one review says (see the module's docstring) and the last day it holds."""
    expires = min(record.expires_on(valid_days) for record in records)
    if any(record.result == "確認できない" for record in records):
        return "not_confirmed", expires
    if expires < today:
        return "expired", expires
    if any(record.result == "一部確認" for record in records):
        return "partial", expires
    return "confirmed", expires


_SETTLED: dict[EvidenceStateName, Status] = {
    "confirmed": "pass",
    "not_confirmed": "fail",
    "expired": "fail",
    "partial": "manual",
}


def settle(outcome: Outcome, rule: Rule, records: Sequence[EvidenceRecord], today: dt.date) -> Outcome:
    """``outcome`` with its rule's evidence: a 要確認 outcome is decided by it, any other only shows it."""
    if not records or outcome.status in ("not_applicable", "error"):
        return outcome
    review = latest_review(records)
    valid_days = rule.manual.valid_days if rule.manual is not None else None
    state, expires = judge(review, today, valid_days)
    if outcome.status != "manual":
        return replace(outcome, evidence=EvidenceRef(state, review, expires, decided=False))
    ref = EvidenceRef(state, review, expires, decided=True)
    deciding = [r for r in review if r.result == "確認できない"] or list(review)
    params = {
        "what": "、".join(dict.fromkeys(record.what for record in deciding)),
        "method": "・".join(dict.fromkeys(record.method for record in deciding)),
        "reviewer": "、".join(dict.fromkeys(record.reviewer for record in deciding if record.reviewer))
        or both("evidence.nobody"),
        "date": review[0].reviewed_on.isoformat(),
        "expires": expires.isoformat(),
    }
    status: Status = _SETTLED[state]
    return replace(outcome, status=status, message=both(f"outcome.evidence.{state}", **params), evidence=ref)


def cite(outcome: Outcome, rule: Rule, values: Sequence[ExtractedValue], rule_paths: Iterable[str] = ()) -> Outcome:
    """``outcome`` with the clauses that settle the values its rule reads."""
    paths = set(rule_paths)
    if outcome.path:
        paths.add(outcome.path)
    found = [value.citation for value in values if rule.id in value.rules or value.path in paths]
    if not found:
        return outcome
    return replace(outcome, citations=tuple(dict.fromkeys(found)))


# --- the register ----------------------------------------------------------------------------


def register(
    outcomes: Sequence[Outcome], evidence: Evidence, rules: Sequence[Rule], today: dt.date
) -> list[EvidenceState]:
    """Every record considered, in the order written, with what became of it."""
    by_rule = {outcome.rule_id: outcome for outcome in outcomes}
    limits = {rule.id: rule.manual.valid_days if rule.manual is not None else None for rule in rules}
    states = []
    for item in evidence.records:
        record = item.record
        outcome = by_rule.get(record.rule_id)
        state: EvidenceStateLabel
        if outcome is None or outcome.status == "not_applicable":
            state = "not_applicable"
        elif outcome.evidence is None or record not in outcome.evidence.records:
            state = "superseded"
        elif outcome.evidence.decided:
            state = outcome.evidence.state
        else:
            state = "informative"
        expires = record.expires_on(limits.get(record.rule_id))
        states.append(
            EvidenceState(
                record=record,
                file=item.file,
                line=item.line,
                state=state,
                expires_on=expires,
                days_left=(expires - today).days,
            )
        )
    return states
