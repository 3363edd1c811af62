"""The policy schema compiled for pydantic-core: valid policies are accepted without the models.

Building the sixty pydantic model classes costs more than everything else in an audit, on every
run. The models stay the single source of truth; :func:`compile_schema` turns their core schema
into plain data (the models become typed dicts, the three Python validators are left to
:mod:`auditor.policy.semantics`), shipped as ``policy.core-schema.json`` beside this module and
kept current by a test. :func:`accepts` validates with that data and the semantic checks only;
whenever it says no, the loader asks the models, which locate and explain every problem. So the
fast path decides only that a file is valid; every message still comes from the models.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("policy.core-schema.json")

# The Python validators of the models, by where they sit; the fast path runs their checks through
# :mod:`auditor.policy.semantics` instead. A new one must be added here and there, or compiling fails.
KNOWN_FUNCTIONS = frozenset({"Entity.code", "Entity.type", "Waiver"})

_DROPPED_KEYS = frozenset({"cls", "metadata", "custom_init", "root_model", "post_init", "model_name",
                           "computed_fields", "serialization", "frozen", "generic_origin"})


def compile_schema() -> dict[str, Any]:
    """The models' core schema as plain, deterministic data (what ``policy.core-schema.json`` holds)."""
    from auditor.policy.model import Policy

    functions: set[str] = set()
    compiled = _convert(Policy.__pydantic_core_schema__, functions, owner="", field="")
    unknown = functions - KNOWN_FUNCTIONS
    if unknown:
        raise RuntimeError(f"validators without a fast-path check in auditor.policy.semantics: {sorted(unknown)}")
    return compiled  # type: ignore[no-any-return]


def dump(schema: dict[str, Any]) -> str:
    """Stable text form of the compiled schema."""
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def accepts(data: Any) -> bool:
    """Whether ``data`` (parsed YAML) is a valid policy; False means "ask the models why"."""
    from pydantic_core import ValidationError

    try:
        _validator().validate_python(data, strict=True)
    except ValidationError:
        return False
    return _semantics_hold(data)


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from pydantic_core import SchemaValidator

    return SchemaValidator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _semantics_hold(data: dict[str, Any]) -> bool:
    from auditor.policy.semantics import code_problem, entity_type_problem, waiver_dates_problem

    entity = data["entity"]
    if code_problem(entity["code"]) is not None or entity_type_problem(entity["code"], entity["type"]) is not None:
        return False
    return all(waiver_dates_problem(item["approved_on"], item["expires_on"]) is None
               for item in data.get("waivers") or [])


def _ref(ref: str) -> str:
    # pydantic suffixes refs with an object id; drop it so the compiled file is stable.
    return re.sub(r":\d+$", "", ref)


def _convert(node: Any, functions: set[str], *, owner: str, field: str) -> Any:
    if isinstance(node, list):
        return [_convert(item, functions, owner=owner, field=field) for item in node]
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if kind in ("function-after", "function-before", "function-wrap"):
        inner = node["schema"]
        if inner.get("type") == "model":  # a model validator wraps the model it validates
            functions.add(inner["cls"].__name__)
        else:
            functions.add(f"{owner}.{field}")
        converted_inner = _convert(inner, functions, owner=owner, field=field)
        if "ref" in node:
            converted_inner = {**converted_inner, "ref": _ref(node["ref"])}
        return converted_inner
    if kind == "function-plain":
        raise RuntimeError(f"a plain validator at {owner}.{field} cannot be compiled")
    if kind == "model":
        name = node["cls"].__name__
        inner = node["schema"]
        config = node.get("config", {})
        fields = {
            key: {
                "type": "typed-dict-field",
                "schema": _convert(value["schema"], functions, owner=name, field=key),
                "required": value["schema"].get("type") != "default",
                **({"validation_alias": value["validation_alias"]} if "validation_alias" in value else {}),
            }
            for key, value in inner["fields"].items()
        }
        compiled: dict[str, Any] = {
            "type": "typed-dict",
            "fields": fields,
            "extra_behavior": config.get("extra_fields_behavior", "ignore"),
            "strict": bool(config.get("strict", False)),
        }
        if "ref" in node:
            compiled["ref"] = _ref(node["ref"])
        if inner.get("type") != "model-fields":
            raise RuntimeError(f"unexpected schema inside model {name}: {inner.get('type')}")
        return compiled
    converted = {key: _convert(value, functions, owner=owner, field=field)
                 for key, value in node.items() if key not in _DROPPED_KEYS}
    if kind == "definition-ref" or "ref" in converted:
        key = "schema_ref" if kind == "definition-ref" else "ref"
        converted[key] = _ref(converted[key])
    return converted



if __name__ == "__main__":  # python -m auditor.policy.compiled: rewrite the shipped file
    SCHEMA_FILE.write_text(dump(compile_schema()), encoding="utf-8")
