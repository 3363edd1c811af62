"""Command-line help: what each command does (``help.COMMAND``) and click's own headings.

A command's first paragraph is its one-line summary in ``auditor -h``. The options' help texts
are in :mod:`auditor.i18n.messages.options`.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # click's headings, the usage prefix and the extras after an option's help
    "help.usage": {"ja": "使い方:", "en": "Usage:"},
    "help.heading.options": {"ja": "オプション", "en": "Options"},
    "help.heading.commands": {"ja": "コマンド", "en": "Commands"},
    "help.heading.examples": {"ja": "例:", "en": "Example:"},
    "help.extra.default": {"ja": "既定: {default}", "en": "default: {default}"},
    "help.extra.required": {"ja": "必須", "en": "required"},
    # commands
    "help.cli": {
        "ja": "団体が宣言した情報セキュリティポリシー（YAML）を、総務省「地方公共団体における情報セキュリティ"
        "ポリシーに関するガイドライン」に照らして監査します。\n\n"
        "表示は日本語が既定です。英語は --lang en（または AUDITOR_LANG=en）。コマンドの前後どちらにも書けます。",
        "en": "Audit a local government's information-security policy against the MIC guideline "
        "(総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」).\n\n"
        "Output is in Japanese by default; --lang en (or AUDITOR_LANG=en) for English, before or after "
        "the command.",
    },
    "help.audit": {
        "ja": "ポリシーファイル（POLICIES）をガイドラインのルールに照らして監査します。\n\n"
        "要件ごとに 適合 / 不適合 / 対象外 / 例外承認 / 要確認 / エラー を、根拠の節・宣言値・期待値・行番号・"
        "是正方法とともに報告します。'-' は標準入力からポリシーを読みます。\n\n"
        "既定値はプロジェクトの設定（.auditor.yaml、または pyproject.toml の [tool.auditor]）から読みます。"
        "コマンドラインの指定が優先します。",
        "en": "Audit POLICY files against the MIC guideline rules.\n\n"
        "Every requirement is reported as pass / fail / not applicable / waived / manual / error, with its "
        "guideline section, the declared and expected values, the line and the fix. '-' reads a policy from "
        "standard input.\n\n"
        "Defaults come from the project configuration (.auditor.yaml, or [tool.auditor] in pyproject.toml); "
        "options on the command line win.",
    },
    "help.validate": {
        "ja": "ポリシーファイルまたはルールファイル（FILES）をスキーマだけで検査します（監査はしません）。\n\n"
        "種類は内容から判断します（'entity' があればポリシー、'id' があればルール）。'-' は"
        "標準入力から読みます。",
        "en": "Validate policy or rule FILES against their schema (no audit).\n\n"
        "The kind of each file is recognised from its content ('entity' for a policy, 'id' for a rule). "
        "'-' reads from standard input.",
    },
    "help.init": {
        "ja": "すべての項目をコメント付き（日本語）で記載した、スキーマに適合するポリシーのひな形を書き出します。\n\n"
        "各項目は未回答（null）で、その上に要件が求める値（期待値）と区分を示すので、記入しないまま監査すると"
        "「未宣言」となり、適合にはなりません。",
        "en": "Write a complete, commented (Japanese) template policy that validates.\n\n"
        "Every value is unanswered (null), with the value the rules expect and their level in the comment "
        "above it, so an unfilled template audits as not declared, never as compliant.",
    },
    "help.checklist": {
        "ja": "Excel のチェックリストの往復: 書き出し、要確認の行に記入し、証跡として取り込みます。",
        "en": "The Excel checklist round trip: export it, fill in the 要確認 rows, import them as evidence.",
    },
    "help.checklist.export": {
        "ja": "POLICY を監査し、チェックリストのブックを書き出します（auditor audit --format xlsx と同じ）。",
        "en": "Audit POLICY and write its checklist workbook (the same as `auditor audit --format xlsx`).",
    },
    "help.checklist.import": {
        "ja": "WORKBOOK に職員が記入した内容を証跡の記録として読み込みます（--evidence に渡すファイル）。\n\n"
        "確認結果のある行がそれぞれ 1 件の記録（何を・どこで・誰が・いつ・どの方法で・いつまで）になります。"
        "誤ったセルはシート名とセル番地で示し、そのときは何も書き出しません。",
        "en": "Read what staff filled in on WORKBOOK's rows into evidence records (the file `--evidence` takes).\n\n"
        "Every row with a 確認結果 becomes a record (what, where, who, when, how, until when). A bad cell "
        "is reported as sheet and cell, and then nothing is written.",
    },
    "help.schema": {
        "ja": "ポリシーファイルまたはルールファイル（KIND: policy / rule）の JSON Schema を出力します。\n\n"
        "エディタでの補完・検査には、ポリシーファイルの 1 行目に "
        "'# yaml-language-server: $schema=./policy.schema.json' と書きます。",
        "en": "Print the JSON Schema of KIND (policy or rule) files.\n\n"
        "For completion and checks in an editor, put "
        "'# yaml-language-server: $schema=./policy.schema.json' on the first line of a policy file.",
    },
    "help.rules": {
        "ja": "ルールカタログを一覧・表示・検査します。",
        "en": "Inspect and check the rule catalogue.",
    },
    "help.rules.list": {
        "ja": "すべてのルールを、区分・重要度・分野・ガイドラインの該当箇所とともに一覧表示します。",
        "en": "List every rule with its level, severity, area and guideline citation.",
    },
    "help.rules.show": {
        "ja": "1 件のルールを表示します: 何を求めるか、ガイドラインのどこにあるか、不適合の是正方法。",
        "en": "Show one rule: what it requires, where the guideline says so, and how to fix a failure.",
    },
    "help.rules.lint": {
        "ja": "カタログを検査します: スキーマ、パス、出典、翻訳、ルールの例どおりに判定されるか。",
        "en": "Check the catalogue: schema, paths, citations, translations, and that examples behave.",
    },
    "help.rules.diff": {
        "ja": "版 EDITION_A から EDITION_B までに追加・削除・変更されたルールを一覧表示します。\n\n"
        "ガイドライン改定後に対応すべき一覧です: 新しい要件、適用されなくなった要件、節番号や文言"
        "（区分・判定・適用条件）が変わった要件。",
        "en": "List the rules added, removed and changed from edition EDITION_A to EDITION_B.\n\n"
        "The migration list to work through after a revision of the guideline: new requirements, "
        "requirements that no longer apply, and requirements renumbered or reworded (level, check, "
        "applicability).",
    },
    "help.rules.coverage": {
        "ja": "ガイドラインの節ごとに、ルール数と自動判定・要確認の割合を表示します。\n\n"
        "ルールのない節がカタログの未対応箇所です。既知の節を指さないルールは「節不明」として表示します。",
        "en": "Show each guideline section with its rule count and the automated versus manual share.\n\n"
        "Sections without any rule are the gaps in the catalogue's coverage; rules whose citation names "
        "no known section are listed as unmapped.",
    },
    "help.diff": {
        "ja": "ポリシーの 2 つの版を比較します: OLD NEW、または --base GIT_REF POLICY。\n\n"
        "新たに不適合になったルール、新たに適合したルール、ルールは適合のままでも緩和された値"
        "（ログ保存期間の短縮など）を、新しいファイルの行番号とともに報告します。後退があれば終了コード 1、"
        "なければ 0、入力が使えなければ 2 です。",
        "en": "Compare two versions of a policy: OLD NEW, or --base GIT_REF POLICY.\n\n"
        "Reports rules that newly fail, newly pass, and values loosened even where the rule still passes "
        "(e.g. log retention shortened), each with its line in the new file. Exit 1 on any regression, 0 "
        "otherwise, 2 on unusable input.",
    },
    "help.baseline": {
        "ja": "導入時に受け入れた不適合を記録します（ベースラインファイル）。\n\n"
        "以後 'auditor audit --baseline FILE' は FILE にない不適合だけで失敗し、記録済みのもの"
        "（既知と表示）も引き続き報告します。ファイルは YAML です。ポリシーと同様にレビューしてください。",
        "en": "Record the failures accepted when adopting auditor (a baseline file).\n\n"
        "'auditor audit --baseline FILE' then fails only on findings that are not in FILE, and still shows "
        "the recorded ones (marked as baseline). The file is YAML; review it like the policy.",
    },
    "help.baseline.create": {
        "ja": "POLICIES を監査し、現在の不適合をすべて新しいベースラインファイルに記録します。",
        "en": "Audit POLICIES and record every current failure in a new baseline file.",
    },
    "help.baseline.update": {
        "ja": "POLICIES の現在の不適合を既存のベースラインファイルに統合します。\n\n"
        "他のポリシーの記録は残し、引き続き一致する記録は日付と注記を保ち、新しい不適合を追加し、"
        "是正済み・変更された記録を削除します。",
        "en": "Merge the current failures of POLICIES into an existing baseline file.\n\n"
        "Entries of other policies are kept; entries that still match keep their date and note; new "
        "failures are added; entries now fixed or changed are removed.",
    },
    "help.batch": {
        "ja": "DIR_OR_GLOB... のすべてのポリシーを監査し、章ごとに比較します。\n\n"
        "ディレクトリからは *.yaml / *.yml を探します。'policies/**/*.yaml' のように引用符で囲んだパターンは"
        "展開します。読めない・検査に通らないファイルは 1 行で報告して続行し、そのときの終了コードは 2 です。",
        "en": "Audit every policy in DIR_OR_GLOB... and compare them chapter by chapter.\n\n"
        "Directories are searched for *.yaml / *.yml files; quoted patterns such as 'policies/**/*.yaml' are "
        "expanded. A file that cannot be read or validated is reported on one line and the batch goes on; "
        "the exit code is then 2.",
    },
    "help.extract": {
        "ja": "団体自身の文書（.docx、テキスト PDF、.txt、.md、.html）からポリシー YAML の下書きを作ります。\n\n"
        "条文で決まる値だけを設定し、それぞれに条・ページ・引用をコメントで付けます。その他の値は未回答"
        "（null）のまま残すので、監査では未宣言として報告されます。",
        "en": "Draft the policy YAML from the body's own documents (.docx, text PDF, .txt, .md, .html).\n\n"
        "Only values a clause settles are set, each commented with its clause, page and quote; every other "
        "value is left unanswered (null) so that the audit reports it as not declared.",
    },
    "help.oscal": {
        "ja": "ルールカタログと監査結果を OSCAL（NIST の標準交換形式、1.2.1）で書き出します。\n\n"
        "catalog は章を groups、ルールを controls、閾値を params、ガイドラインの版を links にします。"
        "profile はネットワークモデルと版ごとの要件の選択です。監査結果は auditor audit --format oscal。",
        "en": "Write the rule catalogue and audit results as OSCAL (NIST's exchange format, 1.2.1).\n\n"
        "catalog: chapters as groups, rules as controls, thresholds as params, guideline editions as links. "
        "profile: the requirements of one network model and edition. Results: auditor audit --format oscal.",
    },
    "help.oscal.catalog": {
        "ja": "すべてのルールを OSCAL catalog として書き出します（--lang の言語で）。",
        "en": "Write every rule as an OSCAL catalog (in the language of --lang).",
    },
    "help.oscal.profile": {
        "ja": "1 つのネットワークモデルと版に適用される要件を、catalog を取り込む OSCAL profile として書き出します。",
        "en": "Write the requirements of one network model and edition as an OSCAL profile importing the catalog.",
    },
}
