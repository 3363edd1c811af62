"""``auditor audit``: audit policies against the catalogue and write a report."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from auditor.audit.gate import Gate, exit_code
from auditor.audit.results import DEFAULT_WARN_DAYS
from auditor.cli.ci import default_format, warn_about_evidence, warn_about_waivers
from auditor.cli.common import (
    catalogue_options,
    common_options,
    date_option,
    emit_all,
    gate_options,
    given,
    guard_targets,
    output_option,
    quiet_option,
    report_targets,
    user_errors,
)
from auditor.cli.localized import command, option
from auditor.errors import InputError
from auditor.i18n import language, t


@command(
    help="help.audit",
    examples=[
        "auditor audit policies/examples/alpha-town.yaml",
        "auditor audit policy.yaml --format json -o result.json --fail-on high",
        "auditor audit policy.yaml --edition R6.10 --lang en",
        "auditor audit policy.yaml --baseline .auditor-baseline.yaml --format sarif -o auditor.sarif",
        "auditor audit policy.yaml --format pdf,html,json -o out/report   # out/report.pdf, .html, .json",
        "auditor audit policy.yaml --evidence evidence.yaml --compare last-year.json",
    ],
)
@click.argument("policies", nargs=-1, required=True, type=click.Path(path_type=Path))
@option("-f", "--format", "fmt", default=None, help="help.audit.format")
@output_option()
@quiet_option()
@gate_options()
@catalogue_options()
@option("--pdf-variant", type=click.Choice(["pdf/a-3b", "pdf/ua-1"]), default=None, help="help.audit.pdf_variant")
@option(
    "--sarif-include",
    type=click.Choice(["actionable", "all"]),
    default="actionable",
    show_default=True,
    help="help.audit.sarif_include",
)
@date_option()
@option("--baseline", "baseline_file", type=click.Path(path_type=Path), default=None, help="help.audit.baseline")
@option("--waivers", "waiver_file", type=click.Path(path_type=Path), default=None, help="help.opt.waivers")
@option(
    "--waiver-warn-days",
    type=click.IntRange(min=0),
    default=DEFAULT_WARN_DAYS,
    show_default=True,
    help="help.audit.waiver_warn_days",
)
@option(
    "--evidence",
    "--evidence-file",
    "evidence_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="help.opt.evidence",
)
@option("--compare", "compare_file", type=click.Path(path_type=Path), default=None, help="help.audit.compare")
@common_options
def audit(
    policies: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    quiet: bool,
    fail_on: str,
    fail_on_level: str | None,
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
    baseline_file: Path | None,
    waiver_file: Path | None,
    waiver_warn_days: int,
    pdf_variant: str | None,
    evidence_files: tuple[Path, ...],
    compare_file: Path | None,
    sarif_include: str,
) -> int:
    """Audit the policies and write the reports; the exit code is the gate's (:mod:`auditor.audit.gate`)."""
    from auditor.reporters import FORMATS, ReportOptions

    with user_errors():
        formats = FORMATS.parse(default_format(fmt))
        if "pdf" in formats:
            from auditor.reporters.pdf.worker import start_pdf_worker

            start_pdf_worker()  # first, so that weasyprint loads in another process while this one audits
        from auditor.audit.service import audit_files

        renderers = {name: FORMATS.renderer(name) for name in formats}
        if len(formats) > 1 and output is None:
            raise InputError.of("--format", t("report.cli.formats_need_output"))
        binary = [name for name in formats if FORMATS.format(name).binary]
        if binary and output is None and sys.stdout.isatty():
            raise InputError.of("--format", t("report.cli.binary_needs_output", format=binary[0]))
        targets = report_targets(output, formats, FORMATS)
        inputs = [*policies, *rule_dirs, *evidence_files, *given(baseline_file, waiver_file, compare_file)]
        guard = guard_targets(targets.values(), inputs)
        results = audit_files(
            list(policies),
            rule_dirs=list(rule_dirs),
            edition=edition,
            today=today,
            waiver_file=waiver_file,
            warn_days=waiver_warn_days,
            baseline_file=baseline_file,
            evidence_files=list(evidence_files),
            compare_file=compare_file,
        )
        warn_about_waivers(results)
        warn_about_evidence(results)
        options = ReportOptions(
            lang=language(),
            color=output is None and sys.stdout.isatty(),
            pdf_variant=pdf_variant,
            sarif_include=sarif_include,
            quiet=quiet,
        )
        emit_all([(render(results, options), targets[name]) for name, render in renderers.items()], guard, quiet=quiet)
    return exit_code(results, Gate(fail_on, fail_on_level))
