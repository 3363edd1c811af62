"""User-facing language: Japanese by default, English with ``--lang en``.

Messages live here as ``key -> {ja, en}`` data so translations are reviewed side by side. The
current language is a context variable the CLI sets once per command; library code calls
:func:`t` and never branches on the language itself.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Literal

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")

_current: ContextVar[Lang] = ContextVar("auditor_lang", default="ja")


def set_language(lang: Lang) -> None:
    """Choose the language of every message produced from now on in this context."""
    _current.set(lang)


def language() -> Lang:
    """The language currently in force."""
    return _current.get()


def t(key: str, /, **params: object) -> str:
    """Translate message ``key`` into the current language and fill in ``params``."""
    entry = MESSAGES[key]
    return entry[_current.get()].format(**params)


def pick(text: dict[str, str] | None) -> str:
    """Choose the current language's variant of a bilingual text (falling back to Japanese)."""
    if not text:
        return ""
    return text.get(_current.get()) or text.get("ja") or next(iter(text.values()), "")


MESSAGES: dict[str, dict[Lang, str]] = {
    # --- reading files -------------------------------------------------------------------
    "file.missing": {"ja": "ファイルが見つかりません", "en": "file not found"},
    "file.is_directory": {
        "ja": "ディレクトリです（ファイルを指定してください）",
        "en": "is a directory (give a file)",
    },
    "file.unreadable": {"ja": "読み込めません: {reason}", "en": "cannot be read: {reason}"},
    "file.too_large": {
        "ja": "ファイルが大きすぎます（{size} バイト、上限 {limit} バイト）",
        "en": "file too large ({size} bytes, limit {limit} bytes)",
    },
    "file.binary": {
        "ja": "バイナリデータ（NUL バイト）を含んでいます。YAML テキストファイルを指定してください",
        "en": "contains binary data (NUL bytes); give a YAML text file",
    },
    "file.utf16": {
        "ja": "UTF-16 で保存されています。UTF-8 で保存し直してください",
        "en": "is encoded in UTF-16; save it as UTF-8",
    },
    "file.sjis": {
        "ja": "Shift_JIS (CP932) で保存されているようです。UTF-8 で保存し直してください（例: iconv -f CP932 -t UTF-8）",
        "en": "looks like Shift_JIS (CP932); save it as UTF-8 (e.g. iconv -f CP932 -t UTF-8)",
    },
    "file.not_utf8": {
        "ja": "UTF-8 として読めないバイトがあります（{offset} バイト目）。UTF-8 で保存してください",
        "en": "is not valid UTF-8 (byte offset {offset}); save it as UTF-8",
    },
    # --- YAML structure ------------------------------------------------------------------
    "yaml.syntax": {"ja": "YAML 構文エラー: {detail}", "en": "YAML syntax error: {detail}"},
    "yaml.empty": {
        "ja": "空のファイルです（YAML の内容がありません）",
        "en": "the file is empty (no YAML content)",
    },
    "yaml.not_mapping": {
        "ja": "最上位はマッピング（キー: 値）でなければなりません",
        "en": "the top level must be a mapping (key: value)",
    },
    "yaml.multiple_documents": {
        "ja": "複数の YAML ドキュメントが含まれています（1 ファイル 1 ドキュメント）",
        "en": "contains several YAML documents (one document per file)",
    },
    "yaml.duplicate_key": {
        "ja": "キー '{key}' が重複しています（最初の定義は {first} 行目）",
        "en": "duplicate key '{key}' (first defined on line {first})",
    },
    "yaml.bad_key": {
        "ja": "キーは文字列でなければなりません",
        "en": "mapping keys must be plain strings",
    },
    "yaml.tag": {
        "ja": "使用できない YAML タグです: {tag}",
        "en": "YAML tag not allowed: {tag}",
    },
    "yaml.too_deep": {
        "ja": "入れ子が深すぎます（上限 {limit} 段）",
        "en": "nesting too deep (limit {limit} levels)",
    },
    "yaml.too_many_nodes": {
        "ja": "値の数が多すぎます（エイリアス展開を含め上限 {limit} 個）。エイリアスの多重展開の可能性があります",
        "en": "too many values (limit {limit}, aliases expanded); possibly an alias bomb",
    },
    "yaml.merge": {
        "ja": "マージキー '<<' の値はマッピングかその列でなければなりません",
        "en": "the merge key '<<' takes a mapping or a list of mappings",
    },
    # --- hostile and broken input (issue 6) ----------------------------------------------
    "file.eucjp": {
        "ja": "EUC-JP で保存されているようです。UTF-8 で保存し直してください（例: iconv -f EUC-JP -t UTF-8）",
        "en": "looks like EUC-JP; save it as UTF-8 (e.g. iconv -f EUC-JP -t UTF-8)",
    },
    "yaml.control_character": {
        "ja": "YAML に使えない制御文字 {code} があります",
        "en": "control character {code} is not allowed in YAML",
    },
    "yaml.recursive_alias": {
        "ja": "エイリアス *{anchor} が自分自身を含むアンカーを参照しています",
        "en": "alias *{anchor} refers to an anchor that contains it (recursive)",
    },
    "yaml.undefined_alias": {
        "ja": "エイリアス *{anchor} のアンカー &{anchor} が定義されていません",
        "en": "alias *{anchor} refers to an undefined anchor",
    },
    "yaml.number_too_long": {
        "ja": "数値が長すぎます（上限 {limit} 文字）。文字列なら引用符で囲んでください",
        "en": "number too long (limit {limit} characters); quote it if it is text",
    },
    "yaml.bad_scalar": {
        "ja": "{tag} として読めない値です: {value}（{detail}）",
        "en": "not a valid {tag} value: {value} ({detail})",
    },
    "validate.union": {
        "ja": "'{path}' はどの形式にも当てはまりません（使えるキー: {forms}）",
        "en": "'{path}' matches none of the accepted forms (keys: {forms})",
    },
    "validate.given": {"ja": "（指定値: {value}）", "en": " (given: {value})"},
    "validate.quote_hint": {
        "ja": "。文字列は引用符で囲んでください（例: '012343'）。引用符がないと YAML は数値・日付・真偽値として"
        "読み、先頭の 0 が落ちたり 8 進数になったりします",
        "en": "; quote text values (e.g. '012343'): unquoted, YAML reads numbers, dates and yes/no as other types, "
        "dropping leading zeros or reading 0-prefixed digits as octal",
    },
    "rules.path_unknown": {
        "ja": "パス '{path}' はポリシーのスキーマにありません",
        "en": "path '{path}' does not exist in the policy schema",
    },
    "rules.op_mismatch": {
        "ja": "'{op}' は '{path}'（{kind}）に値 {value} では使えません",
        "en": "operator '{op}' does not fit '{path}' ({kind}) with value {value}",
    },
    "rules.not_directory": {
        "ja": "ディレクトリではありません（--rules にはルールファイルのディレクトリを指定します）",
        "en": "not a directory (--rules takes a directory of rule files)",
    },
    "rules.outside_pack": {
        "ja": "ルールパックの外を指すシンボリックリンクです。読み込みません",
        "en": "symbolic link pointing outside the rule pack; not read",
    },
    "rules.pack_too_large": {
        "ja": "ルールファイルの合計が大きすぎます（{size} バイト、上限 {limit} バイト）",
        "en": "rule files too large in total ({size} bytes, limit {limit} bytes)",
    },
    "rules.too_many_files": {
        "ja": "ルールファイルが多すぎます（{count} 件、上限 {limit} 件）",
        "en": "too many rule files ({count}, limit {limit})",
    },
    "output.is_directory": {
        "ja": "出力先 {file} はディレクトリです。ファイル名を指定してください",
        "en": "output {file} is a directory; give a file name",
    },
    "output.cannot_write": {
        "ja": "{file} に書き出せません: {reason}",
        "en": "cannot write {file}: {reason}",
    },
    # --- validation ----------------------------------------------------------------------
    "validate.unknown_key": {
        "ja": "不明なキー '{key}'",
        "en": "unknown key '{key}'",
    },
    "validate.did_you_mean": {"ja": "（もしかして '{guess}'?）", "en": " (did you mean '{guess}'?)"},
    "validate.missing": {
        "ja": "必須のキー '{key}' がありません",
        "en": "required key '{key}' is missing",
    },
    "validate.invalid": {"ja": "'{path}': {detail}", "en": "'{path}': {detail}"},
    "validate.kind_unknown": {
        "ja": "ポリシーファイルとルールファイルのどちらか判別できません（'entity' または 'id' が必要）",
        "en": "neither a policy file nor a rule file ('entity' or 'id' expected)",
    },
    "code.format": {
        "ja": "全国地方公共団体コードは 6 桁の数字です",
        "en": "a local government code (全国地方公共団体コード) has 6 digits",
    },
    "code.check_digit": {
        "ja": "全国地方公共団体コードの検査数字が正しくありません（{expected} のはず）",
        "en": "wrong check digit in the local government code (expected {expected})",
    },
    "code.prefecture": {
        "ja": "都道府県コード（先頭 2 桁）は 01〜47 です",
        "en": "the prefecture part (first two digits) must be 01-47",
    },
    "code.entity_type": {
        "ja": "団体コード {code} は{kind}のコードですが、type は '{declared}' です",
        "en": "code {code} is a {kind} code but type is '{declared}'",
    },
    "code.kind.prefecture": {"ja": "都道府県", "en": "prefecture"},
    "code.kind.municipality": {"ja": "市区町村", "en": "municipality"},
    # --- rules ---------------------------------------------------------------------------
    "rules.none": {
        "ja": "ルールが 1 件も見つかりません: {path}",
        "en": "no rule files found in {path}",
    },
    "rules.duplicate_id": {
        "ja": "ルール ID '{id}' が重複しています（{other}）",
        "en": "duplicate rule id '{id}' (also in {other})",
    },
    "rules.unknown_id": {"ja": "ルール '{id}' はありません", "en": "no such rule: '{id}'"},
    "rules.edition_unknown": {
        "ja": "版 '{edition}' のルールはありません（収録: {known}）",
        "en": "no rules for edition '{edition}' (known: {known})",
    },
    # --- engine outcomes -----------------------------------------------------------------
    "outcome.pass": {"ja": "要件を満たしています", "en": "requirement met"},
    "outcome.not_declared": {
        "ja": "'{path}' が宣言されていません（期待値: {expected}）",
        "en": "'{path}' is not declared (expected: {expected})",
    },
    "outcome.mismatch": {
        "ja": "'{path}' の宣言値 {actual} は要件を満たしません（期待値: {expected}）",
        "en": "'{path}' is declared as {actual}; expected {expected}",
    },
    "outcome.type_error": {
        "ja": "'{path}' の値 {actual} を {expected} と比較できません",
        "en": "cannot compare '{path}' value {actual} with {expected}",
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
    "outcome.na.edition": {
        "ja": "監査対象の版 {edition} には含まれない要件",
        "en": "not part of edition {edition}",
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
    # --- status names --------------------------------------------------------------------
    "status.pass": {"ja": "適合", "en": "pass"},
    "status.fail": {"ja": "不適合", "en": "fail"},
    "status.not_applicable": {"ja": "対象外", "en": "not applicable"},
    "status.waived": {"ja": "例外承認", "en": "waived"},
    "status.manual": {"ja": "要確認", "en": "manual"},
    "status.error": {"ja": "エラー", "en": "error"},
    "level.must": {"ja": "必須", "en": "must"},
    "level.should": {"ja": "推奨", "en": "should"},
    "severity.critical": {"ja": "緊急", "en": "critical"},
    "severity.high": {"ja": "高", "en": "high"},
    "severity.medium": {"ja": "中", "en": "medium"},
    "severity.low": {"ja": "低", "en": "low"},
    # --- batch: prefecture-wide audit (auditor batch, issue 7) ---------------------------
    "batch.no_policies_in_dir": {
        "ja": "ポリシーファイル（*.yaml, *.yml）がありません",
        "en": "no policy files (*.yaml, *.yml) in this directory",
    },
    "batch.no_match": {"ja": "一致するファイルがありません", "en": "no files match this pattern"},
    "batch.no_files": {"ja": "監査するファイルがありません", "en": "no files to audit"},
    "batch.unknown_format": {
        "ja": "不明な形式 '{name}'（使用可能: {known}）",
        "en": "unknown format '{name}' (known: {known})",
    },
    "batch.more_problems": {
        "ja": "（ほか {count} 件: auditor validate {file} で全件を表示）",
        "en": " (+{count} more: run auditor validate {file} to see all)",
    },
    "batch.duplicate_code": {
        "ja": "警告: 団体コード {code} が複数のファイルにあります: {files}",
        "en": "warning: entity code {code} appears in several files: {files}",
    },
    "batch.cannot_create": {"ja": "作成できません: {reason}", "en": "cannot be created: {reason}"},
    "batch.jobs": {"ja": "--jobs は 0（自動）以上です", "en": "--jobs must be 0 (automatic) or more"},
    "batch.progress": {"ja": "監査中", "en": "auditing"},
    "batch.reports_dir": {
        "ja": "団体ごとの報告書 {count} 件を {dir} に書き出しました",
        "en": "wrote {count} per-policy reports to {dir}",
    },
    "batch.heading": {
        "ja": "一括監査（監査基準: {edition} / 監査日: {date}）",
        "en": "Batch audit (audited against: {edition} / date: {date})",
    },
    "batch.section.matrix": {
        "ja": "■ 比較表（団体 × ガイドラインの章）",
        "en": "■ Comparison matrix (body x guideline chapter)",
    },
    "batch.legend": {
        "ja": "各欄: 適合率（適合 / 評価した要件。対象外・要確認を除く）と括弧内に必須要件の不適合数。"
        "緊急 = 重要度が緊急・高の必須要件の不適合",
        "en": "Each cell: compliance rate (passed / evaluated requirements, excluding not applicable and manual) "
        "and, in brackets, failed must-level (必須) requirements. Urgent = failed must-level requirements "
        "of critical or high severity",
    },
    "batch.section.most_failed": {
        "ja": "■ 不適合の多い要件（上位 {top}）",
        "en": "■ Requirements most often failed (top {top})",
    },
    "batch.section.ranking": {
        "ja": "■ 緊急の不備が多い団体（上位 {top}）",
        "en": "■ Bodies ranked by urgent gaps (top {top})",
    },
    "batch.section.unusable": {
        "ja": "■ 監査できなかったファイル（{count} 件）",
        "en": "■ Files that could not be audited ({count})",
    },
    "batch.none": {"ja": "なし", "en": "none"},
    "batch.page.title": {
        "ja": "情報セキュリティポリシー 一括監査 比較表",
        "en": "Information security policies: batch audit",
    },
    "batch.page.legend": {
        "ja": "色: 適合率（評価した要件のうち適合の割合。対象外・要確認を除く）。枠内の数字: 必須要件の不適合数。"
        "緊急 = 重要度が緊急・高の必須要件の不適合",
        "en": "Colour: compliance rate (passed / evaluated requirements, excluding not applicable and manual). "
        "Boxed number: failed must-level (必須) requirements. Urgent = failed must-level requirements of critical "
        "or high severity",
    },
    "batch.page.matrix": {"ja": "比較表（ヒートマップ）", "en": "Comparison matrix (heat map)"},
    "batch.kpi.audited": {"ja": "監査した団体 / ファイル", "en": "Bodies audited / files"},
    "batch.kpi.rate": {"ja": "全体の適合率", "en": "Overall compliance"},
    "batch.kpi.urgent": {"ja": "緊急の不備がある団体", "en": "Bodies with urgent gaps"},
    "batch.kpi.unusable": {"ja": "監査できなかったファイル", "en": "Unusable files"},
    "batch.col.entity": {"ja": "団体", "en": "Body"},
    "batch.col.code": {"ja": "団体コード", "en": "Code"},
    "batch.col.type": {"ja": "種類", "en": "Type"},
    "batch.col.file": {"ja": "ファイル", "en": "File"},
    "batch.col.model": {"ja": "モデル", "en": "Model"},
    "batch.col.edition": {"ja": "準拠版", "en": "Edition"},
    "batch.col.total": {"ja": "全体", "en": "Overall"},
    "batch.col.urgent": {"ja": "緊急", "en": "Urgent"},
    "batch.col.critical": {"ja": "うち重要度「緊急」", "en": "of which critical"},
    "batch.col.must_failed": {"ja": "必須の不適合", "en": "Must failures"},
    "batch.col.must_rate": {"ja": "必須要件の適合率", "en": "Must-level compliance"},
    "batch.col.requirement": {"ja": "要件", "en": "Requirement"},
    "batch.col.level": {"ja": "区分", "en": "Level"},
    "batch.col.severity": {"ja": "重要度", "en": "Severity"},
    "batch.col.section": {"ja": "節", "en": "Section"},
    "batch.col.failed": {"ja": "不適合団体数", "en": "Failed in"},
    "batch.col.share": {"ja": "割合", "en": "Share"},
    "batch.col.rank": {"ja": "順位", "en": "Rank"},
    "batch.col.line": {"ja": "行", "en": "Line"},
    "batch.col.column": {"ja": "列", "en": "Column"},
    "batch.col.message": {"ja": "内容", "en": "Message"},
    "batch.col.codes": {"ja": "不適合の団体コード", "en": "Codes of failing bodies"},
    # batch PDF / HTML cover (auditor batch --format pdf|html, issue 7)
    "batch.cover.untitled": {"ja": "{count} 団体の一括監査", "en": "Batch audit of {count} bodies"},
    "batch.cover.subtitle": {
        "ja": "総務省「地方公共団体における情報セキュリティポリシーに関するガイドライン」準拠状況の団体間比較",
        "en": "Compliance with the MIC guideline for local government information security policies, "
        "compared across bodies",
    },
    "batch.cover.date": {"ja": "監査日", "en": "Audit date"},
    "batch.cover.edition": {"ja": "監査基準（ガイドラインの版）", "en": "Audited against (guideline edition)"},
    "batch.cover.policies": {"ja": "監査したポリシー", "en": "Policies audited"},
    "batch.cover.policies_value": {
        "ja": "{audited} 件（対象ファイル {files} 件）",
        "en": "{audited} (of {files} files)",
    },
    "batch.cover.tool": {"ja": "監査ツール", "en": "Audit tool"},
    "batch.cover.generated": {
        "ja": "auditor {version} により {date} 時点の各団体の宣言内容から作成",
        "en": "Generated by auditor {version} from the policies as declared on {date}",
    },
    "batch.attachment": {
        "ja": "一括監査の結果（auditor.batch JSON、スキーマ版 {version}）",
        "en": "Batch audit results (auditor.batch JSON, schema version {version})",
    },
    "batch.unknown_policy_format": {
        "ja": "--per-policy-format: 不明な形式 '{name}'（使用可能: {known}）",
        "en": "--per-policy-format: unknown format '{name}' (known: {known})",
    },
    "batch.summary": {
        "ja": "結果: {files} ファイル中 {audited} 団体を監査 / 監査できなかったファイル {unusable} 件 / "
        "緊急の不備がある団体 {urgent} / 全体の適合率 {rate}",
        "en": "Result: {audited} of {files} files audited / {unusable} unusable / "
        "{urgent} with urgent gaps / overall compliance {rate}",
    },
    # --- CLI -----------------------------------------------------------------------------
    "cli.error_prefix": {"ja": "エラー", "en": "error"},
    "cli.internal": {
        "ja": "内部エラー: {detail}（--debug で詳細を表示。auditor の不具合です）",
        "en": "internal error: {detail} (rerun with --debug for details; this is a bug in auditor)",
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
    # --- editions and coverage (rules diff / rules coverage) -------------------------------
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
    "coverage.col.section": {"ja": "節", "en": "section"},
    "coverage.col.title": {"ja": "見出し", "en": "title"},
    "coverage.col.rules": {"ja": "ルール数", "en": "rules"},
    "coverage.col.automated": {"ja": "自動", "en": "automated"},
    "coverage.col.manual": {"ja": "要確認", "en": "manual"},
    "coverage.col.share": {"ja": "自動化率", "en": "automated share"},
    "coverage.gap": {"ja": "← 未対応", "en": "← gap"},
    "coverage.summary": {
        "ja": "{edition}: ルール {rules} 件（自動 {automated} / 要確認 {manual}）、ルールのない節 {gaps} 件",
        "en": "{edition}: {rules} rules ({automated} automated / {manual} manual), {gaps} section(s) without a rule",
    },
    "coverage.unmapped": {
        "ja": "ガイドラインの節に対応付けられないルール: {ids}",
        "en": "rules whose citation names no known section: {ids}",
    },
    # --- CI gating (issue 5): waivers, baselines, diff, CI report formats ------------------
    "cli.warning_prefix": {"ja": "警告", "en": "warning"},
    "cli.summary_rates": {
        "ja": "必須要件の適合率: 例外措置を含めない {rate} / 例外措置を含める {rate_waived}（例外承認 {waived} 件）",
        "en": "Must-level compliance: {rate} without waivers / {rate_waived} counting waivers ({waived} waived)",
    },
    "status.fail_baselined": {"ja": "不適合(既知)", "en": "fail (baseline)"},
    "report.fix": {"ja": "対応", "en": "Fix"},
    "report.guideline": {"ja": "ガイドライン", "en": "Guideline"},
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
    "policydiff.none": {"ja": "要件に関わる変更はありません", "en": "no change affects a requirement"},
    "policydiff.new_file": {
        "ja": "{ref} には {path} がありません。新しいファイルとして空のポリシーと比較します",
        "en": "{path} does not exist at {ref}; compared as a new file",
    },
    "policydiff.usage": {
        "ja": "OLD と NEW の 2 ファイル、または --base REF と POLICY 1 ファイルを指定してください",
        "en": "give OLD and NEW, or --base REF and one POLICY",
    },
    "git.not_found": {"ja": "git コマンドが見つかりません", "en": "the git command was not found"},
    "git.not_repo": {
        "ja": "Git リポジトリの中にありません（--base には Git 管理下のファイルが必要です）",
        "en": "not inside a git repository (--base needs a file under git)",
    },
    "git.bad_ref": {
        "ja": "リビジョン '{ref}' が見つかりません（浅いクローンなら fetch-depth: 0 で取得してください）",
        "en": "unknown revision '{ref}' (in a shallow clone, fetch the history, e.g. fetch-depth: 0)",
    },
    "git.bad_ref_syntax": {"ja": "リビジョン '{ref}' は使えません", "en": "invalid revision '{ref}'"},
    "git.failed": {"ja": "git が失敗しました: {detail}", "en": "git failed: {detail}"},
    # --- PDF output: what the machine must provide ------------------------------------------
    "pdf.missing_library": {
        "ja": "PDF の作成に必要なシステムライブラリ {library} を読み込めません（weasyprint が使う Pango）。"
        "Debian/Ubuntu では apt-get install libpango-1.0-0 libpangoft2-1.0-0 で入ります"
        "（その他の OS: https://doc.courtbouillon.org/weasyprint/stable/first_steps.html）",
        "en": "cannot load the system library {library} that PDF output needs (Pango, used by weasyprint); "
        "on Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
        "(other systems: https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)",
    },
    # --- reports (issue 4) ---
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
    # --- several formats at once (reports, issue 4) ---------------------------------------
    "report.cli.formats_need_output": {
        "ja": "複数の形式を指定したときは -o FILE が必要です（形式ごとに拡張子を付けたファイルに書き出します）",
        "en": "several formats need -o FILE (one file per format)",
    },
}
