"""``reports/`` (the gallery a newcomer opens first) holds current reports of every example policy."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli

REPORTS = REPO / "reports"
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))


def test_every_example_has_its_text_reports_and_no_generated_binary_is_kept() -> None:
    assert EXAMPLE_NAMES
    for name in EXAMPLE_NAMES:
        for extension in ("md", "json"):
            assert (REPORTS / f"{name}.{extension}").is_file(), f"reports/{name}.{extension} missing"
    index = (REPORTS / "README.md").read_text(encoding="utf-8")
    assert all(f"({name}.md)" in index for name in EXAMPLE_NAMES)
    tracked = subprocess.run(["git", "ls-files", "reports"], cwd=REPO, capture_output=True, text=True, check=False)
    if tracked.returncode == 0:  # a checkout (an sdist has no git): PDF and HTML are built, never committed
        assert not [name for name in tracked.stdout.split() if name.endswith((".pdf", ".html"))]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize(("fmt", "extension"), [("markdown", "md"), ("json", "json")])
def test_text_reports_are_current(
    name: str, fmt: str, extension: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same command as scripts/make_reports.py: from the repository root, so paths in the report are relative.
    monkeypatch.chdir(REPO)
    fresh = tmp_path / f"{name}.{extension}"
    result = run_cli(
        "audit",
        os.path.join("policies", "examples", f"{name}.yaml"),
        "--format",
        fmt,
        "-o",
        fresh,
        "--date",
        AUDIT_DATE,
        "--fail-on",
        "none",
    )
    assert result.code == 0, result.stderr
    kept = REPORTS / f"{name}.{extension}"
    assert fresh.read_text(encoding="utf-8") == kept.read_text(encoding="utf-8"), (
        f"reports/{kept.name} is out of date: run python scripts/make_reports.py"
    )
