"""The batch PDF's tables, read back with pypdf: heat-map headers that never split a word, and a
ranking whose 団体 column names each body with its urgent gaps and file.

Run on the example policies (distinct bodies, see ``tests/test_examples.py``); every expectation
comes from the JSON output of the same batch.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli
from tests.report_helpers import texts

URGENT = {"critical", "high"}


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("bodies")
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(path, directory / path.name)
    return directory


def batch(batch_dir: Path, *extra: str | Path) -> str:
    result = run_cli("batch", batch_dir, "--date", AUDIT_DATE, "--fail-on", "none", *extra)
    assert result.code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def batch_json(batch_dir: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(batch(batch_dir, "--format", "json"))
    return document


def pdf_lines(batch_dir: Path, target: Path, lang: str) -> list[str]:
    batch(batch_dir, "--format", "pdf", "-o", target, "--lang", lang)
    return "\n".join(texts(target)).splitlines()


def header_tokens(lines: list[str], heading: str, first_row: str) -> list[str]:
    """The words of the heat map's header: between its heading and its first body row."""
    start = next(index for index, line in enumerate(lines) if line.startswith(heading))
    end = next(index for index, line in enumerate(lines) if index > start and line.startswith(first_row))
    return [token for line in lines[start + 1 : end] for token in line.split()]


@pytest.mark.parametrize(("lang", "heading"), [("ja", "比較表（ヒートマップ）"), ("en", "Comparison matrix")])
def test_heat_map_headers_are_whole_words(
    lang: str, heading: str, batch_dir: Path, batch_json: dict[str, Any], tmp_path: Path
) -> None:
    english = json.loads(batch(batch_dir, "--format", "json", "--lang", "en")) if lang == "en" else batch_json
    lines = pdf_lines(batch_dir, tmp_path / "batch.pdf", lang)
    first = english["matrix"][0]["entity"]
    tokens = header_tokens(lines, heading, f"{first['name']} {first['code']}")
    words = [word for chapter in english["chapters"] for word in chapter["short"].split(" ")]
    assert len(english["chapters"]) >= 10
    missing = [word for word in words if word not in tokens]
    assert not missing, (missing, tokens)  # a word split over two lines is not a token of the header
    assert {"§3", "強靱性" if lang == "ja" else "Resil."} <= set(tokens)


def test_ranking_names_each_body_with_its_urgent_gaps_and_file(
    batch_dir: Path, batch_json: dict[str, Any], tmp_path: Path
) -> None:
    lines = pdf_lines(batch_dir, tmp_path / "batch.pdf", "ja")
    urgent: dict[str, list[str]] = {}
    for item in batch_json["most_failed"]:  # in catalogue order within equal counts: sort below
        if item["level"] == "must" and item["severity"] in URGENT:
            for code in item["codes"]:
                urgent.setdefault(code, []).append(item["rule_id"])
    ranked = [r for r in batch_json["ranking"] if r["must_failed"]]
    assert len(ranked) >= 2 and any(urgent.get(r["entity"]["code"]) for r in ranked)
    start = next(index for index, line in enumerate(lines) if line.startswith("緊急の不備が多い団体"))
    for r in ranked:
        code = r["entity"]["code"]
        row = next(index for index, line in enumerate(lines) if index > start and line.startswith(f"{r['rank']} "))
        assert lines[row] == f"{r['rank']} {r['entity']['name']}"
        assert lines[row + 2].startswith(f"{code} {r['urgent']} "), lines[row : row + 3]
        detail = lines[row + 1]
        assert detail.endswith(r["file"]), detail
        ids = sorted(urgent.get(code, []))
        if ids:
            shown = detail.removeprefix("緊急の不備: ").split("\u3000")[0].split(", ")
            assert sorted(shown) == ids, detail
        else:
            assert not detail.startswith("緊急の不備")
