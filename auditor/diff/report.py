"""Rendering a policy diff: terminal table, JSON (versioned), Markdown for PR comments, GitHub annotations.

In every format but JSON, strings from the policies and rules show control and bidi characters
escaped (:mod:`auditor.files.textsafe`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from auditor.diff.compare import IMPROVEMENT_KINDS, Change, PolicyDiff
from auditor.files.textsafe import printable
from auditor.i18n import pick, t
from auditor.reporters.github import annotation
from auditor.reporters.registry import Format, Registry

DIFF_SCHEMA_VERSION = 1

_COLUMNS = ("kind", "id", "severity", "level", "requirement", "line", "detail")


def _headers() -> list[str]:
    return [t(f"policydiff.col.{column}") for column in _COLUMNS]


@dataclass(frozen=True)
class DiffOptions:
    """Presentation choices of a diff report."""

    lang: str = "ja"


DIFF_FORMATS: Registry[PolicyDiff, DiffOptions] = Registry(
    [
        Format("table", "auditor.diff.report:render_table", extension="txt"),
        Format("json", "auditor.diff.report:render_json"),
        Format("markdown", "auditor.diff.report:render_markdown", extension="md"),
        Format("github", "auditor.diff.report:render_github"),
    ]
)


def counts(diff: PolicyDiff) -> dict[str, int]:
    """How many changes of each family."""
    kinds = [change.kind for change in diff.changes]
    return {
        "regressions": sum(1 for change in diff.changes if change.regression),
        "new_fail": kinds.count("new_fail"),
        "loosened": kinds.count("loosened"),
        "new_waiver": kinds.count("new_waiver"),
        "improvements": sum(1 for kind in kinds if kind in IMPROVEMENT_KINDS),
        "other": sum(1 for kind in kinds if kind in ("now_waived", "status_changed")),
    }


def summary_line(diff: PolicyDiff) -> str:
    """One line: regressions by kind, improvements, other changes."""
    return t("policydiff.summary", old=printable(diff.old_label), new=printable(diff.new_label), **counts(diff))


def _line(change: Change) -> str:
    return "" if change.line is None else str(change.line)


def render_table(diff: PolicyDiff, options: DiffOptions) -> str:
    """For a terminal: one row per change, regressions first, then the summary."""
    from tabulate import tabulate

    blocks = [printable(note) for note in diff.notes]
    if diff.changes:
        rows = [
            [
                ("! " if c.regression else "  ") + t(f"policydiff.kind.{c.kind}"),
                printable(c.rule_id),
                t(f"severity.{c.severity}"),
                t(f"level.{c.level}"),
                printable(pick(c.title)),
                _line(c),
                printable(c.detail),
            ]
            for c in diff.changes
        ]
        blocks.append(tabulate(rows, headers=_headers(), tablefmt="simple"))
    else:
        blocks.append(t("policydiff.none"))
    blocks.append(summary_line(diff))
    return "\n\n".join(blocks) + "\n"


def change_dict(change: Change) -> dict[str, Any]:
    """The JSON object of one change."""
    return {
        "kind": change.kind,
        "regression": change.regression,
        "rule_id": change.rule_id,
        "title": pick(change.title),
        "level": change.level,
        "severity": change.severity,
        "section": change.section,
        "path": change.path,
        "line": change.line,
        "old_status": change.old_status,
        "new_status": change.new_status,
        "old_value": change.old_value,
        "new_value": change.new_value,
        "detail": change.detail,
    }


def render_json(diff: PolicyDiff, options: DiffOptions) -> str:
    """The documented diff document (``schema_version`` 1, see docs/ci.md)."""
    from auditor import __version__

    document = {
        "schema_version": DIFF_SCHEMA_VERSION,
        "kind": "auditor-diff",
        "tool": {"name": "auditor", "version": __version__},
        "old": {"label": diff.old_label, "sha256": diff.old.policy.sha256 if diff.old else None},
        "new": {"file": diff.new_label, "sha256": diff.new.policy.sha256},
        "audited_against": {"edition": diff.new.edition, "date": diff.new.audit_date.isoformat()},
        "summary": counts(diff),
        "changes": [change_dict(change) for change in diff.changes],
        "notes": list(diff.notes),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=_plain) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _cell(text: str) -> str:
    return printable(" ".join(text.split())).replace("|", "\\|")


def render_markdown(diff: PolicyDiff, options: DiffOptions) -> str:
    """A pull-request comment: summary, then one table row per change (regressions first)."""
    lines = [f"### auditor: {t('policydiff.heading')}", "", summary_line(diff), ""]
    lines += [f"> {printable(note)}" for note in diff.notes]
    if diff.changes:
        headers = _headers()
        lines += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        for c in diff.changes:
            mark = "❌ " if c.regression else ("✅ " if c.kind in IMPROVEMENT_KINDS else "")
            where = f"`{diff.new_label}:{c.line}`" if c.line else ""
            cells = [
                mark + t(f"policydiff.kind.{c.kind}"),
                f"`{c.rule_id}`",
                t(f"severity.{c.severity}"),
                t(f"level.{c.level}"),
                pick(c.title),
                where,
                c.detail,
            ]
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    else:
        lines.append(t("policydiff.none"))
    return "\n".join(lines) + "\n"


def render_github(diff: PolicyDiff, options: DiffOptions) -> str:
    """GitHub Actions workflow commands: an error per regression, a notice per other change."""
    lines = []
    for c in diff.changes:
        command = "error" if c.regression else "notice"
        title = f"{c.rule_id} {t(f'policydiff.kind.{c.kind}')}"
        lines.append(annotation(command, f"{pick(c.title)}: {c.detail}", file=diff.new_label, line=c.line, title=title))
    lines.append(annotation("notice", summary_line(diff)))
    lines += ["::group::auditor diff", render_table(diff, options).rstrip("\n"), "::endgroup::"]
    return "\n".join(lines) + "\n"
