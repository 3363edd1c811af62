"""対策基準 §5 人的セキュリティ: staff duties, training, incident reporting, IDs and passwords."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from auditor.policy.base import Frequency, Section, declared


class StaffDuties(Section):
    """5.1 職員等の遵守事項."""

    compliance_required: bool | None = declared("ポリシー及び実施手順の遵守を義務付けているか", True)
    takeout_approval: bool | None = declared("端末・媒体・情報の持ち出しに許可を要するか", True)
    takeout_logged: bool | None = declared("持ち出し・持ち込みを記録するか", True)
    offsite_processing_approval: bool | None = declared("庁外での情報処理に許可を要するか", True)
    private_devices: Literal["prohibited", "approved_exception", "allowed"] | None = declared(
        "支給以外の端末（私物）の業務利用: prohibited / approved_exception（許可した場合のみ）", "prohibited"
    )
    security_settings_locked: bool | None = declared("職員が端末のセキュリティ設定を変更できないようにしているか", True)
    clear_desk: bool | None = declared("離席時の画面ロック・机上の整理（クリアデスク）", True)
    offboarding_return: bool | None = declared("異動・退職時の情報資産の返却と守秘義務", True)
    fixed_term_consent: bool | None = declared("会計年度任用職員等から遵守の同意を得るか", True)
    policy_accessible: bool | None = declared("職員がポリシーを常に閲覧できるか", True)
    violation_reporting: bool | None = declared("違反を知った職員の報告義務", True)


class Training(Section):
    """5.2 研修・訓練."""

    plan_approved_by_committee: bool | None = declared("研修計画を情報セキュリティ委員会が承認するか", True)
    sessions_per_year: int | None = Field(
        default=None, ge=0, le=365, description="全職員が受講できる研修の年間回数（毎年度）", examples=[1]
    )
    new_hire: bool | None = declared("新規採用職員向け研修", True)
    role_based: bool | None = declared("役割・理解度に応じた研修", True)
    executives_included: bool | None = declared("幹部を含む全職員が受講するか", True)
    annual_report_to_committee: bool | None = declared("CISO が毎年度、実施状況を委員会に報告するか", True)


class Drills(Section):
    """緊急時対応訓練・標的型攻撃メール訓練."""

    incident_response: Frequency | None = declared("緊急時対応訓練の頻度", "annual")
    phishing: bool | None = declared("標的型攻撃メール訓練を実施するか", True)


class IncidentReporting(Section):
    """5.3 情報セキュリティインシデントの報告."""

    internal_channel: bool | None = declared("職員から管理者・統一窓口への報告経路", True)
    external_channel: bool | None = declared("住民等外部からの報告窓口", True)
    post_incident_review: bool | None = declared("原因究明・記録・再発防止", True)


class Credentials(Section):
    """5.4 ID及びパスワード等の管理."""

    ic_card_no_lending: bool | None = declared("IC カード等の貸与禁止・紛失時の報告", True)
    id_sharing_prohibited: bool | None = declared("ID を他人に利用させない", True)
    password_secret: bool | None = declared("パスワードの秘匿と照会に応じない", True)
    password_min_length: int | None = Field(
        default=None,
        ge=1,
        le=128,
        description="パスワードの最低文字数（ガイドラインは十分な長さを求め、数値は各団体が定める）",
        examples=[12],
    )
    password_guess_resistant: bool | None = declared(
        "推測されにくいパスワード（辞書の語・氏名・生年月日等を使わない）を求めているか"
        " (hard-to-guess passwords required)",
        True,
    )
    password_change_on_compromise: bool | None = declared("流出の恐れがあるときの速やかな変更", True)
    no_reuse_across_systems: bool | None = declared("システム間で同一パスワードを使わない", True)
    initial_password_change_forced: bool | None = declared("仮パスワードの初回変更", True)
    stored_in_device_prohibited: bool | None = declared("端末へのパスワード記憶・職員間の共有の禁止", True)


class Human(Section):
    """人的セキュリティ."""

    duties: StaffDuties | None = declared("職員等の遵守事項")
    contractor_briefing: bool | None = declared("委託事業者に遵守事項を説明するか", True)
    training: Training | None = declared("研修")
    drills: Drills | None = declared("訓練")
    incident_reporting: IncidentReporting | None = declared("インシデントの報告")
    credentials: Credentials | None = declared("ID 及びパスワード等の管理")
