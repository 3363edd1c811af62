"""Benchmark: ``auditor batch`` on the synthetic national data set against the floor of parsing it.

Floor: one Python process that parses every file of the data set with ``yaml.safe_load`` (what
the target names), measured in the same run, interleaved with the batch so machine load affects
both alike. A stricter reference, libyaml's ``CSafeLoader``, is shown too. Target: the batch
(``--format json``) takes at most 3x the floor. Also measured: what loading the rule catalogue
costs, against handing the already validated rules to a worker process (pickle round trip).

Usage::

    python bench/bench_batch.py                        # generate 1,788 bodies in a temporary directory
    python bench/bench_batch.py --data /tmp/national   # reuse (or create) a data set there
    python bench/bench_batch.py --count 200 --runs 5   # smaller, quicker
    python bench/bench_batch.py --count 50 --formats json,pdf --jobs 1   # the PDF comparison too
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import auditor_command
from bench.national import generate

TARGET = 3.0
AUDIT_DATE = "2026-11-22"

_FLOOR = """
import sys, pathlib, yaml
loader = getattr(yaml, sys.argv[2])
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, encoding="utf-8") as stream:
        yaml.load(stream, Loader=loader)
"""


def batch_command() -> list[str]:
    """The console script of the interpreter running this benchmark, else whatever PATH finds."""
    beside = Path(sys.executable).with_name("auditor")
    return [str(beside)] if beside.exists() else auditor_command()


def run(command: Sequence[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the process and its children) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if process.returncode not in (0, 1):  # 1: findings, expected on this data set
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime


def catalogue_costs(repeat: int = 5) -> dict[str, float]:
    """Milliseconds: validating the catalogue from YAML, from the cache, and a pickle round trip."""
    from auditor.rules.catalogue import load_catalogue

    def best(action: object) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            action()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times) * 1000

    catalogue = load_catalogue()
    rules = catalogue.for_edition(catalogue.newest_edition())
    return {
        "rules": len(rules),
        "validate_yaml_ms": best(lambda: load_catalogue(use_cache=False)),
        "validate_cached_ms": best(lambda: load_catalogue()),
        "pickle_round_trip_ms": best(lambda: pickle.loads(pickle.dumps(rules))),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=None, help="data set directory (generated when empty)")
    parser.add_argument("--count", type=int, default=None, help="bodies to generate (default: all 1,788)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure")
    parser.add_argument("--formats", default="json", help="comma-separated batch formats to measure (json first)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as scratch:
        data = args.data or Path(scratch) / "national"
        files = sorted(data.rglob("*.yaml")) if data.is_dir() else []
        if not files:
            print(f"generating the data set in {data} ...", file=sys.stderr)
            files = generate(data, args.count)
        size = sum(path.stat().st_size for path in files)
        output = Path(scratch) / "batch.json"
        commands: dict[str, list[str]] = {
            "floor: yaml.safe_load": [sys.executable, "-c", _FLOOR, str(data), "SafeLoader"],
            "reference: CSafeLoader": [sys.executable, "-c", _FLOOR, str(data), "CSafeLoader"],
        }
        formats = [name.strip() for name in args.formats.split(",") if name.strip()]
        for fmt in formats:
            for jobs in args.jobs.split(","):
                name = f"auditor batch --jobs {jobs}" + ("" if fmt == "json" else f" --format {fmt}")
                commands[name] = [
                    *batch_command(),
                    "batch",
                    str(data),
                    "--format",
                    fmt,
                    "-o",
                    str(output.with_suffix(f".{fmt}")),
                    "--date",
                    AUDIT_DATE,
                    "--jobs",
                    jobs,
                ]
        for command in commands.values():  # warm the page cache and .pyc files
            run(command)
        if "json" in formats:
            summary = json.loads(output.read_text(encoding="utf-8"))["summary"]
            if summary["audited"] != len(files) or summary["unusable"]:
                raise SystemExit(f"the batch did not audit every file: {summary}")
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved: load on the machine affects every command alike
            for name, command in commands.items():
                wall, cpu = run(command)
                walls[name].append(wall)
                cpus[name].append(cpu)
    floor = statistics.median(walls["floor: yaml.safe_load"])
    print(
        f"data set: {len(files)} files, {size / 1e6:.1f} MB; median of {args.runs} interleaved runs; "
        f"{os.cpu_count()} CPUs"
    )
    print()
    print("| command | wall s | CPU s | wall / floor |")
    print("| --- | ---: | ---: | ---: |")
    for name in commands:
        wall = statistics.median(walls[name])
        print(f"| {name} | {wall:.2f} | {statistics.median(cpus[name]):.2f} | {wall / floor:.2f} |")
    costs = catalogue_costs()
    print()
    print(
        f"catalogue ({costs['rules']:.0f} rules): validated from YAML {costs['validate_yaml_ms']:.1f} ms, "
        f"from the rule cache {costs['validate_cached_ms']:.1f} ms; "
        f"pickle round trip to a worker {costs['pickle_round_trip_ms']:.2f} ms"
    )
    # The target is about auditing (the JSON comparison); a PDF adds its layout on top.
    worst = max(
        statistics.median(walls[name]) / floor
        for name in commands
        if name.startswith("auditor") and "--format" not in name
    )
    print(f"worst batch ratio {worst:.2f} (target <= {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
