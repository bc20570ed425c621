"""The stability figure (SVG) and the ranking as blocks of the comparison report.

The figure is a heat strip per alternative: one cell per rank, shaded by the share of Monte Carlo
draws in which the alternative holds that rank, its own rank outlined. Text is SVG text (with a
CJK-capable font list), so it stays searchable and sharp.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from cluster_assess.rank.messages import tr
from cluster_assess.rank.run import Result

FONTS = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif"
MAX_SHOWN = 30


def render_svg(r: Result, lang: str) -> str:
    mc = r.monte_carlo
    order = r.order[:MAX_SHOWN]
    n = len(r.table.names)
    ranks = min(n, MAX_SHOWN)
    cell, left, top = 22, 200, 50
    width, height = left + cell * ranks + 20, top + cell * len(order) + 40
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(width), height=str(height),
                     viewBox=f"0 0 {width} {height}", style=f"font-family:{FONTS};font-size:12px")
    _text(svg, 10, 20, tr("rank_figure_title", lang), **{"font-size": "14", "font-weight": "bold"})
    for k in range(ranks):
        _text(svg, left + cell * k + cell / 2, top - 6, str(k + 1), **{"text-anchor": "middle"})
    for row, i in enumerate(order):
        y = top + cell * row
        _text(svg, left - 6, y + cell * 0.7, r.table.names[i], **{"text-anchor": "end"})
        for k in range(ranks):
            share = 0.0 if mc is None or mc.shares is None else float(mc.shares[i][k])
            rect = ET.SubElement(svg, "rect", x=str(left + cell * k), y=str(y), width=str(cell - 1),
                                 height=str(cell - 1), fill=_shade(share))
            ET.SubElement(rect, "title").text = f"{r.table.names[i]} · {k + 1}: {share:.0%}"
        own = int(r.ranges.best[i]) - 1
        if own < ranks:
            ET.SubElement(svg, "rect", x=str(left + cell * own), y=str(y), width=str(cell - 1), height=str(cell - 1),
                          fill="none", stroke="#000", **{"stroke-width": "1.5"})
    _text(svg, 10, height - 12, r.convention(lang), **{"font-size": "10"})
    return ET.tostring(svg, encoding="unicode") + "\n"


def _shade(share: float) -> str:
    level = int(255 - 200 * max(0.0, min(1.0, share)))
    return f"rgb({level},{level},255)"


def _text(parent: ET.Element, x: float, y: float, text: str, **attrs: str) -> None:
    node = ET.SubElement(parent, "text", x=f"{x:.1f}", y=f"{y:.1f}", **attrs)
    node.text = text


def report_blocks(r: Result, lang: str) -> tuple[object, ...]:
    """The ranking for the comparison report: convention, table, notes, and the stability figure as a
    bar chart the report renderers already draw (one bar per town: the share of draws at its rank)."""
    from cluster_assess.rank.render import notes, ranking_rows, stability_rows
    from cluster_assess.report.document import Bar, BarChart, BulletList, Paragraph, Table

    headers, rows = ranking_rows(r, lang)
    blocks: list[object] = [
        Paragraph(r.convention(lang), label=tr("rank_convention", lang)),
        Table(tr("rank_title", lang), tuple(headers), tuple(tuple(row) for row in rows), tuple(1 for _ in headers)),
    ]
    lines = notes(r, lang)
    if lines:
        blocks.append(BulletList(tuple(lines)))
    if r.monte_carlo is not None:
        headers, rows = stability_rows(r, lang)
        blocks.append(Table(tr("rank_stability_title", lang), tuple(headers), tuple(tuple(row) for row in rows),
                            tuple(1 for _ in headers)))
        mc = r.monte_carlo
        bars = tuple(Bar(label=r.table.names[i], value=float(mc.hold[i]),
                         status="met" if mc.hold[i] >= 0.5 else "not_met", text=f"{mc.hold[i]:.0%}")
                     for i in r.order)
        blocks.append(BarChart(caption=tr("rank_figure_title", lang), bars=bars,
                               legend=(("met", tr("rank_figure_legend", lang)),),
                               headers=(tr("rank_col_name", lang), "", "", "", tr("rank_col_hold", lang))))
    return tuple(blocks)
