"""Terminal report: one table per guideline chapter (failures first), then what to fix, then a summary.

Every string that comes from the policy, a waiver or baseline file or a rule pack goes through
:func:`auditor.files.textsafe.printable`, so it can neither drive the terminal nor forge a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from tabulate import tabulate

from auditor.audit.results import AuditResult, Outcome, Progress
from auditor.evidence.model import Citation
from auditor.files.textsafe import printable
from auditor.i18n import language, pick, t
from auditor.reporters import ReportOptions
from auditor.reporters.evidence_view import status_label as evidence_status_label
from auditor.reporters.sources import sources_text
from auditor.reporters.view import statutory_line
from auditor.rules.conditions import show
from auditor.rules.rule import AREA_CHAPTERS

_STATUS_ORDER = {"fail": 0, "error": 1, "waived": 2, "manual": 3, "pass": 4, "not_applicable": 5}
_STATUS_COLORS = {"fail": "31", "error": "35", "waived": "33", "manual": "36", "pass": "32", "not_applicable": "90"}
_HEADERS = {
    "ja": ["状態", "ID", "重要度", "区分", "節", "要件", "行"],
    "en": ["Status", "ID", "Severity", "Level", "Section", "Requirement", "Line"],
}


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """All results, one after another (with ``options.quiet``: only the failures, one line each)."""
    if options.quiet:
        return "".join(line + "\n" for result in results for line in quiet_lines(result))
    return "\n\n".join(render_one(result, options) for result in results) + "\n"


def status_label(outcome: Outcome) -> str:
    """The outcome's status as the table shows it: a baselined failure, a status settled by evidence."""
    if outcome.baselined:
        return t("status.fail_baselined")
    return evidence_status_label(outcome, language())


def quiet_lines(result: AuditResult) -> list[str]:
    """``file:line:col: RULE status (level/severity) title: message`` for each failure that is not baselined."""
    lines = []
    for outcome in result.outcomes:
        if outcome.status not in ("fail", "error") or outcome.baselined:
            continue
        where = ":".join(str(part) for part in (result.policy.file, outcome.line, outcome.column) if part)
        kind = f"{t(f'status.{outcome.status}')} ({t(f'level.{outcome.level}')}/{t(f'severity.{outcome.severity}')})"
        text = f"{where}: {outcome.rule_id} {kind} {pick(outcome.title)}: {pick(outcome.message)}"
        lines.append(printable(text))
    return lines


def _status(outcome: Outcome, options: ReportOptions) -> str:
    label = status_label(outcome)
    if options.color:
        return f"\x1b[{_STATUS_COLORS[outcome.status]}m{label}\x1b[0m"
    return label


def render_one(result: AuditResult, options: ReportOptions) -> str:
    """One policy's report."""
    lang = "en" if options.lang == "en" else "ja"
    policy = result.policy
    name, code, file = printable(policy.entity_name), printable(policy.entity_code), printable(policy.file)
    model, follows = printable(policy.network_model), printable(policy.guideline_edition)
    header = f"{name}（{code}） {file}\n" if lang == "ja" else f"{name} ({code}) {file}\n"
    header += (
        f"ネットワークモデル: {model} / ポリシーの準拠版: {follows} / "
        f"監査基準: {result.edition} / 監査日: {result.audit_date.isoformat()}"
        if lang == "ja"
        else f"Network model: {model} / policy follows: {follows} / "
        f"audited against: {result.edition} / date: {result.audit_date.isoformat()}"
    )
    blocks = [header]
    cited = any(o.citations for o in result.outcomes)
    headers = [*_HEADERS[lang][:5], t("report.citation"), *_HEADERS[lang][5:]] if cited else _HEADERS[lang]
    by_chapter = groupby(result.outcomes, key=lambda outcome: outcome.area)
    for area, group in by_chapter:
        outcomes = sorted(group, key=lambda o: _STATUS_ORDER[o.status])
        rows = []
        for o in outcomes:
            row = [
                _status(o, options),
                printable(o.rule_id),
                t(f"severity.{o.severity}"),
                t(f"level.{o.level}"),
                printable(o.section),
                printable(pick(o.title)),
                "" if o.line is None else str(o.line),
            ]
            if cited:
                row.insert(5, printable("\n".join(c.place() for c in o.citations)))
            rows.append(row)
        title = pick(AREA_CHAPTERS[area][1])
        blocks.append(f"■ {title}\n" + tabulate(rows, headers=headers, tablefmt="simple"))
    details = [o for o in result.outcomes if o.status in ("fail", "error")]
    if details:
        heading = "■ 是正が必要な事項" if lang == "ja" else "■ What to fix"
        lines = [heading]
        for o in sorted(details, key=lambda o: (-_severity_rank(o.severity), o.rule_id)):
            where = f"{file}:{o.line}" if o.line else file
            fix = "対応" if lang == "ja" else "Fix"
            lines.append(
                f"[{printable(o.rule_id)}{_known(o)}] {printable(pick(o.title))} ({where})\n"
                f"    {printable(pick(o.message))}\n    {fix}: {printable(pick(o.remediation))}\n"
                f"    {t('report.sources')}: {printable(sources_text(o, lang))}"
            )
            lines.extend(f"    {citation_line(citation)}" for citation in o.citations)
        blocks.append("\n".join(lines))
    blocks.extend(evidence_blocks(result))
    blocks.extend(ci_blocks(result))
    closing = summary_line(result) + "\n" + rates_line(result)
    statutory = statutory_line(result, language())
    if statutory:
        closing += "\n" + statutory
    blocks.append(closing)
    return "\n\n".join(blocks)


def ci_blocks(result: AuditResult) -> list[str]:
    """The waiver register and the baseline comparison, when there are any."""
    blocks = []
    if result.waivers:
        lines = [t("report.waivers_heading")]
        for waiver in result.waivers:
            where = f"{waiver.file}:{waiver.line}" if waiver.line else waiver.file
            lines.append(
                t(
                    "report.waiver_line",
                    state=t(f"waiver.state.{waiver.state}"),
                    rule=printable(waiver.rule_id),
                    where=printable(where),
                    path=f" '{printable(waiver.path)}'" if waiver.path else "",
                    expires=waiver.expires_on.isoformat(),
                    remaining=remaining(waiver.days_left),
                    approver=printable(waiver.approver),
                    justification=printable(" ".join(waiver.justification.split())),
                )
            )
            if waiver.state != "in_force":
                lines.append(f"    {printable(pick(waiver.message))}")
        blocks.append("\n".join(lines))
    if result.baseline is not None:
        baseline = result.baseline
        fixed = [d for d in baseline.drift if d.state == "fixed"]
        changed = [d for d in baseline.drift if d.state == "changed"]
        lines = [
            t(
                "report.baseline",
                file=printable(baseline.file),
                known=baseline.known,
                new=baseline.new,
                fixed=len(fixed),
                changed=len(changed),
            )
        ]
        lines += [
            t(
                "report.baseline.fixed",
                rule=printable(d.rule_id),
                path=printable(d.path or "-"),
                now=t(f"status.{d.now}") if d.now else "-",
            )
            for d in fixed
        ]
        lines += [
            t(
                "report.baseline.changed",
                rule=printable(d.rule_id),
                path=printable(d.path or "-"),
                value=printable(show(d.value)),
            )
            for d in changed
        ]
        blocks.append("\n".join(lines))
    return blocks


def citation_line(citation: Citation) -> str:
    """``根拠: 対策基準 第12条第2項（p.8）「…」`` (escaped for a terminal)."""
    return printable(t("report.citation.line", label=citation.label()))


def evidence_blocks(result: AuditResult) -> list[str]:
    """The evidence register (who checked what and when) and the progress since a previous audit."""
    blocks = []
    if result.evidence:
        lines = [t("report.evidence.heading")]
        for entry in result.evidence:
            record = entry.record
            where = f"{entry.file}:{entry.line}" if entry.line else entry.file
            lines.append(
                t(
                    "report.evidence.line",
                    state=t(f"evidence.state.{entry.state}"),
                    rule=printable(record.rule_id),
                    what=printable(record.what),
                    method=record.method,
                    reviewer=printable(record.reviewer or t("evidence.nobody")),
                    date=record.reviewed_on.isoformat(),
                    expires=entry.expires_on.isoformat(),
                    where=f" {printable(where)}",
                )
            )
        blocks.append("\n".join(lines))
    if result.progress is not None:
        blocks.append(progress_block(result.progress))
    return blocks


def progress_block(progress: Progress) -> str:
    """Per chapter: the pass rate before → now, and the rules that improved and regressed."""
    when = progress.previous_date.isoformat() if progress.previous_date else "-"
    lines = [
        t(
            "progress.heading",
            file=printable(progress.file),
            date=when,
            improved=progress.improved,
            regressed=progress.regressed,
        )
    ]
    for chapter in progress.chapters:
        change = [
            t("progress.improved", rules=", ".join(chapter.improved)) if chapter.improved else "",
            t("progress.regressed", rules=", ".join(chapter.regressed)) if chapter.regressed else "",
            t("progress.added", count=len(chapter.added)) if chapter.added else "",
        ]
        lines.append(
            t(
                "progress.chapter",
                chapter=pick(AREA_CHAPTERS.get(chapter.area, (99, {"ja": chapter.area, "en": chapter.area}))[1]),
                before=_rate(chapter.before_rate),
                after=_rate(chapter.after_rate),
                delta=_delta(chapter.before_rate, chapter.after_rate),
                changes=" ".join(part for part in change if part),
            ).rstrip()
        )
    return "\n".join(lines)


def _delta(before: float | None, after: float | None) -> str:
    if before is None or after is None:
        return ""
    points = (after - before) * 100
    return f"（{points:+.1f}pt）" if abs(points) >= 0.05 else ""


def remaining(days_left: int) -> str:
    """ "12 days left" or "3 days ago" for a waiver's expiry."""
    return t("report.days_left", days=days_left) if days_left >= 0 else t("report.days_over", days=-days_left)


def _known(outcome: Outcome) -> str:
    return f" {t('status.fail_baselined')}" if outcome.baselined else ""


def rates_line(result: AuditResult) -> str:
    """The must-level compliance rate without and with waivers (the score both ways)."""
    summary = result.summary
    return t(
        "cli.summary_rates",
        rate=_rate(summary.must_rate),
        rate_waived=_rate(summary.must_rate_with_waivers),
        waived=summary.counts["waived"],
    )


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _severity_rank(severity: str) -> int:
    return {"low": 1, "medium": 2, "high": 3, "critical": 4}[severity]


def summary_line(result: AuditResult) -> str:
    """The one-line count of outcomes per status, with the must-level compliance rate."""
    counts = result.summary.counts
    rate = result.summary.must_rate
    return t(
        "cli.summary",
        pass_=counts["pass"],
        fail=counts["fail"],
        not_applicable=counts["not_applicable"],
        waived=counts["waived"],
        manual=counts["manual"],
        error=counts["error"],
        rate="-" if rate is None else f"{rate:.1%}",
    )
