"""The corpus of malformed and hostile inputs (tests/data/bad/manifest.yaml) through the real CLI.

Every case runs twice as a subprocess of the installed console script (English and Japanese):
exit code 2, no traceback, the file (and line) named on stderr with the expected message, and
bounded cost: wall-clock and CPU time under 5 s, peak memory (the child's max RSS, from wait4)
under 500 MB. The runs are independent processes, so they are started in parallel once per session;
a run whose wall-clock time crosses the limit while its CPU time does not (the machine was busy) is
measured again on its own before it counts as slow.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor import exitcodes
from tests import hostile_channels
from tests.helpers import EXAMPLES, REPO, installed_script

CORPUS = REPO / "tests" / "data" / "bad"
MANIFEST: list[dict[str, Any]] = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))["cases"]
GOOD_POLICY = EXAMPLES / "alpha-town.yaml"

MAX_SECONDS = 5.0
MAX_RSS_MB = 500.0
HARD_TIMEOUT = 60.0
"""A run still going after this is killed (and fails): a hang must not stall the suite."""


@dataclass(frozen=True)
class Measured:
    """One finished run of the console script and what it cost."""

    argv: tuple[str, ...]
    code: int
    stderr: str
    stdout: str
    wall: float
    cpu: float
    max_rss_mb: float


def measure(argv: list[str], cwd: Path, env: dict[str, str]) -> Measured:
    """Run ``argv`` and take its exit status and resource usage from ``wait4`` (this child only)."""
    with open(os.devnull, "rb") as stdin, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=err, cwd=cwd, env=env)
        finished = threading.Event()

        def kill_if_hung() -> None:
            if not finished.wait(HARD_TIMEOUT):
                process.kill()

        watchdog = threading.Thread(target=kill_if_hung, daemon=True)
        watchdog.start()
        _, status, usage = os.wait4(process.pid, 0)
        finished.set()
        wall = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Measured(
            tuple(argv),
            process.returncode,
            err.read().decode("utf-8", "replace"),
            out.read().decode("utf-8", "replace"),
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
        )


def case_id(case: dict[str, Any]) -> str:
    return str(case["file"]).removesuffix(".yaml").replace("/MN-901", "")


def generate(case: dict[str, Any], directory: Path) -> Path:
    """Write a ``generate:`` case (prefix + repeat * times + suffix) into ``directory``."""
    spec = case["generate"]
    target = directory / case["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        stream.write(spec["prefix"].encode("utf-8"))
        chunk = spec["repeat"].encode("utf-8")
        remaining = int(spec["times"])
        block = max(1, (1 << 20) // len(chunk))
        while remaining:
            count = min(block, remaining)
            stream.write(chunk * count)
            remaining -= count
        stream.write(spec["suffix"].encode("utf-8"))
    return target


def commands(case: dict[str, Any], workdir: Path) -> tuple[str, list[list[str]]]:
    """How the file is named on stderr, and the two command lines (English, then Japanese)."""
    name = str(case["file"])
    script = installed_script()
    if name.startswith("made/"):
        return hostile_channels.prepare(case, made_directory(case, workdir), CORPUS, script, GOOD_POLICY)
    if name.startswith("generated/"):
        shown = str(generate(case, workdir))
    elif name.startswith("missing/"):
        shown = str(workdir / name)
    else:
        shown = name
    if name.startswith("rules/"):
        pack = str(Path(name).parent)
        return shown, [
            [script, "validate", shown, "--lang", "en"],
            [script, "audit", str(GOOD_POLICY), "--rules", pack],
        ]
    if name.startswith("packs/"):
        return str(case.get("names", name)), [
            [script, "audit", str(GOOD_POLICY), "--rules", name, "--lang", "en"],
            [script, "rules", "list", "--rules", name],
        ]
    return shown, [[script, "validate", shown, "--lang", "en"], [script, "audit", shown]]


def made_directory(case: dict[str, Any], workdir: Path) -> Path:
    """The directory of a ``made/`` case: its files, and nothing a refused run may change."""
    return workdir / "made" / case_id(case).replace("/", "--")


def _selected(request: pytest.FixtureRequest) -> set[str]:
    """The ids of the corpus cases this session will actually test (honours -k and node ids)."""
    chosen = set()
    for item in request.session.items:
        if getattr(item, "originalname", "") == "test_hostile_case":
            chosen.add(item.callspec.id)  # type: ignore[attr-defined]
    return chosen


@dataclass
class CorpusRuns:
    """The runs of every selected case, the environment they ran in (for a re-measure), and what
    each ``made/`` case's runs changed in its directory (nothing, when all is well)."""

    env: dict[str, str]
    results: dict[str, tuple[str, list[Measured]]]
    changed: dict[str, list[str]]


@pytest.fixture(scope="session")
def corpus_runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> CorpusRuns:
    """Every selected case's runs, executed in parallel once for the whole session."""
    workdir = tmp_path_factory.mktemp("hostile")
    env = {key: value for key, value in os.environ.items() if not key.startswith("AUDITOR_")}
    env["AUDITOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("rule-cache"))
    wanted = _selected(request)
    plans = {case_id(case): commands(case, workdir) for case in MANIFEST if case_id(case) in wanted}
    made = {case_id(case): made_directory(case, workdir) for case in MANIFEST if case_id(case) in plans}
    made = {key: directory for key, directory in made.items() if directory.is_dir()}
    before = {key: hostile_channels.snapshot(directory) for key, directory in made.items()}
    corpus_before = hostile_channels.snapshot(CORPUS)
    # Warm the rule cache once, so parallel runs measure the input, not a cold catalogue.
    measure([installed_script(), "audit", str(GOOD_POLICY)], CORPUS, env)
    jobs = [(key, argv) for key, (_, argvs) in plans.items() for argv in argvs]
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        done = list(pool.map(lambda job: (job[0], measure(job[1], CORPUS, env)), jobs))
    results: dict[str, tuple[str, list[Measured]]] = {key: (shown, []) for key, (shown, _) in plans.items()}
    for key, measured in done:
        results[key][1].append(measured)
    changed = {key: _differences(before[key], hostile_channels.snapshot(made[key])) for key in made}
    assert _differences(corpus_before, hostile_channels.snapshot(CORPUS)) == [], "the corpus itself was changed"
    return CorpusRuns(env, results, changed)


def _differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


@pytest.mark.parametrize("case", MANIFEST, ids=case_id)
def test_hostile_case(case: dict[str, Any], corpus_runs: CorpusRuns) -> None:
    shown, runs = corpus_runs.results[case_id(case)]
    line = case["line"]
    where = re.escape(shown) + (rf":{line}(:\d+)?: " if line is not None else ": ")
    assert len(runs) == 2
    assert corpus_runs.changed.get(case_id(case), []) == [], "a refused run changed files beside its input"
    if "audited" in case:  # a batch goes on past the unusable file: the good ones are still audited
        assert json.loads(runs[0].stdout)["summary"]["audited"] == case["audited"], runs[0].stderr
    for index, run in enumerate(runs):
        context = f"{' '.join(run.argv[1:])}\n--- stderr:\n{run.stderr[:2000]}"
        assert run.code == exitcodes.USAGE_OR_INPUT, context
        assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, context
        located = [text for text in run.stderr.splitlines() if re.search(where, text)]
        assert located, f"no stderr line names {where!r}\n{context}"
        if index == 0:  # the English run carries the expected message on that same line
            expected = case["message"] if isinstance(case["message"], list) else [case["message"]]
            assert any(m in text for m in expected for text in located), f"{expected!r} not in\n{context}"
        else:
            assert all(text.startswith("エラー: ") for text in run.stderr.splitlines()), context
        wall = run.wall
        if wall >= MAX_SECONDS and run.cpu < MAX_SECONDS:
            # Parallel runs (and anything else on the machine) compete for the CPUs; measure this
            # one again on its own before calling it slow. Its CPU time was in bounds regardless.
            wall = measure(list(run.argv), CORPUS, corpus_runs.env).wall
        assert wall < MAX_SECONDS, f"{wall:.2f} s wall\n{context}"
        assert run.cpu < MAX_SECONDS, f"{run.cpu:.2f} s CPU\n{context}"
        assert run.max_rss_mb < MAX_RSS_MB, f"{run.max_rss_mb:.0f} MB\n{context}"


def test_manifest_covers_the_whole_corpus() -> None:
    """Every file in the corpus has exactly one expectation, and every expectation a file."""
    listed = {str(case["file"]) for case in MANIFEST}
    assert len(listed) == len(MANIFEST), "a case is listed twice"
    on_disk = {p.relative_to(CORPUS).as_posix() for p in (CORPUS / "policies").iterdir()}
    on_disk |= {p.relative_to(CORPUS).as_posix() for p in (CORPUS / "rules").glob("*/*.yaml")}
    on_disk |= {p.relative_to(CORPUS).as_posix() for p in (CORPUS / "packs").iterdir()}
    expected_on_disk = {name for name in listed if name.split("/")[0] in ("policies", "rules", "packs")}
    assert expected_on_disk - on_disk == {"packs/missing-directory"}
    assert on_disk - expected_on_disk == set()
    assert len(MANIFEST) >= 60


def test_corpus_is_byte_exact() -> None:
    """Encodings are the point of several cases: git must not normalise them."""
    attributes = (REPO / ".gitattributes").read_text(encoding="utf-8")
    assert "tests/data/bad/** -text" in attributes
    assert (CORPUS / "policies" / "shift-jis.yaml").read_bytes().decode("cp932").startswith("# 例示市")
    assert b"\r\n" not in (CORPUS / "policies" / "tab-indentation.yaml").read_bytes()


def test_unsafe_tags_execute_nothing(tmp_path: Path) -> None:
    """The python/object cases would create a file if anything were executed."""
    marker = Path("/tmp/auditor-pwned")
    marker.unlink(missing_ok=True)
    for name in ("policies/python-object-apply.yaml", "rules/python-tag-in-check/MN-901.yaml"):
        done = subprocess.run([installed_script(), "validate", name], cwd=CORPUS, capture_output=True, check=False)
        assert done.returncode == exitcodes.USAGE_OR_INPUT
    assert not marker.exists()


def test_ansi_escapes_from_the_input_never_reach_the_terminal() -> None:
    done = subprocess.run(
        [installed_script(), "validate", "policies/ansi-escape-in-key.yaml"],
        cwd=CORPUS,
        capture_output=True,
        check=False,
    )
    assert done.returncode == exitcodes.USAGE_OR_INPUT
    assert b"\x1b" not in done.stderr and "\u202e".encode() not in done.stderr
    assert b"\\x1b[2J" in done.stderr


def test_interpreter_is_the_one_under_test() -> None:
    """Guard: the console script measured is this environment's, not another install on PATH."""
    assert Path(installed_script()).parent == Path(sys.executable).parent
