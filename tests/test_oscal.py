"""OSCAL: the catalog, profiles, and ``audit --format oscal`` (assessment results with plan and POA&M).

Every document is validated against NIST's OSCAL 1.2.1 JSON Schemas (``tests/oscal.py``), its
content is checked against the rule catalogue and the audit's JSON report, the references between
the documents resolve (findings target the catalog's assessment objectives, ``import-ap`` the
embedded plan, POA&M items their own findings and risks), and the same input gives the same bytes.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor import exitcodes
from auditor.reporters.oscal import embedded_documents
from auditor.rules import documents
from auditor.rules.catalogue import load_catalogue
from auditor.rules.rule import AREA_CHAPTERS
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli
from tests.oscal import SCHEMAS, validate

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
RULES = [loaded.rule for loaded in load_catalogue().rules]


def _json(*args: str | Path) -> tuple[str, dict[str, Any]]:
    result = run_cli(*args, "--date", AUDIT_DATE)
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    return result.stdout, json.loads(result.stdout)


def _uuids(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "uuid"] + [u for v in value.values() for u in _uuids(v)]
    if isinstance(value, list):
        return [u for item in value for u in _uuids(item)]
    return []


@pytest.fixture(scope="module")
def catalogs() -> dict[str, dict[str, Any]]:
    return {lang: _json("oscal", "catalog", "--lang", lang)[1] for lang in ("ja", "en")}


@pytest.fixture(scope="module")
def results() -> tuple[str, dict[str, Any]]:
    return _json("audit", *EXAMPLE_FILES, "--format", "oscal")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_catalog_is_valid_oscal_with_every_rule_as_a_control(lang: str, catalogs: dict[str, dict[str, Any]]) -> None:
    document = catalogs[lang]
    assert validate(document) == "catalog"
    catalog = document["catalog"]
    assert catalog["metadata"]["oscal-version"] == "1.2.1"
    assert {"name": "lang", "value": lang, "ns": "urn:auditor:oscal"} in catalog["metadata"]["props"]
    groups = catalog["groups"]
    assert [g["id"] for g in groups] == sorted({r.area for r in RULES}, key=lambda area: AREA_CHAPTERS[area][0])
    controls = {c["id"]: (g["id"], c) for g in groups for c in g["controls"]}
    assert sorted(controls) == sorted(r.id for r in RULES)  # every rule exactly once
    resources = {r["uuid"]: r for r in catalog["back-matter"]["resources"]}
    for rule in RULES:
        area, item = controls[rule.id]
        assert area == rule.area
        assert item["title"] == " ".join(getattr(rule.title, lang).split())
        props = {(p["name"], p["value"]) for p in item["props"]}
        assert {("level", rule.level), ("severity", rule.severity), ("evidence", rule.evidence())} <= props
        assert {("edition", e) for e in rule.editions()} <= props
        linked = [resources[link["href"].removeprefix("#")] for link in item["links"]]  # every link resolves
        # each source is its own document: a law is never cited as a guideline edition, nor the reverse
        kinds = {next(p["value"] for p in r["props"] if p["name"] == "kind") for r in linked}
        assert kinds == {documents.kind_of(source) for source in rule.sources}
        guideline = [s for s in rule.sources if s.editions]
        assert len(item["links"]) == len(rule.sources) - len(guideline) + sum(len(s.editions) for s in guideline)
        parts = {part["name"]: part for part in item["parts"]}
        assert parts["statement"]["prose"] == getattr(rule.description, lang)
        assert parts["guidance"]["prose"] == getattr(rule.remediation, lang)
        for param in item.get("params", []):  # thresholds: inserted into the objective
            assert f"{{{{ insert: param, {param['id']} }}}}" in parts["assessment-objective"]["prose"]
    _, mn006 = controls["MN-006"]
    assert mn006["params"][0]["id"] == "MN-006_prm_1" and mn006["params"][0]["values"] == ["2"]
    title = catalog["metadata"]["title"]
    assert ("地方公共団体" in title) if lang == "ja" else title.startswith("Requirements of the MIC")


@pytest.mark.parametrize("model", ["alpha", "alpha_prime", "beta", "beta_prime"])
@pytest.mark.parametrize("edition", ["R5.3", "R7.3"])
def test_profile_per_model_and_edition(model: str, edition: str, catalogs: dict[str, dict[str, Any]]) -> None:
    _, document = _json("oscal", "profile", "--model", model, "--edition", edition, "--catalog", "catalog.ja.json")
    assert validate(document) == "profile"
    profile = document["profile"]
    [imported] = profile["imports"]
    [resource] = profile["back-matter"]["resources"]
    assert imported["href"] == f"#{resource['uuid']}" and resource["rlinks"][0]["href"] == "catalog.ja.json"
    chosen = imported["include-controls"][0]["with-ids"]
    expected = [r.id for r in RULES if edition in r.editions() and model in r.applies_to.models]
    assert chosen == expected and chosen
    catalog_ids = {c["id"] for g in catalogs["ja"]["catalog"]["groups"] for c in g["controls"]}
    assert set(chosen) <= catalog_ids


def test_profile_for_one_entity_type() -> None:
    _, both = _json("oscal", "profile", "--model", "beta", "--edition", "R7.3")
    _, prefecture = _json("oscal", "profile", "--model", "beta", "--edition", "R7.3", "--entity", "prefecture")
    validate(prefecture)
    ids = prefecture["profile"]["imports"][0]["include-controls"][0]["with-ids"]
    assert set(ids) <= set(both["profile"]["imports"][0]["include-controls"][0]["with-ids"])
    assert ids == [
        r.id
        for r in RULES
        if "R7.3" in r.editions() and "beta" in r.applies_to.models and "prefecture" in r.applies_to.entities
    ]


def test_assessment_results_with_plan_and_poam_are_valid(results: tuple[str, dict[str, Any]]) -> None:
    text, document = results
    assert validate(document) == "assessment-results"
    embedded = embedded_documents(text)
    assert sorted(embedded) == ["assessment-plan.json", "poam.json"]
    assert validate(embedded["assessment-plan.json"]) == "assessment-plan"
    assert validate(embedded["poam.json"]) == "plan-of-action-and-milestones"
    ar = document["assessment-results"]
    plan_resource = ar["import-ap"]["href"].removeprefix("#")
    [resource] = [r for r in ar["back-matter"]["resources"] if r["uuid"] == plan_resource]
    assert resource["base64"]["filename"] == "assessment-plan.json"  # import-ap resolves to the embedded plan


def test_results_mirror_the_audit_outcome_by_outcome(
    results: tuple[str, dict[str, Any]], catalogs: dict[str, dict[str, Any]]
) -> None:
    _, document = results
    reports = json.loads(run_cli("audit", *EXAMPLE_FILES, "--format", "json", "--date", AUDIT_DATE).stdout)
    objectives = {
        part["id"]
        for g in catalogs["ja"]["catalog"]["groups"]
        for c in g["controls"]
        for part in c["parts"]
        if part["name"] == "assessment-objective"
    }
    states = {
        "pass": ("satisfied", "pass"),
        "fail": ("not-satisfied", "fail"),
        "waived": ("not-satisfied", "fail"),
        "manual": ("not-satisfied", "other"),
        "error": ("not-satisfied", "other"),
    }
    ar_results = document["assessment-results"]["results"]
    assert len(ar_results) == len(reports)
    for result, report in zip(ar_results, reports, strict=True):
        outcomes = report["outcomes"]
        observations = {o["uuid"]: o for o in result["observations"]}
        assert len(observations) == len(outcomes)
        applicable = [o for o in outcomes if o["status"] != "not_applicable"]
        selection = result["reviewed-controls"]["control-selections"][0]
        assert [c["control-id"] for c in selection["include-controls"]] == [o["rule_id"] for o in applicable]
        findings = result["findings"]
        assert len(findings) == len(applicable)
        risks = {r["uuid"]: r for r in result.get("risks", [])}
        for finding, outcome in zip(findings, applicable, strict=True):
            target = finding["target"]
            assert target["target-id"] == f"{outcome['rule_id']}_obj" and target["target-id"] in objectives
            assert (target["status"]["state"], target["status"]["reason"]) == states[outcome["status"]]
            [observed] = finding["related-observations"]
            observation = observations[observed["observation-uuid"]]
            assert {"name": "outcome", "value": outcome["status"], "ns": "urn:auditor:oscal"} in observation["props"]
            if outcome["line"]:
                assert observation["relevant-evidence"][0]["href"].endswith(f"#L{outcome['line']}")
            related = [risks[r["risk-uuid"]] for r in finding.get("related-risks", [])]
            assert len(related) == (1 if outcome["status"] in ("fail", "waived") else 0)
            for risk in related:
                assert risk["status"] == ("deviation-approved" if outcome["status"] == "waived" else "open")
                assert risk["remediations"][0]["description"] == outcome["remediation"]


def test_a_waiver_is_a_deviation_with_its_deadline_and_approval(results: tuple[str, dict[str, Any]]) -> None:
    _, document = results
    town = next(r for r in document["assessment-results"]["results"] if "alpha-town" in r["title"])
    report = json.loads(run_cli("audit", EXAMPLES / "alpha-town.yaml", "--format", "json", "--date", AUDIT_DATE).stdout)
    [waived] = [o for o in report["outcomes"] if o["status"] == "waived"]
    [waiver] = [w for w in report["waivers"] if w["rule_id"] == waived["rule_id"]]
    [risk] = [
        r
        for r in town["risks"]
        if {"name": "rule-id", "value": waived["rule_id"], "ns": "urn:auditor:oscal"} in r["props"]
    ]
    assert risk["status"] == "deviation-approved"
    assert risk["deadline"] == f"{waiver['expires_on']}T23:59:59+09:00"
    [entry] = risk["risk-log"]["entries"]
    assert (
        entry["start"] == f"{waiver['approved_on']}T00:00:00+09:00" and entry["status-change"] == "deviation-approved"
    )
    assert waiver["approver"] in entry["title"]


def test_poam_has_an_item_per_failure_with_its_own_references(results: tuple[str, dict[str, Any]]) -> None:
    text, _ = results
    poam = embedded_documents(text)["poam.json"]["plan-of-action-and-milestones"]
    reports = json.loads(run_cli("audit", *EXAMPLE_FILES, "--format", "json", "--date", AUDIT_DATE).stdout)
    failures = [(r["policy"]["file"], o["rule_id"]) for r in reports for o in r["outcomes"] if o["status"] == "fail"]
    items = poam["poam-items"]
    assert len(items) == len(failures) > 0

    def value(item: dict[str, Any], name: str) -> str:
        return next(p["value"] for p in item["props"] if p["name"] == name)

    assert [(value(i, "policy"), value(i, "rule-id")) for i in items] == failures
    own = {key: {x["uuid"] for x in poam[key]} for key in ("findings", "risks", "observations")}
    for item in items:
        assert item["related-findings"][0]["finding-uuid"] in own["findings"]
        assert item["related-risks"][0]["risk-uuid"] in own["risks"]
        assert item["related-observations"][0]["observation-uuid"] in own["observations"]
        assert item["description"]  # the remediation


def test_policies_are_resources_with_their_hash(results: tuple[str, dict[str, Any]]) -> None:
    _, document = results
    resources = [r for r in document["assessment-results"]["back-matter"]["resources"] if "rlinks" in r]
    assert len(resources) == len(EXAMPLE_FILES)
    for resource, path in zip(resources, EXAMPLE_FILES, strict=True):
        [link] = resource["rlinks"]
        assert link["hashes"][0] == {"algorithm": "SHA-256", "value": hashlib.sha256(path.read_bytes()).hexdigest()}


def test_same_input_same_bytes_and_identifiers_are_uuid5(results: tuple[str, dict[str, Any]]) -> None:
    text, document = results
    again, _ = _json("audit", *EXAMPLE_FILES, "--format", "oscal")
    assert again == text
    ids = _uuids(document) + [u for d in embedded_documents(text).values() for u in _uuids(d)]
    ids = [i for i in ids if re.fullmatch(r"[0-9a-f-]{36}", i)]
    assert all(uuid.UUID(i).version == 5 for i in ids)
    assert len(set(_uuids(document))) == len(_uuids(document))  # unique within the document
    other_day = run_cli("audit", *EXAMPLE_FILES, "--format", "oscal", "--date", "2026-11-23").stdout
    assert json.loads(other_day)["assessment-results"]["uuid"] != document["assessment-results"]["uuid"]
    catalog_once = run_cli("oscal", "catalog", "--date", AUDIT_DATE).stdout
    assert catalog_once == run_cli("oscal", "catalog", "--date", AUDIT_DATE).stdout


def test_oscal_with_other_formats_and_a_new_directory(tmp_path: Path) -> None:
    result = run_cli(
        "audit",
        EXAMPLES / "beta-city.yaml",
        "--format",
        "json,oscal",
        "-o",
        tmp_path / "out" / "report",
        "--date",
        AUDIT_DATE,
    )
    assert result.code == exitcodes.FINDINGS, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json", "report.oscal.json"]
    validate(json.loads((tmp_path / "out" / "report.oscal.json").read_text(encoding="utf-8")))


def test_the_validators_are_not_vacuous(
    catalogs: dict[str, dict[str, Any]], results: tuple[str, dict[str, Any]]
) -> None:
    text, document = results
    poam = embedded_documents(text)["poam.json"]
    broken_documents = []
    catalog = copy.deepcopy(catalogs["ja"])
    catalog["catalog"]["groups"][0]["controls"][0]["id"] = "MN 006"  # not a token
    broken_documents.append(catalog)
    ar = copy.deepcopy(document)
    ar["assessment-results"]["results"][0]["findings"][0]["target"]["status"]["state"] = "maybe"
    broken_documents.append(ar)
    ar2 = copy.deepcopy(document)
    ar2["assessment-results"]["results"][0]["observations"][0]["collected"] = "2026-11-22"  # no time
    broken_documents.append(ar2)
    missing = copy.deepcopy(poam)
    del missing["plan-of-action-and-milestones"]["poam-items"]
    broken_documents.append(missing)
    for broken in broken_documents:
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def test_vendored_schemas_are_the_recorded_nist_files() -> None:
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"\| `(oscal_[a-z-]+_schema\.json)` \| `[^`]+` \| `([0-9a-f]{64})` \|", readme))
    assert len(recorded) == 5
    for name, digest in recorded.items():
        raw = (SCHEMAS / name).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == digest, name
        assert json.loads(raw)["$id"].startswith("http://csrc.nist.gov/ns/oscal/1.2.1/")
    assert "1.2.1" in (REPO / "docs" / "oscal.md").read_text(encoding="utf-8")
