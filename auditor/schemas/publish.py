"""JSON Schemas of the policy and rule files, generated from the pydantic models.

Editors use them through ``# yaml-language-server: $schema=...``; ``schemas/*.json`` in the
repository are generated copies, and a test fails if they drift from the models.
"""

from __future__ import annotations

import json
from typing import Any

SCHEMA_BASE = "https://auditor.example/schemas"


def policy_schema() -> dict[str, Any]:
    """JSON Schema of a policy file."""
    from auditor.policy import Policy

    schema = Policy.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{SCHEMA_BASE}/policy-1.json", **schema}


def rule_schema() -> dict[str, Any]:
    """JSON Schema of a rule file."""
    from auditor.rules.schema import Rule

    schema = Rule.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{SCHEMA_BASE}/rule-1.json", **schema}


def dump(schema: dict[str, Any]) -> str:
    """Stable text form (what is committed under ``schemas/``)."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
