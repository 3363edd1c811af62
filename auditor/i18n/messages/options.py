"""Command-line help of the options: shared ones (``help.opt.*``) and each command's own (``help.COMMAND.*``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # shared by several commands
    "help.opt.help": {"ja": "このヘルプを表示して終了します。", "en": "Show this message and exit."},
    "help.opt.version": {"ja": "バージョンを表示して終了します。", "en": "Show the version and exit."},
    "help.opt.lang": {
        "ja": "メッセージとレポートの言語（既定 ja、または $AUDITOR_LANG）。",
        "en": "Language of messages and reports (default ja, or $AUDITOR_LANG).",
    },
    "help.opt.debug": {
        "ja": "内部エラーのときにトレースバックを表示します。",
        "en": "Show a traceback on internal errors.",
    },
    "help.opt.output": {
        "ja": "レポートを標準出力ではなく FILE に書き出します（アトミックに）。",
        "en": "Write the report to FILE (atomically) instead of standard output.",
    },
    "help.opt.rules": {
        "ja": "追加のルールファイルのディレクトリ（複数指定可）。検査はしますが、実行はしません。",
        "en": "An extra directory of rule files (repeatable); validated, never executed.",
    },
    "help.opt.edition": {
        "ja": "監査に使うガイドラインの版（既定: 収録した最新の版）。",
        "en": "Guideline edition to audit against (default: the newest encoded).",
    },
    "help.opt.date": {
        "ja": "監査日 YYYY-MM-DD（既定: 今日）。例外措置の期限とレポートの日付はこの日で判断します。",
        "en": "Audit date YYYY-MM-DD (default today); fixes waiver expiry and report dates.",
    },
    "help.opt.fail_on": {
        "ja": "この重要度以上の要件が不適合なら終了コード 1（'none': 常に 0）。",
        "en": "Exit 1 when a requirement of at least this severity fails ('none': never).",
    },
    "help.opt.fail_on_level": {
        "ja": "必須（must）の要件だけで判定するか、必須と推奨（should）の両方で判定するか。",
        "en": "Only gate on 必須 (must) requirements, or on both must and should.",
    },
    "help.opt.waivers": {
        "ja": "追加の例外措置を記載した YAML ファイル（ポリシーの 'waivers:' と同じ形式）。",
        "en": "A YAML file of further waivers (例外措置), same schema as the policy's 'waivers:'.",
    },
    "help.opt.quiet": {
        "ja": "不適合とエラーだけを 1 行ずつ表示します（pre-commit などのフック向け）。",
        "en": "Show only failures and errors, one line each (for hooks such as pre-commit).",
    },
    "help.validate.quiet": {
        "ja": "問題のあるファイルだけを表示します（妥当なファイルは表示しません）。",
        "en": "Show only the problems (nothing for valid files).",
    },
    "help.opt.list_format": {"ja": "出力形式。", "en": "Output format."},
    "help.opt.evidence": {
        "ja": "証跡ファイル（複数指定可）。確認した記録（YAML: auditor checklist import の出力、または手書き）で"
        "要確認の要件を判定し、auditor extract の証跡 JSON で団体の条文を根拠として示します。",
        "en": "An evidence file (repeatable): reviewed records (YAML, from `auditor checklist import` or by hand) "
        "settle 要確認 requirements; the evidence JSON of `auditor extract` cites the body's own clauses.",
    },
    # auditor audit
    "help.audit.format": {
        "ja": "レポート形式（カンマ区切りで複数可）: table, json, sarif, junit, github, markdown, html, pdf, "
        "xlsx, oscal。既定: table（GITHUB_ACTIONS=true のときは github）。",
        "en": "Report format(s), comma-separated: table, json, sarif, junit, github, markdown, html, pdf, xlsx, "
        "oscal. Default: table, or github when GITHUB_ACTIONS=true.",
    },
    "help.audit.pdf_variant": {
        "ja": "PDF のみ: 長期保存用の PDF/A-3b、またはアクセシビリティ規格 PDF/UA-1 で書き出します"
        "（どの PDF もタグ付きで、JSON の結果が添付されます）。",
        "en": "PDF only: write archival PDF/A-3b, or accessible PDF/UA-1 (every PDF is tagged and carries the "
        "JSON results).",
    },
    "help.audit.sarif_include": {
        "ja": "SARIF のみ: actionable は対応が必要なもの（不適合・エラー、例外承認は抑制として）、all は全要件。",
        "en": "SARIF only: 'actionable' reports what needs action (failures, errors; waived ones as "
        "suppressions), 'all' every requirement.",
    },
    "help.audit.baseline": {
        "ja": "このベースラインファイルに記録されていない不適合だけで判定します（auditor baseline create）。",
        "en": "Gate only on failures not recorded in this baseline file (auditor baseline create).",
    },
    "help.audit.waiver_warn_days": {
        "ja": "この日数以内に期限が切れる例外措置を警告します。",
        "en": "Warn about waivers that expire within this many days.",
    },
    "help.audit.compare": {
        "ja": "前回の監査結果（JSON レポート、またはベースラインファイル）と比べ、"
        "章ごとに改善・悪化した要件を示します。",
        "en": "A previous JSON report (or a baseline file): show per chapter what improved and what regressed.",
    },
    # auditor checklist
    "help.checklist.output": {"ja": "チェックリストのブック（.xlsx）。", "en": "The checklist workbook (.xlsx)."},
    "help.checklist.import_output": {
        "ja": "書き出す証跡ファイル（YAML）。",
        "en": "The evidence file to write (YAML).",
    },
    "help.checklist.policy": {
        "ja": "チェックリストの対象のポリシー: 別の団体のシートは拒否し、"
        "別の版から書き出されたシートはその旨を示します。",
        "en": "The policy the checklist belongs to: another body's sheet is refused, another version named.",
    },
    "help.checklist.sheet": {
        "ja": "このシートだけを読み込みます（ブックに複数の団体のシートがあるとき）。",
        "en": "Read only this sheet (when the workbook holds several bodies).",
    },
    "help.checklist.force": {"ja": "既存の証跡ファイルを置き換えます。", "en": "Replace an existing evidence file."},
    "help.checklist.date": {
        "ja": "今日の日付 YYYY-MM-DD（既定: 今日）。これより後の確認日は受け付けません。",
        "en": "Today's date YYYY-MM-DD (default today): review dates after it are refused.",
    },
    # auditor init
    "help.init.model": {
        "ja": "ネットワークのモデル（三層の対策のモデル）。既定: alpha（--from のときは下書きのモデル）。",
        "en": "Network model (三層の対策のモデル). Default: alpha, or the draft's with --from.",
    },
    "help.init.entity": {
        "ja": "市区町村（municipality）または都道府県（prefecture）。"
        "既定: municipality（--from のときは下書きの区分）。",
        "en": "Municipality (市区町村) or prefecture (都道府県). Default: municipality, or the draft's with --from.",
    },
    "help.init.example": {
        "ja": "未回答のままにせず、すべての項目にガイドラインに適合する記入例を書きます。",
        "en": "Fill every value with the guideline-compliant example instead of leaving it unanswered.",
    },
    "help.init.from": {
        "ja": "auditor extract の下書きを取り込みます: 条文で定まった値は根拠とともに残し、それ以外は未回答にします。",
        "en": "Merge a draft of `auditor extract`: keep what it settled (with its citations), the rest unanswered.",
    },
    "help.init.output": {
        "ja": "標準出力ではなく FILE に書き出します。",
        "en": "Write to FILE instead of standard output.",
    },
    "help.init.force": {"ja": "FILE が既にあれば上書きします。", "en": "Overwrite FILE if it exists."},
    # auditor rules
    "help.rules.coverage.edition": {
        "ja": "この版のルールを数えます（既定: 収録した最新の版）。",
        "en": "Count the rules of this edition (default: the newest encoded).",
    },
    # auditor diff
    "help.diff.base": {
        "ja": "POLICY を、この git リビジョン（origin/main、HEAD~1 など）での版と比較します。",
        "en": "Compare POLICY with its version at this git revision (e.g. origin/main, HEAD~1).",
    },
    "help.diff.format": {
        "ja": "table, json, markdown（プルリクエストのコメント用）, github。既定: table"
        "（GitHub Actions では github）。",
        "en": "table, json, markdown (for a PR comment) or github. Default: table, or github in GitHub Actions.",
    },
    "help.diff.fail_on": {
        "ja": "この重要度以上の後退があれば終了コード 1（'none': 常に 0）。",
        "en": "Exit 1 when a regression of at least this severity is found ('none': never).",
    },
    "help.diff.fail_on_level": {
        "ja": "必須（must）の要件の後退だけで判定するか、両方の区分で判定するか。",
        "en": "Only regressions of 必須 (must) requirements gate, or those of both levels.",
    },
    "help.diff.date": {
        "ja": "監査日 YYYY-MM-DD（既定: 今日）。両方の版に使います。",
        "en": "Audit date YYYY-MM-DD (default today), used for both versions.",
    },
    # auditor baseline
    "help.baseline.output": {"ja": "ベースラインファイル（YAML）。", "en": "The baseline file (YAML)."},
    "help.baseline.date": {"ja": "監査日 YYYY-MM-DD（既定: 今日）。", "en": "Audit date YYYY-MM-DD (default today)."},
    "help.baseline.waivers": {
        "ja": "追加の例外措置の YAML ファイル（auditor audit と同じ）。",
        "en": "A YAML file of further waivers, as for `auditor audit`.",
    },
    "help.baseline.force": {
        "ja": "既存のベースラインファイルを置き換えます。",
        "en": "Replace an existing baseline file.",
    },
    # auditor batch
    "help.batch.format": {
        "ja": "レポート形式（カンマ区切りで複数可）: table, json, csv, xlsx, html, pdf。",
        "en": "Report format(s), comma-separated: table, json, csv, xlsx, html, pdf.",
    },
    "help.batch.jobs": {
        "ja": "ワーカープロセス数。0 は自動（大きなバッチでは CPU ごとに 1 つ）。",
        "en": "Worker processes; 0 chooses automatically (one per CPU for large batches).",
    },
    "help.batch.per_policy_reports": {
        "ja": "各ポリシーのレポートも DIR に書き出します（並列に）。",
        "en": "Also write each policy's own report into DIR (in parallel).",
    },
    "help.batch.per_policy_format": {
        "ja": "ポリシーごとのレポートの形式（カンマ区切り。auditor audit の形式ならどれでも。例: pdf,json）。",
        "en": "Format(s) of the per-policy reports, comma-separated (any format of 'auditor audit', e.g. pdf,json).",
    },
    "help.batch.title": {
        "ja": "HTML と PDF の表紙の題名（既定: 1 つの都道府県とその市区町村のバッチなら、その都道府県）。",
        "en": "Title of the HTML and PDF cover (default: the prefecture, when the batch is one prefecture and "
        "its municipalities).",
    },
    "help.batch.top": {
        "ja": "不適合の多い要件の一覧と順位表に載せる件数（table, HTML, PDF）。",
        "en": "Entries shown in the most-failed list and the ranking (table, HTML, PDF).",
    },
    "help.batch.fail_on": {
        "ja": "この重要度以上の要件がどこかで不適合なら終了コード 1（'none': 常に 0）。",
        "en": "Exit 1 when a requirement of at least this severity fails anywhere ('none': never).",
    },
    # auditor extract
    "help.extract.output": {
        "ja": "ポリシー YAML の下書きを FILE に書き出します（アトミックに。'-' で標準出力）。",
        "en": "Write the draft policy YAML to FILE (atomically; '-' for standard output).",
    },
    "help.extract.evidence": {
        "ja": "根拠の JSON も書き出します: 値ごとの条・ページ・引用・確信度・根拠。",
        "en": "Also write the evidence JSON: per value its clause, page, quote, confidence and basis.",
    },
    "help.extract.report": {
        "ja": "改定対応の差分一覧を表示します（該当条文のない要件、要件より弱い条文）。",
        "en": "Print the 改定対応 gap list (requirements with no clause, clauses weaker than the requirement).",
    },
    "help.extract.entity_code": {
        "ja": "全国地方公共団体コード（6 桁。文書に書かれていることはまれです）。",
        "en": "全国地方公共団体コード (6 digits; documents rarely state it).",
    },
    "help.extract.entity_name": {
        "ja": "団体名（文書の題名に団体名がないとき）。",
        "en": "団体名, when the documents' titles do not name the body.",
    },
    "help.extract.model": {
        "ja": "ネットワークのモデル（文書に書かれていないとき。三層の対策のモデル）。",
        "en": "Network model, when the documents do not state it (三層の対策のモデル).",
    },
    "help.extract.edition": {
        "ja": "ポリシーが準拠するガイドラインの版（文書に書かれていないとき）。",
        "en": "Guideline edition the policy follows, when the documents do not state it.",
    },
    "help.extract.encoding": {
        "ja": "文字コードの宣言がない .txt/.md/.html 入力の文字コード（例: cp932）。",
        "en": "Encoding of .txt/.md/.html input without a declared one (e.g. cp932).",
    },
    "help.extract.date": {
        "ja": "差分一覧のルールと根拠ファイルの日付（既定: 今日）。",
        "en": "Date for the gap list's rules and the evidence file (default today).",
    },
    # auditor oscal
    "help.oscal.date": {
        "ja": "文書の日付 YYYY-MM-DD（既定: 今日）。同じルールと日付なら同じバイト列になります。",
        "en": "Date of the document YYYY-MM-DD (default today); the same rules and date give the same bytes.",
    },
    "help.oscal.model": {
        "ja": "ネットワークのモデル（三層の対策のモデル）。",
        "en": "Network model (三層の対策のモデル).",
    },
    "help.oscal.edition": {"ja": "ガイドラインの版。", "en": "Guideline edition."},
    "help.oscal.entity": {
        "ja": "都道府県または市区町村に適用される要件だけ（既定: 両方）。",
        "en": "Only the requirements of prefectures or of municipalities (default: both).",
    },
    "help.oscal.catalog_href": {
        "ja": "profile が取り込む catalog の参照先（auditor oscal catalog で書き出したファイル）。",
        "en": "Where the profile finds the catalog it imports (the file auditor oscal catalog wrote).",
    },
}
