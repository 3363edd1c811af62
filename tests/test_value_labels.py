"""The value label table covers the policy model exactly, and conditions read as words in both languages."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from auditor.i18n.messages.values import FIELD_VALUES, VALUES
from auditor.i18n.values import edition_label, enum_label, value_label
from auditor.policy.model import Policy
from auditor.rules.conditions import Expectation, evaluate
from auditor.rules.rule import condition_from_data
from auditor.rules.wording import expectation_text
from auditor.vocab import EDITIONS


def _literals(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is Literal:
        return list(typing.get_args(annotation))
    return [value for arg in typing.get_args(annotation) for value in _literals(arg)]


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list, typing.Annotated):
        return [model for arg in typing.get_args(annotation) for model in _models(arg)]
    return []


def enum_values(model: type[BaseModel] = Policy, prefix: str = "") -> set[tuple[str, str]]:
    """Every (dotted path, value) a string ``Literal`` of the model allows, nested sections and lists included."""
    found: set[tuple[str, str]] = set()
    for name, info in model.model_fields.items():
        path = prefix + name
        found |= {(path, value) for value in _literals(info.annotation) if isinstance(value, str)}
        for sub in _models(info.annotation):
            found |= enum_values(sub, path + ".")
    return found


ENUMS = enum_values()


def test_the_walk_sees_nested_sections_lists_and_the_removable_media_field() -> None:
    paths = {path for path, _ in ENUMS}
    assert ("network.segments.mynumber.removable_media", "allowlisted_devices_only") in ENUMS
    assert ("security_cloud.options", "tls_decryption") in ENUMS  # list[Literal]
    assert ("evidence.method", "閲覧") in ENUMS  # list of sections
    assert ("technical.backup.frequency", "weekly") in ENUMS  # a shared vocabulary
    assert len(paths) > 50


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_enum_value_has_a_label_in_both_languages(lang: str) -> None:
    missing = []
    for path, value in sorted(ENUMS):
        if value in EDITIONS:  # editions read as 令和7年3月版, from the edition itself
            assert edition_label(value, lang) != value
            continue
        label = enum_label(value, path)
        if label is None or not label.get(lang, "").strip():
            missing.append(f"{path}: {value}")
    assert missing == []


def test_no_label_is_left_without_its_value() -> None:
    values = {value for _, value in ENUMS}
    assert sorted(set(VALUES) - values) == []
    unused = [f"{path}: {value}" for path, own in FIELD_VALUES.items() for value in own if (path, value) not in ENUMS]
    assert unused == []


def test_labels_are_words_not_identifiers() -> None:
    for key, label in [*VALUES.items(), *((k, v) for own in FIELD_VALUES.values() for k, v in own.items())]:
        assert set(label) == {"ja", "en"}, key
        assert all("_" not in text for text in label.values()), (key, label)


def test_a_field_may_word_a_value_its_own_way() -> None:
    assert value_label("none", "network.segments.mynumber.internet_link", "ja") == "なし（遮断）"
    assert value_label("none", "telework.mfa", "en") == "No multi-factor authentication"
    assert value_label("none", "technical.backup.frequency", "ja") == "なし"


@pytest.mark.parametrize(
    ("value", "ja", "en"),
    [
        ("allowed", "許可", "Allowed"),
        (True, "はい", "Yes"),
        (False, "いいえ", "No"),
        (8, "8", "8"),
        (None, "未宣言", "not declared"),
        (["blocked", "allowed"], "禁止、許可", "Blocked, Allowed"),
        ([], "なし", "none"),
        ("R7.3", "令和7年3月版", "March 2025 edition (R7.3)"),
        (dt.date(2026, 4, 1), "2026-04-01", "2026-04-01"),
        ("Microsoft 365", "Microsoft 365", "Microsoft 365"),
    ],
)
def test_values_in_words(value: Any, ja: str, en: str) -> None:
    path = "network.segments.mynumber.removable_media"
    assert (value_label(value, path, "ja"), value_label(value, path, "en")) == (ja, en)


DATA = {
    "network": {"segments": {"mynumber": {"removable_media": "allowed", "specific_links": ["eltax"]}}},
    "technical": {"authentication": {"password_min_length": 6}},
    "policy": {"adopted_on": dt.date(2020, 1, 1), "guideline_edition": "R6.10"},
    "audited_against": {"edition": "R7.3"},
}


@pytest.mark.parametrize(
    ("condition", "ja", "en"),
    [
        (
            {
                "path": "network.segments.mynumber.removable_media",
                "op": "in",
                "value": ["blocked", "allowlisted_devices_only"],
            },
            "禁止 または 許可した機器のみ",
            "Blocked or Only allowlisted devices",
        ),
        ({"path": "technical.authentication.password_min_length", "op": "gte", "value": 8}, "8 以上", "at least 8"),
        ({"path": "technical.incident.plan", "op": "exists"}, "宣言されていること", "declared"),
        (
            {"path": "network.segments.mynumber.specific_links", "op": "contains", "value": "pittari"},
            "ぴったりサービス を含む",
            "includes Pittari service",
        ),
        ({"path": "policy.adopted_on", "op": "within_days", "value": 365}, "365 日以内", "within 365 days"),
        (
            {"path": "network.segments.mynumber.removable_media", "op": "not_in", "value": ["allowed", "blocked"]},
            "許可、禁止 以外",
            "anything but Allowed or Blocked",
        ),
        (
            {"path": "policy.adopted_on", "op": "gte", "value": dt.date(2024, 4, 1)},
            "2024-04-01 以降",
            "on or after 2024-04-01",
        ),
        (
            {
                "any": [
                    {"path": "network.segments.mynumber.removable_media", "op": "equals", "value": "blocked"},
                    {"path": "technical.authentication.password_min_length", "op": "gte", "value": 12},
                ]
            },
            "禁止 または 12 以上（technical.authentication.password_min_length）",
            "Blocked or at least 12 (technical.authentication.password_min_length)",
        ),
        (
            {"not": {"path": "network.segments.mynumber.removable_media", "op": "equals", "value": "allowed"}},
            "「許可」ではない",
            "not (Allowed)",
        ),
        (
            {"path": "policy.guideline_edition", "op": "gte", "value_path": "audited_against.edition"},
            "令和7年3月版 以上（監査基準の版）",
            "at least March 2025 edition (R7.3), the audited edition",
        ),
        (
            {
                "path": "policy.adopted_on",
                "op": "within_days",
                "value_path": "technical.authentication.password_min_length",
            },
            "6 日以内（technical.authentication.password_min_length の値）",
            "within 6 days (the value of technical.authentication.password_min_length)",
        ),
        (
            {"path": "technical.authentication.password_min_length", "op": "gte", "value_path": "nowhere.min"},
            "nowhere.min の値 以上",
            "at least the value of nowhere.min",
        ),
    ],
)
def test_conditions_in_words(condition: dict[str, Any], ja: str, en: str) -> None:
    verdict = evaluate(condition_from_data(condition), DATA, dt.date(2026, 11, 22))
    assert not verdict.holds
    expectation = verdict.expectation
    assert isinstance(expectation, Expectation)
    assert (expectation_text(expectation, "ja"), expectation_text(expectation, "en")) == (ja, en)
