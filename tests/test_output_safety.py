"""Reports are written atomically, never over an input, and an interrupted run leaves none behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor import exitcodes
from auditor.errors import OutputError, UsageError
from auditor.files import output
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli

POLICY = EXAMPLES / "alpha-town.yaml"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory holding a copy of an example policy, made the current directory."""
    (tmp_path / "sub").mkdir()
    shutil.copy(POLICY, tmp_path / "policy.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.rglob("*.tmp"))


@pytest.mark.parametrize(
    "spelling", ["policy.yaml", "./policy.yaml", "sub/../policy.yaml", "ABSOLUTE", "symlink.yaml", "hardlink.yaml"]
)
def test_report_is_never_written_over_an_input(workdir: Path, spelling: str) -> None:
    before = (workdir / "policy.yaml").read_bytes()
    (workdir / "symlink.yaml").symlink_to(workdir / "policy.yaml")
    os.link(workdir / "policy.yaml", workdir / "hardlink.yaml")
    target = str(workdir / "policy.yaml") if spelling == "ABSOLUTE" else spelling
    result = run_cli("audit", "policy.yaml", "--format", "json", "-o", target, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "refusing to write the report over the input file" in result.stderr
    assert (workdir / "policy.yaml").read_bytes() == before
    assert (workdir / "symlink.yaml").is_symlink()
    assert _leftovers(workdir) == []


def test_the_input_named_through_a_symlink_is_protected_too(workdir: Path) -> None:
    (workdir / "link.yaml").symlink_to(workdir / "policy.yaml")
    before = (workdir / "policy.yaml").read_bytes()
    result = run_cli("audit", "link.yaml", "-o", "policy.yaml", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert (workdir / "policy.yaml").read_bytes() == before


def test_report_is_not_written_into_a_rule_pack(workdir: Path) -> None:
    pack = workdir / "pack"
    pack.mkdir()
    rule = (REPO / "rules" / "three_layer" / "MN-001.yaml").read_text(encoding="utf-8")
    (pack / "MN-901.yaml").write_text(rule.replace("MN-001", "MN-901"), encoding="utf-8")
    for target in ("pack/MN-901.yaml", "pack/new-rule.yaml", "pack/../pack/x.yml"):
        result = run_cli("audit", "policy.yaml", "--rules", "pack", "-o", target, "--lang", "en")
        assert result.code == exitcodes.USAGE_OR_INPUT, target
    assert sorted(p.name for p in pack.iterdir()) == ["MN-901.yaml"]
    # A report of another kind next to the rules is harmless and allowed.
    assert run_cli(
        "audit", "policy.yaml", "--rules", "pack", "-o", "pack/report.json", "--format", "json", "--date", AUDIT_DATE
    ).code in (exitcodes.OK, exitcodes.FINDINGS)


@pytest.mark.parametrize(("target", "fragment"), [("a-file/report.json", "cannot write"), ("sub", "is a directory")])
def test_unwritable_target_is_an_input_error_not_a_crash(workdir: Path, target: str, fragment: str) -> None:
    (workdir / "a-file").write_text("not a directory", encoding="utf-8")
    result = run_cli("audit", "policy.yaml", "--format", "json", "-o", target, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT, result.stderr
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert _leftovers(workdir) == []


def test_missing_parent_directories_are_created(workdir: Path) -> None:
    result = run_cli("audit", "policy.yaml", "--format", "json,markdown", "-o", "out/2026/report", "--date", AUDIT_DATE)
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    assert sorted(p.name for p in (workdir / "out" / "2026").iterdir()) == ["report.json", "report.md"]


def test_permission_denied_is_an_input_error(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: the suite may run as root, for whom a read-only directory is writable.
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)
    result = run_cli("audit", "policy.yaml", "-o", "report.txt", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "report.txt: cannot write the report: permission denied" in result.stderr


def test_write_replaces_the_whole_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    target.chmod(0o600)  # a confidential report stays confidential when rewritten
    output.write_atomic(target, '{"new": true}')
    assert json.loads(target.read_text(encoding="utf-8")) == {"new": True}
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


def test_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        output.write_atomic(tmp_path / "new.txt", b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_output_error_is_both_a_usage_error_and_an_oserror() -> None:
    # The rule cache writes on a best-effort basis and ignores OSError; the CLI maps UsageError to 2.
    assert issubclass(OutputError, UsageError) and issubclass(OutputError, OSError)


def test_keyboard_interrupt_during_the_write_leaves_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous complete report", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    result = run_cli("audit", POLICY, "--format", "json", "-o", target)
    assert result.code == exitcodes.INTERRUPTED
    assert target.read_text(encoding="utf-8") == "previous complete report"
    assert _leftovers(tmp_path) == []


def test_failure_while_renaming_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", full_disk)
    with pytest.raises(OutputError, match=r"no space left on the device|ディスクの空きがありません"):
        output.write_atomic(tmp_path / "report.json", "x" * 1000)
    assert list(tmp_path.iterdir()) == []


_PAUSED_WRITE = """
import os, sys, time
import auditor.files.output
flag = sys.argv[1]
def paused(fd):
    # The report is half-way: written to the temporary file, not yet renamed. Wait to be signalled.
    open(flag, "w").close()
    time.sleep(60)
auditor.files.output.os.fsync = paused
from auditor.cli import main
main(sys.argv[2:])
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_in_the_middle_of_writing_leaves_no_partial_report(tmp_path: Path, signum: int) -> None:
    """A real process, stopped by a real signal while the report is being written."""
    target = tmp_path / "report.json"
    flag = tmp_path / "writing"
    process = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_WRITE, str(flag), "audit", str(POLICY), "--format", "json", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 60
    while not flag.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.exists(), process.communicate()[1].decode()
    assert _leftovers(tmp_path) != []  # the temporary file exists while the write is paused
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == exitcodes.INTERRUPTED, stderr.decode()
    assert not target.exists()
    assert _leftovers(tmp_path) == []
    assert b"Traceback" not in stderr
