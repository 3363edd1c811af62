"""``auditor baseline create|update``: record today's failures so CI gates only on new ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.audit.results import AuditResult
from auditor.cli.common import (
    CONTEXT_SETTINGS,
    bundle,
    catalogue_options,
    common_options,
    date_option,
    given,
    output_option,
    user_errors,
)
from auditor.errors import UsageError
from auditor.files.output import check_not_input, write_atomic
from auditor.i18n import t


@click.group(context_settings=CONTEXT_SETTINGS)
@common_options
def baseline() -> None:
    """Record the failures accepted when adopting auditor (a baseline file).

    `auditor audit --baseline FILE` then fails only on findings that are not in FILE, and still
    shows the recorded ones (marked as baseline). The file is YAML; review it like the policy.

    \b
    Example:
      auditor baseline create policy.yaml -o .auditor-baseline.yaml
      auditor audit policy.yaml --baseline .auditor-baseline.yaml
      auditor baseline update policy.yaml -o .auditor-baseline.yaml
    """


_audit_options = bundle(
    click.argument("policies", nargs=-1, required=True, type=click.Path(path_type=Path)),
    output_option("The baseline file (YAML).", required=True),
    catalogue_options(
        rules_help="An extra directory of rule files (repeatable).",
        edition_help="Guideline edition (default: the newest encoded).",
    ),
    date_option("Audit date YYYY-MM-DD (default today)."),
    click.option(
        "--waivers",
        "waiver_file",
        type=click.Path(path_type=Path),
        default=None,
        help="A YAML file of further waivers, as for `auditor audit`.",
    ),
)


@baseline.command(context_settings=CONTEXT_SETTINGS)
@_audit_options
@click.option("--force", is_flag=True, help="Replace an existing baseline file.")
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
    """Audit POLICIES and record every current failure in a new baseline file.

    \b
    Example:
      auditor baseline create policy.yaml -o .auditor-baseline.yaml
    """
    from auditor.audit import baseline as library

    with user_errors():
        _check_output(output, policies, rule_dirs, waiver_file)
        if output.exists() and not force:
            raise UsageError(t("baseline.exists", file=output))
        results = _audit(policies, output, rule_dirs, edition, today, waiver_file)
        created = library.create(results, output, today)
        write_atomic(output, library.dump(created))
    click.echo(t("baseline.created", file=output, count=len(created.entries)), err=True)
    return 0


@baseline.command(context_settings=CONTEXT_SETTINGS)
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
    """Merge the current failures of POLICIES into an existing baseline file.

    Entries of other policies are kept; entries that still match keep their date and note; new
    failures are added; entries now fixed or changed are removed.

    \b
    Example:
      auditor baseline update policy.yaml -o .auditor-baseline.yaml
    """
    from auditor.audit import baseline as library

    with user_errors():
        _check_output(output, policies, rule_dirs, waiver_file)
        if not output.exists():
            raise UsageError(t("baseline.missing", file=output))
        existing = library.load(output)
        results = _audit(policies, output, rule_dirs, edition, today, waiver_file)
        merged, summary = library.update(existing, results, output, today)
        write_atomic(output, library.dump(merged))
    click.echo(
        t("baseline.updated", file=output, added=summary.added, kept=summary.kept, removed=summary.removed), err=True
    )
    return 0


def _check_output(
    output: Path, policies: tuple[Path, ...], rule_dirs: tuple[Path, ...], waiver_file: Path | None
) -> None:
    # Before anything else, so "already exists" never hides "that is your policy file".
    check_not_input(output, [*policies, *rule_dirs, *given(waiver_file)])


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
