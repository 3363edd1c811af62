"""対策基準 §1 組織体制: roles, committee, segregation of duties and the CSIRT."""

from __future__ import annotations

from typing import Literal

from auditor.policy.base import Section, declared

EscalationTarget = Literal["prefecture", "mic", "nisc", "jlis", "police", "ppc"]
"""報告先: 都道府県, 総務省, 内閣サイバーセキュリティセンター, J-LIS, 警察, 個人情報保護委員会."""


class Role(Section):
    """A role the guideline asks for."""

    appointed: bool | None = declared("任命・指定しているか (appointed)", True)
    title: str | None = declared("充てる職 (e.g. 副市長, 総務部長)")


class Committee(Section):
    """情報セキュリティ委員会."""

    established: bool | None = declared("設置しているか (established)", True)
    chair: str | None = declared("委員長 (chair)", "CISO")
    meetings_per_year: int | None = declared("年間開催回数 (meetings per year)", 2)


class SegregationOfDuties(Section):
    """兼務の禁止."""

    requester_not_approver: bool | None = declared("承認等の申請者と承認者の兼務を禁止しているか", True)
    auditor_not_auditee: bool | None = declared("監査を受ける者と監査を行う者の兼務を禁止しているか", True)


class Csirt(Section):
    """CSIRT の設置・役割."""

    established: bool | None = declared("CSIRT を設置しているか (established)", True)
    lead_designated: bool | None = declared("CSIRT 責任者を置いているか (lead designated)", True)
    roles_defined: bool | None = declared("CSIRT の役割を明確にしているか (roles defined)", True)
    single_contact_point: bool | None = declared("統一的な窓口を整備しているか (single point of contact)", True)
    escalation_to: list[EscalationTarget] | None = declared(
        "重大インシデントの報告先（ppc: 個人情報保護委員会）(escalation targets)",
        ["prefecture", "mic", "police", "ppc"],
    )
    operational: bool | None = declared("実働できる体制か（連絡網・当番・手順）(operational)", True)


class Organisation(Section):
    """組織体制."""

    ciso: Role | None = declared("最高情報セキュリティ責任者 (CISO)")
    general_security_officer: Role | None = declared("統括情報セキュリティ責任者 (general security officer)")
    department_security_officers: Role | None = declared("情報セキュリティ責任者（部局ごと）")
    section_security_managers: Role | None = declared("情報セキュリティ管理者（課室ごと）")
    system_managers: Role | None = declared("情報システム管理者 (system managers)")
    system_operators: Role | None = declared("情報システム担当者 (system operators)")
    security_committee: Committee | None = declared("情報セキュリティ委員会 (security committee)")
    segregation_of_duties: SegregationOfDuties | None = declared("兼務の禁止 (segregation of duties)")
    csirt: Csirt | None = declared("CSIRT")
    ciso_advisor: Role | None = declared("最高情報セキュリティアドバイザー (CISO advisor)")
