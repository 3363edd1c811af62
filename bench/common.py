"""Timing helpers shared by the benchmarks: interleaved runs, medians, ratio against a floor, the table."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
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


def policy_arguments(description: str | None, runs: int) -> argparse.ArgumentParser:
    """The arguments of a per-policy benchmark: ``[--runs N] [POLICY ...]`` (more may be added)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("policies", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=runs)
    return parser


def example_policies(given: Sequence[Path]) -> list[Path]:
    """The policies named on the command line, else every example policy."""
    return list(given) or sorted((REPO / "policies" / "examples").glob("*.yaml"))


def ratio_table(
    policies: Sequence[Path],
    columns: tuple[str, str],
    measure: Callable[[Path], tuple[float, float, float] | None],
    target: float | Callable[[Path], float],
) -> int:
    """Print one row per policy (measured s, floor s, ratio, target) and the worst ratio; the exit code.

    ``measure`` returns :func:`compare`'s triple, or None when the run failed (it says why): exit 2.
    ``target`` is one ratio for every policy or a function giving each policy's. Exit 1 when a
    ratio is over its target, else 0.
    """
    target_of = target if callable(target) else (lambda _policy: float(target))
    print(f"{'policy':<28} {columns[0]:>8} {columns[1]:>8} {'ratio':>6} {'target':>6}")
    worst = 0.0
    over = False
    for policy in policies:
        timing = measure(policy)
        if timing is None:
            return 2
        measured, base, ratio = timing
        worst = max(worst, ratio)
        limit = target_of(policy)
        over = over or ratio > limit
        flag = "  over" if ratio > limit else ""
        print(f"{policy.name:<28} {measured:8.3f} {base:8.3f} {ratio:6.2f} {limit:6.1f}{flag}")
    print(f"worst ratio {worst:.2f}")
    return 1 if over else 0
