"""The audit cites the body's own clauses: ``auditor extract``'s evidence file beside every report format.

A corpus document is built as a real .docx, read by ``auditor extract`` into a draft and its
evidence JSON, and audited with ``--evidence``: each outcome whose values a clause settled shows
「根拠: 文書 条項（p.N）「…」」 next to the guideline section, in every format; the statuses are
exactly those of the audit without the evidence (citations never make anything pass).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
from openpyxl import load_workbook

from auditor import exitcodes
from bench.extract_corpus import build, corpus
from tests.helpers import AUDIT_DATE, REPO, run_cli
from tests.report_helpers import texts

DOCUMENT = next(document for document in corpus("tune") if document.format == "docx")
TITLE = "あおば町情報セキュリティ対策基準"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The built document, the draft and its evidence file."""
    folder = tmp_path_factory.mktemp("extract")
    source = build(DOCUMENT, folder)
    draft, evidence = folder / "draft.yaml", folder / "evidence.json"
    result = run_cli("extract", source, *DOCUMENT.cli_options(), "-o", draft, "--evidence", evidence)
    assert result.code == 0, result.stderr
    return source, draft, evidence


def _json(policy: Path, *extra: str | Path) -> dict[str, Any]:
    result = run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE, *extra)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_outcomes_cite_the_clause_and_keep_their_status(extracted: tuple[Path, Path, Path]) -> None:
    _, draft, evidence = extracted
    cited = _json(draft, "--evidence", evidence)
    plain = _json(draft)
    assert [(o["rule_id"], o["status"]) for o in cited["outcomes"]] == [
        (o["rule_id"], o["status"]) for o in plain["outcomes"]
    ]
    by_rule = {o["rule_id"]: o for o in cited["outcomes"]}
    citation = by_rule["HUM-023"]["citations"][0]
    assert (citation["clause"], citation["page"], citation["title"]) == ("第9条第1号", 2, TITLE)
    assert citation["quote"] == "パスワードは、6文字以上とすること。"
    assert "citations" not in {o["rule_id"]: o for o in plain["outcomes"]}["HUM-023"]
    assert sum(1 for o in cited["outcomes"] if o.get("citations")) >= 15


def test_every_format_shows_the_clause_next_to_the_guideline_section(
    extracted: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, draft, evidence = extracted
    out = tmp_path / "report"
    formats = "table,sarif,junit,markdown,html,xlsx,pdf"
    result = run_cli("audit", draft, "--evidence", evidence, "--date", AUDIT_DATE, "--format", formats, "-o", out)
    assert result.code == exitcodes.FINDINGS, result.stderr
    label = f"根拠: {TITLE} 第9条第1号（p.2）「パスワードは、6文字以上とすること。」"
    table = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert label in table
    row = next(line for line in table.splitlines() if line.startswith("不適合  HUM-023"))
    section, place = "対策基準 5.4", f"{TITLE} 第9条第1号（p.2）"
    assert row.index(section) < row.index(place) < row.index("十分な長さ")  # section, then the clause
    sarif = json.loads(out.with_suffix(".sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(sarif)
    found = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "HUM-023")
    related = found["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")
    assert related["message"]["text"] == label and related["properties"]["page"] == 2
    junit = ElementTree.parse(out.with_suffix(".xml")).getroot()
    case = next(c for c in junit.iter("testcase") if c.get("name", "").startswith("HUM-023"))
    assert label in (case.find("failure").text or "")  # type: ignore[union-attr]
    markdown = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| 根拠 |" in markdown and f"{TITLE} 第" in markdown and "（p.2）「" in markdown
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    assert label in html and "付録　根拠条文一覧" in html
    sheet = load_workbook(out.with_suffix(".xlsx"))["チェックリスト"]
    header = [cell.value for cell in sheet[1]]
    xlsx_row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("ID")] == "HUM-023")
    assert label.removeprefix("根拠: ") in xlsx_row[header.index("根拠")]
    pdf = "".join("\n".join(texts(out.with_suffix(".pdf"))).split())
    assert "".join(label.split()) in pdf and "付録根拠条文一覧" in pdf


def test_a_value_edited_after_extraction_is_not_cited(extracted: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, draft, evidence = extracted
    edited = tmp_path / "policy.yaml"
    edited.write_text(
        draft.read_text(encoding="utf-8").replace("password_min_length: 6", "password_min_length: 12"),
        encoding="utf-8",
    )
    result = run_cli("audit", edited, "--evidence", evidence, "--date", AUDIT_DATE, "--format", "json")
    outcome = next(o for o in json.loads(result.stdout)["outcomes"] if o["rule_id"] == "HUM-023")
    assert "citations" not in outcome
    assert "human.credentials.password_min_length" in result.stderr and "条文を根拠として示しません" in result.stderr


def test_a_source_document_changed_since_extraction_is_named(extracted: tuple[Path, Path, Path]) -> None:
    source, draft, evidence = extracted
    data = json.loads(evidence.read_text(encoding="utf-8"))
    data["documents"][0]["file"] = str(source)
    data["documents"][0]["sha256"] = "0" * 64
    changed = evidence.with_name("changed.json")
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run_cli("audit", draft, "--evidence", changed, "--date", AUDIT_DATE, "--lang", "en")
    assert result.code == exitcodes.FINDINGS
    assert f"the source document {source} changed after extraction" in result.stderr


def test_init_from_the_draft_keeps_its_cited_values_and_asks_for_the_rest(
    extracted: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, draft, evidence = extracted
    merged = tmp_path / "policy.yaml"
    result = run_cli("init", "--from", draft, "-o", merged)
    assert result.code == 0, result.stderr
    assert run_cli("validate", merged).code == 0
    lines = merged.read_text(encoding="utf-8").splitlines()
    at = lines.index("    password_min_length: 6")
    assert lines[at - 3].strip() == f"# 根拠: {TITLE} 第9条第1号（p.2）"
    assert lines[at - 2].strip() == "# 引用: 「パスワードは、6文字以上とすること。」"
    unanswered = lines.index("    password_guess_resistant: null")
    assert lines[unanswered - 1].strip().startswith("# 期待値: = true（必須 HUM-023）")
    # Same statuses as the draft itself, the same clauses cited.
    assert [(o["rule_id"], o["status"]) for o in _json(merged)["outcomes"]] == [
        (o["rule_id"], o["status"]) for o in _json(draft)["outcomes"]
    ]
    cited = {o["rule_id"]: o.get("citations") for o in _json(merged, "--evidence", evidence)["outcomes"]}
    assert cited["HUM-023"][0]["clause"] == "第9条第1号"
    conflicting = run_cli("init", "--from", draft, "--model", "beta", "-o", tmp_path / "other.yaml")
    assert conflicting.code == exitcodes.USAGE_OR_INPUT and "alpha" in conflicting.stderr
