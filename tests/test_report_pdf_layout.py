"""Where things land on the PDF's pages: the waiver register's columns and the cover's policy path.

Read back with pypdf: its text visitor gives each text run with its position, so a badge that
spills into the next column or a ticket number broken over two lines shows in the runs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli, run_installed
from tests.report_helpers import texts

WAIVED = EXAMPLES / "alpha-prime-city.yaml"
TICKET = "デジ推第2026-031号"
"""The ticket of that policy's one waiver, which expires on 2027-03-31."""
AFTER_EXPIRY = "2028-06-01"
BADGE_PADDING_PT = 6.0
"""At least this much room between the end of a badge's text and the next column's text: the badge's
own padding and border plus the cell's padding. A badge overflowing its column leaves less."""


@dataclass(frozen=True)
class Run:
    """One text run drawn on a page: where it starts (PDF points) and its font size."""

    x: float
    y: float
    size: float
    text: str


def runs(page: Any) -> list[Run]:
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            found.append(Run(x, y, size * tm[0] * cm[0], text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def register_page(pdf: Path, heading: str) -> Any:
    """The page with the waiver register's table (its heading row)."""
    return next(page for page in PdfReader(pdf).pages if heading in (page.extract_text() or ""))


def test_expired_badge_stays_in_its_column_and_the_ticket_is_one_token(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run_cli("audit", WAIVED, "--format", "pdf", "-o", target, "--date", AFTER_EXPIRY, "--fail-on", "none")
    assert result.code == 0, result.stderr
    drawn = runs(register_page(target, "理由・代替措置"))
    (badge,) = [run for run in drawn if run.text == "期限切れ"]
    row = sorted((run for run in drawn if abs(run.y - badge.y) < 2 and run.x > badge.x), key=lambda run: run.x)
    assert row, "the justification follows the badge in the same row"
    badge_end = badge.x + len(badge.text) * badge.size  # full-width glyphs: one em each
    assert row[0].x - badge_end >= BADGE_PADDING_PT, (badge, row[0])
    assert [run.text for run in drawn if TICKET in run.text] == [TICKET]  # whole, on one line of its own


def test_english_badge_and_ticket(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = run_cli(
        "audit", WAIVED, "--format", "pdf", "-o", target, "--date", AFTER_EXPIRY, "--fail-on", "none", "--lang", "en"
    )
    assert result.code == 0, result.stderr
    lines = "\n".join(texts(target)).splitlines()
    assert any(line.split() and line.split()[0] == TICKET for line in lines)
    drawn = runs(register_page(target, "Justification"))
    assert [run.text for run in drawn if run.text.startswith("expired")] == ["expired"]


def test_cover_shows_the_policy_path_as_given(tmp_path: Path) -> None:
    """Run from a working directory with a relative path: the cover and the findings show that path."""
    (tmp_path / "policies").mkdir()
    shutil.copy(EXAMPLES / "alpha-town.yaml", tmp_path / "policies" / "town.yaml")
    (tmp_path / "out").mkdir()
    result = run_installed(
        "audit",
        "policies/town.yaml",
        "--format",
        "pdf",
        "-o",
        "out/report.pdf",
        "--date",
        AUDIT_DATE,
        "--fail-on",
        "none",
        cwd=tmp_path,
        timeout=120,
    )
    assert result.code == 0, result.stderr
    pages = texts(tmp_path / "out" / "report.pdf")
    assert "ポリシーファイル policies/town.yaml" in pages[0].splitlines()
    whole = "\n".join(pages)
    assert "policies/town.yaml:" in whole  # the findings' policy lines
    assert str(tmp_path) not in whole and str(tmp_path.resolve()) not in whole
