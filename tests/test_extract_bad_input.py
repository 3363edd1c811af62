"""Unusable documents: exit 2, one line naming the file, no traceback, no hang, bounded memory.

Every input is made here with the real libraries (pypdf for encrypted and blank PDFs, zipfile for
damaged and bomb .docx files) and run through the installed console script, with a time limit.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from tests.helpers import run_installed

OPTIONS = ["--entity-code", "012343", "--model", "beta", "--edition", "R7.3"]
JAPANESE = "みどり市情報セキュリティ対策基準\n第1条 本市に最高情報セキュリティ責任者を置き、副市長をもって充てる。\n"


def _pdf(path: Path, pages: int, *, password: str | None = None, text: bool = False) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("みどり市情報セキュリティ対策基準")
    document.save(buffer)
    return buffer.getvalue()


def _encrypted_pdf(tmp_path: Path) -> Path:
    return _pdf(tmp_path / "protected.pdf", 1, password="secret")


def _image_only_pdf(tmp_path: Path) -> Path:
    return _pdf(tmp_path / "scan.pdf", 3)


def _thousand_page_pdf(tmp_path: Path) -> Path:
    return _pdf(tmp_path / "huge.pdf", 1000)


def _thousand_page_text(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    path.write_text("\f".join([JAPANESE] * 1000), encoding="utf-8")
    return path


def _old_doc(tmp_path: Path) -> Path:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    return path


def _truncated_docx(tmp_path: Path) -> Path:
    path = tmp_path / "broken.docx"
    path.write_bytes(_docx_bytes()[:3000])
    return path


def _not_a_zip_docx(tmp_path: Path) -> Path:
    path = tmp_path / "renamed.docx"
    path.write_text("これは Word 文書ではありません", encoding="utf-8")
    return path


def _zip_bomb_docx(tmp_path: Path) -> Path:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (30 * 1024 * 1024) + b"/>")
    return path


def _docx_without_body(tmp_path: Path) -> Path:
    path = tmp_path / "nobody.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def _shift_jis_text(tmp_path: Path) -> Path:
    path = tmp_path / "sjis.txt"
    path.write_bytes(JAPANESE.encode("cp932"))
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _blank(tmp_path: Path) -> Path:
    path = tmp_path / "blank.md"
    path.write_text(" \n\n\u3000\n", encoding="utf-8")
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 100)
    return path


def _corrupt_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF")
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder.txt"
    path.mkdir()
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "nowhere.pdf"


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "policy.docx"
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    return path


def _deep_html(tmp_path: Path) -> Path:
    path = tmp_path / "deep.html"
    inner = "<div>" * 200_000 + "みどり市情報セキュリティ対策基準" + "</div>" * 200_000
    path.write_text(f"<html><body>{inner}</body></html>", encoding="utf-8")
    return path


CASES = {
    "encrypted PDF": (_encrypted_pdf, "暗号化"),
    "image-only PDF": (_image_only_pdf, "OCR"),
    "1,000-page PDF": (_thousand_page_pdf, "ページ数"),
    "1,000-page text": (_thousand_page_text, "ページ数"),
    "old binary .doc": (_old_doc, ".docx"),
    "truncated .docx": (_truncated_docx, "壊れて"),
    "text renamed .docx": (_not_a_zip_docx, "壊れて"),
    "zip-bomb .docx": (_zip_bomb_docx, "展開後"),
    ".docx without a body": (_docx_without_body, "word/document.xml"),
    "Shift_JIS text": (_shift_jis_text, "--encoding cp932"),
    "empty file": (_empty, "空"),
    "blank text": (_blank, "文字"),
    "binary data": (_binary, "バイナリ"),
    "damaged PDF": (_corrupt_pdf, "PDF"),
    "directory": (_directory, "ディレクトリ"),
    "missing file": (_missing, "見つかりません"),
    "named pipe": (_fifo, "FIFO"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_unusable_document_is_one_line_and_exit_2(case: str, tmp_path: Path) -> None:
    make, words = CASES[case]
    source = make(tmp_path)
    result = run_installed("extract", source, *OPTIONS, "-o", tmp_path / "draft.yaml", timeout=30)
    assert result.code == 2, (result.code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(source) in lines[0] and words in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "draft.yaml").exists()


def test_deeply_nested_html_is_read_without_recursion(tmp_path: Path) -> None:
    result = run_installed("extract", _deep_html(tmp_path), *OPTIONS, "-o", tmp_path / "draft.yaml", timeout=30)
    assert result.code == 0, result.stderr
    assert "みどり市" in (tmp_path / "draft.yaml").read_text(encoding="utf-8")


def test_shift_jis_is_read_when_named(tmp_path: Path) -> None:
    source = _shift_jis_text(tmp_path)
    result = run_installed("extract", source, *OPTIONS, "--encoding", "cp932", "-o", tmp_path / "draft.yaml")
    assert result.code == 0, result.stderr
    assert "副市長" in (tmp_path / "draft.yaml").read_text(encoding="utf-8")


def test_english_messages(tmp_path: Path) -> None:
    result = run_installed("extract", _encrypted_pdf(tmp_path), *OPTIONS, "-o", tmp_path / "d.yaml", "--lang", "en")
    assert result.code == 2 and "encrypted" in result.stderr and result.stderr.startswith("error:")


def test_every_bad_document_is_reported_at_once(tmp_path: Path) -> None:
    first, second = _empty(tmp_path), _old_doc(tmp_path)
    result = run_installed("extract", first, second, *OPTIONS, "-o", tmp_path / "draft.yaml")
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 2


def test_the_same_document_twice_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(JAPANESE, encoding="utf-8")
    copy = tmp_path / "b.txt"
    copy.write_text(JAPANESE, encoding="utf-8")
    result = run_installed("extract", source, copy, *OPTIONS, "-o", tmp_path / "draft.yaml")
    assert result.code == 2 and str(copy) in result.stderr
