"""Use cases shared by the commands: load the catalogue and policies, choose the edition, audit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from auditor.catalogue import load_catalogue
from auditor.engine import audit
from auditor.errors import InputError, Problem
from auditor.loader import LoadedPolicy, load_policy
from auditor.results import AuditResult
from auditor.rule import Rule


def load_policies(paths: Sequence[Path]) -> list[LoadedPolicy]:
    """Load every policy, collecting all problems before giving up."""
    loaded: list[LoadedPolicy] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_policy(path, str(path)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return loaded


def select_rules(rule_dirs: Sequence[Path] = (),
                 edition: str | None = None) -> tuple[str, list[Rule]]:
    """Load the catalogue once; choose the edition (default: the newest encoded) and its rules."""
    catalogue = load_catalogue(rule_dirs)
    chosen = edition or catalogue.newest_edition()
    return chosen, catalogue.for_edition(chosen)


def audit_files(paths: Sequence[Path], *, rule_dirs: Sequence[Path] = (), edition: str | None = None,
                today: dt.date) -> list[AuditResult]:
    """Audit each policy file against the catalogue (built-in rules plus ``rule_dirs``)."""
    catalogue = load_catalogue(rule_dirs)
    chosen = edition or catalogue.newest_edition()
    rules = catalogue.for_edition(chosen)
    return [audit(policy, rules, edition=chosen, today=today) for policy in load_policies(paths)]
