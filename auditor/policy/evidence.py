"""The policy's ``evidence:`` section: the evidence register kept in the policy file itself.

The fields are those of :class:`auditor.evidence.model.EvidenceRecord` (one model for every kind
of evidence: a test checks that both have the same members); this module only gives them the
policy schema's form, so that editors complete them and every mistake is reported at its line.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from auditor.policy.base import Section
from auditor.policy.semantics import evidence_dates_problem
from auditor.vocab import EvidenceMethod, EvidenceResult


class CitedClause(Section):
    """A clause of the body's own document that the evidence is (``auditor extract``'s citation)."""

    file: str = Field(min_length=1, description="文書ファイル")
    page: int | None = Field(default=None, ge=1, description="ページ")
    line: int | None = Field(default=None, ge=1, description="行（ページのない形式）")
    clause: str = Field(description="条項（例: 第12条第2項）")
    caption: str | None = Field(default=None, description="見出し")
    title: str | None = Field(default=None, description="文書名")
    quote: str = Field(min_length=1, max_length=2000, description="引用（文書の文言そのまま）")


class EvidenceEntry(Section):
    """Evidence a person reviewed for one requirement."""

    rule_id: str = Field(min_length=1, description="証跡で確認したルール ID（例: AUD-007）", examples=["AUD-007"])
    what: str = Field(
        min_length=1,
        description="確認した文書・記録（例: 令和7年度 情報セキュリティ監査報告書）",
        examples=["監査報告書"],
    )
    where: str | None = Field(default=None, description="所在・ページ（例: 情報政策課 共有フォルダ、p.3）")
    citation: CitedClause | None = Field(default=None, description="団体の文書の条項（auditor extract の引用）")
    reviewer: str | None = Field(default=None, description="確認者（所属・氏名）", examples=["情報政策課 佐藤 花子"])
    reviewed_on: dt.date = Field(description="確認日", examples=["2026-11-20"])
    method: EvidenceMethod = Field(description="確認方法: 閲覧 / 聴取 / 実地確認 / 設定確認", examples=["閲覧"])
    result: EvidenceResult = Field(description="確認結果: 確認済み / 確認できない / 一部確認", examples=["確認済み"])
    valid_until: dt.date | None = Field(
        default=None, description="有効期限（この日まで有効。省略時は確認日から1年、ルールが定めればそれ以内）"
    )
    note: str | None = Field(default=None, description="備考")

    @model_validator(mode="after")
    def _valid_after_review(self) -> EvidenceEntry:
        problem = evidence_dates_problem(self.reviewed_on, self.valid_until)
        if problem is not None:
            raise ValueError(problem)
        return self
