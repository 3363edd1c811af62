"""``auditor checklist export|import``: the Excel checklist staff fill in, and reading it back as evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.cli.common import CONTEXT_SETTINGS, catalogue_options, common_options, date_option, emit, user_errors
from auditor.errors import UsageError
from auditor.files.output import check_not_input
from auditor.files.paths import is_regular_file, output_target, write_report
from auditor.files.textsafe import printable
from auditor.i18n import t


@click.group(context_settings=CONTEXT_SETTINGS)
@common_options
def checklist() -> None:
    """The Excel checklist round trip: export it, fill in the 要確認 rows, import them as evidence.

    \b
    Example:
      auditor checklist export policy.yaml -o checklist.xlsx
      auditor checklist import checklist.xlsx -o evidence.yaml --policy policy.yaml
      auditor audit policy.yaml --evidence evidence.yaml --format pdf -o report.pdf
    """


@checklist.command("export", context_settings=CONTEXT_SETTINGS)
@click.argument("policy", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The checklist workbook (.xlsx).")
@click.option(
    "--evidence",
    "--evidence-file",
    "evidence_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Evidence files whose records fill the rows they settle (repeatable), as for `auditor audit`.",
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
    """Audit POLICY and write its checklist workbook (the same as `auditor audit --format xlsx`).

    \b
    Example:
      auditor checklist export policy.yaml -o checklist.xlsx --evidence evidence.yaml
    """
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


@checklist.command("import", context_settings=CONTEXT_SETTINGS)
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="The evidence file to write (YAML)."
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    default=None,
    help="The policy the checklist belongs to: another body's sheet is refused, another version named.",
)
@click.option("--sheet", default=None, help="Read only this sheet (when the workbook holds several bodies).")
@click.option("--force", is_flag=True, help="Replace an existing evidence file.")
@date_option("Today's date YYYY-MM-DD (default today): review dates after it are refused.")
@common_options
def import_(
    workbook: Path, output: Path, policy_file: Path | None, sheet: str | None, force: bool, today: dt.date
) -> int:
    """Read what staff filled in on WORKBOOK's rows into evidence records (the file `--evidence` takes).

    Every row with a 確認結果 becomes a record (what, where, who, when, how, until when). A bad cell
    is reported as sheet and cell, and then nothing is written.

    \b
    Example:
      auditor checklist import filled.xlsx -o evidence.yaml --policy policy.yaml
    """
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
