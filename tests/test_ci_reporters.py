"""CI report formats (SARIF 2.1.0 against the OASIS schema, JUnit XML, GitHub annotations) and the exit-code gate."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from auditor import exitcodes
from tests.gitrepo import edit, write_policy
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli

SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _validate_sarif(document: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)


def _audit_json(*args: str | Path) -> Any:
    return json.loads(run_cli("audit", *args, "--format", "json", "--date", AUDIT_DATE).stdout)


def _rule_titles(lang: str) -> dict[str, str]:
    return {item["id"]: item["title"][lang] for item in json.loads(run_cli("rules", "list", "--format", "json").stdout)}


ACTIONABLE = {"fail", "waived", "error"}


@pytest.mark.parametrize(("lang", "include"), [("ja", None), ("en", None), ("ja", "all")])
def test_sarif_is_valid_and_keeps_rule_identity(
    lang: str, include: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    paths = [p.relative_to(REPO).as_posix() for p in EXAMPLE_FILES]
    extra = ["--sarif-include", include] if include else []
    result = run_cli("audit", *paths, "--format", "sarif", "--date", AUDIT_DATE, "--lang", lang, *extra)
    assert result.code == exitcodes.FINDINGS
    sarif = json.loads(result.stdout)
    _validate_sarif(sarif)
    [run] = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    titles = _rule_titles(lang)
    documents = json.loads(run_cli("audit", *paths, "--format", "json", "--date", AUDIT_DATE).stdout)
    ids = [rule["id"] for rule in rules]
    # By default what needs action (code scanning makes each result an alert); --sarif-include all: everything.
    outcomes = [
        (doc["policy"]["file"], o)
        for doc in documents
        for o in doc["outcomes"]
        if include == "all" or o["status"] in ACTIONABLE
    ]
    assert {o["status"] for _, o in outcomes} >= ({"pass", "manual"} if include else {"fail", "waived"})
    assert len(ids) == len(set(ids)) and set(ids) == {o["rule_id"] for _, o in outcomes}  # identity kept
    assert run["properties"]["included"] == (include or "actionable")
    counted = [summary["pass"] for summary in run["properties"]["summaries"]]
    assert counted == [doc["summary"]["pass"] for doc in documents]  # the whole count travels anyway
    label = "出典:" if lang == "ja" else "Sources:"
    for rule in rules:
        assert rule["shortDescription"]["text"] == titles[rule["id"]]
        assert label in rule["help"]["text"] and rule["properties"]["sources"]
        for source in rule["properties"]["sources"]:  # every source is named in the help
            assert source["name"][lang] in rule["help"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["markdown"]
    assert run["tool"]["driver"]["language"] == ("ja-JP" if lang == "ja" else "en-US")
    assert len(run["results"]) == len(outcomes)
    for result_item, (file, outcome) in zip(run["results"], outcomes, strict=True):
        assert result_item["ruleId"] == outcome["rule_id"]
        assert rules[result_item["ruleIndex"]]["id"] == outcome["rule_id"]
        location = result_item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == file
        if outcome["status"] in ("fail", "waived"):
            assert result_item["kind"] == "fail"
            assert ("suppressions" in result_item) == (outcome["status"] == "waived")
            assert (
                result_item["level"]
                == {"critical": "error", "high": "error", "medium": "warning", "low": "note"}[outcome["severity"]]
            )
            assert location["region"]["startLine"] == outcome["line"]
        else:
            assert result_item["level"] == "none"


def test_sarif_validator_is_not_vacuous() -> None:
    sarif = json.loads(run_cli("audit", EXAMPLE_FILES[0], "--format", "sarif", "--date", AUDIT_DATE).stdout)
    _validate_sarif(sarif)
    for mutate in (
        lambda d: d["runs"][0]["results"][0].__setitem__("level", "fatal"),
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"].__setitem__(
            "region", {"startLine": 0}
        ),
        lambda d: d["runs"][0]["tool"]["driver"].pop("name"),
        lambda d: d.__setitem__("version", "2.0.0"),
    ):
        broken = copy.deepcopy(sarif)
        mutate(broken)
        with pytest.raises(jsonschema.ValidationError):
            _validate_sarif(broken)


def test_sarif_marks_waived_and_baseline_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    town = tmp_path / "town.yaml"
    town.write_bytes((EXAMPLES / "alpha-town.yaml").read_bytes())  # MN-004 waived, LAW-001 fails
    assert run_cli("baseline", "create", "town.yaml", "-o", "b.yaml", "--date", AUDIT_DATE).code == 0
    result = run_cli("audit", "town.yaml", "--baseline", "b.yaml", "--format", "sarif", "--date", AUDIT_DATE)
    assert result.code == exitcodes.OK
    sarif = json.loads(result.stdout)
    _validate_sarif(sarif)
    by_rule = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    waived = by_rule["MN-004"]
    assert waived["kind"] == "fail" and waived["suppressions"][0]["status"] == "accepted"
    assert "IP アドレス" in waived["suppressions"][0]["justification"]
    assert by_rule["LAW-001"]["baselineState"] == "unchanged"
    assert by_rule["LAW-001"]["properties"]["baselined"] is True


def test_junit_has_one_test_case_per_rule(tmp_path: Path) -> None:
    target = tmp_path / "auditor-junit.xml"
    result = run_cli("audit", *EXAMPLE_FILES, "--format", "junit", "-o", target, "--date", AUDIT_DATE)
    assert result.code == exitcodes.FINDINGS
    root = ET.parse(target).getroot()
    documents = _audit_json(*EXAMPLE_FILES)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(documents)
    for suite, document in zip(suites, documents, strict=True):
        cases = suite.findall("testcase")
        assert [case.get("name", "").split(" ", 1)[0] for case in cases] == [o["rule_id"] for o in document["outcomes"]]
        assert int(suite.get("tests", "-1")) == len(cases)
        statuses = {o["rule_id"]: o for o in document["outcomes"]}
        for case in cases:
            outcome = statuses[case.get("name", "").split(" ", 1)[0]]
            failure, skipped = case.find("failure"), case.find("skipped")
            assert (failure is not None) == (outcome["status"] == "fail")
            assert (skipped is not None) == (outcome["status"] in ("not_applicable", "manual", "waived"))
            if failure is not None:
                assert failure.get("type") == outcome["severity"]
                assert outcome["remediation"] in (failure.text or "")
                assert case.get("line") == str(outcome["line"])
        assert int(suite.get("failures", "-1")) == document["summary"]["fail"]
    assert int(root.get("tests", "-1")) == sum(len(d["outcomes"]) for d in documents)


def test_junit_error_outcome_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Packs are checked against the policy schema when loaded, so a rule comparing text with `gte`
    # is refused before any audit. Switch that check off to reach the engine's `error` outcome,
    # which a rule that slipped through would produce.
    import auditor.rules.schema_check

    monkeypatch.setattr(auditor.rules.schema_check, "leaf_problem", lambda leaf: None)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "TEC-990.yaml").write_text(
        json.dumps(
            {
                "id": "TEC-990",
                "title": {"ja": "比較できない", "en": "Incomparable"},
                "description": {"ja": "試験", "en": "Test"},
                "sources": [
                    {"document": "guideline", "section": "対策基準 6", "editions": ["R7.3"], "evidence": "inferred"}
                ],
                "level": "must",
                "severity": "low",
                "area": "technical",
                "check": {"path": "entity.name", "op": "gte", "value": 3},
                "remediation": {"ja": "試験", "en": "Test"},
            }
        ),
        encoding="utf-8",
    )
    policy = write_policy(tmp_path / "policy.yaml")
    result = run_cli("audit", policy, "--rules", rules, "--format", "junit", "--fail-on", "none")
    assert result.code == exitcodes.USAGE_OR_INPUT  # an `error` outcome: nothing trustworthy, whatever --fail-on
    case = next(c for c in ET.fromstring(result.stdout).iter("testcase") if c.get("name", "").startswith("TEC-990"))
    assert case.find("error") is not None


def test_github_annotations_are_the_default_in_github_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    policy = write_policy(tmp_path / "policy,draft.yaml")  # a comma must be escaped in the file property
    line = edit(policy, "inbound_mail: sanitized", "inbound_mail: raw")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli("audit", "policy,draft.yaml", "--date", AUDIT_DATE, "--lang", "en")
    assert result.code == exitcodes.FINDINGS
    errors = [row for row in result.stdout.splitlines() if row.startswith("::error ")]
    assert len(errors) == 1
    head, message = errors[0][len("::error ") :].split("::", 1)
    properties = dict(item.split("=", 1) for item in head.split(","))
    assert properties["file"] == "policy%2Cdraft.yaml" and properties["line"] == str(line)
    assert properties["title"].startswith("LG-003 fail (must/high)")
    assert "%0AFix: " in message and "\n" not in message
    assert "::group::auditor" in result.stdout and "::endgroup::" in result.stdout
    assert "LG-003" in result.stdout.split("::group::auditor", 1)[1]  # the table follows, collapsed
    explicit = run_cli("audit", "policy,draft.yaml", "--date", AUDIT_DATE, "--format", "table")
    assert "::error" not in explicit.stdout
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert "::error" not in run_cli("audit", "policy,draft.yaml", "--date", AUDIT_DATE).stdout


def test_fail_on_level_and_severity_gate(tmp_path: Path) -> None:
    policy = write_policy(tmp_path / "policy.yaml")
    edit(policy, "business_system_mfa: true", "business_system_mfa: false")  # BT-009: should / medium
    assert run_cli("audit", policy, "--date", AUDIT_DATE).code == exitcodes.FINDINGS
    assert run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on-level", "should").code == exitcodes.FINDINGS
    assert run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on-level", "must").code == exitcodes.OK
    assert run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on", "medium").code == exitcodes.FINDINGS
    assert run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on", "high").code == exitcodes.OK
    edit(policy, "edr: true", "edr: false")  # BT-002: must / critical
    assert run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on-level", "must").code == exitcodes.FINDINGS
    assert (
        run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on", "critical", "--fail-on-level", "must").code
        == exitcodes.FINDINGS
    )
    assert run_cli("audit", policy, "--date", AUDIT_DATE, "--fail-on", "none").code == exitcodes.OK
    assert run_cli("audit", policy, "--fail-on", "severe").code == exitcodes.USAGE_OR_INPUT


def test_exit_codes_documented_in_docs_ci() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("| `")]
    codes = {int(line.split("`")[1]) for line in table if line.split("`")[1].isdigit()}
    assert {
        exitcodes.OK,
        exitcodes.FINDINGS,
        exitcodes.USAGE_OR_INPUT,
        exitcodes.INTERNAL,
        exitcodes.INTERRUPTED,
    } <= codes


def test_vendored_sarif_schema_is_the_recorded_oasis_file() -> None:
    import hashlib

    raw = (REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_bytes()
    note = (REPO / "tests" / "data" / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(raw).hexdigest() in note
    assert SARIF_SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
