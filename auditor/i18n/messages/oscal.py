"""OSCAL documents: titles and descriptions of the catalog, profiles, assessment plan, results and POA&M."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "oscal.guideline": {
        "ja": "地方公共団体における情報セキュリティポリシーに関するガイドライン",
        "en": "Guidelines for Information Security Policies of Local Governments (地方公共団体における"
        "情報セキュリティポリシーに関するガイドライン)",
    },
    "oscal.catalog.title": {
        "ja": "総務省「{guideline}」の要件（auditor のルールカタログ）",
        "en": "Requirements of the MIC {guideline} (auditor's rule catalogue)",
    },
    "oscal.catalog.remarks": {
        "ja": "章を groups、ルールを controls、閾値を params、ガイドラインの版と節を links（back-matter）で表します。"
        "ガイドラインそのものではなく、auditor がガイドラインから読み取った要件です。",
        "en": "Chapters are groups, rules are controls, thresholds are params, the guideline's editions and "
        "sections are links (back-matter). These are the requirements auditor reads in the guideline, not the "
        "guideline itself.",
    },
    "oscal.objective.automated": {
        "ja": "宣言されたポリシーファイルで次が成り立つこと: {condition}",
        "en": "The declared policy file satisfies: {condition}",
    },
    "oscal.objective.manual": {
        "ja": "ファイルでは確認できないため、証跡で確認すること: {evidence}",
        "en": "A file cannot show this; verify with evidence: {evidence}",
    },
    "oscal.method.automated": {
        "ja": "宣言されたポリシーファイルの検査（auditor による自動判定）",
        "en": "Examination of the declared policy file (decided by auditor)",
    },
    "oscal.method.manual": {
        "ja": "監査人による証跡の確認（auditor は判定しません）",
        "en": "Review of evidence by an auditor (auditor does not decide it)",
    },
    "oscal.profile.title": {
        "ja": "{model}モデル・{edition}の要件（{entities}）",
        "en": "Requirements for the {model} model, {edition} ({entities})",
    },
    "oscal.profile.entities.all": {"ja": "都道府県・市区町村", "en": "prefectures and municipalities"},
    "oscal.catalog.resource": {
        "ja": "auditor のルールカタログ（OSCAL catalog）",
        "en": "auditor's rule catalogue (OSCAL catalog)",
    },
    "oscal.plan.title": {
        "ja": "{entity} の情報セキュリティポリシーの監査計画",
        "en": "Assessment plan: {entity}'s information-security policy",
    },
    "oscal.plan.ssp": {
        "ja": "団体が宣言した情報セキュリティポリシー（YAML）をシステムセキュリティ計画として扱います。",
        "en": "The body's declared information-security policy (YAML) stands for the system security plan.",
    },
    "oscal.results.title": {
        "ja": "情報セキュリティポリシーの監査結果（{edition}、{date} 時点）",
        "en": "Information-security policy assessment results ({edition}, as of {date})",
    },
    "oscal.result.title": {"ja": "{entity}（{code}） {file}", "en": "{entity} ({code}) {file}"},
    "oscal.result.description": {
        "ja": "{file} を総務省ガイドライン {edition} の要件に照らして監査した結果。{summary}",
        "en": "{file} audited against the requirements of the MIC guideline, {edition}. {summary}",
    },
    "oscal.evidence.policy": {
        "ja": "ポリシーファイルの宣言（{path}、{line} 行）: {actual}",
        "en": "Declared in the policy file ({path}, line {line}): {actual}",
    },
    "oscal.evidence.not_declared": {"ja": "（未宣言）", "en": "(not declared)"},
    "oscal.risk.waiver": {
        "ja": "例外措置（承認: {approver}、{approved_on}）: {justification}",
        "en": "Waiver (approved by {approver} on {approved_on}): {justification}",
    },
    "oscal.risk.remediation": {"ja": "是正策", "en": "Remediation"},
    "oscal.poam.title": {
        "ja": "{entity} の是正計画（POA&M、{date} 時点）",
        "en": "Plan of action and milestones: {entity} (as of {date})",
    },
    "oscal.plan.resource": {"ja": "監査計画（OSCAL assessment plan）", "en": "Assessment plan (OSCAL)"},
    "oscal.poam.resource": {"ja": "是正計画（OSCAL POA&M）", "en": "Plan of action and milestones (OSCAL POA&M)"},
}
