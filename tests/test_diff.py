"""`auditor diff`: regressions between two versions of a policy, end to end through real git repositories."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from auditor import exitcodes
from auditor.diff.compare import direction
from auditor.i18n import set_language
from tests.gitrepo import commit, edit, git, init_repo, line_of, write_policy
from tests.helpers import AUDIT_DATE, run_cli, run_installed

LOGGING_RULES = {
    # Test-only rules (ids far from the catalogue's): the numbers are this test's, not the guideline's.
    "TEC-901": {"path": "technical.logging.retention_days", "op": "gte", "value": 90},
    "TEC-902": {
        "any": [
            {"path": "technical.logging.central_analysis", "op": "equals", "value": True},
            {"path": "technical.logging.review", "op": "in", "value": ["daily", "weekly", "monthly"]},
        ]
    },
    "TEC-903": {"not": {"path": "technical.backup.generations", "op": "lt", "value": 2}},
}


def _rule_file(rule_id: str, check: dict[str, Any]) -> str:
    return json.dumps(
        {
            "id": rule_id,
            "title": {"ja": f"試験用ルール {rule_id}", "en": f"Test rule {rule_id}"},
            "description": {"ja": "差分の試験用", "en": "For diff tests"},
            "sources": [
                {"document": "guideline", "section": "対策基準 6", "editions": ["R7.3"], "evidence": "inferred"}
            ],
            "level": "must",
            "severity": "medium",
            "area": "technical",
            "check": check,
            "remediation": {"ja": "試験", "en": "Test"},
        },
        ensure_ascii=False,
    )


@pytest.fixture
def test_rules(tmp_path: Path) -> Path:
    directory = tmp_path / "extra-rules"
    directory.mkdir()
    for rule_id, check in LOGGING_RULES.items():
        (directory / f"{rule_id}.yaml").write_text(_rule_file(rule_id, check), encoding="utf-8")
    return directory


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit is the `auditor init` β' template; the test is run from inside it."""
    path = init_repo(tmp_path / "policy-repo")
    write_policy(path / "policy.yaml")
    commit(path, "Adopt the policy")
    monkeypatch.chdir(path)
    return path


def _json_diff(*args: str | Path) -> tuple[int, dict[str, Any]]:
    result = run_cli("diff", *args, "--format", "json", "--date", AUDIT_DATE)
    assert result.stderr == "", result.stderr
    return result.code, json.loads(result.stdout)


def _changes(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [c for c in document["changes"] if c["kind"] == kind]


def test_base_head1_names_the_newly_failing_rule_and_its_line(repo: Path) -> None:
    policy = repo / "policy.yaml"
    line = edit(policy, "inbound_mail: sanitized", "inbound_mail: raw")
    commit(repo, "Stop sanitising inbound mail")
    # The installed console script, as CI runs it.
    result = run_installed("diff", "--base", "HEAD~1", "policy.yaml", "--date", AUDIT_DATE, "--lang", "en", cwd=repo)
    assert result.code == exitcodes.FINDINGS, result.stderr
    row = next(row for row in result.stdout.splitlines() if "LG-003" in row)
    assert "newly failing" in row and f" {line} " in row and "network.segments.lgwan.inbound_mail" in row
    # Values and the requirement in words (the path stays for staff); the JSON keeps the raw values.
    assert "Sanitized → Taken in as is (requirement: Converted to text or Sanitized)" in row
    japanese = run_installed(
        "diff", "--base", "HEAD~1", "policy.yaml", "--date", AUDIT_DATE, "--format", "markdown", cwd=repo
    )
    assert "無害化 → そのまま取り込む（要件: テキスト化 または 無害化）" in japanese.stdout
    code, document = _json_diff("--base", "HEAD~1", "policy.yaml")
    assert code == exitcodes.FINDINGS
    [change] = document["changes"]
    assert (change["rule_id"], change["kind"], change["line"], change["regression"]) == (
        "LG-003",
        "new_fail",
        line,
        True,
    )
    assert (change["old_status"], change["new_status"], change["old_value"], change["new_value"]) == (
        "pass",
        "fail",
        "sanitized",
        "raw",
    )
    assert document["old"]["label"] == "HEAD~1:policy.yaml"


def test_a_loosened_control_that_still_passes_is_a_regression(repo: Path) -> None:
    policy = repo / "policy.yaml"
    edit(policy, "terminal_auth_factors: 2", "terminal_auth_factors: 3")
    edit(policy, "specific_links: [eltax, pittari]", "specific_links: [eltax]")
    commit(repo, "Three factors, fewer links")
    line = edit(policy, "terminal_auth_factors: 3", "terminal_auth_factors: 2")
    links = edit(policy, "specific_links: [eltax]", "specific_links: [eltax, pittari]")
    restriction = edit(policy, "path_restriction: [ip, mac, port]", "path_restriction: [ip, port]")
    commit(repo, "Back to two factors, more links, no MAC restriction")
    code, document = _json_diff("--base", "HEAD~1", "policy.yaml")
    assert code == exitcodes.FINDINGS
    loosened = {c["rule_id"]: c for c in _changes(document, "loosened")}
    assert set(loosened) == {"MN-006", "MN-005", "MN-004"}
    assert all(c["new_status"] == "pass" and c["old_status"] == "pass" for c in loosened.values())
    assert (loosened["MN-006"]["line"], loosened["MN-006"]["old_value"], loosened["MN-006"]["new_value"]) == (
        line,
        3,
        2,
    )
    assert loosened["MN-005"]["line"] == links  # subset: gaining an allowed link is looser
    assert loosened["MN-004"]["line"] == restriction  # contains_all: losing an item is looser
    assert document["summary"]["regressions"] == 3 and document["summary"]["loosened"] == 3


def test_retention_shortened_enum_weakened_and_negated_check(repo: Path, test_rules: Path) -> None:
    policy = repo / "policy.yaml"
    retention = edit(policy, "retention_days: 365", "retention_days: 180")
    review = edit(policy, "review: monthly", "review: quarterly")
    generations = edit(policy, "generations: 3", "generations: 2")
    commit(repo, "Shorter retention, quarterly review, two generations")
    code, document = _json_diff("--base", "HEAD~1", "policy.yaml", "--rules", test_rules)
    assert code == exitcodes.FINDINGS
    loosened = {c["rule_id"]: c for c in _changes(document, "loosened")}
    assert loosened["TEC-901"]["line"] == retention  # gte: 365 → 180 still passes, but looser
    assert loosened["TEC-902"]["line"] == review  # `in` left the compliant set inside an `any` that still passes
    assert loosened["TEC-903"]["line"] == generations  # not(lt 2): 3 → 2 is looser
    assert {c["new_status"] for c in loosened.values()} == {"pass"}
    assert "365 → 180" in loosened["TEC-901"]["detail"]


def test_improvements_do_not_fail_and_are_reported(repo: Path, test_rules: Path) -> None:
    policy = repo / "policy.yaml"
    edit(policy, "inbound_mail: sanitized", "inbound_mail: raw")
    commit(repo, "raw mail")
    edit(policy, "inbound_mail: raw", "inbound_mail: text_only")
    edit(policy, "retention_days: 365", "retention_days: 730")
    commit(repo, "text-only mail, two years of logs")
    code, document = _json_diff("--base", "HEAD~1", "policy.yaml", "--rules", test_rules)
    assert code == exitcodes.OK
    assert [c["rule_id"] for c in _changes(document, "new_pass")] == ["LG-003"]
    tightened = {c["rule_id"]: c for c in _changes(document, "tightened")}
    assert "TEC-901" in tightened and tightened["TEC-901"]["new_value"] == 730  # the catalogue may check it too
    assert document["summary"]["regressions"] == 0


def test_unchanged_policy_has_no_changes(repo: Path) -> None:
    code, document = _json_diff("--base", "HEAD", "policy.yaml")
    assert code == exitcodes.OK and document["changes"] == []
    table = run_cli("diff", "--base", "HEAD", "policy.yaml", "--lang", "en")
    assert table.code == 0 and "no change affects a requirement" in table.stdout


def test_two_files_without_git(tmp_path: Path) -> None:
    old = write_policy(tmp_path / "old.yaml")
    new = write_policy(tmp_path / "new.yaml")
    line = edit(new, "edr: true", "edr: false")
    code, document = _json_diff(old, new)
    assert code == exitcodes.FINDINGS
    [change] = document["changes"]
    assert (change["rule_id"], change["line"]) == ("BT-002", line)
    assert document["old"]["label"] == str(old) and document["new"]["file"] == str(new)


def test_fail_on_thresholds_apply_to_regressions(tmp_path: Path) -> None:
    old = write_policy(tmp_path / "old.yaml")
    new = write_policy(tmp_path / "new.yaml")
    edit(new, "business_system_mfa: true", "business_system_mfa: false")  # BT-009: should, medium
    assert run_cli("diff", old, new).code == exitcodes.FINDINGS
    assert run_cli("diff", old, new, "--fail-on", "high").code == exitcodes.OK
    assert run_cli("diff", old, new, "--fail-on-level", "must").code == exitcodes.OK
    assert run_cli("diff", old, new, "--fail-on", "none").code == exitcodes.OK


def test_adding_a_waiver_for_a_new_failure_is_still_a_regression(repo: Path) -> None:
    policy = repo / "policy.yaml"
    edit(policy, "inbound_mail: sanitized", "inbound_mail: raw")
    with policy.open("a", encoding="utf-8") as handle:
        handle.write(
            textwrap.dedent("""\
            waivers:
              - rule_id: LG-003
                justification: 無害化装置の更改中
                approver: {role: CISO（副市長）, name: 山田 太郎}
                approved_on: 2026-10-01
                expires_on: 2027-03-31
            """)
        )
    commit(repo, "Waive LG-003")
    code, document = _json_diff("--base", "HEAD~1", "policy.yaml")
    assert code == exitcodes.FINDINGS
    [change] = document["changes"]
    assert (change["rule_id"], change["kind"], change["new_status"]) == ("LG-003", "new_waiver", "waived")


def test_markdown_for_a_pull_request_comment(repo: Path) -> None:
    line = edit(repo / "policy.yaml", "edr: true", "edr: false")
    commit(repo, "no EDR")
    result = run_cli("diff", "--base", "HEAD~1", "policy.yaml", "--format", "markdown", "--lang", "en", "-o", "d.md")
    assert result.code == exitcodes.FINDINGS
    text = (repo / "d.md").read_text(encoding="utf-8")
    rows = [row for row in text.splitlines() if row.startswith("| ")]
    assert rows[0].startswith("| Change | ID |")
    assert "`BT-002`" in rows[1] and f"`policy.yaml:{line}`" in rows[1] and "newly failing" in rows[1]


def test_policy_new_in_this_commit_is_compared_as_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = init_repo(tmp_path / "r")
    (repo / "README.md").write_text("ポリシー\n", encoding="utf-8")
    commit(repo, "readme")
    policy = write_policy(repo / "policies" / "city.yaml")
    line = edit(policy, "edr: true", "edr: false")
    commit(repo, "add the policy")
    monkeypatch.chdir(tmp_path)  # outside the repository: the path is resolved against its own work tree
    code, document = _json_diff("--base", "HEAD~1", repo / "policies" / "city.yaml")
    assert code == exitcodes.FINDINGS
    assert document["old"]["sha256"] is None and document["notes"]
    assert [(c["rule_id"], c["kind"], c["line"]) for c in document["changes"]] == [("BT-002", "new_fail", line)]


def test_policy_in_a_subdirectory_run_from_elsewhere_in_the_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_policy(repo / "policies" / "town.yaml", model="alpha")
    (repo / "docs").mkdir()
    (repo / "docs" / "x.md").write_text("x\n", encoding="utf-8")
    commit(repo, "town")
    edit(repo / "policies" / "town.yaml", "removable_media: blocked", "removable_media: allowed")
    commit(repo, "allow USB")
    monkeypatch.chdir(repo / "docs")
    code, document = _json_diff("--base", "HEAD~1", "../policies/town.yaml")
    assert code == exitcodes.FINDINGS
    assert document["old"]["label"] == "HEAD~1:policies/town.yaml"
    assert [c["rule_id"] for c in document["changes"]] == ["MN-007"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--base", "no-such-branch", "policy.yaml"), "no-such-branch"),
        (("--base", "HEAD~7", "policy.yaml"), "HEAD~7"),
        (("--base", "--upload-pack=x", "policy.yaml"), "--upload-pack=x"),
        (("--base", "HEAD", "policy.yaml", "policy.yaml"), "--base REF"),
        (("policy.yaml",), "--base REF"),
        (("--base", "HEAD", "missing.yaml"), "missing.yaml"),
    ],
)
def test_usage_and_git_errors_are_one_line_exit_2(repo: Path, args: tuple[str, ...], needle: str) -> None:
    result = run_cli("diff", *args, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_outside_a_git_repository(tmp_path: Path) -> None:
    policy = write_policy(tmp_path / "lonely" / "policy.yaml")
    result = run_cli("diff", "--base", "HEAD", policy, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "not inside a git repository" in result.stderr and str(policy) in result.stderr


def test_an_invalid_old_version_is_located_in_the_revision(repo: Path) -> None:
    policy = repo / "policy.yaml"
    edit(policy, "model: beta_prime", "model: gamma")
    commit(repo, "typo")
    edit(policy, "model: gamma", "model: beta_prime")
    commit(repo, "fix typo")
    result = run_cli("diff", "--base", "HEAD~1", "policy.yaml", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert f"HEAD~1:policy.yaml:{line_of(policy, 'model: beta_prime')}" in result.stderr


def test_git_show_of_a_directory_or_other_ref_forms(repo: Path) -> None:
    git(repo, "tag", "adopted")
    edit(repo / "policy.yaml", "edr: true", "edr: false")
    commit(repo, "no EDR")
    sha = git(repo, "rev-parse", "HEAD~1").strip()
    for ref in ("adopted", sha, "main~1"):
        code, document = _json_diff("--base", ref, "policy.yaml")
        assert code == exitcodes.FINDINGS and document["changes"][0]["rule_id"] == "BT-002"


@pytest.mark.parametrize(
    ("op", "old", "new", "expected"),
    [
        ("gte", 365, 180, -1),
        ("gte", 180, 365, 1),
        ("gt", 2, 2, 0),
        ("lte", 3, 5, -1),
        ("lt", 5, 3, 1),
        ("gte", 2, 2.5, 1),
        ("gte", True, False, 0),
        ("gte", "a", "b", 0),
        ("within_days", dt.date(2026, 4, 1), dt.date(2025, 4, 1), -1),
        ("contains_all", ["ip", "mac", "port"], ["ip", "port"], -1),
        ("contains", ["a"], ["a", "b"], 1),
        ("subset", ["eltax"], ["eltax", "pittari"], -1),
        ("subset", ["eltax", "pittari"], ["eltax"], 1),
        ("in", "text_only", "sanitized", 0),
        ("equals", True, False, 0),
    ],
)
def test_direction_of_a_value_change(op: str, old: Any, new: Any, expected: int) -> None:
    set_language("en")
    assert direction(op, old, new) == expected
