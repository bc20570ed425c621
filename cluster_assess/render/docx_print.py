"""The print furniture and figures of the Word report: table of contents, page numbers, captions,
stage ladders with ranges, grids (heat maps), the index interval plot and the references.

Figures are native Word tables with shaded cells (patterned for "possible"), each status also
written as a symbol, so they print in black and white and stay editable. Page numbers and the
table of contents are Word fields (PAGE, NUMPAGES, TOC): Word fills them when the document is
opened (the document asks it to update its fields), LibreOffice when it lays the document out.
Body parts are returned as WordprocessingML text (see `docx_xml`); only the footer, which is
one paragraph, is still written through python-docx.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from cluster_assess.render.docx_xml import (
    cell,
    padded,
    paragraph,
    row,
    run,
    shading,
    table_start,
    twips_cm,
    twips_pt,
)
from cluster_assess.report.document import Grid, IntervalPlot, Ladder, References, Report, Subsection

ACCENT = "1F4E79"
ACCENT_LIGHT = "D3E0EE"
HEADER_FILL = "E8EEF4"
TEXT_WIDTH_CM = 16.6
STATUS_FILL = {"met": "D5E8D4", "not_met": "F6D5D1", "unknown": "FFFFFF", "established": ACCENT,
               "ruled_out": "FFFFFF", "text": "FFFFFF"}
STATUS_COLOUR = {"met": "1E4D2B", "not_met": "8A2A20", "unknown": "777777", "established": "FFFFFF",
                 "possible": ACCENT, "ruled_out": "999999", "text": "1A1A1A"}
LADDER_SYMBOL = {"established": "■", "possible": "▨", "ruled_out": "□"}
BINS = 20
HEADER = shading(HEADER_FILL)
_STATUS_SHADE = {status: shading(fill) for status, fill in STATUS_FILL.items()} | {
    "possible": shading("EEF3F8", "thinDiagStripe", "8FA9C4")}
_PLAIN = shading("FFFFFF")


def status_shade(status: str) -> str:
    """The cell shading of a status: filled, striped for "possible", white when unknown."""
    return _STATUS_SHADE.get(status, _PLAIN)


@lru_cache(maxsize=8192)  # nine cells in ten repeat one already written (a mark, a town's name)
def figure_text(value: str, size: float, *, bold: bool = False, colour: str | None = None,
                centre: bool = False) -> str:
    """A figure cell's one paragraph, without spacing around it. The empty run first is the one
    python-docx left there: kept, so that the document stays byte for byte what it wrote."""
    return paragraph("<w:r/>" + run(value, size, bold=bold, colour=colour), after=0, before=0, centre=centre)


def widths_twips(widths_cm: list[float]) -> list[int]:
    return [twips_cm(w) for w in widths_cm]


def small(text: str, size: float = 8.5, *, centre: bool = False, bold: bool = False, keep: bool = False,
          after: int | None = None, left: int | None = None) -> str:
    """A line of small print (legends, notes, hints, cited passages)."""
    return paragraph(run(text, size, bold=bold), keep=keep, after=after, left=left, centre=centre)


def caption(text: str, *, before: bool) -> str:
    """A figure or table caption: centred, bold, kept with the table when it comes first."""
    return paragraph(run(text, 9.5, bold=True), keep=before, before=twips_pt(4), centre=True)


# -- fields --------------------------------------------------------------------------------------


def _field_run(paragraph: Any, kind: str, instruction: str = "") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    if kind == "instr":
        node = OxmlElement("w:instrText")
        node.set(qn("xml:space"), "preserve")
        node.text = instruction
    else:
        node = OxmlElement("w:fldChar")
        node.set(qn("w:fldCharType"), kind)
    run._r.append(node)


def simple_field(paragraph: Any, instruction: str, shown: str) -> None:
    _field_run(paragraph, "begin")
    _field_run(paragraph, "instr", f" {instruction} ")
    _field_run(paragraph, "separate")
    paragraph.add_run(shown)
    _field_run(paragraph, "end")


def page_numbers(doc: Any, label: str) -> None:
    """'第 {page} 页 共 {pages} 页' in every footer but the cover's, as PAGE and NUMPAGES fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    if not label:
        return
    for section in doc.sections:
        section.different_first_page_header_footer = True
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for part in re.split(r"(\{pages?\})", label):
            if part == "{page}":
                simple_field(p, "PAGE", "1")
            elif part == "{pages}":
                simple_field(p, "NUMPAGES", "1")
            elif part:
                p.add_run(part)
        for r in p.runs:
            r.font.size = Pt(9)


def contents(report: Report, hint: str) -> str:
    """A TOC field over headings 1–2, its result pre-filled with the headings (Word refreshes the
    page numbers on opening, as the settings ask — see `report_docx`; the hint says how to do it
    by hand)."""
    out = [paragraph(run(report.contents_title), style="Title", page_break=True)]
    entries = []
    for section in report.sections:
        entries.append((0, section.title))
        entries += [(1, b.title) for b in section.blocks if isinstance(b, Subsection)]
    for k, (level, text) in enumerate(entries):
        runs = ""
        if k == 0:
            runs = ('<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
                    '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        runs += run(text, 10.5 if level == 0 else 9.5)
        if k == len(entries) - 1:
            runs += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        out.append(paragraph(runs, after=twips_pt(1), left=twips_cm(0.8 * level)))
    out.append(small(hint, 8))
    return "".join(out)


# -- figures -------------------------------------------------------------------------------------


def ladder(figure: Ladder) -> str:
    """Stages as a row of cells: established filled, possible striped, not reached white; the
    compact form (leader's summary) puts the model and its range in a first cell."""
    n = max(1, len(figure.rungs))
    lead = 6.0 if figure.compact else 0.0
    widths = widths_twips(([lead] if lead else []) + [(TEXT_WIDTH_CM - lead) / n] * n)
    cells = [cell(widths[0], figure_text(figure.caption, 9))] if lead else []
    for width, rung in zip(widths[len(cells):], figure.rungs):
        state = rung.state
        text = figure_text(("● " if rung.current else "") + rung.name, 8.5 if figure.compact else 10,
                           bold=state != "ruled_out", colour=STATUS_COLOUR[state], centre=True)
        cells.append(cell(width, text, status_shade(state)))
    out = table_start(widths) + row(padded(cells, widths)) + "</w:tbl>"
    if not figure.compact:
        out += small(legend_text(figure.legend), 8.5, centre=True) + caption(figure.caption, before=False)
    return out


def legend_text(legend: tuple[tuple[str, str], ...]) -> str:
    return "　".join(f"{LADDER_SYMBOL.get(s, '')} {label}" for s, label in legend)


def grid(figure: Grid) -> str:
    n = max(1, len(figure.columns))
    label_w = 4.6 if n > 4 else 5.6
    widths_cm = [label_w] + [(TEXT_WIDTH_CM - label_w) / n] * n
    if figure.widths:
        widths_cm = [TEXT_WIDTH_CM * w / sum(figure.widths) for w in figure.widths]
    widths = widths_twips(widths_cm)
    head = [cell(widths[0], figure_text(figure.corner, 8.5, bold=True), HEADER)]
    head += [cell(w, figure_text(name, 8.5, bold=True, centre=True), HEADER)
             for w, name in zip(widths[1:], figure.columns)]
    out = [caption(figure.caption, before=True), table_start(widths), row(padded(head, widths), header=True)]
    for label, values in figure.rows:
        cells = [cell(widths[0], figure_text(label, 8.5))]
        cells += [cell(w, figure_text(v.text, 8.5, bold=v.status in ("not_met", "established"),
                                      colour=STATUS_COLOUR.get(v.status), centre=v.status != "text"),
                       status_shade(v.status))
                  for w, v in zip(widths[1:], values)]
        out.append(row(padded(cells, widths)))
    out.append("</w:tbl>")
    if figure.note:
        out.append(small(figure.note, 8))
    return "".join(out)


def interval_plot(plot: IntervalPlot) -> str:
    """Band, town, twenty cells of five index points each (the interval light, the point dark), index."""
    widths = widths_twips([1.4, 3.4] + [10.0 / BINS] * BINS + [1.8])
    bins = widths[2:2 + BINS]
    axis = f"0 ─── 20 ─── 40 ─── 60 ─── 80 ─── 100   {plot.headers[2]}"
    head = [cell(widths[0], figure_text(plot.headers[0], 8.5, bold=True), HEADER),
            cell(widths[1], figure_text(plot.headers[1], 8.5, bold=True), HEADER),
            cell(sum(bins), figure_text(axis, 8, bold=True, centre=True), HEADER, span=BINS),
            cell(widths[-1], figure_text(plot.headers[3], 8.5, bold=True), HEADER)]
    out = [caption(plot.caption, before=True), table_start(widths), row(head, header=True)]
    fills = {fill: shading(fill) for fill in (ACCENT, ACCENT_LIGHT, "FFFFFF")}
    previous = None
    for item in plot.items:
        cells = [cell(widths[0], figure_text(item.band if item.band != previous else "", 8.5, bold=True)),
                 cell(widths[1], figure_text(item.label, 8.5))]
        previous = item.band
        for i, width in enumerate(bins):
            lo, hi = i * 100 / BINS, (i + 1) * 100 / BINS
            inside = item.high >= lo and item.low <= hi and not (item.high == lo and i)
            dot = item.point is not None and lo <= item.point < hi + (1e-9 if i == BINS - 1 else 0)
            cells.append(cell(width, "<w:p/>", fills[ACCENT if dot else ACCENT_LIGHT if inside else "FFFFFF"]))
        cells.append(cell(widths[-1], figure_text(item.text, 8.5)))
        out.append(row(cells))
    out.append("</w:tbl>")
    if plot.note:
        out.append(small(plot.note, 8))
    return "".join(out)


def references(block: References) -> str:
    out = []
    for k, ref in enumerate(block.items, start=1):
        indent = twips_cm(0.8)
        out.append(paragraph(run(f"[{k}] ") + run(ref.entry), before=twips_pt(4), left=indent, hanging=indent))
        out += [small(locator, 8.5, after=0, left=twips_cm(1.4)) for locator in ref.locators]
    return "".join(out)
