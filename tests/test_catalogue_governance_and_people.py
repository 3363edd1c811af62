"""The basic-policy, §1, §2, §4 and §5 rules: coverage of the guideline's headings, edition split of the
confidentiality classes, conditional and manual rules, and no invented numbers (through the real CLI).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.rules.catalogue import load_catalogue
from tests.helpers import audit_outcomes, template_policy

CATALOGUE = load_catalogue()

BASIC_POLICY_HEADINGS = [
    "1 目的",
    "2 定義",
    "3 対象とする脅威",
    "4 適用範囲",
    "5 職員等の遵守義務",
    "6 情報セキュリティ対策",
    "7 情報セキュリティ監査及び自己点検の実施",
    "8 情報セキュリティポリシーの見直し",
    "9 情報セキュリティ対策基準の策定",
    "10 情報セキュリティ実施手順の策定",
]
STANDARD_SECTIONS = [
    "対策基準 1 組織体制",
    "対策基準 2 情報資産の分類と管理",
    "対策基準 4.1 ",
    "対策基準 4.2 ",
    "対策基準 4.3 ",
    "対策基準 4.4 ",
    "対策基準 5.1 ",
    "対策基準 5.2 ",
    "対策基準 5.3 ",
    "対策基準 5.4 ",
]


def _sections(edition: str, prefixes: tuple[str, ...]) -> list[str]:
    return [rule.section_in(edition) for rule in CATALOGUE.for_edition(edition) if rule.id.split("-")[0] in prefixes]


@pytest.mark.parametrize("edition", ["R2.12", "R4.3", "R5.3", "R6.10", "R7.3"])
def test_every_basic_policy_heading_has_a_rule(edition: str) -> None:
    sections = " / ".join(_sections(edition, ("POL",)))
    missing = [h for h in BASIC_POLICY_HEADINGS if h.split(" ", 1)[1] not in sections]
    assert missing == []


@pytest.mark.parametrize("edition", ["R2.12", "R4.3", "R5.3", "R6.10", "R7.3"])
def test_every_standards_section_of_chapters_1_2_4_5_has_a_rule(edition: str) -> None:
    sections = _sections(edition, ("ORG", "AST", "PHY", "HUM"))
    missing = [s for s in STANDARD_SECTIONS if not any(section.startswith(s) for section in sections)]
    assert missing == []


def test_manual_rules_say_what_evidence_to_ask_for_in_both_languages() -> None:
    manual = [
        lr.rule
        for lr in CATALOGUE.rules
        if lr.rule.id.split("-")[0] in ("POL", "ORG", "AST", "PHY", "HUM") and lr.rule.manual
    ]
    assert len(manual) >= 8
    for rule in manual:
        assert rule.manual is not None
        assert len(rule.manual.evidence.ja) > 20 and len(rule.manual.evidence.en) > 20, rule.id


LEGACY = {"assets.classification.scheme": "legacy", "assets.classification.confidentiality_levels": ["3", "2", "1"]}


def test_legacy_classification_passes_r5_3_and_fails_r6_10(tmp_path: Path) -> None:
    path = template_policy(tmp_path, LEGACY)
    older = audit_outcomes(path, "--edition", "R5.3")
    assert older["AST-003"]["status"] == "pass"
    assert "AST-002" not in older
    newer = audit_outcomes(path, "--edition", "R6.10")
    assert "AST-003" not in newer
    assert newer["AST-002"]["status"] == "fail"
    assert newer["AST-002"]["path"] == "assets.classification.scheme"


def test_r6_10_classes_also_satisfy_the_older_editions(tmp_path: Path) -> None:
    path = template_policy(tmp_path, {})
    assert audit_outcomes(path, "--edition", "R5.3")["AST-003"]["status"] == "pass"
    assert audit_outcomes(path, "--edition", "R7.3")["AST-002"]["status"] == "pass"


@pytest.mark.parametrize("length", [4, 8, 64])
def test_password_length_is_the_bodys_choice(tmp_path: Path, length: int) -> None:
    # MIC asks for 十分な長さ without a number: any declared minimum passes, none declared fails.
    path = template_policy(tmp_path, {"human.credentials.password_min_length": length})
    assert audit_outcomes(path)["HUM-023"]["status"] == "pass"


def test_undeclared_password_length_fails(tmp_path: Path) -> None:
    outcome = audit_outcomes(template_policy(tmp_path, {"human.credentials.password_min_length": None}))["HUM-023"]
    assert outcome["status"] == "fail"
    assert outcome["path"] == "human.credentials.password_min_length"


def test_remote_wipe_only_applies_to_mobile_devices_used_off_site(tmp_path: Path) -> None:
    off = template_policy(
        tmp_path, {"physical.endpoints.mobile_used_offsite": False, "physical.endpoints.mobile_remote_wipe": False}
    )
    outcome = audit_outcomes(off, "--lang", "en")["PHY-018"]
    assert outcome["status"] == "not_applicable"
    assert "off-site" in outcome["message"]
    on = template_policy(tmp_path, {"physical.endpoints.mobile_remote_wipe": False})
    assert audit_outcomes(on)["PHY-018"]["status"] == "fail"


def test_declared_csirt_still_needs_evidence(tmp_path: Path) -> None:
    outcomes = audit_outcomes(template_policy(tmp_path, {}), "--lang", "en")
    assert outcomes["ORG-013"]["status"] == "manual"
    assert "rota" in outcomes["ORG-013"]["message"]
    assert outcomes["HUM-016"]["status"] == "manual"


@pytest.mark.parametrize(
    ("entity", "targets", "status"),
    [
        ("municipality", ["prefecture"], "pass"),
        ("prefecture", ["mic"], "pass"),
        ("municipality", ["police"], "fail"),
    ],
)
def test_escalation_path(tmp_path: Path, entity: str, targets: list[str], status: str) -> None:
    path = template_policy(tmp_path, {"organisation.csirt.escalation_to": targets}, entity=entity)
    assert audit_outcomes(path)["ORG-012"]["status"] == status


def test_scope_must_name_at_least_one_body(tmp_path: Path) -> None:
    assert audit_outcomes(template_policy(tmp_path, {"policy.basic_policy.scope": []}))["POL-004"]["status"] == "fail"
