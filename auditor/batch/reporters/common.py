"""Labels and number formats shared by the batch reporters (so every format says the same thing)."""

from __future__ import annotations

from auditor.audit.engine import MODEL_NAMES
from auditor.batch.summary import CHAPTER_SHORT, Cell
from auditor.i18n import pick
from auditor.rules.rule import AREA_CHAPTERS


def chapter_short(area: str) -> str:
    """Column heading of a chapter in the current language."""
    return pick(CHAPTER_SHORT[area])


def chapter_title(area: str) -> str:
    """Full chapter title in the current language."""
    return pick(AREA_CHAPTERS[area][1])


def model_name(model: str) -> str:
    """α, α', β or β'."""
    return MODEL_NAMES.get(model, model)


def percent(rate: float | None, digits: int = 0) -> str:
    """``87%``, or ``-`` when nothing was evaluated."""
    return "-" if rate is None else f"{rate * 100:.{digits}f}%"


def cell_text(cell: Cell | None) -> str:
    """A matrix cell as text: compliance rate and, in brackets, the 必須 failures."""
    if cell is None or not cell.evaluated:
        return "-"
    return f"{percent(cell.rate)} ({cell.must_failed})"


def rate_value(rate: float | None) -> float | None:
    """A rate rounded for machine-readable output (4 decimals), or None."""
    return None if rate is None else round(rate, 4)
