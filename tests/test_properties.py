"""Property-based tests of the loader and engine over generated valid policies (hypothesis).

Policies are generated from the pydantic model itself (every section and field optional where the
model says so, values drawn from each field's type, bounds and Literal choices), so new fields are
covered without touching this file. Properties:

* the engine never raises, gives exactly one outcome per rule, and never ``error`` on a valid
  policy (the built-in rules fit the schema); reports render;
* results are deterministic (same input, rules in any order: the same outcomes and report bytes);
* changing a value a rule accepts into one its operator forbids turns that rule from pass to fail
  and changes no rule that does not read that path. Restricted to rules whose check is a single
  leaf comparing with a literal value (most of the catalogue; compound checks and ``value_path``
  comparisons are left out); rules reading the same path, and every rule's applicability
  (network model, entity type), may legitimately change with it.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import random
import types
import typing
from typing import Any, Literal, Union

import annotated_types
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from auditor import reporters
from auditor.audit.engine import audit, evaluate_rule
from auditor.audit.results import AuditResult
from auditor.files.yamlsource import YamlDocument
from auditor.i18n import set_language
from auditor.policy import Policy
from auditor.policy.loader import LoadedPolicy, parse_policy, validate_policy
from auditor.rules.catalogue import load_catalogue
from auditor.rules.lint import BASE_ENTITIES
from auditor.rules.rule import Leaf, Rule
from auditor.rules.schema_check import leaves_with_keys, policy_field
from tests.helpers import AUDIT_DATE

TODAY = dt.date.fromisoformat(AUDIT_DATE)
CATALOGUE = load_catalogue()
EDITION = CATALOGUE.newest_edition()
RULES = CATALOGUE.for_edition(EDITION)
SINGLE_LEAF = [rule for rule in RULES if isinstance(rule.check, Leaf) and rule.check.value_path is None]
EXAMPLES = int(os.environ.get("AUDITOR_PROPERTY_EXAMPLES", "50"))

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text as people type it, plus what YAML must quote or escape.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from("例示市情報セキュリティ:#-&*!|>'\"%@`{}[],? \t\n"),
    ),
    max_size=25,
)


@pytest.fixture(autouse=True)
def _japanese() -> None:
    set_language("ja")


# --- generating policies from the model ----------------------------------------------------


def _optional_inner(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _bounds(metadata: list[Any]) -> tuple[int, int]:
    low, high = 0, 1000
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            low = int(item.ge)  # type: ignore[call-overload]
        elif isinstance(item, annotated_types.Le):
            high = int(item.le)  # type: ignore[call-overload]
    return low, high


def _lengths(metadata: list[Any]) -> tuple[int, int]:
    low, high = 0, 25
    for item in metadata:
        if isinstance(item, annotated_types.MinLen):
            low = item.min_length
        elif isinstance(item, annotated_types.MaxLen):
            high = min(high, item.max_length)
    return low, max(low, high)


def value_strategy(annotation: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    """Valid values for a field of this type (None included where the field is optional)."""
    inner, optional = _optional_inner(annotation)
    if typing.get_origin(inner) is Literal:
        base: st.SearchStrategy[Any] = st.sampled_from(typing.get_args(inner))
    elif inner is bool:
        base = st.booleans()
    elif inner is int:
        base = st.integers(*_bounds(metadata))
    elif inner is float:
        base = st.floats(0, 1000, allow_nan=False)
    elif inner is str:
        low, high = _lengths(metadata)
        base = TEXT.filter(lambda s: low <= len(s) <= high) if low else TEXT.map(lambda s: s[:high])
    elif inner is dt.date:
        base = st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    elif typing.get_origin(inner) is list:
        item = typing.get_args(inner)[0]
        unique = typing.get_origin(item) is Literal
        base = st.lists(value_strategy(item, []), max_size=4, unique=unique)
    elif isinstance(inner, type) and issubclass(inner, BaseModel):
        base = model_strategy(inner)
    else:  # pragma: no cover - a new kind of field: extend the generator
        raise AssertionError(f"no strategy for {annotation!r}")
    return st.one_of(st.none(), base) if optional else base


def model_strategy(model: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        special = SPECIAL.get((model.__name__, key))
        strategy = special if special is not None else value_strategy(info.annotation, list(info.metadata))
        (required if info.is_required() else optional)[key] = strategy
    return st.fixed_dictionaries(required, optional=optional)


@st.composite
def _waiver(draw: st.DrawFn) -> dict[str, Any]:
    rule = draw(st.sampled_from(RULES))
    approved = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
    return {
        "rule_id": rule.id,
        "justification": draw(TEXT.filter(bool)),
        "approver": {"role": "CISO（副市長）", "name": "山田 太郎"},
        "approved_on": approved,
        "expires_on": approved + dt.timedelta(days=draw(st.integers(0, 3000))),
    }


@st.composite
def _evidence(draw: st.DrawFn) -> dict[str, Any]:
    rule = draw(st.sampled_from(RULES))
    reviewed = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)))
    record: dict[str, Any] = {
        "rule_id": rule.id,
        "what": draw(TEXT.filter(bool)),
        "reviewed_on": reviewed,
        "method": draw(st.sampled_from(["閲覧", "聴取", "実地確認", "設定確認"])),
        "result": draw(st.sampled_from(["確認済み", "確認できない", "一部確認"])),
    }
    if draw(st.booleans()):
        record["valid_until"] = reviewed + dt.timedelta(days=draw(st.integers(0, 800)))
    return record


SPECIAL: dict[tuple[str, str], st.SearchStrategy[Any]] = {
    # Fields with cross-field validators: drawn from values known to be consistent.
    ("Policy", "entity"): st.sampled_from([dict(entity) for entity in BASE_ENTITIES.values()]),
    ("Policy", "waivers"): st.one_of(st.none(), st.lists(_waiver(), max_size=3)),
    ("Policy", "evidence"): st.one_of(st.none(), st.lists(_evidence(), max_size=3)),
}
POLICIES = model_strategy(Policy)
POLICIES_WITHOUT_WAIVERS = POLICIES.map(lambda data: {k: v for k, v in data.items() if k != "waivers"})


def _load(data: dict[str, Any]) -> LoadedPolicy:
    return validate_policy(YamlDocument("generated.yaml", data, {}, ""))


# --- properties ------------------------------------------------------------------------------


@SETTINGS
@given(data=POLICIES, edition=st.sampled_from(CATALOGUE.editions()))
def test_engine_never_raises_and_reports_every_rule(data: dict[str, Any], edition: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    loaded = parse_policy(text, "generated.yaml")  # through the YAML loader, positions and all
    rules = CATALOGUE.for_edition(edition)
    result = audit(loaded, rules, edition=edition, today=TODAY)
    assert sorted(o.rule_id for o in result.outcomes) == sorted(r.id for r in rules)
    statuses = {o.status for o in result.outcomes}
    assert statuses <= {"pass", "fail", "not_applicable", "waived", "manual"}, [
        (o.rule_id, o.message) for o in result.outcomes if o.status == "error"
    ]
    for name in ("json", "table"):
        assert reporters.FORMATS.renderer(name)([result], reporters.ReportOptions(lang="ja", color=False))
    event(f"fail={result.summary.counts['fail'] > 0} waived={result.summary.counts['waived'] > 0}")


def _render(result: AuditResult) -> str | bytes:
    return reporters.FORMATS.renderer("json")([result], reporters.ReportOptions(lang="en", color=False))


@SETTINGS
@given(data=POLICIES, seed=st.integers(0, 2**32 - 1))
def test_results_are_deterministic(data: dict[str, Any], seed: int) -> None:
    first = audit(_load(data), RULES, edition=EDITION, today=TODAY)
    shuffled = list(RULES)
    random.Random(seed).shuffle(shuffled)
    second = audit(_load(copy.deepcopy(data)), shuffled, edition=EDITION, today=TODAY)
    assert first.outcomes == second.outcomes
    assert _render(first) == _render(second)


# --- flipping a passing value to a forbidden one -------------------------------------------

_MISSING = object()


def _field_metadata(path: str) -> list[Any]:
    model: Any = Policy
    metadata: list[Any] = []
    for part in path.split("."):
        info = model.model_fields[part]
        metadata = list(info.metadata)
        model = _optional_inner(info.annotation)[0]
    return metadata


def _candidates(annotation: Any, metadata: list[Any]) -> list[Any]:
    """A few valid values of a scalar field type, to pick accepted and forbidden ones from."""
    inner, _ = _optional_inner(annotation)
    if typing.get_origin(inner) is Literal:
        return list(typing.get_args(inner))
    if inner is bool:
        return [True, False]
    if inner is int:
        low, high = _bounds(metadata)
        return sorted({low, min(low + 1, high), high})
    if inner is str:
        return ["値A", "値B"]
    if inner is dt.date:
        return [dt.date(2024, 4, 1), dt.date(2025, 4, 1)]
    return []


def accepted_and_forbidden(leaf: Leaf) -> tuple[Any, Any] | None:
    """A value the leaf accepts and one it forbids (``_MISSING``: not declared), or None."""
    annotation = policy_field(leaf.path)
    metadata = _field_metadata(leaf.path)
    inner, _ = _optional_inner(annotation)
    value = leaf.value
    is_list = typing.get_origin(inner) is list
    items = _candidates(typing.get_args(inner)[0], []) if is_list else []
    scalars = _candidates(inner, metadata)
    low, high = _bounds(metadata)

    def other(excluded: list[Any]) -> Any:
        return next((c for c in scalars if all(c != e or type(c) is not type(e) for e in excluded)), None)

    pair: tuple[Any, Any] | None
    if leaf.op == "equals":
        pair = (value, other([value]))
    elif leaf.op == "not_equals":
        pair = (other([value]), value)
    elif leaf.op == "in":
        pair = (value[0], other(value))
    elif leaf.op == "not_in":
        pair = (other(value), value[0])
    elif leaf.op in ("gte", "gt", "lte", "lt"):
        step = 1 if leaf.op in ("gte", "gt") else -1
        accepted = value if leaf.op in ("gte", "lte") else value + step
        forbidden = value - step if leaf.op in ("gte", "lte") else value
        pair = (accepted, forbidden) if all(low <= v <= high for v in (accepted, forbidden)) else None
    elif leaf.op == "exists":
        pair = (scalars[0] if scalars else [], _MISSING)
    elif leaf.op == "contains":
        pair = ([value], [])
    elif leaf.op == "not_contains":
        pair = ([], [value])
    elif leaf.op == "contains_all":
        pair = (list(value), list(value)[:-1])
    elif leaf.op == "subset":
        outsider = next((c for c in items if c not in value), None)
        pair = (list(value)[:1], [outsider]) if outsider is not None else None
    else:  # within_days
        pair = (TODAY - dt.timedelta(days=max(0, value // 2)), TODAY - dt.timedelta(days=value + 1))
    if pair is None or any(v is None for v in pair):
        return None
    return pair


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    result = copy.deepcopy(data)
    node = result
    parts = path.split(".")
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    if value is _MISSING:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value
    return result


def _reads(rule: Rule, path: str) -> bool:
    """Whether ``rule``'s check or condition reads ``path`` (or a section containing it)."""
    for condition, key in ((rule.check, ("check",)), (rule.applies_to.when, ("when",))):
        for leaf, _ in leaves_with_keys(condition, key):
            if leaf.path == path or path.startswith(leaf.path + ".") or leaf.path.startswith(path + "."):
                return True
    return False


@SETTINGS
@given(
    data=POLICIES_WITHOUT_WAIVERS,
    chosen=st.lists(st.sampled_from(SINGLE_LEAF), min_size=1, max_size=8, unique_by=lambda rule: rule.id),
)
def test_forbidden_value_flips_exactly_that_rule(data: dict[str, Any], chosen: list[Rule]) -> None:
    flipped = 0
    for rule in chosen:
        leaf = rule.check
        assert isinstance(leaf, Leaf)
        pair = accepted_and_forbidden(leaf)
        if pair is None:
            event(f"{rule.id}: no forbidden value within the field's bounds")
            continue
        accepted, forbidden = pair
        base = dict(data)
        base["entity"] = dict(BASE_ENTITIES[rule.applies_to.entities[0]])
        if base["network"]["model"] not in rule.applies_to.models:
            base["network"] = {**base["network"], "model": rule.applies_to.models[0]}
        before_data = _set(base, leaf.path, accepted)
        before = {r.id: evaluate_rule(r, _load(before_data), edition=EDITION, today=TODAY) for r in RULES}
        if before[rule.id].status not in ("pass", "manual"):
            event(f"{rule.id}: does not pass here ({before[rule.id].status}, e.g. its 'when' is false)")
            continue
        after_data = _set(before_data, leaf.path, forbidden)
        after = {r.id: evaluate_rule(r, _load(after_data), edition=EDITION, today=TODAY) for r in RULES}
        assert after[rule.id].status == "fail", (rule.id, leaf.path, accepted, forbidden, after[rule.id].message)
        changed = {rid for rid in before if before[rid] != after[rid]}
        unexpected = {rid for rid in changed - {rule.id} if not _reads(CATALOGUE.get(rid).rule, leaf.path)}
        assert unexpected == set(), (rule.id, leaf.path, sorted(unexpected))
        flipped += 1
    event(f"flipped {flipped} of {len(chosen)}")


def test_every_single_leaf_rule_has_a_forbidden_value() -> None:
    """The flip property is not vacuous: it can be tried on (almost) every single-leaf rule."""
    without = [rule.id for rule in SINGLE_LEAF if accepted_and_forbidden(rule.check) is None]  # type: ignore[arg-type]
    assert len(SINGLE_LEAF) >= 50
    assert len(without) <= len(SINGLE_LEAF) // 10, without
