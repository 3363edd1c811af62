"""The command line itself: interruption, internal errors, option problems."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "cli.error_prefix": {"ja": "エラー", "en": "error"},
    "cli.internal": {
        "ja": "内部エラー: {detail}（--debug で詳細を表示。auditor の不具合です）",
        "en": "internal error: {detail} (rerun with --debug for details; this is a bug in auditor)",
    },
    "cli.usage_error": {
        "ja": "エラー: {message}（{command} -h で使い方を表示）",
        "en": "error: {message} (see {command} -h)",
    },
    "cli.interrupted": {"ja": "中断しました", "en": "interrupted"},
    "cli.summary": {
        "ja": "結果: 適合 {pass_} / 不適合 {fail} / 対象外 {not_applicable} / 例外承認 {waived} / "
        "要確認 {manual} / エラー {error}（必須要件の適合率 {rate}）",
        "en": "Result: pass {pass_} / fail {fail} / not applicable {not_applicable} / waived {waived} / "
        "manual {manual} / error {error} (must-level compliance {rate})",
    },
    "cli.valid": {"ja": "{file}: 妥当です（{kind}）", "en": "{file}: valid ({kind})"},
    "cli.kind.policy": {"ja": "ポリシー", "en": "policy"},
    "cli.kind.rule": {"ja": "ルール", "en": "rule"},
    "cli.written": {"ja": "{file} に書き出しました", "en": "wrote {file}"},
    "cli.refuse_overwrite_input": {
        "ja": "出力先 {file} は入力ファイルです。上書きしません",
        "en": "refusing to write the report over the input file {file}",
    },
    "cli.exists": {
        "ja": "{file} は既に存在します（上書きするには --force）",
        "en": "{file} already exists (use --force to overwrite)",
    },
    "cli.lint_ok": {"ja": "ルール {count} 件: 問題なし", "en": "{count} rules: no problems"},
    "cli.lint_failed": {"ja": "ルールの問題 {count} 件", "en": "{count} rule problem(s)"},
    "cli.warning_prefix": {"ja": "警告", "en": "warning"},
    "cli.summary_rates": {
        "ja": "必須要件の適合率: 例外措置を含めない {rate} / 例外措置を含める {rate_waived}（例外承認 {waived} 件）",
        "en": "Must-level compliance: {rate} without waivers / {rate_waived} counting waivers ({waived} waived)",
    },
}
