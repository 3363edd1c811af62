"""``auditor extract`` end to end on the corpus: every expected value, nothing else, every value cited.

Each document of ``tests/data/documents`` is built into its real format (python-docx, weasyprint
with the bundled font, Shift_JIS HTML, text with form feeds, Markdown) and read through the real
CLI. Tuning documents must give exactly their expected draft; held-out documents (never used to
tune the lexicon) must meet the extraction targets (precision, recall, nothing over-compliant).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.bench_extract import TARGETS, flatten, over_compliant
from bench.extract_corpus import CorpusDocument, build, corpus
from tests.helpers import run_cli

TUNE = corpus("tune")
HELDOUT = corpus("heldout")


def _extract(document: CorpusDocument, tmp_path: Path, *extra: str) -> tuple[dict[str, Any], dict[str, Any], Path]:
    source = build(document, tmp_path)
    draft, evidence = tmp_path / "draft.yaml", tmp_path / "evidence.json"
    result = run_cli("extract", source, *document.cli_options(), "-o", draft, "--evidence", evidence, *extra)
    assert result.code == 0, result.stderr
    return flatten(yaml.safe_load(draft.read_text(encoding="utf-8"))), json.loads(evidence.read_text("utf-8")), draft


def _squash(text: str) -> str:
    """Text without the layout: spaces, line breaks and table rules (a PDF has none of them as such)."""
    return "".join(unicodedata.normalize("NFKC", text).replace("|", " ").split())


def test_the_corpus_has_every_format_and_a_held_out_part() -> None:
    assert {document.format for document in corpus()} >= {"docx", "pdf", "html", "txt", "md"}
    assert len(corpus()) >= 5 and len(HELDOUT) >= 2
    models = {document.expected["network.model"] for document in corpus()}
    assert models == {"alpha", "alpha_prime", "beta", "beta_prime"}
    assert "prefecture" in {document.expected["entity.type"] for document in corpus()}


@pytest.mark.parametrize("document", TUNE, ids=lambda d: d.name)
def test_tuning_document_gives_exactly_its_expected_draft(document: CorpusDocument, tmp_path: Path) -> None:
    got, _, _ = _extract(document, tmp_path)
    assert got == document.expected


@pytest.mark.parametrize("document", HELDOUT, ids=lambda d: d.name)
def test_held_out_document_meets_the_targets(document: CorpusDocument, tmp_path: Path) -> None:
    got, _, _ = _extract(document, tmp_path)
    right = sum(1 for path, value in got.items() if document.expected.get(path) == value)
    assert right / len(got) >= TARGETS["precision"], {p: v for p, v in got.items() if document.expected.get(p) != v}
    assert right / len(document.expected) >= TARGETS["recall"], sorted(set(document.expected) - set(got))
    assert over_compliant(document.expected, got) == []


@pytest.mark.parametrize("document", corpus(), ids=lambda d: d.name)
def test_every_value_is_cited_with_a_verbatim_quote(document: CorpusDocument, tmp_path: Path) -> None:
    got, evidence, draft = _extract(document, tmp_path)
    assert evidence["kind"] == "auditor-evidence" and evidence["schema_version"] == 1
    formats = {"md": "markdown", "txt": "text"}
    assert evidence["documents"][0]["format"] == formats.get(document.format, document.format)
    body = document.body
    cited = {value["path"]: value for value in evidence["values"]}
    identity = {"entity.code", "entity.type", "policy.guideline_edition", "network.model"}
    # Every value from the documents is in the evidence (identity given on the command line is not).
    assert set(got) - identity - set(cited) <= set(), set(got) - set(cited)
    for path, value in cited.items():
        assert got[path] == value["value"]
        quote = value["citation"]["quote"]
        if document.format == "pdf":  # wrapped lines are joined: compare without the layout's spaces
            assert _squash(quote) in _squash(body), quote
        else:
            assert quote in body, quote
        assert 0 < value["confidence"] <= 1 and value["basis"]
        if path not in ("entity.name", "policy.guideline_edition", "network.model"):  # may stand in a preamble
            assert value["citation"]["clause"], (path, value["citation"])
        if document.format in ("pdf", "docx"):
            assert value["citation"]["page"] >= 1
    assert run_cli("validate", draft).code == 0


def test_clause_labels_and_pages_are_those_of_the_document(tmp_path: Path) -> None:
    alpha = next(d for d in TUNE if d.name == "alpha-town-kijun")
    _, evidence, _ = _extract(alpha, tmp_path)
    cited = {value["path"]: value["citation"] for value in evidence["values"]}
    assert cited["human.credentials.password_min_length"]["clause"] == "第9条第1号"
    assert cited["human.credentials.password_min_length"]["page"] == 2  # after the Word page break
    assert cited["human.credentials.password_min_length"]["caption"] == "パスワードの管理"
    assert cited["organisation.security_committee.meetings_per_year"]["clause"] == "第6条第2項"
    assert cited["organisation.ciso.title"]["page"] == 1
    removable = cited["network.segments.mynumber.removable_media"]
    assert removable["clause"] == "第7条第2項" and "この限りでない" in removable["quote"]


def test_pdf_pages_outline_and_appended_table(tmp_path: Path) -> None:
    beta = next(d for d in TUNE if d.name == "beta-city-kijun")
    _, evidence, _ = _extract(beta, tmp_path)
    cited = {value["path"]: value["citation"] for value in evidence["values"]}
    assert cited["telework.clipboard_sharing"]["clause"] == "5(1)③"
    assert cited["technical.logging.retention_days"]["clause"].startswith("別表第1")
    assert cited["technical.logging.retention_days"]["page"] == 3
    assert cited["organisation.ciso.title"]["page"] == 1


def test_html_page_lines_and_full_width_numbering(tmp_path: Path) -> None:
    reiki = next(d for d in TUNE if d.name == "beta-prime-city-reiki")
    _, evidence, _ = _extract(reiki, tmp_path)
    cited = {value["path"]: value["citation"] for value in evidence["values"]}
    assert cited["human.duties.private_devices"]["clause"] == "第7条第1号"
    assert cited["human.credentials.password_guess_resistant"]["clause"].startswith("第8条第3号")
    assert cited["human.duties.private_devices"]["page"] is None and cited["human.duties.private_devices"]["line"]
    assert evidence["documents"][0]["title"] == "つばき市情報セキュリティ対策規程"


def test_gap_report_lists_missing_and_weaker_clauses(tmp_path: Path) -> None:
    beta = next(d for d in TUNE if d.name == "beta-city-kijun")
    source = build(beta, tmp_path)
    result = run_cli("extract", source, *beta.cli_options(), "-o", tmp_path / "d.yaml", "--report")
    assert result.code == 0, result.stderr
    sections: dict[str, list[str]] = {}
    current = ""
    for line in result.stdout.splitlines():
        if line.startswith("## "):
            current = line[3:].split(" (")[0]
            sections[current] = []
        elif line.startswith("- ") and current:
            sections[current].append(line[2:].split(" ")[0])
    assert "TW-005" in sections["要件より弱い条文"]  # clipboard sharing permitted
    assert "TEC-013" not in sections["該当条文なし"]  # the mail clause is there (other mail items are not)
    assert "TEC-013" in sections["一部の項目に条文なし"]
    assert "CLD-004" in sections["該当条文なし"]  # nothing on cloud services
    assert "PHY-003" in sections["努力義務・推奨にとどまる"]  # UPS only recommended
    english = run_cli("extract", source, *beta.cli_options(), "-o", tmp_path / "e.yaml", "--report", "--lang", "en")
    assert "no matching clause" in english.stdout


def test_several_documents_at_once(tmp_path: Path) -> None:
    alpha = next(d for d in TUNE if d.name == "alpha-town-kijun")
    standard = build(alpha, tmp_path)
    basic = tmp_path / "basic.txt"
    basic.write_text(
        "あおば町情報セキュリティ基本方針\n（見直し）\n第8条　情報セキュリティポリシーは、毎年度見直すものとする。\n",
        encoding="utf-8",
    )
    result = run_cli("extract", basic, standard, "--entity-code", "012343", "-o", tmp_path / "d.yaml")
    assert result.code == 0, result.stderr
    got = flatten(yaml.safe_load((tmp_path / "d.yaml").read_text(encoding="utf-8")))
    assert got["evaluation.review.frequency"] == "annual"
    assert got["human.credentials.password_min_length"] == 6
    assert got["entity.name"] == "あおば町"


def test_unsettled_values_are_null_and_audit_as_not_declared(tmp_path: Path) -> None:
    prefecture = next(d for d in TUNE if d.name == "prefecture-kijun")
    _, _, draft = _extract(prefecture, tmp_path)
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert data["technical"]["backup"]["frequency"] is None  # the document says nothing
    assert data["evaluation"]["audit"]["frequency"] is None  # "every two years" is no frequency
    audit = run_cli("audit", draft, "--format", "json", "--date", "2026-11-22")
    outcomes = {o["rule_id"]: o for o in json.loads(audit.stdout)["outcomes"]}
    assert outcomes["AUD-001"]["status"] == "fail" and outcomes["AUD-001"]["actual"] is None
    assert outcomes["ORG-001"]["status"] == "pass"  # the CISO clause


def test_output_is_refused_over_an_input(tmp_path: Path) -> None:
    document = next(d for d in TUNE if d.format == "txt")
    source = build(document, tmp_path)
    before = source.read_bytes()
    result = run_cli("extract", source, *document.cli_options(), "-o", source)
    assert result.code == 2 and str(source) in result.stderr
    evidence = run_cli("extract", source, *document.cli_options(), "-o", tmp_path / "d.yaml", "--evidence", source)
    assert evidence.code == 2
    assert source.read_bytes() == before
    assert not (tmp_path / "d.yaml").exists()


def test_identity_the_documents_cannot_give_is_asked_for(tmp_path: Path) -> None:
    source = tmp_path / "kijun.txt"
    source.write_text(
        "あおば町情報セキュリティ対策基準\n第1条 本町に最高情報セキュリティ責任者を置き、副町長をもって充てる。\n",
        encoding="utf-8",
    )
    no_code = run_cli("extract", source, "-o", tmp_path / "d.yaml")
    assert no_code.code == 2 and "--entity-code" in no_code.stderr
    no_edition = run_cli("extract", source, "--entity-code", "012343", "-o", tmp_path / "d.yaml")
    assert no_edition.code == 2 and "--edition" in no_edition.stderr
    no_model = run_cli("extract", source, "--entity-code", "012343", "--edition", "R7.3", "-o", tmp_path / "d.yaml")
    assert no_model.code == 2 and "--model" in no_model.stderr
    given = run_cli(
        "extract", source, "--entity-code", "012343", "--model", "alpha", "--edition", "R7.3", "-o", tmp_path / "d.yaml"
    )
    assert given.code == 0, given.stderr
    assert flatten(yaml.safe_load((tmp_path / "d.yaml").read_text("utf-8")))["organisation.ciso.title"] == "副町長"


def test_evidence_file_reads_back_into_the_shared_model(tmp_path: Path) -> None:
    from auditor.evidence.io import load

    document = next(d for d in TUNE if d.name == "alpha-town-kijun")
    _extract(document, tmp_path)
    evidence = load(tmp_path / "evidence.json")
    value = evidence.value_at("human.credentials.password_min_length")
    assert value is not None and value.value == 6 and "HUM-023" in value.rules
    assert value.citation in evidence.citations_for("HUM-023")
    assert "第9条第1号（p.2）" in value.citation.label()
