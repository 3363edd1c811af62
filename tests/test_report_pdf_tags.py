"""Tagged PDF: every report PDF has a structure tree, its language and its title, read back with pypdf.

``--pdf-variant pdf/ua-1`` also identifies the file as PDF/UA-1 in its XMP metadata. No PDF/UA
validator runs here: these tests check the structure a screen reader relies on, not conformance.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli

POLICY = EXAMPLES / "alpha-town.yaml"


def audit_pdf(target: Path, *extra: str) -> PdfReader:
    result = run_cli(
        "audit", POLICY, "--format", "pdf", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", *extra
    )
    assert result.code == 0, result.stderr
    return PdfReader(target)


def structure(reader: PdfReader) -> Counter[str]:
    """How many structure elements of each type (``/H2``, ``/Table``, ...) the tree holds."""
    found: Counter[str] = Counter()

    def walk(node: Any) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            if "/S" in node:
                found[str(node["/S"])] += 1
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize(
    ("lang", "title"),
    [("ja", "情報セキュリティポリシー監査報告書"), ("en", "Information Security Policy Audit Report")],
)
def test_every_pdf_is_tagged_with_its_language_and_title(lang: str, title: str, tmp_path: Path) -> None:
    reader = audit_pdf(tmp_path / "report.pdf", "--lang", lang)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == lang
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    meta = reader.metadata
    assert meta is not None and meta.title and meta.title.startswith(title) and "みどり町" in meta.title
    tags = structure(reader)
    assert tags["/H2"] >= 8, tags  # 目次 and the seven numbered chapters
    assert tags["/Table"] >= 3 and tags["/TH"] and tags["/TD"] and tags["/Link"], tags


def test_pdf_ua_1_is_identified_in_the_xmp_metadata(tmp_path: Path) -> None:
    reader = audit_pdf(tmp_path / "ua.pdf", "--pdf-variant", "pdf/ua-1")
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True and "/StructTreeRoot" in catalog
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid:part" in xmp and ("<pdfuaid:part>1</pdfuaid:part>" in xmp or 'pdfuaid:part="1"' in xmp), xmp
    assert "みどり町" in xmp  # the title, as dc:title


def test_the_batch_pdf_is_tagged_too(tmp_path: Path) -> None:
    target = tmp_path / "batch.pdf"
    result = run_cli("batch", EXAMPLES, "--format", "pdf", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none")
    assert result.code == 0, result.stderr
    reader = PdfReader(target)
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"].value is True
    assert reader.trailer["/Root"]["/Lang"] == "ja"
    assert structure(reader)["/Table"] >= 2
