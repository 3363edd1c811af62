"""Who the policy belongs to (団体) and the policy document itself (基本方針, 公表, 版)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from auditor.policy.base import Edition, EntityType, Section, declared
from auditor.policy.semantics import code_check_digit, code_problem, entity_type_problem

__all__ = ["BasicPolicy", "Entity", "ImplementingProcedures", "PolicyDocument", "code_check_digit"]


class Entity(Section):
    """The local body (地方公共団体) that declares the policy."""

    name: str = Field(min_length=1, max_length=100, description="団体名（例: 〇〇市）", examples=["みどり市"])
    name_en: str | None = Field(default=None, max_length=100, description="団体名の英語表記 (name in English)")
    code: str = Field(
        description="全国地方公共団体コード（6 桁、検査数字付き）。文字列として引用符で囲む",
        examples=["012343"],
    )
    type: EntityType = Field(description="団体の種類: municipality（市区町村）/ prefecture（都道府県）")

    @field_validator("code")
    @classmethod
    def _valid_code(cls, value: str) -> str:
        problem = code_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value

    @field_validator("type")
    @classmethod
    def _type_matches_code(cls, value: str, info: ValidationInfo) -> str:
        # Located at `type` (validated after `code`), so the message points at the line to fix.
        problem = entity_type_problem(info.data.get("code"), value)
        if problem is not None:
            raise ValueError(problem)
        return value


class BasicPolicy(Section):
    """情報セキュリティ基本方針 (basic policy) and what it sets out."""

    adopted: bool | None = declared("基本方針を策定しているか (basic policy adopted)", True)
    states_purpose: bool | None = declared("目的を定めているか (purpose stated)", True)
    defines_terms: bool | None = declared("用語を定義しているか (definitions)", True)
    threats_identified: bool | None = declared("対象とする脅威を定めているか (threats identified)", True)
    scope: list[str] | None = declared(
        "適用範囲とする機関（例: 市長部局、教育委員会、議会事務局、公営企業）(organisations in scope)",
        ["市長部局", "教育委員会", "選挙管理委員会", "監査委員", "議会事務局", "水道局"],
    )
    binds_all_staff: bool | None = declared(
        "会計年度任用職員を含む全職員等に遵守義務を課しているか (binds all staff incl. fixed-term)", True
    )
    mandates_audit_and_self_check: bool | None = declared(
        "監査及び自己点検の実施を定めているか (audit and self-check mandated)", True
    )
    mandates_review: bool | None = declared("ポリシーの見直しを定めているか (policy review mandated)", True)


class ImplementingProcedures(Section):
    """情報セキュリティ実施手順."""

    defined: bool | None = declared("実施手順を策定しているか (implementing procedures defined)", True)
    kept_confidential: bool | None = declared(
        "公開により支障がある実施手順を非公開としているか (kept non-public where disclosure would harm)", True
    )


StatutoryOrgan = Literal[
    "assembly",  # 議会
    "head",  # 長（知事・市区町村長）
    "board_of_education",  # 教育委員会
    "election_commission",  # 選挙管理委員会
    "audit_commissioners",  # 監査委員
    "personnel_commission",  # 人事委員会・公平委員会
    "agricultural_commission",  # 農業委員会
    "fixed_asset_review_board",  # 固定資産評価審査委員会
    "public_safety_commission",  # 公安委員会（都道府県）
    "labour_commission",  # 労働委員会（都道府県）
    "other_committee",  # その他の委員会・委員
]


class PolicyDocument(Section):
    """The policy document: which guideline edition it follows, version, adoption and publication."""

    guideline_edition: Edition = Field(
        description="準拠するガイドラインの版: R2.12 / R4.3 / R5.3 / R6.10 / R7.3",
        examples=["R7.3"],
    )
    version: str | None = declared("ポリシーの版数 (policy version)", "1.0")
    adopted_on: dt.date | None = declared("策定日 (adoption date, YYYY-MM-DD)", "2025-04-01")
    revised_on: dt.date | None = declared("最終改定日 (last revision date)", "2026-04-01")
    published: bool | None = declared("ポリシー（基本方針）を公表しているか (published)", True)
    published_on: dt.date | None = declared("直近の公表日 (last publication date)", "2026-04-01")
    publication_url: str | None = declared("公表先 URL (where it is published)", "https://www.example.lg.jp/security/")
    statutory_policy_adopted: bool | None = declared(
        "地方自治法（令和6年改正、令和8年4月1日施行）に基づくサイバーセキュリティ確保の方針を定めているか "
        "(statutory cybersecurity policy under the amended Local Autonomy Act)",
        True,
    )
    statutory_policy_organs: list[StatutoryOrgan] | None = declared(
        "方針を定めた（共同策定を含む）議会・執行機関: assembly（議会）, head（長）, board_of_education, "
        "election_commission, audit_commissioners, personnel_commission, agricultural_commission, "
        "fixed_asset_review_board, public_safety_commission, labour_commission, other_committee",
        ["assembly", "head", "board_of_education", "election_commission", "audit_commissioners"],
    )
    basic_policy: BasicPolicy | None = declared("情報セキュリティ基本方針 (basic policy)")
    standards_defined: bool | None = declared("情報セキュリティ対策基準を策定しているか (security standards)", True)
    implementing_procedures: ImplementingProcedures | None = declared("実施手順 (implementing procedures)")
