"""The HTML report: self-contained, escaped, and rendered by a real headless Chromium without any request."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, run_cli
from tests.report_helpers import hostile_policy, non_background_share, open_in_chromium, parse_html, trap_server

POLICY = EXAMPLES / "alpha-town.yaml"


def audit_html(target: Path, policy: Path = POLICY, *extra: str) -> Path:
    result = run_cli(
        "audit", policy, "--format", "html", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", *extra
    )
    assert result.code == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def html_ja(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return audit_html(tmp_path_factory.mktemp("html") / "report.html")


def test_html_is_self_contained_with_a_strict_csp(html_ja: Path) -> None:
    page = parse_html(html_ja)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}, names
    csp = next(
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp and "script-src" not in csp
    # The only style allowed is the page's own, pinned by its hash.
    digest = base64.b64encode(hashlib.sha256(page.style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    # No URL anywhere except data: fonts and the SVG namespace name (an identifier, never fetched).
    source = html_ja.read_text(encoding="utf-8")
    urls = set(re.findall(r"(?:https?|file|ftp|wss?)://[^\s\"'<>)]+", source))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls
    assert re.findall(r"url\(([^)]{0,20})", page.style) and all(
        u.startswith("data:font/") for u in re.findall(r"url\(([^)]{0,20})", page.style)
    )


def test_html_content_in_japanese(html_ja: Path) -> None:
    text = "".join(parse_html(html_ja).text)
    for heading in (
        "情報セキュリティポリシー監査報告書",
        "みどり町",
        "1. 総括",
        "4. 指摘事項（章別）",
        "5. 例外措置台帳",
        "付録",
    ):
        assert heading in text, heading


@pytest.mark.chromium
def test_html_renders_in_chromium_without_any_request(html_ja: Path, tmp_path: Path) -> None:
    run = open_in_chromium(html_ja, tmp_path)
    share, colours = non_background_share(run.screenshot)
    assert share > 0.05 and colours > 50, (share, colours)  # text, tables and figures, not a blank page
    assert run.page_requests == []


@pytest.mark.chromium
def test_hostile_policy_strings_are_inert_everywhere(tmp_path: Path) -> None:
    with trap_server() as (base_url, log):
        policy, strings = hostile_policy(tmp_path, base_url)
        html = audit_html(tmp_path / "hostile.html", policy)
        page = parse_html(html)
        names = {tag for tag, _ in page.tags}
        assert not names & {"script", "link", "img", "iframe", "object"}, names
        assert all((attrs.get("href") or "").startswith("#") for tag, attrs in page.tags if tag == "a")
        assert not any(key.startswith("on") for _, attrs in page.tags for key in attrs)
        assert [tag for tag, _ in page.tags].count("style") == 1
        assert sum(1 for tag, _ in page.tags if tag == "svg") == 2  # the two figures, not the policy's
        text = "".join(page.text)
        for value in strings.values():
            assert value in text, value  # shown literally, as text
        run = open_in_chromium(html, tmp_path)
        pdf = tmp_path / "hostile.pdf"
        result = run_cli("audit", policy, "--format", "pdf", "-o", pdf, "--date", AUDIT_DATE, "--fail-on", "none")
        assert result.code == 0, result.stderr
    assert log.paths == [], log.paths
    assert run.page_requests == []
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    whole = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "<script>alert(1)</script>毒町" in whole
    assert "root:x:0:0" not in whole
    assert list(reader.attachments) == ["auditor-results.json"]
    for page_object in reader.pages:
        for annotation in page_object.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = action.get_object().get("/URI") if action else None
            assert uri is None, uri  # no link to anything outside the document


@pytest.mark.chromium
def test_csp_blocks_what_escaping_would_have_missed(html_ja: Path, tmp_path: Path) -> None:
    """Defence in depth: markup injected into the page after the fact still cannot fetch anything."""
    with trap_server() as (base_url, log):
        tampered = tmp_path / "tampered.html"
        injection = (
            f'<img src="{base_url}/img.png"><link rel="stylesheet" href="{base_url}/x.css">'
            f'<script src="{base_url}/x.js"></script><iframe src="{base_url}/frame"></iframe>'
        )
        tampered.write_text(
            html_ja.read_text(encoding="utf-8").replace("<body", injection + "<body", 1), encoding="utf-8"
        )
        run = open_in_chromium(tampered, tmp_path)
        tampered_paths = list(log.paths)
        # Control: the same injection without our CSP does reach the server, so the check can fail.
        control = tmp_path / "control.html"
        control.write_text(f"<!DOCTYPE html><html><body>{injection}</body></html>", encoding="utf-8")
        control_run = open_in_chromium(control, tmp_path)
        control_paths = list(log.paths)
    assert run.page_requests == [] and tampered_paths == []
    assert control_run.page_requests and control_paths, "the control page should have fetched from the trap"
    assert all(path in control_paths for path in ("/img.png", "/x.css"))


def test_english_html(tmp_path: Path) -> None:
    html = audit_html(tmp_path / "en.html", POLICY, "--lang", "en")
    text = "".join(parse_html(html).text)
    assert "Information Security Policy Audit Report" in text and "Executive summary" in text
    assert parse_html(html).tags[0] == ("html", {"lang": "en"})
