"""``auditor batch --format pdf|html`` and per-policy PDFs, end to end on the example policies.

The PDF is read back with pypdf (text, fonts, metadata, attachment) and its figures are checked
against the JSON output of the same batch; the HTML page is opened in headless Chromium. Small
on purpose: the five example policies and one unusable file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from auditor import __version__, exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli, run_installed
from tests.report_helpers import fonts, non_background_share, open_in_chromium, parse_html, texts, trap_server

MODELS = {"alpha": "α", "alpha_prime": "α'", "beta": "β", "beta_prime": "β'"}
BROKEN = "broken.yaml"


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five example policies and one file that cannot be parsed."""
    directory = tmp_path_factory.mktemp("batch")
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(path, directory / path.name)
    (directory / BROKEN).write_text("entity:\n  name: 壊れ市\n  code: [\n", encoding="utf-8")
    return directory


def run_batch(batch_dir: Path, *extra: str | Path) -> Any:
    result = run_cli("batch", batch_dir, "--date", AUDIT_DATE, "--fail-on", "none", *extra)
    assert result.code == exitcodes.USAGE_OR_INPUT, result.stderr  # the broken file
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def batch_json(batch_dir: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(run_batch(batch_dir, "--format", "json").stdout)
    return document


@pytest.fixture(scope="module")
def batch_pdf(batch_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdf") / "batch.pdf"
    run_batch(batch_dir, "--format", "pdf", "-o", target)
    assert target.read_bytes().startswith(b"%PDF-")
    return target


def _percent(cell: dict[str, Any]) -> str:
    return f"{cell['passed'] / cell['evaluated'] * 100:.0f}%" if cell["evaluated"] else "-"


def _cell(cell: dict[str, Any]) -> str:
    """A heat-map cell as the PDF's text layer reads: rate, then the boxed 必須 failures if any."""
    text = _percent(cell)
    return f"{text} {cell['must_failed']}" if cell["evaluated"] and cell["must_failed"] else text


def matrix_line(row: dict[str, Any], areas: list[str]) -> str:
    cells = [_cell(row["chapters"][area]) for area in areas] + [_cell(row["total"])]
    return " ".join(
        [
            row["entity"]["name"],
            row["entity"]["code"],
            MODELS[row["network_model"]],
            *cells,
            str(row["total"]["urgent"]),
        ]
    )


def test_cover_names_the_batch_date_edition_count_and_tool(batch_pdf: Path, batch_json: dict[str, Any]) -> None:
    cover = texts(batch_pdf)[0]
    assert "情報セキュリティポリシー 一括監査 比較表" in cover
    assert "5 団体の一括監査" in cover  # no single prefecture here: the title counts the bodies
    assert f"監査日 {AUDIT_DATE}" in cover
    assert "監査基準（ガイドラインの版） 令和7年3月版" in cover
    assert batch_json["audited_against"]["edition"] == "R7.3"
    assert "監査したポリシー 5 件（対象ファイル 6 件）" in cover
    assert f"監査ツール auditor {__version__}" in cover
    summary = batch_json["summary"]
    assert f"{summary['passed'] / summary['evaluated'] * 100:.1f}%" in cover


def test_japanese_headings_and_every_body(batch_pdf: Path, batch_json: dict[str, Any]) -> None:
    pages = texts(batch_pdf)
    whole = "\n".join(pages[1:])
    for heading in (
        "比較表（ヒートマップ）",
        "不適合の多い要件（上位 10）",
        "緊急の不備が多い団体（上位 10）",
        "監査できなかったファイル（1 件）",
    ):
        assert heading in whole, heading
    assert len(batch_json["matrix"]) == 5
    for row in batch_json["matrix"]:
        assert row["entity"]["name"] in whole and row["entity"]["code"] in whole
    assert f"{batch_json['unusable'][0]['file']}" in whole.replace("\n", "")
    assert len(pages) >= 2 and f"2 / {len(pages)}" in pages[1]


def test_matrix_figures_match_the_json_output(batch_pdf: Path, batch_json: dict[str, Any]) -> None:
    lines = "\n".join(texts(batch_pdf)).splitlines()
    areas = [chapter["area"] for chapter in batch_json["chapters"]]
    assert len(areas) >= 10
    expected = [matrix_line(row, areas) for row in batch_json["matrix"]]
    matrix = [line for line in lines if line in expected]
    assert matrix == expected  # every row, in the JSON's order, with every figure
    # The check can fail: some cells carry 必須 failures and some chapters were not evaluated.
    assert any(" 1 " in line for line in expected) and any(" - " in line for line in expected)


def test_most_failed_and_ranking_match_the_json_output(batch_pdf: Path, batch_json: dict[str, Any]) -> None:
    text = "\n".join(texts(batch_pdf))
    flat = text.replace("\n", "")  # long Japanese titles wrap inside their cell
    for item in batch_json["most_failed"][:10]:
        share = f"{item['failed'] / item['evaluated'] * 100:.0f}%"
        assert f"{item['rule_id']} {item['title']}" in flat, item["rule_id"]
        assert f"{item['failed']} / {item['evaluated']}  {share}" in flat, item["rule_id"]
    ranked = [r for r in batch_json["ranking"] if r["must_failed"]]
    assert ranked
    lines = text.splitlines()
    for r in ranked:  # the 団体 cell has a second line (urgent gaps, file): the figures follow it
        name = lines.index(f"{r['rank']} {r['entity']['name']}")
        figures = f"{r['entity']['code']} {r['urgent']} {r['critical']} {r['must_failed']} {r['rate'] * 100:.0f}%"
        assert lines[name + 2] == figures, lines[name : name + 3]


def test_fonts_embedded_metadata_and_attachment(batch_pdf: Path, batch_json: dict[str, Any]) -> None:
    used = fonts(batch_pdf)
    assert used and all(used.values()), used
    assert all("Auditor-Sans" in name for name in used), used
    reader = PdfReader(batch_pdf)
    meta = reader.metadata
    assert meta is not None and meta.creation_date is not None and meta.modification_date is not None
    assert meta.creation_date.date().isoformat() == AUDIT_DATE == meta.modification_date.date().isoformat()
    assert "一括監査" in (meta.title or "")
    assert list(reader.attachments) == ["auditor-batch.json"]
    assert json.loads(reader.attachments["auditor-batch.json"][0]) == batch_json
    width, height = reader.pages[1].mediabox.width, reader.pages[1].mediabox.height
    assert width > height  # landscape, for a dozen chapter columns


def test_pdf_is_byte_identical_across_runs_and_jobs(batch_pdf: Path, batch_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    result = run_installed(
        "batch",
        batch_dir,
        "--format",
        "pdf",
        "-o",
        again,
        "--date",
        AUDIT_DATE,
        "--fail-on",
        "none",
        "--jobs",
        "2",
        timeout=180,
    )
    assert result.code == exitcodes.USAGE_OR_INPUT, result.stderr
    assert again.read_bytes() == batch_pdf.read_bytes()


def test_english_pdf(batch_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "en.pdf"
    run_batch(batch_dir, "--format", "pdf", "-o", target, "--lang", "en")
    pages = texts(target)
    assert "Information security policies: batch audit" in pages[0]
    assert "Batch audit of 5 bodies" in pages[0] and "Policies audited 5 (of 6 files)" in pages[0]
    whole = "\n".join(pages)
    for heading in (
        "Comparison matrix (heat map)",
        "Requirements most often failed (top 10)",
        "Bodies ranked by urgent gaps (top 10)",
        "Files that could not be audited (1)",
    ):
        assert heading in whole, heading
    for japanese in ("比較表", "不適合の多い要件", "監査できなかったファイル"):
        assert japanese not in whole


@pytest.mark.chromium
def test_batch_html_uses_the_bundled_font_and_renders_without_any_request(batch_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "batch.html"
    run_batch(batch_dir, "--format", "html", "-o", target)
    page = parse_html(target)
    assert "font-family: 'Auditor Sans'" in page.style and "src: url(data:font/woff;base64," in page.style
    assert ".heat-10" in page.style  # the batch rules live in the one shared stylesheet
    assert [tag for tag, _ in page.tags].count("style") == 1
    csp = next(
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp
    assert "5 団体の一括監査" in "".join(page.text)
    run = open_in_chromium(target, tmp_path)
    share, colours = non_background_share(run.screenshot)
    assert share > 0.05 and colours > 50, (share, colours)
    assert run.page_requests == []


def test_title_is_the_prefecture_or_the_given_title(tmp_path: Path) -> None:
    from auditor.policy import code_check_digit

    shutil.copy(EXAMPLES / "prefecture.yaml", tmp_path / "pref.yaml")
    prefecture = yaml.safe_load((tmp_path / "pref.yaml").read_text(encoding="utf-8"))["entity"]
    town = yaml.safe_load((EXAMPLES / "alpha-town.yaml").read_text(encoding="utf-8"))
    code = prefecture["code"][:2] + "201"
    town["entity"]["code"] = code + str(code_check_digit(code))
    (tmp_path / "town.yaml").write_text(yaml.safe_dump(town, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def h1(*extra: str) -> str:
        target = tmp_path / "t.html"
        result = run_cli(
            "batch", tmp_path, "--format", "html", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", *extra
        )
        assert result.code == exitcodes.OK, result.stderr
        text = target.read_text(encoding="utf-8")
        return text.split('<h1 class="entity">', 1)[1].split("</h1>", 1)[0]

    assert h1() == prefecture["name"]
    assert h1("--title", "令和8年度 県内市町村") == "令和8年度 県内市町村"


@pytest.mark.chromium
def test_hostile_names_are_text_and_nothing_is_fetched(tmp_path: Path) -> None:
    with trap_server() as (base_url, log):
        data = yaml.safe_load((EXAMPLES / "alpha-town.yaml").read_text(encoding="utf-8"))
        hostile = f'<script>alert(1)</script><img src="{base_url}/i.png">url(file:///etc/passwd)毒町'
        assert len(hostile) <= 100  # the model's limit for a name
        data["entity"]["name"] = hostile
        policies = tmp_path / "policies"
        policies.mkdir()
        (policies / "hostile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        shutil.copy(EXAMPLES / "beta-city.yaml", policies / "beta-city.yaml")
        title = f"<style>@import url({base_url}/t.css)</style><b>x</b> url({base_url}/t.png)"
        html, pdf = tmp_path / "b.html", tmp_path / "b.pdf"
        for target in (html, pdf):
            result = run_cli(
                "batch",
                policies,
                "--format",
                target.suffix[1:],
                "-o",
                target,
                "--date",
                AUDIT_DATE,
                "--fail-on",
                "none",
                "--title",
                title,
            )
            assert result.code == exitcodes.OK, result.stderr
        run = open_in_chromium(html, tmp_path)
    assert log.paths == [] and run.page_requests == []
    page = parse_html(html)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "link", "iframe", "object", "b"}, names
    assert [tag for tag, _ in page.tags].count("style") == 1
    assert hostile in "".join(page.text) and title in "".join(page.text)
    whole = "".join("".join(texts(pdf)).split())  # names wrap inside their cell: compare without spaces
    assert "".join(hostile.split()) in whole and "".join(title.split()) in whole
    assert b"root:x:0:0" not in pdf.read_bytes()


def test_per_policy_pdfs_one_per_usable_policy_in_parallel(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    for name in ("alpha-town.yaml", "beta-city.yaml"):
        shutil.copy(EXAMPLES / name, policies / name)
    (policies / BROKEN).write_text("entity: [\n", encoding="utf-8")
    reports = tmp_path / "reports"
    result = run_installed(
        "batch",
        policies,
        "--format",
        "json",
        "-o",
        tmp_path / "batch.json",
        "--date",
        AUDIT_DATE,
        "--fail-on",
        "none",
        "--per-policy-reports",
        reports,
        "--per-policy-format",
        "pdf,json",
        "--jobs",
        "2",
        timeout=300,
    )
    assert result.code == exitcodes.USAGE_OR_INPUT, result.stderr
    assert sorted(path.name for path in reports.iterdir()) == [
        "alpha-town.json",
        "alpha-town.pdf",
        "beta-city.json",
        "beta-city.pdf",
    ]
    for stem in ("alpha-town", "beta-city"):
        entity = json.loads((reports / f"{stem}.json").read_text(encoding="utf-8"))["policy"]["entity"]
        cover = texts(reports / f"{stem}.pdf")[0]
        assert "情報セキュリティポリシー監査報告書" in cover
        assert entity["name"] in cover and entity["code"] in cover
    # Each is the single-policy report itself: the same bytes as `auditor audit --format pdf`.
    single = tmp_path / "single.pdf"
    assert (
        run_cli(
            "audit",
            policies / "beta-city.yaml",
            "--format",
            "pdf",
            "-o",
            single,
            "--date",
            AUDIT_DATE,
            "--fail-on",
            "none",
        ).code
        == exitcodes.OK
    )
    assert single.read_bytes() == (reports / "beta-city.pdf").read_bytes()


def test_unknown_per_policy_format_is_refused_before_any_work(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    result = run_cli("batch", EXAMPLES, "--per-policy-reports", reports, "--per-policy-format", "pdf,docx")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "docx" in result.stderr and "Traceback" not in result.stderr
    assert not reports.exists()


def test_weasyprint_is_loaded_only_for_pdf(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from auditor.cli import main\n"
        "for fmt in ('table', 'json', 'csv', 'html'):\n"
        "    try:\n"
        f"        main(['batch', {str(EXAMPLES)!r}, '--format', fmt, '-o', {str(tmp_path)!r} + '/b.' + fmt,"
        f" '--date', {AUDIT_DATE!r}, '--jobs', '1'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('weasyprint', 'openpyxl') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
    assert (tmp_path / "b.html").is_file()
