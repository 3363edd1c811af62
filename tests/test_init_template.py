"""``auditor init`` writes a complete template that validates and that the catalogue finds compliant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from auditor import exitcodes
from auditor.policy import Policy
from auditor.rules.lint import field_annotation
from tests.helpers import run_cli

COMBINATIONS = [(m, e) for m in ("alpha", "alpha_prime", "beta", "beta_prime") for e in ("municipality", "prefecture")]


@pytest.mark.parametrize(("model", "entity"), COMBINATIONS)
def test_template_validates_and_passes_every_automated_rule(tmp_path: Path, model: str, entity: str) -> None:
    target = tmp_path / "policy.yaml"
    assert run_cli("init", "--model", model, "--entity", entity, "-o", target).code == 0
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


def test_template_declares_every_field_of_the_model(tmp_path: Path) -> None:
    target = tmp_path / "policy.yaml"
    run_cli("init", "--model", "alpha_prime", "--entity", "prefecture", "-o", target)
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    missing = []
    for path in _leaf_paths(Policy):
        if path.startswith("waivers"):
            continue
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
