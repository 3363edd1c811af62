"""The root of the policy model: :class:`Policy`, one field per area of the 対策基準."""

from __future__ import annotations

from pydantic import Field

from auditor.policy.assets import Assets
from auditor.policy.base import FormatVersion, Section, declared
from auditor.policy.entity import Entity, PolicyDocument
from auditor.policy.evaluation import Evaluation
from auditor.policy.evidence import EvidenceEntry
from auditor.policy.human import Human
from auditor.policy.network import Network
from auditor.policy.operations import Operations
from auditor.policy.organisation import Organisation
from auditor.policy.physical import Physical
from auditor.policy.security_cloud import SecurityCloud
from auditor.policy.suppliers import ExternalServices, Outsourcing, SocialMedia
from auditor.policy.technical import Technical
from auditor.policy.telework import Telework
from auditor.policy.waivers import Waiver


class Policy(Section):
    """A local body's information-security policy as declared for audit."""

    schema_version: FormatVersion = Field(default=1, description="ポリシーファイル形式の版（現在 1）")
    entity: Entity = Field(description="団体 (the local body)")
    policy: PolicyDocument = Field(description="ポリシー文書（準拠する版・策定日・公表）")
    organisation: Organisation | None = declared("§1 組織体制")
    assets: Assets | None = declared("§2 情報資産の分類と管理")
    network: Network = Field(description="§3 情報システム全体の強靱性の向上（三層の対策）")
    physical: Physical | None = declared("§4 物理的セキュリティ")
    human: Human | None = declared("§5 人的セキュリティ")
    technical: Technical | None = declared("§6 技術的セキュリティ")
    operations: Operations | None = declared("§7 運用")
    outsourcing: Outsourcing | None = declared("§8.1–8.2 業務委託")
    external_services: ExternalServices | None = declared("§8.3–8.4 外部サービス（クラウドサービス）の利用")
    social_media: SocialMedia | None = declared("§8.5 ソーシャルメディアサービスの利用")
    telework: Telework | None = declared("テレワーク・外部からのアクセス")
    security_cloud: SecurityCloud | None = declared("自治体情報セキュリティクラウドの運営（都道府県）")
    evaluation: Evaluation | None = declared("§9 評価・見直し")
    waivers: list[Waiver] | None = declared("例外措置（§7.4）: 個々の要件の免除")
    evidence: list[EvidenceEntry] | None = declared("証跡（ファイルでは確認できない要件について確認した文書・記録）")
