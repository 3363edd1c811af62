"""The pieces of ``auditor extract`` that carry the Japanese: numerals, markers, modality, units, the lexicon check."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.extract.lexicon import check_lexicon
from auditor.extract.meaning import frequency, is_exception_sentence, quantities, read
from auditor.extract.numbering import fold, kanji_to_int, marker
from tests.helpers import run_cli


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十一", 21), ("百五", 105), ("一〇", 10), ("三百二十", 320), ("あ", None)],
)
def test_kanji_numerals(text: str, value: int | None) -> None:
    assert kanji_to_int(text) == value


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [
        ("第十二条　職員は", "article", "12"),
        ("第３条の２（CSIRT）　市に", "article", "3の2"),
        ("第２章　組織体制", "chapter", "2"),
        ("第1節 責任者", "section", "1"),
        ("第１款　端末", "subsection", "1"),
        ("（１）パスワード", "item", "1"),
        ("一　パスワードは", "kanji_item", "1"),
        ("ア　メモに", "kana", "ア"),
        ("(イ) 端末に", "kana_paren", "イ"),
        ("① 本市に", "circled", "①"),
        ("6.1 バックアップ", "dotted", "6.1"),
        ("2-6-1 パスワード", "hyphenated", "2-6-1"),
        ("別表第１（第12条関係）", "table", "1"),
        ("（目的）", "caption", ""),
    ],
)
def test_markers(line: str, kind: str, number: str) -> None:
    found = marker(line, fold(line))
    assert found is not None and (found.kind, found.number) == (kind, number)


@pytest.mark.parametrize("line", ["一時的に保管する。", "アクセス制御を行う。", "情報資産の分類"])
def test_running_text_is_no_marker(line: str) -> None:
    assert marker(line, fold(line)) is None


@pytest.mark.parametrize(
    ("sentence", "modality", "exception", "approval"),
    [
        ("職員等は、パスワードを他人に知らせてはならない。", "must_not", False, False),
        ("USBメモリの使用を禁止する。", "must_not", False, False),
        ("管理者が認めた場合を除き、USBメモリの使用を禁止する。", "must_not", True, False),
        ("許可なくソフトウェアを導入してはならない。", "must_not", False, True),
        ("クリップボードの共有を認める。", "may", False, False),
        ("職員等が利用できる端末は、貸与したものとする。", "must", False, False),  # できる inside: still an obligation
        ("予備電源を設置することが望ましい。", "should", False, False),
        ("研修の実施に努めなければならない。", "should", False, False),
        ("持ち出しには許可を要しない。", "not_required", False, False),  # no approval needed
        ("ログを1年間保存しなければならない。", "must", False, False),
        ("パスワードを他人に知らせないこと。", "must_not", False, False),
    ],
)
def test_modality_is_read_from_the_end(sentence: str, modality: str, exception: bool, approval: bool) -> None:
    reading = read(fold(sentence))
    assert (reading.modality, reading.exception, reading.approval) == (modality, exception, approval)


def test_exception_sentences() -> None:
    assert is_exception_sentence(fold("ただし、管理者が認めた場合は、この限りでない。"))
    assert is_exception_sentence(fold("前項の規定にかかわらず、CISOが認めたときは利用することができる。"))
    assert not is_exception_sentence(fold("ただし書きの例は次のとおりとする。"))


def test_numbers_with_units() -> None:
    found = quantities(fold("パスワードは八文字以上、ログは１年間、バックアップは７世代とする。"))
    expected = [(8, "文字", "min"), (1, "年", "none"), (7, "世代", "none")]
    assert [(q.value, q.unit, q.qualifier) for q in found] == expected
    assert frequency(fold("毎年度1回以上")) == ("annual", "毎年度")
    assert frequency(fold("定期的に点検する")) is None


def test_lexicon_is_clean_and_its_check_finds_mistakes(tmp_path: Path) -> None:
    assert check_lexicon() == []
    (tmp_path / "bad.yaml").write_text(
        "entries:\n"
        "  - {path: no.such.field, topic: [[a]], values: {must: true}}\n"
        "  - {path: telework.clipboard_sharing, topic: [[クリップボード]], values: {must_not: blocked}}\n"
        "  - {path: human.credentials.password_min_length, topic: [[パスワード]], number: {units: {文字: 0}}}\n"
        "  - {path: telework.mfa, topic: [[認証]], choices: [{phrases: [OTP], value: sms}]}\n"
        "  - {path: telework.enabled, topic: [[x]], values: {sometimes: true}, extra: 1}\n",
        encoding="utf-8",
    )
    messages = [problem.message for problem in check_lexicon(tmp_path)]
    assert any("does not exist in the policy schema" in m for m in messages)
    assert any("values.must_not: 'blocked' does not fit" in m for m in messages)
    assert any("positive factors" in m for m in messages)
    assert any("choices[0].value 'sms' does not fit" in m for m in messages)
    assert any("unknown modality 'sometimes'" in m for m in messages)
    assert any("unknown key 'extra'" in m for m in messages)


def test_rules_lint_checks_the_lexicon() -> None:
    result = run_cli("rules", "lint")
    assert result.code == 0, result.stderr


def test_heavy_readers_are_imported_only_when_a_document_needs_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import auditor.cli.extract, auditor.extract.service; "
        "print(sorted(m for m in ('docx', 'lxml', 'pypdfium2', 'pypdf') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
