"""No command writes a report (or a baseline) over a file it reads: policies, --baseline, --waivers,
--rules packs, a batch's policy directories. Each refusal is exit 2 with one line naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, Run, run_cli

REFUSAL = "refusing to write the report over the input file"

WAIVERS = """\
waivers:
  - rule_id: LG-003
    justification: 代替措置として通信ログを毎週点検している
    approver: {role: CISO（副市長）, name: 山田 太郎}
    approved_on: 2026-04-01
    expires_on: 2027-03-31
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two policies, a rule pack, a waiver side file and a baseline, in the current directory."""
    policies = tmp_path / "policies"
    policies.mkdir()
    shutil.copy(EXAMPLES / "alpha-town.yaml", policies / "alpha.yaml")
    shutil.copy(EXAMPLES / "beta-city.yaml", policies / "beta.yaml")
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (REPO / "rules" / "three_layer" / "MN-001.yaml").read_text(encoding="utf-8")
    (pack / "MN-901.yaml").write_text(rule.replace("MN-001", "MN-901"), encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    created = run_cli("baseline", "create", "policies/alpha.yaml", "-o", "baseline.yaml", "--date", AUDIT_DATE)
    assert created.code == exitcodes.OK, created.stderr
    return tmp_path


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def _assert_refused(result: Run, target: str) -> None:
    assert result.code == exitcodes.USAGE_OR_INPUT, result.stderr
    lines = result.stderr.splitlines()
    assert lines == [f"error: {REFUSAL} {Path(target)}"], lines  # as click spells it: no leading ./
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "target"),
    [
        ("--baseline", "baseline.yaml"),
        ("--baseline", "./policies/../baseline.yaml"),
        ("--waivers", "waivers.yaml"),
        ("--waivers", "waivers-link.yaml"),
    ],
)
def test_audit_never_writes_over_its_baseline_or_waiver_file(workdir: Path, option: str, target: str) -> None:
    (workdir / "waivers-link.yaml").symlink_to(workdir / "waivers.yaml")
    source = "baseline.yaml" if option == "--baseline" else "waivers.yaml"
    before = _snapshot(workdir)
    result = run_cli(
        "audit",
        "policies/alpha.yaml",
        option,
        source,
        "--format",
        "json",
        "-o",
        target,
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    _assert_refused(result, target)
    assert _snapshot(workdir) == before


def test_audit_with_several_formats_checks_every_target_before_writing_any(workdir: Path) -> None:
    # -o report with json,table writes report.json and report.txt; report.txt is the waiver file under
    # another name, so nothing at all is written (not even report.json).
    (workdir / "report.txt").hardlink_to(workdir / "waivers.yaml")
    before = _snapshot(workdir)
    result = run_cli(
        "audit",
        "policies/alpha.yaml",
        "--waivers",
        "waivers.yaml",
        "--format",
        "json,table",
        "-o",
        "report",
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    _assert_refused(result, "report.txt")
    assert _snapshot(workdir) == before


def test_audit_still_writes_next_to_its_inputs(workdir: Path) -> None:
    result = run_cli(
        "audit",
        "policies/alpha.yaml",
        "--baseline",
        "baseline.yaml",
        "--waivers",
        "waivers.yaml",
        "--format",
        "json",
        "-o",
        "report.json",
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    assert (workdir / "report.json").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    "target", ["policies/alpha.yaml", "policies/beta.yaml", "pack/MN-901.yaml", "pack/report.yaml"]
)
def test_diff_never_writes_over_a_policy_or_into_its_rule_pack(workdir: Path, target: str) -> None:
    before = _snapshot(workdir)
    result = run_cli(
        "diff",
        "policies/alpha.yaml",
        "policies/beta.yaml",
        "--rules",
        "pack",
        "-o",
        target,
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    _assert_refused(result, target)
    assert _snapshot(workdir) == before


@pytest.mark.parametrize("command", ["create", "update"])
@pytest.mark.parametrize("target", ["policies/alpha.yaml", "waivers.yaml", "pack/MN-901.yaml", "pack/new.yaml"])
def test_baseline_never_writes_over_a_policy_waiver_file_or_rule_pack(workdir: Path, command: str, target: str) -> None:
    before = _snapshot(workdir)
    force = ["--force"] if command == "create" else []  # the refusal comes first, --force or not
    result = run_cli(
        "baseline",
        command,
        "policies/alpha.yaml",
        "--waivers",
        "waivers.yaml",
        "--rules",
        "pack",
        "-o",
        target,
        *force,
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    _assert_refused(result, target)
    assert _snapshot(workdir) == before


def test_baseline_update_may_rewrite_its_own_baseline(workdir: Path) -> None:
    result = run_cli(
        "baseline",
        "update",
        "policies/alpha.yaml",
        "--waivers",
        "waivers.yaml",
        "-o",
        "baseline.yaml",
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    assert result.code == exitcodes.OK, result.stderr


@pytest.mark.parametrize(
    ("sources", "target"),
    [
        (["policies"], "policies/alpha.yaml"),
        (["policies"], "policies/new-summary.yaml"),  # would be audited as a policy next time
        (["policies/*.yaml"], "./policies/beta.yaml"),
        (["policies", "--rules", "pack"], "pack/MN-901.yaml"),
    ],
)
def test_batch_never_writes_over_what_it_reads(workdir: Path, sources: list[str], target: str) -> None:
    before = _snapshot(workdir)
    result = run_cli("batch", *sources, "--format", "json", "-o", target, "--date", AUDIT_DATE, "--lang", "en")
    _assert_refused(result, target)
    assert _snapshot(workdir) == before


def test_batch_checks_each_target_of_several_formats(workdir: Path) -> None:
    # -o policies/alpha with json,csv would write policies/alpha.json and policies/alpha.csv; both are
    # harmless. With a policy linked as report.csv, the csv target is refused before any work.
    (workdir / "report.csv").symlink_to(workdir / "policies" / "beta.yaml")
    before = _snapshot(workdir)
    result = run_cli("batch", "policies", "--format", "json,csv", "-o", "report", "--date", AUDIT_DATE, "--lang", "en")
    _assert_refused(result, "report.csv")
    assert _snapshot(workdir) == before
    assert not (workdir / "report.json").exists()


def test_batch_per_policy_reports_never_replace_an_input(workdir: Path) -> None:
    # A policy file may have any name when named explicitly: alpha.txt is where its table report would go.
    shutil.copy(workdir / "policies" / "alpha.yaml", workdir / "policies" / "alpha.txt")
    before = _snapshot(workdir)
    result = run_cli(
        "batch",
        "policies/alpha.txt",
        "--format",
        "json",
        "--per-policy-reports",
        "policies",
        "--per-policy-format",
        "table",
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    _assert_refused(result, str(Path("policies") / "alpha.txt"))
    assert _snapshot(workdir) == before


def test_batch_per_policy_reports_see_through_hard_links(workdir: Path) -> None:
    reports = workdir / "reports"
    reports.mkdir()
    (reports / "alpha.json").hardlink_to(workdir / "policies" / "alpha.yaml")
    before = _snapshot(workdir)
    result = run_cli(
        "batch",
        "policies",
        "--format",
        "json",
        "--per-policy-reports",
        "reports",
        "--per-policy-format",
        "json",
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    _assert_refused(result, str(Path("reports") / "alpha.json"))
    assert _snapshot(workdir) == before
