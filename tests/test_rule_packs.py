"""Rule packs (``--rules DIR``) are untrusted data: held to their directory, checked, never run.

The per-file hostile cases are in the corpus (tests/data/bad/rules, packs); these are the cases
that need a filesystem arranged at test time (links, FIFOs, counts) or a tampered cache.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import auditor.rules.catalogue
from auditor import exitcodes
from auditor.errors import InputError
from auditor.rules.catalogue import load_catalogue
from auditor.rules.schema_check import schema_problems
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli, run_installed

RULE = (REPO / "rules" / "three_layer" / "MN-011.yaml").read_text(encoding="utf-8").replace("replaces:\n- MN-001\n", "")
POLICY = EXAMPLES / "alpha-town.yaml"


def _pack(directory: Path, *ids: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for rule_id in ids:
        (directory / f"{rule_id}.yaml").write_text(RULE.replace("MN-011", rule_id), encoding="utf-8")
    return directory


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(cache))
    return cache


def test_a_valid_pack_is_used(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    result = run_cli("audit", POLICY, "--rules", pack, "--format", "json", "--date", AUDIT_DATE)
    assert result.code in (exitcodes.OK, exitcodes.FINDINGS), result.stderr
    assert "MN-901" in {o["rule_id"] for o in json.loads(result.stdout)["outcomes"]}


def test_links_leading_out_of_the_pack_are_refused(tmp_path: Path) -> None:
    outside = _pack(tmp_path / "elsewhere", "MN-902")
    pack = _pack(tmp_path / "pack", "MN-901")
    (pack / "MN-902.yaml").symlink_to(outside / "MN-902.yaml")
    (pack / "linked-dir").symlink_to(outside, target_is_directory=True)
    result = run_cli("audit", POLICY, "--rules", pack, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert f"{pack / 'MN-902.yaml'}: symbolic link pointing outside the rule pack" in result.stderr
    assert "linked-dir" not in result.stderr  # directories behind links are not even listed


def test_a_link_inside_the_pack_is_fine(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    (pack / "sub").mkdir()
    os.symlink("../MN-901.yaml", pack / "sub" / "alias.yml")
    with pytest.raises(InputError, match="duplicate rule id 'MN-901'"):
        load_catalogue([pack], include_builtin=False)  # read (through the link), hence the duplicate


def test_a_fifo_in_the_pack_cannot_block_the_run(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    os.mkfifo(pack / "MN-902.yaml")  # opening it for reading would wait forever for a writer
    result = run_cli("audit", POLICY, "--rules", pack, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert (
        result.stderr.strip()
        == f"error: {pack / 'MN-902.yaml'}: is a named pipe (FIFO), not a regular file (not opened)"
    )


def test_too_many_rule_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditor.rules.catalogue, "MAX_RULE_FILES", 3)
    pack = _pack(tmp_path / "pack", "MN-901", "MN-902", "MN-903", "MN-904")
    result = run_cli("audit", POLICY, "--rules", pack, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr.strip() == f"error: {pack}: too many rule files (more than 3)"  # the built-in set is exempt


def test_a_pack_too_large_in_total_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = len(RULE.replace("MN-011", "MN-901").encode("utf-8"))
    limit = size + size // 2
    monkeypatch.setattr(auditor.rules.catalogue, "MAX_PACK_BYTES", limit)
    small = _pack(tmp_path / "small", "MN-901")  # one file: within the limit
    assert run_cli("audit", POLICY, "--rules", small, "--date", AUDIT_DATE).code in (exitcodes.OK, exitcodes.FINDINGS)
    pack = _pack(tmp_path / "pack", "MN-901", "MN-902")  # two: over it
    result = run_cli("audit", POLICY, "--rules", pack, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr.strip() == f"error: {pack}: rule files too large in total (more than {limit} bytes)"


def test_the_builtin_catalogue_is_well_within_the_pack_limits() -> None:
    files = auditor.rules.catalogue.rule_files(auditor.rules.catalogue.builtin_rules_dir())
    assert sum(path.stat().st_size for path in files) * 3 < auditor.rules.catalogue.MAX_PACK_BYTES
    assert len(files) * 10 < auditor.rules.catalogue.MAX_RULE_FILES


def test_every_problem_of_a_pack_is_listed_one_per_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    (pack / "MN-902.yaml").write_text(
        RULE.replace("MN-011", "MN-902").replace("op: equals", "op: gte"), encoding="utf-8"
    )
    (pack / "MN-903.yaml").write_text(
        RULE.replace("MN-011", "MN-903").replace("isolated\n", "isolatd\n", 1), encoding="utf-8"
    )
    (pack / "MN-904.yaml").write_text("id: [\n", encoding="utf-8")
    result = run_cli("audit", POLICY, "--rules", pack, "--lang", "en")
    assert result.code == exitcodes.USAGE_OR_INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert [line.split(":")[1].rsplit("/", 1)[-1] for line in lines] == ["MN-902.yaml", "MN-903.yaml", "MN-904.yaml"]


def test_a_tampered_cache_is_ignored(tmp_path: Path, _own_cache: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    assert run_cli("rules", "list", "--rules", pack).code == 0  # fills the cache
    written = sorted(_own_cache.glob("rules-*.json"))
    assert written
    for garbage in ("[[1, 2, 3]]", '{"not": "a list"}', "[5]", "not json", '[["x", {"id": "MN-9"}]]'):
        for path in written:
            path.write_text(garbage, encoding="utf-8")
        result = run_cli("rules", "list", "--rules", pack, "--format", "json")
        assert result.code == 0, (garbage, result.stderr)
        assert "MN-901" in {item["id"] for item in json.loads(result.stdout)}


def test_a_fifo_in_the_cache_reads_as_no_cache(tmp_path: Path, _own_cache: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    assert run_cli("rules", "list", "--rules", pack).code == 0  # fills the cache
    written = sorted(_own_cache.glob("rules-*.json"))
    assert written
    for path in written:
        path.unlink()
        os.mkfifo(path)  # opening it for reading would wait for a writer forever
    result = run_installed(
        "rules", "list", "--rules", pack, "--format", "json", env={"AUDITOR_CACHE_DIR": str(_own_cache)}
    )
    assert result.code == 0, result.stderr
    assert "MN-901" in {item["id"] for item in json.loads(result.stdout)}


def test_a_cached_rule_that_does_not_fit_the_schema_is_not_trusted(tmp_path: Path, _own_cache: Path) -> None:
    pack = _pack(tmp_path / "pack", "MN-901")
    assert run_cli("rules", "list", "--rules", pack).code == 0
    for path in _own_cache.glob("rules-*.json"):
        entries = json.loads(path.read_text(encoding="utf-8"))
        for _, data in entries:
            if data.get("id") == "MN-901":
                data["check"]["path"] = "entity.secret"  # passes the rule model, not the schema check
        path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    loaded = load_catalogue([pack]).get("MN-901")
    assert loaded.rule.check is not None and schema_problems(loaded.rule) == []  # re-read from the file


def test_builtin_rules_fit_the_policy_schema() -> None:
    """The pack check has no false alarms on the reviewed catalogue."""
    problems = {loaded.rule.id: schema_problems(loaded.rule) for loaded in load_catalogue().rules}
    assert {rule_id: found for rule_id, found in problems.items() if found} == {}
