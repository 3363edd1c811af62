"""CI helpers shared by ``audit`` and ``diff``: the default format, baseline use, waiver warnings."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click

from auditor.audit.results import WARNING_WAIVER_STATES, AuditResult
from auditor.files.textsafe import printable
from auditor.i18n import t


def in_github_actions() -> bool:
    """True inside a GitHub Actions job (the runner sets ``GITHUB_ACTIONS=true``)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def default_format(fmt: str | None) -> str:
    """The format asked for, else ``github`` annotations in GitHub Actions, else ``table``."""
    if fmt:
        return fmt
    return "github" if in_github_actions() else "table"


def with_baseline(results: list[AuditResult], baseline_file: Path | None) -> list[AuditResult]:
    """Mark the failures recorded in ``baseline_file`` (when given) as baselined."""
    if baseline_file is None:
        return results
    from auditor.audit import baseline

    return baseline.apply(results, baseline.load(baseline_file), baseline_file)


def warn_about_waivers(results: Sequence[AuditResult]) -> None:
    """One line on stderr per waiver that needs attention (expiring, expired, stale, ...)."""
    prefix = t("cli.warning_prefix")
    for result in results:
        for waiver in result.waivers:
            if waiver.state in WARNING_WAIVER_STATES:
                where = f"{waiver.file}:{waiver.line}" if waiver.line else waiver.file
                click.echo(printable(f"{prefix}: {where}: {waiver.message}"), err=True)
