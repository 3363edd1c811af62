"""``auditor extract``: read a body's own policy documents into a draft policy YAML, every value cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from auditor.cli.common import common_options, date_option, guard_targets, user_errors


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Write the draft policy YAML to FILE (atomically; '-' for standard output).",
)
@click.option(
    "--evidence",
    "evidence_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the evidence JSON: per value its clause, page, quote, confidence and basis.",
)
@click.option(
    "--report",
    "show_report",
    is_flag=True,
    help="Print the 改定対応 gap list (requirements with no clause, clauses weaker than the requirement).",
)
@click.option("--entity-code", default=None, help="全国地方公共団体コード (6 digits; documents rarely state it).")
@click.option("--entity-name", default=None, help="団体名, when the documents' titles do not name the body.")
@click.option(
    "--model",
    type=click.Choice(["alpha", "alpha_prime", "beta", "beta_prime"]),
    default=None,
    help="Network model, when the documents do not state it (三層の対策のモデル).",
)
@click.option(
    "--edition",
    type=click.Choice(["R2.12", "R4.3", "R5.3", "R6.10", "R7.3"]),
    default=None,
    help="Guideline edition the policy follows, when the documents do not state it.",
)
@click.option("--encoding", default=None, help="Encoding of .txt/.md/.html input without a declared one (e.g. cp932).")
@date_option(help="Date for the gap list's rules and the evidence file (default today).")
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
    """Draft the policy YAML from the body's own documents (.docx, text PDF, .txt, .md, .html).

    Only values a clause settles are set, each commented with its clause, page and quote; every
    other value is left unanswered (null) so that the audit reports it as not declared.

    \b
    Example:
      auditor extract 基本方針.docx 対策基準.pdf --entity-code 012343 -o draft.yaml
      auditor extract reiki.html --entity-code 012343 --model beta --edition R7.3 \
        -o draft.yaml --evidence ev.json --report
      auditor validate draft.yaml && auditor audit draft.yaml --format pdf -o report.pdf
    """
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
