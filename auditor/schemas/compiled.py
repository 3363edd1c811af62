"""The policy and rule schemas compiled for pydantic-core, so an audit need not build pydantic models.

Building the pydantic model classes (sixty for a policy, ten for a rule) and importing pydantic
cost more than everything else in an audit, on every run. The models stay the single source of
truth: :func:`compile_model` turns a model's core schema into plain data (models become typed
dicts; the few Python validators are left to plain functions run on both paths), shipped under
``auditor/schemas/data/*.core-schema.json`` and kept current by a test (``python -m auditor.schemas.compiled``
rewrites them). pydantic-core validates with that data alone.

The fast path only ever decides that input is valid. Whenever it says no, the caller asks the
pydantic models, which locate and explain every problem, so every message still comes from them.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.rules.rule import Rule, rule_from_data

if TYPE_CHECKING:
    from pydantic import BaseModel

DATA = Path(__file__).with_name("data")
POLICY_SCHEMA_FILE = DATA / "policy.core-schema.json"
RULE_SCHEMA_FILE = DATA / "rule.core-schema.json"

# The Python validators of the models, by where they sit. The fast paths run the same checks
# through plain functions (auditor.policy.semantics; auditor.rules.rule.Leaf.__post_init__); a new
# validator must be added there and here, or compiling fails.
POLICY_FUNCTIONS = frozenset({"Entity.code", "Entity.type", "Waiver", "EvidenceEntry"})
RULE_FUNCTIONS = frozenset({"Leaf"})

_DROPPED_KEYS = frozenset(
    {
        "cls",
        "metadata",
        "custom_init",
        "root_model",
        "post_init",
        "model_name",
        "computed_fields",
        "serialization",
        "frozen",
        "generic_origin",
    }
)


# --- using the compiled schemas (no pydantic) -------------------------------------------------


def policy_accepts(data: Any) -> bool:
    """Whether ``data`` (parsed YAML) is a valid policy; False means "ask the models why"."""
    from pydantic_core import ValidationError

    try:
        _validator(POLICY_SCHEMA_FILE).validate_python(data, strict=True)
    except ValidationError:
        return False
    return _policy_semantics_hold(data)


def rules(entries: list[Any]) -> list[Rule] | None:
    """``entries`` (rule file data) as rules, or None if any is not a valid rule."""
    from pydantic_core import ValidationError

    validator = _validator(RULE_SCHEMA_FILE)
    try:
        return [rule_from_data(validator.validate_python(entry)) for entry in entries]
    except (ValidationError, ValueError):  # ValueError: the check of Leaf.__post_init__
        return None


@functools.lru_cache(maxsize=2)
def _validator(path: Path) -> Any:
    from pydantic_core import SchemaValidator

    return SchemaValidator(json.loads(path.read_text(encoding="utf-8")))


def _policy_semantics_hold(data: dict[str, Any]) -> bool:
    from auditor.policy.semantics import code_problem, entity_type_problem, evidence_dates_problem, waiver_dates_problem

    entity = data["entity"]
    if code_problem(entity["code"]) is not None or entity_type_problem(entity["code"], entity["type"]) is not None:
        return False
    return all(
        waiver_dates_problem(item["approved_on"], item["expires_on"]) is None for item in data.get("waivers") or []
    ) and all(
        evidence_dates_problem(item["reviewed_on"], item.get("valid_until")) is None
        for item in data.get("evidence") or []
    )


# --- compiling (needs the models) -------------------------------------------------------------


def compile_policy_schema() -> dict[str, Any]:
    """What ``policy.core-schema.json`` holds."""
    from auditor.policy import Policy

    return compile_model(Policy, POLICY_FUNCTIONS)


def compile_rule_schema() -> dict[str, Any]:
    """What ``rule.core-schema.json`` holds."""
    from auditor.rules.schema import Rule

    return compile_model(Rule, RULE_FUNCTIONS)


def compile_model(model: type[BaseModel], known_functions: frozenset[str]) -> dict[str, Any]:
    """``model``'s core schema as plain, deterministic data."""
    functions: set[str] = set()
    compiled = _convert(model.__pydantic_core_schema__, functions, owner="", field="")
    unknown = functions - known_functions
    if unknown:
        raise RuntimeError(f"validators without a fast-path check: {sorted(unknown)}")
    return compiled  # type: ignore[no-any-return]


def dump(schema: dict[str, Any]) -> str:
    """Stable text form of a compiled schema."""
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


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
        return _typed_dict(node, functions)
    if kind == "default":
        raise RuntimeError(f"a default outside a field at {owner}.{field} cannot be compiled")
    converted = {
        key: _convert(value, functions, owner=owner, field=field)
        for key, value in node.items()
        if key not in _DROPPED_KEYS
    }
    if kind == "definition-ref":
        converted["schema_ref"] = _ref(converted["schema_ref"])
    elif "ref" in converted:
        converted["ref"] = _ref(converted["ref"])
    return converted


def _typed_dict(node: dict[str, Any], functions: set[str]) -> dict[str, Any]:
    name = node["cls"].__name__
    inner = node["schema"]
    if inner.get("type") != "model-fields":
        raise RuntimeError(f"unexpected schema inside model {name}: {inner.get('type')}")
    config = node.get("config", {})
    fields = {}
    for key, value in inner["fields"].items():
        schema = value["schema"]
        # A field with a default is optional; the default itself is left to whoever reads the
        # data (the fast paths only decide validity, and auditor.rules.rule fills rule defaults).
        optional = schema.get("type") == "default"
        field: dict[str, Any] = {
            "type": "typed-dict-field",
            "schema": _convert(schema["schema"] if optional else schema, functions, owner=name, field=key),
            "required": not optional,
        }
        if "validation_alias" in value:
            field["validation_alias"] = value["validation_alias"]
        fields[key] = field
    compiled: dict[str, Any] = {
        "type": "typed-dict",
        "fields": fields,
        "extra_behavior": config.get("extra_fields_behavior", "ignore"),
        "strict": bool(config.get("strict", False)),
    }
    if "ref" in node:
        compiled["ref"] = _ref(node["ref"])
    return compiled


if __name__ == "__main__":  # python -m auditor.schemas.compiled: rewrite the shipped files
    POLICY_SCHEMA_FILE.write_text(dump(compile_policy_schema()), encoding="utf-8")
    RULE_SCHEMA_FILE.write_text(dump(compile_rule_schema()), encoding="utf-8")
