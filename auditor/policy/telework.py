"""Telework and remote access (LGWAN接続系テレワークのセキュリティ要件, 対策基準 6.2 外部からのアクセス)."""

from __future__ import annotations

from typing import Literal

from auditor.policy.base import Section, declared


class Telework(Section):
    """テレワーク・外部からのアクセス."""

    enabled: bool | None = declared("テレワーク（庁外からのアクセス）を実施しているか", True)
    segments_reachable: list[Literal["lgwan", "internet", "mynumber"]] | None = declared(
        "庁外からアクセスできる領域（インターネット接続系の端末から画面転送で LGWAN接続系に入る場合も lgwan を含める）"
        "(segments telework reaches, directly or through the internet segment by screen transfer)",
        ["lgwan"],
    )
    approval_required: bool | None = declared("利用の許可制", True)
    method: Literal["screen_transfer", "vpn_full_client", "other"] | None = declared(
        "接続方式: screen_transfer（画面転送）", "screen_transfer"
    )
    client_device: Literal["issued", "byod_with_controls", "byod"] | None = declared(
        "接続元端末: issued（貸与端末）", "issued"
    )
    client_data_at_rest: Literal["none", "encrypted", "allowed"] | None = declared("接続元端末へのデータ保存", "none")
    clipboard_sharing: bool | None = declared("クリップボード共有", False)
    printer_redirection: bool | None = declared("プリンターリダイレクト", False)
    file_transfer: bool | None = declared("ファイル転送・共有", False)
    mfa: Literal["otp", "certificate", "biometric", "none"] | None = declared(
        "多要素認証の方式（none は多要素認証なし）", "otp"
    )
    device_login_authentication: bool | None = declared("接続元端末ログイン時の利用者認証", True)
    password_policy_defined: bool | None = declared("パスワードポリシー（長さ・文字種・辞書語禁止）", True)
    posture_check: bool | None = declared("接続元端末の検疫（ウイルス対策の稼働確認等）", True)
    session_logging: bool | None = declared("リモート接続のログ取得・監視", True)
    privacy_filter: bool | None = declared("のぞき見防止フィルター", True)
    capture_protection: bool | None = declared("画面キャプチャ防止・電子透かし", True)
    public_wifi: Literal["prohibited", "mfa_and_encrypted", "allowed"] | None = declared(
        "公衆無線 LAN からの接続", "mfa_and_encrypted"
    )
    fat_terminals_taken_out: bool | None = declared(
        "業務端末（FAT 端末）の庁外への持出しを認めているか (FAT business terminals may be taken out)", False
    )
    local_data_wiped_before_takeout: bool | None = declared("FAT 端末を持ち出す前のローカルデータ削除", True)
