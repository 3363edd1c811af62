"""Use cases shared by the commands: load the catalogue and policies, choose the edition, audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.audit import evidence as evidence_register
from auditor.audit.engine import audit
from auditor.audit.results import DEFAULT_WARN_DAYS, AuditResult
from auditor.audit.waivers import LocatedWaiver, load_waiver_file, policy_waivers, register
from auditor.errors import read_all

if TYPE_CHECKING:
    from auditor.evidence.io import LoadedEvidence
from auditor.policy.loader import LoadedPolicy, load_policy
from auditor.rules.catalogue import load_catalogue
from auditor.rules.rule import Rule


def load_policies(paths: Sequence[Path]) -> list[LoadedPolicy]:
    """Load every policy, collecting all problems before giving up."""
    return read_all(paths, lambda path: load_policy(path, str(path)))


def select_rules(rule_dirs: Sequence[Path] = (), edition: str | None = None) -> tuple[str, list[Rule]]:
    """Load the catalogue once; choose the edition (default: the newest encoded) and its rules."""
    return load_catalogue(rule_dirs).select(edition)


def audit_files(
    paths: Sequence[Path],
    *,
    rule_dirs: Sequence[Path] = (),
    edition: str | None = None,
    today: dt.date,
    waiver_file: Path | None = None,
    warn_days: int = DEFAULT_WARN_DAYS,
    baseline_file: Path | None = None,
    evidence_files: Sequence[Path] = (),
    compare_file: Path | None = None,
) -> list[AuditResult]:
    """Audit each policy file against the catalogue (built-in rules plus ``rule_dirs``).

    Waivers come from each policy's ``waivers:`` plus ``waiver_file`` (applied to every policy);
    each result carries the register of those waivers (expiring within ``warn_days``, stale, ...).
    Reviewed evidence comes from each policy's ``evidence:`` plus ``evidence_files`` (which also
    bring the clauses ``auditor extract`` cited); each result carries the evidence register.
    With ``baseline_file``, failures recorded there are marked as baselined (they no longer gate).
    With ``compare_file`` (a previous JSON report or a baseline), each result says per chapter
    what improved and what regressed.
    """
    chosen, rules = select_rules(rule_dirs, edition)
    side = load_waiver_file(waiver_file) if waiver_file is not None else []
    evidence = load_evidence_files(evidence_files)
    policies = load_policies(paths)
    results = [
        audit_loaded(
            policy, rules, edition=chosen, today=today, side_waivers=side, warn_days=warn_days, evidence_files=evidence
        )
        for policy in policies
    ]
    if baseline_file is not None:
        from auditor.audit import baseline

        results = baseline.apply(results, baseline.load(baseline_file), baseline_file)
    if compare_file is not None:
        from auditor.audit import progress

        previous = progress.load_previous(compare_file)
        results = [replace(result, progress=progress.compare(result, previous)) for result in results]
    return results


def load_evidence_files(paths: Sequence[Path]) -> list[LoadedEvidence]:
    """Read every evidence file, collecting all problems before giving up."""
    if not paths:
        return []
    from auditor.evidence.io import read

    return read_all(paths, lambda path: read(path, str(path)))


def audit_loaded(
    loaded: LoadedPolicy,
    rules: Sequence[Rule],
    *,
    edition: str,
    today: dt.date,
    side_waivers: Sequence[LocatedWaiver] = (),
    warn_days: int = DEFAULT_WARN_DAYS,
    evidence_files: Sequence[LoadedEvidence] = (),
) -> AuditResult:
    """Audit one loaded policy with its own and side-file waivers and evidence; attach both registers.

    Raises :class:`InputError` when a record of the evidence cannot be used (unknown rule, a
    review after ``today``, a file recorded for another body).
    """
    located = [*policy_waivers(loaded), *side_waivers]
    evidence = evidence_register.gather(loaded, evidence_files, rules, today)
    result = audit(
        loaded, rules, edition=edition, today=today, waivers=[item.waiver for item in located], evidence=evidence
    )
    return replace(
        result,
        waivers=register(result.outcomes, located, today, warn_days),
        evidence=evidence_register.register(result.outcomes, evidence, rules, today),
        evidence_warnings=list(evidence.warnings),
    )
