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
}
