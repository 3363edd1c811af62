"""The example policies: they validate, and every rule's outcome matches the hand-reviewed golden file.

``tests/golden/examples/<name>.outcomes.yaml`` maps each rule id to the expected status. It is
reviewed rule by rule against the guideline; regenerate with ``pytest --update-golden`` and review
the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, GOLDEN, REPO, run_cli

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_there_are_examples_for_each_kind_of_body() -> None:
    names = {path.stem for path in EXAMPLE_FILES}
    assert {"alpha-town", "beta-prime-city", "prefecture"} <= names


def test_every_example_body_and_every_synthetic_body_has_its_own_name() -> None:
    """Batch reports list bodies by name: two examples (or two bodies of the national data set) that
    share one would be told apart only by their codes."""
    from bench.national import bodies

    entities = [yaml.safe_load(path.read_text(encoding="utf-8"))["entity"] for path in EXAMPLE_FILES]
    for key in ("name", "name_en", "code"):
        values = [entity[key] for entity in entities]
        assert len(set(values)) == len(values), (key, values)
    national = [body.name for body in bodies()]
    assert len(set(national)) == len(national) == 1788


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_validates(path: Path) -> None:
    result = run_cli("validate", path)
    assert result.code == 0, result.stderr


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_outcomes_match_golden(path: Path, update_golden: bool) -> None:
    result = run_cli("audit", path, "--format", "json", "--date", AUDIT_DATE)
    document = json.loads(result.stdout)
    actual = {o["rule_id"]: o["status"] for o in document["outcomes"]}
    golden = GOLDEN / "examples" / f"{path.stem}.outcomes.yaml"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"# Expected outcome of every rule for {path.name} (audit date {AUDIT_DATE}); reviewed by hand."]
        lines += [f"{rule_id}: {status}" for rule_id, status in actual.items()]
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = yaml.safe_load(golden.read_text(encoding="utf-8"))
    assert actual == expected
    has_failures = any(status == "fail" for status in actual.values())
    assert result.code == (exitcodes.FINDINGS if has_failures else exitcodes.OK)


def test_table_report_of_alpha_town_matches_golden(update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the report names the file as given: keep it relative and portable
    result = run_cli("audit", "policies/examples/alpha-town.yaml", "--date", AUDIT_DATE)
    golden = GOLDEN / "alpha-town.table.txt"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_english_table_report(update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("audit", "policies/examples/beta-prime-city.yaml", "--date", AUDIT_DATE, "--lang", "en")
    golden = GOLDEN / "beta-prime-city.table.en.txt"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert "Result: pass" in result.stdout
