"""Packaging as users get it: the sdist builds the wheel, and the offline bundle installs with no index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from tests.helpers import EXAMPLES, REPO

SCRIPT = REPO / "scripts" / "offline_bundle.py"


def _hatchling(*args: str, cwd: Path) -> None:
    hatchling = Path(sys.executable).with_name("hatchling")
    done = subprocess.run([str(hatchling), *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_sdist_holds_the_sources_and_builds_a_complete_wheel(tmp_path: Path) -> None:
    _hatchling("build", "-t", "sdist", "-d", str(tmp_path / "dist"), cwd=REPO)
    (sdist,) = (tmp_path / "dist").glob("auditor-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "src", filter="data")
    (source,) = (tmp_path / "src").iterdir()
    for needed in ("rules/lexicon", "policies/examples", "tests/helpers.py", "README.md", "pyproject.toml"):
        assert (source / needed).exists(), f"{needed} missing from the sdist"
    _hatchling("build", "-t", "wheel", "-d", str(tmp_path / "wheel"), cwd=source)
    (wheel,) = (tmp_path / "wheel").glob("auditor-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {n for n in names if n.startswith("auditor/catalogue/") and n.endswith(".yaml")}
    assert len(shipped) == len(list((REPO / "rules").rglob("*.yaml")))
    assert any(n.startswith("auditor/reporters/assets/") for n in names)  # the bundled font


def test_an_offline_bundle_installs_and_audits_without_any_index(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    built = subprocess.run(
        [sys.executable, str(SCRIPT), "build", "-o", str(bundle)], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    manifest = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    assert manifest["package"].startswith("auditor-") and len(manifest["wheels"]) > 10
    assert all(name.endswith(".whl") for name in manifest["wheels"])  # nothing to compile on the terminal
    # The isolated terminal: the copy of the bundle is all there is (the installer also ignores pip's config).
    offline = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    offline |= {"PIP_INDEX_URL": "http://127.0.0.1:9/unreachable", "PIP_CONFIG_FILE": os.devnull}
    target = tmp_path / "venv"
    installed = subprocess.run(
        [sys.executable, str(bundle / "offline_bundle.py"), "install", str(bundle), "--venv", str(target)],
        capture_output=True,
        text=True,
        env=offline,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    report = tmp_path / "report.json"
    audited = subprocess.run(
        [str(target / "bin" / "auditor"), "audit", str(EXAMPLES / "beta-city.yaml"), "-f", "json", "-o", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert audited.returncode in (0, 1), audited.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["policy"]["entity"]["name"]
