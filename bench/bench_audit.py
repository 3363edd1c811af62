"""Benchmark: ``auditor audit <policy> --format json`` against the floor of parsing the same file.

Floor: ``python -c "import yaml; yaml.safe_load(open(<policy>))"``, measured in the same run.
Target: at most 5x the floor, for the examples and for the worst realistic cases of
:mod:`bench.worst_case` (a policy declaring only its header; the compliant example with every value
made wrong), unless ``--no-worst``. Usage::

    python bench/bench_audit.py [--runs 15] [--no-worst] [POLICY ...]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import auditor_command, compare, example_policies, policy_arguments, ratio_table
from bench.worst_case import contrary_policy, undeclared_policy

TARGET = 5.0


def main() -> int:
    parser = policy_arguments(__doc__, runs=15)
    parser.add_argument("--no-worst", action="store_true", help="leave out the worst-case policies")
    args = parser.parse_args()

    def measure(policy: Path) -> tuple[float, float, float]:
        audit = [*auditor_command(), "audit", str(policy), "--format", "json", "--date", "2026-11-22"]
        floor = [sys.executable, "-c", f"import yaml; yaml.safe_load(open({str(policy)!r}, encoding='utf-8'))"]
        return compare(audit, floor, args.runs)

    with tempfile.TemporaryDirectory() as scratch:
        policies = example_policies(args.policies)
        if not args.no_worst:
            policies += [undeclared_policy(Path(scratch)), contrary_policy(Path(scratch))]
        return ratio_table(policies, ("audit s", "floor s"), measure, TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
