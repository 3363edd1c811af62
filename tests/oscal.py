"""Validation against NIST's OSCAL 1.2.1 JSON Schemas, vendored in ``tests/data/oscal/`` (see its README).

The schemas are used as published, with one adaptation for Python's ``re``: the token pattern's
Unicode classes ``\\p{L}`` (letters) and ``\\p{N}`` (digits) are written as ``[^\\W\\d_]`` and
``\\d``, which Python's Unicode-aware classes match the same way for the identifiers auditor writes.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import jsonschema

from tests.helpers import REPO

SCHEMAS = REPO / "tests" / "data" / "oscal"
MODELS = {
    "catalog": "oscal_catalog_schema.json",
    "profile": "oscal_profile_schema.json",
    "assessment-plan": "oscal_assessment-plan_schema.json",
    "assessment-results": "oscal_assessment-results_schema.json",
    "plan-of-action-and-milestones": "oscal_poam_schema.json",
}


@functools.cache
def validator(model: str) -> jsonschema.Draft7Validator:
    """A validator of OSCAL documents of ``model`` (the top-level key), formats checked."""
    text = (SCHEMAS / MODELS[model]).read_text(encoding="utf-8")
    text = text.replace("\\\\p{L}", "[^\\\\W\\\\d_]").replace("\\\\p{N}", "\\\\d")
    schema = json.loads(text)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def validate(document: dict[str, Any]) -> str:
    """Validate ``document`` against the schema of its model; return the model."""
    [model] = document
    validator(model).validate(document)
    return model
