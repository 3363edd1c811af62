"""The documented CI set-ups work: pre-commit hooks, the GitHub Actions workflow and the GitLab CI job.

The YAML files are parsed, and the exact commands they contain are run (through bash as the CI
runners do) in a real temporary git repository: a policy adopted in a first commit with a
baseline and a waiver side file, then a pull request that loosens one control; and a repository
with neither file. The GitHub Action (action.yml) runs step by step as GitHub runs a composite
action, after its install step has installed auditor from its own checkout into a fresh Python.
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
from tests.helpers import REPO, installed_script, run_cli

BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]  # what GitHub's `shell: bash` runs


def _load(relative: str) -> Any:
    return yaml.safe_load((REPO / relative).read_text(encoding="utf-8"))


def _env(extra: dict[str, str], first_on_path: Path | None) -> dict[str, str]:
    # The installed console script first on PATH, as after `pip install` in the CI job.
    scripts = first_on_path or Path(installed_script()).parent
    path = f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"
    inherited = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}  # CI running CI
    return {**inherited, "PATH": path, "AUDITOR_LANG": "en", **extra}


def _bash(
    script: str, cwd: Path, env: dict[str, str], first_on_path: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BASH, script], cwd=cwd, env=_env(env, first_on_path), capture_output=True, text=True, timeout=300, check=False
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
        assert hook["entry"].split()[-1] == "-q"  # quiet: a hook prints what fails, not the whole checklist
        # pre-commit runs `entry args... files...`; the documented args for the audit hook:
        args = (
            ["--fail-on", "high", "--baseline", ".auditor-baseline.yaml", "--waivers", "waivers.yaml"]
            if hook["id"] == "auditor-audit"
            else []
        )
        done = _bash(" ".join([hook["entry"], *args, *files]), repo, {})
        if hook["id"] == "auditor-audit":
            assert done.returncode == exitcodes.FINDINGS, done.stderr  # MN-006 is critical
            [line] = done.stdout.splitlines()  # BT-009 is baselined, MN-004 waived: one new failure
            assert line.startswith("policy.yaml:") and " MN-006 " in line
        else:
            assert done.returncode == exitcodes.OK and done.stdout == "", done.stderr
    assert "auditor-audit" in (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def test_the_documented_local_hooks_are_the_shipped_hooks() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "repo: local" in b]
    [local] = yaml.safe_load(block)["repos"]
    shipped = {hook["id"]: hook for hook in _load(".pre-commit-hooks.yaml")}
    for hook in local["hooks"]:
        assert hook["language"] == "system"
        for key in ("entry", "files", "exclude"):
            assert hook[key] == shipped[hook["id"]][key], (hook["id"], key)


# The GitHub Action (action.yml) runs as GitHub runs a composite action: each step's `run:` by
# bash with its `env:`, expressions filled in from the inputs, the event and earlier steps' outputs.
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
INSTALL_STEP = "Install auditor from the action's checkout"


@pytest.fixture(scope="module")
def action_checkout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The action as GitHub checks it out (this repository), and a fresh Python with auditor installed from it.

    The install step of action.yml runs as written. The fresh environment sees the test
    environment's packages (a .pth file), so only auditor itself is built and installed.
    """
    root = tmp_path_factory.mktemp("action")
    checkout = root / "auditor"
    shutil.copytree(
        REPO, checkout, ignore=shutil.ignore_patterns(".git", ".venv*", "__pycache__", ".mypy_cache", ".ruff_cache")
    )
    venv = root / "python"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    purelib = subprocess.run(
        [sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    [site] = list((venv / "lib").glob("python3*/site-packages"))
    (site / "test-environment.pth").write_text(purelib + "\n", encoding="utf-8")
    [install] = [step for step in _load("action.yml")["runs"]["steps"] if step.get("name") == INSTALL_STEP]
    done = _bash(install["run"], root, {"GITHUB_ACTION_PATH": str(checkout)}, first_on_path=venv / "bin")
    assert done.returncode == 0, done.stderr
    assert (venv / "bin" / "auditor").exists()
    return checkout, venv / "bin"


def run_action(
    repo: Path, inputs: dict[str, str], event: str, checkout: tuple[Path, Path], tmp_path: Path
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Run action.yml's steps in ``repo`` (the install step already ran in the fixture); stop at a failing step."""
    action = _load("action.yml")
    declared = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    assert set(inputs) <= set(declared), "every input the workflow gives is declared"
    context = {f"inputs.{name}": value for name, value in {**declared, **inputs}.items()}
    context |= {"github.event_name": event, "github.base_ref": "main"}
    action_path, scripts = checkout
    (tmp_path / "runner").mkdir(exist_ok=True)
    results: dict[str, subprocess.CompletedProcess[str]] = {}
    for index, step in enumerate(action["runs"]["steps"]):
        uses = step.get("uses", "")
        if uses.startswith("actions/setup-python"):
            assert step["with"]["python-version"] == "${{ inputs.python-version }}"
            continue
        if uses.startswith("github/codeql-action/upload-sarif"):
            assert step["with"]["sarif_file"] == "${{ inputs.sarif }}"
            continue
        assert not uses, f"unexpected action {uses}"
        if step["name"] == INSTALL_STEP:
            continue
        assert "${{" not in step["run"]  # untrusted values only through env:
        env = {key: EXPRESSION.sub(lambda m: context.get(m.group(1), ""), value) for key, value in step["env"].items()}
        output = tmp_path / "runner" / f"output-{index}"
        env |= {
            "GITHUB_ACTIONS": "true",
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "runner" / "summary.md"),
            "RUNNER_TEMP": str(tmp_path / "runner"),
            "GITHUB_ACTION_PATH": str(action_path),
        }
        done = _bash(step["run"], repo, env, first_on_path=scripts)
        results[step["name"]] = done
        if output.exists():
            for line in output.read_text(encoding="utf-8").splitlines():
                key, _, value = line.partition("=")
                context[f"steps.{step['id']}.outputs.{key}"] = value
        if done.returncode != 0:
            break
    return results


def test_github_workflow_uses_the_action_from_the_organisations_repository() -> None:
    workflow = _load("docs/ci/github-actions.yml")
    assert workflow["permissions"]["security-events"] == "write"
    assert "YOUR-ORG" not in (REPO / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
    guard, checkout, auditor, use = workflow["jobs"]["audit"]["steps"]
    assert guard["if"] == "${{ vars.AUDITOR_REPOSITORY == '' }}"
    unset = _bash(guard["run"], REPO, {})
    assert unset.returncode == 1 and unset.stdout.startswith(
        "::error title=auditor::Set the variable AUDITOR_REPOSITORY"
    )
    assert checkout["uses"] == "actions/checkout@v4" and checkout["with"]["fetch-depth"] == 0
    assert auditor["with"] == {
        "repository": "${{ vars.AUDITOR_REPOSITORY }}",
        "ref": "${{ vars.AUDITOR_REF || 'v0.1.0' }}",
        "path": ".auditor",
    }
    assert use["uses"] == "./.auditor" and (REPO / "action.yml").is_file()  # the action at the checkout's root
    action = _load("action.yml")
    assert action["runs"]["using"] == "composite"
    assert set(use["with"]) <= set(action["inputs"])


def test_github_action_on_a_pull_request(
    policy_repo: tuple[Path, str], action_checkout: tuple[Path, Path], tmp_path: Path
) -> None:
    repo, base = policy_repo
    git(repo, "update-ref", "refs/remotes/origin/main", base)  # what actions/checkout fetches for the base
    inputs = _load("docs/ci/github-actions.yml")["jobs"]["audit"]["steps"][-1]["with"]
    results = run_action(repo, inputs, "pull_request", action_checkout, tmp_path)
    report = results["Pull-request diff and SARIF report"]
    assert report.returncode == 0, report.stderr
    summary = (tmp_path / "runner" / "summary.md").read_text(encoding="utf-8")
    assert "MN-006" in summary and "2 → 1" in summary
    sarif = json.loads((repo / "auditor.sarif").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    # What needs action only: the new failure, the baselined one, the waived one as a suppression.
    found = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    assert set(found) == {"MN-006", "BT-009", "MN-004"}
    assert found["MN-006"]["baselineState"] == "new" and found["BT-009"]["baselineState"] == "unchanged"
    assert found["MN-004"]["suppressions"][0]["status"] == "accepted"
    audit = results["Audit (annotations on the policy lines)"]
    assert audit.returncode == exitcodes.FINDINGS, audit.stderr
    errors = [line for line in audit.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "title=MN-006" in errors[0]  # BT-009 is baselined, MN-004 waived
    assert any(line.startswith("::notice ") and "BT-009" in line for line in audit.stdout.splitlines())


def test_github_action_without_baseline_or_waivers_and_on_a_push(
    action_checkout: tuple[Path, Path], tmp_path: Path
) -> None:
    repo = init_repo(tmp_path / "new-policy-repo")
    write_policy(repo / "policy.yaml")
    commit(repo, "A compliant policy, no baseline or waiver file yet")
    results = run_action(repo, {"fail-on": "high"}, "push", action_checkout, tmp_path)
    assert [done.returncode for done in results.values()] == [0, 0], [done.stderr for done in results.values()]
    assert not (tmp_path / "runner" / "summary.md").exists()  # no diff outside a pull request
    assert json.loads((repo / "auditor.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    edit(repo / "policy.yaml", "terminal_auth_factors: 2", "terminal_auth_factors: 1")
    (repo / "auditor.sarif").unlink()
    failing = run_action(repo, {"fail-on": "high", "sarif": ""}, "push", action_checkout, tmp_path)
    assert failing["Audit (annotations on the policy lines)"].returncode == exitcodes.FINDINGS
    assert not (repo / "auditor.sarif").exists()  # sarif: '' writes none


def test_gitlab_ci_job(policy_repo: tuple[Path, str], action_checkout: tuple[Path, Path], tmp_path: Path) -> None:
    repo, base = policy_repo
    config = _load("docs/ci/gitlab-ci.yml")
    job = config["policy-audit"]
    assert job["variables"] == {"GIT_DEPTH": "0"}  # no placeholder: where auditor comes from is a CI/CD variable
    assert job["artifacts"]["reports"]["junit"] == "auditor-junit.xml"
    apt, guard, install = job["before_script"]
    assert apt.startswith("apt-get ")  # the image's package manager: not run here
    checkout, scripts = action_checkout
    assert _bash(guard, repo, {"AUDITOR_PACKAGE": ""}).returncode == 1
    env = {"AUDITOR_PACKAGE": str(checkout), "CI_MERGE_REQUEST_DIFF_BASE_SHA": base}
    # GitLab runs the job's lines in one shell, stopping at the first that fails.
    setup = _bash("\n".join([guard, install]), repo, env, first_on_path=scripts)
    assert setup.returncode == 0, setup.stderr
    merge_request = _bash("\n".join(job["script"]), repo, env, first_on_path=scripts)
    assert merge_request.returncode == exitcodes.FINDINGS and "MN-006" in merge_request.stdout  # the diff
    root = ET.parse(repo / "auditor-junit.xml").getroot()
    cases = list(root.iter("testcase"))
    assert len(cases) == int(root.get("tests", "0")) >= 25
    failures = {case.get("name", "").split()[0]: case.find("failure") for case in cases}
    failures = {rule_id: failure for rule_id, failure in failures.items() if failure is not None}
    assert set(failures) == {"MN-006", "BT-009"}
    assert failures["BT-009"].get("type") == "baseline"  # type: ignore[union-attr]
    # On the default branch (no merge request): the diff line is skipped, the gate decides.
    branch = _bash("\n".join(job["script"]), repo, {**env, "CI_MERGE_REQUEST_DIFF_BASE_SHA": ""}, first_on_path=scripts)
    assert branch.returncode == exitcodes.FINDINGS and "::error" not in branch.stdout and "MN-006" in branch.stdout
    # Without a baseline or waiver file the options are simply left out.
    (repo / ".auditor-baseline.yaml").unlink()
    (repo / "waivers.yaml").unlink()
    bare = _bash("\n".join(job["script"]), repo, env, first_on_path=scripts)
    assert bare.returncode == exitcodes.FINDINGS, bare.stderr
    types = {
        case.get("name", "").split()[0]: case.find("failure")
        for case in ET.parse(repo / "auditor-junit.xml").iter("testcase")
    }
    assert types["BT-009"].get("type") == "medium"  # type: ignore[union-attr]  # not baselined: a failure like any
