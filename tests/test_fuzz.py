"""A short fuzz run of the loader, engine and reporters (bench/fuzz.py) must find nothing.

The long runs recorded in docs/errors.md use the same code: ``python bench/fuzz.py --iterations N``.
"""

from __future__ import annotations

import os

import pytest

import auditor.audit.engine
from bench.fuzz import fuzz

ITERATIONS = int(os.environ.get("AUDITOR_FUZZ_ITERATIONS", "600"))
SEED = int(os.environ.get("AUDITOR_FUZZ_SEED", "20261122"))


@pytest.mark.slow
def test_fuzzing_finds_no_crash_and_no_hang() -> None:
    report = fuzz(ITERATIONS, SEED, slow=5.0)
    first = report.crashes[0][1] if report.crashes else ""
    assert report.crashes == [], f"seed {SEED}: {len(report.crashes)} crashes; first:\n{first}"
    assert [seconds for _, seconds in report.hangs] == [], f"seed {SEED}"
    assert report.iterations == ITERATIONS
    # The run reached every layer: broken bytes and YAML, schema errors, valid rules and full audits.
    kinds = set(report.kinds)
    assert "audited" in kinds and "valid rule" in kinds
    assert any(kind.startswith("input error: YAML syntax") for kind in kinds)
    assert sum(count for kind, count in report.kinds.items() if kind.startswith("input error")) > ITERATIONS // 4


def test_the_fuzzer_reports_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guard against a fuzzer that cannot fail: an engine bug must show up as a crash."""

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("engine bug")

    monkeypatch.setattr(auditor.audit.engine, "audit", broken)
    report = fuzz(60, SEED, slow=5.0)
    assert report.crashes, report.kinds
    assert "ZeroDivisionError: engine bug" in report.crashes[0][1]
