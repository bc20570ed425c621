"""The report as one self-contained HTML page: inline CSS and SVG, A4 print styles.

Nothing is fetched: a Content-Security-Policy forbids every network load and every script, so
even a name that slipped past escaping could not run. Chinese text uses the reader's system fonts
(the stacks name the usual Windows, macOS and Linux CJK fonts). Every text is `html.escape`d.
"""

from __future__ import annotations

from html import escape

from cluster_assess.render import svg_bars
from cluster_assess.report.document import BarChart, Block, BulletList, Ladder, Paragraph, Report, Subsection, Table

SERIF_ZH = ('"Songti SC", "STSong", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", '
            '"Noto Serif SC", "Noto Sans CJK SC", serif')
SANS_ZH = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", '
           '"Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif')
SERIF_EN = f'Georgia, "Times New Roman", Times, {SERIF_ZH}'
SANS_EN = f'"Helvetica Neue", Arial, "Segoe UI", {SANS_ZH}'

CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
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
@media print {
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


def render(report: Report) -> str:
    zh = report.lang == "zh"
    css = CSS % {"serif": SERIF_ZH if zh else SERIF_EN, "sans": SANS_ZH if zh else SANS_EN,
                 "spacing": "0.05em" if zh else "0"}
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
        "<header>",
        f"<h1>{escape(report.title)}</h1>",
        '<dl class="meta">',
        *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in report.meta),
        "</dl>",
        "</header>",
        '<section class="summary">',
        f"<h2>{escape(report.summary_title)}</h2>",
        "<ul>",
        *(f"<li>{escape(s)}</li>" for s in report.summary),
        "</ul>",
        "</section>",
    ]
    for section in report.sections:
        out.append(f'<section id="{escape(section.key)}">')
        out.append(f"<h2>{escape(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Subsection):
                out.append(f"<h3>{escape(block.title)}</h3>")
                out += [_block(b, report) for b in block.blocks]
            else:
                out.append(_block(block, report))
        out.append("</section>")
    if report.footer:
        out.append(f"<footer>{escape(report.footer)}</footer>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


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
    raise TypeError(f"unknown block {type(block).__name__}")
