"""``auditor diff``: what a policy change does to each requirement (for pull-request review)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor import exitcodes
from auditor.audit.gate import Gate
from auditor.cli.ci import in_github_actions
from auditor.cli.common import (
    catalogue_options,
    common_options,
    date_option,
    emit,
    gate_options,
    output_option,
    user_errors,
)
from auditor.cli.localized import command, option
from auditor.diff.report import DIFF_FORMATS, DiffOptions
from auditor.errors import UsageError
from auditor.i18n import language, t


@command(
    help="help.diff",
    examples=[
        "auditor diff old-policy.yaml policy.yaml",
        "auditor diff --base origin/main policy.yaml --format markdown -o diff.md",
        "auditor diff --base HEAD~1 policy.yaml --format json",
    ],
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@option("--base", "base_ref", default=None, metavar="GIT_REF", help="help.diff.base")
@option("-f", "--format", "fmt", type=click.Choice(DIFF_FORMATS.names), default=None, help="help.diff.format")
@output_option()
@gate_options(fail_on_help="help.diff.fail_on", level_help="help.diff.fail_on_level")
@catalogue_options()
@date_option("help.diff.date")
@common_options
def diff(
    files: tuple[Path, ...],
    base_ref: str | None,
    fmt: str | None,
    output: Path | None,
    fail_on: str,
    fail_on_level: str | None,
    rule_dirs: tuple[Path, ...],
    edition: str | None,
    today: dt.date,
) -> int:
    """Compare two versions of a policy; exit 1 on a regression that gates, 2 on an ``error`` outcome."""
    from auditor.diff.compare import diff_files, has_errors

    with user_errors():
        if (base_ref is None and len(files) != 2) or (base_ref is not None and len(files) != 1):
            raise UsageError(t("policydiff.usage"))
        if base_ref is not None:
            result = diff_files(files[0], base_ref=base_ref, rule_dirs=rule_dirs, edition=edition, today=today)
        else:
            result = diff_files(files[1], old_path=files[0], rule_dirs=rule_dirs, edition=edition, today=today)
        chosen = fmt or ("github" if in_github_actions() else "table")
        payload = DIFF_FORMATS.renderer(chosen)(result, DiffOptions(lang=language()))
        emit(payload, output, [*files, *rule_dirs])
    if has_errors(result):
        return exitcodes.USAGE_OR_INPUT
    return exitcodes.FINDINGS if result.regressions(Gate(fail_on, fail_on_level)) else exitcodes.OK
