"""Audit outcomes, statuses, entity types, waivers (例外措置) and baselines."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "outcome.pass": {"ja": "要件を満たしています", "en": "requirement met"},
    "outcome.not_declared": {
        "ja": "'{path}' が宣言されていません（期待値:「{expected}」）",
        "en": "'{path}' is not declared (expected: \"{expected}\")",
    },
    "outcome.mismatch": {
        "ja": "宣言値「{actual}」は要件を満たしません（期待値:「{expected}」、{path}）",
        "en": 'declared as "{actual}"; expected "{expected}" ({path})',
    },
    "outcome.type_error": {
        "ja": "'{path}' の値「{actual}」を「{expected}」と比較できません",
        "en": 'cannot compare \'{path}\' value "{actual}" with "{expected}"',
    },
    "outcome.manual": {
        "ja": "ファイルでは確認できません。証跡で確認してください: {evidence}",
        "en": "cannot be checked from the file; verify with evidence: {evidence}",
    },
    "outcome.na.model": {
        "ja": "{models} モデルにのみ適用（宣言: {declared}）",
        "en": "applies to the {models} model(s) only (declared: {declared})",
    },
    "outcome.na.entity": {
        "ja": "{entities} にのみ適用（宣言: {declared}）",
        "en": "applies to {entities} only (declared: {declared})",
    },
    "outcome.na.condition": {
        "ja": "適用条件を満たさないため対象外: {condition}",
        "en": "not applicable because the condition does not hold: {condition}",
    },
    "outcome.na.not_in_force": {
        "ja": "{law} は {date} 施行のため、監査日 {today} には適用されません（法令上の義務）",
        "en": "{law} takes effect on {date}, after the audit date {today} (statutory duty)",
    },
    "outcome.failures": {
        "ja": "満たさない条件が {count} 件あります: {details}",
        "en": "{count} conditions are not met: {details}",
    },
    "outcome.own_value": {
        "ja": "{message}（{label}）",
        "en": "{message} ({label})",
    },
    "outcome.waived": {
        "ja": "例外措置により免除（承認: {approver}、期限: {expires}）: {justification}",
        "en": "waived by exception (approved by {approver}, expires {expires}): {justification}",
    },
    "outcome.waiver_expired": {
        "ja": "例外措置の期限（{expires}）が切れています: {message}",
        "en": "the exception expired on {expires}: {message}",
    },
    "entity.prefecture": {"ja": "都道府県", "en": "prefectures"},
    "entity.municipality": {"ja": "市区町村", "en": "municipalities"},
    "entity.one.prefecture": {"ja": "都道府県", "en": "a prefecture"},
    "entity.one.municipality": {"ja": "市区町村", "en": "a municipality"},
    "status.pass": {"ja": "適合", "en": "pass"},
    "status.fail": {"ja": "不適合", "en": "fail"},
    "status.not_applicable": {"ja": "対象外", "en": "not applicable"},
    "status.waived": {"ja": "例外承認", "en": "waived"},
    "status.manual": {"ja": "要確認", "en": "manual"},
    "status.error": {"ja": "エラー", "en": "error"},
    "status.fail_baselined": {"ja": "不適合(既知)", "en": "fail (baseline)"},
    "waiver.state.in_force": {"ja": "有効", "en": "in force"},
    "waiver.state.expiring": {"ja": "期限間近", "en": "expiring"},
    "waiver.state.expired": {"ja": "期限切れ", "en": "expired"},
    "waiver.state.stale": {"ja": "不要", "en": "stale"},
    "waiver.state.unknown_rule": {"ja": "不明なルール", "en": "unknown rule"},
    "waiver.state.not_matching": {"ja": "不一致", "en": "not matching"},
    "waiver.state.superseded": {"ja": "他が優先", "en": "superseded"},
    "waiver.state.not_yet_valid": {"ja": "未発効", "en": "not yet valid"},
    "waiver.in_force": {
        "ja": "例外措置 {rule}: 有効（期限 {expires}、残り {days} 日）",
        "en": "waiver {rule}: in force (expires {expires}, {days} days left)",
    },
    "waiver.expiring": {
        "ja": "例外措置 {rule} は {expires} に期限切れになります（残り {days} 日）。更新するか是正してください",
        "en": "waiver {rule} expires on {expires} ({days} days left); renew it or fix the finding",
    },
    "waiver.expired": {
        "ja": "例外措置 {rule} は {expires} に期限切れです（要件は不適合として扱います）",
        "en": "waiver {rule} expired on {expires} (the requirement fails)",
    },
    "waiver.stale": {
        "ja": "例外措置 {rule} は不要です（要件の結果: {status}）。登録簿から削除してください",
        "en": "waiver {rule} is stale (the requirement's outcome is '{status}'); remove it from the register",
    },
    "waiver.unknown_rule": {
        "ja": "例外措置 {rule}: 監査したルールにこの ID はありません（誤記か、この版にない要件）",
        "en": "waiver {rule}: no such rule in the audited catalogue (a typo, or not in this edition)",
    },
    "waiver.not_matching": {
        "ja": "例外措置 {rule}: 対象項目 '{path}' が不適合の項目 '{failing}' と異なるため適用していません",
        "en": "waiver {rule}: not applied, its path '{path}' is not the failing field '{failing}'",
    },
    "waiver.rule_error": {
        "ja": "例外措置 {rule}: ルールを評価できなかったため適用していません",
        "en": "waiver {rule}: not applied, the rule could not be evaluated",
    },
    "waiver.superseded": {
        "ja": "例外措置 {rule}: 同じ要件に対する別の例外措置が適用されています",
        "en": "waiver {rule}: another waiver for the same requirement applies instead",
    },
    "waiver.not_yet_valid": {
        "ja": "例外措置 {rule}: 承認日 {approved} より前のため、まだ有効ではありません",
        "en": "waiver {rule}: not in force before its approval date {approved}",
    },
    "baseline.created": {
        "ja": "{file} にベースラインを作成しました（不適合 {count} 件を記録）",
        "en": "created baseline {file} ({count} failure(s) recorded)",
    },
    "baseline.updated": {
        "ja": "{file} を更新しました: 追加 {added} 件 / 継続 {kept} 件 / 削除 {removed} 件",
        "en": "updated {file}: {added} added / {kept} kept / {removed} removed",
    },
    "baseline.exists": {
        "ja": "{file} は既に存在します（更新は auditor baseline update、作り直しは --force）",
        "en": "{file} already exists (use `auditor baseline update`, or --force to recreate it)",
    },
    "baseline.missing": {
        "ja": "{file} がありません（先に auditor baseline create で作成してください）",
        "en": "{file} does not exist (create it first with `auditor baseline create`)",
    },
    "baseline.errors": {
        "ja": "評価できなかったルールがあるため、ベースラインを書き出しません（auditor audit で確認してください）",
        "en": "some rules could not be evaluated, so no baseline was written (see `auditor audit`)",
    },
}
