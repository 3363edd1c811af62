"""対策基準 §2 情報資産の分類と管理."""

from __future__ import annotations

from typing import Literal

from auditor.policy.base import Section, declared

ConfidentialityLevel = Literal["3A", "3B", "3C", "3", "2", "1"]
"""R6.10: 自治体機密性3A/3B/3C/2/1; earlier editions: 機密性3/2/1."""


class Classification(Section):
    """情報資産の分類."""

    scheme: Literal["jichitai_r6", "legacy"] | None = declared(
        "分類体系: jichitai_r6（R6.10 の自治体機密性 3A/3B/3C/2/1）/ legacy（機密性 3/2/1）", "jichitai_r6"
    )
    confidentiality_levels: list[ConfidentialityLevel] | None = declared(
        "機密性の区分 (confidentiality levels)", ["3A", "3B", "3C", "2", "1"]
    )
    integrity_levels: list[Literal["2", "1"]] | None = declared("完全性の区分 (integrity levels)", ["2", "1"])
    availability_levels: list[Literal["2", "1"]] | None = declared("可用性の区分 (availability levels)", ["2", "1"])


class Handling(Section):
    """情報資産の取扱い (作成から廃棄まで)."""

    storage_conf2_plus: Literal["locked", "write_protected_locked", "unrestricted"] | None = declared(
        "機密性2以上の記録媒体の保管 (storage)", "write_protected_locked"
    )
    transmission_conf2_plus: Literal["encrypted", "encrypt_or_password", "unrestricted"] | None = declared(
        "機密性2以上の情報の送信時の措置 (transmission)", "encrypted"
    )
    transport_conf2_plus: Literal["locked_and_encrypted", "approval_only", "unrestricted"] | None = declared(
        "機密性2以上の情報の運搬時の措置 (transport)", "locked_and_encrypted"
    )
    transport_approval: bool | None = declared("運搬に情報セキュリティ管理者の許可を要するか", True)
    external_provision_approval: bool | None = declared(
        "外部への提供に許可を要するか (approval to provide outside)", True
    )
    disposal: Literal["irrecoverable", "deleted", "unspecified"] | None = declared(
        "廃棄の方法: irrecoverable（復元不可能な処置）", "irrecoverable"
    )
    disposal_logged: bool | None = declared("廃棄の日時・担当者・処理内容を記録するか (disposal logged)", True)


class Assets(Section):
    """情報資産の分類と管理."""

    classification: Classification | None = declared("情報資産の分類 (classification)")
    owner_accountability: bool | None = declared("情報セキュリティ管理者が所管する情報資産の管理責任を負うか", True)
    labeling_required: bool | None = declared("分類の表示を義務付けているか (labeling)", True)
    classify_at_creation: bool | None = declared("作成時に分類と取扱制限を定めるか", True)
    business_use_only: bool | None = declared("業務以外の目的での利用を禁止しているか", True)
    inventory_maintained: bool | None = declared("情報資産管理台帳を整備しているか (asset inventory)", True)
    handling: Handling | None = declared("取扱い (handling)")
