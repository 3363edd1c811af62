"""対策基準 §4 物理的セキュリティ."""

from __future__ import annotations

from typing import Literal

from auditor.policy.base import Section, declared


class Servers(Section):
    """4.1 サーバ等の管理."""

    environmental_protection: bool | None = declared("火災・水害・振動等からの保護と固定", True)
    critical_redundancy: bool | None = declared("重要なサーバの冗長化", True)
    ups: bool | None = declared("停電時に安全に停止できる予備電源 (UPS)", True)
    surge_protection: bool | None = declared("落雷等による過電流対策", True)
    cabling_protected: bool | None = declared("配線の損傷・盗聴防止と変更の許可制", True)
    periodic_maintenance: bool | None = declared("機器の定期保守", True)
    offsite_approval: bool | None = declared("庁外設置機器の CISO 承認と定期確認", True)
    disposal_wipe: bool | None = declared("機器廃棄・リース返却時の記憶装置の復元不可能な消去", True)


class ManagedArea(Section):
    """4.2 管理区域（情報システム室等）の管理."""

    hardened: bool | None = declared("侵入しにくい構造（施錠・耐震・防火・防水）", True)
    entry_control: Literal["ic_card", "biometric", "key", "none"] | None = declared("入退室管理の方式", "ic_card")
    entry_logged: bool | None = declared("入退室を記録するか", True)
    visitors_escorted: bool | None = declared("外部の者は職員が立ち会うか", True)
    equipment_moves_witnessed: bool | None = declared("機器の搬入出に職員が立ち会うか", True)


class Lines(Section):
    """4.3 通信回線及び通信回線装置の管理."""

    external_points_minimised: bool | None = declared("外部との接続点を必要最小限にしているか", True)
    conf2_encrypted: bool | None = declared("機密性2以上の情報を扱う回線の暗号化等", True)
    redundancy_for_availability2: bool | None = declared("可用性2の情報を扱う回線の冗長化", True)


class Endpoints(Section):
    """4.4 職員等の利用する端末や電磁的記録媒体等の管理."""

    theft_prevention: bool | None = declared("端末のワイヤー固定・媒体の施錠保管等の盗難防止", True)
    boot_password: bool | None = declared("ログインパスワードに加え BIOS/HDD パスワード等を併用", True)
    multi_factor: bool | None = declared("取り扱う情報の重要度に応じた多要素認証", True)
    disk_encryption: bool | None = declared("端末・媒体のデータ暗号化", True)
    mobile_used_offsite: bool | None = declared(
        "モバイル端末を庁外で業務に利用するか（true なら遠隔消去等が必要）(mobile devices used off-site)", True
    )
    mobile_remote_wipe: bool | None = declared("庁外で使うモバイル端末の遠隔消去等", True)


class Physical(Section):
    """物理的セキュリティ."""

    servers: Servers | None = declared("サーバ等の管理")
    managed_area: ManagedArea | None = declared("管理区域の管理")
    lines: Lines | None = declared("通信回線及び通信回線装置の管理")
    endpoints: Endpoints | None = declared("端末・電磁的記録媒体等の管理")
