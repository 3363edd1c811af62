"""``auditor baseline create|update``: record today's failures so CI gates only on new ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.audit.results import AuditResult
from auditor.cli.common import (
    bundle,
    catalogue_options,
    common_options,
    date_option,
    given,
    output_option,
    user_errors,
)
from auditor.cli.localized import group, option
from auditor.errors import UsageError
from auditor.files.output import check_not_input
from auditor.files.paths import is_regular_file, lookup, output_target, write_report
from auditor.i18n import t


@group(
    help="help.baseline",
    examples=[
        "auditor baseline create policy.yaml -o .auditor-baseline.yaml",
        "auditor audit policy.yaml --baseline .auditor-baseline.yaml",
        "auditor baseline update policy.yaml -o .auditor-baseline.yaml",
    ],
)
@common_options
def baseline() -> None:
    """The ``auditor baseline`` group."""


_audit_options = bundle(
    click.argument("policies", nargs=-1, required=True, type=click.Path(path_type=Path)),
    output_option("help.baseline.output", required=True),
    catalogue_options(),
    date_option("help.baseline.date"),
    option("--waivers", "waiver_file", type=click.Path(path_type=Path), default=None, help="help.baseline.waivers"),
)


@baseline.command(
    help="help.baseline.create", examples=["auditor baseline create policy.yaml -o .auditor-baseline.yaml"]
)
@_audit_options
@option("--force", is_flag=True, help="help.baseline.force")
@common_options
def create(
    policies: tuple[Path, ...],
    output: Path,
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
    waiver_file: Path | None,
    force: bool,
) -> int:
    """Write a new baseline of the current failures (refusing to replace one unless ``force``)."""
    from auditor.audit import baseline as library

    with user_errors():
        _check_output(output, policies, rule_dirs, waiver_file)
        if is_regular_file(output) and not force:
            raise UsageError(t("baseline.exists", file=output))
        results = _audit(policies, output, rule_dirs, edition, today, waiver_file)
        created = library.create(results, output, today)
        write_report(output, library.dump(created))
    click.echo(t("baseline.created", file=output, count=len(created.entries)), err=True)
    return 0


@baseline.command(
    help="help.baseline.update", examples=["auditor baseline update policy.yaml -o .auditor-baseline.yaml"]
)
@_audit_options
@common_options
def update(
    policies: tuple[Path, ...],
    output: Path,
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
    waiver_file: Path | None,
) -> int:
    """Merge the current failures into the existing baseline (:func:`auditor.audit.baseline.update`)."""
    from auditor.audit import baseline as library

    with user_errors():
        _check_output(output, policies, rule_dirs, waiver_file)
        if lookup(output) is None:
            raise UsageError(t("baseline.missing", file=output))
        existing = library.load(output)
        results = _audit(policies, output, rule_dirs, edition, today, waiver_file)
        merged, summary = library.update(existing, results, output, today)
        write_report(output, library.dump(merged))
    click.echo(
        t("baseline.updated", file=output, added=summary.added, kept=summary.kept, removed=summary.removed), err=True
    )
    return 0


def _check_output(
    output: Path, policies: tuple[Path, ...], rule_dirs: tuple[Path, ...], waiver_file: Path | None
) -> None:
    # Before anything else, so "already exists" never hides "that is your policy file".
    check_not_input(output, [*policies, *rule_dirs, *given(waiver_file)])
    output_target(output)


def _audit(
    policies: tuple[Path, ...],
    output: Path,
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
    waiver_file: Path | None,
) -> list[AuditResult]:
    from auditor.audit.service import audit_files

    return audit_files(list(policies), rule_dirs=list(rule_dirs), edition=edition, today=today, waiver_file=waiver_file)
