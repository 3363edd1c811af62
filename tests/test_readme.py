"""Every command in the README's ``sh`` blocks works as written.

The blocks are parsed and each command line is run, in README order, by bash in a temporary copy
of the repository with the installed ``auditor`` first on PATH: what a user following the README
does. What the README takes for granted is provided just before the first command that uses it
(:data:`NEEDS`): the body's own Word and PDF documents for ``auditor extract`` (made with
python-docx and weasyprint from the extract corpus), git history with ``origin/main`` for
``diff --base``, a waiver side file, directories of policies for ``auditor batch``. A command
that is not run as written says why (:data:`NOT_RUN_HERE`, :data:`SCALED`), and a test checks
that reason.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from bench.extract_corpus import CorpusDocument, build, corpus
from tests.gitrepo import edit, git
from tests.helpers import EXAMPLES, REPO, installed_script

README = REPO / "README.md"
NATIONAL = "python bench/national.py /tmp/national && python bench/bench_batch.py --data /tmp/national"

NOT_RUN_HERE = {
    "bash scripts/test.sh": "it runs this very test suite: CI (.ci/run) runs exactly it",
}
SCALED = {
    # 1,788 bodies and three timed runs take minutes: the same scripts on 12 bodies, timed once.
    NATIONAL: "python bench/national.py national --count 12 && "
    "python bench/bench_batch.py --data national --runs 1 --jobs 1",
}
_IGNORED = shutil.ignore_patterns(".git", ".venv*", "__pycache__", ".mypy_cache", ".ruff_cache", "*.egg-info")


def readme_commands() -> list[str]:
    """The command lines of the README's ``sh`` blocks, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def _documents(workspace: Path) -> None:
    # The README's file names: the body's basic policy in Word, its standards as a text PDF.
    standards = next(document for document in corpus() if document.name == "alpha-town-kijun")
    build(replace(standards, name="対策基準", format="pdf"), workspace)
    basic = CorpusDocument(
        name="基本方針",
        format="docx",
        split="tune",
        options={},
        body="あおば町情報セキュリティ基本方針\n（目的）\n"
        "第1条 この基本方針は、本町の情報資産を脅威から守るための対策の基本を定める。\n"
        "（見直し）\n第8条 情報セキュリティポリシーは、毎年度見直すものとする。\n",
        expected={},
    )
    build(basic, workspace)


def _git_history(workspace: Path) -> None:
    # The policy as adopted on main, then a change under review that loosens one control.
    if (workspace / ".git").exists():
        return
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "policy.yaml")
    git(workspace, "commit", "-q", "-m", "Adopt the policy")
    git(workspace, "update-ref", "refs/remotes/origin/main", "HEAD")
    # `auditor init` leaves the value unanswered (null); an edited example would hold 2.
    text = (workspace / "policy.yaml").read_text(encoding="utf-8")
    declared = "terminal_auth_factors: 2" if "terminal_auth_factors: 2" in text else "terminal_auth_factors: null"
    edit(workspace / "policy.yaml", declared, "terminal_auth_factors: 1")


def _waivers(workspace: Path) -> None:
    today = dt.date.today()
    (workspace / "waivers.yaml").write_text(
        "schema_version: 1\nwaivers:\n  - rule_id: MN-006\n    justification: 端末更改（令和9年度）まで1要素\n"
        "    approver: {role: CISO（副市長）, name: 山田 太郎}\n"
        f"    approved_on: {(today - dt.timedelta(days=10)).isoformat()}\n"
        f"    expires_on: {(today + dt.timedelta(days=20)).isoformat()}\n",
        encoding="utf-8",
    )


def _municipalities(workspace: Path) -> None:
    target = workspace / "municipalities"
    target.mkdir()
    for policy in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(policy, target / policy.name)


def _prefecture_tree(workspace: Path) -> None:
    for index, policy in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        district = workspace / "pref" / f"district-{index % 2}"
        district.mkdir(parents=True, exist_ok=True)
        shutil.copy(policy, district / policy.name)


def _filled_checklist(workspace: Path) -> None:
    # What staff do in Excel between export and import: settle the 要確認 rows.
    from openpyxl import load_workbook

    workbook = load_workbook(workspace / "checklist.xlsx")
    sheet = workbook["チェックリスト"]
    column = {cell.value: cell.column for cell in sheet[1]}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, column["判定"]).value == "要確認":
            for header, value in (
                ("確認結果", "確認済み"),
                ("確認方法", "閲覧"),
                ("証跡", "記録簿"),
                ("確認日", dt.date.today()),
            ):
                sheet.cell(row, column[header]).value = value
    workbook.save(workspace / "checklist.xlsx")


def _last_audit(workspace: Path) -> None:
    done = _run("auditor audit policy.yaml --format json -o last-year.json", workspace)
    assert done.returncode in (0, 1), done.stderr


NEEDS: dict[str, Callable[[Path], None]] = {
    "基本方針.docx": _documents,
    "--base origin/main": _git_history,
    "git show HEAD:": _git_history,
    "waivers.yaml": _waivers,
    "municipalities/": _municipalities,
    "'pref/**/*.yaml'": _prefecture_tree,
    "checklist import checklist.xlsx": _filled_checklist,
    "last-year.json": _last_audit,
}
"""What a command line mentions -> what it needs in place first (provided once, before the first such command)."""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository, as a user has it after cloning (no virtual environment, no caches)."""
    root = tmp_path_factory.mktemp("readme") / "auditor"
    shutil.copytree(REPO, root, ignore=_IGNORED)
    return root


def _run(line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    scripts = Path(installed_script()).parent  # the test interpreter's venv: `auditor` and `python`
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    for variable in ("GITHUB_ACTIONS", "AUDITOR_LANG"):
        env.pop(variable, None)
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", line],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _targets(line: str) -> list[str]:
    """The files a command line says it writes: ``-o``, ``--output``, ``--evidence``, ``> FILE``, report dirs."""
    words = shlex.split(line, comments=True)
    flags = {"-o", "--output", "--evidence", "--per-policy-reports", ">"}
    return [words[i + 1] for i, word in enumerate(words[:-1]) if word in flags]


def _written(workspace: Path, target: str) -> bool:
    path = workspace / target
    if path.is_dir():
        return any(path.iterdir())
    if path.is_file():
        return path.stat().st_size > 0
    return any(path.parent.glob(f"{path.name}.*"))  # several formats: out/report.pdf, out/report.json, ...


COMMANDS = readme_commands()
RUN = [line for line in COMMANDS if line not in NOT_RUN_HERE]


@pytest.mark.parametrize("line", RUN, ids=[f"{i:02d}" for i in range(len(RUN))])
def test_readme_command_works_as_written(line: str, workspace: Path) -> None:
    for trigger, prepare in NEEDS.items():
        marker = workspace / ".needs" / re.sub(r"\W", "_", trigger)
        if trigger in line and not marker.exists():
            prepare(workspace)
            marker.parent.mkdir(exist_ok=True)
            marker.touch()
    done = _run(SCALED.get(line, line), workspace)
    # 0: done, nothing to report; 1: the audit ran and found failures (the README's examples do).
    assert done.returncode in (0, 1), f"{line}\nexit {done.returncode}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr and "エラー:" not in done.stderr, done.stderr[-3000:]
    for target in _targets(line):
        assert _written(workspace, target), f"{line}: nothing written to {target}"


def test_the_commands_not_run_here_are_what_ci_runs() -> None:
    assert set(NOT_RUN_HERE) <= set(COMMANDS) and set(SCALED) <= set(COMMANDS)
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1] == "exec bash scripts/test.sh"
