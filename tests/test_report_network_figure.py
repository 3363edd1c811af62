"""The network figure of the HTML/PDF report: a red × on exactly the links that failing rules are about.

The figure is read back from the real HTML report (``auditor audit --format html``): every inline
SVG is parsed as XML and the × marks (``<g class="fail-mark">``) counted against the links the
JSON results of the same policy say are failing.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.helpers import AUDIT_DATE, run_cli, template_policy

SVG = "{http://www.w3.org/2000/svg}"
LINK_FIELDS = {
    # a field the rules check on each drawn link -> the link's key in the figure
    "network.segments.mynumber.internet_link": "mynumber_internet",
    "network.segments.lgwan.internet_link": "lgwan_internet",
}


def network_figure(policy: Path, target: Path, *extra: str) -> ET.Element:
    result = run_cli(
        "audit", policy, "--format", "html", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", *extra
    )
    assert result.code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    figures = [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]
    (figure,) = [
        svg
        for svg in figures
        if "ネットワーク構成" in svg.get("aria-label", "") or "Network" in svg.get("aria-label", "")
    ]
    return figure


def marks(figure: ET.Element) -> list[ET.Element]:
    return [group for group in figure.iter(f"{SVG}g") if group.get("class") == "fail-mark"]


def failing_paths(policy: Path) -> set[str]:
    result = run_cli("audit", policy, "--format", "json", "--date", AUDIT_DATE, "--fail-on", "none")
    outcomes = json.loads(result.stdout)["outcomes"]
    return {failure["path"] for o in outcomes if o["status"] == "fail" for failure in o["failures"]}


def test_each_failing_link_gets_one_cross_and_the_legend_shows_it(tmp_path: Path) -> None:
    policy = template_policy(
        tmp_path,
        {"network.segments.mynumber.internet_link": "direct", "network.segments.lgwan.internet_link": "open"},
    )
    failing = failing_paths(policy)
    expected = {key for path, key in LINK_FIELDS.items() if path in failing}
    assert expected == {"mynumber_internet", "lgwan_internet"}  # the changes did make both links fail
    figure = network_figure(policy, tmp_path / "report.html")
    found = marks(figure)
    on_links = sorted(str(mark.get("data-link")) for mark in found if mark.get("data-link"))
    assert on_links == sorted(expected)
    assert len(found) == len(expected) + 1  # and one in the legend, beside 不適合の要件に関わる経路
    for mark in found:  # a white circle and the two strokes of the ×, in red
        circle, cross = list(mark)
        assert circle.tag == f"{SVG}circle" and circle.get("stroke") == "#c62828"
        assert cross.tag == f"{SVG}path" and cross.get("d", "").count("M") == 2 and cross.get("stroke") == "#c62828"


def test_a_compliant_policy_has_no_cross_on_any_link(tmp_path: Path) -> None:
    policy = template_policy(tmp_path)
    assert not failing_paths(policy)
    figure = network_figure(policy, tmp_path / "report.html", "--lang", "en")
    assert [mark.get("data-link") for mark in marks(figure)] == [None]  # the legend's only
