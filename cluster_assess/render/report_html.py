"""The report as one self-contained HTML page: inline CSS and SVG, A4 print styles.

Nothing is fetched: a Content-Security-Policy forbids every network load and every script, so
even a name that slipped past escaping could not run. Chinese text uses the reader's system fonts
(the stacks name the usual Windows, macOS and Linux CJK fonts). Every text is `html.escape`d.
"""

from __future__ import annotations

import re
from html import escape

from cluster_assess.render import svg_bars
from cluster_assess.report.document import (
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

SERIF_ZH = ('"Songti SC", "STSong", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", '
            '"Noto Serif SC", "Noto Sans CJK SC", serif')
SANS_ZH = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", '
           '"Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif')
SERIF_EN = f'Georgia, "Times New Roman", Times, {SERIF_ZH}'
SANS_EN = f'"Helvetica Neue", Arial, "Segoe UI", {SANS_ZH}'

CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @bottom-center { content: %(page)s; font-family: %(sans)s; font-size: 8.5pt; color: #555; } }
@page :first { @bottom-center { content: none; } }
* { box-sizing: border-box; }
html { font-size: 10.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #1a1a1a; background: #fff; font-family: %(serif)s; line-height: 1.75; }
main { max-width: 178mm; margin: 0 auto; padding: 14mm 0 18mm; }
h1, h2, h3, .caption, th, .meta dt, footer { font-family: %(sans)s; }
h1 { font-size: 20pt; text-align: center; line-height: 1.4; margin: 0 0 6mm; letter-spacing: %(spacing)s; }
h2 { font-size: 14pt; margin: 9mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.2pt solid #1f4e79;
     color: #1f4e79; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2.5mm; text-align: justify; }
p.label-only { margin-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
li { margin: 0.5mm 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0 auto 6mm;
        max-width: 150mm; font-size: 10pt; }
.meta dt { font-weight: bold; color: #444; }
.meta dd { margin: 0; }
.summary { border: 0.8pt solid #9fb6cd; background: #f4f7fa; padding: 3mm 5mm; margin: 0 0 4mm; }
.summary h2 { border: 0; margin: 0 0 1mm; padding: 0; font-size: 11.5pt; }
.summary ul { margin: 0; }
table { width: 100%%; border-collapse: collapse; margin: 1mm 0 4mm; font-size: 9pt; line-height: 1.5; }
th, td { border: 0.6pt solid #8c8c8c; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { background: #e8eef4; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.caption { font-size: 9.5pt; font-weight: bold; text-align: center; margin: 3mm 0 1mm;
           break-after: avoid; page-break-after: avoid; }
figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%%; height: auto; }
figcaption { font-family: %(sans)s; font-size: 9.5pt; font-weight: bold; text-align: center; margin-top: 1mm; }
.note { font-size: 8.5pt; color: #555; margin-top: 1mm; }
footer { margin-top: 10mm; padding-top: 2mm; border-top: 0.6pt solid #999; font-size: 8.5pt; color: #666;
         text-align: center; }
.cover { text-align: center; padding: 30mm 0 20mm; }
.cover h1 { font-size: 22pt; margin-bottom: 4mm; text-wrap: balance; }
.cover .subtitle { font-family: %(sans)s; font-size: 14pt; color: #1f4e79; margin: 0 0 24mm; text-align: center; }
.cover .meta { font-size: 11pt; gap: 2.5mm 6mm; max-width: 130mm; text-align: left; }
.brief h2 { font-size: 15pt; text-align: center; border: 0; }
.brief p.label-only { margin-top: 3mm; font-family: %(sans)s; color: #1f4e79; }
.brief .ladder { display: grid; grid-template-columns: 62mm 1fr; align-items: center; gap: 0 3mm; margin: 0 0 1.5mm; }
.brief .ladder .label { font-size: 9pt; line-height: 1.35; }
.brief figure { margin: 1mm 0 3mm; }
.legend { font-size: 8.5pt; color: #444; margin: 0 0 2mm; }
.legend span { display: inline-block; margin-right: 5mm; }
.swatch { display: inline-block; width: 4mm; height: 3mm; border: 0.6pt solid #1f4e79; vertical-align: middle;
          margin-right: 1.2mm; }
.toc ol { list-style: none; padding: 0; margin: 0 0 6mm; }
.toc li { margin: 0.6mm 0; }
.toc li.sub { padding-left: 7mm; font-size: 9.5pt; }
.toc a { color: inherit; text-decoration: none; }
figure.grid { break-inside: auto; page-break-inside: auto; }  /* a tall grid flows on; its header repeats */
table.grid { table-layout: fixed; font-size: 8.5pt; }
table.grid th { text-align: center; vertical-align: bottom; overflow-wrap: normal; word-break: keep-all; }
table.grid th.row { text-align: left; vertical-align: middle; background: #fff; font-weight: normal; }
table.grid td { text-align: center; vertical-align: middle; white-space: nowrap; padding: 0.8mm 0.5mm; }
td.s-met { background: #d5e8d4; color: #1e4d2b; }
td.s-not_met { background: #f6d5d1; color: #8a2a20; font-weight: bold; }
td.s-unknown { background: #fff; color: #777; }
td.s-established { background: #1f4e79; color: #fff; }
td.s-possible { background: repeating-linear-gradient(45deg, #eef3f8 0 2.2mm, #a9bfd6 2.2mm 2.8mm); color: #1f4e79; }
td.s-ruled_out { background: #fff; color: #999; }
td.s-text { text-align: left; white-space: normal; font-size: 8.5pt; }
ol.refs { padding-left: 7mm; }
ol.refs > li { margin: 0 0 3mm; }
ol.refs ul { margin: 1mm 0 0; padding-left: 5mm; font-size: 9pt; color: #333; }
.pagebreak { break-after: page; page-break-after: always; }
@media print {
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .cover { height: 245mm; padding: 45mm 0 0; }
}
"""


def _page_counter(label: str) -> str:
    """'第 {page} 页 共 {pages} 页' as CSS content: strings around counter(page) and counter(pages)."""
    if not label:
        return "none"
    out = []
    for part in re.split(r"(\{pages?\})", label):
        if part in ("{page}", "{pages}"):
            out.append(f"counter({part[1:-1]})")
        elif part:
            out.append('"' + part.replace("\\", "").replace('"', "") + '"')
    return " ".join(out)


def render(report: Report) -> str:
    zh = report.lang == "zh"
    css = CSS % {"serif": SERIF_ZH if zh else SERIF_EN, "sans": SANS_ZH if zh else SANS_EN,
                 "spacing": "0.05em" if zh else "0", "page": _page_counter(report.page_label)}
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if zh else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{escape(report.footer)}">',
        f'<meta name="date" content="{report.date.isoformat()}">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        "<main>",
        f'<header class="cover{" pagebreak" if report.brief else ""}">',
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="subtitle">{escape(report.subtitle)}</p>' if report.subtitle else "",
        '<dl class="meta">',
        *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in report.meta),
        "</dl>",
        "</header>",
        f'<section class="summary{" brief pagebreak" if report.brief else ""}" id="summary">',
        f"<h2>{escape(report.summary_title)}</h2>",
        "<ul>",
        *(f"<li>{escape(s)}</li>" for s in report.summary),
        "</ul>",
        *_brief(report),
        "</section>",
    ]
    if report.contents_title:
        out += _contents(report)
    for section in report.sections:
        out.append(f'<section id="{escape(section.key)}">')
        out.append(f"<h2>{escape(section.title)}</h2>")
        k = 0
        for block in section.blocks:
            if isinstance(block, Subsection):
                out.append(f'<h3 id="{escape(section.key)}-{k}">{escape(block.title)}</h3>')
                k += 1
                out += [_block(b, report) for b in block.blocks]
            else:
                out.append(_block(block, report))
        out.append("</section>")
    if report.footer:
        out.append(f"<footer>{escape(report.footer)}</footer>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(x for x in out if x) + "\n"


def _contents(report: Report) -> list[str]:
    items = []
    for section in report.sections:
        items.append(f'<li><a href="#{escape(section.key)}">{escape(section.title)}</a></li>')
        subs = [b for b in section.blocks if isinstance(b, Subsection)]
        items += [f'<li class="sub"><a href="#{escape(section.key)}-{k}">{escape(b.title)}</a></li>'
                  for k, b in enumerate(subs)]
    return ['<nav class="toc" aria-label="toc">', f"<h2>{escape(report.contents_title)}</h2>",
            "<ol>", *items, "</ol>", "</nav>"]


def _brief(report: Report) -> list[str]:
    """The leader's summary: compact ladders side by side with their model, one legend after them."""
    out: list[str] = []
    legend: tuple[tuple[str, str], ...] = ()
    for block in report.brief:
        if isinstance(block, Ladder) and block.compact:
            out.append(f'<div class="ladder"><div class="label">{escape(block.caption)}</div>'
                       f"{svg_bars.ladder(block)}</div>")
            legend = block.legend
            continue
        if legend:
            out.append(_ladder_legend(legend))
            legend = ()
        out.append(_block(block, report))
    if legend:
        out.append(_ladder_legend(legend))
    return out


def _ladder_legend(legend: tuple[tuple[str, str], ...]) -> str:
    styles = {"established": "background:#1f4e79", "possible": "background:repeating-linear-gradient(45deg,"
              "#eef3f8 0 1mm,#a9bfd6 1mm 1.4mm)", "ruled_out": "background:#fff"}
    spans = "".join(f'<span><i class="swatch" style="{styles.get(s, "")}"></i>{escape(label)}</span>'
                    for s, label in legend)
    return f'<div class="legend">{spans}</div>'


def _block(block: Block, report: Report) -> str:
    colon = "：" if report.lang == "zh" else ": "
    if isinstance(block, Paragraph):
        if block.label and not block.text:
            return f'<p class="label-only"><strong>{escape(block.label)}{colon}</strong></p>'
        if block.label:
            return f"<p><strong>{escape(block.label)}{colon}</strong>{escape(block.text)}</p>"
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        total = sum(block.widths) or 1
        cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in block.widths)
        head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        caption = f'<div class="caption">{escape(block.caption)}</div>' if block.caption else ""
        return f"{caption}<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Ladder):
        return f"<figure>{svg_bars.ladder(block)}<figcaption>{escape(block.caption)}</figcaption></figure>"
    if isinstance(block, BarChart):
        note = f'<div class="note">{escape(block.note)}</div>' if block.note else ""
        return (f"<figure>{svg_bars.bar_chart(block)}<figcaption>{escape(block.caption)}</figcaption>"
                f"{note}</figure>")
    if isinstance(block, IntervalPlot):
        note = f'<div class="note">{escape(block.note)}</div>' if block.note else ""
        return (f'<figure class="intervals">{svg_bars.interval_plot(block)}'
                f"<figcaption>{escape(block.caption)}</figcaption>{note}</figure>")
    if isinstance(block, Grid):
        return _grid(block)
    if isinstance(block, References):
        items = []
        for ref in block.items:
            sub = "".join(f"<li>{escape(x)}</li>" for x in ref.locators)
            items.append(f"<li><p>{escape(ref.entry)}</p>" + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
        return f'<ol class="refs">{"".join(items)}</ol>'
    raise TypeError(f"unknown block {type(block).__name__}")


def _grid(grid: Grid) -> str:
    """A figure as a table: the row label, then one marked, shaded cell per column."""
    label_w = 30 if len(grid.columns) > 4 else 36
    shares = [label_w] + [(100 - label_w) / max(1, len(grid.columns))] * len(grid.columns)
    if grid.widths:
        shares = [100 * w / sum(grid.widths) for w in grid.widths]
    cols = "".join(f'<col style="width:{w:.1f}%">' for w in shares)
    head = f'<th class="corner">{escape(grid.corner)}</th>' + "".join(f"<th>{escape(c)}</th>" for c in grid.columns)
    body = "".join(
        f'<tr><th class="row" scope="row">{escape(label)}</th>'
        + "".join(f'<td class="s-{escape(c.status)}">{escape(c.text)}</td>' for c in cells) + "</tr>"
        for label, cells in grid.rows)
    note = f'<div class="note">{escape(grid.note)}</div>' if grid.note else ""
    return (f'<figure class="grid"><div class="caption">{escape(grid.caption)}</div><table class="grid">'
            f"<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}</figure>")
