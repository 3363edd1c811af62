"""Special files, links and pipes through the real CLI: what works as users expect, and what is kept safe.

The refusals (exit 2, the file named) are cases of the hostile corpus (``made/`` in
tests/data/bad/manifest.yaml); these are the runs that succeed, or that need a reader, a pipe or a
clock. Device nodes are made with mknod inside temporary directories (CI runs as root), never
written over; real /dev names are used only for /dev/stdout and /dev/null, after checking that they
are taken as a stream and a device to write through.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from auditor import exitcodes
from auditor.files import paths
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, installed_script, run_installed

POLICY = EXAMPLES / "alpha-town.yaml"
AUDITED = (exitcodes.OK, exitcodes.FINDINGS)


def _node(path: Path, major: int, minor: int) -> Path:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    return path


def _is_device(path: Path, major: int, minor: int) -> bool:
    status = path.lstat()
    return stat.S_ISCHR(status.st_mode) and status.st_rdev == os.makedev(major, minor)


def test_a_device_target_is_written_through_never_replaced(tmp_path: Path) -> None:
    null = _node(tmp_path / "null", 1, 3)
    result = run_installed("audit", POLICY, "--format", "json", "-o", null, "--lang", "en")
    assert result.code in AUDITED, result.stderr
    assert f"wrote {null}" in result.stderr
    assert _is_device(null, 1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]  # no temporary file left beside it


def test_init_writes_through_a_device_and_names_a_full_one(tmp_path: Path) -> None:
    null = _node(tmp_path / "null", 1, 3)
    result = run_installed("init", "-o", null)  # a device is not a file --force would protect
    assert result.code == exitcodes.OK, result.stderr
    full = _node(tmp_path / "full", 1, 7)
    result = run_installed("init", "-o", full, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr == f"error: {full}: cannot write the report: no space left on the device\n"
    assert _is_device(null, 1, 3) and _is_device(full, 1, 7)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "null"]


def test_dev_null_and_dev_stdout_work_as_users_expect() -> None:
    assert paths.output_target(Path("/dev/null")).kind == "through"  # checked first: never a rename in /dev
    result = run_installed("audit", POLICY, "--format", "json", "-o", "/dev/null")
    assert result.code in AUDITED and result.stdout == "", result.stderr
    assert _is_device(Path("/dev/null"), 1, 3)
    done = subprocess.run(
        [installed_script(), "audit", POLICY, "--format", "json", "-o", "/dev/stdout", "--date", AUDIT_DATE],
        capture_output=True,
        check=False,
    )
    assert done.returncode in AUDITED, done.stderr
    assert len(json.loads(done.stdout)["outcomes"]) > 200
    assert Path("/dev/stdout").is_symlink()


def test_dev_stdout_redirected_to_a_file_fills_that_file(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    with report.open("wb") as stream:
        done = subprocess.run(
            [installed_script(), "audit", POLICY, "--format", "json", "-o", "/dev/stdout"],
            stdout=stream,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode in AUDITED, done.stderr
    assert len(json.loads(report.read_text(encoding="utf-8"))["outcomes"]) > 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_full_disk_is_an_input_error_and_leaves_nothing(tmp_path: Path) -> None:
    full = _node(tmp_path / "report.md", 1, 7)  # /dev/full: every write fails with ENOSPC
    result = run_installed("audit", POLICY, "-f", "json,markdown,html", "-o", tmp_path / "report", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr == f"error: {full}: cannot write the report: no space left on the device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # report.json and .html staged, then removed
    assert _is_device(full, 1, 7)


def test_a_fifo_with_a_reader_receives_the_whole_report(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    deadline = time.monotonic() + 10
    result = None
    while time.monotonic() < deadline:  # the reader opens the FIFO at its own pace
        result = run_installed("audit", POLICY, "--format", "json", "-o", fifo, "--lang", "en")
        if "no reader" not in result.stderr:
            break
        time.sleep(0.1)
    reader.join(10)
    assert result is not None and result.code in AUDITED, result
    assert len(json.loads(received[0])["outcomes"]) > 200
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_target_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "report.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    result = run_installed("audit", POLICY, "--format", "json", "-o", link)
    assert result.code in AUDITED, result.stderr
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["outcomes"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.json"]


def _closed_pipe_run(args: list[str], read_first: int) -> tuple[int, bytes]:
    """Run ``auditor ARGS`` into a pipe whose reader takes ``read_first`` bytes and then closes it."""
    reading, writing = os.pipe()
    process = subprocess.Popen([installed_script(), *args], stdout=writing, stderr=subprocess.PIPE)
    os.close(writing)
    if read_first:
        os.read(reading, read_first)
    os.close(reading)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr


@pytest.mark.parametrize("read_first", [0, 100])
@pytest.mark.parametrize("target", [[], ["-o", "/dev/stdout"]], ids=["stdout", "dev-stdout"])
def test_a_closed_output_pipe_exits_130(read_first: int, target: list[str]) -> None:
    # The JSON report (about 170 KB) is larger than a pipe's buffer (64 KB): the write must fail.
    code, stderr = _closed_pipe_run(["audit", str(POLICY), "--format", "json", *target], read_first)
    assert code == exitcodes.INTERRUPTED, stderr
    assert b"Traceback" not in stderr and b"internal error" not in stderr


def test_every_command_reports_a_closed_pipe_as_130() -> None:
    code, stderr = _closed_pipe_run(["schema", "policy"], 0)
    assert code == exitcodes.INTERRUPTED, stderr
    code, stderr = _closed_pipe_run(["rules", "list", "--format", "json"], 10)
    assert code == exitcodes.INTERRUPTED, stderr


def _cpu_seconds(args: list[str]) -> tuple[int, str, float]:
    process = subprocess.Popen([installed_script(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    with process.stderr:
        stderr = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, stderr, usage.ru_utime + usage.ru_stime


def test_a_big_directory_without_rules_is_refused_within_a_second() -> None:
    code, stderr, cpu = _cpu_seconds(["rules", "list", "--rules", "/usr", "--lang", "en"])
    assert code == exitcodes.USAGE_OR_INPUT
    assert (
        stderr == "error: /usr: more than 20000 entries below this directory; give the directory that holds the files\n"
    )
    assert cpu < 1.0, f"{cpu:.2f} s of CPU"


def test_directory_link_loops_and_depth_do_not_trap_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "town.yaml").write_bytes(POLICY.read_bytes())
    (folder / "a" / "b" / "up").symlink_to("../..", target_is_directory=True)
    (folder / "self").symlink_to(".", target_is_directory=True)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "ignored.yaml").write_text("not: [a policy", encoding="utf-8")
    for sources in ([folder], [f"{folder}/**/*.yaml"], [f"{folder}/*"], [f"{folder}/**"]):
        result = run_installed("batch", *sources, "--format", "json", "--date", AUDIT_DATE, timeout=30)
        assert result.code in AUDITED, (sources, result.stderr)
        assert [row["file"] for row in json.loads(result.stdout)["matrix"]] == [str(folder / "a" / "b" / "town.yaml")]


def test_a_pack_nested_too_deep_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "pack"
    for level in range(paths.MAX_DEPTH + 1):
        deep = deep / f"d{level}"
    deep.mkdir(parents=True)
    rule = (REPO / "rules" / "three_layer" / "MN-001.yaml").read_text(encoding="utf-8")
    (deep / "MN-901.yaml").write_text(rule.replace("MN-001", "MN-901"), encoding="utf-8")
    result = run_installed("rules", "list", "--rules", tmp_path / "pack", "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr == f"error: {tmp_path / 'pack'}: directories nested more than {paths.MAX_DEPTH} levels deep\n"
