"""Reading and writing files.

Missing, too large or wrongly encoded files, YAML structure, validation details, git revisions, 団体コード.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
    "output.cannot_write": {
        "ja": "{file}: レポートを書き出せません: {reason}",
        "en": "{file}: cannot write the report: {reason}",
    },
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
    "validate.detail.bool_type": {"ja": "真偽値（true / false）を指定してください", "en": "expected true or false"},
    "validate.detail.int_type": {"ja": "整数を指定してください", "en": "expected a whole number"},
    "validate.detail.int_from_float": {"ja": "整数を指定してください", "en": "expected a whole number"},
    "validate.detail.float_type": {"ja": "数値を指定してください", "en": "expected a number"},
    "validate.detail.string_type": {"ja": "文字列を指定してください", "en": "expected text (a string)"},
    "validate.detail.list_type": {"ja": "リストを指定してください", "en": "expected a list"},
    "validate.detail.dict_type": {
        "ja": "マッピング（キー: 値）を指定してください",
        "en": "expected a mapping (key: value)",
    },
    "validate.detail.model_type": {
        "ja": "マッピング（キー: 値）を指定してください",
        "en": "expected a mapping (key: value)",
    },
    "validate.detail.date_type": {
        "ja": "日付（YYYY-MM-DD、引用符なし）を指定してください",
        "en": "expected a date (YYYY-MM-DD, unquoted)",
    },
    "validate.detail.string_too_short": {"ja": "空にできません", "en": "must not be empty"},
    "validate.detail.string_too_long": {"ja": "長すぎます", "en": "too long"},
    "validate.detail.too_short": {"ja": "要素が足りません", "en": "too few items"},
    "validate.detail.too_long": {"ja": "要素が多すぎます", "en": "too many items"},
    "validate.detail.string_pattern_mismatch": {"ja": "形式が正しくありません", "en": "wrong format"},
    "validate.detail.literal": {"ja": "次のいずれかを指定してください: {expected}", "en": "expected one of {expected}"},
    "validate.detail.bound": {"ja": "{symbol} {bound} の値を指定してください", "en": "must be {symbol} {bound}"},
    "paths.link_loop": {
        "ja": "シンボリックリンクが循環しています",
        "en": "symbolic link loop (too many levels of links)",
    },
    "paths.name_too_long": {
        "ja": "ファイル名が長すぎます（1 つの名前は 255 バイトまで）",
        "en": "file name too long (255 bytes per name at most)",
    },
    "paths.not_a_directory_on_the_way": {
        "ja": "パスの途中にディレクトリでないものがあります",
        "en": "a part of the path is not a directory",
    },
    "paths.permission_denied": {"ja": "アクセス権がありません", "en": "permission denied"},
    "paths.read_only": {"ja": "読み取り専用のファイルシステムです", "en": "read-only file system"},
    "paths.disk_full": {"ja": "ディスクの空きがありません", "en": "no space left on the device"},
    "paths.quota": {"ja": "ディスク使用量の上限（quota）を超えました", "en": "disk quota exceeded"},
    "paths.would_block": {
        "ja": "すぐには読めません（待たずに中止しました）",
        "en": "not readable without waiting (stopped instead)",
    },
    "paths.bad_name": {"ja": "ファイル名に NUL 文字があります", "en": "the file name contains a NUL character"},
    "paths.kind.fifo": {"ja": "名前付きパイプ（FIFO）", "en": "named pipe (FIFO)"},
    "paths.kind.socket": {"ja": "ソケット", "en": "socket"},
    "paths.kind.character_device": {"ja": "キャラクタデバイス", "en": "character device"},
    "paths.kind.block_device": {"ja": "ブロックデバイス（ディスク）", "en": "block device (a disk)"},
    "paths.kind.directory": {"ja": "ディレクトリ", "en": "directory"},
    "paths.kind.other": {"ja": "特殊なファイル", "en": "special file"},
    "paths.not_regular": {
        "ja": "{kind}です。通常のファイルを指定してください（開かずに中止しました）",
        "en": "is a {kind}, not a regular file (not opened)",
    },
    "paths.not_directory": {"ja": "ディレクトリではありません", "en": "not a directory"},
    "paths.system_directory": {
        "ja": "/proc・/sys・/dev などカーネルのファイルシステムです。読み込みません",
        "en": "is a kernel file system (/proc, /sys, /dev); not read",
    },
    "paths.too_many_entries": {
        "ja": "この下に {limit} 件を超える項目があります。ファイルのあるディレクトリを指定してください",
        "en": "more than {limit} entries below this directory; give the directory that holds the files",
    },
    "paths.too_deep": {
        "ja": "ディレクトリの階層が {limit} 段を超えています",
        "en": "directories nested more than {limit} levels deep",
    },
    "paths.pack_too_many_files": {
        "ja": "ルールファイルが多すぎます（上限 {limit} 件）",
        "en": "too many rule files (more than {limit})",
    },
    "paths.pack_too_large": {
        "ja": "ルールファイルの合計が大きすぎます（上限 {limit} バイト）",
        "en": "rule files too large in total (more than {limit} bytes)",
    },
    "paths.not_regular_output": {
        "ja": "{kind}です。レポートは通常のファイル・キャラクタデバイス・名前付きパイプにだけ書き出します",
        "en": "is a {kind}; reports go to regular files, character devices and named pipes only",
    },
    "paths.no_directory": {
        "ja": "ディレクトリ {directory} がありません",
        "en": "no such directory: {directory}",
    },
    "paths.no_reader": {
        "ja": "名前付きパイプを読んでいるプロセスがありません",
        "en": "the named pipe has no reader",
    },
    "paths.replaced": {"ja": "開く間に別のファイルに置き換わりました", "en": "was replaced while being opened"},
    "paths.formats_need_file": {
        "ja": "複数の形式には -o にファイル名が必要です（{file} は{kind}です）",
        "en": "several formats need -o FILE naming a file ({file} is a {kind})",
    },
}
