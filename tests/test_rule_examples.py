"""Every rule's pass/fail/not_applicable/manual example fragments behave as the rule file states."""

from __future__ import annotations

from typing import Any

import pytest

from auditor.rules.catalogue import LoadedRule, load_catalogue
from auditor.rules.lint import lint_rule, run_example

CATALOGUE = load_catalogue()


def _cases() -> list[Any]:
    cases = []
    for loaded in CATALOGUE.rules:
        examples = loaded.rule.examples
        groups = {
            "pass": examples.pass_,
            "fail": examples.fail,
            "not_applicable": examples.not_applicable,
            "manual": examples.manual,
        }
        for kind, fragments in groups.items():
            for index, fragment in enumerate(fragments):
                cases.append(pytest.param(loaded, kind, index, fragment, id=f"{loaded.rule.id}-{kind}-{index}"))
    return cases


@pytest.mark.parametrize(("loaded", "kind", "index", "fragment"), _cases())
def test_example_gives_stated_outcome(loaded: LoadedRule, kind: str, index: int, fragment: dict[str, Any]) -> None:
    edition = loaded.rule.editions()[-1]
    assert run_example(loaded, kind, index, fragment, edition) == kind


@pytest.mark.parametrize("loaded", CATALOGUE.rules, ids=lambda loaded: loaded.rule.id)
def test_rule_passes_lint(loaded: LoadedRule) -> None:
    assert [p.format() for p in lint_rule(loaded)] == []


def test_catalogue_has_rules_for_every_network_model() -> None:
    for model in ("alpha", "alpha_prime", "beta", "beta_prime"):
        specific = [r for r in CATALOGUE.rules if r.rule.applies_to.models == [model]]
        shared = [r for r in CATALOGUE.rules if model in r.rule.applies_to.models and r.rule.area == "resilience"]
        assert shared, model
        if model != "alpha":
            assert specific, f"no rule specific to {model}"
