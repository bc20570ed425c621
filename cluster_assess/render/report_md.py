"""The report as GitHub-flavoured markdown: numbered headings, aligned tables, text charts.

All text of the `Report` is escaped here (`text()`), so a name such as `<script>` or `| ---` stays
literal. Tables are aligned by display width (CJK characters take two columns), so the raw file
reads as well in a plain editor as it renders in a viewer.
"""

from __future__ import annotations

import re
import unicodedata

from cluster_assess.display import sanitised
from cluster_assess.report.document import (
    Bar,
    BarChart,
    Block,
    BulletList,
    Grid,
    IntervalPlot,
    Ladder,
    Paragraph,
    References,
    Report,
    Subsection,
    Table,
)

# Characters with inline meaning in GFM (emphasis, code, links, HTML, tables, strikethrough, math).
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
# What a line may not start with without turning into a heading, quote, list, rule or code fence.
_LEADING = re.compile(r"^(\s*)([#>+=\-]|\d+[.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
BAR_CELLS = 10


def text(value: str, start: bool = False) -> str:
    """Make any text inert in markdown: one line, special characters escaped, safe line start.

    Lighter than `render.markdown.escape` (which also escapes `(`, `#`, `+`, `!` everywhere):
    those matter only at the start of a line or after `]`, and both cases are covered here, so
    the raw report keeps its ordinary punctuation."""
    one_line = " ".join(str(value).split())
    escaped = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", one_line))
    if not start:
        return escaped
    return _LEADING.sub(lambda m: m.group(1) + re.sub(r"([#>+=\-.)])", r"\\\1", m.group(2)), escaped)


def heading(value: str) -> str:
    """Heading text: as `text()`, and a trailing `#` kept (ATX headings drop a closing `#` run)."""
    escaped = text(value)
    return escaped[:-1] + "\\#" if escaped.endswith("#") else escaped


def width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def table(headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """A GFM pipe table, padded so the columns line up in monospace (CJK counted double)."""
    cells = [[text(h) for h in headers], *[[text(c) for c in row] for row in rows]]
    widths = [max(3, *(width(row[i]) for row in cells)) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "| " + " | ".join(c + " " * (w - width(c)) for c, w in zip(row, widths)) + " |"

    return [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(r) for r in cells[1:])]


def render(report: Report) -> str:
    report = sanitised(report)  # user text: no control codes or bidi overrides reach the reader
    out = [f"# {heading(report.title)}", ""]
    if report.subtitle:
        out += [f"*{text(report.subtitle)}*", ""]
    out += [f"- **{text(k)}**{_colon(report)}{text(v)}" for k, v in report.meta] + [""]
    out += [f"## {heading(report.summary_title)}", ""]
    out += [f"- {text(s, start=True)}" for s in report.summary] + [""]
    for block in report.brief:
        out += _block(block, report)
    for section in report.sections:
        out += [f"## {heading(section.title)}", ""]
        for block in section.blocks:
            if isinstance(block, Subsection):
                out += [f"### {heading(block.title)}", ""]
                for inner in block.blocks:
                    out += _block(inner, report)
            else:
                out += _block(block, report)
    if report.footer:
        out += ["---", "", f"*{text(report.footer)}*", ""]
    return "\n".join(out).rstrip() + "\n"


def _colon(report: Report) -> str:
    return "：" if report.lang == "zh" else ": "


def _block(block: Block, report: Report) -> list[str]:
    if isinstance(block, Paragraph):
        if block.label and block.text:
            return [f"**{text(block.label)}**{_colon(report)}{text(block.text)}", ""]
        if block.label:
            return [f"**{text(block.label)}**{_colon(report)}", ""]
        return [text(block.text, start=True), ""]
    if isinstance(block, BulletList):
        return [f"- {text(item, start=True)}" for item in block.items] + [""]
    if isinstance(block, Table):
        head = [f"**{text(block.caption)}**", ""] if block.caption else []
        return [*head, *table(block.headers, block.rows), ""]
    if isinstance(block, Ladder):
        marks = {"established": "■", "possible": "▨", "ruled_out": "□"}
        rungs = [f"{marks[r.state]} " + (f"**【{text(r.name)}】**" if r.current else text(r.name))
                 for r in block.rungs]
        if block.compact:
            return [f"- {text(block.caption, start=True)}：" if report.lang == "zh"
                    else f"- {text(block.caption, start=True)}: ", f"  {' → '.join(rungs)}", ""]
        legend = "　".join(f"{marks[s]} {text(label)}" for s, label in block.legend)
        return [f"*{text(block.caption)}*", "", " → ".join(rungs), "", *([legend, ""] if legend else [])]
    if isinstance(block, Grid):
        rows = tuple((label, *(c.text for c in cells)) for label, cells in block.rows)
        lines = [f"**{text(block.caption)}**", "", *table((block.corner, *block.columns), rows), ""]
        return lines + ([f"*{text(block.note)}*", ""] if block.note else [])
    if isinstance(block, IntervalPlot):
        rows = tuple((i.band, i.label, _interval(i.low, i.high, i.point), i.text) for i in block.items)
        lines = [f"**{text(block.caption)}**", "", *table(block.headers, rows), ""]
        return lines + ([f"*{text(block.note)}*", ""] if block.note else [])
    if isinstance(block, References):
        out = []
        for k, ref in enumerate(block.items, start=1):
            out.append(f"{k}\\. {text(ref.entry)}")
            out += [f"    - {text(x, start=True)}" for x in ref.locators]
        return [*out, ""]
    if isinstance(block, BarChart):
        return _chart(block)
    raise TypeError(f"unknown block {type(block).__name__}")


def _chart(chart: BarChart) -> list[str]:
    """The bar chart as a table: a text bar of ten cells; unknown shown as a gap, not as zero."""
    legend = dict(chart.legend)
    rows = []
    for bar in chart.bars:
        rows.append((bar.label, bar.group, legend.get(bar.status, bar.status), _bar(bar), bar.text))
    headers = chart.headers or ("", "", "", "", "")
    lines = [f"**{text(chart.caption)}**", "", *table(headers, tuple(rows)), ""]
    if chart.note:
        lines += [f"*{text(chart.note)}*", ""]
    return lines


def _interval(low: float, high: float, point: float | None, cells: int = 20) -> str:
    """0–100 in twenty cells: ─ outside, ━ the interval, ● the point."""
    out = []
    for i in range(cells):
        lo, hi = i * 100 / cells, (i + 1) * 100 / cells
        if point is not None and lo <= point < hi + (1e-9 if i == cells - 1 else 0):
            out.append("●")
        else:
            out.append("━" if high >= lo and low <= hi else "─")
    return "".join(out)


def _bar(bar: Bar) -> str:
    if bar.value is None:
        return "·" * BAR_CELLS
    filled = round(bar.value * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled)
