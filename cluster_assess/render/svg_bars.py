"""Inline SVG for reports: a horizontal bar chart of factor scores and a stage ladder.

Plain strings, no dependencies, no fonts embedded: text inherits the page's font stack, so Chinese
renders with the reader's system fonts. Unknown scores are drawn as a dashed empty track labelled
"unknown", never as a zero-length bar. Every text is XML-escaped here.
"""

from __future__ import annotations

import unicodedata
from html import escape

from cluster_assess.report.document import BarChart, Ladder

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


def ladder(figure: Ladder) -> str:
    n = max(1, len(figure.rungs))
    size = 13.0
    height, tip, gap = 46.0, 14.0, 4.0
    step = (WIDTH - gap * (n - 1)) / n
    parts = []
    for k, rung in enumerate(figure.rungs):
        x0 = k * (step + gap)
        x1 = x0 + step
        left_notch = tip if k else 0.0
        right_tip = tip if k < n - 1 else 0.0
        points = [(x0, 2), (x1 - right_tip, 2), (x1, height / 2), (x1 - right_tip, height - 2), (x0, height - 2),
                  (x0 + left_notch, height / 2)]
        if rung.current:
            fill, stroke, colour, weight = ACCENT, ACCENT, "#ffffff", "bold"
        elif rung.reached:
            fill, stroke, colour, weight = ACCENT_LIGHT, ACCENT, INK, "normal"
        else:
            fill, stroke, colour, weight = "#ffffff", "#9a9a9a", MUTED, "normal"
        pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(f'<polygon points="{pts}" fill="{fill}" stroke="{stroke}" stroke-width="1"/>')
        label = ("● " if rung.current else "") + rung.name
        room = step - left_notch - right_tip - 10
        fsize = size if text_width(label, size) <= room else max(8.0, size * room / text_width(label, size))
        cx = x0 + left_notch / 2 + (step - right_tip) / 2
        parts.append(f'<text x="{cx:.1f}" y="{height / 2 + fsize * 0.36:.1f}" font-size="{fsize:.1f}" '
                     f'text-anchor="middle" fill="{colour}" font-weight="{weight}">{escape(label)}</text>')
    return _svg(figure.caption, height + 2, "".join(parts))


def _svg(title: str, height: float, body: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" '
            f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>{body}</svg>')
