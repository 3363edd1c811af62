"""Evidence: reading evidence files, the evidence register of an audit, and its reports."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading an evidence file -----------------------------------------------------------
    "evidence.unreadable": {"ja": "読み込めません: {reason}", "en": "cannot be read: {reason}"},
    "evidence.too_large": {
        "ja": "証跡ファイルが大きすぎます（上限 {limit} バイト）",
        "en": "evidence file too large (limit {limit} bytes)",
    },
    "evidence.not_utf8": {
        "ja": "UTF-8 として読めないバイトがあります（{offset} バイト目）",
        "en": "is not valid UTF-8 (byte offset {offset})",
    },
    "evidence.json": {"ja": "JSON 構文エラー: {detail}", "en": "JSON syntax error: {detail}"},
    "evidence.too_deep": {"ja": "JSON の入れ子が深すぎます", "en": "JSON nested too deeply"},
    "evidence.invalid": {
        "ja": "証跡ファイルの形式が正しくありません: {detail}",
        "en": "invalid evidence file: {detail}",
    },
    "evidence.format.missing": {"ja": "がありません", "en": "missing"},
    "evidence.format.confidence": {"ja": "0 から 1 の数値が必要です", "en": "expected a number from 0 to 1"},
    "evidence.format.rule_list": {"ja": "ルール ID の一覧が必要です", "en": "expected a list of rule ids"},
    "evidence.format.one_of": {"ja": "{choices} のいずれかが必要です", "en": "expected one of {choices}"},
    "evidence.format.date_order": {
        "ja": "有効期限（valid_until）が確認日（reviewed_on）より前です",
        "en": "valid_until is before reviewed_on",
    },
    "evidence.format.kind": {"ja": "'{kind}' が必要です", "en": "expected '{kind}'"},
    "evidence.format.version": {"ja": "{version} が必要です", "en": "expected {version}"},
    "evidence.format.object": {"ja": "オブジェクト（キーと値の組）が必要です", "en": "expected an object"},
    "evidence.format.list": {"ja": "一覧（リスト）が必要です", "en": "expected a list"},
    "evidence.format.text": {"ja": "文字列が必要です", "en": "expected text"},
    "evidence.format.too_long": {"ja": "{limit} 文字を超えています", "en": "longer than {limit} characters"},
    "evidence.format.whole_number": {
        "ja": "{minimum} 以上の整数が必要です",
        "en": "expected a whole number ≥ {minimum}",
    },
    "evidence.format.date": {"ja": "日付（YYYY-MM-DD）が必要です", "en": "expected a date YYYY-MM-DD"},
    "evidence.format.scalar": {
        "ja": "単一の値か値の一覧が必要です",
        "en": "expected a scalar or a list of scalars",
    },
    "evidence.format.unknown_key": {
        "ja": "不明なキー '{key}'（使用可能: {known}）",
        "en": "unknown key '{key}' (known: {known})",
    },
    # --- checking records against the audit ---------------------------------------------------
    "evidence.unknown_rule": {
        "ja": "証跡のルール {rule} は監査したルールにありません（誤記か、この版にない要件）",
        "en": "evidence names rule {rule}, which is not among the audited rules (a typo, or not in this edition)",
    },
    "evidence.future": {
        "ja": "証跡 {rule} の確認日 {date} が監査日 {today} より後です",
        "en": "evidence {rule} was reviewed on {date}, after the audit date {today}",
    },
    "evidence.other_body": {
        "ja": "この証跡は別の団体（団体コード {theirs}）のものです（監査した団体: {ours}）",
        "en": "this evidence belongs to another body (code {theirs}; audited: {ours})",
    },
    "evidence.other_version": {
        "ja": "{file}: 証跡は別の版のポリシー（{theirs}、sha256 {digest}…）について記録されたものです",
        "en": "{file}: the evidence was recorded for another version of the policy ({theirs}, sha256 {digest}…)",
    },
    "evidence.document_changed": {
        "ja": "{file}: 抽出元の文書 {document} は抽出後に変更されています（引用が現在の文書と異なる可能性があります）",
        "en": "{file}: the source document {document} changed after extraction (quotes may no longer match it)",
    },
    "evidence.value_differs": {
        "ja": "{file}: '{path}' の宣言値は抽出した値 {value} と異なるため、条文を根拠として示しません",
        "en": "{file}: '{path}' is no longer the extracted value {value}, so its clause is not cited",
    },
    # --- auditor init ---------------------------------------------------------------------------
    "init.more_rules": {"ja": " ほか {count} 件", "en": " and {count} more"},
    "init.example_and_draft": {
        "ja": "--example と --from は同時に指定できません",
        "en": "--example and --from cannot be combined",
    },
    "init.conflicts_with_draft": {
        "ja": "{option} {value} は下書きの値 {draft} と異なります（下書きの値を使うには {option} を省略してください）",
        "en": "{option} {value} differs from the draft's {draft} (leave {option} out to use the draft's)",
    },
    # --- outcomes -----------------------------------------------------------------------------
    "outcome.evidence.confirmed": {
        "ja": "証跡により確認済み: {what}（{method}、{reviewer}、{date}、{expires} まで有効）",
        "en": "confirmed by evidence: {what} ({method}, {reviewer}, {date}, holds until {expires})",
    },
    "outcome.evidence.not_confirmed": {
        "ja": "証跡で確認できませんでした: {what}（{method}、{reviewer}、{date}）",
        "en": "could not be confirmed from the evidence: {what} ({method}, {reviewer}, {date})",
    },
    "outcome.evidence.partial": {
        "ja": "証跡で一部のみ確認: {what}（{method}、{reviewer}、{date}）。残りを確認してください",
        "en": "only partly confirmed by evidence: {what} ({method}, {reviewer}, {date}); check the rest",
    },
    "outcome.evidence.expired": {
        "ja": "証跡の期限切れ: {what}（{date} 確認、{expires} まで有効）。改めて確認してください",
        "en": "evidence expired: {what} (reviewed {date}, held until {expires}); review it again",
    },
    "evidence.nobody": {"ja": "確認者不明", "en": "reviewer not named"},
    "evidence.state.confirmed": {"ja": "確認済み", "en": "confirmed"},
    "evidence.state.not_confirmed": {"ja": "確認できない", "en": "not confirmed"},
    "evidence.state.partial": {"ja": "一部確認", "en": "partly confirmed"},
    "evidence.state.expired": {"ja": "証跡の期限切れ", "en": "evidence expired"},
    "evidence.state.superseded": {"ja": "以前の確認", "en": "superseded"},
    "evidence.state.informative": {"ja": "参考（自動判定）", "en": "for information (checked from the file)"},
    "evidence.state.not_applicable": {"ja": "対象外の要件", "en": "requirement not applicable"},
    "status.pass_evidence": {"ja": "適合(証跡)", "en": "pass (evidence)"},
    "status.fail_evidence": {"ja": "不適合(証跡)", "en": "fail (evidence)"},
    "report.evidence": {"ja": "証跡一覧", "en": "Evidence register"},
    "report.evidence.heading": {
        "ja": "■ 証跡一覧（確認した文書・記録）",
        "en": "■ Evidence register (records reviewed)",
    },
    "report.evidence.line": {
        "ja": "[{state}] {rule} {what}（{method}、{reviewer}、{date} 確認、{expires} まで有効）{where}",
        "en": "[{state}] {rule} {what} ({method}, {reviewer}, reviewed {date}, holds until {expires}){where}",
    },
    "report.evidence.what": {"ja": "証跡（確認した文書・記録）", "en": "Evidence reviewed"},
    "report.evidence.where": {"ja": "所在", "en": "Location"},
    "report.evidence.reviewer": {"ja": "確認者", "en": "Reviewed by"},
    "report.evidence.reviewed_on": {"ja": "確認日", "en": "Reviewed on"},
    "report.evidence.method": {"ja": "確認方法", "en": "Method"},
    "report.evidence.result": {"ja": "確認結果", "en": "Result"},
    "report.evidence.valid_until": {"ja": "有効期限", "en": "Holds until"},
    "report.citation": {"ja": "根拠", "en": "Clause"},
    "report.citation.line": {"ja": "根拠: {label}", "en": "Clause: {label}"},
    "report.appendix.evidence": {"ja": "付録　証跡一覧", "en": "Appendix: evidence register"},
    "report.appendix.clauses": {"ja": "付録　根拠条文一覧", "en": "Appendix: clauses cited"},
    "report.citations.rules": {"ja": "関連する要件", "en": "Requirements"},
}
