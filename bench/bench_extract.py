"""Benchmark of ``auditor extract``: precision, recall and over-compliance per document, speed and memory.

For every document of the corpus (``tests/data/documents``, built into its real format), the
installed ``auditor extract`` runs in a fresh process and its draft is compared with the
hand-written expected draft:

- precision: right values among the values set;
- recall: right values among the values the document settles (the expected ones);
- over-compliant: values set that pass a rule the text itself would fail (the one error that
  must never happen: the draft would claim more than the document says).

Documents marked ``split: heldout`` were written after the lexicon and never used to tune it.
``--pages 100`` also times a 100-page text PDF (made by repeating the corpus' PDF document).

Run:  python bench/bench_extract.py [--split tune|heldout] [--pages 100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from bench.extract_corpus import CorpusDocument, build, corpus

TARGETS = {"precision": 0.95, "recall": 0.80, "over_compliant": 0}


@dataclass(frozen=True)
class Score:
    """How one draft compares with its expected draft."""

    name: str
    split: str
    format: str
    expected: int
    set: int
    right: int
    over_compliant: int
    wrong: tuple[str, ...]
    missed: tuple[str, ...]
    seconds: float

    @property
    def precision(self) -> float:
        """Right values among the values set."""
        return self.right / self.set if self.set else 1.0

    @property
    def recall(self) -> float:
        """Right values among the values the document settles."""
        return self.right / self.expected if self.expected else 1.0


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Every set (non-null) leaf of policy data by dotted path; dates as ISO text."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "schema_version":
            continue
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        elif value is not None:
            out[f"{prefix}{key}"] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def nest(values: dict[str, Any]) -> dict[str, Any]:
    """Dotted paths back into nested policy data."""
    root: dict[str, Any] = {"schema_version": 1}
    for path, value in values.items():
        node = root
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return root


def over_compliant(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Paths whose extracted value passes a rule that the document's own value (or its silence) fails."""
    from auditor.extract.host import audit_fragment, rule_paths, rules_for_edition

    edition = str(expected.get("policy.guideline_edition", "R7.3"))
    rules = [rule for rule in rules_for_edition(edition) if rule.check is not None]
    found = []
    for path, value in got.items():
        if expected.get(path) == value:
            continue
        reading = [rule for rule in rules if path in rule_paths(rule)]
        if not reading:
            continue
        truth = dict(expected)
        claimed = {**expected, path: value}
        if path not in expected:
            truth.pop(path, None)
        today = dt.date(2026, 11, 22)
        before = audit_fragment(nest(truth), reading, edition, today)
        after = audit_fragment(nest(claimed), reading, edition, today)
        if any(after[rule.id][0] == "pass" and before[rule.id][0] != "pass" for rule in reading):
            found.append(path)
    return found


def score(document: CorpusDocument, directory: Path, executable: str) -> Score:
    """Build the document, run ``auditor extract`` on it, compare the draft with the expected one."""
    source = build(document, directory)
    draft = directory / f"{document.name}.draft.yaml"
    started = time.perf_counter()
    done = subprocess.run(
        [executable, "extract", str(source), *document.cli_options(), "-o", str(draft)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{document.name}: exit {done.returncode}: {done.stderr.strip()}")
    got = flatten(yaml.safe_load(draft.read_text(encoding="utf-8")))
    expected = document.expected
    right = sum(1 for path, value in got.items() if expected.get(path) == value)
    wrong = tuple(
        f"{path}={got[path]!r} (expected {expected.get(path)!r})" for path in got if expected.get(path) != got[path]
    )
    missed = tuple(path for path in expected if path not in got)
    return Score(
        document.name,
        document.split,
        document.format,
        len(expected),
        len(got),
        right,
        len(over_compliant(expected, got)),
        wrong,
        missed,
        seconds,
    )


def big_pdf(directory: Path, pages: int) -> Path:
    """A text PDF of about ``pages`` pages: the corpus' PDF document repeated, with page breaks."""
    import weasyprint

    from bench.extract_corpus import FONT, _blocks, _html_body

    source = next(document for document in corpus() if document.format == "pdf")
    body = _html_body(_blocks(source.body), paged=True)
    style = (
        f"@font-face {{ font-family: J; src: url('{FONT.as_uri()}') }} body {{ font-family: J; "
        "font-size: 10.5pt }} @page { size: A4; margin: 20mm }"
    )
    copies = max(1, round(pages / 2))  # the document lays out on two pages
    html = f"<html><head><style>{style}</style></head><body>{body * copies}</body></html>"
    target = directory / f"big-{pages}.pdf"
    weasyprint.HTML(string=html).write_pdf(target)
    return target


def time_big(executable: str, directory: Path, pages: int) -> tuple[int, float, float]:
    """(pages, seconds, peak MiB) for one extract of a ``pages``-page PDF in a fresh process."""
    from pypdf import PdfReader

    target = big_pdf(directory, pages)
    count = len(PdfReader(target).pages)
    command = [
        executable,
        "extract",
        str(target),
        "--entity-code",
        "139998",
        "--model",
        "beta",
        "--edition",
        "R7.3",
        "-o",
        str(directory / "big.yaml"),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"big PDF: exit {done.returncode}: {done.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return count, seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "heldout"], default=None)
    parser.add_argument("--pages", type=int, default=0, help="also time a PDF of about this many pages")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    executable = str(Path(sys.executable).with_name("auditor"))
    if not Path(executable).exists():
        executable = shutil.which("auditor") or "auditor"
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        scores = [score(document, directory, executable) for document in corpus(args.split)]
        big = time_big(executable, directory, args.pages) if args.pages else None
    if args.json:
        print(
            json.dumps(
                [{**score.__dict__, "precision": score.precision, "recall": score.recall} for score in scores],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    header = ("document", "split", "format", "set", "exp", "prec", "recall", "over", "s")
    print(f"{header[0]:28} {header[1]:8} {header[2]:6} " + " ".join(f"{h:>6}" for h in header[3:]))
    for item in scores:
        print(
            f"{item.name:28} {item.split:8} {item.format:6} {item.set:4} {item.expected:4} "
            f"{item.precision:6.3f} {item.recall:6.3f} {item.over_compliant:4} {item.seconds:5.2f}"
        )
        for line in (*item.wrong, *(f"missed {path}" for path in item.missed)):
            print(f"    {line}")
    for split in ("tune", "heldout"):
        chosen = [item for item in scores if item.split == split]
        if chosen:
            right = sum(item.right for item in chosen)
            set_count = sum(item.set for item in chosen)
            expected = sum(item.expected for item in chosen)
            over = sum(item.over_compliant for item in chosen)
            print(
                f"{'all ' + split:28} {'':8} {'':6} {set_count:4} {expected:4} {right / set_count:6.3f} "
                f"{right / expected:6.3f} {over:4}"
            )
    if big is not None:
        print(
            f"{big[0]}-page text PDF: {big[1]:.2f} s whole process, peak RSS {big[2]:.0f} MiB (target ≤ 5 s, ≤ 500 MB)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
