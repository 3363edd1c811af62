"""``auditor extract``: reading documents, their outline, the draft and its gap report."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading documents ---------------------------------------------------------------
    "extract.empty": {"ja": "空のファイルです", "en": "the file is empty"},
    "extract.no_text": {"ja": "文字が含まれていません", "en": "contains no text"},
    "extract.too_many_pages": {
        "ja": "ページ数が多すぎます（{pages} ページ、上限 {limit} ページ）。文書を分けて指定してください",
        "en": "too many pages ({pages}, limit {limit}); split the document",
    },
    "extract.too_much_text": {
        "ja": "文字数が多すぎます（上限 {limit} 文字）。文書を分けて指定してください",
        "en": "too much text (limit {limit} characters); split the document",
    },
    "extract.too_slow": {
        "ja": "読み取りが {seconds} 秒以内に終わりませんでした（壊れているか複雑すぎる文書です）",
        "en": "reading did not finish within {seconds} s (the document is broken or too complex)",
    },
    "extract.old_doc": {
        "ja": "旧形式の Word 文書（.doc）か、パスワード付きの Office 文書です。"
        "Word で .docx として保存し直してください",
        "en": "an old binary Word document (.doc) or a password-protected Office file; save it as .docx in Word",
    },
    "extract.docx_corrupt": {
        "ja": "Word 文書（.docx）として読めません（壊れています）: {detail}",
        "en": "cannot be read as a Word document (.docx), it is damaged: {detail}",
    },
    "extract.docx_bomb": {
        "ja": "展開後のサイズが異常に大きい .docx です（{size} バイト、上限 {limit} バイト）。読み取りを中止しました",
        "en": "the .docx expands to an unreasonable size ({size} bytes, limit {limit}); not read",
    },
    "extract.pdf_encrypted": {
        "ja": "暗号化（パスワード保護）された PDF です。保護を解除した PDF を指定してください",
        "en": "the PDF is encrypted (password-protected); give an unprotected copy",
    },
    "extract.pdf_no_text": {
        "ja": "PDF に文字情報がありません（画像だけの PDF）。OCR で文字を付けてから指定してください",
        "en": "the PDF has no text layer (images only); run OCR on it elsewhere first",
    },
    "extract.pdf_corrupt": {
        "ja": "PDF として読めません（壊れています）: {detail}",
        "en": "cannot be read as a PDF, it is damaged: {detail}",
    },
    "extract.sjis": {
        "ja": "文字コードが Shift_JIS (CP932) のようです。--encoding cp932 を指定するか UTF-8 で保存し直してください",
        "en": "looks like Shift_JIS (CP932); give --encoding cp932 or save it as UTF-8",
    },
    "extract.eucjp": {
        "ja": "文字コードが EUC-JP のようです。--encoding euc_jp を指定するか UTF-8 で保存し直してください",
        "en": "looks like EUC-JP; give --encoding euc_jp or save it as UTF-8",
    },
    "extract.not_utf8": {
        "ja": "UTF-8 として読めないバイトがあります（{offset} バイト目）。--encoding で文字コードを指定してください",
        "en": "is not valid UTF-8 (byte offset {offset}); give its encoding with --encoding",
    },
    "extract.bad_encoding": {
        "ja": "{encoding} として読めません（{offset} バイト目）",
        "en": "cannot be decoded as {encoding} (byte offset {offset})",
    },
    "extract.unknown_encoding": {"ja": "不明な文字コード名です: {encoding}", "en": "unknown encoding: {encoding}"},
    "extract.binary": {
        "ja": "バイナリデータを含んでいます（{line} 行目）。文書ファイルを指定してください",
        "en": "contains binary data (line {line}); give a document file",
    },
    # --- what the document must settle -----------------------------------------------------
    "extract.need_code": {
        "ja": "団体コードは文書から読み取れません。--entity-code 012343 のように指定してください",
        "en": "the documents do not give the local-government code; give --entity-code (e.g. 012343)",
    },
    "extract.need_name": {
        "ja": "団体名を文書から読み取れません。--entity-name で指定してください",
        "en": "the documents do not name the local body; give --entity-name",
    },
    "extract.need_model": {
        "ja": "三層の対策のモデル（α/α'/β/β'）を文書から読み取れません。--model で指定してください",
        "en": "the documents do not state the network model (α/α'/β/β'); give --model",
    },
    "extract.need_edition": {
        "ja": "準拠するガイドラインの版を文書から読み取れません。--edition で指定してください（例: R7.3）",
        "en": "the documents do not state which guideline edition they follow; give --edition (e.g. R7.3)",
    },
    "extract.bad_code": {
        "ja": "団体コードが正しくありません: {detail}",
        "en": "invalid local-government code: {detail}",
    },
    "extract.draft_invalid": {
        "ja": "下書きが検証を通りませんでした（内部エラー）: {detail}",
        "en": "the draft failed validation (internal error): {detail}",
    },
    "extract.duplicate_input": {"ja": "同じ文書が 2 回指定されています", "en": "the same document is given twice"},
    # --- the draft -------------------------------------------------------------------------
    "extract.draft.header": {
        "ja": "# 情報セキュリティポリシー宣言ファイルの下書き（auditor extract が文書から作成）\n"
        "# 値は文書の条文が定めるものだけを設定し、各値の上に根拠の条文・ページ・引用を記しています。\n"
        "# 文書が定めていない項目は未回答（null）のままです。監査では「未宣言」と報告されます。\n"
        "# 必ず原文と照合してから使ってください。検査: auditor validate / 監査: auditor audit",
        "en": "# Draft policy declaration written by auditor extract from the documents below.\n"
        "# Only values a clause settles are set; each carries its clause, page and quote above it.\n"
        "# Everything the documents do not settle is left unanswered (null): the audit reports it as\n"
        "# not declared. Check every value against the text before use. auditor validate / auditor audit",
    },
    "extract.draft.sources": {"ja": "# 読み取った文書:", "en": "# Documents read:"},
    "extract.draft.from_option": {"ja": "コマンドラインで指定", "en": "given on the command line"},
    "extract.draft.unanswered": {"ja": "未回答（該当条文なし）", "en": "unanswered (no clause settles it)"},
    "extract.draft.conflict": {
        "ja": "未回答（条文が食い違う: {where}）",
        "en": "unanswered (clauses disagree: {where})",
    },
    "extract.draft.weaker": {
        "ja": "未回答（{kind}にとどまる: {where}）",
        "en": "unanswered (only {kind}: {where})",
    },
    "extract.written": {
        "ja": "{file} に書き出しました（設定 {set} 件、未回答 {unset} 件）",
        "en": "wrote {file} ({set} values set, {unset} unanswered)",
    },
    "extract.modality.should": {"ja": "努力義務・推奨", "en": "a recommendation"},
    "extract.modality.conditional": {"ja": "条件付き", "en": "conditional"},
    # --- the gap report --------------------------------------------------------------------
    "extract.report.title": {
        "ja": "改定対応 差分一覧（{edition} 版ガイドライン）",
        "en": "Revision gap list (guideline {edition})",
    },
    "extract.report.summary": {
        "ja": "要件 {total} 件: 条文あり {covered} 件、該当条文なし {missing} 件、一部の項目に条文なし {partial} 件、"
        "要件より弱い条文 {weaker} 件",
        "en": "{total} requirements: {covered} with a clause, {missing} with no clause, {partial} with clauses for "
        "only some items, {weaker} with a weaker clause",
    },
    "extract.report.missing": {"ja": "該当条文なし", "en": "no matching clause"},
    "extract.report.partial": {"ja": "一部の項目に条文なし", "en": "no clause for some items"},
    "extract.report.weaker": {"ja": "要件より弱い条文", "en": "clause weaker than the requirement"},
    "extract.report.conflict": {"ja": "条文が食い違う", "en": "clauses disagree"},
    "extract.report.should": {"ja": "努力義務・推奨にとどまる", "en": "only a recommendation"},
    "extract.report.none": {"ja": "（なし）", "en": "(none)"},
    "extract.report.expected": {"ja": "期待値", "en": "expected"},
    "extract.report.found": {"ja": "文書の定め", "en": "the document says"},
}
