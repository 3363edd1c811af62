"""対策基準 §7 運用: monitoring, compliance, incident response, exceptions, law, discipline."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from auditor.policy.base import Frequency, Section, declared

PlanContent = Literal["contacts", "reporting", "response", "recovery", "prevention"]
Law = Literal[
    "local_public_service_act",  # 地方公務員法
    "copyright_act",  # 著作権法
    "unauthorized_access_act",  # 不正アクセス行為の禁止等に関する法律
    "personal_information_protection_act",  # 個人情報の保護に関する法律
    "my_number_act",  # 行政手続における特定の個人を識別するための番号の利用等に関する法律
    "cybersecurity_basic_act",  # サイバーセキュリティ基本法
    "local_autonomy_act",  # 地方自治法
]


ExceptionApprover = Literal["ciso", "general_security_officer", "section_manager", "none"]


class IncidentResponsePlan(Section):
    """7.3 侵害時の対応等: 緊急時対応計画."""

    defined: bool | None = declared("緊急時対応計画を策定しているか", True)
    contents: list[PlanContent] | None = declared(
        "計画に定める事項（連絡先・報告・対応・復旧・再発防止）",
        ["contacts", "reporting", "response", "recovery", "prevention"],
    )
    bcp_aligned: bool | None = declared("業務継続計画 (BCP) との整合", True)
    review: Frequency | None = declared("計画の見直しの頻度", "annual")
    recovery_time_objective_hours: int | None = Field(
        default=None, ge=0, le=8760, description="重要システムの目標復旧時間（時間）", examples=[72]
    )


class ExceptionProcess(Section):
    """7.4 例外措置."""

    approver: ExceptionApprover | None = declared("例外措置の許可者", "ciso")
    emergency_post_report: bool | None = declared("緊急時に事後速やかに報告するか", True)
    register_kept: bool | None = declared("申請書・審査結果を保管し定期的に確認するか", True)


class Operations(Section):
    """運用."""

    monitoring: Frequency | None = declared("情報システムの監視: continuous（常時）", "continuous")
    external_systems_monitored: bool | None = declared("外部と常時接続するシステムの常時監視", True)
    compliance_checks: Frequency | None = declared("ポリシー遵守状況の確認の頻度", "annual")
    configuration_checks: bool | None = declared("システム設定のポリシー適合の定期確認", True)
    investigation_rights: bool | None = declared("不正調査のための端末ログ・メール記録等の調査権限", True)
    failure_records: bool | None = declared("システム障害の記録", True)
    incident_response_plan: IncidentResponsePlan | None = declared("緊急時対応計画")
    expert_support: bool | None = declared("専門家の支援体制の確保", True)
    exceptions: ExceptionProcess | None = declared("例外措置の手続")
    laws: list[Law] | None = declared(
        "遵守すべき関係法令",
        [
            "local_public_service_act",
            "copyright_act",
            "unauthorized_access_act",
            "personal_information_protection_act",
            "my_number_act",
            "cybersecurity_basic_act",
            "local_autonomy_act",
        ],
    )
    disciplinary_rules: bool | None = declared("違反時の懲戒処分等", True)
