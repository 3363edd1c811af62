"""Terminal report: one table per guideline chapter (failures first), then what to fix, then a summary.

Every string that comes from the policy, a waiver or baseline file or a rule pack goes through
:func:`auditor.files.textsafe.printable`, so it can neither drive the terminal nor forge a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from tabulate import tabulate

from auditor.audit.results import AuditResult, Outcome
from auditor.files.textsafe import printable
from auditor.i18n import pick, t
from auditor.reporters import ReportOptions
from auditor.rules.conditions import show
from auditor.rules.rule import AREA_CHAPTERS

_STATUS_ORDER = {"fail": 0, "error": 1, "waived": 2, "manual": 3, "pass": 4, "not_applicable": 5}
_STATUS_COLORS = {"fail": "31", "error": "35", "waived": "33", "manual": "36", "pass": "32", "not_applicable": "90"}
_HEADERS = {
    "ja": ["状態", "ID", "重要度", "区分", "節", "要件", "行"],
    "en": ["Status", "ID", "Severity", "Level", "Section", "Requirement", "Line"],
}


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """All results, one after another."""
    return "\n\n".join(render_one(result, options) for result in results) + "\n"


def _status(outcome: Outcome, options: ReportOptions) -> str:
    label = t("status.fail_baselined") if outcome.baselined else t(f"status.{outcome.status}")
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
    by_chapter = groupby(result.outcomes, key=lambda outcome: outcome.area)
    for area, group in by_chapter:
        outcomes = sorted(group, key=lambda o: _STATUS_ORDER[o.status])
        rows = [
            [
                _status(o, options),
                printable(o.rule_id),
                t(f"severity.{o.severity}"),
                t(f"level.{o.level}"),
                printable(o.section),
                printable(pick(o.title)),
                "" if o.line is None else str(o.line),
            ]
            for o in outcomes
        ]
        title = pick(AREA_CHAPTERS[area][1])
        blocks.append(f"■ {title}\n" + tabulate(rows, headers=_HEADERS[lang], tablefmt="simple"))
    details = [o for o in result.outcomes if o.status in ("fail", "error")]
    if details:
        heading = "■ 是正が必要な事項" if lang == "ja" else "■ What to fix"
        lines = [heading]
        for o in sorted(details, key=lambda o: (-_severity_rank(o.severity), o.rule_id)):
            where = f"{file}:{o.line}" if o.line else file
            fix = "対応" if lang == "ja" else "Fix"
            lines.append(
                f"[{printable(o.rule_id)}{_known(o)}] {printable(pick(o.title))} ({where})\n"
                f"    {printable(pick(o.message))}\n    {fix}: {printable(pick(o.remediation))}"
            )
        blocks.append("\n".join(lines))
    blocks.extend(ci_blocks(result))
    blocks.append(summary_line(result) + "\n" + rates_line(result))
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
