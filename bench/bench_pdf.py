"""Benchmark: a full ``auditor audit <example> --format pdf`` against ``python -c "import weasyprint"``.

Both are measured in the same run, interleaved, so machine load affects both alike. Target
(issue 4): the PDF audit takes at most 4x the bare import of weasyprint. Usage::

    python bench/bench_pdf.py [--runs 7] [--in-process] [--without-harfbuzz-subset] [POLICY ...]

``--in-process`` lays the PDF out in the auditor process itself (``AUDITOR_PDF_WORKER=0``) instead
of the worker that imports weasyprint while the audit runs; ``--without-harfbuzz-subset`` (implies
``--in-process``) makes weasyprint subset fonts with its fontTools fallback, as on a machine
without Debian's ``libharfbuzz-subset0``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, auditor_command, compare

TARGET = 4.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("policies", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--in-process", action="store_true", help="no worker process (AUDITOR_PDF_WORKER=0)")
    parser.add_argument("--without-harfbuzz-subset", action="store_true",
                        help="force weasyprint's fontTools subsetting (implies --in-process)")
    args = parser.parse_args()
    command = auditor_command()
    if args.in_process or args.without_harfbuzz_subset:
        os.environ["AUDITOR_PDF_WORKER"] = "0"
    if args.without_harfbuzz_subset:
        command = [sys.executable, "-c", "import sys, weasyprint.pdf.fonts as f; f.harfbuzz_subset = None; "
                   "from auditor.cli import main; sys.argv[0] = 'auditor'; main()"]
    policies = args.policies or sorted((REPO / "policies" / "examples").glob("*.yaml"))
    floor = [sys.executable, "-c", "import weasyprint"]
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"{'policy':<28} {'pdf s':>8} {'import s':>8} {'ratio':>6}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for policy in policies:
            target = Path(scratch) / f"{policy.stem}.pdf"
            audit = [*command, "audit", str(policy), "--format", "pdf", "-o", str(target),
                     "--date", "2026-11-22", "--fail-on", "none"]
            measured, base, ratio = compare(audit, floor, args.runs)
            if not target.is_file() or target.read_bytes()[:5] != b"%PDF-":
                print(f"{policy.name}: no PDF was written", file=sys.stderr)
                return 2
            worst = max(worst, ratio)
            print(f"{policy.name:<28} {measured:8.3f} {base:8.3f} {ratio:6.2f}")
    print(f"worst ratio {worst:.2f} (target <= {TARGET}); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
          f" on {os.cpu_count()} CPUs")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
