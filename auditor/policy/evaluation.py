"""対策基準 §9 評価・見直し: audit, self-check and policy review."""

from __future__ import annotations

import datetime as dt

from auditor.policy.base import Frequency, Section, declared


class Audit(Section):
    """9.1 監査."""

    frequency: Frequency | None = declared("情報セキュリティ監査の頻度（毎年度 = annual）", "annual")
    independent: bool | None = declared("被監査部門から独立した専門知識を有する者が行うか", True)
    external: bool | None = declared("外部監査を実施するか", True)
    last_performed_on: dt.date | None = declared("直近の監査実施日", "2025-11-30")
    reported_to_committee: bool | None = declared("監査結果を情報セキュリティ委員会に報告するか", True)
    evidence_retained: bool | None = declared("監査証拠・監査調書の保管", True)
    findings_tracked: bool | None = declared("指摘事項への対処の指示と追跡", True)
    uses_mic_audit_guideline: bool | None = declared("総務省の監査ガイドラインの監査項目を用いるか", True)


class SelfCheck(Section):
    """9.2 自己点検."""

    frequency: Frequency | None = declared("自己点検の頻度（毎年度 = annual）", "annual")
    reported_to_committee: bool | None = declared("結果と改善策を委員会に報告するか", True)


class Review(Section):
    """9.3 情報セキュリティポリシー及び関係規程等の見直し."""

    frequency: Frequency | None = declared("ポリシーの評価・見直しの頻度（毎年度 = annual）", "annual")
    on_major_change: bool | None = declared("重大な変化があったときに見直すか", True)
    last_reviewed_on: dt.date | None = declared("直近の見直し日", "2026-03-31")


class Evaluation(Section):
    """評価・見直し."""

    audit: Audit | None = declared("監査")
    self_check: SelfCheck | None = declared("自己点検")
    review: Review | None = declared("見直し")
