"""The wheel ships everything the installed tool needs (rules, and the package's own data)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import zipfile
from pathlib import Path

import auditor
from tests.helpers import REPO


def test_installed_version_matches_package() -> None:
    assert importlib.metadata.version("auditor") == auditor.__version__


def test_wheel_contains_every_rule_file(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("auditor-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = {f"auditor/catalogue/{p.relative_to(REPO / 'rules').as_posix()}" for p in (REPO / "rules").rglob("*.yaml")}
    assert rules and rules <= names
    assert "auditor/cli/__init__.py" in names


def test_installed_tool_finds_its_rules() -> None:
    from auditor.rules.catalogue import builtin_rules_dir, load_catalogue, rule_files

    assert builtin_rules_dir().is_dir()
    assert len(load_catalogue().rules) == len(rule_files(REPO / "rules"))


def test_rule_cache_is_used_and_invalidated(tmp_path: Path, monkeypatch: object) -> None:
    import shutil

    import pytest

    from auditor.rules.catalogue import load_catalogue

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    shutil.copytree(REPO / "rules" / "three_layer", pack)
    first = load_catalogue([pack], include_builtin=False)
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 1
    assert [r.rule.id for r in load_catalogue([pack], include_builtin=False).rules] == [r.rule.id for r in first.rules]
    # editing a rule file changes the key: the edit is seen, never a stale cached rule
    target = pack / "MN-001.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("severity: critical", "severity: low"), encoding="utf-8"
    )
    assert load_catalogue([pack], include_builtin=False).get("MN-001").rule.severity == "low"
    # a corrupted cache entry is ignored
    for entry in (tmp_path / "cache").glob("rules-*.json"):
        entry.write_text('[["x", {"id": "bogus"}]]', encoding="utf-8")
    assert load_catalogue([pack], include_builtin=False).get("MN-001").rule.severity == "low"
