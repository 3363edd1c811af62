"""Helpers for the report tests: hostile policies, a request-counting local server, headless Chromium, PDF text."""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import EXAMPLES

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@dataclass
class RequestLog:
    """Paths requested from the local trap server."""

    paths: list[str] = field(default_factory=list)


@contextmanager
def trap_server() -> Iterator[tuple[str, RequestLog]]:
    """A local HTTP server on 127.0.0.1 that records every request it gets (none is expected)."""
    log = RequestLog()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            log.paths.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body{background:#f0f}")

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def hostile_strings(base_url: str) -> dict[str, str]:
    """Strings that would fetch, script or inject if any report forgot to escape them."""
    return {
        "name": "<script>alert(1)</script>毒町",
        "justification": (
            f'</style><style>@import url("{base_url}/import.css");body{{background:url({base_url}/bg.png)}}</style>'
            f'<img src="{base_url}/img.png"><link rel="stylesheet" href="{base_url}/link.css">'
            f'<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object>'
            f'=HYPERLINK("{base_url}/xlsx","x") | **太字** [link]({base_url}/md) `code`'
        ),
        "approver_role": f'<a href="file:///etc/passwd">passwd</a> url({base_url}/role.png)',
        "approver_name": f"<svg onload=\"fetch('{base_url}/svg')\"></svg>山田",
        "ticket": "file:///etc/passwd",
    }


def hostile_policy(directory: Path, base_url: str, source: str = "alpha-town.yaml") -> tuple[Path, dict[str, str]]:
    """An example policy whose entity name and waiver carry hostile strings; returns (path, strings)."""
    data = yaml.safe_load((EXAMPLES / source).read_text(encoding="utf-8"))
    strings = hostile_strings(base_url)
    data["entity"]["name"] = strings["name"]
    waiver = data["waivers"][0]
    waiver["justification"] = strings["justification"]
    waiver["approver"] = {"role": strings["approver_role"], "name": strings["approver_name"]}
    waiver["ticket"] = strings["ticket"]
    path = directory / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, strings


def chromium() -> str:
    """The Chromium executable; the test suite's set-up (scripts/test.sh) installs it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Debian's chromium is required for the HTML report tests (bash scripts/test.sh installs it)"
    return found


@dataclass
class BrowserRun:
    """What headless Chromium did with a page."""

    screenshot: Path
    page_requests: list[str]


def open_in_chromium(page: Path, workdir: Path) -> BrowserRun:
    """Open ``page`` in a fresh headless Chromium profile, screenshot it, and list page-initiated requests.

    Requests come from Chromium's network log: those whose initiator is an origin were made by the
    page (the browser's own background traffic carries "not an origin" and is not the page's doing).
    """
    shot = workdir / f"{page.stem}.png"
    netlog = workdir / f"{page.stem}.netlog.json"
    profile = workdir / f"profile-{page.stem}"
    subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--log-net-log={netlog}",
            "--window-size=1000,1400",
            f"--screenshot={shot}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.is_file(), "Chromium did not take a screenshot"
    return BrowserRun(shot, page_requests(netlog))


def page_requests(netlog: Path) -> list[str]:
    """URLs of network requests a page initiated, from a Chromium net log."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    names = {number: name for name, number in data["constants"]["logEventTypes"].items()}
    urls = []
    for event in data["events"]:
        if names.get(event.get("type")) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        if params.get("initiator", "not an origin") != "not an origin":
            urls.append(str(params.get("url")))
    return urls


def non_background_share(screenshot: Path) -> tuple[float, int]:
    """Share of pixels that differ from the page background, and how many colours the image uses."""
    from PIL import Image

    with Image.open(screenshot) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20) or []
        background = max(colours)[1] if colours else (255, 255, 255)
        pixels = rgb.width * rgb.height
        same = sum(count for count, colour in colours if colour == background)
    return 1 - same / pixels, len(colours)


def texts(path: Path) -> list[str]:
    """The text of each page of a PDF, as pypdf extracts it."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def fonts(path: Path) -> dict[str, bool]:
    """Every font used on any page of a PDF -> whether its program is embedded."""
    from pypdf import PdfReader

    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        if not font_dict:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            found[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


class Page(HTMLParser):
    """Tags, attributes, text and the one style element of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def parse_html(path: Path) -> Page:
    """``path`` parsed as a :class:`Page`."""
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page
