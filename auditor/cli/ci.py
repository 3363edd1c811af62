"""CI helpers shared by ``audit`` and ``diff``: the default format and waiver warnings."""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

from auditor.audit.results import AuditResult
from auditor.files.textsafe import printable
from auditor.i18n import pick, t


def in_github_actions() -> bool:
    """True inside a GitHub Actions job (the runner sets ``GITHUB_ACTIONS=true``)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def default_format(fmt: str | None) -> str:
    """The format asked for, else ``github`` annotations in GitHub Actions, else ``table``."""
    if fmt:
        return fmt
    return "github" if in_github_actions() else "table"


def warn_about_waivers(results: Sequence[AuditResult]) -> None:
    """One line on stderr per waiver that needs attention (expiring, expired, stale, ...)."""
    from auditor.audit.waivers import needing_attention

    prefix = t("cli.warning_prefix")
    for waiver in needing_attention(results):
        where = f"{waiver.file}:{waiver.line}" if waiver.line else waiver.file
        click.echo(printable(f"{prefix}: {where}: {pick(waiver.message)}"), err=True)


def warn_about_evidence(results: Sequence[AuditResult]) -> None:
    """One line on stderr per evidence warning (a source document changed, another policy version)."""
    prefix = t("cli.warning_prefix")
    for result in results:
        for warning in result.evidence_warnings:
            click.echo(printable(f"{prefix}: {pick(warning)}"), err=True)
