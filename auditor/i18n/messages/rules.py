"""Rules and the catalogue: rule files, levels, severities, ``rules coverage`` and ``rules diff``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "rules.col.id": {"ja": "ID", "en": "ID"},
    "rules.col.level": {"ja": "区分", "en": "Level"},
    "rules.col.severity": {"ja": "重要度", "en": "Severity"},
    "rules.col.section": {"ja": "節", "en": "Section"},
    "rules.col.title": {"ja": "要件", "en": "Requirement"},
    "rules.path_unknown": {
        "ja": "パス '{path}' はポリシーのスキーマにありません",
        "en": "path '{path}' does not exist in the policy schema",
    },
    "rules.op_mismatch": {
        "ja": "'{op}' は '{path}'（{kind}）に値 {value} では使えません",
        "en": "operator '{op}' does not fit '{path}' ({kind}) with value {value}",
    },
    "rules.not_directory": {
        "ja": "ディレクトリではありません（--rules にはルールファイルのディレクトリを指定します）",
        "en": "not a directory (--rules takes a directory of rule files)",
    },
    "rules.outside_pack": {
        "ja": "ルールパックの外を指すシンボリックリンクです。読み込みません",
        "en": "symbolic link pointing outside the rule pack; not read",
    },
    "rules.none": {
        "ja": "ルールが 1 件も見つかりません: {path}",
        "en": "no rule files found in {path}",
    },
    "rules.duplicate_id": {
        "ja": "ルール ID '{id}' が重複しています（{other}）",
        "en": "duplicate rule id '{id}' (also in {other})",
    },
    "rules.unknown_id": {"ja": "ルール '{id}' はありません", "en": "no such rule: '{id}'"},
    "rules.edition_unknown": {
        "ja": "版 '{edition}' のルールはありません（収録: {known}）",
        "en": "no rules for edition '{edition}' (known: {known})",
    },
    "level.must": {"ja": "必須", "en": "must"},
    "level.should": {"ja": "推奨", "en": "should"},
    "severity.critical": {"ja": "緊急", "en": "critical"},
    "severity.high": {"ja": "高", "en": "high"},
    "severity.medium": {"ja": "中", "en": "medium"},
    "severity.low": {"ja": "低", "en": "low"},
    "coverage.col.section": {"ja": "節", "en": "section"},
    "coverage.col.title": {"ja": "見出し", "en": "title"},
    "coverage.col.rules": {"ja": "ルール数", "en": "rules"},
    "coverage.col.automated": {"ja": "自動", "en": "automated"},
    "coverage.col.manual": {"ja": "要確認", "en": "manual"},
    "coverage.col.share": {"ja": "自動化率", "en": "automated share"},
    "coverage.gap": {"ja": "← 未対応", "en": "← gap"},
    "coverage.summary": {
        "ja": "{edition}: ルール {rules} 件（自動 {automated} / 要確認 {manual}）、ルールのない節 {gaps} 件",
        "en": "{edition}: {rules} rules ({automated} automated / {manual} manual), {gaps} section(s) without a rule",
    },
    "coverage.unmapped": {
        "ja": "ガイドラインの節に対応付けられないルール: {ids}",
        "en": "rules whose citation names no known section: {ids}",
    },
    "rules.show.tier": {"ja": "区分", "en": "tier"},
    "rules.show.in_force": {"ja": "{date} 施行", "en": "in force from {date}"},
    "rules.show.editions": {"ja": "対象の版", "en": "editions"},
    "rules.show.evidence": {"ja": "根拠の確度", "en": "evidence"},
    "rules.show.sources": {"ja": "出典", "en": "sources"},
    "rules.show.note": {"ja": "注記", "en": "note"},
    "tier.statutory": {"ja": "法令上の義務", "en": "statutory duty"},
    "tier.guideline": {"ja": "ガイドライン適合", "en": "guideline alignment"},
    "document.kind.guideline": {"ja": "ガイドライン", "en": "guideline"},
    "document.kind.audit_guideline": {"ja": "監査ガイドライン", "en": "audit guideline"},
    "document.kind.standard": {"ja": "標準要件", "en": "standard requirements"},
    "document.kind.lgwan_telework_requirements": {
        "ja": "LGWAN接続系テレワーク要件",
        "en": "LGWAN telework requirements",
    },
    "document.kind.law": {"ja": "法令", "en": "law"},
    "document.kind.minister_guideline": {"ja": "総務大臣の指針", "en": "minister's guideline"},
    "document.kind.notice": {"ja": "総務省通知・報道資料", "en": "MIC notice"},
    "document.kind.secondary": {"ja": "二次資料", "en": "secondary source"},
    "evidence.sourced": {"ja": "原文確認", "en": "sourced"},
    "evidence.partial": {"ja": "一部確認", "en": "partial"},
    "evidence.inferred": {"ja": "未確認・推定", "en": "inferred"},
    "rules.document_unknown": {
        "ja": "文書 '{document}' は文書一覧（auditor/rules/data/documents.yaml）にありません",
        "en": "document '{document}' is not in the document registry (auditor/rules/data/documents.yaml)",
    },
    "rules.editions_not_guideline": {
        "ja": "editions（版）を挙げられるのはガイドラインだけです（'{document}' には挙げられません）",
        "en": "only the guideline lists editions (not '{document}')",
    },
    "rules.guideline_without_editions": {
        "ja": "ガイドラインを出典とするときは、その要件を含む版（editions）を挙げてください",
        "en": "a guideline source lists the editions whose text carries the requirement",
    },
    "rules.in_force_only_law": {
        "ja": "in_force_from（施行日）は法令にだけ、必ず指定します（'{document}'）",
        "en": "in_force_from is given for a law, and only for a law ('{document}')",
    },
    "rules.section_edition_unlisted": {
        "ja": "版 {edition} の節が指定されていますが、その版は editions にありません",
        "en": "section given for edition {edition}, which the source does not list",
    },
    "rules.secondary_only": {
        "ja": "二次資料だけを出典にはできません（要件の出所となる文書を挙げてください）",
        "en": "a rule cannot rest on secondary sources only (cite the document the requirement comes from)",
    },
    "coverage.statutory": {
        "ja": "法令上の義務（ガイドラインの節には数えない）: {ids}",
        "en": "Statutory duties (not counted in any guideline section): {ids}",
    },
    "coverage.col.evidence": {"ja": "根拠の確度", "en": "Evidence"},
    "coverage.col.document": {"ja": "出典", "en": "Source"},
    "coverage.col.kind": {"ja": "種別", "en": "Kind"},
    "coverage.col.share_of_rules": {"ja": "ルールに占める割合", "en": "Share of rules"},
}
