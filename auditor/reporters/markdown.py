"""Markdown report: compact, for pull-request comments (GitHub / GitLab flavoured tables).

A heading with the body's name, the must-level compliance rate, the outcome counts, the failures
(most urgent first, capped so a comment stays readable) and every outcome folded in ``<details>``.
Every string from the policy or the rules is escaped, so it can neither break the table nor
inject markup, and control or bidi characters in it are shown escaped (:mod:`auditor.files.textsafe`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.audit.results import AuditResult
from auditor.files.textsafe import printable
from auditor.reporters import ReportOptions
from auditor.reporters.view import FINDING_STATUSES, ReportView, build_all, lang_of, urgency

MAX_FAILURES = 50
"""Failures listed in the main table; the rest are counted (all appear in the folded list)."""

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
"""Characters that could start markup inside a table cell (links, emphasis, code, HTML, cells)."""


def escape(text: str) -> str:
    """``text`` as literal Markdown inline content (one line, no markup, no table break)."""
    text = printable(" ".join(text.split()))
    return _SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def small_path(path: str) -> str:
    """The dotted policy path in small print under a labelled value (for staff), or ""."""
    if not path:
        return ""
    code = printable(path).translate({ord("`"): None, ord("|"): None})
    return f"<br><sub>`{code}`</sub>"


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """One section per audited policy."""
    views = build_all(results, lang_of(options.lang))
    return "\n---\n\n".join(render_one(view) for view in views)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_one(view: ReportView) -> str:
    """The Markdown of one audit."""
    label = view.label
    lines = [
        f"### {escape(view.title)}: {escape(view.entity_name)}（{escape(view.entity_code)}）"
        if view.lang == "ja"
        else f"### {escape(view.title)}: {escape(view.entity_name)} ({escape(view.entity_code)})",
        "",
        " ・ ".join(
            [
                escape(view.model_label),
                f"{label('cover.edition')}: {escape(view.edition_label)}",
                f"{label('cover.audit_date')}: {view.audit_date}",
                f"`{printable(view.policy_file.replace('`', ''))}`",
            ]
        ),
        "",
        f"**{label('summary.must_rate')}: {view.must_rate_label}** "
        f"（{escape(label('summary.must_rate_waivers', rate=view.must_rate_with_waivers_label))}）"
        if view.lang == "ja"
        else f"**{label('summary.must_rate')}: {view.must_rate_label}** "
        f"({escape(label('summary.must_rate_waivers', rate=view.must_rate_with_waivers_label))})",
        "",
        *([escape(view.statutory_line), ""] if view.statutory_line else []),
        _row([escape(name) for name in view.status_labels.values()]),
        _row(["---:"] * len(view.status_labels)),
        _row([str(view.counts[status]) for status in view.status_labels]),
        "",
    ]
    failures = sorted((o for o in view.outcomes if o.status in FINDING_STATUSES), key=urgency)
    lines.append(f"#### {label('markdown.failures')} ({len(failures)})")
    lines.append("")
    if failures:
        cited = any(outcome.citations for outcome in failures)
        headers = [
            label("col.severity"),
            label("col.id"),
            label("col.requirement"),
            label("field.declared"),
            label("field.expected"),
            label("col.line"),
            label("field.remediation"),
            label("sources"),
            *([label("citation")] if cited else []),
        ]
        lines.append(_row(headers))
        lines.append(_row(["---"] * len(headers)))
        for outcome in failures[:MAX_FAILURES]:
            cells = [
                escape(outcome.severity_label),
                escape(outcome.rule_id),
                escape(outcome.title),
                escape(outcome.declared) + small_path(outcome.path),
                escape(outcome.expected),
                outcome.line,
                escape(outcome.remediation),
                escape(outcome.sources),
            ]
            if cited:
                cells.append("<br>".join(escape(citation) for citation in outcome.citations))
            lines.append(_row(cells))
        if len(failures) > MAX_FAILURES:
            lines.append("")
            lines.append(label("markdown.more", count=len(failures) - MAX_FAILURES))
    else:
        lines.append(label("summary.no_failures"))
    if view.waivers:
        lines += ["", f"#### {escape(label('waivers'))}", ""]
        lines += [
            f"- {escape(w.rule_id)} **{escape(w.state_label)}** ({label('waivers.expires_on')} {w.expires_on}): "
            f"{escape(w.justification)} ({escape(w.approver)})"
            for w in view.waivers
        ]
    if view.evidence:
        lines += ["", f"#### {escape(label('evidence'))}", ""]
        lines += [
            f"- {escape(entry.record.rule_id)} **{escape(entry.state_label)}**: {escape(entry.record.summary)}"
            f" ({label('evidence.valid_until')} {entry.expires_on})"
            for entry in view.evidence
        ]
    if view.progress is not None:
        progress = view.progress
        lines += ["", f"#### {escape(label('progress'))} ({escape(progress.previous_date)})", ""]
        lines.append(
            _row(
                [
                    label("col.chapter"),
                    label("progress.before"),
                    label("progress.after"),
                    label("report.progress.improved"),
                    label("report.progress.regressed"),
                ]
            )
        )
        lines.append(_row(["---", "---:", "---:", "---", "---"]))
        lines += [
            _row(
                [
                    escape(chapter.title),
                    chapter.before_label,
                    f"{chapter.after_label} {chapter.delta_label}".strip(),
                    escape(", ".join(chapter.improved)),
                    escape(", ".join(chapter.regressed)),
                ]
            )
            for chapter in progress.chapters
        ]
    lines += [
        "",
        f"<details><summary>{escape(label('markdown.all'))} ({len(view.outcomes)})</summary>",
        "",
        _row(
            [
                label("col.status"),
                label("col.id"),
                label("sources"),
                label("col.requirement"),
                label("col.level"),
                label("col.severity"),
            ]
        ),
        _row(["---"] * 6),
    ]
    for chapter in view.chapters:
        for outcome in chapter.outcomes:
            lines.append(
                _row(
                    [
                        escape(outcome.status_label),
                        escape(outcome.rule_id),
                        escape(outcome.sources),
                        escape(outcome.title),
                        escape(outcome.level_label),
                        escape(outcome.severity_label),
                    ]
                )
            )
    lines += ["", "</details>", ""]
    return "\n".join(lines)
