"""``auditor init``: an unanswered template that never passes by itself, the compliant example, a merged draft."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor import exitcodes
from auditor.policy import Policy
from auditor.rules.lint import field_annotation
from tests.helpers import run_cli

COMBINATIONS = [(m, e) for m in ("alpha", "alpha_prime", "beta", "beta_prime") for e in ("municipality", "prefecture")]


IDENTITY_PATHS = {"policy.guideline_edition", "network.model", "entity.type", "entity.code", "entity.name"}
"""What even an unanswered template must state (who the body is, its model, the edition it follows)."""


@pytest.mark.parametrize(("model", "entity"), COMBINATIONS)
def test_example_validates_and_passes_every_automated_rule(tmp_path: Path, model: str, entity: str) -> None:
    target = tmp_path / "policy.yaml"
    assert run_cli("init", "--example", "--model", model, "--entity", entity, "-o", target).code == 0
    assert run_cli("validate", target).code == 0
    # The template dates "last done" fields relative to today: audit it today, as a user would.
    result = run_cli("audit", target, "--format", "json")
    document = json.loads(result.stdout)
    failing = [o["rule_id"] + ": " + o["message"] for o in document["outcomes"] if o["status"] in ("fail", "error")]
    assert failing == []
    assert result.code == exitcodes.OK
    assert document["policy"]["network_model"] == model
    assert document["policy"]["entity"]["type"] == entity


def _leaf_paths(model: type, prefix: str = "") -> list[str]:
    from auditor.policy.base import submodel as _submodel

    paths = []
    for name, field in model.model_fields.items():  # type: ignore[attr-defined]
        sub = _submodel(field.annotation)
        if sub is not None:
            paths += _leaf_paths(sub, f"{prefix}{name}.")
        else:
            paths.append(f"{prefix}{name}")
    return paths


@pytest.mark.parametrize(("model", "entity"), COMBINATIONS)
def test_unanswered_template_audits_as_not_declared_everywhere(tmp_path: Path, model: str, entity: str) -> None:
    target = tmp_path / "policy.yaml"
    assert run_cli("init", "--model", model, "--entity", entity, "-o", target).code == 0
    assert run_cli("validate", target).code == 0
    result = run_cli("audit", target, "--format", "json")
    assert result.code == exitcodes.FINDINGS
    outcomes = json.loads(result.stdout)["outcomes"]
    # Nothing passes but the edition the body follows (POL-090 reads only that identity field).
    assert {o["rule_id"] for o in outcomes if o["status"] == "pass"} <= {"POL-090"}
    assert all(o["path"] in IDENTITY_PATHS for o in outcomes if o["status"] == "pass")
    failing = [o for o in outcomes if o["status"] == "fail"]
    assert len(failing) > 150
    assert [o["rule_id"] for o in failing if o["actual"] is not None] == []  # every failure: not declared
    assert all("宣言されていません" in o["message"] for o in failing)
    assert {o["status"] for o in outcomes} <= {"pass", "fail", "not_applicable", "manual"}


def test_unanswered_values_carry_the_expected_value_and_level(tmp_path: Path) -> None:
    text = run_cli("init", "--model", "beta").stdout
    lines = text.splitlines()
    at = lines.index("    appointed: null")  # organisation.ciso.appointed, the first of its kind
    assert lines[at - 1] == "    # 期待値: = true（必須 ORG-001）"
    assert lines[at - 2].startswith("    # 任命・指定しているか")
    minimum = next(index for index, line in enumerate(lines) if line.strip() == "password_min_length: null")
    assert "HUM-023" in lines[minimum - 1] and "期待値" in lines[minimum - 1]
    data = yaml.safe_load(text)
    assert data["human"]["credentials"]["password_min_length"] is None
    assert data["network"]["model"] == "beta" and data["policy"]["guideline_edition"] == "R7.3"
    # Only what a file can show is asked for: a manual rule without a check names no expected value.
    assert "TEC-034" not in text


def test_template_declares_every_field_of_the_model(tmp_path: Path) -> None:
    target = tmp_path / "policy.yaml"
    run_cli("init", "--example", "--model", "alpha_prime", "--entity", "prefecture", "-o", target)
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    unanswered = yaml.safe_load(run_cli("init", "--model", "alpha_prime", "--entity", "prefecture").stdout)
    missing = []
    for path in _leaf_paths(Policy):
        if path.startswith(("waivers", "evidence")):
            continue
        node: Any = unanswered
        for part in path.split("."):
            assert isinstance(node, dict) and part in node, path  # present, if only as null
            node = node[part]
        node = data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            missing.append(path)
    assert missing == []
    assert field_annotation("network.segments.mynumber.isolated") is not None


def test_template_is_commented_in_japanese(tmp_path: Path) -> None:
    text = run_cli("init").stdout
    assert "# マイナンバー利用事務系" in text
    assert text.count("\n#") + text.count("  #") > 100


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "policy.yaml"
    target.write_text("keep me", encoding="utf-8")
    result = run_cli("init", "-o", target)
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run_cli("init", "-o", target, "--force").code == 0
