"""``auditor batch``: audit many policies (a prefecture's municipalities) and compare them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditor import exitcodes
from auditor.audit.gate import Gate, exit_code_of
from auditor.cli.common import (
    catalogue_options,
    common_options,
    date_option,
    emit_all,
    gate_options,
    guard_targets,
    output_option,
    report_targets,
    user_errors,
)
from auditor.cli.localized import command, option
from auditor.errors import InputError, Problem, UsageError
from auditor.files.output import InputGuard
from auditor.files.paths import is_directory, output_target
from auditor.files.textsafe import printable
from auditor.i18n import t

if TYPE_CHECKING:  # imported lazily at run time: start-up stays fast for every other command
    from auditor.batch.runner import PolicyReports


@command(
    help="help.batch",
    examples=[
        "auditor batch policies/ --format table",
        "auditor batch 'municipalities/*.yaml' --format xlsx -o prefecture.xlsx --jobs 2",
        "auditor batch policies/ --format pdf -o prefecture.pdf --title 'あおば県'",
        "auditor batch policies/ --format json -o batch.json --per-policy-reports reports/",
        "auditor batch policies/ --per-policy-reports reports/ --per-policy-format pdf,json",
    ],
)
@click.argument("sources", nargs=-1, required=True, metavar="DIR_OR_GLOB...")
@option("-f", "--format", "fmt", default="table", show_default=True, help="help.batch.format")
@output_option()
@option("-j", "--jobs", type=int, default=0, show_default=True, help="help.batch.jobs")
@option(
    "--per-policy-reports",
    "reports_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="help.batch.per_policy_reports",
)
@option("--per-policy-format", "report_format", default="pdf", show_default=True, help="help.batch.per_policy_format")
@option("--title", default=None, help="help.batch.title")
@option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="help.batch.top")
@gate_options(fail_on_help="help.batch.fail_on")
@catalogue_options()
@date_option()
@common_options
def batch(
    sources: tuple[str, ...],
    fmt: str,
    output: Path | None,
    jobs: int,
    reports_dir: Path | None,
    report_format: str,
    title: str | None,
    top: int,
    fail_on: str,
    fail_on_level: str | None,
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
) -> int:
    """Audit every policy found, write the comparison reports; exit 2 if any file was unusable."""
    from auditor import __version__
    from auditor.audit.service import select_rules
    from auditor.batch.discover import discover
    from auditor.batch.reporters import BATCH_FORMATS, BatchOptions
    from auditor.batch.runner import run_batch
    from auditor.batch.summary import summarise
    from auditor.cli.progress import ProgressBar
    from auditor.i18n import language

    with user_errors():
        if jobs < 0:
            raise UsageError(t("batch.jobs"))
        formats = BATCH_FORMATS.parse(fmt)
        if "pdf" in formats:
            from auditor.reporters.pdf.worker import start_pdf_worker

            start_pdf_worker()  # weasyprint loads in another process while this one audits
        renderers = {name: BATCH_FORMATS.renderer(name) for name in formats}
        if len(formats) > 1 and output is None:
            raise InputError.of("--format", t("report.cli.formats_need_output"))
        found = discover(sources)
        if not found.files:
            nothing = Problem(" ".join(sources), None, None, t("batch.no_files"))
            raise InputError([*found.problems, nothing])
        # Everything read counts as input: the policies, their directories (a YAML report there
        # would be audited next time) and the rule packs. Checked now, not after an hour's batch.
        targets = report_targets(output, formats, BATCH_FORMATS)
        directories = [Path(source) for source in sources if is_directory(Path(source))]
        guard = guard_targets(targets.values(), [*found.files, *directories, *rule_dirs], parents=True)
        chosen, rules = select_rules(list(rule_dirs), edition)
        reports = None
        if reports_dir is not None:
            reports = _policy_reports(reports_dir, report_format, found.files, guard)
        lang = language()
        with ProgressBar(len(found.files), t("batch.progress")) as bar:
            run = run_batch(
                found.files,
                rules,
                edition=chosen,
                today=today,
                lang=lang,
                jobs=jobs,
                reports=reports,
                progress=bar.advance,
            )
    # One line per unusable file (its first problem), so a national run stays readable.
    unusable = [problem.format() for problem in found.problems]
    unusable += [_one_line(failure.problems, failure.file) for failure in run.failures]
    for line in unusable:
        click.echo(f"{t('cli.error_prefix')}: {printable(line)}", err=True)
    for code, files in run.duplicate_codes():
        click.echo(printable(t("batch.duplicate_code", code=code, files=", ".join(files))), err=True)
    report = summarise(run, tool_version=__version__, edition=chosen, audit_date=today)
    options = BatchOptions(lang=lang, top=top, title=title)
    with user_errors():
        emit_all([(render(report, options), targets[name]) for name, render in renderers.items()], guard)
    if reports is not None and run.audits:
        written = len(run.audits) * len(reports.formats)
        click.echo(t("batch.reports_dir", count=written, dir=reports.directory), err=True)
    if unusable:
        return exitcodes.USAGE_OR_INPUT
    return exit_code_of(run.gate_input(), Gate(fail_on, fail_on_level))


def _one_line(problems: Sequence[Problem], file: str) -> str:
    if not problems:
        return file
    line = problems[0].format()
    if len(problems) > 1:
        line += t("batch.more_problems", count=len(problems) - 1, file=file)
    return line


def _policy_reports(directory: Path, fmt: str, files: list[Path], guard: InputGuard) -> PolicyReports:
    from auditor.batch.runner import PolicyReports, report_names
    from auditor.i18n import language
    from auditor.reporters import FORMATS

    try:  # an unknown format is a usage error before any work is done
        formats = tuple(FORMATS.parse(fmt))
    except UsageError as exc:
        raise UsageError(f"--per-policy-format: {exc}") from None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        problem = Problem(str(directory), None, None, t("batch.cannot_create", reason=reason))
        raise InputError([problem]) from None
    names = {name: report_names(files, FORMATS.format(name).suffix) for name in formats}
    for per_file in names.values():
        for name in per_file.values():
            guard.check(directory / name)
            output_target(directory / name)
    return PolicyReports(directory=directory, formats=formats, lang=language(), names=names)
