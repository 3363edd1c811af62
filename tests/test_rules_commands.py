"""``auditor rules coverage`` and ``auditor rules lint`` through the real CLI, on real rule files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor import exitcodes
from auditor.rules.catalogue import load_catalogue
from auditor.rules.coverage import citation_keys, guideline_sections
from tests.helpers import run_cli

CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("citation", "key"),
    [
        ("対策基準 6.1(5) ログの取得等", "6.1"),
        ("対策基準 3.(1) マイナンバー利用事務系", "3.(1)"),
        ("対策基準 3 情報システム全体の強靱性の向上", "3"),
        ("対策基準 ８．３（２） 全角", "8.3"),
        ("対策基準 1（9） CSIRT", "1.(9)"),
        ("§9.1 監査", "9.1"),
        ("基本方針 8 情報セキュリティポリシーの見直し", "基本方針.8"),
        ("地方自治法（令和6年改正）/ 基本方針", "基本方針"),
    ],
)
def test_citations_are_parsed_into_section_keys(citation: str, key: str) -> None:
    assert citation_keys(citation)[0] == key


def test_citation_without_a_section_names_nothing() -> None:
    assert citation_keys("see the guideline") == []


def _coverage(*args: str | Path) -> dict[str, object]:
    result = run_cli("rules", "coverage", "--format", "json", *args)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_coverage_lists_every_section_and_counts_every_rule() -> None:
    document = _coverage()
    rows = document["sections"]
    assert [row["key"] for row in rows] == [s.key for s in guideline_sections()]  # type: ignore[union-attr]
    chapters = [row for row in rows if row["depth"] == 0]  # type: ignore[union-attr]
    rules = CATALOGUE.for_edition(CATALOGUE.newest_edition())
    counted = sum(row["rules"] for row in chapters) + len(document["unmapped"]) + len(document["statutory"])  # type: ignore[arg-type]
    assert counted == len(rules)
    for chapter in chapters:
        sections = [row for row in rows if row["chapter"] == chapter["key"] and row["depth"] == 1]  # type: ignore[union-attr]
        assert sum(row["rules"] for row in sections) <= chapter["rules"]
        assert set().union(*(row["rule_ids"] for row in sections)) <= set(chapter["rule_ids"])
        assert chapter["automated"] + chapter["manual"] == chapter["rules"]
    by_key = {row["key"]: row for row in rows}  # type: ignore[union-attr]
    assert "MN-011" in by_key["3.(1)"]["rule_ids"]
    telework = [r for r in rules if r.area == "telework"]
    assert by_key["telework"]["rules"] == len(telework)
    assert by_key["telework"]["manual"] == sum(1 for r in telework if r.check is None) >= 1
    assert document["gaps"] == [row["key"] for row in rows if row["rules"] == 0]  # type: ignore[union-attr]


def test_coverage_of_an_older_edition_leaves_out_later_sections() -> None:
    older = _coverage("--edition", "R5.3")
    assert older["edition"] == "R5.3"
    keys = {row["key"] for row in older["sections"]}  # type: ignore[union-attr]
    assert "8.2" not in keys and "8.1" in keys
    ids = set().union(*(row["rule_ids"] for row in older["sections"]))  # type: ignore[union-attr]
    assert "AP-001" not in ids and "LG-006" in ids


def test_coverage_table_marks_exactly_the_gaps() -> None:
    document = _coverage("--lang", "en")
    table = run_cli("rules", "coverage", "--lang", "en")
    assert table.code == 0
    marked = [line for line in table.stdout.splitlines() if line.endswith("← gap")]
    assert len(marked) == len(document["gaps"])  # type: ignore[arg-type]
    assert "automated share" in table.stdout
    assert f"{len(document['gaps'])} section(s) without a rule" in table.stdout  # type: ignore[arg-type]


def test_coverage_lists_rules_whose_citation_names_no_section(tmp_path: Path) -> None:
    (tmp_path / "ORG-990.yaml").write_text(_rule("ORG-990", section="独自の規程による"), encoding="utf-8")
    document = _coverage("--rules", tmp_path)
    assert document["unmapped"] == ["ORG-990"]
    table = run_cli("rules", "coverage", "--rules", tmp_path, "--lang", "en")
    unmapped = [line for line in table.stdout.splitlines() if line.startswith("rules whose citation")]
    assert unmapped and "ORG-990" in unmapped[0]


def _rule(
    rule_id: str,
    *,
    section: str = "対策基準 1.(7) 情報セキュリティ委員会",
    title_ja: str = "委員会を設置する",
    title_en: str = "Establish the committee",
    path: str = "organisation.security_committee.established",
    pass_value: str = "true",
) -> str:
    return f"""\
id: {rule_id}
title: {{ja: {title_ja}, en: {title_en}}}
description: {{ja: 情報セキュリティ委員会を設置する。, en: A security committee is established.}}
sources: [{{document: guideline, section: {section}, editions: [R7.3], evidence: inferred}}]
level: must
severity: medium
area: organisation
check: {{path: {path}, op: equals, value: true}}
remediation: {{ja: 委員会を設置してください。, en: Establish the committee.}}
examples:
  pass: [{{organisation: {{security_committee: {{established: {pass_value}}}}}}}]
  fail: [{{organisation: {{security_committee: {{established: false}}}}}}]
"""


def test_lint_passes_on_the_builtin_catalogue() -> None:
    result = run_cli("rules", "lint", "--lang", "en")
    assert result.code == 0, result.stderr
    assert f"{len(CATALOGUE.rules)} rules: no problems" in result.stdout


def test_lint_reports_each_kind_of_problem_with_file_and_line(tmp_path: Path) -> None:
    files = {
        "ORG-991": _rule("ORG-991", section="see the guideline"),
        "ORG-992": _rule("ORG-992", title_ja="Establish the committee"),
        "ORG-993": _rule("ORG-993", title_en="情報セキュリティ委員会を設置する"),
        "ORG-994": _rule("ORG-994", path="organisation.security_comittee.established"),
        "ORG-995": _rule("ORG-995", pass_value="false"),
        "ORG-996": _rule("ORG-996", title_ja="同じ", title_en="同じ"),
    }
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    result = run_cli("rules", "lint", "--rules", tmp_path, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    lines = result.stderr.splitlines()
    expected = {
        "ORG-991": "names no section of the guideline",
        "ORG-992": "title.ja has no Japanese text",
        "ORG-993": "title.en is not in English",
        "ORG-994": "path 'organisation.security_comittee.established' does not exist",
        "ORG-995": "example pass[0] gives 'fail', expected 'pass'",
        "ORG-996": "title is not translated",
    }
    for rule_id, message in expected.items():
        hits = [line for line in lines if f"{rule_id}.yaml:" in line and message in line]
        assert hits, (rule_id, result.stderr)
        assert hits[0].split(f"{rule_id}.yaml:")[1].split(":")[0].isdigit()  # a line number
    assert "Traceback" not in result.stderr


def test_lint_reports_duplicate_ids(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "MN-001.yaml").write_text(_rule("MN-001"), encoding="utf-8")
    result = run_cli("rules", "lint", "--rules", tmp_path / "a", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "duplicate rule id 'MN-001'" in result.stderr


def test_lint_reports_bad_replacements(tmp_path: Path) -> None:
    text = _rule("ORG-997") + "replaces: [ORG-999, MN-002]\n"
    (tmp_path / "ORG-997.yaml").write_text(text, encoding="utf-8")
    result = run_cli("rules", "lint", "--rules", tmp_path, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "replaces unknown rule ORG-999" in result.stderr
    assert "replaces MN-002, which is in the same edition(s)" in result.stderr


def test_lint_accepts_audit_context_paths_and_rejects_unknown_ones(tmp_path: Path) -> None:
    good = (
        _rule("ORG-998")
        .replace(
            "check: {path: organisation.security_committee.established, op: equals, value: true}",
            "check: {path: policy.guideline_edition, op: gte, value_path: audited_against.edition}",
        )
        .replace(
            "pass: [{organisation: {security_committee: {established: true}}}]",
            "pass: [{policy: {guideline_edition: R7.3}}]",
        )
        .replace(
            "fail: [{organisation: {security_committee: {established: false}}}]",
            "fail: [{policy: {guideline_edition: R4.3}}]",
        )
    )
    (tmp_path / "ORG-998.yaml").write_text(good, encoding="utf-8")
    assert run_cli("rules", "lint", "--rules", tmp_path).code == 0
    (tmp_path / "ORG-998.yaml").write_text(
        good.replace("audited_against.edition", "audited_against.editon"), encoding="utf-8"
    )
    result = run_cli("rules", "lint", "--rules", tmp_path, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "path 'audited_against.editon' does not exist" in result.stderr


def test_policy_cannot_declare_the_audit_context(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "entity: {name: 例示市, code: '019992', type: municipality}\npolicy: {guideline_edition: R5.3}\n"
        "network: {model: alpha}\naudited_against: {edition: R5.3}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", path, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "audited_against" in result.stderr


def test_installed_tool_ships_the_section_list() -> None:
    from tests.helpers import run_installed

    result = run_installed("rules", "coverage", "--format", "json")
    assert result.code == 0, result.stderr
    assert len(json.loads(result.stdout)["sections"]) == len(guideline_sections())


def test_every_guideline_section_has_a_rule_in_the_newest_edition() -> None:
    """Every section and subsection of the 対策基準 and the 基本方針 is covered."""
    document = json.loads(run_cli("rules", "coverage", "--format", "json").stdout)
    assert document["gaps"] == []
    assert document["unmapped"] == []
