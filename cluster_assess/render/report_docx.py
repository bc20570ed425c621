"""The report as a Word document (.docx) that the official who receives it can edit.

Charts are native Word tables with cell shading, not pictures: a PNG with Chinese labels would
need an image library and a CJK font file at hand (Pillow or matplotlib plus fonts), while
shaded cells need nothing, print sharply, and stay editable like the rest of the document.
Text goes in through python-docx runs, so user text is literal by construction (no markup is
interpreted); XML-illegal control characters are dropped first, since Word cannot store them.
python-docx is imported here only, when a .docx is asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from cluster_assess.render import docx_print
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

ACCENT = "1F4E79"
ACCENT_LIGHT = "D3E0EE"
HEADER_FILL = "E8EEF4"
COLOURS = {"met": "2F6B3A", "not_met": "B03A2E", "unknown": "FFFFFF"}
TRACK = "E6E6E6"
TEXT_WIDTH_CM = 16.6
BAR_CELLS = 10
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(value: str) -> str:
    """Text Word can hold: XML 1.0 forbids most control characters."""
    return _CONTROL.sub("", str(value))


def render(report: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    zh = report.lang == "zh"
    _setup(doc, zh)
    props = doc.core_properties
    props.title = clean(report.title)
    props.author = "cluster-assess"
    props.language = "zh-CN" if zh else "en"
    stamp = dt.datetime(report.date.year, report.date.month, report.date.day)
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1

    colon = "：" if zh else ": "
    _cover(doc, report, colon)
    head = doc.add_paragraph(style="Title" if report.brief else None)
    head.add_run(clean(report.summary_title)).bold = True
    head.paragraph_format.page_break_before = bool(report.brief)
    for item in report.summary:
        doc.add_paragraph(clean(item), style="List Bullet")
    _brief(doc, report, colon)
    if report.contents_title:
        from cluster_assess.i18n import t

        docx_print.contents(doc, report, t("print_toc_hint", report.lang))
    for section in report.sections:
        doc.add_heading(clean(section.title), level=1)
        for block in section.blocks:
            if isinstance(block, Subsection):
                doc.add_heading(clean(block.title), level=2)
                for inner in block.blocks:
                    _block(doc, inner, colon)
            else:
                _block(doc, block, colon)
    if report.footer:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(clean(report.footer))
        run.italic = True
        run.font.size = Pt(8)
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm((21.0 - TEXT_WIDTH_CM) / 2)
        section.top_margin = section.bottom_margin = Cm(2.2)
    docx_print.page_numbers(doc, report.page_label)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _cover(doc: Any, report: Report, colon: str) -> None:
    """Title, subtitle and the cover lines (region, rubric, author, organisation, date)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    title = doc.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.brief:
        title.paragraph_format.space_before = Cm(5)
    title.add_run(clean(report.title))
    if report.subtitle:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Cm(4)
        run = p.add_run(clean(report.subtitle))
        run.font.size = Pt(15)
        run.font.color.rgb = RGBColor.from_string(ACCENT)
    for label, value in report.meta:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(3 if report.brief else 0)
        p.add_run(clean(label) + colon).bold = True
        p.add_run(clean(value))
    doc.add_paragraph()


def _brief(doc: Any, report: Report, colon: str) -> None:
    """The leader's summary: small ladders (one table each, a thin gap between), then lists."""
    legend: tuple[tuple[str, str], ...] = ()
    for block in report.brief:
        if isinstance(block, Ladder) and block.compact:
            docx_print.ladder(doc, block, _caption)
            docx_print.small(doc, "", 3)
            legend = block.legend
            continue
        if legend:
            docx_print.small(doc, docx_print.legend_text(legend), 8.5)
            legend = ()
        _block(doc, block, colon)


def _setup(doc: Any, zh: bool) -> None:
    """Fonts for both scripts: Word picks the East Asian font for CJK text from w:eastAsia."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    body_cjk, head_cjk = ("宋体", "黑体")
    latin = "Times New Roman" if zh else "Georgia"
    for name, size, cjk, bold in (("Normal", 10.5, body_cjk, False), ("Title", 18, head_cjk, True),
                                  ("Heading 1", 14, head_cjk, True), ("Heading 2", 12, head_cjk, True)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.name = latin if name == "Normal" else "Arial"
        style.font.bold = bold
        if name != "Normal":
            style.font.color.rgb = RGBColor.from_string(ACCENT if name != "Title" else "1A1A1A")
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:eastAsia"), cjk)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:eastAsia"), "zh-CN")
        lang.set(qn("w:val"), "zh-CN" if zh else "en-GB")
    doc.styles["Normal"].paragraph_format.space_after = Pt(4)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.25


def _block(doc: Any, block: Block, colon: str) -> None:
    if isinstance(block, Paragraph):
        p = doc.add_paragraph()
        if block.label:
            p.add_run(clean(block.label) + colon).bold = True
            if not block.text:
                p.paragraph_format.keep_with_next = True
        if block.text:
            p.add_run(clean(block.text))
    elif isinstance(block, BulletList):
        for item in block.items:
            doc.add_paragraph(clean(item), style="List Bullet")
    elif isinstance(block, Table):
        if block.caption:
            _caption(doc, block.caption, before=True)
        total = sum(block.widths) or 1
        widths = [TEXT_WIDTH_CM * w / total for w in block.widths]
        table = _table(doc, len(block.rows) + 1, len(block.headers), widths)
        _header_row(table.rows[0], block.headers)
        for row, values in zip(table.rows[1:], block.rows):
            for cell, value in zip(row.cells, values):
                cell.text = clean(value)
                _font(cell, 9)
    elif isinstance(block, Ladder):
        docx_print.ladder(doc, block, _caption)
    elif isinstance(block, Grid):
        docx_print.grid(doc, block, _caption)
    elif isinstance(block, IntervalPlot):
        docx_print.interval_plot(doc, block, _caption)
    elif isinstance(block, References):
        docx_print.references(doc, block)
    elif isinstance(block, BarChart):
        _bar_chart(doc, block)
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def _caption(doc: Any, text: str, *, before: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = before
    p.paragraph_format.space_before = Pt(4)
    run = p.add_run(clean(text))
    run.bold = True
    run.font.size = Pt(9.5)


def _table(doc: Any, rows: int, cols: int, widths: list[float]) -> Any:
    from docx.shared import Cm

    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)  # the grid: LibreOffice lays tables out from it, Word from the cells
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
    return table


def _header_row(row: Any, headers: tuple[str, ...]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(row.cells, headers):
        cell.text = clean(text)
        _shade(cell, HEADER_FILL)
        _font(cell, 9, bold=True)


def _font(cell: Any, size: float, *, bold: bool | None = None, colour: str | None = None) -> None:
    from docx.shared import Pt, RGBColor

    for paragraph in cell.paragraphs:
        paragraph.paragraph_format.space_after = Pt(0)
        for run in paragraph.runs:
            run.font.size = Pt(size)
            if bold is not None:
                run.bold = bold
            if colour is not None:
                run.font.color.rgb = RGBColor.from_string(colour)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _bar_chart(doc: Any, chart: BarChart) -> None:
    """Factor, stage, status, ten cells shaded in proportion to the score, and the score.

    An unknown score leaves the ten cells blank (not a zero bar) and says so in the score cell."""
    from docx.shared import Pt

    headers = chart.headers or ("", "", "", "", "")
    widths = [3.6, 2.6, 1.6] + [0.72] * BAR_CELLS + [1.6]
    table = _table(doc, len(chart.bars) + 1, len(widths), widths)
    head = table.rows[0].cells
    bar_head = head[3].merge(head[3 + BAR_CELLS - 1])
    _header_row(table.rows[0], ())
    for cell, text in ((head[0], headers[0]), (head[1], headers[1]), (head[2], headers[2]),
                       (bar_head, headers[3]), (head[-1], headers[4])):
        cell.text = clean(text)
        _shade(cell, HEADER_FILL)
        _font(cell, 9, bold=True)
    legend = dict(chart.legend)
    for row, bar in zip(table.rows[1:], chart.bars):
        cells = row.cells
        cells[0].text = clean(bar.label)
        cells[1].text = clean(bar.group)
        cells[2].text = clean(legend.get(bar.status, bar.status))
        for i in range(BAR_CELLS):
            _shade(cells[3 + i], _fill(bar, i))
        cells[-1].text = clean(bar.text)
        for cell in cells:
            _font(cell, 9)
    _caption(doc, chart.caption, before=False)
    if chart.note:
        p = doc.add_paragraph()
        run = p.add_run(clean(chart.note))
        run.font.size = Pt(8.5)


def _fill(bar: Bar, i: int) -> str:
    if bar.value is None:
        return "FFFFFF"
    filled = round(max(0.0, min(1.0, bar.value)) * BAR_CELLS)
    return COLOURS.get(bar.status, ACCENT) if i < filled else TRACK
