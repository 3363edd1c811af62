"""Report formats: headings, labels and captions of the table, Markdown, HTML, PDF and xlsx reports."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "report.cli.unknown_format": {
        "ja": "不明な形式 '{name}'（使用可能: {known}）",
        "en": "unknown format '{name}' (known: {known})",
    },
    "report.fix": {"ja": "対応", "en": "Fix"},
    "report.guideline": {"ja": "ガイドライン", "en": "Guideline"},
    "report.sources": {"ja": "出典", "en": "Sources"},
    "report.tier": {"ja": "区分", "en": "Tier"},
    "report.statutory_line": {
        "ja": "法令上の義務（ガイドライン適合とは別に集計）: "
        "適合 {passed} / 不適合 {failed} / 対象外 {na} / 要確認 {manual}",
        "en": "Statutory duties (counted apart from guideline alignment): pass {passed} / fail {failed} / "
        "n/a {na} / manual {manual}",
    },
    "report.waivers_heading": {"ja": "■ 例外措置の登録簿（§7.4）", "en": "■ Waiver register (§7.4)"},
    "report.waiver_line": {
        "ja": "[{state}] {rule}{path}（{where}）期限 {expires}（{remaining}） 承認: {approver}\n"
        "    理由: {justification}",
        "en": "[{state}] {rule}{path} ({where}) expires {expires} ({remaining}), approved by {approver}\n"
        "    Justification: {justification}",
    },
    "report.days_left": {"ja": "残り {days} 日", "en": "{days} days left"},
    "report.days_over": {"ja": "{days} 日超過", "en": "{days} days ago"},
    "report.baseline": {
        "ja": "ベースライン {file}: 既知の不適合 {known} 件（ゲート対象外・上表に「不適合(既知)」と表示）、"
        "新規の不適合 {new} 件、解消 {fixed} 件、値の変更 {changed} 件",
        "en": "Baseline {file}: {known} known failure(s) (not gating; shown as 'fail (baseline)' above), "
        "{new} new, {fixed} fixed, {changed} changed",
    },
    "report.baseline.fixed": {
        "ja": "  解消: {rule} '{path}'（現在: {now}）。baseline update で記録から外れます",
        "en": "  fixed: {rule} '{path}' (now: {now}); `baseline update` drops the entry",
    },
    "report.baseline.changed": {
        "ja": "  値の変更: {rule} '{path}'（記録時の値 {value}）。新規の不適合として扱います",
        "en": "  changed: {rule} '{path}' (recorded value {value}); treated as a new failure",
    },
    "report.title": {"ja": "情報セキュリティポリシー監査報告書", "en": "Information Security Policy Audit Report"},
    "report.subtitle": {
        "ja": "総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」準拠状況",
        "en": "Compliance with the MIC guideline for local government information security policies",
    },
    "report.edition": {"ja": "令和{year}年{month}月版", "en": "{month_name} {western} edition ({edition})"},
    "report.cover.entity_name": {"ja": "団体名", "en": "Local government"},
    "report.cover.entity_code": {"ja": "団体コード", "en": "Local government code"},
    "report.cover.entity_type": {"ja": "団体区分", "en": "Type"},
    "report.cover.audit_date": {"ja": "監査日", "en": "Audit date"},
    "report.cover.edition": {"ja": "監査基準（ガイドラインの版）", "en": "Audited against (guideline edition)"},
    "report.cover.policy_edition": {"ja": "ポリシーが準拠する版", "en": "Edition the policy follows"},
    "report.cover.network_model": {"ja": "ネットワークモデル", "en": "Network model"},
    "report.cover.policy_file": {"ja": "ポリシーファイル", "en": "Policy file"},
    "report.cover.sha256": {"ja": "ポリシーファイルの SHA-256", "en": "Policy file SHA-256"},
    "report.cover.tool": {"ja": "監査ツール", "en": "Audit tool"},
    "report.entity_type.municipality": {"ja": "市区町村", "en": "Municipality"},
    "report.entity_type.prefecture": {"ja": "都道府県", "en": "Prefecture"},
    "report.model.alpha": {"ja": "αモデル", "en": "α model"},
    "report.model.alpha_prime": {"ja": "α'モデル", "en": "α' model"},
    "report.model.beta": {"ja": "βモデル", "en": "β model"},
    "report.model.beta_prime": {"ja": "β'モデル", "en": "β' model"},
    "report.toc": {"ja": "目次", "en": "Contents"},
    "report.summary": {"ja": "1. 総括", "en": "1. Executive summary"},
    "report.summary.must_rate": {"ja": "必須要件の適合率", "en": "Compliance with mandatory (必須) requirements"},
    "report.summary.must_rate_waivers": {
        "ja": "例外承認を含めた適合率: {rate}",
        "en": "including approved exceptions: {rate}",
    },
    "report.summary.rate_none": {"ja": "該当なし", "en": "n/a"},
    "report.summary.counts": {"ja": "判定の内訳", "en": "Outcomes"},
    "report.summary.by_severity": {"ja": "重要度別の不適合", "en": "Failures by severity"},
    "report.summary.urgent": {"ja": "最優先で是正すべき事項", "en": "The most urgent fixes"},
    "report.summary.no_failures": {
        "ja": "不適合の要件はありません。",
        "en": "No requirement fails.",
    },
    "report.summary.rate_note": {
        "ja": "適合率 = 適合 ÷（適合 + 不適合 + 例外承認 + エラー）。対象外と要確認は含みません。",
        "en": "Rate = pass ÷ (pass + fail + waived + error); not applicable and manual are excluded.",
    },
    "report.chart": {"ja": "2. 章別の適合状況", "en": "2. Compliance by guideline chapter"},
    "report.chart.caption": {
        "ja": "各章の要件の判定内訳（必須・推奨を含む）。右端の数値は対象外・要確認を除いた適合率。",
        "en": "Outcomes per chapter (mandatory and recommended). The figure at the right is the pass "
        "rate excluding not-applicable and manual items.",
    },
    "report.chart.all_na": {"ja": "対象外", "en": "n/a"},
    "report.network": {"ja": "3. ネットワーク構成（三層の対策）", "en": "3. Network model (three-layer separation)"},
    "report.network.caption": {
        "ja": "ポリシーで宣言された{model}の構成。赤い × 印の経路は不適合の要件に関わる経路。",
        "en": "The {model} as declared in the policy. Links marked with a red × are involved in failing requirements.",
    },
    "report.network.mynumber": {"ja": "マイナンバー利用事務系", "en": "My Number segment"},
    "report.network.lgwan": {"ja": "LGWAN接続系", "en": "LGWAN segment"},
    "report.network.internet": {"ja": "インターネット接続系", "en": "Internet segment"},
    "report.network.lgwan_net": {"ja": "LGWAN", "en": "LGWAN"},
    "report.network.cloud": {"ja": "自治体情報セキュリティクラウド", "en": "Security cloud"},
    "report.network.internet_net": {"ja": "インターネット", "en": "Internet"},
    "report.network.saas": {"ja": "クラウドサービス", "en": "Cloud services"},
    "report.network.not_declared": {"ja": "未宣言", "en": "not declared"},
    "report.network.business_systems": {"ja": "業務システム", "en": "business systems"},
    "report.network.legend_ok": {"ja": "適合・宣言どおりの経路", "en": "link as declared"},
    "report.network.legend_fail": {"ja": "不適合の要件に関わる経路", "en": "link involved in a failure"},
    "report.network.legend_none": {"ja": "通信なし・遮断", "en": "no traffic / blocked"},
    "report.findings": {"ja": "4. 指摘事項（章別）", "en": "4. Findings by chapter"},
    "report.findings.none": {"ja": "指摘事項はありません。", "en": "There are no findings."},
    "report.findings.manual": {
        "ja": "要確認（証跡で確認すべき事項）",
        "en": "Manual checks (verify with evidence)",
    },
    "report.findings.undeclared": {
        "ja": "未宣言の要件（ポリシーに記載がないため不適合） {count} 件",
        "en": "Not declared (failing because the policy does not state them): {count}",
    },
    "report.findings.undeclared_note": {
        "ja": "各要件の下の項目をポリシーに宣言してください。",
        "en": "Declare the fields shown under each requirement in the policy.",
    },
    "report.field.declared": {"ja": "宣言値", "en": "Declared"},
    "report.field.expected": {"ja": "期待値", "en": "Expected"},
    "report.field.location": {"ja": "ポリシーの該当箇所", "en": "Policy line"},
    "report.field.remediation": {"ja": "是正策", "en": "Remediation"},
    "report.field.detail": {"ja": "判定理由", "en": "Detail"},
    "report.field.section": {"ja": "ガイドライン", "en": "Guideline"},
    "report.field.not_declared": {"ja": "（未宣言）", "en": "(not declared)"},
    "report.waivers": {"ja": "5. 例外措置台帳", "en": "5. Waiver register (例外措置)"},
    "report.waivers.none": {"ja": "例外措置はありません。", "en": "No exceptions are recorded."},
    "report.waivers.justification": {"ja": "理由・代替措置", "en": "Justification"},
    "report.waivers.approver": {"ja": "承認者", "en": "Approved by"},
    "report.waivers.approved_on": {"ja": "承認日", "en": "Approved on"},
    "report.waivers.expires_on": {"ja": "有効期限", "en": "Expires"},
    "report.waivers.expired": {"ja": "期限切れ", "en": "expired"},
    "report.waivers.in_force": {"ja": "有効", "en": "in force"},
    "report.not_applicable": {"ja": "6. 対象外の要件", "en": "6. Requirements not applicable"},
    "report.not_applicable.none": {"ja": "対象外の要件はありません。", "en": "Every requirement applies."},
    "report.not_applicable.reason": {"ja": "理由", "en": "Reason"},
    "report.appendix": {"ja": "付録　全要件の判定結果", "en": "Appendix: every requirement's outcome"},
    "report.col.id": {"ja": "ID", "en": "ID"},
    "report.col.requirement": {"ja": "要件", "en": "Requirement"},
    "report.col.section": {"ja": "節", "en": "Section"},
    "report.col.chapter": {"ja": "章", "en": "Chapter"},
    "report.col.level": {"ja": "区分", "en": "Level"},
    "report.col.severity": {"ja": "重要度", "en": "Severity"},
    "report.col.status": {"ja": "判定", "en": "Status"},
    "report.col.count": {"ja": "件数", "en": "Count"},
    "report.col.line": {"ja": "行", "en": "Line"},
    "report.col.evidence": {"ja": "証跡", "en": "Evidence"},
    "report.col.owner": {"ja": "担当者", "en": "Owner"},
    "report.col.due": {"ja": "対応期限", "en": "Due date"},
    "report.col.no": {"ja": "No.", "en": "No."},
    "report.col.total": {"ja": "計", "en": "Total"},
    "report.page": {"ja": "{page} / {pages} ページ", "en": "Page {page} of {pages}"},
    "report.generated": {
        "ja": "auditor {version} により {date} 時点の宣言内容から作成",
        "en": "Generated by auditor {version} from the policy as declared on {date}",
    },
    "report.attachment": {
        "ja": "監査結果（機械可読 JSON、schema_version {version}）",
        "en": "Audit results (machine-readable JSON, schema_version {version})",
    },
    "report.xlsx.sheet": {"ja": "チェックリスト", "en": "Checklist"},
    "report.xlsx.about": {"ja": "概要", "en": "About"},
    "report.markdown.failures": {"ja": "不適合・エラー", "en": "Failures and errors"},
    "report.markdown.all": {"ja": "全要件の判定結果", "en": "Every requirement"},
    "report.markdown.more": {"ja": "ほか {count} 件", "en": "and {count} more"},
    "report.cli.binary_needs_output": {
        "ja": "{format} はバイナリ形式です。-o FILE で出力先を指定してください",
        "en": "{format} is a binary format: give -o FILE",
    },
    "report.cli.formats_need_output": {
        "ja": "複数の形式を指定したときは -o FILE が必要です（形式ごとに拡張子を付けたファイルに書き出します）",
        "en": "several formats need -o FILE (one file per format)",
    },
    "report.sarif.full_description": {"ja": "{description}（{section}）", "en": "{description} ({section})"},
    # PDF output: what the machine must provide
    "report.pdf.missing_library": {
        "ja": "PDF の作成に必要なシステムライブラリ {library} を読み込めません（weasyprint が使う Pango）。"
        "Debian/Ubuntu では apt-get install libpango-1.0-0 libpangoft2-1.0-0 で入ります"
        "（その他の OS: https://doc.courtbouillon.org/weasyprint/stable/first_steps.html）",
        "en": "cannot load the system library {library} that PDF output needs (Pango, used by weasyprint); "
        "on Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
        "(other systems: https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)",
    },
}
