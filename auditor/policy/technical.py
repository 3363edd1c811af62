"""対策基準 §6 技術的セキュリティ."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from auditor.policy.base import Frequency, Section, declared


class Backup(Section):
    """6.1 バックアップ."""

    frequency: Frequency | None = declared("バックアップの頻度（冗長化に関わらず定期的に）", "daily")
    isolated: bool | None = declared("ランサムウェア等に備えた分離保管（オフライン・改ざん不可）", True)
    generations: int | None = Field(default=None, ge=0, le=1000, description="保持する世代数", examples=[3])
    restore_tested: bool | None = declared("復元手順を定期的に確認しているか", True)


class Logging(Section):
    """6.1 ログの取得等."""

    collected: bool | None = declared("各種ログを取得しているか", True)
    items_defined: bool | None = declared("取得するログの項目を定めているか", True)
    retention_days: int | None = Field(
        default=None,
        ge=0,
        le=36500,
        description=("ログの保存期間（日）。ガイドラインは一定期間の保存を求め、日数は各団体が定める"),
        examples=[365],
    )
    review: Frequency | None = declared("ログの点検・分析の頻度", "monthly")
    central_analysis: bool | None = declared("ログの集約・相関分析（SIEM 等）", True)
    time_synchronised: bool | None = declared("ログを取得する機器の時刻同期", True)
    tamper_protected: bool | None = declared("ログの改ざん・消去の防止", True)


class ChangeManagement(Section):
    """6.1 作業記録・変更管理、6.3 変更管理."""

    process_defined: bool | None = declared("情報システムの変更管理の手順", True)
    change_log: bool | None = declared("作業・変更の記録の作成と保管", True)
    two_person: bool | None = declared("重要な変更作業を 2 名以上で行う", True)


WirelessEncryption = Literal["wpa3", "wpa2_enterprise", "wpa2_personal", "wep", "none", "not_used"]


class NetworkControls(Section):
    """6.1 ネットワークの管理."""

    access_control: bool | None = declared("ファイアウォール等によるネットワークのアクセス制御", True)
    documents_restricted: bool | None = declared("ネットワーク構成図等の閲覧制限", True)
    external_user_systems_separated: bool | None = declared("外部の者が利用するシステムの分離", True)
    external_connection_approval: bool | None = declared("外部ネットワーク接続の事前許可", True)
    public_servers_behind_firewall: bool | None = declared("公開サーバの境界へのファイアウォール設置", True)
    unauthorised_devices_blocked: bool | None = declared("許可のない機器のネットワーク接続防止", True)
    device_identification: bool | None = declared("機器固有情報による接続端末の識別（NAC 等）", True)
    sensitive_traffic_encrypted: bool | None = declared(
        "機密性の高い情報を扱うネットワークの盗聴対策・暗号化 (encryption of networks carrying sensitive data)",
        True,
    )
    wireless_encryption: WirelessEncryption | None = declared(
        "無線 LAN の暗号化方式（not_used: 無線 LAN を使わない）", "wpa3"
    )


class Mail(Section):
    """6.1 電子メール."""

    relay_restricted: bool | None = declared("メールサーバの不正中継防止", True)
    auto_forward_prohibited: bool | None = declared("外部への自動転送の禁止", True)
    bcc_for_multiple_recipients: bool | None = declared("複数の外部宛先への送信時の BCC 等", True)
    personal_webmail_prohibited: bool | None = declared("無許可のフリーメール・オンラインストレージ利用の禁止", True)
    sender_authentication: bool | None = declared("送信ドメイン認証（SPF/DKIM/DMARC）", True)


class AccessControl(Section):
    """6.2 アクセス制御."""

    per_system: bool | None = declared("システムごとに権限のない者のアクセスを制限", True)
    id_lifecycle_hr_linked: bool | None = declared("異動・退職に伴う ID 管理と人事部門と連携した点検", True)
    privileged_ids_minimised: bool | None = declared("特権 ID の必要最小限化と厳重な管理", True)
    default_accounts_changed: bool | None = declared("初期設定の管理者 ID・パスワードの変更", True)
    privileged_session_limited: bool | None = declared("特権による接続時間の必要最小限化", True)
    last_login_display: bool | None = declared("ログイン時の前回ログイン日時等の表示", True)
    login_attempts_limited: bool | None = declared("ログイン試行回数の制限 (login attempts limited)", True)
    session_timeout_set: bool | None = declared("アクセスタイムアウトの設定 (session time-out set)", True)
    credential_store_protected: bool | None = declared(
        "認証情報（パスワード等）の厳重な管理と仮パスワードの変更強制 (credential store protection)",
        True,
    )


class Development(Section):
    """6.3 システム開発、導入、保守等."""

    procurement_security_requirements: bool | None = declared("調達仕様書にセキュリティ機能を明記", True)
    environments_separated: bool | None = declared("開発環境と運用環境の分離", True)
    no_production_data_in_tests: bool | None = declared("テストに個人情報等の実データを使わない", True)
    acceptance_testing: bool | None = declared("導入前の受入テスト", True)
    documentation_kept: bool | None = declared(
        "開発・保守に関する資料（仕様書・ソースコード等）の整備・保管 (development documentation kept)",
        True,
    )


class Malware(Section):
    """6.4 不正プログラム対策."""

    gateway_scanning: bool | None = declared("外部との送受信ファイルのゲートウェイでの検査", True)
    all_hosts_protected: bool | None = declared("全サーバ・端末への対策ソフトウェアの導入", True)
    definitions_current: bool | None = declared("パターンファイル・ソフトウェアを常に最新に", True)
    eol_software_prohibited: bool | None = declared("サポート期限切れソフトウェアを使わない", True)
    offline_systems_managed_media_only: bool | None = declared(
        "インターネット非接続のシステムでは管理された媒体のみ使う", True
    )
    periodic_full_scan: bool | None = declared("定期的なフルスキャン", True)
    infection_response: bool | None = declared(
        "感染（疑い）時にネットワークから切り離し報告する手順 (isolate and report on infection)",
        True,
    )


class Intrusion(Section):
    """6.5 不正アクセス対策."""

    unused_ports_closed: bool | None = declared("不要なポート・サービスの停止", True)
    integrity_monitoring: bool | None = declared("Web 改ざん・重要ファイル改ざんの検知", True)
    evidence_preserved: bool | None = declared("攻撃の記録の保存と関係機関との連携", True)
    insider_monitoring: bool | None = declared("内部からの攻撃・職員による不正アクセスの監視", True)
    dos_protection: bool | None = declared("公開システムのサービス不能攻撃対策", True)
    targeted_attack_measures: list[Literal["training", "entry", "internal"]] | None = declared(
        "標的型攻撃への対策（人的・入口・内部）", ["training", "entry", "internal"]
    )


class Vulnerability(Section):
    """6.6 セキュリティ情報の収集."""

    information_collected: bool | None = declared("脆弱性情報・脅威情報の収集と共有", True)
    patching: Literal["risk_based", "periodic", "none"] | None = declared(
        "修正プログラムの適用方針（緊急度に応じて）", "risk_based"
    )


class Technical(Section):
    """技術的セキュリティ."""

    file_server_access_by_section: bool | None = declared("文書サーバの課室単位のアクセス制限", True)
    inter_org_exchange_rules: bool | None = declared(
        "他団体との情報システムに関する情報等の交換の取扱いを定め許可制としているか "
        "(rules and approval for exchanging system information with other bodies)",
        True,
    )
    backup: Backup | None = declared("バックアップ")
    logging: Logging | None = declared("ログ")
    change_management: ChangeManagement | None = declared("変更管理")
    network: NetworkControls | None = declared("ネットワーク")
    mail: Mail | None = declared("電子メール")
    crypto_methods_defined: bool | None = declared("暗号化・電子署名の方式と鍵管理を定めているか", True)
    unauthorised_software_prohibited: bool | None = declared("無許可のソフトウェア導入の禁止", True)
    hardware_changes_approved: bool | None = declared("機器の改造・増設の許可制", True)
    web_filtering: bool | None = declared("業務外の Web 閲覧の制限", True)
    web_conference_procedure: bool | None = declared("Web 会議の利用手順", True)
    mfp_managed: bool | None = declared("複合機の設定・廃棄時消去等の管理", True)
    iot_devices_managed: bool | None = declared("IoT 機器を含む特定用途機器の管理", True)
    access_control: AccessControl | None = declared("アクセス制御")
    development: Development | None = declared("開発・導入・保守")
    malware: Malware | None = declared("不正プログラム対策")
    intrusion: Intrusion | None = declared("不正アクセス対策")
    vulnerability: Vulnerability | None = declared("セキュリティ情報の収集")
