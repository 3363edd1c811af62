"""Reports show declared and expected values in words, in the report's language, with the path for staff.

さくら市 (beta-prime-city) declares ``removable_media: allowed``; MN-007 expects blocked or
allowlisted devices only. Every human-readable format, audited through the CLI and read back
(Markdown table cells, the HTML finding, PDF text, xlsx cells, terminal, JUnit), shows 許可 and
「禁止 または 許可した機器のみ」 (or the English labels) instead of the identifiers, and still names the
dotted path; JSON keeps the raw values and adds the words beside them.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli
from tests.report_helpers import texts

POLICY = EXAMPLES / "beta-prime-city.yaml"
RULE = "MN-007"
PATH = "network.segments.mynumber.removable_media"
RAW = ("allowlisted_devices_only", "∈ [")
LABELS = {
    "ja": {
        "declared": "許可",
        "expected": "禁止 または 許可した機器のみ",
        "declared_key": "宣言値",
        "expected_key": "期待値",
    },
    "en": {
        "declared": "Allowed",
        "expected": "Blocked or Only allowlisted devices",
        "declared_key": "Declared",
        "expected_key": "Expected",
    },
}
LANGS = ("ja", "en")


def audit(fmt: str, target: Path, lang: str) -> Path:
    result = run_cli(
        "audit", POLICY, "--format", fmt, "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", "--lang", lang
    )
    assert result.code == 0, result.stderr
    return target


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_failure_row_has_the_labels_and_the_path_in_small_print(lang: str, tmp_path: Path) -> None:
    text = audit("markdown", tmp_path / "r.md", lang).read_text(encoding="utf-8")
    lines = text.splitlines()
    header_at = next(i for i, line in enumerate(lines) if LABELS[lang]["expected_key"] in _cells(line))
    header = _cells(lines[header_at])
    row = next(_cells(line) for line in lines[header_at + 2 :] if f"| {RULE} |" in line)
    cells = dict(zip(header, row, strict=True))
    declared = cells[LABELS[lang]["declared_key"]]
    assert declared == f"{LABELS[lang]['declared']}<br><sub>`{PATH}`</sub>"
    assert cells[LABELS[lang]["expected_key"]] == LABELS[lang]["expected"]
    assert not any(raw in line for raw in RAW for line in lines if f"| {RULE} |" in line)


class Finding(HTMLParser):
    """The text of one finding of the HTML report, each piece with the tags and classes around it."""

    VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "wbr", "col", "source"})

    def __init__(self, anchor: str) -> None:
        super().__init__(convert_charrefs=True)
        self.anchor = anchor
        self.stack: list[set[str]] = []
        self.article: int | None = None
        self.pieces: list[tuple[frozenset[str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        self.stack.append({tag, *(attributes.get("class") or "").split()})
        if attributes.get("id") == self.anchor:
            self.article = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self.article is not None and len(self.stack) == self.article:
            self.article = 0  # the finding is over
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.article and data.strip():
            self.pieces.append((frozenset().union(*self.stack), data.strip()))

    def facts(self) -> dict[str, str]:
        """``fact`` paragraphs as key label -> the bold value."""
        found: dict[str, str] = {}
        key = ""
        for classes, text in self.pieces:
            if "k" in classes:
                key = text
            elif "b" in classes and key:
                found[key] = text
        return found


@pytest.mark.parametrize("lang", LANGS)
def test_html_finding_shows_the_labels_and_the_path_small_and_muted(lang: str, tmp_path: Path) -> None:
    html = audit("html", tmp_path / "r.html", lang).read_text(encoding="utf-8")
    finding = Finding(f"r1-f-{RULE}")
    finding.feed(html)
    facts = finding.facts()
    assert facts[LABELS[lang]["declared_key"]] == LABELS[lang]["declared"]
    assert facts[LABELS[lang]["expected_key"]] == LABELS[lang]["expected"]
    paths = [text for classes, text in finding.pieces if "path" in classes]
    assert paths == [PATH]
    style = re.search(r"\.path \{([^}]*)\}", html)
    assert style and "font-size" in style.group(1) and "color" in style.group(1)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_has_the_labels_and_the_path(lang: str, tmp_path: Path) -> None:
    pages = texts(audit("pdf", tmp_path / "r.pdf", lang))
    compact = re.sub(r"\s+", "", "".join(pages))  # layout breaks lines anywhere
    labels = LABELS[lang]
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731
    assert squeeze(labels["declared_key"] + labels["declared"] + labels["expected_key"]) in compact
    assert squeeze(labels["expected_key"] + labels["expected"]) in compact
    assert PATH in compact
    assert not any(raw.replace(" ", "") in compact for raw in RAW)


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_cells_have_the_labels_and_the_path(lang: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(audit("xlsx", tmp_path / "r.xlsx", lang))
    sheet = workbook["チェックリスト" if lang == "ja" else "Checklist"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    row = next(row for row in rows if row["ID"] == RULE)
    assert row[LABELS[lang]["declared_key"]] == LABELS[lang]["declared"]
    assert row[LABELS[lang]["expected_key"]] == LABELS[lang]["expected"]
    location = row["ポリシーの該当箇所" if lang == "ja" else "Policy line"]
    assert location.splitlines() == [f"{POLICY}:190:7", PATH]


@pytest.mark.parametrize("lang", LANGS)
def test_terminal_and_junit_messages_word_the_values_and_keep_the_path(lang: str, tmp_path: Path) -> None:
    labels = LABELS[lang]
    table = run_cli("audit", POLICY, "--date", AUDIT_DATE, "--fail-on", "none", "--lang", lang)
    assert table.code == 0, table.stderr
    fix = table.stdout[table.stdout.index(f"[{RULE}]") :].split("\n[")[0]
    junit = ET.parse(audit("junit", tmp_path / "r.xml", lang))
    case = next(c for c in junit.iter("testcase") if c.get("name", "").startswith(RULE))
    failure = case.find("failure")
    assert failure is not None
    for text in (fix, failure.get("message", "")):
        assert labels["declared"] in text and labels["expected"] in text and PATH in text, text
        assert not any(raw in text for raw in RAW), text


@pytest.mark.parametrize("lang", LANGS)
def test_json_keeps_the_raw_values_and_adds_the_words(lang: str, tmp_path: Path) -> None:
    document = json.loads(audit("json", tmp_path / "r.json", lang).read_text(encoding="utf-8"))
    outcome = next(o for o in document["outcomes"] if o["rule_id"] == RULE)
    assert (outcome["path"], outcome["actual"]) == (PATH, "allowed")
    assert outcome["expected"] == "∈ [blocked, allowlisted_devices_only]"
    assert (outcome["actual_label"], outcome["expected_label"]) == (LABELS[lang]["declared"], LABELS[lang]["expected"])
    assert outcome["failures"][0]["expected_label"] == LABELS[lang]["expected"]
