"""Benchmark: ``auditor audit <example> --format json`` against the floor of parsing the same file.

Floor: ``python -c "import yaml; yaml.safe_load(open(<example>))"``, measured in the same run.
Target: at most 5x the floor. Usage::

    python bench/bench_audit.py [--runs 15] [POLICY ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import auditor_command, compare, example_policies, policy_arguments, ratio_table

TARGET = 5.0


def main() -> int:
    args = policy_arguments(__doc__, runs=15).parse_args()

    def measure(policy: Path) -> tuple[float, float, float]:
        audit = [*auditor_command(), "audit", str(policy), "--format", "json", "--date", "2026-11-22"]
        floor = [sys.executable, "-c", f"import yaml; yaml.safe_load(open({str(policy)!r}, encoding='utf-8'))"]
        return compare(audit, floor, args.runs)

    return ratio_table(example_policies(args.policies), ("audit s", "floor s"), measure, TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
