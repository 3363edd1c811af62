"""対策基準 §3 情報システム全体の強靱性の向上: the declared 三層の対策 model and its three segments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from auditor.policy.base import Frequency, NetworkModel, Section, declared

SpecificLink = Literal["eltax", "pittari", "mic_approved", "other"]
"""国が認めた特定通信: eLTAX, ぴったりサービス, その他国が認めたもの; 'other' is anything else."""


WirelessAuth = Literal["psk", "eap_password", "eap_tls_client_certificate"]
"""無線LANの認証: psk（事前共有鍵）/ eap_password（IEEE802.1X、ID・パスワード）/ eap_tls_client_certificate
（IEEE802.1X、正規の端末に配付したクライアント証明書: EAP-TLS 等の機器認証）."""


class ScreenTransfer(Section):
    """マイナンバー利用事務系に係る画面転送 (R7.3: 信頼される特定先との接続に限り、各団体の判断で採用)."""

    adopted: bool | None = declared("画面転送を採用しているか (screen transfer adopted)", False)
    peers: list[str] | None = declared(
        "画面転送で接続する信頼される特定先（システム・端末群）(the trusted specific peers)", ["LGWAN接続系 業務端末"]
    )
    risk_assessed: bool | None = declared(
        "マルウェア感染や通信の盗聴などのリスクを勘案して採用を判断し、記録しているか "
        "(decision weighing the risks recorded)",
        True,
    )


class MyNumberSegment(Section):
    """マイナンバー利用事務系."""

    isolated: bool | None = declared(
        "他の領域と通信できないよう分離しているか (isolated)。R7.3 以降は画面転送で信頼される特定先との接続を除く",
        True,
    )
    internet_link: Literal["none", "indirect", "direct"] | None = declared(
        "インターネットとの通信経路: none（遮断）", "none"
    )
    lgwan_link: Literal["none", "allowlisted_only", "open"] | None = declared(
        "LGWAN接続系との通信: none / allowlisted_only（業務上必要なものに限定）/ open", "allowlisted_only"
    )
    specific_links: list[SpecificLink] | None = declared(
        "許可している特定通信（eltax, pittari, mic_approved）(specific national links)", ["eltax", "pittari"]
    )
    path_restriction: list[Literal["ip", "mac", "port"]] | None = declared(
        "外部との通信経路の限定方法 (path restriction)", ["ip", "mac", "port"]
    )
    terminal_auth_factors: int | None = Field(
        default=None, ge=1, le=3, description="端末ログインの認証要素数（二要素認証なら 2）", examples=[2]
    )
    removable_media: Literal["blocked", "allowlisted_devices_only", "allowed"] | None = declared(
        "USB メモリ等の電磁的記録媒体による持ち出し", "blocked"
    )
    remote_access: Literal["prohibited", "via_screen_transfer", "allowed"] | None = declared(
        "外部（テレワーク等）からのリモートアクセス: prohibited / "
        "via_screen_transfer（画面転送の例外の範囲に限る）/ allowed",
        "prohibited",
    )
    screen_transfer: ScreenTransfer | None = declared("画面転送（R7.3）(screen transfer)")
    wireless_lan: bool | None = declared("マイナンバー利用事務系で無線 LAN を利用しているか (wireless LAN used)", False)
    wireless_auth: WirelessAuth | None = declared(
        "無線 LAN の認証方式（R7.3: eap_tls_client_certificate）(wireless authentication)", "eap_tls_client_certificate"
    )
    wireless_access_log_reviewed: bool | None = declared(
        "無線 LAN のアクセスログの取得・確認 (wireless access logs collected and reviewed)", True
    )
    wireless_firmware_current: bool | None = declared(
        "無線 LAN 機器のファームウェア・OS 等の最新化 (wireless equipment firmware and OS kept current)", True
    )


class LgwanSegment(Section):
    """LGWAN接続系."""

    internet_link: Literal["separated", "open"] | None = declared(
        "インターネット接続系との通信経路: separated（分割し必要な通信のみ許可）", "separated"
    )
    inbound_mail: Literal["text_only", "sanitized", "raw"] | None = declared(
        "インターネットからのメールの取込み: text_only（テキスト化）/ sanitized（無害化）/ raw", "sanitized"
    )
    inbound_files: Literal["sanitized", "verified_clean", "raw"] | None = declared(
        "インターネットからのファイルの取込み: sanitized（無害化）/ verified_clean（危険因子なしを確認）", "sanitized"
    )
    internet_browsing: Literal["none", "screen_transfer", "virtual_browser", "direct"] | None = declared(
        "LGWAN接続系端末からのインターネット閲覧方式", "screen_transfer"
    )
    local_breakout: Literal["none", "restricted_saas", "unrestricted"] | None = declared(
        "LGWAN接続系端末からのローカルブレイクアウト（α'モデルのみ restricted_saas）", "none"
    )
    lbo_destinations: list[str] | None = declared(
        "ローカルブレイクアウト先として許可したクラウドサービス（α'）", ["Microsoft 365"]
    )
    tenant_restriction: bool | None = declared("接続先テナントを自団体に限定しているか（α'）", True)
    wireless_lan: bool | None = declared("LGWAN接続系で無線 LAN を利用しているか (wireless LAN used)", False)
    wireless_auth: WirelessAuth | None = declared(
        "無線 LAN の認証方式（R6.10 まで: IEEE802.1X、R7.3: eap_tls_client_certificate）(wireless authentication)",
        "eap_tls_client_certificate",
    )
    cloud_inbound_files: Literal["sanitized", "scanned", "raw"] | None = declared(
        "クラウドサービスから LGWAN接続系へ取り込むファイルの措置（α'）", "sanitized"
    )
    business_system_access: Literal["local", "screen_transfer", "direct"] | None = declared(
        "インターネット接続系の端末から LGWAN接続系業務システムへのアクセス方式（β）", "screen_transfer"
    )
    lbo_endpoint_edr: bool | None = declared(
        "ブレイクアウトする LGWAN接続系端末の EDR 等のエンドポイント対策（α'）(EDR on breakout terminals)", True
    )
    cloud_mfa: bool | None = declared(
        "ブレイクアウト先クラウドサービスへの多要素認証（α'）(MFA to the cloud services)", True
    )
    lbo_traffic_monitoring: bool | None = declared(
        "ブレイクアウト通信のログ取得と監視（α'）(breakout traffic logged and monitored)", True
    )


class InternetMonitoring(Section):
    """インターネット接続系の監視."""

    packet: bool | None = declared("通信パケットの監視", True)
    behavior: bool | None = declared("ふるまい検知", True)
    logs: bool | None = declared("ログの取得・管理", True)


class InternetSegment(Section):
    """インターネット接続系."""

    security_cloud: Literal["joined", "not_joined"] | None = declared(
        "自治体情報セキュリティクラウドへの参加（インターネット接続口の集約）", "joined"
    )
    monitoring: InternetMonitoring | None = declared("通信監視・ふるまい検知・ログ管理")
    epp: bool | None = declared("端末に EPP（エンドポイント保護）を導入しているか", True)
    edr: bool | None = declared("端末に EDR（検知・対応）を導入しているか", True)
    soc_monitoring: Frequency | None = declared("SOC 等による監視: continuous（常時）", "continuous")
    sensitive_data: Literal["prohibited", "allowed"] | None = declared(
        "重要な情報資産（個人情報等）をインターネット接続系に置くこと", "prohibited"
    )
    business_systems_hosted: bool | None = declared("業務システムをインターネット接続系に置いているか（β'）", False)
    per_asset_access_control: bool | None = declared("情報資産単位のアクセス制御（β'）", True)
    business_system_mfa: bool | None = declared("業務システムへの多要素認証（β'）", True)
    mynumber_systems_hosted: bool | None = declared(
        "マイナンバー利用事務系のシステムをインターネット接続系に置いているか（どのモデルでも不可）"
        "(My Number systems placed in the internet segment; never allowed)",
        False,
    )
    own_internet_gateway: bool | None = declared(
        "セキュリティクラウドを経由しない独自のインターネット接続口があるか (own internet exit bypassing the "
        "security cloud)",
        False,
    )


class Segments(Section):
    """三層: マイナンバー利用事務系 / LGWAN接続系 / インターネット接続系."""

    mynumber: MyNumberSegment | None = declared("マイナンバー利用事務系")
    lgwan: LgwanSegment | None = declared("LGWAN接続系")
    internet: InternetSegment | None = declared("インターネット接続系")


class Network(Section):
    """The declared network model and the controls of each segment."""

    model: NetworkModel = Field(
        description="三層の対策のモデル: alpha（α）/ alpha_prime（α'）/ beta（β）/ beta_prime（β'）",
        examples=["alpha"],
    )
    segments: Segments | None = declared("三層それぞれの対策")
