"""The PDF report, read back with pypdf: Japanese text, embedded fonts, structure, PDF/A, reproducibility."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli, run_installed
from tests.report_helpers import fonts, texts

POLICY = EXAMPLES / "alpha-town.yaml"


def audit_pdf(target: Path, *extra: str, policy: Path = POLICY) -> Path:
    result = run_cli(
        "audit", policy, "--format", "pdf", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", *extra
    )
    assert result.code == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    return target


@pytest.fixture(scope="module")
def pdf_ja(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return audit_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf")


@pytest.fixture(scope="module")
def results_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("json") / "report.json"
    result = run_cli("audit", POLICY, "--format", "json", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none")
    assert result.code == 0, result.stderr
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def test_pdf_text_has_japanese_headings_and_the_entity(pdf_ja: Path, results_json: dict[str, Any]) -> None:
    pages = texts(pdf_ja)
    whole = "\n".join(pages)
    name = results_json["policy"]["entity"]["name"]
    assert name in pages[0]
    assert "情報セキュリティポリシー監査報告書" in pages[0]
    assert results_json["policy"]["entity"]["code"] in pages[0]
    assert results_json["policy"]["sha256"][:32] in pages[0].replace("\n", "")
    for heading in (
        "目次",
        "1. 総括",
        "2. 章別の適合状況",
        "3. ネットワーク構成",
        "4. 指摘事項（章別）",
        "5. 例外措置台帳",
        "6. 対象外の要件",
        "付録",
    ):
        assert heading in whole, heading
    failing = [o["rule_id"] for o in results_json["outcomes"] if o["status"] == "fail"]
    assert failing and all(rule_id in whole for rule_id in failing)


def test_every_rule_outcome_is_in_the_appendix(pdf_ja: Path, results_json: dict[str, Any]) -> None:
    pages = texts(pdf_ja)
    start = next(i for i, text in enumerate(pages) if "付録" in text and "全要件の判定結果" in text and i > 1)
    appendix = "\n".join(pages[start:])
    for outcome in results_json["outcomes"]:
        assert outcome["rule_id"] in appendix, outcome["rule_id"]


def test_only_the_bundled_font_is_used_and_it_is_embedded(pdf_ja: Path) -> None:
    used = fonts(pdf_ja)
    assert used, "no fonts found"
    assert all(used.values()), used
    assert all("Auditor-Sans" in name for name in used), used


def test_page_numbers_contents_and_bookmarks(pdf_ja: Path) -> None:
    pages = texts(pdf_ja)
    total = len(pages)
    assert total > 4
    assert f"2 / {total}" in pages[1] and f"{total} / {total}" in pages[-1]
    assert f"1 / {total}" not in pages[0]  # the cover carries no page number
    # The table of contents gives the page each section starts on.
    summary_page = next(i for i, text in enumerate(pages) if "1. 総括" in text and i > 1) + 1
    appendix_page = next(i for i, text in enumerate(pages) if "全要件の判定結果" in text and i > 1) + 1
    lines = pages[1].splitlines()
    numbers = [int(line) for line in lines if line.isdigit()]  # floated page numbers come out first
    entries = lines[lines.index("目次") + 1 :][: len(numbers)]
    assert entries[0] == "1. 総括" and entries[-1].startswith("付録"), entries
    assert numbers[0] == summary_page and numbers[-1] == appendix_page, numbers
    assert numbers == sorted(numbers)
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(item.title))

    walk(PdfReader(pdf_ja).outline)
    assert titles[0] == "みどり町" and "1. 総括" in titles and "付録　全要件の判定結果" in titles, titles


def test_metadata_dates_come_from_the_audit_date(pdf_ja: Path) -> None:
    meta = PdfReader(pdf_ja).metadata
    assert meta is not None
    assert meta.creation_date is not None and meta.creation_date.date().isoformat() == AUDIT_DATE
    assert meta.modification_date is not None and meta.modification_date.date().isoformat() == AUDIT_DATE
    assert "みどり町" in (meta.title or "")


def test_json_results_are_attached(pdf_ja: Path, results_json: dict[str, Any]) -> None:
    attachments = PdfReader(pdf_ja).attachments
    assert list(attachments) == ["auditor-results.json"]
    assert json.loads(attachments["auditor-results.json"][0]) == results_json


def test_pdf_is_byte_identical_across_processes(pdf_ja: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    result = run_installed(
        "audit", POLICY, "--format", "pdf", "-o", again, "--date", AUDIT_DATE, "--fail-on", "none", timeout=180
    )
    assert result.code == 0, result.stderr
    assert again.read_bytes() == pdf_ja.read_bytes()


def test_english_report(tmp_path: Path) -> None:
    pdf = audit_pdf(tmp_path / "en.pdf", "--lang", "en")
    whole = "\n".join(texts(pdf))
    for heading in (
        "Information Security Policy Audit Report",
        "Contents",
        "1. Executive summary",
        "4. Findings by chapter",
        "Appendix",
    ):
        assert heading in whole, heading
    assert "総括" not in whole


def test_pdf_a_3b_embeds_the_results_and_declares_conformance(tmp_path: Path, results_json: dict[str, Any]) -> None:
    pdf = audit_pdf(tmp_path / "archive.pdf", "--pdf-variant", "pdf/a-3b")
    reader = PdfReader(pdf)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(="|>)3', xmp) and re.search(r'pdfaid:conformance(="|>)B', xmp), xmp[:400]
    assert "/OutputIntents" in reader.trailer["/Root"]
    catalog_files = reader.trailer["/Root"]["/AF"]
    spec = catalog_files[0].get_object()
    assert spec["/AFRelationship"] == "/Data"
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"
    assert json.loads(reader.attachments["auditor-results.json"][0]) == results_json
    assert all(fonts(pdf).values())


@pytest.fixture(scope="module")
def pdf_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return audit_pdf(tmp_path_factory.mktemp("pdfa") / "archive.pdf", "--pdf-variant", "pdf/a-3b")


@pytest.mark.parametrize("policy", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.stem)
def test_pdf_a_3b_passes_the_structural_checks(policy: Path, tmp_path: Path, pdf_a: Path) -> None:
    """Every rule of :data:`tests.pdfa.CHECKED` holds, for every example (and in English)."""
    from tests.pdfa import violations

    pdf = pdf_a if policy == POLICY else audit_pdf(tmp_path / "a.pdf", "--pdf-variant", "pdf/a-3b", policy=policy)
    assert violations(pdf) == []
    if policy == POLICY:
        assert violations(audit_pdf(tmp_path / "en.pdf", "--pdf-variant", "pdf/a-3b", "--lang", "en")) == []


def _mutated(source: Path, target: Path, change: str) -> Path:
    """A copy of ``source`` broken in one way a PDF/A-3b file must not be."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, TextStringObject

    raw = source.read_bytes()
    if change == "trailing data":
        target.write_bytes(raw + b"garbage after the end\n")
        return target
    if change == "PDF 2.0 header":
        target.write_bytes(raw.replace(b"%PDF-1.7", b"%PDF-2.0", 1))
        return target
    writer = PdfWriter(clone_from=source)
    if change == "JavaScript":
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
    elif change == "encrypted":
        writer.encrypt("secret")
    elif change == "hidden link":
        link = next(annot.get_object() for page in writer.pages for annot in page.get("/Annots", []))
        link[NameObject("/F")] = NumberObject(2 | 4)
    elif change == "no AFRelationship":
        spec = writer._root_object["/AF"][0].get_object()
        del spec["/AFRelationship"]
    elif change == "wrong widths":
        for page in writer.pages:
            for font in page["/Resources"]["/Font"].values():
                cid_font = font.get_object()["/DescendantFonts"][0].get_object()
                cid_font[NameObject("/W")] = writer._add_object(cid_font["/W"].__class__())  # no widths: DW 1000
                cid_font[NameObject("/DW")] = NumberObject(500)
    elif change == "not PDF/A-3":
        metadata = writer._root_object["/Metadata"].get_object()
        metadata.set_data(metadata.get_data().replace(b'pdfaid:part="3"', b'pdfaid:part="2"'))
    with target.open("wb") as handle:
        writer.write(handle)
    return target


@pytest.mark.parametrize(
    ("change", "clause"),
    [
        ("trailing data", "6.1.3-3"),
        ("PDF 2.0 header", "6.1.2-1"),
        ("JavaScript", "JS"),
        ("JavaScript", "6.5.1-1"),
        ("encrypted", "6.1.3-2"),
        ("hidden link", "6.3.2-2"),
        ("no AFRelationship", "6.8-3"),
        ("wrong widths", "6.2.11.5-1"),
        ("not PDF/A-3", "6.6.4-2"),
    ],
)
def test_the_pdf_a_checks_catch_what_they_claim(change: str, clause: str, pdf_a: Path, tmp_path: Path) -> None:
    """The structural checks can fail: each kind of damage is reported under its clause."""
    from tests.pdfa import clauses, violations

    found = violations(_mutated(pdf_a, tmp_path / "broken.pdf", change))
    assert clause in clauses(found), found


def test_a_plain_pdf_is_not_mistaken_for_pdf_a(pdf_ja: Path) -> None:
    from tests.pdfa import clauses, violations

    found = clauses(violations(pdf_ja))
    assert {"6.2.4.3", "6.6.2.1-1", "6.8-3", "6.8", "6.3.2-1", "6.2.4.3-2"} <= found, found


def test_unknown_pdf_variant_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("audit", POLICY, "--format", "pdf", "-o", tmp_path / "x.pdf", "--pdf-variant", "pdf/x-4")
    assert result.code == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.com/x.png",
        "data:text/css,body{}",
        "auditor-asset:../../../../etc/passwd",
        "auditor-asset:fonts/../../page.py",
        "auditor-asset:fonts/OFL.txt",
        "AUDITOR-ASSET:fonts/BIZUDPGothic-Regular.ttf",
    ],
)
def test_asset_fetcher_refuses_anything_but_bundled_fonts(url: str) -> None:
    from auditor.reporters.pdf.assets import AssetRefused, asset_fetcher, read_asset

    with pytest.raises(AssetRefused):
        read_asset(url)
    fetcher = asset_fetcher()
    with pytest.raises(AssetRefused):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_asset_fetcher_serves_the_bundled_fonts() -> None:
    from auditor.reporters.pdf.assets import SERVED_ASSETS, asset_fetcher, asset_url

    for path in SERVED_ASSETS:
        body = asset_fetcher().fetch(asset_url(path)).read()
        assert body[:4] == b"\x00\x01\x00\x00"  # a TrueType font


def test_weasyprint_reaches_nothing_through_the_fetcher(tmp_path: Path) -> None:
    """Even markup that did reach weasyprint could not read a file or touch the network."""
    import weasyprint

    from auditor.reporters.pdf.assets import ASSET_SCHEME, asset_fetcher
    from tests.report_helpers import trap_server

    with trap_server() as (base_url, log):
        html = (
            f'<style>@import url("{base_url}/import.css"); body {{ background: url({base_url}/bg.png) }}'
            f"@font-face {{ font-family: X; src: url(file:///etc/passwd) }} p {{ font-family: X }}</style>"
            f'<link rel="stylesheet" href="{base_url}/link.css"><img src="file:///etc/passwd">'
            f'<img src="{base_url}/img.png"><object data="file:///etc/passwd"></object>'
            f'<a rel="attachment" href="file:///etc/passwd">x</a><p>x</p>'
        )
        fetcher = asset_fetcher()
        pdf = weasyprint.HTML(string=html, base_url=f"{ASSET_SCHEME}:", url_fetcher=fetcher).write_pdf()
    assert log.paths == []
    assert b"root:x:0:0" not in pdf
    assert any(url.startswith("file:///etc/passwd") for url in fetcher.refused)
    assert any(url.startswith(base_url) for url in fetcher.refused)


def test_installed_package_ships_the_font_and_its_licence() -> None:
    import importlib.resources

    fonts_dir = importlib.resources.files("auditor") / "reporters" / "assets" / "fonts"
    for name in ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf", "OFL.txt"):
        assert (fonts_dir / name).is_file(), name
    assert "SIL Open Font License" in (fonts_dir / "OFL.txt").read_text(encoding="utf-8")
