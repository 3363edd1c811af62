"""Timing helpers shared by the benchmarks: interleaved runs, medians, ratio against a floor."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def auditor_command() -> list[str]:
    """The console script installed beside this interpreter (what users run), else the one on PATH.

    The script beside ``sys.executable`` comes first so that a wrapper on PATH (e.g. a pyenv shim,
    itself a shell script) does not add its own start-up to the measurement.
    """
    beside = Path(sys.executable).with_name("auditor")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("auditor")
    return [found] if found else [sys.executable, "-m", "auditor"]


def time_once(command: Sequence[str]) -> float:
    """Wall-clock seconds of one run; the command's exit code is not judged here."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def compare(measured: Sequence[str], floor: Sequence[str], runs: int) -> tuple[float, float, float]:
    """Median seconds of ``measured`` and ``floor``, interleaved so load affects both; and their ratio."""
    time_once(measured)  # warm the page cache and .pyc files for both
    time_once(floor)
    measured_times: list[float] = []
    floor_times: list[float] = []
    for _ in range(runs):
        measured_times.append(time_once(measured))
        floor_times.append(time_once(floor))
    m, f = statistics.median(measured_times), statistics.median(floor_times)
    return m, f, m / f
