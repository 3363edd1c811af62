"""Terminal batch report: matrix, most failed requirements, urgent-gap ranking, unusable files.

Names, codes, titles and file names show control and bidi characters escaped (:mod:`auditor.files.textsafe`).
"""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.common import (
    cell_text,
    chapter_short,
    chapter_title,
    model_name,
    percent,
)
from auditor.batch.summary import BatchReport
from auditor.files.textsafe import printable
from auditor.i18n import pick, t


def render(report: BatchReport, options: BatchOptions) -> str:
    """The whole comparison as plain text tables."""
    top = options.top
    blocks = [t("batch.heading", edition=report.edition, date=report.audit_date.isoformat())]
    if report.rows:
        blocks.append(_matrix(report))
        blocks.append(_most_failed(report, top))
        blocks.append(_ranking(report, top))
    if report.failures:
        lines = [t("batch.section.unusable", count=len(report.failures))]
        lines += [printable(failure.first_line()) for failure in report.failures]
        blocks.append("\n".join(lines))
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"


def _matrix(report: BatchReport) -> str:
    headers = [t("batch.col.entity"), t("batch.col.code"), t("batch.col.model")]
    headers += [chapter_short(area) for area in report.chapters]
    headers += [t("batch.col.total"), t("batch.col.urgent")]
    rows = []
    for row in report.rows:
        policy = row.policy
        rows.append(
            [
                printable(policy.entity_name),
                printable(policy.entity_code),
                model_name(policy.network_model),
                *(cell_text(row.cells.get(area)) for area in report.chapters),
                cell_text(row.total),
                row.total.urgent,
            ]
        )
    names = "  ".join(
        f"{chapter_short(area)} = {chapter_title(area)}"
        for area in report.chapters
        if chapter_short(area) != chapter_title(area)
    )
    legend = t("batch.legend") + (f"\n{names}" if names else "")
    table = _tabulate(rows, headers)
    return f"{t('batch.section.matrix')}\n{table}\n{legend}"


def _most_failed(report: BatchReport, top: int) -> str:
    heading = t("batch.section.most_failed", top=top)
    if not report.most_failed:
        return f"{heading}\n{t('batch.none')}"
    headers = [
        "ID",
        t("batch.col.requirement"),
        t("batch.col.level"),
        t("batch.col.severity"),
        t("batch.col.section"),
        t("batch.col.failed"),
        t("batch.col.share"),
    ]
    rows = [
        [
            printable(item.rule.rule_id),
            printable(pick(item.rule.title)),
            t(f"level.{item.rule.level}"),
            t(f"severity.{item.rule.severity}"),
            printable(item.rule.section),
            f"{item.failed}/{item.evaluated}",
            percent(item.share),
        ]
        for item in report.most_failed[:top]
    ]
    return f"{heading}\n{_tabulate(rows, headers)}"


def _ranking(report: BatchReport, top: int) -> str:
    heading = t("batch.section.ranking", top=top)
    ranked = [item for item in report.ranking if item.row.total.must_failed][:top]
    if not ranked:
        return f"{heading}\n{t('batch.none')}"
    headers = [
        t(f"batch.col.{name}") for name in ("rank", "entity", "code", "urgent", "critical", "must_failed", "total")
    ]
    rows = [
        [
            str(item.rank),
            printable(item.row.policy.entity_name),
            printable(item.row.policy.entity_code),
            str(item.row.total.urgent),
            str(item.row.total.critical),
            str(item.row.total.must_failed),
            percent(item.row.total.rate),
        ]
        for item in ranked
    ]
    return f"{heading}\n{_tabulate(rows, headers)}"


def summary_line(report: BatchReport) -> str:
    """One line: how many files, audited, unusable, with urgent gaps; the overall rate."""
    return t(
        "batch.summary",
        files=report.files,
        audited=len(report.rows),
        unusable=len(report.failures),
        urgent=report.policies_with_urgent_gaps,
        rate=percent(report.total.rate, 1),
    )


def _tabulate(rows: Sequence[Sequence[object]], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
