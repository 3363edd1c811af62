"""Waivers (例外措置, guideline §7.4) around the engine: choosing one, side files, and the register.

The engine asks :func:`select_waiver` which waiver, if any, covers a failure. This module also
reads a ``--waivers`` side file (same schema as the policy's ``waivers:`` list, every error
located), and after the audit builds the waiver register: every declared waiver with its state,
so that expiring, expired and stale exceptions are reported instead of silently lingering
(InSpec #5794, Kyverno #17473, #6979).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.audit.results import (
    DEFAULT_WARN_DAYS,
    WARNING_WAIVER_STATES,
    AuditResult,
    Outcome,
    WaiverState,
    WaiverStateName,
)
from auditor.errors import InputError
from auditor.files.yamlsource import YamlDocument, load_yaml
from auditor.i18n import Bilingual, both
from auditor.policy.loader import LoadedPolicy


@dataclass(frozen=True)
class Waiver:
    """One approved exception, from data already validated by the policy schema (``auditor.policy.waivers``)."""

    rule_id: str
    path: str | None
    justification: str
    approver: str
    """Role and name of whoever approved it, e.g. "CISO（副市長） 山田 太郎"."""
    approved_on: dt.date
    expires_on: dt.date
    ticket: str | None = None


def waiver_from_data(data: dict[str, Any]) -> Waiver:
    """A :class:`Waiver` from one validated ``waivers:`` entry."""
    approver = data["approver"]
    return Waiver(
        rule_id=data["rule_id"],
        path=data.get("path"),
        justification=data["justification"],
        approver=f"{approver['role']} {approver['name']}",
        approved_on=data["approved_on"],
        expires_on=data["expires_on"],
        ticket=data.get("ticket"),
    )


@dataclass(frozen=True)
class LocatedWaiver:
    """A waiver and where it is declared (the policy itself or a side file)."""

    waiver: Waiver
    file: str
    line: int | None


def in_force(waiver: Waiver, today: dt.date) -> bool:
    """Approved on or before ``today`` and not yet expired (``expires_on`` is the last valid day)."""
    return waiver.approved_on <= today <= waiver.expires_on


def matching(waivers: Sequence[Waiver], rule_id: str, path: str | None) -> list[Waiver]:
    """Waivers for ``rule_id`` that cover ``path`` (a waiver without a path covers the whole rule)."""
    return [w for w in waivers if w.rule_id == rule_id and (w.path is None or w.path == path)]


def select_waiver(waivers: Sequence[Waiver], rule_id: str, path: str | None, today: dt.date) -> Waiver | None:
    """The waiver that decides a failure of ``rule_id`` at ``path``, or None.

    A waiver in force wins over an expired one (a renewed exception is usually added next to the
    old one); among equals, the one that lasts longest, then the path-specific one. A waiver
    approved after ``today`` is not in force yet and never applies.
    """
    candidates = [w for w in matching(waivers, rule_id, path) if w.approved_on <= today]
    if not candidates:
        return None
    return max(candidates, key=lambda w: (in_force(w, today), w.expires_on, w.path is not None))


def policy_waiver_list(loaded: LoadedPolicy) -> list[Waiver]:
    """The waivers declared in the policy file itself (already validated with the policy)."""
    return [waiver_from_data(item) for item in loaded.data.get("waivers") or []]


def policy_waivers(loaded: LoadedPolicy) -> list[LocatedWaiver]:
    """The waivers declared in the policy file itself, with their lines."""
    return _located(policy_waiver_list(loaded), loaded.document, ("waivers",))


def load_waiver_file(path: Path) -> list[LocatedWaiver]:
    """Read and validate a waiver side file; :class:`InputError` lists every problem, located."""
    from pydantic import ValidationError

    from auditor.files.validation import problems_from_validation
    from auditor.policy.waivers import WaiverFile

    document = load_yaml(path, str(path))
    try:
        WaiverFile.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, document, WaiverFile)) from None
    # Validated (strict: no coercion), so the plain data is what the model holds.
    return _located([waiver_from_data(item) for item in document.data["waivers"]], document, ("waivers",))


def _located(waivers: Sequence[Waiver], document: YamlDocument, prefix: tuple[str, ...]) -> list[LocatedWaiver]:
    located = []
    for index, waiver in enumerate(waivers):
        position = document.position((*prefix, index))
        located.append(LocatedWaiver(waiver, document.file, position.line if position else None))
    return located


def register(
    outcomes: Sequence[Outcome], waivers: Sequence[LocatedWaiver], today: dt.date, warn_days: int = DEFAULT_WARN_DAYS
) -> list[WaiverState]:
    """The state of every declared waiver after an audit, in declaration order."""
    by_rule = {outcome.rule_id: outcome for outcome in outcomes}
    plain = [item.waiver for item in waivers]
    states = []
    for item in waivers:
        waiver = item.waiver
        state, message = _state(waiver, by_rule.get(waiver.rule_id), plain, today, warn_days)
        states.append(
            WaiverState(
                rule_id=waiver.rule_id,
                path=waiver.path,
                file=item.file,
                line=item.line,
                justification=waiver.justification,
                approver=waiver.approver,
                approved_on=waiver.approved_on,
                expires_on=waiver.expires_on,
                ticket=waiver.ticket,
                state=state,
                days_left=(waiver.expires_on - today).days,
                message=message,
            )
        )
    return states


def needing_attention(results: Sequence[AuditResult]) -> list[WaiverState]:
    """The waivers whose register entry needs action: expiring, expired, stale, mismatched, unknown."""
    return [waiver for result in results for waiver in result.waivers if waiver.state in WARNING_WAIVER_STATES]


def _state(
    waiver: Waiver, outcome: Outcome | None, waivers: Sequence[Waiver], today: dt.date, warn_days: int
) -> tuple[WaiverStateName, Bilingual]:
    days_left = (waiver.expires_on - today).days
    expires = waiver.expires_on.isoformat()
    if outcome is None:
        return "unknown_rule", both("waiver.unknown_rule", rule=waiver.rule_id)
    if waiver.approved_on > today:
        return "not_yet_valid", both(
            "waiver.not_yet_valid", rule=waiver.rule_id, approved=waiver.approved_on.isoformat()
        )
    if outcome.status == "error":
        return "not_matching", both("waiver.rule_error", rule=waiver.rule_id)
    if outcome.status not in ("fail", "waived"):
        status = both(f"status.{outcome.status}")
        return "stale", both("waiver.stale", rule=waiver.rule_id, status=status)
    if waiver.path is not None and waiver.path != outcome.path:
        return "not_matching", both(
            "waiver.not_matching", rule=waiver.rule_id, path=waiver.path, failing=outcome.path or "-"
        )
    if select_waiver(waivers, outcome.rule_id, outcome.path, today) is not waiver:
        return "superseded", both("waiver.superseded", rule=waiver.rule_id)
    if days_left < 0:
        return "expired", both("waiver.expired", rule=waiver.rule_id, expires=expires)
    if days_left <= warn_days:
        return "expiring", both("waiver.expiring", rule=waiver.rule_id, expires=expires, days=days_left)
    return "in_force", both("waiver.in_force", rule=waiver.rule_id, expires=expires, days=days_left)
