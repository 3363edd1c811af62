"""The engine and operators: an outcome for every rule, no vacuous passes, reasons, waivers, order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from auditor.audit.engine import audit, evaluate_rule
from auditor.files.yamlsource import YamlDocument
from auditor.i18n import set_language
from auditor.policy.loader import validate_policy
from auditor.rules.catalogue import load_catalogue
from auditor.rules.conditions import evaluate
from auditor.rules.lint import deep_merge
from auditor.rules.rule import Leaf, Rule

TODAY = dt.date(2026, 11, 22)
BASE: dict[str, Any] = {
    "entity": {"name": "例示市", "code": "019992", "type": "municipality"},
    "policy": {"guideline_edition": "R7.3"},
    "network": {"model": "alpha"},
}
RULES = load_catalogue()


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def _policy(overlay: dict[str, Any]) -> Any:
    return validate_policy(YamlDocument("p.yaml", deep_merge(BASE, overlay), {}, ""))


def _rule(rule_id: str) -> Rule:
    return RULES.get(rule_id).rule


def test_every_rule_gets_exactly_one_outcome_in_guideline_order() -> None:
    rules = RULES.for_edition("R7.3")
    result = audit(_policy({}), rules, edition="R7.3", today=TODAY)
    assert len(result.outcomes) == len(rules)
    assert len({o.rule_id for o in result.outcomes}) == len(rules)
    again = audit(_policy({}), list(reversed(rules)), edition="R7.3", today=TODAY)
    assert [o.rule_id for o in again.outcomes] == [o.rule_id for o in result.outcomes]


def test_undeclared_field_fails_as_not_declared() -> None:
    outcome = evaluate_rule(_rule("MN-011"), _policy({}), edition="R7.3", today=TODAY)
    assert outcome.status == "fail"
    # outcomes carry their message in every language; reports pick theirs
    assert "not declared" in outcome.message["en"] and "宣言されていません" in outcome.message["ja"]
    assert outcome.actual is None


def test_other_model_is_not_applicable_with_reason() -> None:
    outcome = evaluate_rule(_rule("BT-002"), _policy({}), edition="R7.3", today=TODAY)
    assert outcome.status == "not_applicable"
    for text in outcome.message.values():
        assert "β" in text and "α" in text


def test_entity_type_not_applicable() -> None:
    outcome = evaluate_rule(_rule("SC-003"), _policy({}), edition="R7.3", today=TODAY)  # operating the cloud
    assert outcome.status == "not_applicable"
    assert "prefectures" in outcome.message["en"] and "都道府県" in outcome.message["ja"]


def test_waiver_in_force_and_expired() -> None:
    waiver = {
        "rule_id": "MN-011",
        "justification": "代替措置あり",
        "approver": {"role": "CISO", "name": "山田"},
        "approved_on": dt.date(2026, 4, 1),
        "expires_on": dt.date(2026, 11, 22),
    }
    overlay = {"network": {"segments": {"mynumber": {"isolated": False}}}, "waivers": [waiver]}
    in_force = evaluate_rule(_rule("MN-011"), _policy(overlay), edition="R7.3", today=TODAY)
    assert in_force.status == "waived"
    expired = evaluate_rule(_rule("MN-011"), _policy(overlay), edition="R7.3", today=TODAY + dt.timedelta(days=1))
    assert expired.status == "fail"
    assert "expired" in expired.message["en"] and "期限（2026-11-22）が切れています" in expired.message["ja"]
    assert expired.waiver is not None and expired.waiver.expired


def test_failure_is_located_at_the_declared_value() -> None:
    from auditor.policy.loader import parse_policy

    text = (
        "entity: {name: 例示市, code: '019992', type: municipality}\npolicy: {guideline_edition: R7.3}\n"
        "network:\n  model: alpha\n  segments:\n    mynumber:\n      terminal_auth_factors: 1\n"
    )
    outcome = evaluate_rule(_rule("MN-006"), parse_policy(text, "p.yaml"), edition="R7.3", today=TODAY)
    assert (outcome.status, outcome.line, outcome.column, outcome.actual) == ("fail", 7, 7, 1)
    assert outcome.expected == "≥ 2"


@pytest.mark.parametrize(
    ("op", "actual", "value", "holds"),
    [
        ("equals", True, True, True),
        ("equals", 1, True, False),  # no bool/int confusion
        ("in", "a", ["a", "b"], True),
        ("not_in", "a", ["a"], False),
        ("gte", 2, 2, True),
        ("lt", 1, 2, True),
        ("contains", ["x"], "x", True),
        ("not_contains", ["x"], "x", False),
        ("contains_all", ["a", "b", "c"], ["a", "c"], True),
        ("contains_all", ["a"], ["a", "c"], False),
        ("subset", ["a"], ["a", "b"], True),
        ("subset", ["z"], ["a", "b"], False),
        ("within_days", dt.date(2026, 1, 1), 400, True),
        ("within_days", dt.date(2024, 1, 1), 400, False),
    ],
)
def test_operators(op: str, actual: Any, value: Any, holds: bool) -> None:
    verdict = evaluate(Leaf(path="x", op=op, value=value), {"x": actual}, TODAY)  # type: ignore[arg-type]
    assert verdict.holds is holds
    assert verdict.error is None


def test_type_mismatch_is_an_error_not_a_pass() -> None:
    verdict = evaluate(Leaf(path="x", op="gte", value=2), {"x": ["a"]}, TODAY)
    assert not verdict.holds and verdict.error


def test_not_of_undeclared_does_not_pass() -> None:
    from auditor.rules.rule import condition_from_data

    verdict = evaluate(condition_from_data({"not": {"path": "x", "op": "equals", "value": 1}}), {}, TODAY)
    assert verdict.holds is False and verdict.declared is False
