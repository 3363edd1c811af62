"""Documented machine-readable contracts: audit JSON, rules list JSON, JSON Schemas, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from auditor import exitcodes
from auditor.rules.catalogue import rule_files
from auditor.schemas.publish import dump, policy_schema, rule_schema
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli

OUTCOME_KEYS = {
    "rule_id",
    "status",
    "level",
    "severity",
    "area",
    "section",
    "title",
    "path",
    "line",
    "column",
    "actual",
    "expected",
    "message",
    "remediation",
}


def test_audit_json_contract() -> None:
    result = run_cli("audit", EXAMPLES / "alpha-town.yaml", "--format", "json", "--date", AUDIT_DATE)
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert document["tool"]["name"] == "auditor"
    policy = document["policy"]
    assert set(policy) >= {"file", "sha256", "entity", "network_model", "guideline_edition"}
    assert set(policy["entity"]) == {"name", "code", "type"}
    assert len(policy["sha256"]) == 64
    assert document["audited_against"]["edition"]
    summary = document["summary"]
    assert set(summary) >= {"pass", "fail", "not_applicable", "waived", "manual", "error"}
    assert sum(summary[k] for k in ("pass", "fail", "not_applicable", "waived", "manual", "error")) == len(
        document["outcomes"]
    )
    for outcome in document["outcomes"]:
        assert set(outcome) >= OUTCOME_KEYS
        assert outcome["status"] in ("pass", "fail", "not_applicable", "waived", "manual", "error")
    failing = [o for o in document["outcomes"] if o["status"] == "fail"]
    assert failing and all(o["line"] for o in failing)
    assert result.stderr == ""  # machine output: nothing else on stdout, nothing on stderr


def test_several_policies_give_a_list() -> None:
    result = run_cli("audit", *sorted(EXAMPLES.glob("*.yaml")), "--format", "json", "--date", AUDIT_DATE)
    documents = json.loads(result.stdout)
    assert isinstance(documents, list) and len(documents) == len(list(EXAMPLES.glob("*.yaml")))


def test_rules_list_json_contract() -> None:
    items = json.loads(run_cli("rules", "list", "--format", "json").stdout)
    assert len(items) >= 25
    for item in items:
        assert set(item) >= {"id", "title", "level", "severity", "area", "models", "entities", "sources", "tier"}
        assert set(item["title"]) == {"ja", "en"}
        assert item["sources"] and all(set(s) >= {"document", "kind", "section", "evidence"} for s in item["sources"])
        assert item["tier"] in ("statutory", "guideline")
        assert item["level"] in ("must", "should")


def test_rules_show() -> None:
    result = run_cli("rules", "show", "MN-006", "--lang", "en")
    assert result.code == 0
    assert "terminal_auth_factors ≥ 2" in result.stdout
    missing = run_cli("rules", "show", "XX-999")
    assert missing.code == exitcodes.USAGE_OR_INPUT


@pytest.mark.parametrize(("kind", "build"), [("policy", policy_schema), ("rule", rule_schema)])
def test_committed_schemas_are_current(kind: str, build: object) -> None:
    committed = (REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == dump(build())  # type: ignore[operator]
    assert json.loads(run_cli("schema", kind).stdout) == json.loads(committed)


def test_examples_and_rules_validate_against_published_schemas() -> None:
    policy = json.loads((REPO / "schemas" / "policy.schema.json").read_text(encoding="utf-8"))
    rule = json.loads((REPO / "schemas" / "rule.schema.json").read_text(encoding="utf-8"))
    # One validator per schema: building one per file costs seconds over the whole catalogue.
    policy_validator = jsonschema.validators.validator_for(policy)(policy)
    rule_validator = jsonschema.validators.validator_for(rule)(rule)
    for path in EXAMPLES.glob("*.yaml"):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        policy_validator.validate(data)
    for path in rule_files(REPO / "rules"):  # dates (in_force_from) as JSON writes them
        rule_validator.validate(json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str)))


def test_fail_on_threshold(tmp_path: Path) -> None:
    town = EXAMPLES / "alpha-town.yaml"  # fails a critical rule
    assert run_cli("audit", town, "--date", AUDIT_DATE).code == exitcodes.FINDINGS
    assert run_cli("audit", town, "--date", AUDIT_DATE, "--fail-on", "none").code == exitcodes.OK
    city = EXAMPLES / "beta-prime-city.yaml"  # fails a high (must) and a medium (should) rule
    assert run_cli("audit", city, "--date", AUDIT_DATE, "--fail-on", "critical").code == exitcodes.OK
    assert run_cli("audit", city, "--date", AUDIT_DATE, "--fail-on", "high").code == exitcodes.FINDINGS


def test_report_is_never_written_over_an_input(tmp_path: Path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_bytes((EXAMPLES / "alpha-town.yaml").read_bytes())
    before = policy.read_bytes()
    result = run_cli("audit", policy, "--format", "json", "-o", policy)
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert policy.read_bytes() == before


def test_report_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run_cli("audit", EXAMPLES / "prefecture.yaml", "--format", "json", "-o", target, "--date", AUDIT_DATE)
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS)
    assert json.loads(target.read_text(encoding="utf-8"))["policy"]["entity"]["type"] == "prefecture"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind
