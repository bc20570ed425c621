"""The print furniture and figures of the Word report: cover, table of contents, page numbers,
stage ladders with ranges, grids (heat maps), the index interval plot and the references.

Figures are native Word tables with shaded cells (patterned for "possible"), each status also
written as a symbol, so they print in black and white and stay editable. Page numbers and the
table of contents are Word fields (PAGE, NUMPAGES, TOC): Word fills them when the document is
opened (the document asks it to update its fields), LibreOffice when it lays the document out.
"""

from __future__ import annotations

import re
from typing import Any

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


def _x(text: str) -> str:
    from cluster_assess.render.report_docx import clean

    return clean(text)


def shade(cell: Any, fill: str, pattern: str = "clear", colour: str = "auto") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), pattern)
    shd.set(qn("w:color"), colour)
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def shade_status(cell: Any, status: str) -> None:
    if status == "possible":
        shade(cell, "EEF3F8", "thinDiagStripe", "8FA9C4")
    else:
        shade(cell, STATUS_FILL.get(status, "FFFFFF"))


def write_cell(cell: Any, text: str, size: float, *, bold: bool = False, colour: str | None = None,
               centre: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    cell.text = ""
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(_x(text))
    run.font.size = Pt(size)
    run.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)


def table(doc: Any, rows: int, widths: list[float], *, header: bool = True) -> Any:
    from cluster_assess.render.report_docx import _table

    t = _table(doc, rows, len(widths), widths)
    if header and rows:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        t.rows[0]._tr.get_or_add_trPr().append(repeat)
    return t


def small(doc: Any, text: str, size: float = 8.5, *, centre: bool = False, bold: bool = False,
          keep: bool = False) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = keep
    run = p.add_run(_x(text))
    run.font.size = Pt(size)
    run.bold = bold
    return p


# -- fields --------------------------------------------------------------------------------------


def _field_run(paragraph: Any, kind: str, instruction: str = "", dirty: bool = False) -> None:
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
        if dirty:
            node.set(qn("w:dirty"), "true")
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
        for run in p.runs:
            run.font.size = Pt(9)


def contents(doc: Any, report: Report, hint: str) -> None:
    """A TOC field over headings 1–2, its result pre-filled with the headings (Word refreshes the
    page numbers on opening, as the settings ask; the hint says how to do it by hand)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    title = doc.add_paragraph(style="Title")
    title.add_run(_x(report.contents_title))
    title.paragraph_format.page_break_before = True
    entries = []
    for section in report.sections:
        entries.append((0, section.title))
        entries += [(1, b.title) for b in section.blocks if isinstance(b, Subsection)]
    for k, (level, text) in enumerate(entries):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(1)
        p.paragraph_format.left_indent = Cm(0.8 * level)
        if k == 0:
            _field_run(p, "begin", dirty=True)
            _field_run(p, "instr", ' TOC \\o "1-2" \\h \\z \\u ')
            _field_run(p, "separate")
        run = p.add_run(_x(text))
        run.font.size = Pt(10.5 if level == 0 else 9.5)
        if k == len(entries) - 1:
            _field_run(p, "end")
    small(doc, hint, 8)
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


# -- figures -------------------------------------------------------------------------------------


def ladder(doc: Any, figure: Ladder, caption: Any) -> None:
    """Stages as a row of cells: established filled, possible striped, not reached white; the
    compact form (leader's summary) puts the model and its range in a first cell."""
    n = max(1, len(figure.rungs))
    lead = 6.0 if figure.compact else 0.0
    widths = ([lead] if lead else []) + [(TEXT_WIDTH_CM - lead) / n] * n
    t = table(doc, 1, widths, header=False)
    cells = t.rows[0].cells
    if lead:
        write_cell(cells[0], figure.caption, 9)
        cells = cells[1:]
    for cell, rung in zip(cells, figure.rungs):
        state = rung.state
        write_cell(cell, ("● " if rung.current else "") + rung.name, 8.5 if figure.compact else 10,
                   bold=state != "ruled_out", colour=STATUS_COLOUR[state], centre=True)
        shade_status(cell, state)
    if not figure.compact:
        small(doc, legend_text(figure.legend), 8.5, centre=True)
        caption(doc, figure.caption, before=False)


def legend_text(legend: tuple[tuple[str, str], ...]) -> str:
    return "　".join(f"{LADDER_SYMBOL.get(s, '')} {label}" for s, label in legend)


def grid(doc: Any, figure: Grid, caption: Any) -> None:
    caption(doc, figure.caption, before=True)
    n = max(1, len(figure.columns))
    label_w = 4.6 if n > 4 else 5.6
    widths = [label_w] + [(TEXT_WIDTH_CM - label_w) / n] * n
    if figure.widths:
        widths = [TEXT_WIDTH_CM * w / sum(figure.widths) for w in figure.widths]
    t = table(doc, len(figure.rows) + 1, widths)
    write_cell(t.rows[0].cells[0], figure.corner, 8.5, bold=True)
    shade(t.rows[0].cells[0], HEADER_FILL)
    for cell, name in zip(t.rows[0].cells[1:], figure.columns):
        write_cell(cell, name, 8.5, bold=True, centre=True)
        shade(cell, HEADER_FILL)
    for row, (label, cells) in zip(t.rows[1:], figure.rows):
        write_cell(row.cells[0], label, 8.5)
        for cell, value in zip(row.cells[1:], cells):
            write_cell(cell, value.text, 8.5, bold=value.status in ("not_met", "established"),
                       colour=STATUS_COLOUR.get(value.status), centre=value.status != "text")
            shade_status(cell, value.status)
    if figure.note:
        small(doc, figure.note, 8)


def interval_plot(doc: Any, plot: IntervalPlot, caption: Any) -> None:
    """Band, town, twenty cells of five index points each (the interval light, the point dark), index."""
    caption(doc, plot.caption, before=True)
    widths = [1.4, 3.4] + [10.0 / BINS] * BINS + [1.8]
    t = table(doc, len(plot.items) + 1, widths)
    head = t.rows[0].cells
    for cell, text in ((head[0], plot.headers[0]), (head[1], plot.headers[1]), (head[-1], plot.headers[3])):
        write_cell(cell, text, 8.5, bold=True)
        shade(cell, HEADER_FILL)
    axis = head[2].merge(head[1 + BINS])
    write_cell(axis, f"0 ─── 20 ─── 40 ─── 60 ─── 80 ─── 100   {plot.headers[2]}", 8, bold=True, centre=True)
    shade(axis, HEADER_FILL)
    previous = None
    for row, item in zip(t.rows[1:], plot.items):
        cells = row.cells
        write_cell(cells[0], item.band if item.band != previous else "", 8.5, bold=True)
        previous = item.band
        write_cell(cells[1], item.label, 8.5)
        for i in range(BINS):
            lo, hi = i * 100 / BINS, (i + 1) * 100 / BINS
            inside = item.high >= lo and item.low <= hi and not (item.high == lo and i)
            dot = item.point is not None and lo <= item.point < hi + (1e-9 if i == BINS - 1 else 0)
            shade(cells[2 + i], ACCENT if dot else ACCENT_LIGHT if inside else "FFFFFF")
        write_cell(cells[-1], item.text, 8.5)
    if plot.note:
        small(doc, plot.note, 8)


def references(doc: Any, block: References) -> None:
    from docx.shared import Cm, Pt

    for k, ref in enumerate(block.items, start=1):
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Cm(0.8)
        p.paragraph_format.first_line_indent = Cm(-0.8)
        p.paragraph_format.space_before = Pt(4)
        p.add_run(f"[{k}] ")
        p.add_run(_x(ref.entry))
        for locator in ref.locators:
            q = small(doc, locator, 8.5)
            q.paragraph_format.left_indent = Cm(1.4)
            q.paragraph_format.space_after = Pt(0)
