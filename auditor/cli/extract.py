"""``auditor extract``: read a body's own policy documents into a draft policy YAML, every value cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.cli.common import common_options, date_option, guard_targets, user_errors
from auditor.cli.localized import command, option


@command(
    help="help.extract",
    examples=[
        "auditor extract 基本方針.docx 対策基準.pdf --entity-code 012343 -o draft.yaml",
        "auditor extract reiki.html --entity-code 012343 --model beta --edition R7.3 \\",
        "  -o draft.yaml --evidence ev.json --report",
        "auditor validate draft.yaml && auditor audit draft.yaml --format pdf -o report.pdf",
    ],
)
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=Path))
@option("-o", "--output", type=click.Path(path_type=Path), required=True, help="help.extract.output")
@option("--evidence", "evidence_file", type=click.Path(path_type=Path), default=None, help="help.extract.evidence")
@option("--report", "show_report", is_flag=True, help="help.extract.report")
@option("--entity-code", default=None, help="help.extract.entity_code")
@option("--entity-name", default=None, help="help.extract.entity_name")
@option(
    "--model",
    type=click.Choice(["alpha", "alpha_prime", "beta", "beta_prime"]),
    default=None,
    help="help.extract.model",
)
@option(
    "--edition",
    type=click.Choice(["R2.12", "R4.3", "R5.3", "R6.10", "R7.3"]),
    default=None,
    help="help.extract.edition",
)
@option("--encoding", default=None, help="help.extract.encoding")
@date_option(help="help.extract.date")
@common_options
def extract(
    documents: tuple[Path, ...],
    output: Path,
    evidence_file: Path | None,
    show_report: bool,
    entity_code: str | None,
    entity_name: str | None,
    model: str | None,
    edition: str | None,
    encoding: str | None,
    today: dt.date,
) -> int:
    """Draft the policy YAML (and optionally the evidence file and gap list) from the documents."""
    from auditor.evidence.io import dumps
    from auditor.extract.host import UsageError, t, write_atomic
    from auditor.extract.service import Options
    from auditor.extract.service import extract as run

    with user_errors():
        targets = [target for target in (output, evidence_file) if target is not None and str(target) != "-"]
        guard = guard_targets(targets, documents)
        if evidence_file is not None and str(output) != "-" and evidence_file.resolve() == output.resolve():
            raise UsageError(t("cli.refuse_overwrite_input", file=evidence_file))
        options = Options(
            entity_code=entity_code, entity_name=entity_name, model=model, edition=edition, encoding=encoding
        )
        result = run(documents, options, str(output))
        to_stdout = str(output) == "-"
        if to_stdout:
            click.echo(result.text, nl=False)
        else:
            guard.check(output)
            write_atomic(output, result.text)
            unset = sum(1 for line in result.text.splitlines() if ": null" in line)
            click.echo(t("extract.written", file=output, set=len(result.draft.values), unset=unset), err=True)
        if evidence_file is not None:
            guard.check(evidence_file)
            write_atomic(evidence_file, dumps(result.evidence(today)))
            click.echo(t("cli.written", file=evidence_file), err=True)
        if show_report:
            from auditor.extract.report import render_report

            click.echo(render_report(result.report(today)), err=to_stdout)
    return 0
