"""The compiled policy schema (the audit's fast path) accepts exactly what the pydantic models accept.

The fast path decides alone that a policy is valid, so a difference would let an invalid policy be
audited (or send a valid one the slow way). Checked differentially: the shipped file is what the
models compile to today, and both validators are run on the examples, the template, every rule
example, the hostile corpus, generated policies, and thousands of single-edit mutants of real
policies (a key dropped, an unknown key added, a value of another type or out of bounds).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from pydantic import BaseModel, ValidationError

from auditor.errors import InputError
from auditor.files.yamlsource import load_yaml
from auditor.policy import Policy
from auditor.rules import schema as rulemodel
from auditor.rules.catalogue import builtin_rules_dir, load_catalogue, rule_files
from auditor.rules.lint import example_policy
from auditor.schemas import compiled
from tests.helpers import REPO
from tests.test_properties import POLICIES, SETTINGS

RULE_FILES = rule_files(builtin_rules_dir())
EXAMPLES = sorted((REPO / "policies" / "examples").glob("*.yaml"))
HOSTILE = sorted((REPO / "tests" / "data" / "bad" / "policies").glob("*.yaml"))


def accepted_by(model: type[BaseModel], data: Any) -> bool:
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def models_accept(data: Any) -> bool:
    return accepted_by(Policy, data)


def assert_agree(data: Any, what: str) -> None:
    assert compiled.policy_accepts(data) == models_accept(data), what


@pytest.mark.parametrize(
    ("shipped", "build"),
    [
        (compiled.POLICY_SCHEMA_FILE, compiled.compile_policy_schema),
        (compiled.RULE_SCHEMA_FILE, compiled.compile_rule_schema),
    ],
    ids=["policy", "rule"],
)
def test_shipped_compiled_schemas_are_current(shipped: Path, build: Callable[[], dict[str, Any]]) -> None:
    """Regenerate with ``python -m auditor.schemas.compiled`` after changing the models."""
    assert shipped.read_text(encoding="utf-8") == compiled.dump(build())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_accepted_by_the_fast_path(path: Path) -> None:
    assert compiled.policy_accepts(load_yaml(path, str(path)).data)


def test_rule_examples_agree() -> None:
    for loaded in load_catalogue().rules:
        examples = loaded.rule.examples
        for kind, fragments in (
            ("pass", examples.pass_),
            ("fail", examples.fail),
            ("not_applicable", examples.not_applicable),
            ("manual", examples.manual),
        ):
            for index, fragment in enumerate(fragments):
                document = example_policy(loaded.rule, fragment, "example")
                assert_agree(document.data, f"{loaded.rule.id} {kind}[{index}]")


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_hostile_corpus_agrees(path: Path) -> None:
    try:
        data = load_yaml(path, str(path)).data
    except InputError:
        return  # refused before validation: neither validator sees it
    assert_agree(data, path.name)


@SETTINGS
@given(data=POLICIES)
def test_generated_valid_policies_take_the_fast_path(data: dict[str, Any]) -> None:
    assert models_accept(data)
    assert compiled.policy_accepts(data)


# --- mutants -------------------------------------------------------------------------------------

REPLACEMENTS: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    10**6,
    1.5,
    "",
    "x",
    "true",
    [],
    [1],
    {},
    {"x": 1},
    dt.date(2026, 4, 1),
    "2026-04-01",
    "R7.3",
    "beta_prime",
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _mutants(data: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for path in _paths(data):
        if not path:
            continue
        for replacement in REPLACEMENTS:
            mutant = copy.deepcopy(data)
            _at(mutant, path[:-1])[path[-1]] = copy.deepcopy(replacement)
            yield f"{path} = {replacement!r}", mutant
        parent = _at(data, path[:-1])
        if isinstance(parent, dict):
            mutant = copy.deepcopy(data)
            del _at(mutant, path[:-1])[path[-1]]
            yield f"del {path}", mutant
        value = _at(data, path)
        if isinstance(value, dict):
            mutant = copy.deepcopy(data)
            _at(mutant, path)["unknown_key"] = True
            yield f"{path}.unknown_key", mutant
        if isinstance(value, list):
            mutant = copy.deepcopy(data)
            _at(mutant, path).append(copy.deepcopy(value[0]) if value else "x")
            yield f"{path} + item", mutant


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


@pytest.mark.parametrize("path", [EXAMPLES[0], EXAMPLES[-1]], ids=lambda p: p.name)
def test_single_edit_mutants_agree(path: Path) -> None:
    data = load_yaml(path, str(path)).data
    disagreements = [
        what for what, mutant in _mutants(data) if compiled.policy_accepts(mutant) != models_accept(mutant)
    ]
    assert disagreements == []


def test_a_policy_the_models_refuse_is_explained_by_them(tmp_path: Path) -> None:
    from auditor.policy.loader import load_policy

    source = EXAMPLES[0].read_text(encoding="utf-8").replace("entity:\n", "entity:\n  colour: blue\n", 1)
    path = tmp_path / "policy.yaml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_policy(path)
    [problem] = raised.value.problems
    assert (problem.line, "colour" in problem.message) == (source.splitlines().index("  colour: blue") + 1, True)


# --- rules ---------------------------------------------------------------------------------------


def rule_models_accept(data: Any) -> bool:
    return accepted_by(rulemodel.Rule, data)


def test_schema_models_carry_every_fact_of_the_runtime_fields() -> None:
    """The rule models are generated from auditor.rules.rule: every field with its default and metadata."""
    import dataclasses

    from auditor.rules import rule

    for cls in rule.SCHEMA_CLASSES:
        model = rulemodel.MODELS[cls.__name__]
        assert model.__doc__ == cls.__doc__, cls.__name__
        for item in dataclasses.fields(cls):
            info = model.model_fields[item.name]
            facts = item.metadata.get(rule.SCHEMA_KEY, {})
            assert info.alias == facts.get("alias"), (cls.__name__, item.name)
            assert info.description == facts.get("description"), (cls.__name__, item.name)
            assert info.is_required() == (
                item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING
            ), (cls.__name__, item.name)
            constraints = {type(c).__name__: c for c in info.metadata}
            if "min_length" in facts:
                assert constraints["MinLen"].min_length == facts["min_length"], (cls.__name__, item.name)
        assert set(model.model_fields) == {f.name for f in dataclasses.fields(cls)}, cls.__name__


def test_every_rule_is_built_the_same_on_both_paths() -> None:
    """The cached catalogue (compiled schema) and a fresh parse (models) give equal runtime rules."""
    data = [load_yaml(path, str(path)).data for path in RULE_FILES]
    fast = compiled.rules(data)
    assert fast is not None
    for path, raw, rule in zip(RULE_FILES, data, fast, strict=True):
        assert rule == rulemodel.to_rule(rulemodel.Rule.model_validate(raw)), path.name


@pytest.mark.parametrize(
    "path", sorted((REPO / "tests" / "data" / "bad" / "rules").rglob("*.yaml")), ids=lambda p: p.name
)
def test_hostile_rules_agree(path: Path) -> None:
    try:
        data = load_yaml(path, str(path)).data
    except InputError:
        return
    assert (compiled.rules([data]) is not None) == rule_models_accept(data), path.name


@pytest.mark.parametrize("path", RULE_FILES[::40], ids=lambda p: p.name)
def test_single_edit_rule_mutants_agree(path: Path) -> None:
    data = load_yaml(path, str(path)).data
    disagreements = [
        what for what, mutant in _mutants(data) if (compiled.rules([mutant]) is not None) != rule_models_accept(mutant)
    ]
    assert disagreements == []
