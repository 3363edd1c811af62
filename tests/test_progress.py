"""Progress over time: ``auditor audit --compare`` against a previous JSON report or a baseline, per chapter."""

from __future__ import annotations

import json
from pathlib import Path

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli, template_policy
from tests.report_helpers import texts

BEFORE = {"human.credentials.password_secret": False, "technical.logging.retention_days": 0}
"""The previous policy: two failures (HUM-022 in §5, TEC-007 in §6)."""
PREVIOUS_DATE = AUDIT_DATE
"""Both audits on one date, so that no "within the last year" rule changes between them."""
NOW = {"technical.logging.retention_days": 0, "network.segments.mynumber.isolated": False}
"""This year's: the password rule fixed, the logs still failing, the My Number segment newly failing (MN-011)."""


def _previous_report(tmp_path: Path) -> Path:
    previous = tmp_path / "previous.json"
    policy = template_policy(tmp_path, BEFORE)
    result = run_cli("audit", policy, "--format", "json", "-o", previous, "--date", PREVIOUS_DATE)
    assert result.code == exitcodes.FINDINGS, result.stderr
    return previous


def test_the_table_and_json_say_per_chapter_what_improved_and_regressed(tmp_path: Path) -> None:
    previous = _previous_report(tmp_path)
    policy = template_policy(tmp_path, NOW)
    table = run_cli("audit", policy, "--compare", previous, "--date", AUDIT_DATE)
    assert table.code == exitcodes.FINDINGS
    assert f"■ 前回の監査との比較（{previous}、{PREVIOUS_DATE}）: 改善 1 件 / 悪化 1 件" in table.stdout
    human = next(line for line in table.stdout.splitlines() if line.startswith("  §5 人的セキュリティ:"))
    assert "→ 100.0%" in human and "改善: HUM-022" in human and "pt）" in human
    network = next(line for line in table.stdout.splitlines() if line.startswith("  §3 "))
    assert "悪化: MN-011" in network
    technical = next(line for line in table.stdout.splitlines() if line.startswith("  §6 "))
    assert "改善" not in technical and "悪化" not in technical  # still failing, as before
    result = run_cli("audit", policy, "--compare", previous, "--date", AUDIT_DATE, "--format", "json")
    progress = json.loads(result.stdout)["progress"]
    assert (progress["improved"], progress["regressed"], progress["previous_date"]) == (1, 1, PREVIOUS_DATE)
    chapters = {chapter["area"]: chapter for chapter in progress["chapters"]}
    assert chapters["human"]["improved"] == ["HUM-022"] and chapters["human"]["after_rate"] == 1.0
    assert chapters["human"]["before_rate"] < 1.0
    assert chapters["resilience"]["regressed"] == ["MN-011"]


def test_the_pdf_shows_a_before_and_after_bar_per_chapter(tmp_path: Path) -> None:
    previous = _previous_report(tmp_path)
    policy = template_policy(tmp_path, NOW)
    out = tmp_path / "report"
    result = run_cli("audit", policy, "--compare", previous, "--date", AUDIT_DATE, "--format", "pdf,html", "-o", out)
    assert result.code == exitcodes.FINDINGS, result.stderr
    html = out.with_suffix(".html").read_text(encoding="utf-8")
    figure = html[html.index('aria-label="前回の監査との比較"') :]
    figure = figure[: figure.index("</svg>")]
    assert figure.count("<rect") >= 2 * 12  # a pair of bars for every chapter
    assert f"前回 {PREVIOUS_DATE}" in figure and "今回 2026-11-22" in figure
    pdf = "\n".join(texts(out.with_suffix(".pdf")))
    assert "前回の監査との比較" in pdf and "改善 HUM-022" in pdf and "悪化 MN-011" in pdf


def test_a_baseline_can_be_the_previous_audit(tmp_path: Path) -> None:
    old = template_policy(tmp_path, BEFORE)
    baseline = tmp_path / ".auditor-baseline.yaml"
    assert run_cli("baseline", "create", old, "-o", baseline, "--date", PREVIOUS_DATE).code == 0
    now = tmp_path / old.name  # the same file, edited: the baseline is keyed by the policy's path
    now.write_text(template_policy(tmp_path, NOW).read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("audit", now, "--compare", baseline, "--date", AUDIT_DATE, "--format", "json")
    progress = json.loads(result.stdout)["progress"]
    assert progress["kind"] == "baseline" and (progress["improved"], progress["regressed"]) == (1, 1)


def test_a_previous_audit_of_another_body_or_no_audit_at_all_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    run_cli("audit", EXAMPLES / "alpha-town.yaml", "--format", "json", "-o", other, "--date", AUDIT_DATE)
    policy = template_policy(tmp_path)
    result = run_cli("audit", policy, "--compare", other, "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT and "019992" in result.stderr and str(other) in result.stderr
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}', encoding="utf-8")
    result = run_cli("audit", policy, "--compare", junk, "--date", AUDIT_DATE)
    assert result.code == exitcodes.USAGE_OR_INPUT and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""
