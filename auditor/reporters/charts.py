"""The SVG figures of the visual reports: compliance per chapter and progress (the network model is
drawn by :mod:`auditor.reporters.network_figure`, with the helpers here).

Plain SVG built from the report view, with every text escaped, no style attributes (the HTML
report's Content Security Policy allows none) and no external reference, so the same markup is
inlined in the HTML page and laid out by weasyprint in the PDF.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from auditor.reporters.view import ReportView

FONT = "'Auditor Sans', 'BIZ UDPGothic', sans-serif"
TEXT_COLOR = "#212121"
COLORS = {
    "pass": "#2e7d32",
    "waived": "#b7791f",
    "manual": "#5b6b8c",
    "error": "#6a1b9a",
    "fail": "#c62828",
}
STACK_ORDER = ("pass", "waived", "manual", "error", "fail")
OK_COLOR = "#37474f"
NONE_COLOR = "#9e9e9e"
FAIL_COLOR = "#c62828"


def svg_text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 11,
    anchor: str = "start",
    weight: str = "normal",
    fill: str = TEXT_COLOR,
) -> str:
    # Only what differs from the defaults set once on <svg> (see svg_figure): every attribute costs the
    # HTML parser and the renderer time, and the charts have dozens of labels.
    extra = "".join(
        (
            f' text-anchor="{anchor}"' if anchor != "start" else "",
            f' font-weight="{weight}"' if weight != "normal" else "",
            f' fill="{fill}"' if fill != TEXT_COLOR else "",
        )
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}"{extra}>{escape(content)}</text>'


def svg_figure(width: int, height: int, label: str, parts: Iterable[str]) -> Markup:
    body = "\n".join(parts)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figure" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}" font-family="{FONT}" '
        f'fill="{TEXT_COLOR}">\n{body}\n</svg>'
    )


# --- compliance per chapter ---------------------------------------------------------------------


def chapter_chart(view: ReportView) -> Markup:
    """Horizontal stacked bars: each chapter's applicable outcomes by status, and its pass rate."""
    label_width, bar_x, bar_width, row = 250, 258, 330, 24
    top = 8
    parts: list[str] = []
    y = top
    for chapter in view.chapters:
        parts.append(svg_text(label_width, y + 15, chapter.title, size=10.5, anchor="end"))
        total = chapter.applicable
        parts.append(f'<rect x="{bar_x}" y="{y + 3}" width="{bar_width}" height="{row - 8}" fill="#eceff1"/>')
        x = float(bar_x)
        for status in STACK_ORDER:
            count = chapter.counts[status]
            if not count or not total:
                continue
            width = bar_width * count / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{row - 8}" '
                f'fill="{COLORS[status]}"><title>{escape(view.status_labels[status])} {count}</title></rect>'
            )
            if width >= 16:
                parts.append(
                    svg_text(
                        x + width / 2, y + 15.5, str(count), size=9.5, anchor="middle", fill="#ffffff", weight="bold"
                    )
                )
            x += width
        parts.append(svg_text(bar_x + bar_width + 8, y + 15, chapter.rate_label, size=10.5, weight="bold"))
        y += row
    legend_y = y + 14
    x = float(bar_x)
    for status in STACK_ORDER:
        parts.append(f'<rect x="{x:.1f}" y="{legend_y - 9}" width="10" height="10" fill="{COLORS[status]}"/>')
        label = view.status_labels[status]
        parts.append(svg_text(x + 14, legend_y, label, size=9.5))
        x += 24 + 7.5 * len(label) * (1.6 if view.lang == "ja" else 0.8)
    return svg_figure(660, int(legend_y + 10), view.label("chart"), parts)


# --- progress since the previous audit -----------------------------------------------------------

BEFORE_COLOR = "#90a4ae"
IMPROVED_COLOR = "#2e7d32"


def progress_chart(view: ReportView) -> Markup:
    """Per chapter a small pair of bars, the pass rate before (grey) and now, with the change and counts."""
    progress = view.progress
    if progress is None:
        return Markup("")
    label_width, bar_x, bar_width, row = 250, 258, 250, 26
    parts: list[str] = []
    y = 6.0
    for chapter in progress.chapters:
        parts.append(svg_text(label_width, y + 15, chapter.title, size=10.5, anchor="end"))
        for offset, rate, color in ((2, chapter.before_rate, BEFORE_COLOR), (12, chapter.after_rate, OK_COLOR)):
            parts.append(f'<rect x="{bar_x}" y="{y + offset}" width="{bar_width}" height="8" fill="#eceff1"/>')
            if rate:
                parts.append(
                    f'<rect x="{bar_x}" y="{y + offset}" width="{bar_width * rate:.1f}" height="8" fill="{color}"/>'
                )
        parts.append(svg_text(bar_x + bar_width + 8, y + 10, chapter.before_label, size=9, fill=NONE_COLOR))
        parts.append(svg_text(bar_x + bar_width + 8, y + 20.5, chapter.after_label, size=10, weight="bold"))
        changes = []
        if chapter.improved:
            changes.append((f"▲{len(chapter.improved)}", IMPROVED_COLOR))
        if chapter.regressed:
            changes.append((f"▼{len(chapter.regressed)}", FAIL_COLOR))
        x = bar_x + bar_width + 62.0
        for text, color in changes:
            parts.append(svg_text(x, y + 16, text, size=10, weight="bold", fill=color))
            x += 34
        y += row
    legend_y = y + 12
    parts.append(f'<rect x="{bar_x}" y="{legend_y - 8}" width="10" height="8" fill="{BEFORE_COLOR}"/>')
    parts.append(svg_text(bar_x + 14, legend_y, view.label("progress.before") + " " + progress.previous_date, size=9.5))
    parts.append(f'<rect x="{bar_x + 150}" y="{legend_y - 8}" width="10" height="8" fill="{OK_COLOR}"/>')
    parts.append(svg_text(bar_x + 164, legend_y, view.label("progress.after") + " " + view.audit_date, size=9.5))
    return svg_figure(660, int(legend_y + 8), view.label("progress"), parts)
