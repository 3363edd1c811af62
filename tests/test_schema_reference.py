"""The ``$schema`` line of policy files resolves: editors (yaml-language-server) find the schema it names.

The examples point to the repository's generated schema, a template written by ``auditor init``
to the file ``auditor schema policy`` writes next to it; either way the file exists and the
policy validates against it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import EXAMPLES, REPO, run_cli

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def _schema_of(policy: Path) -> Path:
    found = SCHEMA_LINE.search(policy.read_text(encoding="utf-8"))
    assert found, f"{policy}: no $schema line"
    reference = found.group(1)
    assert "://" not in reference, "a relative path, resolved next to the policy file"
    return (policy.parent / reference).resolve()


def _validates(policy: Path, schema_file: Path) -> None:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    as_editors_see_it = json.loads(json.dumps(data, default=str))  # YAML dates are strings to a JSON Schema
    jsonschema.Draft202012Validator(schema).validate(as_editors_see_it)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_point_to_the_repository_schema(example: Path) -> None:
    schema_file = _schema_of(example)
    assert schema_file == (REPO / "schemas" / "policy.schema.json").resolve()
    _validates(example, schema_file)


def test_the_template_points_to_the_schema_auditor_writes(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    assert run_cli("init", "--model", "beta", "-o", policy).code == 0
    schema_file = _schema_of(policy)
    assert not schema_file.exists()
    assert "auditor schema policy > policy.schema.json" in policy.read_text(encoding="utf-8")  # how to make it
    written = run_cli("schema", "policy")
    assert written.code == 0
    (tmp_path / "policy.schema.json").write_text(written.stdout, encoding="utf-8")
    assert schema_file.exists()
    _validates(policy, schema_file)
    broken = tmp_path / "broken.yaml"
    broken.write_text(policy.read_text(encoding="utf-8").replace("type: municipality", "type: village"), "utf-8")
    with pytest.raises(jsonschema.ValidationError):
        _validates(broken, schema_file)
