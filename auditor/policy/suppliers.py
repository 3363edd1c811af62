"""対策基準 §8 業務委託と外部サービス（クラウドサービス）の利用, and social media."""

from __future__ import annotations

from typing import Literal

from auditor.policy.base import Section, declared

ContractClause = Literal[
    "policy_compliance",  # ポリシー・実施手順の遵守
    "responsible_persons",  # 責任者・作業者の明確化
    "work_location",  # 作業場所
    "service_levels",  # 提供されるサービスレベル
    "access_scope",  # アクセスできる情報と範囲
    "staff_training",  # 従業員への教育
    "no_secondary_use",  # 目的外利用の禁止
    "confidentiality",  # 守秘義務
    "subcontract_restriction",  # 再委託の制限
    "return_and_disposal",  # 情報の返還・廃棄
    "incident_reporting",  # 事故時の報告
    "audit_rights",  # 監査・検査
    "disclosure_on_breach",  # 違反時の公表
    "liability",  # 損害賠償
]

CloudContractTerm = Literal[
    "data_location",  # データの保存場所（所在）
    "governing_law_japan",  # 準拠法・裁判管轄（日本）
    "audit",  # 監査の受入れ
    "exit_deletion",  # 終了時のデータの返却・消去
    "incident_notification",  # 事故時の報告
    "service_levels",  # サービスレベル
]


class ItOutsourcing(Section):
    """8.2 情報システムに関する業務委託 (R6.10)."""

    requirements_defined: bool | None = declared("情報システムの委託で委託事業者に求める対策を定めているか", True)
    vendor_access_controlled: bool | None = declared("委託事業者のアクセス（リモート保守等）の管理", True)
    work_records: bool | None = declared("委託事業者の作業記録の確認", True)
    vulnerability_handling: bool | None = declared("委託事業者による脆弱性対応・報告", True)
    supply_chain_integrity: bool | None = declared(
        "意図しない変更・不正プログラムの混入への対策を求めているか (supply-chain integrity)", True
    )
    build_exit_controls: bool | None = declared(
        "構築時・契約終了時の対策（引継ぎ、データの返却・消去）(build and exit controls)", True
    )
    vendor_media_controlled: bool | None = declared(
        "委託事業者による電磁的記録媒体の持込み・持出しの管理 (vendor media carry-in/out)", True
    )


class Outsourcing(Section):
    """8.1 業務委託."""

    operating_rules_defined: bool | None = declared(
        "業務委託に係る運用規程（手続・管理方法）を整備しているか (outsourcing operating rules)",
        True,
    )
    vendor_selection_checks: bool | None = declared("委託事業者選定時のセキュリティ確認（ISMS 認証等）", True)
    contract_clauses: list[ContractClause] | None = declared(
        "契約に明記する事項",
        [
            "policy_compliance",
            "responsible_persons",
            "work_location",
            "service_levels",
            "access_scope",
            "staff_training",
            "no_secondary_use",
            "confidentiality",
            "subcontract_restriction",
            "return_and_disposal",
            "incident_reporting",
            "audit_rights",
            "disclosure_on_breach",
            "liability",
        ],
    )
    subcontract_approval: bool | None = declared("再委託の事前承認", True)
    subcontract_equal_obligations: bool | None = declared(
        "再委託先にも委託事業者と同等の義務を課しているか (equal obligations on subcontractors)", True
    )
    periodic_review: bool | None = declared("委託事業者の対策状況の定期確認と CISO への報告", True)
    vendor_audit: bool | None = declared("委託事業者（再委託先を含む）への監査・検査", True)
    it_systems: ItOutsourcing | None = declared("情報システムに関する業務委託")


class GovCloud(Section):
    """ガバメントクラウド / 標準準拠システム (R5.3)."""

    used: bool | None = declared("標準準拠システム等でガバメントクラウドを利用しているか", True)
    responsibility_split_defined: bool | None = declared("国・団体・事業者の責任分界を明確にしているか", True)


class ExternalServices(Section):
    """8.3–8.4 外部サービス（クラウドサービス）の利用."""

    used_for_conf2_plus: bool | None = declared("機密性2以上の情報を外部サービスで扱うか", True)
    conf2_rules_defined: bool | None = declared(
        "機密性2以上を扱う外部サービスの規定（利用範囲・選定基準・手続・管理者）を整備しているか",
        True,
    )
    ismap: Literal["required", "preferred", "not_considered"] | None = declared(
        "選定時の ISMAP 等の登録サービスの扱い", "required"
    )
    contract_terms: list[CloudContractTerm] | None = declared(
        "契約で確認する事項",
        [
            "data_location",
            "governing_law_japan",
            "audit",
            "exit_deletion",
            "incident_notification",
            "service_levels",
        ],
    )
    usage_approval: bool | None = declared("利用の承認手続", True)
    lifecycle_controls: bool | None = declared("導入・運用・更改・廃棄時の対策（設定・ログ・データ消去）", True)
    low_sensitivity_procedure: bool | None = declared("機密性2以上を扱わない外部サービスの利用手続", True)
    gov_cloud: GovCloud | None = declared("ガバメントクラウド")


class SocialMedia(Section):
    """8.5 ソーシャルメディアサービスの利用."""

    used: bool | None = declared("公式アカウントを運用しているか", True)
    spoofing_countermeasures: bool | None = declared("なりすまし対策（自団体サイトからの参照等）", True)
    account_protection: bool | None = declared("認証情報の管理・多要素認証等の不正アクセス対策", True)
    conf2_posting_prohibited: bool | None = declared("機密性2以上の情報の発信禁止", True)
    owner_named: bool | None = declared("アカウントごとの責任者の明確化", True)
    availability2_mirrored: bool | None = declared("可用性2の情報は自団体 Web サイトにも掲載", True)
