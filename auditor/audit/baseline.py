"""Baselines: the failures a body accepted when it adopted auditor, so CI gates only on new ones.

A baseline entry is keyed by (policy file, rule id, field path, SHA-256 of the declared value).
The policy file is stored relative to the baseline file's directory, so a baseline never absorbs
a finding in another file (Checkov #7647). A finding whose declared value changed no longer
matches: it is new again (Checkov #5868). Baselined findings stay failures in every report, marked
as such (Checkov #1502); entries that no longer match are reported as fixed or changed, and
``auditor baseline update`` merges instead of rewriting (Checkov #6858).

The file is YAML (reviewed in pull requests like the policy itself), format ``auditor-baseline``
version 1, documented in docs/ci.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditor import __version__
from auditor.audit.results import AuditResult, BaselineDrift, BaselineReport, Outcome
from auditor.errors import InputError, Problem
from auditor.files.validation import problems_from_validation
from auditor.files.yamlsource import load_yaml
from auditor.i18n import pick, t
from auditor.policy.base import FormatVersion

BASELINE_FORMAT: Literal["auditor-baseline"] = "auditor-baseline"
BASELINE_VERSION: Literal[1] = 1

Key = tuple[str, str, str, str]

_HEADER = (
    "# auditor baseline: failures accepted when auditor was adopted (docs/ci.md).\n"
    "# `auditor audit --baseline FILE` gates only on failures not listed here; a listed failure whose\n"
    "# declared value changes is new again. Update with `auditor baseline update`; review changes.\n"
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BaselineEntry(_Strict):
    """One accepted failure."""

    policy: str = Field(min_length=1, description="Policy file, relative to the baseline file's directory")
    rule_id: str = Field(min_length=1)
    path: str | None = Field(default=None, description="Field path the finding names")
    value_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the declared value (canonical JSON)")
    value: Any = Field(default=None, description="The declared value, for readers; the hash is what matches")
    severity: str | None = None
    level: str | None = None
    recorded_on: dt.date
    note: str | None = Field(default=None, description="Free text kept across updates (e.g. a ticket)")

    @property
    def key(self) -> Key:
        """What a current failure must equal to be covered by this entry."""
        return (self.policy, self.rule_id, self.path or "", self.value_sha256)


class Baseline(_Strict):
    """A baseline file."""

    format: Literal["auditor-baseline"] = BASELINE_FORMAT
    version: FormatVersion = BASELINE_VERSION
    tool_version: str
    created_on: dt.date
    updated_on: dt.date
    entries: list[BaselineEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class UpdateSummary:
    """What ``baseline update`` did to the audited policies' entries (others are kept untouched)."""

    added: int
    kept: int
    removed: int


def value_hash(value: Any) -> str:
    """SHA-256 of the canonical JSON of a declared value (dates as ISO strings)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def policy_key(policy_file: str, baseline_file: Path) -> str:
    """The policy file as stored in the baseline: relative to the baseline's directory, with ``/``."""
    base = os.path.abspath(baseline_file.parent if str(baseline_file.parent) else Path("."))
    return Path(os.path.relpath(os.path.abspath(policy_file), base)).as_posix()


def is_finding(outcome: Outcome) -> bool:
    """A failure a baseline may accept; an expired exception never is (it must be renewed or fixed)."""
    return outcome.status == "fail" and not (outcome.waiver is not None and outcome.waiver.expired)


def outcome_key(outcome: Outcome, policy: str) -> Key:
    """The key of a current failure."""
    return (policy, outcome.rule_id, outcome.path or "", value_hash(outcome.actual))


def entries_of(results: Sequence[AuditResult], baseline_file: Path, today: dt.date) -> list[BaselineEntry]:
    """One entry per current failure, in a stable order."""
    entries: dict[Key, BaselineEntry] = {}
    for result in results:
        policy = policy_key(result.policy.file, baseline_file)
        for outcome in result.outcomes:
            if is_finding(outcome):
                entry = BaselineEntry(
                    policy=policy,
                    rule_id=outcome.rule_id,
                    path=outcome.path,
                    value_sha256=value_hash(outcome.actual),
                    value=_yaml_safe(outcome.actual),
                    severity=outcome.severity,
                    level=outcome.level,
                    recorded_on=today,
                )
                entries.setdefault(entry.key, entry)
    return sorted(entries.values(), key=_order)


def _yaml_safe(value: Any) -> Any:
    # Keep what YAML writes and reads back as the same value; anything else as text.
    if value is None or isinstance(value, (bool, int, float, str, dt.date)):
        return value
    if isinstance(value, list):
        return [_yaml_safe(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _yaml_safe(v) for k, v in value.items()}
    return str(value)


def _order(entry: BaselineEntry) -> tuple[str, str, str, str]:
    return entry.key


def require_evaluated(results: Sequence[AuditResult], baseline_file: Path) -> None:
    """Refuse to record a baseline from an audit in which a rule could not be evaluated.

    Such a rule has no failure to accept or refuse: a baseline of it would hide whatever it finds
    once it can be evaluated.
    """
    errors = [(result, o) for result in results for o in result.outcomes if o.status == "error"]
    if errors:
        problems = [
            Problem(result.policy.file, o.line, o.column, f"{o.rule_id}: {pick(o.message)}") for result, o in errors
        ]
        problems.append(Problem(str(baseline_file), None, None, t("baseline.errors")))
        raise InputError(problems)


def create(results: Sequence[AuditResult], baseline_file: Path, today: dt.date) -> Baseline:
    """A new baseline holding every current failure (refused when a rule could not be evaluated)."""
    require_evaluated(results, baseline_file)
    return Baseline(
        tool_version=__version__, created_on=today, updated_on=today, entries=entries_of(results, baseline_file, today)
    )


def update(
    existing: Baseline, results: Sequence[AuditResult], baseline_file: Path, today: dt.date
) -> tuple[Baseline, UpdateSummary]:
    """Merge current failures into ``existing``.

    Entries of policies not audited now are kept as they are. For the audited policies, entries
    that still match keep their ``recorded_on`` and ``note``; new failures are added; entries that
    no longer match (fixed, or changed value) are removed, so a fixed finding cannot come back
    silently later. Refused when a rule could not be evaluated.
    """
    require_evaluated(results, baseline_file)
    audited = {policy_key(result.policy.file, baseline_file) for result in results}
    current = {entry.key: entry for entry in entries_of(results, baseline_file, today)}
    merged: dict[Key, BaselineEntry] = {}
    kept = removed = 0
    for entry in existing.entries:
        if entry.policy not in audited:
            merged.setdefault(entry.key, entry)
        elif entry.key in current:
            merged.setdefault(entry.key, entry)
            kept += 1
        else:
            removed += 1
    added = 0
    for key, entry in current.items():
        if key not in merged:
            merged[key] = entry
            added += 1
    baseline = existing.model_copy(
        update={
            "tool_version": __version__,
            "updated_on": today,
            "entries": sorted(merged.values(), key=_order),
        }
    )
    return baseline, UpdateSummary(added=added, kept=kept, removed=removed)


class _NoAliases(yaml.SafeDumper):
    """Repeat equal values (dates) instead of writing YAML anchors a reviewer would have to follow."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def load(path: Path) -> Baseline:
    """Read and validate a baseline file; every problem is located."""
    document = load_yaml(path, str(path))
    try:
        return Baseline.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, document, Baseline)) from None


def dump(baseline: Baseline) -> str:
    """The YAML text of a baseline (deterministic: same content, same bytes)."""
    data = baseline.model_dump(mode="python")
    for entry in data["entries"]:
        for optional in ("note", "path"):
            if entry[optional] is None:
                del entry[optional]
    body = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return _HEADER + body


def apply(
    results: Sequence[AuditResult], baseline: Baseline, baseline_file: Path, display: str | None = None
) -> list[AuditResult]:
    """Mark failures found in ``baseline`` as baselined and report the baseline's drift."""
    applied = []
    for result in results:
        policy = policy_key(result.policy.file, baseline_file)
        entries = [entry for entry in baseline.entries if entry.policy == policy]
        keys = {entry.key for entry in entries}
        matched: set[Key] = set()
        outcomes = []
        known = new = 0
        for outcome in result.outcomes:
            if is_finding(outcome):
                key = outcome_key(outcome, policy)
                if key in keys:
                    matched.add(key)
                    known += 1
                    outcome = replace(outcome, baselined=True)
                else:
                    new += 1
            outcomes.append(outcome)
        by_rule = {outcome.rule_id: outcome for outcome in result.outcomes}
        drift = []
        for entry in entries:
            if entry.key in matched:
                continue
            now = by_rule.get(entry.rule_id)
            state: Literal["fixed", "changed"] = "changed" if now is not None and now.status == "fail" else "fixed"
            drift.append(
                BaselineDrift(
                    rule_id=entry.rule_id,
                    path=entry.path,
                    value=entry.value,
                    state=state,
                    now=now.status if now else None,
                )
            )
        report = BaselineReport(file=display or str(baseline_file), known=known, new=new, drift=drift)
        applied.append(replace(result, outcomes=outcomes, baseline=report))
    return applied
