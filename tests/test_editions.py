"""Editions end to end: ``audit --edition``, the older-edition finding (POL-090), ``rules diff``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor import exitcodes
from auditor.policy.base import EDITIONS
from auditor.rules.catalogue import load_catalogue
from tests.helpers import AUDIT_DATE, run_cli

CATALOGUE = load_catalogue()


def _policy(tmp_path: Path, edition: str, model: str = "alpha") -> Path:
    path = tmp_path / f"policy-{edition}.yaml"
    path.write_text(
        "entity: {name: 例示市, code: '019992', type: municipality}\n"
        f"policy: {{guideline_edition: {edition}}}\n"
        f"network: {{model: {model}}}\n",
        encoding="utf-8",
    )
    return path


def _audit(path: Path, *args: str) -> dict[str, object]:
    result = run_cli("audit", path, "--format", "json", "--date", AUDIT_DATE, *args)
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _outcomes(document: dict[str, object]) -> dict[str, dict[str, object]]:
    return {o["rule_id"]: o for o in document["outcomes"]}  # type: ignore[attr-defined, index]


@pytest.mark.parametrize("edition", ["R2.12", "R5.3", "R6.10", "R7.3"])
def test_audit_uses_exactly_the_rules_of_the_edition(tmp_path: Path, edition: str) -> None:
    document = _audit(_policy(tmp_path, edition), "--edition", edition)
    assert document["audited_against"]["edition"] == edition  # type: ignore[index]
    expected = {rule.id for rule in CATALOGUE.for_edition(edition)}
    assert set(_outcomes(document)) == expected


def test_default_edition_is_the_newest_encoded(tmp_path: Path) -> None:
    document = _audit(_policy(tmp_path, "R7.3"))
    assert document["audited_against"]["edition"] == CATALOGUE.newest_edition() == EDITIONS[-1]  # type: ignore[index]


def test_alpha_prime_rules_exist_only_from_r6_10(tmp_path: Path) -> None:
    old = _outcomes(_audit(_policy(tmp_path, "R5.3", "alpha_prime"), "--edition", "R5.3"))
    new = _outcomes(_audit(_policy(tmp_path, "R6.10", "alpha_prime"), "--edition", "R6.10"))
    assert "AP-001" not in old and "AP-001" in new
    # Before R6.10 no model may break out (LG-006); from R6.10 LG-005 exempts α' only.
    assert "LG-006" in old and "LG-005" not in old
    assert "LG-005" in new and "LG-006" not in new
    assert new["LG-005"]["status"] == "not_applicable"


def test_policy_on_an_older_edition_gets_a_finding(tmp_path: Path) -> None:
    outcome = _outcomes(_audit(_policy(tmp_path, "R5.3"), "--edition", "R7.3"))["POL-090"]
    assert outcome["status"] == "fail"
    assert outcome["path"] == "policy.guideline_edition"
    assert outcome["line"] == 2
    assert outcome["actual"] == "R5.3"
    assert "R7.3" in outcome["expected"]  # type: ignore[operator]


@pytest.mark.parametrize(("declared", "audited"), [("R5.3", "R5.3"), ("R7.3", "R6.10"), ("R6.10", "R6.10")])
def test_same_or_newer_edition_passes(tmp_path: Path, declared: str, audited: str) -> None:
    outcome = _outcomes(_audit(_policy(tmp_path, declared), "--edition", audited))["POL-090"]
    assert outcome["status"] == "pass"


def test_edition_ordering_is_by_publication_and_only_for_editions() -> None:
    import datetime as dt

    from auditor.rules.conditions import evaluate
    from auditor.rules.rule import Leaf

    today = dt.date(2026, 11, 22)
    leaf = Leaf(path="a", op="lt", value_path="b")
    pairs = [(EDITIONS[i], EDITIONS[j]) for i in range(len(EDITIONS)) for j in range(len(EDITIONS))]
    for older, newer in pairs:
        verdict = evaluate(leaf, {"a": older, "b": newer}, today)
        assert verdict.holds == (EDITIONS.index(older) < EDITIONS.index(newer)), (older, newer)
    # Arbitrary text is not ordered: the comparison is an error, never a silent pass or fail.
    assert evaluate(leaf, {"a": "R5.3", "b": "令和7年3月"}, today).error is not None


def test_unknown_edition_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("audit", _policy(tmp_path, "R7.3"), "--edition", "R9.9")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "R9.9" in result.stderr and "Traceback" not in result.stderr


def test_section_is_reported_as_numbered_in_the_audited_edition(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "OUT-900.yaml").write_text(_RENUMBERED, encoding="utf-8")
    policy = _policy(tmp_path, "R5.3")
    old = _outcomes(_audit(policy, "--edition", "R5.3", "--rules", str(rules)))["OUT-900"]
    new = _outcomes(_audit(policy, "--edition", "R7.3", "--rules", str(rules)))["OUT-900"]
    assert old["section"] == "対策基準 8.1(9) 旧番号"
    assert new["section"] == "対策基準 8.2(1) 新番号"


_RENUMBERED = """\
id: OUT-900
title: {ja: 番号が変わった要件（試験用）, en: A requirement whose number moved (test)}
description: {ja: 版によって節番号が異なる。, en: Its section number differs between editions.}
sources:
- document: guideline
  section: 対策基準 8.2(1) 新番号
  editions: [R5.3, R6.10, R7.3]
  sections: {R5.3: 対策基準 8.1(9) 旧番号}
  evidence: inferred
level: should
severity: low
area: outsourcing
check: {path: outsourcing.vendor_audit, op: equals, value: true}
remediation: {ja: 委託先を監査する。, en: Audit the vendors.}
examples:
  pass: [{outsourcing: {vendor_audit: true}}]
  fail: [{outsourcing: {vendor_audit: false}}]
"""

_REWORDED = """\
id: OUT-901
title: {ja: 強化された要件（試験用）, en: A strengthened requirement (test)}
description: {ja: R6.10 で必須になった。, en: Became mandatory in R6.10.}
sources: [{document: guideline, section: 対策基準 8.1 業務委託, editions: [R6.10, R7.3], evidence: inferred}]
level: must
severity: high
area: outsourcing
check: {path: outsourcing.vendor_audit, op: equals, value: true}
remediation: {ja: 委託先を監査する。, en: Audit the vendors.}
examples:
  pass: [{outsourcing: {vendor_audit: true}}]
  fail: [{outsourcing: {vendor_audit: false}}]
replaces: [OUT-902]
"""

_OLD = """\
id: OUT-902
title: {ja: 以前の要件（試験用）, en: The former requirement (test)}
description: {ja: R5.3 までは推奨だった。, en: Recommended up to R5.3.}
sources: [{document: guideline, section: 対策基準 8.1 業務委託, editions: [R2.12, R4.3, R5.3], evidence: inferred}]
level: should
severity: low
area: outsourcing
check: {path: outsourcing.periodic_review, op: equals, value: true}
remediation: {ja: 定期的に確認する。, en: Review periodically.}
examples:
  pass: [{outsourcing: {periodic_review: true}}]
  fail: [{outsourcing: {periodic_review: false}}]
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    rules = tmp_path / "pack"
    rules.mkdir()
    for name, text in (("OUT-900", _RENUMBERED), ("OUT-901", _REWORDED), ("OUT-902", _OLD)):
        (rules / f"{name}.yaml").write_text(text, encoding="utf-8")
    return rules


def test_diff_json_lists_added_removed_and_changed(pack: Path) -> None:
    result = run_cli("rules", "diff", "R5.3", "R6.10", "--format", "json", "--rules", pack)
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    by_id = {c["rule_id"]: c for c in document["changes"]}
    # Renumbered: same rule, another section.
    renumbered = by_id["OUT-900"]
    assert renumbered["kind"] == "changed"
    assert renumbered["section"] == {"from": "対策基準 8.1(9) 旧番号", "to": "対策基準 8.2(1) 新番号"}
    # Reworded: a rule of R6.10 replacing one of R5.3 shows as one change with each differing field.
    reworded = by_id["OUT-901"]
    assert reworded["kind"] == "changed" and reworded["previous_id"] == "OUT-902"
    fields = {f["field"]: (f["from"], f["to"]) for f in reworded["fields"]}
    assert fields["level"] == ("should", "must")
    assert fields["severity"] == ("low", "high")
    assert fields["check"] == ("outsourcing.periodic_review = true", "outsourcing.vendor_audit = true")
    assert "OUT-902" not in by_id  # not also listed as removed
    # The built-in catalogue: α' arrived in R6.10, and LG-006 became LG-005.
    assert by_id["AP-001"]["kind"] == "added"
    assert by_id["LG-005"]["previous_id"] == "LG-006"
    assert document["summary"] == {
        k: sum(1 for c in document["changes"] if c["kind"] == k) for k in ("changed", "added", "removed")
    }
    added = {c["rule_id"] for c in document["changes"] if c["kind"] == "added"}
    expected_added = (
        {r.id for r in CATALOGUE.for_edition("R6.10")} - {r.id for r in CATALOGUE.for_edition("R5.3")} - {"LG-005"}
    )
    assert expected_added <= added


def test_diff_backwards_lists_removed_rules(pack: Path) -> None:
    document = json.loads(run_cli("rules", "diff", "R6.10", "R5.3", "--format", "json", "--rules", pack).stdout)
    removed = {c["rule_id"] for c in document["changes"] if c["kind"] == "removed"}
    assert {"AP-001", "OUT-901"} <= removed


def test_diff_table_in_both_languages(pack: Path) -> None:
    ja = run_cli("rules", "diff", "R5.3", "R6.10", "--rules", pack)
    assert ja.code == 0
    assert "OUT-902 → OUT-901" in ja.stdout
    assert "level: should → must" in ja.stdout
    assert "追加" in ja.stdout and "変更" in ja.stdout
    en = run_cli("rules", "diff", "R5.3", "R6.10", "--rules", pack, "--lang", "en")
    assert "added" in en.stdout and "R5.3 → R6.10:" in en.stdout


def test_diff_of_an_edition_with_itself_is_empty() -> None:
    document = json.loads(run_cli("rules", "diff", "R7.3", "R7.3", "--format", "json").stdout)
    assert document["changes"] == []


def test_diff_unknown_edition_is_a_usage_error() -> None:
    result = run_cli("rules", "diff", "R5.3", "H30.9")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "H30.9" in result.stderr
