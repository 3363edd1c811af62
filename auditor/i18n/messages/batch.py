"""``auditor batch``: the prefecture-wide comparison and its reports."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "batch.no_policies_in_dir": {
        "ja": "ポリシーファイル（*.yaml, *.yml）がありません",
        "en": "no policy files (*.yaml, *.yml) in this directory",
    },
    "batch.no_match": {"ja": "一致するファイルがありません", "en": "no files match this pattern"},
    "batch.no_files": {"ja": "監査するファイルがありません", "en": "no files to audit"},
    "batch.unknown_format": {
        "ja": "不明な形式 '{name}'（使用可能: {known}）",
        "en": "unknown format '{name}' (known: {known})",
    },
    "batch.more_problems": {
        "ja": "（ほか {count} 件: auditor validate {file} で全件を表示）",
        "en": " (+{count} more: run auditor validate {file} to see all)",
    },
    "batch.duplicate_code": {
        "ja": "警告: 団体コード {code} が複数のファイルにあります: {files}",
        "en": "warning: entity code {code} appears in several files: {files}",
    },
    "batch.cannot_create": {"ja": "作成できません: {reason}", "en": "cannot be created: {reason}"},
    "batch.jobs": {"ja": "--jobs は 0（自動）以上です", "en": "--jobs must be 0 (automatic) or more"},
    "batch.progress": {"ja": "監査中", "en": "auditing"},
    "batch.reports_dir": {
        "ja": "団体ごとの報告書 {count} 件を {dir} に書き出しました",
        "en": "wrote {count} per-policy reports to {dir}",
    },
    "batch.heading": {
        "ja": "一括監査（監査基準: {edition} / 監査日: {date}）",
        "en": "Batch audit (audited against: {edition} / date: {date})",
    },
    "batch.section.matrix": {
        "ja": "■ 比較表（団体 × ガイドラインの章）",
        "en": "■ Comparison matrix (body x guideline chapter)",
    },
    "batch.legend": {
        "ja": "各欄: 適合率（適合 / 評価した要件。対象外・要確認を除く）と括弧内に必須要件の不適合数。"
        "緊急 = 重要度が緊急・高の必須要件の不適合",
        "en": "Each cell: compliance rate (passed / evaluated requirements, excluding not applicable and manual) "
        "and, in brackets, failed must-level (必須) requirements. Urgent = failed must-level requirements "
        "of critical or high severity",
    },
    "batch.section.most_failed": {
        "ja": "■ 不適合の多い要件（上位 {top}）",
        "en": "■ Requirements most often failed (top {top})",
    },
    "batch.section.ranking": {
        "ja": "■ 緊急の不備が多い団体（上位 {top}）",
        "en": "■ Bodies ranked by urgent gaps (top {top})",
    },
    "batch.section.unusable": {
        "ja": "■ 監査できなかったファイル（{count} 件）",
        "en": "■ Files that could not be audited ({count})",
    },
    "batch.none": {"ja": "なし", "en": "none"},
    "batch.page.title": {
        "ja": "情報セキュリティポリシー 一括監査 比較表",
        "en": "Information security policies: batch audit",
    },
    "batch.page.legend": {
        "ja": "色: 適合率（評価した要件のうち適合の割合。対象外・要確認を除く）。枠内の数字: 必須要件の不適合数。"
        "緊急 = 重要度が緊急・高の必須要件の不適合",
        "en": "Colour: compliance rate (passed / evaluated requirements, excluding not applicable and manual). "
        "Boxed number: failed must-level (必須) requirements. Urgent = failed must-level requirements of critical "
        "or high severity",
    },
    "batch.page.matrix": {"ja": "比較表（ヒートマップ）", "en": "Comparison matrix (heat map)"},
    "batch.kpi.audited": {"ja": "監査した団体 / ファイル", "en": "Bodies audited / files"},
    "batch.kpi.rate": {"ja": "全体の適合率", "en": "Overall compliance"},
    "batch.kpi.urgent": {"ja": "緊急の不備がある団体", "en": "Bodies with urgent gaps"},
    "batch.kpi.unusable": {"ja": "監査できなかったファイル", "en": "Unusable files"},
    "batch.col.entity": {"ja": "団体", "en": "Body"},
    "batch.ranking.urgent_rules": {"ja": "緊急の不備: {rules}", "en": "Urgent gaps: {rules}"},
    "batch.col.code": {"ja": "団体コード", "en": "Code"},
    "batch.col.type": {"ja": "種類", "en": "Type"},
    "batch.col.file": {"ja": "ファイル", "en": "File"},
    "batch.col.model": {"ja": "モデル", "en": "Model"},
    "batch.col.edition": {"ja": "準拠版", "en": "Edition"},
    "batch.col.total": {"ja": "全体", "en": "Overall"},
    "batch.col.urgent": {"ja": "緊急", "en": "Urgent"},
    "batch.col.critical": {"ja": "うち重要度「緊急」", "en": "of which critical"},
    "batch.col.must_failed": {"ja": "必須の不適合", "en": "Must failures"},
    "batch.col.must_rate": {"ja": "必須要件の適合率", "en": "Must-level compliance"},
    "batch.col.requirement": {"ja": "要件", "en": "Requirement"},
    "batch.col.level": {"ja": "区分", "en": "Level"},
    "batch.col.severity": {"ja": "重要度", "en": "Severity"},
    "batch.col.section": {"ja": "節", "en": "Section"},
    "batch.col.failed": {"ja": "不適合団体数", "en": "Failed in"},
    "batch.col.share": {"ja": "割合", "en": "Share"},
    "batch.col.rank": {"ja": "順位", "en": "Rank"},
    "batch.col.line": {"ja": "行", "en": "Line"},
    "batch.col.column": {"ja": "列", "en": "Column"},
    "batch.col.message": {"ja": "内容", "en": "Message"},
    "batch.col.codes": {"ja": "不適合の団体コード", "en": "Codes of failing bodies"},
    "batch.cover.untitled": {"ja": "{count} 団体の一括監査", "en": "Batch audit of {count} bodies"},
    "batch.cover.subtitle": {
        "ja": "総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」準拠状況の団体間比較",
        "en": "Compliance with the MIC guideline for local government information security policies, "
        "compared across bodies",
    },
    "batch.cover.date": {"ja": "監査日", "en": "Audit date"},
    "batch.cover.edition": {"ja": "監査基準（ガイドラインの版）", "en": "Audited against (guideline edition)"},
    "batch.cover.policies": {"ja": "監査したポリシー", "en": "Policies audited"},
    "batch.cover.policies_value": {
        "ja": "{audited} 件（対象ファイル {files} 件）",
        "en": "{audited} (of {files} files)",
    },
    "batch.cover.tool": {"ja": "監査ツール", "en": "Audit tool"},
    "batch.cover.generated": {
        "ja": "auditor {version} により {date} 時点の各団体の宣言内容から作成",
        "en": "Generated by auditor {version} from the policies as declared on {date}",
    },
    "batch.attachment": {
        "ja": "一括監査の結果（auditor.batch JSON、スキーマ版 {version}）",
        "en": "Batch audit results (auditor.batch JSON, schema version {version})",
    },
    "batch.summary": {
        "ja": "結果: {files} ファイル中 {audited} 団体を監査 / 監査できなかったファイル {unusable} 件 / "
        "緊急の不備がある団体 {urgent} / 全体の適合率 {rate}",
        "en": "Result: {audited} of {files} files audited / {unusable} unusable / "
        "{urgent} with urgent gaps / overall compliance {rate}",
    },
}
