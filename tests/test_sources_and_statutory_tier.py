"""Sources as documents of their own, the statutory tier by audit date, applicability by declared design.

A rule cites each document it rests on (the guideline with editions and section, a law with its
article and in-force date, a standard, secondary evidence); a requirement from another document is
never backdated into guideline editions; statutory duties (法令上の義務) apply by the audit date in
every edition and are reported apart from guideline alignment; a check with several conditions
names every one that fails.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from auditor.audit.engine import audit, evaluate_rule
from auditor.files.yamlsource import YamlDocument
from auditor.i18n import set_language
from auditor.policy.loader import validate_policy
from auditor.rules.catalogue import load_catalogue
from auditor.rules.documents import DOCUMENT_KINDS, edition_month, kind_of, registry
from auditor.rules.lint import deep_merge
from auditor.rules.rule import Rule, rule_from_data
from auditor.rules.schema_check import source_problems
from auditor.vocab import EDITIONS
from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli

TODAY = dt.date(2026, 11, 22)
BEFORE_THE_LAW = dt.date(2026, 3, 31)
BASE: dict[str, Any] = {
    "entity": {"name": "例示市", "code": "019992", "type": "municipality"},
    "policy": {"guideline_edition": "R7.3"},
    "network": {"model": "alpha"},
}
PREFECTURE = {"entity": {"name": "例示県", "code": "470007", "type": "prefecture"}}
CATALOGUE = load_catalogue()
RULES = [loaded.rule for loaded in CATALOGUE.rules]


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def _policy(overlay: dict[str, Any]) -> Any:
    return validate_policy(YamlDocument("p.yaml", deep_merge(BASE, overlay), {}, ""))


def _rule(rule_id: str) -> Rule:
    return CATALOGUE.get(rule_id).rule


def _status(rule_id: str, overlay: dict[str, Any], *, edition: str = "R7.3", today: dt.date = TODAY) -> str:
    return evaluate_rule(_rule(rule_id), _policy(overlay), edition=edition, today=today).status


# --- the registry and the citations ----------------------------------------------------------


def test_the_registry_names_each_document_with_kind_title_issuer() -> None:
    documents = registry()
    assert {"guideline", "local_autonomy_act", "security_cloud_standard", "lgwan_telework_requirements"} <= set(
        documents
    )
    for document in documents.values():
        assert document.kind in DOCUMENT_KINDS, document.id
        assert document.title["ja"] and document.title["en"] and document.short["ja"] and document.issuer["ja"]
    assert list(documents["guideline"].editions) == list(EDITIONS)
    assert documents["local_autonomy_act"].kind == "law"
    assert documents["minister_guideline_cyber_policy"].kind == "minister_guideline"


def test_every_rule_cites_known_documents_and_rests_on_a_primary_one() -> None:
    for rule in RULES:
        assert source_problems(rule) == [], rule.id
        assert any(kind_of(source) != "secondary" for source in rule.sources), rule.id


def test_no_guideline_citation_names_another_document() -> None:
    """The 標準要件, the LGWAN telework requirements and the laws are cited as themselves."""
    other = re.compile(r"標準要件|テレワークセキュリティ要件|地方自治法|個人情報保護法|総務大臣")
    for rule in RULES:
        for source in rule.sources:
            if source.document == "guideline":
                cited = [source.section or "", *source.sections.values()]
                assert not any(other.search(text) for text in cited), rule.id


def test_lgwan_telework_and_security_cloud_rules_are_not_guideline_clauses() -> None:
    for rule_id in ("TW-003", "TW-004", "TW-005", "TW-006", "TW-009", "SC-003", "SC-004", "SC-012"):
        assert all(source.document != "guideline" for source in _rule(rule_id).sources), rule_id


def test_a_requirement_from_another_document_is_not_backdated() -> None:
    """A rule resting only on a document issued after an edition is not part of that edition."""
    rule = rule_from_data(
        {
            **_raw(_rule("LAW-004")),
            "id": "LAW-999",
            "sources": [{"document": "minister_guideline_cyber_policy", "evidence": "partial"}],
        }
    )
    issued = registry()["minister_guideline_cyber_policy"].issued()  # 2025-04: R7.3 (2025-03) is in force
    assert issued is not None and edition_month("R7.3") <= issued
    assert rule.editions() == ("R7.3",)
    # the security cloud's standard (2020-08) and the LGWAN telework requirements (2020) predate R2.12
    assert _rule("SC-004").editions() == EDITIONS
    assert _rule("TW-003").editions() == EDITIONS


def _raw(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": rule.title.as_dict(),
        "description": rule.description.as_dict(),
        "sources": [],
        "level": rule.level,
        "severity": rule.severity,
        "area": rule.area,
        "manual": {"evidence": rule.manual.evidence.as_dict()} if rule.manual else None,
        "remediation": rule.remediation.as_dict(),
    }


def test_rules_of_a_guideline_edition_list_only_editions_that_carry_them() -> None:
    assert _rule("MN-014").editions() == ("R4.3", "R5.3", "R6.10")  # read for R4.3, implied to R6.10
    assert _rule("MN-015").editions() == ("R7.3",)
    assert _rule("MN-001").editions() == ("R2.12", "R4.3", "R5.3", "R6.10")
    assert _rule("MN-011").editions() == ("R7.3",) and _rule("MN-011").replaces == ["MN-001"]


# --- the statutory tier ----------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_statutory_duty_applies_in_every_edition(edition: str) -> None:
    assert {"LAW-001", "LAW-002", "LAW-006"} <= {rule.id for rule in CATALOGUE.for_edition(edition)}
    assert _status("LAW-001", {}, edition=edition) == "fail"  # after 2026-04-01: undeclared fails


@pytest.mark.parametrize("edition", ["R2.12", "R7.3"])
def test_before_the_law_takes_effect_it_is_not_applicable_with_the_reason(edition: str) -> None:
    outcome = evaluate_rule(_rule("LAW-001"), _policy({}), edition=edition, today=BEFORE_THE_LAW)
    assert outcome.status == "not_applicable"
    assert "2026-04-01" in outcome.message["en"] and "施行" in outcome.message["ja"]
    assert "Local Autonomy Act" in outcome.message["en"]
    assert outcome.tier == "statutory"


def test_the_statutory_duty_names_the_assembly_and_the_head() -> None:
    adopted = {"policy": {"statutory_policy_adopted": True, "statutory_policy_organs": ["head"]}}
    outcome = evaluate_rule(_rule("LAW-001"), _policy(adopted), edition="R6.10", today=TODAY)
    assert outcome.status == "fail" and "assembly" in outcome.expected
    adopted["policy"]["statutory_policy_organs"] = ["assembly", "head", "board_of_education"]
    assert _status("LAW-001", adopted, edition="R6.10") == "pass"


def test_statutory_outcomes_are_counted_apart_from_guideline_alignment() -> None:
    rules = CATALOGUE.for_edition("R7.3")
    result = audit(_policy({}), rules, edition="R7.3", today=TODAY)
    statutory = [o for o in result.outcomes if o.tier == "statutory"]
    assert statutory and all(o.area == "statutory" for o in statutory)
    assert sum(result.summary.statutory.values()) == len(statutory)
    guideline_must = [o for o in result.outcomes if o.tier == "guideline" and o.level == "must"]
    assessed = [o for o in guideline_must if o.status in ("pass", "fail", "waived", "error")]
    passed = sum(1 for o in assessed if o.status == "pass")
    assert result.summary.must_rate == pytest.approx(passed / len(assessed))


def test_reports_show_the_statutory_tier_and_name_each_source(tmp_path: Any) -> None:
    policy = EXAMPLES / "alpha-town.yaml"
    data = json.loads(run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE).stdout)
    law = next(o for o in data["outcomes"] if o["rule_id"] == "LAW-001")
    assert law["tier"] == "statutory" and law["status"] == "fail"
    [act, *_] = law["sources"]
    assert (act["document"], act["kind"], act["section"], act["in_force_from"]) == (
        "local_autonomy_act",
        "law",
        "第244条の6",
        "2026-04-01",
    )
    assert data["summary"]["statutory"]["fail"] >= 1
    telework = next(o for o in data["outcomes"] if o["rule_id"] == "TW-005")
    assert {s["document"] for s in telework["sources"]} >= {"lgwan_telework_requirements", "ipa_lgwan_telework_terms"}
    table = run_cli("audit", policy, "--date", AUDIT_DATE).stdout
    assert "■ 法令上の義務" in table and "法令上の義務（ガイドライン適合とは別に集計）" in table
    assert "出典: 地方自治法 第244条の6（2026-04-01 施行・一部確認）" in table
    markdown = run_cli("audit", policy, "--format", "markdown", "--date", AUDIT_DATE).stdout
    assert "地方自治法 第244条の6" in markdown and "出典" in markdown
    sarif = json.loads(run_cli("audit", policy, "--format", "sarif", "--date", AUDIT_DATE).stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["LAW-001"]["properties"]["tier"] == "statutory"
    assert rules["LAW-001"]["properties"]["sources"][0]["document"] == "local_autonomy_act"


# --- applicability follows the declared design ----------------------------------------------


@pytest.mark.parametrize("model", ["alpha", "beta", "beta_prime"])
def test_lgwan_telework_rules_follow_what_telework_reaches_not_the_model(model: str) -> None:
    internet_only = {"network": {"model": model}, "telework": {"enabled": True, "segments_reachable": ["internet"]}}
    reaches_lgwan = {
        "network": {"model": model},
        "telework": {"enabled": True, "segments_reachable": ["internet", "lgwan"], "clipboard_sharing": True},
    }
    for rule_id in ("TW-003", "TW-004", "TW-005", "TW-006", "TW-007"):
        assert _status(rule_id, internet_only) == "not_applicable", rule_id
    assert _status("TW-005", reaches_lgwan) == "fail"
    # the generic telework controls stay for internet-only telework
    assert _status("TW-002", internet_only) == "fail"  # approval not declared


def test_security_cloud_aggregation_concerns_prefectures_too() -> None:
    for rule_id in ("IN-001", "SC-001"):
        assert _status(rule_id, PREFECTURE) == "fail", rule_id  # undeclared: applies, fails
    joined = deep_merge(PREFECTURE, {"network": {"segments": {"internet": {"security_cloud": "joined"}}}})
    assert _status("IN-001", joined) == "pass"


def test_edr_on_breakout_terminals_stays_recommended() -> None:
    assert _rule("AP-005").level == "should"


# --- checks an empty answer cannot pass; every failed condition named -------------------------


def _alpha_prime(lgwan: dict[str, Any]) -> dict[str, Any]:
    return {"network": {"model": "alpha_prime", "segments": {"lgwan": lgwan}}}


@pytest.mark.parametrize("destinations", [[], ["*"], ["Microsoft 365", "0.0.0.0/0"]])
def test_an_empty_or_wildcard_allow_list_fails(destinations: list[str]) -> None:
    overlay = _alpha_prime({"lbo_destinations": destinations, "tenant_restriction": True})
    assert _status("AP-002", overlay) == "fail"


def test_every_failed_condition_is_reported() -> None:
    overlay = _alpha_prime({"lbo_destinations": ["*"]})
    outcome = evaluate_rule(_rule("AP-002"), _policy(overlay), edition="R7.3", today=TODAY)
    assert outcome.status == "fail"
    paths = [failure.path for failure in outcome.failures]
    assert paths == ["network.segments.lgwan.lbo_destinations", "network.segments.lgwan.tenant_restriction"]
    assert "2 conditions are not met" in outcome.message["en"]
    assert "tenant_restriction" in outcome.message["en"] and "lbo_destinations" in outcome.message["en"]


def test_a_single_failed_condition_keeps_the_single_message() -> None:
    overlay = _alpha_prime({"lbo_destinations": ["Microsoft 365"], "tenant_restriction": False})
    outcome = evaluate_rule(_rule("AP-002"), _policy(overlay), edition="R7.3", today=TODAY)
    assert len(outcome.failures) == 1 and "conditions are not met" not in outcome.message["en"]


def test_a_figure_no_source_sets_is_labelled_as_the_bodys_own() -> None:
    overlay = deep_merge(PREFECTURE, {"security_cloud": {"operated": True, "log_retention_days": 30}})
    outcome = evaluate_rule(_rule("SC-013"), _policy(overlay), edition="R7.3", today=TODAY)
    assert outcome.status == "pass" and _rule("SC-013").level == "should"
    assert "body's own figure" in outcome.message["en"] and "団体自身の値" in outcome.message["ja"]


def test_the_contract_is_must_and_the_item_list_should() -> None:
    assert (_rule("OUT-003").level, _rule("OUT-008").level) == ("must", "should")
    some = {"outsourcing": {"contract_clauses": ["policy_compliance", "confidentiality"]}}
    assert (_status("OUT-003", some), _status("OUT-008", some)) == ("pass", "fail")
    outcome = evaluate_rule(_rule("OUT-008"), _policy(some), edition="R7.3", today=TODAY)
    assert len(outcome.failures) == 12  # every missing item, for the auditor to weigh


def test_coverage_reports_shares_per_evidence_level_and_per_source() -> None:
    result = run_cli("rules", "coverage", "--format", "json")
    document = json.loads(result.stdout)
    evidence = document["evidence"]
    assert set(evidence) == {"sourced", "partial", "inferred"}
    assert sum(level["rules"] for level in evidence.values()) == document["total"]
    by_document = {entry["document"]: entry for entry in document["documents"]}
    assert by_document["local_autonomy_act"]["kind"] == "law"
    assert by_document["guideline"]["rules"] < document["total"]
    assert set(document["statutory"]) >= {"LAW-001", "LAW-002"}
