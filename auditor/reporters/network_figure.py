"""The network model figure of the visual reports: the declared segments, LGWAN, the security cloud and
the internet, with each link labelled by its declared value.

A link that a failing (or erroring) rule is about is drawn red with a × mark on it (``<g
class="fail-mark" data-link="KEY">``), as the caption and the legend say; a segment with failures
is tallied in its box. Built like the other figures (:mod:`auditor.reporters.charts`): escaped
text, presentation attributes only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from auditor.i18n import translate as tr
from auditor.i18n.values import value_label
from auditor.reporters.charts import COLORS, FAIL_COLOR, NONE_COLOR, OK_COLOR, svg_figure, svg_text
from auditor.reporters.view import FINDING_STATUSES, ReportView

_SEGMENTS = "network.segments."


@dataclass(frozen=True)
class Link:
    """A connection in the diagram and the policy fields that describe it."""

    key: str
    paths: tuple[str, ...]
    value_path: str | None


LINKS: tuple[Link, ...] = (
    Link(
        "mynumber_lgwan",
        ("mynumber.lgwan_link", "mynumber.path_restriction", "mynumber.specific_links", "mynumber.isolated"),
        "mynumber.lgwan_link",
    ),
    Link("mynumber_internet", ("mynumber.internet_link", "mynumber.remote_access"), "mynumber.internet_link"),
    Link(
        "lgwan_internet",
        (
            "lgwan.internet_link",
            "lgwan.inbound_mail",
            "lgwan.inbound_files",
            "lgwan.internet_browsing",
            "lgwan.business_system_access",
        ),
        "lgwan.internet_link",
    ),
    Link(
        "lgwan_breakout",
        (
            "lgwan.local_breakout",
            "lgwan.lbo_destinations",
            "lgwan.tenant_restriction",
            "lgwan.cloud_inbound_files",
            "lgwan.cloud_mfa",
            "lgwan.lbo_endpoint_edr",
            "lgwan.lbo_traffic_monitoring",
        ),
        "lgwan.local_breakout",
    ),
    Link("internet_cloud", ("internet.security_cloud", "internet.own_internet_gateway"), "internet.security_cloud"),
)
"""Which declared fields each drawn link stands for (paths relative to ``network.segments``)."""

_VALUE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    # declared value -> (ja, en) short caption on the link (others read as in the reports);
    # "none" values are drawn as blocked.
    "mynumber.lgwan_link": {
        "none": ("通信なし", "none"),
        "allowlisted_only": ("必要な通信のみ", "allow-listed"),
        "open": ("制限なし", "open"),
    },
    "mynumber.internet_link": {
        "none": ("遮断", "blocked"),
        "indirect": ("間接接続", "indirect"),
        "direct": ("直接接続", "direct"),
    },
    "lgwan.internet_link": {"separated": ("分割・無害化", "separated"), "open": ("制限なし", "open")},
    "lgwan.local_breakout": {
        "none": ("なし", "none"),
        "restricted_saas": ("ローカルブレイクアウト（限定）", "local breakout (restricted)"),
        "unrestricted": ("ローカルブレイクアウト（無制限）", "local breakout (unrestricted)"),
    },
    "internet.security_cloud": {"joined": ("参加", "joined"), "not_joined": ("未参加", "not joined")},
}
_BLOCKED_VALUES = {"none", "not_joined"}


def failing_paths(view: ReportView) -> dict[str, list[str]]:
    """Policy path -> ids of failing (or erroring) rules that point at it."""
    failing: dict[str, list[str]] = {}
    for outcome in view.outcomes:
        if outcome.status in FINDING_STATUSES and outcome.path:
            failing.setdefault(outcome.path, []).append(outcome.rule_id)
    return failing


def link_failures(view: ReportView) -> dict[str, list[str]]:
    """Link key -> ids of the failing rules about that link."""
    failing = failing_paths(view)
    result: dict[str, list[str]] = {}
    for link in LINKS:
        ids = sorted({rule for path in link.paths for rule in failing.get(_SEGMENTS + path, [])})
        if ids:
            result[link.key] = ids
    return result


def segment_failures(view: ReportView, segment: str) -> list[str]:
    """Ids of failing rules about ``segment`` (``mynumber``, ``lgwan``, ``internet``)."""
    prefix = f"{_SEGMENTS}{segment}"
    return sorted(
        {
            rule
            for path, rules in failing_paths(view).items()
            if path == prefix or path.startswith(prefix + ".")
            for rule in rules
        }
    )


ID_WIDTH = 45.0
"""Width of one rule id with its separator at the ids' font size: a link shows as many as its leg holds."""
SEGMENT_IDS = 3
"""How many rule ids fit in a segment's box (the findings list them all)."""


def id_list(ids: list[str], limit: int) -> str:
    """The first ``limit`` ids, with … when there are more."""
    return ", ".join(ids[:limit]) + ("…" if len(ids) > limit else "")


def fail_mark(x: float, y: float, link: str) -> str:
    """The red × in a white circle centred on (x, y); ``link`` names the link it marks ("" in the legend)."""
    target = f' data-link="{escape(link)}"' if link else ""
    return (
        f'<g class="fail-mark"{target}><circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#ffffff" stroke="{FAIL_COLOR}" '
        f'stroke-width="2"/><path d="M{x - 3.5:.1f},{y - 3.5:.1f} L{x + 3.5:.1f},{y + 3.5:.1f} '
        f'M{x + 3.5:.1f},{y - 3.5:.1f} L{x - 3.5:.1f},{y + 3.5:.1f}" fill="none" stroke="{FAIL_COLOR}" '
        'stroke-width="2"/></g>'
    )


def network_diagram(view: ReportView) -> Markup:
    """The three segments, LGWAN, the security cloud and the internet, with the declared links."""
    settings = view.result.network.settings if view.result.network else {}
    lang = view.lang
    failures = link_failures(view)

    def declared(path: str) -> object:
        return settings.get(_SEGMENTS + path)

    def link_label(link: Link) -> str:
        if link.value_path is None:
            return ""
        value = declared(link.value_path)
        if value is None:
            return tr("report.network.not_declared", lang)
        labels = _VALUE_LABELS.get(link.value_path, {}).get(str(value))
        return labels[0 if lang == "ja" else 1] if labels else value_label(value, _SEGMENTS + link.value_path, lang)

    def link_state(link: Link) -> str:
        if link.key in failures:
            return "fail"
        value = declared(link.value_path) if link.value_path else "declared"
        if value is None or value in _BLOCKED_VALUES:
            return "none"
        return "ok"

    parts: list[str] = []

    def box(
        x: float, y: float, w: float, h: float, title: str, *, kind: str, lines: Iterable[tuple[str, str]] = ()
    ) -> None:
        fill = {"segment": "#ffffff", "network": "#f5f7fa"}[kind]
        stroke = "#455a64"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{1.6 if kind == "segment" else 1}"/>'
        )
        parts.append(
            svg_text(
                x + w / 2, y + (20 if kind == "segment" else h / 2 + 4), title, size=11, anchor="middle", weight="bold"
            )
        )
        for index, (line, color) in enumerate(lines):
            parts.append(svg_text(x + w / 2, y + 40 + index * 15, line, size=9.5, anchor="middle", fill=color))

    def draw_link(link: Link, points: list[tuple[float, float]], *, label_side: str = "above") -> None:
        """Draw ``link`` along ``points``; its label and failure marker sit on the middle leg."""
        state = link_state(link)
        color = {"fail": FAIL_COLOR, "ok": OK_COLOR, "none": NONE_COLOR}[state]
        dash = ' stroke-dasharray="5 4"' if state == "none" else ""
        width = 2.6 if state == "fail" else 1.8
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="{width}"{dash}/>')
        (x1, y1), (x2, y2) = points[(len(points) - 1) // 2], points[(len(points) - 1) // 2 + 1]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        weight = "bold" if state == "fail" else "normal"
        room = abs(x2 - x1) if label_side == "above" else 2 * ID_WIDTH
        ids = id_list(failures.get(link.key, []), max(1, int(room // ID_WIDTH)))
        if label_side == "above":  # a horizontal leg: label above the line, rule ids below it
            parts.append(
                svg_text(
                    mx,
                    my - (12 if state == "fail" else 6),
                    link_label(link),
                    size=9.5,
                    anchor="middle",
                    fill=color,
                    weight=weight,
                )
            )
            if ids:
                parts.append(svg_text(mx, my + 24, ids, size=8.5, anchor="middle", fill=FAIL_COLOR))
        else:  # a vertical leg: label and ids to the right of the line
            parts.append(svg_text(mx + 13, my - 1, link_label(link), size=9.5, fill=color, weight=weight))
            if ids:
                parts.append(svg_text(mx + 13, my + 11, ids, size=8.5, fill=FAIL_COLOR))
        if state == "fail":
            parts.append(fail_mark(mx, my, link.key))

    # Geometry: segments on the bottom row, LGWAN / security cloud above, the internet on top.
    seg_y, seg_w, seg_h = 206, 160, 78
    mn_x, lg_x, in_x = 6, 250, 494
    net_w, net_h = 160, 34
    lgwan_y, cloud_y, inet_y = 116, 116, 12
    mid = seg_y + seg_h / 2

    draw_link(LINKS[0], [(mn_x + seg_w, mid), (lg_x, mid)])
    draw_link(LINKS[1], [(mn_x + 30, seg_y), (mn_x + 30, inet_y + net_h / 2), (in_x, inet_y + net_h / 2)])
    draw_link(LINKS[2], [(lg_x + seg_w, mid), (in_x, mid)])
    breakout = declared("lgwan.local_breakout")
    if view.model == "alpha_prime" or (breakout not in (None, "none")) or "lgwan_breakout" in failures:
        draw_link(
            LINKS[3],
            [
                (lg_x + seg_w - 24, seg_y),
                (lg_x + seg_w - 24, 84),
                (in_x - 24, 84),
                (in_x - 24, inet_y + net_h - 6),
                (in_x, inet_y + net_h - 6),
            ],
        )
    parts.append(
        f'<line x1="{lg_x + seg_w / 2}" y1="{seg_y}" x2="{lg_x + seg_w / 2}" y2="{lgwan_y + net_h}" '
        f'stroke="{OK_COLOR}" stroke-width="1.8"/>'
    )
    draw_link(LINKS[4], [(in_x + seg_w / 2, seg_y), (in_x + seg_w / 2, cloud_y + net_h)], label_side="right")
    parts.append(
        f'<line x1="{in_x + seg_w / 2}" y1="{cloud_y}" x2="{in_x + seg_w / 2}" y2="{inet_y + net_h}" '
        f'stroke="{OK_COLOR}" stroke-width="1.8"/>'
    )

    box(lg_x, lgwan_y, net_w, net_h, tr("report.network.lgwan_net", lang), kind="network")
    box(in_x, cloud_y, net_w, net_h, tr("report.network.cloud", lang), kind="network")
    box(in_x, inet_y, net_w, net_h, tr("report.network.internet_net", lang), kind="network")
    for segment, x in (("mynumber", mn_x), ("lgwan", lg_x), ("internet", in_x)):
        ids = segment_failures(view, segment)
        if ids:
            status = (f"{view.status_labels['fail']} {len(ids)}", FAIL_COLOR)
        elif not any(key.startswith(f"{_SEGMENTS}{segment}.") for key in settings):
            status = (tr("report.network.not_declared", lang), NONE_COLOR)
        else:
            status = (view.status_labels["pass"], COLORS["pass"])
        lines = [status]
        if ids:
            lines.append((id_list(ids, SEGMENT_IDS), FAIL_COLOR))
        if segment == "internet" and declared("internet.business_systems_hosted") is True:
            lines.append((tr("report.network.business_systems", lang), OK_COLOR))
        box(x, seg_y, seg_w, seg_h, tr(f"report.network.{segment}", lang), kind="segment", lines=lines)

    legend_y = seg_y + seg_h + 26.0
    legend_x = 6.0
    for color, dash, key in (
        (OK_COLOR, "", "legend_ok"),
        (FAIL_COLOR, "", "legend_fail"),
        (NONE_COLOR, ' stroke-dasharray="5 4"', "legend_none"),
    ):
        parts.append(
            f'<line x1="{legend_x}" y1="{legend_y - 4}" x2="{legend_x + 26}" y2="{legend_y - 4}" '
            f'stroke="{color}" stroke-width="2"{dash}/>'
        )
        if key == "legend_fail":  # the caption promises a × on failing links: the legend shows it too
            parts.append(fail_mark(legend_x + 13, legend_y - 4, ""))
        label = tr(f"report.network.{key}", lang)
        parts.append(svg_text(legend_x + 32, legend_y, label, size=9.5))
        legend_x += 50 + len(label) * (10 if lang == "ja" else 5.2)
    return svg_figure(660, int(legend_y + 10), view.label("network"), parts)
