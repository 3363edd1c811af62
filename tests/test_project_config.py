"""Project defaults from ``.auditor.yaml`` or ``[tool.auditor]`` in pyproject.toml (auditor/config).

Found from the current directory upwards; paths are relative to the configuration file; the
command line wins, then ``$AUDITOR_LANG``, then the file; a malformed file is exit 2 naming the
file and line. Everything runs through the real CLI in a temporary project.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor import exitcodes
from tests.gitrepo import edit, write_policy
from tests.helpers import AUDIT_DATE, REPO, run_cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose policy fails one medium requirement (BT-009), with the current directory in it."""
    policy = write_policy(tmp_path / "policy.yaml")
    edit(policy, "business_system_mfa: true", "business_system_mfa: false")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AUDITOR_LANG", raising=False)
    return tmp_path


def _audit(*extra: str, policy: str = "policy.yaml") -> tuple[int, dict[str, object]]:
    result = run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE, *extra)
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    return result.code, json.loads(result.stdout)


def test_gate_from_the_configuration_and_the_command_line_wins(project: Path) -> None:
    assert _audit()[0] == exitcodes.FINDINGS
    (project / ".auditor.yaml").write_text("fail-on: high\n", encoding="utf-8")
    assert _audit()[0] == exitcodes.OK
    assert _audit("--fail-on", "medium")[0] == exitcodes.FINDINGS
    help_text = run_cli("audit", "-h").stdout
    assert "[既定: high]" in help_text  # the help shows the project's default


def test_pyproject_is_found_from_a_subdirectory_with_paths_relative_to_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "waivers.yaml").write_text(
        "schema_version: 1\nwaivers:\n  - rule_id: BT-009\n    justification: 端末更改まで\n"
        "    approver: {role: CISO, name: 山田 太郎}\n    approved_on: 2026-04-01\n    expires_on: 2027-03-31\n",
        encoding="utf-8",
    )
    (project / "pyproject.toml").write_text(
        '[project]\nname = "policy"\n\n[tool.auditor]\nwaivers = "waivers.yaml"\nedition = "R6.10"\n', encoding="utf-8"
    )
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    code, report = _audit(policy="../policy.yaml")
    assert code == exitcodes.OK
    assert report["audited_against"]["edition"] == "R6.10"  # type: ignore[index]
    assert [w["rule_id"] for w in report["waivers"]] == ["BT-009"]  # type: ignore[attr-defined]


def test_dot_auditor_yaml_wins_over_pyproject_in_the_same_directory(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.auditor]\nfail-on = 'none'\n", encoding="utf-8")
    assert _audit()[0] == exitcodes.OK
    (project / ".auditor.yaml").write_text("fail-on: low\n", encoding="utf-8")
    assert _audit()[0] == exitcodes.FINDINGS


def test_a_pyproject_without_the_table_is_passed_by(project: Path) -> None:
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 99\n", encoding="utf-8")
    (project / ".auditor.yaml").write_text("fail-on: none\n", encoding="utf-8")
    result = run_cli("audit", project / "policy.yaml", "--date", AUDIT_DATE)
    assert result.code == exitcodes.OK, result.stderr


def test_language_precedence(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / ".auditor.yaml").write_text("lang: en\n", encoding="utf-8")
    assert "Result: pass" in run_cli("audit", "policy.yaml", "--date", AUDIT_DATE).stdout
    assert run_cli("audit", "-h").stdout.startswith("Usage:")
    assert "結果: 適合" in run_cli("audit", "policy.yaml", "--date", AUDIT_DATE, "--lang", "ja").stdout
    monkeypatch.setenv("AUDITOR_LANG", "ja")
    assert "結果: 適合" in run_cli("audit", "policy.yaml", "--date", AUDIT_DATE).stdout


def test_rule_packs_and_baseline_from_the_configuration(project: Path) -> None:
    pack = project / "our-rules"
    pack.mkdir()
    rule = (REPO / "rules" / "three_layer" / "MN-011.yaml").read_text(encoding="utf-8")
    (pack / "MN-901.yaml").write_text(rule.replace("MN-011", "MN-901"), encoding="utf-8")
    assert run_cli("baseline", "create", "policy.yaml", "-o", ".auditor-baseline.yaml", "--date", AUDIT_DATE).code == 0
    (project / ".auditor.yaml").write_text("rules: [our-rules]\nbaseline: .auditor-baseline.yaml\n", encoding="utf-8")
    code, report = _audit()
    assert code == exitcodes.OK  # BT-009 is in the baseline
    outcomes = {o["rule_id"]: o for o in report["outcomes"]}  # type: ignore[attr-defined]
    assert "MN-901" in outcomes and outcomes["BT-009"]["baselined"] is True
    assert "MN-901" in run_cli("rules", "list").stdout  # every command that reads the catalogue


@pytest.mark.parametrize(
    ("name", "text", "where", "fragment"),
    [
        (".auditor.yaml", "fail-on: high\nedtion: R7.3\n", ".auditor.yaml:2:", "'edtion'"),
        (".auditor.yaml", "fail-on: severe\n", ".auditor.yaml:1:", "'severe'"),
        (".auditor.yaml", "rules: 3\n", ".auditor.yaml:1:", "'rules'"),
        (".auditor.yaml", "fail-on: [high\n", ".auditor.yaml:", ""),
        ("pyproject.toml", "[tool.auditor]\nfail-on = 'high'\nlang = 'fr'\n", "pyproject.toml:3:", "'fr'"),
        ("pyproject.toml", "[tool.auditor]\nfail-on = high\n", "pyproject.toml:2:", "TOML"),
        ("pyproject.toml", "[tool.auditor\nfail-on = 'high'\n", "pyproject.toml:1:", "TOML"),
    ],
)
def test_a_malformed_configuration_is_exit_2_naming_file_and_line(
    project: Path, name: str, text: str, where: str, fragment: str
) -> None:
    (project / name).write_text(text, encoding="utf-8")
    result = run_cli("--lang", "en", "audit", "policy.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr.startswith(f"error: {where}") and fragment in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
