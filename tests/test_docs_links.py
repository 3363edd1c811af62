"""The documentation stands on its own: every relative link resolves inside the repository, and no
page points the reader at a file outside it (team notes, a developer's home, the build machine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO

PAGES = sorted(
    page
    for pattern in ("*.md", "docs/**/*.md", "reports/*.md", "rules/**/*.md", "tests/data/**/*.md")
    for page in REPO.glob(pattern)
)
LINK = re.compile(r"\]\(([^)\s]+)\)")
OUTSIDE = re.compile(r"(?<![\w.])(\.\./)+(shared|research)\b|/work/|/home/|/root/")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO)))
def test_relative_links_resolve_inside_the_repository(page: Path) -> None:
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # a URL or an anchor of the same page
        resolved = (page.parent / target.split("#", 1)[0]).resolve()
        if not resolved.is_relative_to(REPO.resolve()) or not resolved.exists():
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPO)))
def test_no_page_refers_to_files_outside_the_repository(page: Path) -> None:
    assert OUTSIDE.findall(page.read_text(encoding="utf-8")) == []
