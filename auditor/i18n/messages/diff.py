"""``auditor diff``: what a policy change does to each requirement."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "diff.kind.changed": {"ja": "変更", "en": "changed"},
    "diff.kind.added": {"ja": "追加", "en": "added"},
    "diff.kind.removed": {"ja": "削除", "en": "removed"},
    "diff.col.kind": {"ja": "区分", "en": "change"},
    "diff.col.level": {"ja": "必須/推奨", "en": "level"},
    "diff.col.title": {"ja": "要件", "en": "requirement"},
    "diff.col.details": {"ja": "変更内容", "en": "what changed"},
    "diff.summary": {
        "ja": "{a} → {b}: 変更 {changed} 件 / 追加 {added} 件 / 削除 {removed} 件",
        "en": "{a} → {b}: {changed} changed / {added} added / {removed} removed",
    },
    "policydiff.kind.new_fail": {"ja": "新たに不適合", "en": "newly failing"},
    "policydiff.kind.new_waiver": {"ja": "新たに例外措置", "en": "newly waived"},
    "policydiff.kind.loosened": {"ja": "値の緩和", "en": "loosened"},
    "policydiff.kind.new_pass": {"ja": "新たに適合", "en": "newly passing"},
    "policydiff.kind.now_waived": {"ja": "例外措置に移行", "en": "now waived"},
    "policydiff.kind.tightened": {"ja": "値の強化", "en": "tightened"},
    "policydiff.kind.status_changed": {"ja": "状態の変化", "en": "status changed"},
    "policydiff.status": {"ja": "{old} → {new}", "en": "{old} → {new}"},
    "policydiff.value": {
        "ja": "'{path}': {old} → {new}（要件: {expected}）",
        "en": "'{path}': {old} → {new} (requirement: {expected})",
    },
    "policydiff.summary": {
        "ja": "差分 {old} → {new}: 後退 {regressions} 件（新たに不適合 {new_fail} / 値の緩和 {loosened} / "
        "新たに例外措置 {new_waiver}）、改善 {improvements} 件、その他の変化 {other} 件",
        "en": "Diff {old} → {new}: {regressions} regression(s) ({new_fail} newly failing / {loosened} loosened / "
        "{new_waiver} newly waived), {improvements} improvement(s), {other} other change(s)",
    },
    "policydiff.undeclared": {"ja": "未宣言", "en": "not declared"},
    "policydiff.heading": {"ja": "ポリシー変更の影響", "en": "Effect of the policy change"},
    "policydiff.col.kind": {"ja": "変化", "en": "Change"},
    "policydiff.col.id": {"ja": "ID", "en": "ID"},
    "policydiff.col.severity": {"ja": "重要度", "en": "Severity"},
    "policydiff.col.level": {"ja": "区分", "en": "Level"},
    "policydiff.col.requirement": {"ja": "要件", "en": "Requirement"},
    "policydiff.col.line": {"ja": "行", "en": "Line"},
    "policydiff.col.detail": {"ja": "内容", "en": "Detail"},
    "policydiff.none": {"ja": "要件に関わる変更はありません", "en": "no change affects a requirement"},
    "policydiff.new_file": {
        "ja": "{ref} には {path} がありません。新しいファイルとして空のポリシーと比較します",
        "en": "{path} does not exist at {ref}; compared as a new file",
    },
    "policydiff.usage": {
        "ja": "OLD と NEW の 2 ファイル、または --base REF と POLICY 1 ファイルを指定してください",
        "en": "give OLD and NEW, or --base REF and one POLICY",
    },
}
