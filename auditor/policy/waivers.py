"""例外措置 (guideline §7.4) as waivers of individual requirements: who approved what, why, until when."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from auditor.policy.base import FormatVersion, Section
from auditor.policy.semantics import waiver_dates_problem


class Approver(Section):
    """The person who approved the exception (the guideline has the CISO approve)."""

    role: str = Field(min_length=1, description="承認者の役職（例: CISO（副市長））", examples=["CISO（副市長）"])
    name: str = Field(min_length=1, description="承認者の氏名", examples=["山田 太郎"])


class Waiver(Section):
    """One approved exception to one requirement."""

    rule_id: str = Field(min_length=1, description="免除するルール ID（例: TW-004）", examples=["TW-004"])
    path: str | None = Field(default=None, description="対象を特定の項目に限る場合の項目パス（省略可）")
    justification: str = Field(min_length=1, description="例外措置の理由と代替措置", examples=["代替措置として…"])
    approver: Approver = Field(description="承認者")
    approved_on: dt.date = Field(description="承認日", examples=["2026-04-01"])
    expires_on: dt.date = Field(description="有効期限（この日まで有効）", examples=["2027-03-31"])
    ticket: str | None = Field(default=None, description="申請書番号等（任意）")

    @model_validator(mode="after")
    def _expiry_after_approval(self) -> Waiver:
        problem = waiver_dates_problem(self.approved_on, self.expires_on)
        if problem is not None:
            raise ValueError(problem)
        return self


class WaiverFile(Section):
    """A side file of waivers (``auditor audit --waivers FILE``): the policy's ``waivers:`` list on its own."""

    schema_version: FormatVersion = Field(default=1, description="例外措置ファイル形式の版（現在 1）")
    waivers: list[Waiver] = Field(description="例外措置（§7.4）の一覧")
