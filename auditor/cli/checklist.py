"""``auditor checklist export|import``: the Excel checklist staff fill in, and reading it back as evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.cli.common import catalogue_options, common_options, date_option, emit, user_errors
from auditor.cli.localized import group, option
from auditor.errors import UsageError
from auditor.files.output import check_not_input
from auditor.files.paths import is_regular_file, output_target, write_report
from auditor.files.textsafe import printable
from auditor.i18n import t


@group(
    help="help.checklist",
    examples=[
        "auditor checklist export policy.yaml -o checklist.xlsx",
        "auditor checklist import checklist.xlsx -o evidence.yaml --policy policy.yaml",
        "auditor audit policy.yaml --evidence evidence.yaml --format pdf -o report.pdf",
    ],
)
@common_options
def checklist() -> None:
    """The ``auditor checklist`` group."""


@checklist.command(
    "export",
    help="help.checklist.export",
    examples=["auditor checklist export policy.yaml -o checklist.xlsx --evidence evidence.yaml"],
)
@click.argument("policy", type=click.Path(path_type=Path))
@option("-o", "--output", type=click.Path(path_type=Path), required=True, help="help.checklist.output")
@option(
    "--evidence",
    "--evidence-file",
    "evidence_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="help.opt.evidence",
)
@catalogue_options()
@date_option()
@common_options
def export(
    policy: Path,
    output: Path,
    evidence_files: tuple[Path, ...],
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
) -> int:
    """Audit ``policy`` (with ``evidence_files``) and write its checklist workbook."""
    from auditor.audit.service import audit_files
    from auditor.cli.common import guard_targets
    from auditor.i18n import language
    from auditor.reporters import FORMATS, ReportOptions

    with user_errors():
        guard = guard_targets([output], [policy, *rule_dirs, *evidence_files])
        results = audit_files(
            [policy], rule_dirs=list(rule_dirs), edition=edition, today=today, evidence_files=list(evidence_files)
        )
        emit(FORMATS.renderer("xlsx")(results, ReportOptions(lang=language())), output, guard)
    return 0


@checklist.command(
    "import",
    help="help.checklist.import",
    examples=["auditor checklist import filled.xlsx -o evidence.yaml --policy policy.yaml"],
)
@click.argument("workbook", type=click.Path(path_type=Path))
@option("-o", "--output", type=click.Path(path_type=Path), required=True, help="help.checklist.import_output")
@option("--policy", "policy_file", type=click.Path(path_type=Path), default=None, help="help.checklist.policy")
@option("--sheet", default=None, help="help.checklist.sheet")
@option("--force", is_flag=True, help="help.checklist.force")
@date_option("help.checklist.date")
@common_options
def import_(
    workbook: Path, output: Path, policy_file: Path | None, sheet: str | None, force: bool, today: dt.date
) -> int:
    """Read ``workbook`` into evidence records and write them to ``output``, whole or not at all."""
    from auditor.checklist.importer import read_checklist
    from auditor.evidence.io import dumps_yaml

    with user_errors():
        check_not_input(output, [workbook, *([policy_file] if policy_file else [])])
        output_target(output)
        if is_regular_file(output) and not force:
            raise UsageError(t("checklist.exists", file=output))
        sha256 = code = None
        if policy_file is not None:
            from auditor.policy.loader import load_policy

            loaded = load_policy(policy_file, str(policy_file))
            sha256, code = loaded.document.sha256, loaded.data["entity"]["code"]
        imported = read_checklist(
            workbook,
            today=today,
            sheet=sheet,
            policy_sha256=sha256,
            policy_code=code,
            policy_file=str(policy_file) if policy_file else None,
        )
        for warning in imported.warnings:
            click.echo(printable(f"{t('cli.warning_prefix')}: {warning}"), err=True)
        if not imported.evidence.records:
            raise UsageError(t("checklist.nothing"))
        write_report(output, dumps_yaml(imported.evidence))
    sheets = "、".join(imported.sheets)
    click.echo(
        printable(t("checklist.written", file=output, count=len(imported.evidence.records), sheets=sheets)), err=True
    )
    return 0
