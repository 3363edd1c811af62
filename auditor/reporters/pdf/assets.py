"""What weasyprint may fetch while laying out a report: the bundled fonts, and nothing else.

Pages reach the fonts as ``auditor-asset:fonts/...`` (:func:`asset_url`); :func:`asset_fetcher`
serves exactly the files in :data:`SERVED_ASSETS` and refuses every other URL without opening it,
so a policy can make the renderer neither read local files nor reach the network.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from auditor.reporters.page import ASSETS_DIR, FONT_FACES, font_face_css, stylesheet

ASSET_SCHEME = "auditor-asset"
"""URL scheme of bundled assets in the PDF pipeline (``auditor-asset:fonts/...``)."""
SERVED_ASSETS: frozenset[str] = frozenset(path for _, path in FONT_FACES)
"""The only files :func:`asset_fetcher` will ever hand to weasyprint."""


def asset_url(path: str) -> str:
    """The URL under which the PDF pipeline reaches bundled asset ``path``."""
    return f"{ASSET_SCHEME}:{path}"


def print_stylesheet() -> str:
    """The PDF's stylesheet: ``@font-face`` rules for the bundled fonts behind :data:`ASSET_SCHEME`, then
    ``report.css``."""
    return font_face_css([f"url('{asset_url(path)}')" for _, path in FONT_FACES]) + stylesheet()


class AssetRefused(ValueError):
    """A URL the renderer asked for that is not a bundled asset (network, file, data, ...)."""


def read_asset(url: str) -> bytes:
    """The bytes of the bundled asset at ``url``; anything else is refused.

    Only the exact names in :data:`SERVED_ASSETS` are served, so neither ``..`` nor another
    scheme (``file:``, ``http:``, ``data:``) can reach anything else.
    """
    prefix = f"{ASSET_SCHEME}:"
    if not url.startswith(prefix) or url[len(prefix) :] not in SERVED_ASSETS:
        raise AssetRefused(f"refused to fetch {url[:200]!r}: only bundled report assets are served")
    return (ASSETS_DIR / url[len(prefix) :]).read_bytes()


def asset_fetcher() -> Any:
    """A weasyprint URL fetcher serving :data:`SERVED_ASSETS` only (imports weasyprint)."""
    return _fetcher_class()()


@functools.cache
def _fetcher_class() -> type:
    from auditor.reporters.pdf.layout import load_weasyprint

    load_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):  # type: ignore[misc]
        """Serve bundled assets; refuse every other URL without opening it."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=[ASSET_SCHEME], allow_redirects=False, timeout=1)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            try:
                data = read_asset(url)
            except AssetRefused:
                self.refused.append(url)
                raise
            return URLFetcherResponse(url, data, {"Content-Type": "font/ttf"})

    return AssetFetcher
