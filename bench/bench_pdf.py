"""Benchmark: a full ``auditor audit <policy> --format pdf`` against ``python -c "import weasyprint"``.

Every PDF and the floor are measured in the same run, interleaved, so machine load affects both
alike. Besides the example policies (target: at most 4x the bare import of weasyprint), the worst
realistic cases of :mod:`bench.worst_case`: a policy declaring only its header, so nearly every
rule fails as 未宣言 (target 3x), and one declaring every value wrong (one finding card per rule;
target 4x). Usage::

    python bench/bench_pdf.py [--runs 7] [--no-worst] [--in-process] [--without-harfbuzz-subset] [POLICY ...]

``--in-process`` lays the PDF out in the auditor process itself (``AUDITOR_PDF_WORKER=0``) instead
of the worker that imports weasyprint while the audit runs; ``--without-harfbuzz-subset`` (implies
``--in-process``) makes weasyprint subset fonts with its fontTools fallback, as on a machine
without Debian's ``libharfbuzz-subset0``. ``--no-worst`` measures the given (or example) policies only.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import auditor_command, compare, example_policies, policy_arguments, ratio_table
from bench.worst_case import contrary_policy, undeclared_policy

TARGET = 4.0
UNDECLARED_TARGET = 3.0


def main() -> int:
    parser = policy_arguments(__doc__, runs=7)
    parser.add_argument("--no-worst", action="store_true", help="leave out the worst-case policies")
    parser.add_argument("--in-process", action="store_true", help="no worker process (AUDITOR_PDF_WORKER=0)")
    parser.add_argument(
        "--without-harfbuzz-subset",
        action="store_true",
        help="force weasyprint's fontTools subsetting (implies --in-process)",
    )
    args = parser.parse_args()
    command = auditor_command()
    if args.in_process or args.without_harfbuzz_subset:
        os.environ["AUDITOR_PDF_WORKER"] = "0"
    if args.without_harfbuzz_subset:
        command = [
            sys.executable,
            "-c",
            "import sys, weasyprint.pdf.fonts as f; f.harfbuzz_subset = None; "
            "from auditor.cli import main; sys.argv[0] = 'auditor'; main()",
        ]
    floor = [sys.executable, "-c", "import weasyprint"]
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as scratch:
        policies = example_policies(args.policies)
        undeclared = undeclared_policy(Path(scratch))
        if not args.no_worst:
            policies += [undeclared, contrary_policy(Path(scratch))]

        def measure(policy: Path) -> tuple[float, float, float] | None:
            target = Path(scratch) / f"{policy.stem}.pdf"
            audit = [
                *command,
                "audit",
                str(policy),
                "--format",
                "pdf",
                "-o",
                str(target),
                "--date",
                "2026-11-22",
                "--fail-on",
                "none",
            ]
            timing = compare(audit, floor, args.runs)
            if not target.is_file() or target.read_bytes()[:5] != b"%PDF-":
                print(f"{policy.name}: no PDF was written", file=sys.stderr)
                return None
            return timing

        code = ratio_table(
            policies, ("pdf s", "import s"), measure, lambda p: UNDECLARED_TARGET if p == undeclared else TARGET
        )
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
