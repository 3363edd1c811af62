"""自治体情報セキュリティクラウド: the prefecture as operator (standard requirements of R2.8.18)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from auditor.policy.base import Frequency, Section, declared


class SecurityCloud(Section):
    """都道府県が運営する自治体情報セキュリティクラウド."""

    operated: bool | None = declared("自治体情報セキュリティクラウドを運営しているか", True)
    participating_municipalities: int | None = Field(
        default=None, ge=0, le=300, description="参加している市区町村の数", examples=[30]
    )
    generation: int | None = Field(default=None, ge=1, le=3, description="世代（第二期 = 2、第三期 = 3）", examples=[2])
    standard_requirements_met: bool | None = declared("国の標準要件の必須項目をすべて満たしているか", True)
    consolidated_services: list[Literal["web", "mail_relay", "proxy", "dns"]] | None = declared(
        "集約して監視するサービス", ["web", "mail_relay", "proxy", "dns"]
    )
    gateway_controls: list[Literal["firewall", "ids_ips", "antimalware", "url_filter"]] | None = declared(
        "ゲートウェイでの対策", ["firewall", "ids_ips", "antimalware", "url_filter"]
    )
    mail_controls: list[Literal["antivirus", "antispam", "sandbox"]] | None = declared(
        "メールの対策", ["antivirus", "antispam", "sandbox"]
    )
    web_controls: list[Literal["waf", "cdn"]] | None = declared("公開 Web の対策", ["waf", "cdn"])
    soc_monitoring: Frequency | None = declared("SOC による監視（continuous = 24 時間 365 日）", "continuous")
    incident_notification: bool | None = declared("検知時の参加団体への通報", True)
    log_analysis: bool | None = declared("ログの収集・分析", True)
    log_retention_days: int | None = Field(
        default=None, ge=0, le=36500, description="ログの保存期間（日）", examples=[365]
    )
    operations: list[Literal["vulnerability_management", "csirt_liaison", "backup", "helpdesk"]] | None = declared(
        "運用（脆弱性管理・CSIRT 連携・バックアップ・ヘルプデスク）",
        ["vulnerability_management", "csirt_liaison", "backup", "helpdesk"],
    )
    options: list[Literal["tls_decryption", "sanitization", "edr_monitoring", "internet_vdi"]] | None = declared(
        "オプション（暗号化通信の復号・無害化・EDR 監視・インターネット接続系の仮想化）",
        ["tls_decryption", "sanitization"],
    )
    municipal_support: bool | None = declared("県内市区町村への支援（研修・助言・インシデント支援）", True)
