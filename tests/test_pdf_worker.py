"""The PDF worker process: started once and only for a PDF, same bytes as without it, gone with its parent.

The worker is watched from outside, as an operator would see it: the children of the ``auditor``
process in ``/proc`` (Linux), whose command line names the worker module.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, installed_script, run_cli, run_installed

POLICY = EXAMPLES / "alpha-town.yaml"
WORKER_MODULE = "auditor.reporters.pdf.worker_process"
NO_GATE = ("--date", AUDIT_DATE, "--fail-on", "none")
GONE_WITHIN = 2.0
"""Seconds a worker may take to disappear once its parent has ended."""


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _state(pid: int) -> str | None:
    """The process state letter (``R``, ``S``, ``Z`` ...), None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _alive(pid: int) -> bool:
    return _state(pid) not in (None, "Z")  # a zombie holds no memory; it only waits to be reaped


def workers_of(parent: int) -> list[int]:
    """The PDF worker processes whose parent is ``parent``."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and _parent_of(int(entry)) == parent:
            try:
                command = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if WORKER_MODULE.encode() in command:
                found.append(int(entry))
    return found


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting until {what}")
        time.sleep(0.005)


def start_auditor(*args: str | Path, scratch: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """The installed console script in its own process group, SIGINT handled as in a terminal, and
    temporary files in ``scratch``."""
    return subprocess.Popen(
        [installed_script(), *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(scratch), **(env or {})},
        process_group=0,
        # A test runner started in the background may ignore SIGINT; a user's shell does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def reading_a_pipe(pid: int) -> bool:
    try:
        channel = Path(f"/proc/{pid}/wchan").read_text(encoding="ascii")
    except OSError:
        return False
    return "pipe_read" in channel or channel == "pipe_wait"


def waiting_for_the_worker(pid: int) -> bool:
    """Whether ``auditor`` (process ``pid``) waits for the PDF from its worker: it has sent the request
    and the worker is laying it out. It is then blocked reading a pipe for seconds; the only other
    pipe it reads is the one through which it learns that the worker started, for a moment."""
    if not reading_a_pipe(pid):
        return False
    time.sleep(0.2)
    return reading_a_pipe(pid)


@pytest.mark.parametrize(
    ("signum", "moment"),
    [
        (signal.SIGTERM, "starting"),
        (signal.SIGTERM, "laying out"),
        (signal.SIGINT, "laying out"),
        (signal.SIGKILL, "laying out"),
    ],
    ids=["SIGTERM-while-starting", "SIGTERM-while-laying-out", "SIGINT-while-laying-out", "SIGKILL-while-laying-out"],
)
def test_the_worker_dies_with_its_parent(signum: signal.Signals, moment: str, tmp_path: Path) -> None:
    """However ``auditor`` ends during a PDF, no worker (≈180 MB) stays behind, and nor do its font copies.

    The report covers every example policy, so that its layout takes several times :data:`GONE_WITHIN`:
    a worker that merely finished its job and then failed to write the PDF would be seen.
    """
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    target = tmp_path / "r.pdf"
    policies = sorted(EXAMPLES.glob("*.yaml"))
    process = start_auditor("audit", *policies, "--format", "pdf", "-o", target, *NO_GATE, scratch=scratch)
    try:
        wait_for(lambda: bool(workers_of(process.pid)) or process.poll() is not None, 60, "a worker is started")
        (worker,) = workers_of(process.pid)
        if moment == "laying out":
            wait_for(lambda: waiting_for_the_worker(process.pid), 60, "auditor waits for the worker's PDF")
            assert _alive(worker)
        os.kill(process.pid, signum)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
        _, stderr = process.communicate()
    wait_for(lambda: not _alive(worker), GONE_WITHIN, f"the worker {worker} is gone")
    assert process.returncode == (130 if signum == signal.SIGINT else -signum), stderr.decode("utf-8")
    assert not target.exists()
    wait_for(lambda: not any(scratch.iterdir()), GONE_WITHIN, f"nothing is left in {scratch}")


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (("audit", POLICY, "--format", "pdf", "-o", "{out}/r.pdf", *NO_GATE), {}, 1),
        (("audit", POLICY, "--format", "json,html,pdf", "-o", "{out}/r", *NO_GATE), {}, 1),
        (("audit", POLICY, "--format", "json", "-o", "{out}/r.json", *NO_GATE), {}, 0),
        (("audit", POLICY, "--format", "pdf", "-o", "{out}/r.pdf", *NO_GATE), {"AUDITOR_PDF_WORKER": "0"}, 0),
        (("audit", EXAMPLES / "missing.yaml", "--format", "pdf", "-o", "{out}/r.pdf", *NO_GATE), {}, 1),
        (("batch", EXAMPLES, "--format", "pdf", "-o", "{out}/b.pdf", *NO_GATE), {}, 1),
        (("validate", POLICY), {}, 0),
    ],
    ids=["audit-pdf", "audit-several", "audit-json", "switched-off", "audit-fails", "batch-pdf", "validate"],
)
def test_a_worker_is_started_once_and_only_for_a_pdf(
    args: tuple[str | Path, ...], env: dict[str, str], expected: int, tmp_path: Path
) -> None:
    """Exactly one worker when a command writes a PDF, none otherwise; none left when the command ends,
    also when the audit failed before the PDF was asked for."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    arguments = [str(arg).replace("{out}", str(out)) for arg in args]
    process = start_auditor(*arguments, scratch=scratch, env=env)
    seen: set[int] = set()
    try:
        while process.poll() is None:
            seen.update(workers_of(process.pid))
            time.sleep(0.002)
    finally:
        if process.poll() is None:
            process.kill()
        _, stderr = process.communicate()
    assert process.returncode == (2 if "missing" in arguments[1] else 0), stderr.decode("utf-8")
    assert len(seen) == expected, seen
    assert not any(_alive(worker) for worker in seen)
    assert list(scratch.iterdir()) == []


def test_pdf_worker_and_in_process_layout_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker process is an optimisation only: without it, or when it cannot run, same PDF."""

    def audit_pdf(target: Path) -> bytes:
        result = run_cli("audit", POLICY, "--format", "pdf", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none")
        assert result.code == 0, result.stderr
        return target.read_bytes()

    monkeypatch.setenv("AUDITOR_PDF_WORKER", "1")
    with_worker = audit_pdf(tmp_path / "worker.pdf")
    assert with_worker.startswith(b"%PDF-")
    monkeypatch.setenv("AUDITOR_PDF_WORKER", "0")
    assert audit_pdf(tmp_path / "inproc.pdf") == with_worker
    monkeypatch.setenv("AUDITOR_PDF_WORKER", "1")
    monkeypatch.setattr(sys, "executable", "/bin/false")  # a worker that exits at once without output
    assert audit_pdf(tmp_path / "fallback.pdf") == with_worker


def installed_pdf_audit(target: Path, env: dict[str, str], cwd: Path | None = None) -> bytes:
    result = run_installed("audit", POLICY, "--format", "pdf", "-o", target, *NO_GATE, timeout=180, cwd=cwd, env=env)
    assert result.code == 0, result.stderr
    return target.read_bytes()


@pytest.mark.parametrize("worker", ["1", "0"])
def test_no_font_copies_are_left_in_the_temporary_directory(tmp_path: Path, worker: str) -> None:
    """weasyprint copies the fonts into a temporary folder for fontconfig; it is removed at exit."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    pdf = installed_pdf_audit(tmp_path / "r.pdf", {"TMPDIR": str(scratch), "AUDITOR_PDF_WORKER": worker})
    assert pdf.startswith(b"%PDF-")
    assert list(scratch.iterdir()) == []


def test_the_pdf_worker_ignores_python_files_in_the_working_directory(tmp_path: Path) -> None:
    """Auditing from a directory that holds e.g. a ``json.py`` must not import (run) it in the worker."""
    marker = tmp_path / "imported"
    for name in ("json", "weasyprint", "html", "base64", "threading"):
        (tmp_path / f"{name}.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\n", encoding="utf-8")
    pdf = installed_pdf_audit(tmp_path / "r.pdf", {"AUDITOR_PDF_WORKER": "1"}, cwd=tmp_path)
    assert pdf.startswith(b"%PDF-")
    assert not marker.exists(), marker.read_text(encoding="utf-8")
