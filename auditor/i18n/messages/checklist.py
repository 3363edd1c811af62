"""The Excel checklist: its entry columns and dropdowns, and reading a filled sheet back (checklist import)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "checklist.col.note": {"ja": "備考", "en": "Note"},
    "checklist.col.key": {"ja": "要件キー（編集不可）", "en": "Key (do not edit)"},
    "checklist.prompt.result": {
        "ja": "証跡を確認した結果を選んでください（確認済み / 確認できない / 一部確認）",
        "en": "Choose what the review of the evidence found (確認済み / 確認できない / 一部確認)",
    },
    "checklist.prompt.method": {
        "ja": "確認方法を選んでください（閲覧 / 聴取 / 実地確認 / 設定確認）",
        "en": "Choose how the evidence was reviewed (閲覧 / 聴取 / 実地確認 / 設定確認)",
    },
    "checklist.choose": {"ja": "一覧から選んでください", "en": "Choose from the list"},
    "checklist.date_only": {"ja": "日付を入力してください（例: 2026-11-20）", "en": "Enter a date (e.g. 2026-11-20)"},
    # --- checklist import -----------------------------------------------------------------------
    "checklist.not_xlsx": {
        "ja": "Excel ブック（.xlsx）として読めません: {detail}",
        "en": "cannot be read as an Excel workbook (.xlsx): {detail}",
    },
    "checklist.bomb": {
        "ja": "展開後のサイズが異常に大きいブックです（{size} バイト、上限 {limit} バイト）。読み取りを中止しました",
        "en": "the workbook expands to an unreasonable size ({size} bytes, limit {limit}); not read",
    },
    "checklist.no_sheet": {
        "ja": "auditor のチェックリストのシートがありません（要件キー列のある見出し行が見つかりません）",
        "en": "no auditor checklist sheet (no header row with the key column)",
    },
    "checklist.unknown_sheet": {
        "ja": "シート '{sheet}' がありません（あるシート: {known}）",
        "en": "no sheet '{sheet}' (sheets: {known})",
    },
    "checklist.missing_column": {
        "ja": "列 '{column}' がありません（見出しを変えたか削除しましたか）",
        "en": "no column '{column}' (was its header changed or the column deleted?)",
    },
    "checklist.no_key": {
        "ja": "この行は auditor の要件行ではありません（要件キーがありません）。"
        "証跡は auditor が書き出した行に記入してください",
        "en": "this row is not one of auditor's requirement rows (no key); record evidence on the exported rows",
    },
    "checklist.bad_key": {"ja": "要件キーが正しくありません: {value}", "en": "not a valid key: {value}"},
    "checklist.other_body": {
        "ja": "別の団体（団体コード {theirs}）のチェックリストの行です（このシートの団体: {ours}）",
        "en": "a row from another body's checklist (code {theirs}; this sheet: {ours})",
    },
    "checklist.other_version": {
        "ja": "別の版のポリシー（sha256 {theirs}…）から書き出された行が混在しています（このシート: {ours}…）",
        "en": "a row exported from another version of the policy (sha256 {theirs}…; this sheet: {ours}…)",
    },
    "checklist.policy_other_body": {
        "ja": "このチェックリストは別の団体（団体コード {theirs}）のものです（--policy の団体: {ours}）",
        "en": "this checklist belongs to another body (code {theirs}; --policy: {ours})",
    },
    "checklist.policy_other_version": {
        "ja": "このチェックリストは {policy} の現在の版ではなく、別の版（sha256 {theirs}…）から書き出されたものです",
        "en": "this checklist was exported from another version of {policy} (sha256 {theirs}…), not the current one",
    },
    "checklist.several_bodies": {
        "ja": "複数の団体のシートがあります（{codes}）。--sheet でシートを選んでください",
        "en": "sheets of several bodies ({codes}); choose one with --sheet",
    },
    "checklist.not_a_date": {"ja": "日付ではありません: {value}", "en": "not a date: {value}"},
    "checklist.future": {
        "ja": "確認日 {date} が今日（{today}）より後です",
        "en": "the review date {date} is after today ({today})",
    },
    "checklist.order": {
        "ja": "有効期限 {until} が確認日 {date} より前です",
        "en": "holds until {until}, before its review date {date}",
    },
    "checklist.unknown_result": {
        "ja": "確認結果 '{value}' は選べません（確認済み / 確認できない / 一部確認）",
        "en": "result '{value}' is not one of 確認済み / 確認できない / 一部確認",
    },
    "checklist.unknown_method": {
        "ja": "確認方法 '{value}' は選べません（閲覧 / 聴取 / 実地確認 / 設定確認）",
        "en": "method '{value}' is not one of 閲覧 / 聴取 / 実地確認 / 設定確認",
    },
    "checklist.needs_result": {
        "ja": "確認結果がありません（証跡の欄が記入されています）",
        "en": "no result, though the evidence cells are filled in",
    },
    "checklist.needs": {"ja": "{column}がありません", "en": "{column} is missing"},
    "checklist.written": {
        "ja": "{file} に証跡 {count} 件を書き出しました（{sheets}）",
        "en": "wrote {count} evidence record(s) to {file} ({sheets})",
    },
    "checklist.nothing": {
        "ja": "記入された証跡がありません（確認結果の欄が空です）。ファイルは書き出しません",
        "en": "no evidence filled in (the result cells are empty); nothing written",
    },
    "checklist.exists": {
        "ja": "{file} は既に存在します（上書きするには --force）",
        "en": "{file} already exists (use --force to replace it)",
    },
}
