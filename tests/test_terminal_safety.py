"""Text reports and messages never pass control or bidi characters from the inputs through raw.

A hostile policy (its file name, entity name and waiver), waiver warnings and a hostile rule pack
(title, section, remediation) go through the real CLI in every plain-text format. The reports are
written with -o, so the bytes checked are exactly those a terminal or CI log would receive (click
strips some ANSI sequences from standard output when it is not a terminal; a file keeps them all).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from auditor import exitcodes
from tests.helpers import AUDIT_DATE, EXAMPLES, REPO, run_cli

# Clear the screen, retitle the window (OSC ... BEL), right-to-left override, first-strong isolate,
# pop isolate, 8-bit CSI, next line (C1), line separator.
HOSTILE = "\x1b[2J\x1b]0;pwned\x07\u202e\u2068\u2069\x9b31m\x85\u2028"
FORGED = "FORGED: everything passes"
FILE_NAME = "town-\x1b[31m\u202e.yaml"


def dangerous(text: str) -> list[str]:
    """Characters a terminal would act on or reorder by (line feeds excepted: they are ours)."""
    return sorted(
        {f"U+{ord(ch):04X}" for ch in text if ch != "\n" and not ch.isprintable() and unicodedata.category(ch) != "Zs"}
    )


def _quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar, escapes included


def _edit(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert text.count(old) == 1, old  # the example changed: adapt this test
        text = text.replace(old, new)
    return text


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, Path]:
    """A clean policy, the same policy made hostile (and regressed), and a hostile rule pack."""
    clean = (EXAMPLES / "alpha-town.yaml").read_text(encoding="utf-8")
    text = _edit(
        clean,
        {
            "  name: みどり町\n": f"  name: {_quoted('みどり町' + HOSTILE + chr(10) + FORGED)}\n",
            "name: 北野 明}": f"name: {_quoted('北野 明' + HOSTILE)}}}",
            "    expires_on: 2027-03-31\n    ticket:": "    expires_on: 2026-12-01\n    ticket:",  # expiring: warned
            "として通信ログを毎週": "として\u202e通信ログを毎週",  # raw: YAML allows it in a block scalar
            "  published: true\n": "  published: false\n",  # a regression for `diff`
        },
    )
    directory = tmp_path / "policies"
    directory.mkdir()
    (directory / FILE_NAME).write_text(text, encoding="utf-8")
    (tmp_path / "old.yaml").write_text(clean, encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = _edit(
        (REPO / "rules" / "statutory" / "LAW-002.yaml").read_text(encoding="utf-8"),
        {
            "id: LAW-002": "id: LAW-901",
            "  en: Publish the statutory cybersecurity policy": f"  en: {_quoted('Publish it' + HOSTILE + chr(10) + FORGED)}",  # noqa: E501
            "  ja: サイバーセキュリティを確保するための方針を公表する": f"  ja: {_quoted('公表する' + HOSTILE)}",
            "  section: 第244条の6（項は未確認）": f"  section: {_quoted('第244条の6' + HOSTILE)}",
            "  en: 'Publish the policy (the basic policy) on the body''s website and declare policy.published: true and the publication_url.'": f"  en: {_quoted('Fix it' + HOSTILE)}",  # noqa: E501
        },
    )
    (pack / "LAW-901.yaml").write_text(rule, encoding="utf-8")
    return {
        "policy": directory / FILE_NAME,
        "directory": directory,
        "old": tmp_path / "old.yaml",
        "pack": pack,
        "out": tmp_path,
    }


def _check(text: str) -> None:
    assert dangerous(text) == []
    assert "\\u202e" in text and "\\x1b" in text  # shown, not silently dropped
    assert not any(line.lstrip("| ").startswith(FORGED) for line in text.splitlines())


@pytest.mark.parametrize("fmt", ["table", "github", "markdown"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_audit_text_reports_escape_hostile_strings(hostile: dict[str, Path], fmt: str, lang: str) -> None:
    target = hostile["out"] / f"report.{fmt}"
    result = run_cli(
        "audit",
        hostile["policy"],
        "--rules",
        hostile["pack"],
        "--format",
        fmt,
        "-o",
        target,
        "--date",
        AUDIT_DATE,
        "--lang",
        lang,
    )
    assert result.code == exitcodes.FINDINGS, result.stderr
    report = target.read_text(encoding="utf-8")
    _check(report)
    if fmt == "table":
        assert "\\u202e通信ログ" in report  # the waiver's justification, in the register
        assert "北野 明\\x1b[2J" in report  # its approver


def test_junit_stays_well_formed_xml(hostile: dict[str, Path]) -> None:
    target = hostile["out"] / "junit.xml"
    result = run_cli(
        "audit",
        hostile["policy"],
        "--rules",
        hostile["pack"],
        "--format",
        "junit",
        "-o",
        target,
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    assert result.code == exitcodes.FINDINGS, result.stderr
    root = ET.fromstring(target.read_bytes())  # raw ESC or U+0085 would make the document ill-formed
    texts = [value for element in root.iter() for value in (element.text or "", *element.attrib.values())]
    _check("\n".join(texts))
    [case] = [case for case in root.iter("testcase") if case.get("name", "").startswith("LAW-901")]
    assert case.find("failure") is not None


def test_structured_reports_keep_the_declared_value(hostile: dict[str, Path]) -> None:
    result = run_cli("audit", hostile["policy"], "--format", "json", "--date", AUDIT_DATE)
    assert json.loads(result.stdout)["policy"]["entity"]["name"] == "みどり町" + HOSTILE + "\n" + FORGED


def test_waiver_warnings_on_stderr_are_escaped(hostile: dict[str, Path]) -> None:
    result = run_cli("audit", hostile["policy"], "--format", "json", "--date", AUDIT_DATE, "--lang", "en")
    [warning] = [line for line in result.stderr.splitlines() if "MN-004" in line]
    assert "expires" in warning and "\\u202e" in warning  # the file name, escaped
    assert dangerous(result.stderr) == []


@pytest.mark.parametrize("fmt", ["table", "markdown", "github"])
def test_diff_reports_escape_hostile_strings(hostile: dict[str, Path], fmt: str) -> None:
    target = hostile["out"] / f"diff.{fmt}"
    result = run_cli(
        "diff",
        hostile["old"],
        hostile["policy"],
        "--rules",
        hostile["pack"],
        "--format",
        fmt,
        "-o",
        target,
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
    )
    assert result.code == exitcodes.FINDINGS, result.stderr
    report = target.read_text(encoding="utf-8")
    assert "LAW-901" in report
    _check(report)


def test_batch_table_escapes_hostile_strings(hostile: dict[str, Path]) -> None:
    target = hostile["out"] / "batch.txt"
    result = run_cli(
        "batch",
        hostile["directory"],
        "--rules",
        hostile["pack"],
        "--format",
        "table",
        "-o",
        target,
        "--date",
        AUDIT_DATE,
        "--lang",
        "en",
        "--fail-on",
        "none",
    )
    assert result.code == exitcodes.OK, result.stderr
    report = target.read_text(encoding="utf-8")
    assert "LAW-901" in report  # the most-failed list shows the pack's title and section
    _check(report)


@pytest.mark.parametrize("command", [["rules", "list"], ["rules", "show", "LAW-901"]], ids=" ".join)
def test_rule_listings_escape_a_hostile_pack(hostile: dict[str, Path], command: list[str]) -> None:
    result = run_cli(*command, "--rules", hostile["pack"], "--lang", "en")
    assert result.code == exitcodes.OK, result.stderr
    assert dangerous(result.stdout) == []
    assert "\\u202e" in result.stdout


def test_validate_names_a_hostile_file_escaped(hostile: dict[str, Path]) -> None:
    result = run_cli("validate", hostile["policy"], "--lang", "en")
    assert result.code == exitcodes.OK, result.stderr
    assert dangerous(result.stdout) == [] and "town-\\x1b[31m\\u202e.yaml" in result.stdout
