"""§6–§9 rules (TEC, OPS, OUT, CLD, SNS, AUD): coverage, edition numbering, honest thresholds.

End to end where behaviour is concerned: a policy written by ``auditor init`` is edited and audited
through the real CLI, and the JSON report is parsed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditor.rules.catalogue import load_catalogue
from auditor.rules.rule import leaves
from tests.helpers import AUDIT_DATE, audit_outcomes, template_policy

CATALOGUE = load_catalogue()
OWN_PREFIXES = ("TEC", "OPS", "OUT", "CLD", "SNS", "AUD")
OWN = [loaded.rule for loaded in CATALOGUE.rules if loaded.rule.id.split("-")[0] in OWN_PREFIXES]

# Every subsection of 対策基準 §6–§9, per edition (numbering of §8 moved: see the research doc).
SUBSECTIONS: dict[str, list[str]] = {
    "R7.3": [
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "6.5",
        "6.6",
        "7.1",
        "7.2",
        "7.3",
        "7.4",
        "7.5",
        "7.6",
        "8.1",
        "8.2",
        "8.3",
        "8.4",
        "8.5",
        "9.1",
        "9.2",
        "9.3",
    ],
    "R5.3": [
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "6.5",
        "6.6",
        "7.1",
        "7.2",
        "7.3",
        "7.4",
        "7.5",
        "7.6",
        "8.1",
        "8.2",
        "8.3",
        "8.4",
        "9.1",
        "9.2",
        "9.3",
    ],
    "R2.12": [
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "6.5",
        "6.6",
        "7.1",
        "7.2",
        "7.3",
        "7.4",
        "7.5",
        "7.6",
        "8.1",
        "8.2",
        "8.3",
        "9.1",
        "9.2",
        "9.3",
    ],
}


@pytest.mark.parametrize("edition", sorted(SUBSECTIONS))
def test_every_subsection_has_a_rule(edition: str) -> None:
    # A sub-clause is counted in its sub-section: 6.2(3) in 6.2.
    cited = {rule.section_in(edition).split()[1].split("(")[0] for rule in OWN if edition in rule.editions()}
    assert sorted(set(SUBSECTIONS[edition]) - cited) == []
    assert cited <= set(SUBSECTIONS[edition]), cited - set(SUBSECTIONS[edition])


def test_manual_rules_name_evidence_in_both_languages() -> None:
    manual = [rule for rule in OWN if rule.manual is not None]
    assert len(manual) >= 6
    for rule in manual:
        assert rule.manual is not None
        assert rule.manual.evidence.ja and rule.manual.evidence.en


def test_no_invented_numbers_for_retention_recovery_or_patching() -> None:
    """MIC gives no days for log retention or recovery time: only 'declared and positive'."""
    undated = {
        "technical.logging.retention_days",
        "operations.incident_response_plan.recovery_time_objective_hours",
    }
    for rule in OWN:
        for leaf in leaves(rule.check):
            if leaf.path in undated:
                assert (leaf.op, leaf.value) == ("gt", 0), rule.id
            if leaf.op == "within_days":
                notes = " ".join(source.note or "" for source in rule.sources)
                assert "not a number from MIC" in notes, rule.id


@pytest.mark.parametrize(
    ("edition", "section"),
    [
        ("R2.12", "対策基準 8.3 ソーシャルメディアサービスの利用"),
        ("R5.3", "対策基準 8.4 ソーシャルメディアサービスの利用"),
        ("R7.3", "対策基準 8.5 ソーシャルメディアサービスの利用"),
    ],
)
def test_finding_cites_the_section_of_the_audited_edition(tmp_path: Path, edition: str, section: str) -> None:
    policy = template_policy(tmp_path, {"social_media.spoofing_countermeasures": False})
    outcome = audit_outcomes(policy, "--edition", edition)["SNS-001"]
    assert outcome["status"] == "fail"
    assert outcome["section"] == section
    assert outcome["path"] == "social_media.spoofing_countermeasures"


def test_rules_added_in_later_editions_are_absent_from_earlier_ones(tmp_path: Path) -> None:
    policy = template_policy(tmp_path, {})
    editions = ("R2.12", "R4.3", "R5.3", "R7.3")
    r212, r43, r53, r73 = (set(audit_outcomes(policy, "--edition", e)) for e in editions)
    # 8.2 情報システムに関する業務委託 (R6.10)
    assert {"OUT-006", "OUT-007"} <= r73 and not {"OUT-006", "OUT-007"} & r53
    # ガバメントクラウド and 業務委託の運用規程 (R5.3)
    assert {"CLD-008", "OUT-001"} <= r53 and not {"CLD-008", "OUT-001"} & r43
    assert "CLD-001" in r43 and "CLD-001" not in r212  # 機密性2以上 in external services
    assert "CLD-007" in r212  # 約款による外部サービス existed before R4.3


def test_unused_services_make_their_rules_not_applicable(tmp_path: Path) -> None:
    unused = {
        "social_media.used": False,
        "external_services.used_for_conf2_plus": False,
        "external_services.gov_cloud.used": False,
    }
    policy = template_policy(tmp_path, unused)
    outcomes = audit_outcomes(policy)
    for rule_id in ("SNS-001", "SNS-004", "CLD-001", "CLD-006", "CLD-008", "CLD-009"):
        assert outcomes[rule_id]["status"] == "not_applicable", rule_id
    # services without 機密性2+ data still need a procedure
    assert outcomes["CLD-007"]["status"] == "pass"


def test_stale_audit_and_review_dates_fail(tmp_path: Path) -> None:
    audit_day = dt.date.fromisoformat(AUDIT_DATE)
    dates = {
        "evaluation.audit.last_performed_on": audit_day - dt.timedelta(days=401),
        "evaluation.review.last_reviewed_on": audit_day - dt.timedelta(days=400),
    }
    policy = template_policy(tmp_path, dates)
    outcomes = audit_outcomes(policy)
    assert outcomes["AUD-002"]["status"] == "fail"
    assert outcomes["AUD-010"]["status"] == "pass"


def test_undeclared_log_retention_fails_as_not_declared(tmp_path: Path) -> None:
    policy = template_policy(tmp_path, {"technical.logging.retention_days": None})
    outcome = audit_outcomes(policy, "--lang", "en")["TEC-007"]
    assert outcome["status"] == "fail"
    assert outcome["path"] == "technical.logging.retention_days"
    assert outcome["actual"] is None
