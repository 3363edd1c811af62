"""Findings about values a policy leaves out: one compact row per rule and chapter, not a card each.

Read back from the PDF's text: the findings chapter (between its heading and the waiver register)
lists every rule the JSON results fail only for undeclared values, with the paths to declare, and
keeps a card (宣言値 / 期待値 ...) for each failure on a declared value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.worst_case import undeclared_policy
from tests.helpers import AUDIT_DATE, run_cli, template_policy
from tests.report_helpers import texts

PAGES_BEFORE = 83
"""Pages of the header-only policy's PDF when every undeclared failure had a card."""
PAGES_NOW = 30


def audit(policy: Path, target: Path, *extra: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The PDF's pages and the JSON outcomes of ``policy``."""
    args = ("--date", AUDIT_DATE, "--fail-on", "none", *extra)
    result = run_cli("audit", policy, "--format", "pdf", "-o", target, *args)
    assert result.code == 0, result.stderr
    outcomes = json.loads(run_cli("audit", policy, "--format", "json", *args).stdout)["outcomes"]
    return texts(target), outcomes


def findings_lines(pages: list[str], heading: str, after: str) -> list[str]:
    lines = "\n".join(pages).splitlines()
    start = [index for index, line in enumerate(lines) if line == heading][-1]  # the chapter, not the contents
    end = next(index for index, line in enumerate(lines) if index > start and line == after)
    return lines[start:end]


def path_line(lines: list[str], row: int) -> str:
    """The small print under row ``row``: its lines up to the next row (a long list wraps at ", ")."""
    following = []
    for line in lines[row + 1 :]:
        if "\u3000" in line or not line.startswith(tuple("abcdefghijklmnopqrstuvwxyz")):
            break
        following.append(line)
    return " ".join(following)


def undeclared(outcome: dict[str, Any]) -> bool:
    failures = outcome["failures"]
    return outcome["status"] == "fail" and bool(failures) and not any(failure["declared"] for failure in failures)


def test_a_header_only_policy_gets_a_short_list_not_a_card_per_rule(tmp_path: Path) -> None:
    pages, outcomes = audit(undeclared_policy(tmp_path), tmp_path / "report.pdf")
    missing = [o for o in outcomes if undeclared(o)]
    assert len(missing) >= 190  # nearly every rule
    assert len(pages) <= PAGES_NOW < PAGES_BEFORE, len(pages)
    lines = findings_lines(pages, "4. 指摘事項（章別）", "5. 例外措置台帳")
    rows = {line.split("\u3000")[0]: index for index, line in enumerate(lines) if "\u3000" in line}
    for outcome in missing:
        assert outcome["rule_id"] in rows, outcome["rule_id"]
        paths = ", ".join(dict.fromkeys(failure["path"] for failure in outcome["failures"]))
        assert path_line(lines, rows[outcome["rule_id"]]) == paths, outcome["rule_id"]
    assert not any(line.startswith("宣言値") for line in lines)  # no card at all
    assert sum(line.startswith("未宣言の要件（ポリシーに記載がないため不適合）") for line in lines) >= 12  # per chapter


def test_declared_failures_keep_their_cards_beside_the_list(tmp_path: Path) -> None:
    policy = template_policy(
        tmp_path,
        {
            "network.segments.lgwan.internet_link": "open",  # declared, wrong: a card
            "physical.servers.ups": None,  # left out: a row
            "human.credentials.password_min_length": None,
        },
    )
    pages, outcomes = audit(policy, tmp_path / "report.pdf", "--lang", "en")
    failing = [o for o in outcomes if o["status"] == "fail"]
    rows = [o["rule_id"] for o in failing if undeclared(o)]
    cards = [o["rule_id"] for o in failing if not undeclared(o)]
    assert rows and cards
    lines = findings_lines(pages, "4. Findings by chapter", "5. Waiver register (例外措置)")
    assert sum(line.startswith("Declared") for line in lines) == len(cards)
    listed = [line.split("\u3000")[0] for line in lines if "\u3000" in line]
    assert sorted(rule for rule in listed if rule in rows) == sorted(rows)
    assert any(line.startswith("Not declared (failing because the policy does not state them)") for line in lines)
