"""The evidence, the cited clauses and the progress of an audit as the human-readable reports show them.

Part of the report view (:mod:`auditor.reporters.view`): plain strings in the report's language,
built once for every format (PDF, HTML, Markdown, xlsx).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor.audit.results import AuditResult, EvidenceRef, Outcome, Progress
from auditor.evidence.model import Citation, EvidenceRecord
from auditor.i18n import Lang, pick
from auditor.i18n import translate as tr
from auditor.rules.rule import AREA_CHAPTERS

ATTENTION_STATES = frozenset({"not_confirmed", "expired", "partial"})


@dataclass(frozen=True)
class RecordView:
    """One reviewed-evidence record, labelled."""

    rule_id: str
    what: str
    where: str
    reviewer: str
    reviewed_on: str
    method: str
    result: str
    valid_until: str
    note: str
    citation: str

    @property
    def summary(self) -> str:
        """``監査報告書（閲覧、情報政策課 佐藤、2026-11-20）``."""
        who = "、".join(part for part in (self.method, self.reviewer, self.reviewed_on) if part)
        return f"{self.what}（{who}）"


@dataclass(frozen=True)
class EvidenceView:
    """The evidence behind one outcome."""

    state: str
    state_label: str
    decided: bool
    expires_on: str
    records: list[RecordView]
    attention: bool

    @property
    def line(self) -> str:
        """The evidence in one line: the state, then each record."""
        return f"{self.state_label}: " + " ／ ".join(record.summary for record in self.records)


@dataclass(frozen=True)
class EvidenceEntryView:
    """One record in the evidence register (証跡一覧), with what became of it."""

    record: RecordView
    title: str
    state: str
    state_label: str
    attention: bool
    expires_on: str
    days_left: int
    source: str


@dataclass(frozen=True)
class ClauseView:
    """One clause of the body's own documents cited by the report (根拠条文一覧)."""

    place: str
    quote: str
    label: str
    rules: list[str]


@dataclass(frozen=True)
class ChapterProgressView:
    """One chapter before and now."""

    area: str
    title: str
    before_rate: float | None
    after_rate: float | None
    before_label: str
    after_label: str
    delta_label: str
    improved: list[str]
    regressed: list[str]
    added: int


@dataclass(frozen=True)
class ProgressView:
    """The comparison with a previous audit."""

    file: str
    previous_date: str
    improved: int
    regressed: int
    chapters: list[ChapterProgressView]


def record_view(record: EvidenceRecord, lang: Lang) -> RecordView:
    """A record with its labels in ``lang``."""
    return RecordView(
        rule_id=record.rule_id,
        what=record.what,
        where=record.where or "",
        reviewer=record.reviewer or tr("evidence.nobody", lang),
        reviewed_on=record.reviewed_on.isoformat(),
        method=record.method,
        result=record.result,
        valid_until=record.valid_until.isoformat() if record.valid_until else "",
        note=record.note or "",
        citation=record.citation.label() if record.citation else "",
    )


def evidence_view(ref: EvidenceRef | None, lang: Lang) -> EvidenceView | None:
    """The evidence of one outcome, or None."""
    if ref is None:
        return None
    state = ref.state if ref.decided else "informative"
    return EvidenceView(
        state=ref.state,
        state_label=tr(f"evidence.state.{state}", lang),
        decided=ref.decided,
        expires_on=ref.expires_on.isoformat(),
        records=[record_view(record, lang) for record in ref.records],
        attention=ref.decided and ref.state in ATTENTION_STATES,
    )


def status_label(outcome: Outcome, lang: Lang) -> str:
    """The status as the visual reports show it: ``適合(証跡)`` when reviewed evidence settled it."""
    if outcome.evidence is not None and outcome.evidence.decided and outcome.status in ("pass", "fail"):
        return tr(f"status.{outcome.status}_evidence", lang)
    return tr(f"status.{outcome.status}", lang)


def register_view(result: AuditResult, titles: dict[str, str], lang: Lang) -> list[EvidenceEntryView]:
    """The evidence register of ``result``."""
    return [
        EvidenceEntryView(
            record=record_view(entry.record, lang),
            title=titles.get(entry.rule_id, "—"),
            state=entry.state,
            state_label=tr(f"evidence.state.{entry.state}", lang),
            attention=entry.state in ATTENTION_STATES,
            expires_on=entry.expires_on.isoformat(),
            days_left=entry.days_left,
            source=f"{entry.file}:{entry.line}" if entry.line else entry.file,
        )
        for entry in result.evidence
    ]


def clauses_view(outcomes: Sequence[Outcome]) -> list[ClauseView]:
    """Every clause cited by the outcomes, once, with the rules citing it."""
    clauses: dict[Citation, list[str]] = {}
    for outcome in outcomes:
        for citation in outcome.citations:
            clauses.setdefault(citation, []).append(outcome.rule_id)
    return [
        ClauseView(place=citation.place(), quote=citation.quote, label=citation.label(), rules=rules)
        for citation, rules in clauses.items()
    ]


def percent(rate: float | None, lang: Lang) -> str:
    """A rate as ``87.5%`` (or the language's "n/a")."""
    return tr("report.summary.rate_none", lang) if rate is None else f"{rate:.1%}"


def progress_view(progress: Progress | None, lang: Lang) -> ProgressView | None:
    """The comparison with a previous audit, or None."""
    if progress is None:
        return None
    chapters = []
    for chapter in progress.chapters:
        delta = ""
        if chapter.before_rate is not None and chapter.after_rate is not None:
            points = (chapter.after_rate - chapter.before_rate) * 100
            delta = f"{points:+.1f}pt" if abs(points) >= 0.05 else "±0"
        title = AREA_CHAPTERS.get(chapter.area, (99, {"ja": chapter.area, "en": chapter.area}))[1]
        chapters.append(
            ChapterProgressView(
                area=chapter.area,
                title=pick(title, lang),
                before_rate=chapter.before_rate,
                after_rate=chapter.after_rate,
                before_label=percent(chapter.before_rate, lang),
                after_label=percent(chapter.after_rate, lang),
                delta_label=delta,
                improved=list(chapter.improved),
                regressed=list(chapter.regressed),
                added=len(chapter.added),
            )
        )
    return ProgressView(
        file=progress.file,
        previous_date=progress.previous_date.isoformat() if progress.previous_date else "—",
        improved=progress.improved,
        regressed=progress.regressed,
        chapters=chapters,
    )
