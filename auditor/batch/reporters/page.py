"""What the HTML and PDF batch reports show, as plain values for the template ``batch.html.j2``.

The template lives with the single-policy report's in ``auditor/reporters/templates`` and extends
its ``base.html.j2``: both batch formats go through :mod:`auditor.reporters.page` and
:mod:`auditor.reporters.pdf` (one stylesheet, the bundled font, autoescaping, the strict URL
fetcher). The heat map's colour is a class per tenth of the compliance rate (``heat-0`` ...
``heat-10``, ``heat-none`` where nothing was evaluated) defined in that stylesheet: no inline
style, so the HTML page's Content Security Policy can stay strict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from auditor.batch.reporters import BatchOptions
from auditor.batch.reporters.common import chapter_short, chapter_title, model_name, percent
from auditor.batch.summary import BatchReport, Cell
from auditor.i18n import Lang, pick, t
from auditor.i18n.values import edition_label
from auditor.reporters.page import DocumentMeta

TEMPLATE = "batch.html.j2"


@dataclass(frozen=True)
class HeatCell:
    """One coloured cell: the rate as text, the 必須 failures, the colour class, a tooltip."""

    text: str
    must_failed: int
    css: str
    title: str


def heat_class(rate: float | None) -> str:
    """``heat-0`` (0-9%) ... ``heat-9`` (90-99%), ``heat-10`` (100%), ``heat-none``."""
    if rate is None:
        return "heat-none"
    return f"heat-{min(10, math.floor(rate * 10 + 1e-9))}"


def _heat(cell: Cell | None, label: str) -> HeatCell:
    if cell is None or not cell.evaluated:
        return HeatCell("-", 0, "heat-none", label)
    title = f"{label}: {cell.passed}/{cell.evaluated} ({t('batch.col.must_failed')} {cell.must_failed})"
    return HeatCell(percent(cell.rate), cell.must_failed, heat_class(cell.rate), title)


def lang_of(options: BatchOptions) -> Lang:
    """The report's language (anything but English is Japanese)."""
    return "en" if options.lang == "en" else "ja"


def batch_title(report: BatchReport, options: BatchOptions) -> str:
    """The cover's title: ``--title``, else the prefecture when the batch is one prefecture's bodies.

    A batch is "one prefecture" when it holds exactly one prefecture's own policy and every other
    body's code starts with that prefecture's two digits (全国地方公共団体コード). Otherwise the
    title only counts the bodies: the tool does not guess a name it was not given.
    """
    if options.title:
        return options.title
    prefectures = [row.policy for row in report.rows if row.policy.entity_type == "prefecture"]
    if len(prefectures) == 1:
        prefix = prefectures[0].entity_code[:2]
        if all(row.policy.entity_code[:2] == prefix for row in report.rows):
            return prefectures[0].entity_name
    return t("batch.cover.untitled", count=len(report.rows))


def context(report: BatchReport, options: BatchOptions) -> dict[str, Any]:
    """The template's context."""
    total = report.total
    rows = []
    for row in report.rows:
        policy = row.policy
        rows.append(
            {
                "name": policy.entity_name,
                "code": policy.entity_code,
                "model": model_name(policy.network_model),
                "file": policy.file,
                "cells": [_heat(row.cells.get(area), chapter_title(area)) for area in report.chapters],
                "total": _heat(row.total, t("batch.col.total")),
                "urgent": row.total.urgent,
            }
        )
    date = report.audit_date.isoformat()
    return {
        "title": t("batch.page.title"),
        "batch_title": batch_title(report, options),
        "heading": t("batch.heading", edition=report.edition, date=date),
        "label": t,
        "kpis": [
            (t("batch.kpi.audited"), f"{len(report.rows)} / {report.files}"),
            (t("batch.kpi.rate"), percent(total.rate, 1)),
            (t("batch.kpi.urgent"), str(report.policies_with_urgent_gaps)),
            (t("batch.kpi.unusable"), str(len(report.failures))),
        ],
        "cover": [
            (t("batch.cover.date"), date),
            (t("batch.cover.edition"), edition_label(report.edition, lang_of(options))),
            (t("batch.cover.policies"), t("batch.cover.policies_value", audited=len(report.rows), files=report.files)),
            (t("batch.kpi.unusable"), str(len(report.failures))),
            (t("batch.cover.tool"), f"auditor {report.tool_version}"),
        ],
        "chapters": [
            {"words": chapter_short(area).split(" "), "short": chapter_short(area), "title": chapter_title(area)}
            for area in report.chapters
        ],
        "rows": rows,
        "scale": [(heat_class(step / 10), f"{step * 10}%") for step in range(11)],
        "most_failed": [
            {
                "rule_id": item.rule.rule_id,
                "title": pick(item.rule.title),
                "level": t(f"level.{item.rule.level}"),
                "severity": item.rule.severity,
                "severity_label": t(f"severity.{item.rule.severity}"),
                "section": item.rule.section,
                "failed": f"{item.failed} / {item.evaluated}",
                "share": percent(item.share),
                "bar": f"bar-{min(10, round(item.share * 10))}",
            }
            for item in report.most_failed[: options.top]
        ],
        "ranking": [
            {
                "rank": ranked.rank,
                "name": ranked.row.policy.entity_name,
                "code": ranked.row.policy.entity_code,
                "file": ranked.row.policy.file,
                "urgent_rules": ", ".join(ranked.row.urgent_rules),
                "urgent": ranked.row.total.urgent,
                "critical": ranked.row.total.critical,
                "must_failed": ranked.row.total.must_failed,
                "rate": percent(ranked.row.total.rate),
            }
            for ranked in report.ranking
            if ranked.row.total.must_failed
        ][: options.top],
        "top": options.top,
        "unusable": [
            {
                "file": failure.file,
                "line": failure.problems[0].line if failure.problems else None,
                "message": failure.problems[0].message if failure.problems else "",
                "more": len(failure.problems) - 1,
            }
            for failure in report.failures
        ],
        "tool_version": report.tool_version,
        "generated": t("batch.cover.generated", version=report.tool_version, date=date),
    }


def metadata(report: BatchReport, options: BatchOptions) -> DocumentMeta:
    """The document's metadata; its dates are the audit date, never the clock."""
    return DocumentMeta(
        title=f"{t('batch.page.title')} — {batch_title(report, options)}",
        date=report.audit_date.isoformat(),
        generator=f"auditor {report.tool_version}",
        description=t("batch.cover.subtitle"),
        author="auditor",
    )
