"""Benchmark: ``auditor audit <example> --format json`` against the floor of parsing the same file.

Floor: ``python -c "import yaml; yaml.safe_load(open(<example>))"``, measured in the same run.
Target (issue 2): at most 5x the floor. Usage::

    python bench/bench_audit.py [--runs 15] [POLICY ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, auditor_command, compare

TARGET = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("policies", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    policies = args.policies or sorted((REPO / "policies" / "examples").glob("*.yaml"))
    print(f"{'policy':<28} {'audit s':>8} {'floor s':>8} {'ratio':>6}")
    worst = 0.0
    for policy in policies:
        audit = [*auditor_command(), "audit", str(policy), "--format", "json", "--date", "2026-11-22"]
        floor = [sys.executable, "-c", f"import yaml; yaml.safe_load(open({str(policy)!r}, encoding='utf-8'))"]
        measured, base, ratio = compare(audit, floor, args.runs)
        worst = max(worst, ratio)
        print(f"{policy.name:<28} {measured:8.3f} {base:8.3f} {ratio:6.2f}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
