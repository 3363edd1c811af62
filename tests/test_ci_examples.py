"""The documented CI set-ups work: pre-commit hooks, the GitHub Actions workflow and the GitLab CI job.

The YAML files are parsed, and the exact `auditor` commands they contain are run (with the
installed console script, through bash as the CI runners do) in a real temporary git repository:
a policy adopted in a first commit with a baseline and a waiver side file, then a pull request
that loosens one control.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml

from auditor import exitcodes
from tests.gitrepo import commit, edit, git, init_repo, write_policy
from tests.helpers import REPO, run_cli

AUDITOR_COMMAND = re.compile(r"(^|[\s;])auditor (audit|diff|baseline|validate)\b")
BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]  # what GitHub's `shell: bash` runs


def _load(relative: str) -> Any:
    return yaml.safe_load((REPO / relative).read_text(encoding="utf-8"))


def _env(extra: dict[str, str]) -> dict[str, str]:
    # The installed console script first on PATH, as after `pip install` in the CI job.
    executable = shutil.which("auditor") or str(Path(sys.executable).with_name("auditor"))
    path = f"{Path(executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**os.environ, "PATH": path, "AUDITOR_LANG": "en", **extra}


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BASH, script], cwd=cwd, env=_env(env), capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def policy_repo(tmp_path: Path) -> tuple[Path, str]:
    """A municipality's policy repository: adopted policy + baseline + waivers on main, then a PR commit."""
    repo = init_repo(tmp_path / "midori-city-policy")
    policy = write_policy(repo / "policy.yaml")
    edit(policy, "business_system_mfa: true", "business_system_mfa: false")  # known gap, baselined
    edit(policy, "path_restriction: [ip, mac, port]", "path_restriction: [ip]")  # waived below
    today = dt.date.today()
    (repo / "waivers.yaml").write_text(
        "schema_version: 1\nwaivers:\n  - rule_id: MN-004\n    justification: UTM 更改まで IP で限定\n"
        "    approver: {role: CISO（副市長）, name: 山田 太郎}\n"
        f"    approved_on: {(today - dt.timedelta(days=10)).isoformat()}\n"
        f"    expires_on: {(today + dt.timedelta(days=300)).isoformat()}\n",
        encoding="utf-8",
    )
    done = run_cli(
        "baseline",
        "create",
        repo / "policy.yaml",
        "-o",
        repo / ".auditor-baseline.yaml",
        "--waivers",
        repo / "waivers.yaml",
    )
    assert done.code == 0, done.stderr
    base = commit(repo, "Adopt the policy with a baseline and a waiver")
    edit(policy, "terminal_auth_factors: 2", "terminal_auth_factors: 1")  # the PR loosens one control
    commit(repo, "Single-factor login on My Number terminals")
    return repo, base


def test_pre_commit_hooks_file() -> None:
    hooks = _load(".pre-commit-hooks.yaml")
    assert [hook["id"] for hook in hooks] == ["auditor-validate", "auditor-audit"]
    for hook in hooks:
        assert {"id", "name", "entry", "language", "files"} <= set(hook)
        assert hook["language"] == "python"
        command = hook["entry"].split()
        assert command[0] == "auditor"
        assert run_cli(*command[1:], "-h").code == 0  # the entry is a real command
        files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
        selected = [
            name
            for name in (
                "policy.yaml",
                "policies/town.yml",
                "security-policy.yaml",
                "sub/policies/city.yaml",
                "waivers.yaml",
                ".auditor-baseline.yaml",
                ".github/workflows/policy-audit.yml",
                ".pre-commit-config.yaml",
                "README.md",
            )
            if files.search(name) and not exclude.search(name)
        ]
        assert selected == ["policy.yaml", "policies/town.yml", "security-policy.yaml", "sub/policies/city.yaml"]


def test_pre_commit_hooks_run_on_the_files_they_select(policy_repo: tuple[Path, str]) -> None:
    repo, _ = policy_repo
    tracked = git(repo, "ls-files").split()
    for hook in _load(".pre-commit-hooks.yaml"):
        files = [name for name in tracked if re.search(hook["files"], name) and not re.search(hook["exclude"], name)]
        assert files == ["policy.yaml"]
        # pre-commit runs `entry args... files...`; the documented args for the audit hook:
        args = (
            ["--fail-on", "high", "--baseline", ".auditor-baseline.yaml", "--waivers", "waivers.yaml"]
            if hook["id"] == "auditor-audit"
            else []
        )
        done = _bash(" ".join([hook["entry"], *args, *files]), repo, {})
        expected = exitcodes.FINDINGS if hook["id"] == "auditor-audit" else exitcodes.OK  # MN-006 is critical
        assert done.returncode == expected, done.stderr
    assert "auditor-audit" in (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def test_github_actions_workflow(policy_repo: tuple[Path, str], tmp_path: Path) -> None:
    repo, base = policy_repo
    git(repo, "update-ref", "refs/remotes/origin/main", base)  # what actions/checkout fetches for the base
    workflow = _load("docs/ci/github-actions.yml")
    steps = workflow["jobs"]["audit"]["steps"]
    assert workflow["permissions"]["security-events"] == "write"
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [step for step in steps if AUDITOR_COMMAND.search(step.get("run", ""))]
    assert [step["name"] for step in runs] == ["What this pull request changes", "Audit the policy", "SARIF report"]
    for step in steps:
        assert "${{" not in step.get("run", "")  # untrusted values only through env:
    summary = tmp_path / "step-summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_EVENT_NAME": "pull_request"}
    results = {}
    for step in runs:
        step_env = {key: value.replace("${{ github.base_ref }}", "main") for key, value in step.get("env", {}).items()}
        results[step["name"]] = _bash(step["run"], repo, {**env, **step_env})
    diff = results["What this pull request changes"]
    assert diff.returncode == exitcodes.FINDINGS, diff.stderr
    report = summary.read_text(encoding="utf-8")
    assert "MN-006" in report and "3 → 1" not in report and "2 → 1" in report
    audit = results["Audit the policy"]
    assert audit.returncode == exitcodes.FINDINGS, audit.stderr
    errors = [line for line in audit.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "title=MN-006" in errors[0]  # BT-009 is baselined, MN-004 waived
    assert any(line.startswith("::notice ") and "BT-009" in line for line in audit.stdout.splitlines())
    sarif_step = results["SARIF report"]
    assert sarif_step.returncode == exitcodes.OK, sarif_step.stderr
    sarif = json.loads((repo / "auditor.sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    states = {r["ruleId"]: r.get("baselineState") for r in sarif["runs"][0]["results"] if r["kind"] == "fail"}
    assert states["MN-006"] == "new" and states["BT-009"] == "unchanged"
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "auditor.sarif"


def test_gitlab_ci_job(policy_repo: tuple[Path, str]) -> None:
    repo, base = policy_repo
    config = _load("docs/ci/gitlab-ci.yml")
    job = config["policy-audit"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["reports"]["junit"] == "auditor-junit.xml"
    commands = [line for line in job["script"] if AUDITOR_COMMAND.search(line)]
    assert len(commands) == 3
    env = {"AUDITOR_PACKAGE": job["variables"]["AUDITOR_PACKAGE"], "CI_MERGE_REQUEST_DIFF_BASE_SHA": base}
    junit, gate, diff = (_bash(line, repo, env) for line in commands)
    assert junit.returncode == exitcodes.OK, junit.stderr
    root = ET.parse(repo / "auditor-junit.xml").getroot()
    cases = list(root.iter("testcase"))
    assert len(cases) == int(root.get("tests", "0")) >= 25
    failures = {case.get("name", "").split()[0]: case.find("failure") for case in cases}
    failures = {rule_id: failure for rule_id, failure in failures.items() if failure is not None}
    assert set(failures) == {"MN-006", "BT-009"}
    assert failures["BT-009"].get("type") == "baseline"  # type: ignore[union-attr]
    assert gate.returncode == exitcodes.FINDINGS and "MN-006" in gate.stdout
    assert diff.returncode == exitcodes.FINDINGS and "MN-006" in diff.stdout
    # Outside a merge request the diff line is skipped, not an error.
    assert _bash(commands[2], repo, {"CI_MERGE_REQUEST_DIFF_BASE_SHA": ""}).returncode == exitcodes.OK
