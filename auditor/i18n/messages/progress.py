"""Progress over time: an audit compared with a previous one (``auditor audit --compare``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "progress.json": {"ja": "JSON 構文エラー: {detail}", "en": "JSON syntax error: {detail}"},
    "progress.not_report": {
        "ja": "前回の監査結果として読めません"
        "（auditor audit --format json の出力かベースラインファイルを指定してください）",
        "en": "not a previous audit (give the output of `auditor audit --format json` or a baseline file)",
    },
    "progress.other_body": {
        "ja": "前回の監査結果に団体コード {ours} の団体がありません（含まれる団体: {theirs}）",
        "en": "the previous audit has no body with code {ours} (it has: {theirs})",
    },
    "progress.heading": {
        "ja": "■ 前回の監査との比較（{file}、{date}）: 改善 {improved} 件 / 悪化 {regressed} 件",
        "en": "■ Since the previous audit ({file}, {date}): {improved} improved / {regressed} regressed",
    },
    "progress.chapter": {
        "ja": "  {chapter}: {before} → {after}{delta} {changes}",
        "en": "  {chapter}: {before} → {after}{delta} {changes}",
    },
    "progress.improved": {"ja": "改善: {rules}", "en": "improved: {rules}"},
    "progress.regressed": {"ja": "悪化: {rules}", "en": "regressed: {rules}"},
    "progress.added": {"ja": "新規の要件 {count} 件", "en": "{count} new requirement(s)"},
    "report.progress": {"ja": "前回の監査との比較", "en": "Progress since the previous audit"},
    "report.progress.caption": {
        "ja": "章ごとの適合率（上: 前回 {date}、下: 今回）。改善・悪化した要件の数を右に示す。",
        "en": "Pass rate per chapter (top: previous audit {date}; bottom: this audit), "
        "with the rules improved and regressed.",
    },
    "report.progress.before": {"ja": "前回", "en": "Before"},
    "report.progress.after": {"ja": "今回", "en": "Now"},
    "report.progress.improved": {"ja": "改善", "en": "Improved"},
    "report.progress.regressed": {"ja": "悪化", "en": "Regressed"},
}
