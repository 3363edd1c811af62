"""GitHub Actions annotations: workflow commands (``::error file=...,line=...::message``).

Chosen automatically by ``auditor audit`` when ``GITHUB_ACTIONS=true`` and no ``--format`` is
given. Failures become ``error`` (critical/high) or ``warning`` (medium/low) annotations on the
policy line; baselined failures, waived requirements and waivers needing attention become
``warning``/``notice``. The human-readable table follows in a collapsed log group, so the job log
still shows the whole checklist (``quiet``: the failures' annotations only). Control and bidi
characters from the inputs are shown escaped (:mod:`auditor.files.textsafe`): GitHub's log viewer
interprets ANSI colours and shows bidi text as is.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.audit.results import WARNING_WAIVER_STATES, AuditResult, Outcome
from auditor.files.textsafe import printable, printable_lines
from auditor.i18n import language, pick, t
from auditor.reporters import ReportOptions
from auditor.reporters.sources import sources_text


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    command: str,
    message: str,
    *,
    file: str | None = None,
    line: int | None = None,
    column: int | None = None,
    title: str | None = None,
) -> str:
    """One workflow command, escaped as GitHub's runner expects (``message`` may span lines)."""
    properties = []
    if file:
        properties.append(f"file={_escape_property(printable(file))}")
    if line:
        properties.append(f"line={line}")
    if column and line:
        properties.append(f"col={column}")
    if title:
        properties.append(f"title={_escape_property(printable(title))}")
    head = f"::{command} {','.join(properties)}" if properties else f"::{command}"
    return f"{head}::{_escape_data(printable_lines(message))}"


def _command(outcome: Outcome) -> str | None:
    if outcome.status == "error":
        return "error"
    if outcome.status == "fail":
        if outcome.baselined:
            return "notice"
        return "error" if outcome.severity in ("critical", "high") else "warning"
    if outcome.status == "waived":
        return "notice"
    return None


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """Annotations for every result, then the table inside a collapsed group."""
    from auditor.reporters import table

    lines = []
    for result in results:
        for outcome in result.outcomes:
            command = _command(outcome)
            if command is None or (options.quiet and command == "notice"):
                continue
            status = t("status.fail_baselined") if outcome.baselined else t(f"status.{outcome.status}")
            title = f"{outcome.rule_id} {status} ({t(f'level.{outcome.level}')}/{t(f'severity.{outcome.severity}')})"
            message = f"{pick(outcome.title)}: {pick(outcome.message)}"
            if outcome.status in ("fail", "error"):
                message += (
                    f"\n{t('report.fix')}: {pick(outcome.remediation)}"
                    f"\n{t('report.sources')}: {sources_text(outcome, language())}"
                )
            lines.append(
                annotation(
                    command, message, file=result.policy.file, line=outcome.line, column=outcome.column, title=title
                )
            )
        for waiver in result.waivers:
            if waiver.state in WARNING_WAIVER_STATES:
                lines.append(
                    annotation(
                        "warning",
                        pick(waiver.message),
                        file=waiver.file,
                        line=waiver.line,
                        title=f"{waiver.rule_id} {t(f'waiver.state.{waiver.state}')}",
                    )
                )
        if options.quiet:
            continue
        lines.append(
            annotation(
                "notice",
                f"{table.summary_line(result)} {table.rates_line(result)}",
                file=result.policy.file,
                title="auditor",
            )
        )
    if not options.quiet:
        plain = ReportOptions(lang=options.lang, color=False)
        lines += ["::group::auditor", table.render(results, plain).rstrip("\n"), "::endgroup::"]
    return "".join(line + "\n" for line in lines)
