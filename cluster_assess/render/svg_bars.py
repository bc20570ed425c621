"""Inline SVG for reports: a horizontal bar chart of factor scores and a stage ladder.

Plain strings, no dependencies, no fonts embedded: text inherits the page's font stack, so Chinese
renders with the reader's system fonts. Unknown scores are drawn as a dashed empty track labelled
"unknown", never as a zero-length bar. Every text is XML-escaped here.
"""

from __future__ import annotations

import unicodedata
from html import escape

from cluster_assess.report.document import BarChart, IntervalPlot, Ladder

WIDTH = 680
COLOURS = {"met": "#2f6b3a", "not_met": "#b03a2e", "unknown": "#8a8a8a"}
INK = "#1a1a1a"
MUTED = "#666666"
TRACK = "#e6e6e6"
ACCENT = "#1f4e79"
ACCENT_LIGHT = "#d3e0ee"


def text_width(value: str, size: float) -> float:
    """An estimate of rendered width: CJK glyphs are square, Latin ones about 0.58 em."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.58 for ch in value)


def bar_chart(chart: BarChart) -> str:
    size, row, gap = 12.0, 22, 4
    labels = [b.label for b in chart.bars]
    label_w = min(260.0, max((text_width(x, size) for x in labels), default=60) + 12)
    value_w = 52.0
    track_x, track_w = label_w, WIDTH - label_w - value_w
    groups = [b.group for b in chart.bars]
    has_groups = any(groups)
    y, parts = 8.0, []
    previous: str | None = None
    for bar in chart.bars:
        if has_groups and bar.group != previous:
            y += 4 if previous is not None else 0
            parts.append(f'<text x="0" y="{y + 11:.1f}" font-size="10.5" fill="{MUTED}" font-weight="bold">'
                         f"{escape(bar.group or '—')}</text>")
            parts.append(f'<line x1="0" x2="{WIDTH}" y1="{y + 15:.1f}" y2="{y + 15:.1f}" stroke="#cccccc" '
                         'stroke-width="0.6"/>')
            y += 18
            previous = bar.group
        mid = y + row / 2
        parts.append(f'<text x="{label_w - 8:.1f}" y="{mid + 4:.1f}" font-size="{size:g}" text-anchor="end" '
                     f'fill="{INK}">{escape(bar.label)}</text>')
        top, height = y + gap, row - 2 * gap
        if bar.value is None:
            parts.append(f'<rect x="{track_x:.1f}" y="{top:.1f}" width="{track_w:.1f}" height="{height}" '
                         f'fill="none" stroke="{COLOURS["unknown"]}" stroke-dasharray="4 3" stroke-width="0.8"/>')
        else:
            parts.append(f'<rect x="{track_x:.1f}" y="{top:.1f}" width="{track_w:.1f}" height="{height}" '
                         f'fill="{TRACK}"/>')
            filled = max(0.0, min(1.0, bar.value)) * track_w
            if filled > 0:
                parts.append(f'<rect x="{track_x:.1f}" y="{top:.1f}" width="{filled:.1f}" height="{height}" '
                             f'fill="{COLOURS.get(bar.status, INK)}"/>')
        parts.append(f'<text x="{WIDTH - value_w + 6:.1f}" y="{mid + 4:.1f}" font-size="{size:g}" '
                     f'fill="{COLOURS.get(bar.status, INK) if bar.value is not None else MUTED}">'
                     f"{escape(bar.text)}</text>")
        y += row
    # legend
    y += 10
    x = track_x
    for status, label in chart.legend:
        dash = ' stroke-dasharray="4 3" fill="none"' if status == "unknown" else f' fill="{COLOURS.get(status, INK)}"'
        stroke = f' stroke="{COLOURS["unknown"]}" stroke-width="0.8"' if status == "unknown" else ""
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="10"{dash}{stroke}/>')
        parts.append(f'<text x="{x + 19:.1f}" y="{y + 9:.1f}" font-size="11" fill="{INK}">{escape(label)}</text>')
        x += 19 + text_width(label, 11) + 22
    height = y + 18
    return _svg(chart.caption, height, "".join(parts))


HATCH = ('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
         'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eef3f8"/>'
         f'<line x1="0" y1="0" x2="0" y2="6" stroke="{ACCENT}" stroke-width="1.6" stroke-opacity="0.55"/>'
         '</pattern></defs>')
LADDER_STYLE = {  # fill, stroke, text colour, weight, dash
    "established": (ACCENT, ACCENT, "#ffffff", "bold", ""),
    "possible": ("url(#hatch)", ACCENT, INK, "bold", ' stroke-dasharray="4 2"'),
    "ruled_out": ("#ffffff", "#9a9a9a", MUTED, "normal", ""),
}


def ladder(figure: Ladder) -> str:
    """Stages as arrows: established ones filled, possible ones hatched, the rest white; a legend
    below (not on the small ladders of the leader's summary, which share one)."""
    n = max(1, len(figure.rungs))
    size = 10.5 if figure.compact else 13.0
    height, tip, gap = (26.0, 9.0, 3.0) if figure.compact else (46.0, 14.0, 4.0)
    width = 440 if figure.compact else WIDTH
    step = (width - gap * (n - 1)) / n
    parts = [HATCH]
    for k, rung in enumerate(figure.rungs):
        x0 = k * (step + gap)
        x1 = x0 + step
        left_notch = tip if k else 0.0
        right_tip = tip if k < n - 1 else 0.0
        points = [(x0, 2), (x1 - right_tip, 2), (x1, height / 2), (x1 - right_tip, height - 2), (x0, height - 2),
                  (x0 + left_notch, height / 2)]
        fill, stroke, colour, weight, dash = LADDER_STYLE[rung.state]
        pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polygon points="{pts}" fill="{fill}" stroke="{stroke}" stroke-width="1"{dash}/>')
        label = ("● " if rung.current else "") + rung.name
        room = step - left_notch - right_tip - 10
        fsize = size if text_width(label, size) <= room else max(7.5, size * room / text_width(label, size))
        cx = x0 + left_notch / 2 + (step - right_tip) / 2
        parts.append(f'<text x="{cx:.1f}" y="{height / 2 + fsize * 0.36:.1f}" font-size="{fsize:.1f}" '
                     f'text-anchor="middle" fill="{colour}" font-weight="{weight}">{escape(label)}</text>')
    total = height + 2
    if figure.legend and not figure.compact:
        parts.append(ladder_legend(figure.legend, total + 4))
        total += 22
    return _svg(figure.caption, total, "".join(parts), width)


def ladder_legend(legend: tuple[tuple[str, str], ...], y: float, x: float = 0.0) -> str:
    parts = []
    for state, label in legend:
        fill, stroke, _, _, dash = LADDER_STYLE.get(state, LADDER_STYLE["ruled_out"])
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="16" height="11" fill="{fill}" stroke="{stroke}"{dash}/>')
        parts.append(f'<text x="{x + 21:.1f}" y="{y + 9.5:.1f}" font-size="11" fill="{INK}">{escape(label)}</text>')
        x += 21 + text_width(label, 11) + 22
    return "".join(parts)


def interval_plot(plot: IntervalPlot) -> str:
    """Each town's index interval on a 0–100 axis, the point as a dot, bands shaded in turn."""
    row, top = 22.0, 26.0
    band_w = 52.0
    name_w = min(200.0, max((text_width(i.label, 11.5) for i in plot.items), default=60) + 12)
    value_w = 64.0
    x0 = band_w + name_w
    axis_w = WIDTH - x0 - value_w - 8

    def at(v: float) -> float:
        return x0 + max(0.0, min(100.0, v)) / 100 * axis_w

    parts = [f'<text x="0" y="12" font-size="10.5" fill="{MUTED}" font-weight="bold">{escape(plot.headers[0])}</text>',
             f'<text x="{band_w:.1f}" y="12" font-size="10.5" fill="{MUTED}" font-weight="bold">'
             f"{escape(plot.headers[1])}</text>",
             f'<text x="{WIDTH - value_w:.1f}" y="12" font-size="10.5" fill="{MUTED}" font-weight="bold">'
             f"{escape(plot.headers[3])}</text>"]
    bottom = top + row * len(plot.items)
    y, previous, shade = top, None, False
    for item in plot.items:
        if item.band != previous:
            shade = not shade if previous is not None else shade
            if previous is not None:
                parts.append(f'<line x1="0" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="#9a9a9a" '
                             'stroke-width="0.8"/>')
            parts.append(f'<text x="0" y="{y + 15:.1f}" font-size="11" fill="{INK}" font-weight="bold">'
                         f"{escape(item.band)}</text>")
            previous = item.band
        if shade:
            parts.append(f'<rect x="{band_w - 4:.1f}" y="{y:.1f}" width="{WIDTH - band_w + 4:.1f}" height="{row}" '
                         'fill="#f2f2f2"/>')
        mid = y + row / 2
        parts.append(f'<text x="{x0 - 8:.1f}" y="{mid + 4:.1f}" font-size="11.5" text-anchor="end" fill="{INK}">'
                     f"{escape(item.label)}</text>")
        lo, hi = at(item.low), at(item.high)
        parts.append(f'<rect x="{lo:.1f}" y="{mid - 5:.1f}" width="{max(2.0, hi - lo):.1f}" height="10" '
                     f'fill="{ACCENT_LIGHT}" stroke="{ACCENT}" stroke-width="1"/>')
        if item.point is not None:
            parts.append(f'<circle cx="{at(item.point):.1f}" cy="{mid:.1f}" r="4.5" fill="{ACCENT}" '
                         'stroke="#ffffff" stroke-width="1"/>')
        parts.append(f'<text x="{WIDTH - value_w:.1f}" y="{mid + 4:.1f}" font-size="11.5" fill="{INK}">'
                     f"{escape(item.text)}</text>")
        y += row
    for tick in range(0, 101, 20):
        x = at(tick)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4:.1f}" y2="{bottom:.1f}" stroke="#bbbbbb" '
                     'stroke-width="0.5" stroke-dasharray="2 2"/>')
        parts.append(f'<text x="{x:.1f}" y="{top - 8:.1f}" font-size="10" text-anchor="middle" fill="{MUTED}">'
                     f"{tick}</text>")
    return _svg(plot.caption, bottom + 6, "".join(parts))


def _svg(title: str, height: float, body: str, width: int = WIDTH) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" width="100%" '
            f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>{body}</svg>')
