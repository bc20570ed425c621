"""Charts as SVG whose text stays text: a radar of factor scores for up to 8 towns, and a line per
cluster followed over the years (its maturity index by year).

Built with ElementTree, so every name is escaped. Labels are <text> elements with a font stack that
finds a Chinese face on Windows, macOS, Linux and Android without installing anything. An unknown
factor score is a gap in the town's outline, never a point at the centre (unknown is not 0).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from typing import IO

from cluster_assess.compare.model import Comparison
from cluster_assess.i18n import t

FONT = ('"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
        '"WenQuanYi Micro Hei",sans-serif')
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")
MAX_TOWNS = 8
WIDTH = 1100
RADAR_HEIGHT = 640
LINE_HEIGHT = 420


def render(c: Comparison, lang: str) -> str:
    height = RADAR_HEIGHT + (LINE_HEIGHT if c.trajectories else 0)
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "width": str(WIDTH), "height": str(height),
        "viewBox": f"0 0 {WIDTH} {height}", "font-family": FONT, "font-size": "13",
    })
    ET.SubElement(svg, "rect", {"x": "0", "y": "0", "width": str(WIDTH), "height": str(height), "fill": "white"})
    _radar(svg, c, lang)
    if c.trajectories:
        _lines(svg, c, lang, top=RADAR_HEIGHT)
    ET.indent(svg)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(svg, encoding="unicode") + "\n"


def _text(parent: ET.Element, x: float, y: float, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", **attrs})
    element.text = text
    return element


def _radar(svg: ET.Element, c: Comparison, lang: str) -> None:
    towns = list(range(min(MAX_TOWNS, len(c.columns))))
    # an axis no plotted town has data for carries no information: leave it out, and say how many
    all_rows = [r for r in c.rows if r.group == "factor"]
    factor_rows = [r for r in all_rows if any(r.cells[i].score is not None for i in towns)]
    left_out = len(all_rows) - len(factor_rows)
    title = f"{t('comparison', lang)}: " + ("要素得分" if lang == "zh" else "factor scores")
    if len(c.columns) > MAX_TOWNS:
        title += f" ({MAX_TOWNS}/{len(c.columns)})"
    _text(svg, 24, 32, title, **{"font-size": "18", "font-weight": "bold"})
    cx, cy, radius = 470.0, 350.0, 200.0
    n = len(factor_rows)
    if n < 3:
        _text(svg, 24, 64, "—")
        return
    grid = ET.SubElement(svg, "g", {"stroke": "#ccc", "fill": "none"})
    for level in (0.2, 0.4, 0.6, 0.8, 1.0):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_at(cx, cy, radius * level, k, n) for k in range(n)))
        ET.SubElement(grid, "polygon", {"points": points})
        _text(svg, cx + 3, cy - radius * level + 12, f"{level:.0%}", fill="#999", **{"font-size": "10"})
    for k, row in enumerate(factor_rows):
        x, y = _at(cx, cy, radius, k, n)
        ET.SubElement(grid, "line", {"x1": f"{cx:.1f}", "y1": f"{cy:.1f}", "x2": f"{x:.1f}", "y2": f"{y:.1f}"})
        lx, ly = _at(cx, cy, radius + 18, k, n)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        _text(svg, lx, ly + 4, row.label.get(lang), **{"text-anchor": anchor, "font-size": "12"})
    for slot, i in enumerate(towns):
        colour = PALETTE[slot % len(PALETTE)]
        group = ET.SubElement(svg, "g", {"stroke": colour, "fill": colour})
        scores = [row.cells[i].score for row in factor_rows]
        runs = _runs(scores)
        for run in runs:
            coords = [_at(cx, cy, radius * (scores[k] or 0.0), k, n) for k in run]
            closed = len(run) == n
            d = "M " + " L ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + (" Z" if closed else "")
            ET.SubElement(group, "path", {"d": d, "fill-opacity": "0.08" if closed else "0",
                                          "stroke-width": "2", "fill": colour if closed else "none"})
        for k, score in enumerate(scores):
            if score is not None:
                x, y = _at(cx, cy, radius * score, k, n)
                ET.SubElement(group, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "3"})
        ly = 80 + slot * 26
        ET.SubElement(svg, "rect", {"x": "800", "y": f"{ly - 11}", "width": "14", "height": "14", "fill": colour})
        _text(svg, 822, ly, c.columns[i].key)
    note = ("缺少数据的要素在轮廓上留空（不按0计）" if lang == "zh"
            else "a factor with no data leaves a gap in the outline (never counted as 0)")
    if left_out:
        note += (f"；{left_out}个要素所有集群均无数据，未画出" if lang == "zh"
                 else f"; {left_out} factors with no data for any town are not drawn")
    _text(svg, 24, 56, note, fill="#666", **{"font-size": "12"})


def _runs(scores: list[float | None]) -> list[list[int]]:
    """Consecutive known axes, wrapping round; the whole ring when every score is known."""
    n = len(scores)
    if all(s is not None for s in scores):
        return [list(range(n))]
    start = next((k for k in range(n) if scores[k] is None), 0)
    runs: list[list[int]] = []
    current: list[int] = []
    for step in range(1, n + 1):
        k = (start + step) % n
        if scores[k] is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(k)
    if current:
        runs.append(current)
    return runs


def _at(cx: float, cy: float, r: float, k: int, n: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * k / n
    return cx + r * math.cos(angle), cy + r * math.sin(angle)


def _lines(svg: ET.Element, c: Comparison, lang: str, top: float) -> None:
    name = c.index.name.get(lang) if c.index else t("index", lang)
    _text(svg, 24, top + 30, f"{t('trajectories', lang)}: {name}", **{"font-size": "18", "font-weight": "bold"})
    years = sorted({y for tr in c.trajectories for y in tr.years})
    left, right, y0, y1 = 70.0, 720.0, top + 60, top + LINE_HEIGHT - 50
    axes = ET.SubElement(svg, "g", {"stroke": "#999"})
    ET.SubElement(axes, "line", {"x1": str(left), "y1": f"{y1}", "x2": str(right), "y2": f"{y1}"})
    ET.SubElement(axes, "line", {"x1": str(left), "y1": f"{y0}", "x2": str(left), "y2": f"{y1}"})
    for value in (0, 25, 50, 75, 100):
        y = y1 - (y1 - y0) * value / 100
        ET.SubElement(axes, "line", {"x1": str(left), "y1": f"{y:.1f}", "x2": str(right), "y2": f"{y:.1f}",
                                     "stroke": "#eee"})
        _text(svg, left - 8, y + 4, str(value), **{"text-anchor": "end", "font-size": "11"})

    def x_of(year: int) -> float:
        if len(years) == 1:
            return (left + right) / 2
        return left + (right - left) * (year - years[0]) / (years[-1] - years[0])

    for year in years:
        _text(svg, x_of(year), y1 + 20, str(year), **{"text-anchor": "middle"})
    for slot, tr in enumerate(c.trajectories[:MAX_TOWNS]):
        colour = PALETTE[slot % len(PALETTE)]
        group = ET.SubElement(svg, "g", {"stroke": colour, "fill": colour})
        known = [(x_of(y), y1 - (y1 - y0) * v / 100, v) for y, v in zip(tr.years, tr.index) if v is not None]
        if len(known) > 1:
            ET.SubElement(group, "polyline", {"points": " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in known),
                                              "fill": "none", "stroke-width": "2"})
        for x, y, v in known:
            ET.SubElement(group, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "4"})
            _text(svg, x, y - 9, f"{v:.0f}", fill=colour, **{"text-anchor": "middle", "font-size": "11"})
        ly = top + 80 + slot * 26
        ET.SubElement(svg, "rect", {"x": "800", "y": f"{ly - 11}", "width": "14", "height": "14", "fill": colour})
        _text(svg, 822, ly, tr.name)


def write(c: Comparison, stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(render(c, lang))
