"""``auditor batch`` end to end, on a small synthetic data set made by ``bench/national.py``.

The comparison is checked against an independent recomputation from ``auditor audit --format
json`` of each file, so the matrix, the most-failed list and the ranking are what the single
audits say; the structured formats are parsed, never grepped.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli, run_installed, template_policy

BODIES = 50
EVALUATED = {"pass", "fail", "waived", "error"}


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50 generated policies spread over the country, in ``<PP>/<code>.yaml``."""
    directory = tmp_path_factory.mktemp("national")
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "national.py"), str(directory), "--count", str(BODIES)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return directory


@pytest.fixture(scope="module")
def batch_json(national: Path) -> dict[str, Any]:
    result = run_cli("batch", national, "--format", "json", "--date", AUDIT_DATE, "--jobs", "1")
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.fixture(scope="module")
def single_audits(national: Path) -> dict[str, dict[str, Any]]:
    """Each file audited on its own, keyed by file name as the batch reports it."""
    audits = {}
    for path in sorted(national.rglob("*.yaml")):
        result = run_cli("audit", path, "--format", "json", "--date", AUDIT_DATE)
        audits[str(path)] = json.loads(result.stdout)
    return audits


def _console_script() -> str:
    """The installed ``auditor`` beside this interpreter (as ``run_installed`` uses it)."""
    beside = Path(sys.executable).with_name("auditor")
    return str(beside) if beside.exists() else (shutil.which("auditor") or "auditor")


def _expected_cell(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    evaluated = [o for o in outcomes if o["status"] in EVALUATED]
    passed = sum(1 for o in evaluated if o["status"] == "pass")
    must_failed = [o for o in evaluated if o["status"] in ("fail", "error") and o["level"] == "must"]
    return {
        "evaluated": len(evaluated),
        "passed": passed,
        "rate": round(passed / len(evaluated), 4) if evaluated else None,
        "must_failed": len(must_failed),
        "urgent": sum(1 for o in must_failed if o["severity"] in ("critical", "high")),
    }


def test_matrix_agrees_with_auditing_each_file_alone(
    batch_json: dict[str, Any], single_audits: dict[str, dict[str, Any]]
) -> None:
    assert batch_json["kind"] == "auditor.batch"
    assert batch_json["summary"]["files"] == BODIES
    assert batch_json["summary"]["audited"] == BODIES
    assert batch_json["unusable"] == []
    areas = [chapter["area"] for chapter in batch_json["chapters"]]
    assert {"basic_policy", "resilience"} <= set(areas)
    rows = {row["file"]: row for row in batch_json["matrix"]}
    assert set(rows) == set(single_audits)
    for file, single in single_audits.items():
        row = rows[file]
        assert row["entity"] == single["policy"]["entity"]
        assert row["network_model"] == single["policy"]["network_model"]
        assert row["must_compliance_rate"] == single["summary"]["must_compliance_rate"]
        for area in areas:
            expected = _expected_cell([o for o in single["outcomes"] if o["area"] == area])
            assert {key: row["chapters"][area][key] for key in expected} == expected, (file, area)
        expected_total = _expected_cell(single["outcomes"])
        assert {key: row["total"][key] for key in expected_total} == expected_total
    codes = [row["entity"]["code"] for row in batch_json["matrix"]]
    assert codes == sorted(codes)


def test_the_data_set_has_gaps_of_every_kind(batch_json: dict[str, Any]) -> None:
    # Otherwise the other tests would prove little: some rows comply fully, most do not.
    models = Counter(row["network_model"] for row in batch_json["matrix"])
    assert len(models) >= 3
    assert any(row["total"]["urgent"] for row in batch_json["matrix"])
    assert any(row["entity"]["type"] == "prefecture" for row in batch_json["matrix"])
    assert len(batch_json["most_failed"]) >= 5


def test_most_failed_and_ranking_agree_with_single_audits(
    batch_json: dict[str, Any], single_audits: dict[str, dict[str, Any]]
) -> None:
    failed: Counter[str] = Counter()
    evaluated: Counter[str] = Counter()
    for single in single_audits.values():
        for outcome in single["outcomes"]:
            evaluated[outcome["rule_id"]] += outcome["status"] in EVALUATED
            failed[outcome["rule_id"]] += outcome["status"] in ("fail", "error")
    reported = {item["rule_id"]: item for item in batch_json["most_failed"]}
    assert set(reported) == {rule_id for rule_id, count in failed.items() if count}
    for rule_id, item in reported.items():
        assert (item["failed"], item["evaluated"]) == (failed[rule_id], evaluated[rule_id])
        assert len(item["codes"]) == item["failed"]
    counts = [item["failed"] for item in batch_json["most_failed"]]
    assert counts == sorted(counts, reverse=True)

    ranking = batch_json["ranking"]
    assert len(ranking) == BODIES
    keys = [(r["urgent"], r["critical"], r["must_failed"]) for r in ranking]
    assert keys == sorted(keys, reverse=True)
    assert ranking[0]["rank"] == 1
    for before, after in itertools.pairwise(ranking):
        tied = (before["urgent"], before["critical"], before["must_failed"]) == (
            after["urgent"],
            after["critical"],
            after["must_failed"],
        )
        assert after["rank"] == (before["rank"] if tied else ranking.index(after) + 1)


def test_csv_carries_the_same_matrix(national: Path, batch_json: dict[str, Any]) -> None:
    result = run_cli("batch", national, "--format", "csv", "--date", AUDIT_DATE)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == BODIES
    by_file = {row["file"]: row for row in batch_json["matrix"]}
    ranks = {row["file"]: row["rank"] for row in batch_json["ranking"]}
    for line in rows:
        expected = by_file[line["file"]]
        assert line["code"] == expected["entity"]["code"]
        assert int(line["rank"]) == ranks[line["file"]]
        assert int(line["must_failed"]) == expected["total"]["must_failed"]
        for area, cell in expected["chapters"].items():
            rate = line[f"{area}_rate"]
            assert (float(rate) if rate else None) == cell["rate"]
            assert int(line[f"{area}_must_failed"]) == cell["must_failed"]


def test_unusable_files_are_reported_and_the_rest_still_audited(national: Path, tmp_path: Path) -> None:
    batch_dir = tmp_path / "batch"
    shutil.copytree(national, batch_dir)
    broken = batch_dir / "99" / "broken-syntax.yaml"
    broken.parent.mkdir()
    broken.write_text("entity:\n  name: 壊れ市\n  code: [\n", encoding="utf-8")
    sjis = batch_dir / "99" / "sjis.yaml"
    sjis.write_bytes("entity:\n  name: 文字化け町\n".encode("cp932"))
    some = sorted(national.rglob("*.yaml"))[3]
    bad_code = batch_dir / "99" / "bad-code.yaml"
    text = some.read_text(encoding="utf-8")
    code = next(
        line.split(":", 1)[1].strip().strip("'\"") for line in text.splitlines() if line.strip().startswith("code:")
    )
    wrong = code[:5] + str((int(code[5]) + 1) % 10)
    bad_code.write_text(text.replace(code, wrong, 1), encoding="utf-8")

    result = run_cli("batch", batch_dir, "--format", "json", "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT
    document = json.loads(result.stdout)
    assert document["summary"]["audited"] == BODIES
    assert document["summary"]["unusable"] == 3
    unusable = {item["file"]: item["problems"] for item in document["unusable"]}
    assert set(unusable) == {str(broken), str(sjis), str(bad_code)}
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("エラー:")]
    assert len(error_lines) == 3  # one line per unusable file, naming file and line
    for path in (broken, sjis, bad_code):
        line = next(line for line in error_lines if f"{path}:" in line)
        assert line.split(f"{path}:", 1)[1].split(":", 1)[0].isdigit(), line
        assert "Traceback" not in result.stderr
    assert unusable[str(bad_code)][0]["line"] is not None


def test_output_does_not_depend_on_jobs(national: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2", "3"):
        target = tmp_path / f"jobs{jobs}"
        result = run_installed(
            "batch",
            national,
            "--format",
            "json,csv,xlsx,table",
            "-o",
            target / "batch",
            "--date",
            AUDIT_DATE,
            "--jobs",
            jobs,
            cwd=None,
        )
        assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
        outputs[jobs] = {path.name: path.read_bytes() for path in sorted(target.iterdir())}
    assert sorted(outputs["1"]) == ["batch.csv", "batch.json", "batch.txt", "batch.xlsx"]
    assert outputs["1"] == outputs["2"] == outputs["3"]


def test_exit_code_follows_the_gate(national: Path, batch_json: dict[str, Any]) -> None:
    assert batch_json["summary"]["failed"] > 0
    assert run_cli("batch", national, "--format", "json", "--date", AUDIT_DATE).code == exitcodes.FINDINGS
    assert (
        run_cli("batch", national, "--format", "json", "--date", AUDIT_DATE, "--fail-on", "none").code == exitcodes.OK
    )


def test_table_report(national: Path, batch_json: dict[str, Any]) -> None:
    result = run_cli("batch", national, "--date", AUDIT_DATE, "--top", "5", "--lang", "en")
    text = result.stdout
    for heading in (
        "■ Comparison matrix",
        "■ Requirements most often failed (top 5)",
        "■ Bodies ranked by urgent gaps (top 5)",
    ):
        assert heading in text
    matrix = text.split("■ Comparison matrix", 1)[1].split("\n\n", 1)[0]
    codes = [row["entity"]["code"] for row in batch_json["matrix"]]
    assert sum(1 for line in matrix.splitlines() if any(f"  {code}  " in line for code in codes)) == BODIES
    ranking = text.split("■ Bodies ranked by urgent gaps", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(ranking) == 1 + 2 + 5  # heading, column titles and rule, five bodies
    assert "Result: 50 of 50 files audited" in text


def test_xlsx_matrix_is_a_heat_map(national: Path, tmp_path: Path, batch_json: dict[str, Any]) -> None:
    import openpyxl

    target = tmp_path / "batch.xlsx"
    run_cli("batch", national, "--format", "xlsx", "-o", target, "--date", AUDIT_DATE)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [
        "比較表",
        "不適合の多い要件",
        "緊急の不備ランキング",
        "監査できなかったファイル",
        "この報告について",
    ]
    sheet = book["比較表"]
    header = [cell.value for cell in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == BODIES
    first = batch_json["matrix"][0]
    assert rows[0][0] == first["entity"]["code"]
    total_column = header.index("全体")
    assert rows[0][total_column] == first["total"]["rate"]
    assert sheet.cell(row=2, column=total_column + 1).number_format == "0%"
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert rules and all(rule.type == "colorScale" for rule in rules)


def test_per_policy_reports_are_the_single_audit_reports(
    national: Path, tmp_path: Path, single_audits: dict[str, dict[str, Any]]
) -> None:
    reports = tmp_path / "reports"
    result = run_installed(
        "batch",
        national,
        "--format",
        "csv",
        "-o",
        tmp_path / "batch.csv",
        "--date",
        AUDIT_DATE,
        "--per-policy-reports",
        reports,
        "--per-policy-format",
        "json",
        "--jobs",
        "2",
    )
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    written = sorted(reports.iterdir())
    assert len(written) == BODIES
    for file, single in single_audits.items():
        report = json.loads((reports / f"{Path(file).stem}.json").read_text(encoding="utf-8"))
        assert report == single


def test_globs_duplicates_and_missing_paths(national: Path) -> None:
    pattern = str(national / "1*" / "*.yaml")
    expected = sorted(str(p) for p in national.glob("1*/*.yaml"))
    missing = str(national / "nowhere")
    result = run_cli("batch", pattern, national / "13", missing, "--format", "json", "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT
    document = json.loads(result.stdout)
    assert sorted(row["file"] for row in document["matrix"]) == expected  # Tokyo's files counted once
    assert f"{missing}: " in result.stderr


def test_nothing_to_audit_and_unknown_format(tmp_path: Path) -> None:
    result = run_cli("batch", tmp_path)
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert str(tmp_path) in result.stderr and "Traceback" not in result.stderr
    result = run_cli("batch", tmp_path, "--format", "docx")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert "docx" in result.stderr


def test_progress_bar_only_on_a_terminal(national: Path, tmp_path: Path) -> None:
    import os
    import pty

    executable = _console_script()
    command = [
        executable,
        "batch",
        str(national),
        "--format",
        "json",
        "-o",
        str(tmp_path / "b.json"),
        "--date",
        AUDIT_DATE,
        "--jobs",
        "1",
    ]
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=follower, timeout=120, check=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode in (exitcodes.OK, exitcodes.FINDINGS)
    assert f"{BODIES}/{BODIES}" in terminal and "\r" in terminal

    piped = run_installed(*command[1:])
    assert "\r" not in piped.stderr and f"/{BODIES}" not in piped.stderr


def test_generated_codes_are_valid_and_national_counts_right() -> None:
    import importlib.util

    from auditor.policy import code_check_digit

    spec = importlib.util.spec_from_file_location("bench_national", REPO / "bench" / "national.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    bodies = module.bodies()
    assert len(bodies) == 1788
    assert len({body.code for body in bodies}) == 1788
    assert all(int(body.code[5]) == code_check_digit(body.code[:5]) for body in bodies)
    kinds = Counter(body.kind for body in bodies)
    assert kinds["prefecture"] == 47 and kinds["designated"] == 20 and kinds["ward"] == 23
    assert kinds["city"] + kinds["designated"] == 792
    assert all((body.code[2:5] == "000") == (body.kind == "prefecture") for body in bodies)


def test_ctrl_c_stops_the_workers_at_once(national: Path, tmp_path: Path) -> None:
    import os
    import signal
    import time

    many = tmp_path / "many"
    for copy in range(20):  # 1,000 files: several seconds of work, interrupted after one
        shutil.copytree(national, many / f"copy{copy:02d}")
    output = tmp_path / "batch.json"
    executable = _console_script()
    process = subprocess.Popen(
        [executable, "batch", str(many), "--format", "json", "-o", str(output), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal would deliver it
    )
    time.sleep(1.5)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group, workers included
    interrupted = time.monotonic()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == exitcodes.INTERRUPTED
    assert time.monotonic() - interrupted < 10
    assert "Traceback" not in stderr.decode()
    assert not output.exists()  # no partial report


def test_batch_gate_agrees_with_the_audit_gate(tmp_path: Path) -> None:
    # The same policies gate alike whether audited one by one or as a batch, for every threshold.
    from auditor.audit.gate import FAIL_ON_CHOICES

    policies = sorted(EXAMPLES.glob("*.yaml"))
    seen = set()
    for fail_on in FAIL_ON_CHOICES:
        for level in (None, "must"):
            extra = ["--fail-on", fail_on, *(["--fail-on-level", level] if level else [])]
            single = run_cli("audit", *policies, "--format", "json", "--date", AUDIT_DATE, *extra)
            batch = run_cli("batch", EXAMPLES, "--format", "json", "--date", AUDIT_DATE, *extra)
            assert batch.code == single.code, (fail_on, level, batch.stderr)
            seen.add(single.code)
    assert seen == {exitcodes.OK, exitcodes.FINDINGS}  # the examples exercise both outcomes


class _Page(HTMLParser):
    """Collects the heat map's cells, script elements and every URL-bearing attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str]]] = []
        self.scripts = 0
        self.urls: list[str] = []
        self.csp: str | None = None
        self._in_heatmap = False
        self._cell: list[str] | None = None
        self._cell_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href", "action"):
            if values.get(name) and not str(values[name]).startswith("#"):
                self.urls.append(str(values[name]))
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content")
        if tag == "table" and "heatmap" in (values.get("class") or ""):
            self._in_heatmap = True
        if self._in_heatmap and tag == "tr":
            self.rows.append([])
        if self._in_heatmap and tag in ("td", "th"):
            self._cell = []
            self._cell_class = values.get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_heatmap = False
        if self._in_heatmap and tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell).strip(), self._cell_class))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_html_heat_map_matches_the_matrix(national: Path, batch_json: dict[str, Any]) -> None:
    result = run_cli("batch", national, "--format", "html", "--date", AUDIT_DATE)
    page = _parse(result.stdout)
    header, *rows = page.rows
    areas = [chapter["area"] for chapter in batch_json["chapters"]]
    assert [text for text, _ in header[3 : 3 + len(areas)]] == [c["short"] for c in batch_json["chapters"]]
    assert len(rows) == BODIES
    for cells, expected in zip(rows, batch_json["matrix"], strict=True):
        assert cells[1][0] == expected["entity"]["code"]
        for (text, css), area in zip(cells[3 : 3 + len(areas)], areas, strict=True):
            rate = expected["chapters"][area]["rate"]
            must_failed = expected["chapters"][area]["must_failed"]
            if rate is None:
                assert "heat-none" in css.split()
                continue
            bucket = min(10, math.floor(rate * 10 + 1e-9))
            assert f"heat-{bucket}" in css.split(), (expected["file"], area, rate, css)
            assert text == f"{rate * 100:.0f}%" + (str(must_failed) if must_failed else "")
    assert page.scripts == 0
    assert page.urls == []
    assert page.csp is not None and "default-src 'none'" in page.csp


def test_hostile_names_are_escaped(tmp_path: Path) -> None:
    policy = (EXAMPLES / "alpha-town.yaml").read_text(encoding="utf-8")
    hostile = "<script>alert(1)</script><img src=file:///etc/passwd>"
    name_line = next(line for line in policy.splitlines() if line.strip().startswith("name:"))
    target = tmp_path / "hostile.yaml"
    target.write_text(policy.replace(name_line, f"  name: '{hostile}'", 1), encoding="utf-8")
    result = run_cli("batch", target, "--format", "html", "--date", AUDIT_DATE)
    page = _parse(result.stdout)
    assert page.scripts == 0 and page.urls == []
    assert [row[0][0] for row in page.rows[1:]] == [hostile]  # shown as text, not markup


def test_csv_cells_from_policies_never_become_formulas(tmp_path: Path) -> None:
    """A policy named like a formula is shown as text by a spreadsheet (OWASP CSV injection)."""
    folder = tmp_path / "policies"
    folder.mkdir()
    template_policy(folder, {"entity.name": '=HYPERLINK("http://evil.example","x")'})
    template_policy(folder, {"entity.name": "@SUM(1+1)"})
    template_policy(folder, {"entity.name": "みどり市"})
    result = run_cli("batch", folder, "--format", "csv", "--date", AUDIT_DATE, "--fail-on", "none")
    assert result.code == exitcodes.OK, result.stderr
    names = sorted(row["name"] for row in csv.DictReader(io.StringIO(result.stdout)))
    assert names == ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(1+1)", "みどり市"]

    import openpyxl

    target = tmp_path / "batch.xlsx"
    result = run_cli("batch", folder, "--format", "xlsx", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none")
    assert result.code == exitcodes.OK, result.stderr
    workbook = openpyxl.load_workbook(target)
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert {'=HYPERLINK("http://evil.example","x")', "@SUM(1+1)"} <= texts
