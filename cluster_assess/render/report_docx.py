"""The report as a Word document (.docx) that the official who receives it can edit.

Charts are native Word tables with cell shading, not pictures: a PNG with Chinese labels would
need an image library and a CJK font file at hand (Pillow or matplotlib plus fonts), while
shaded cells need nothing, print sharply, and stay editable like the rest of the document.

python-docx writes the package around the body: styles and fonts, properties, page setup, the
footer with its page numbers, the settings. The body itself (tens of thousands of table cells in a
comparison of many towns) is written as WordprocessingML text by `docx_xml` and `docx_print`, and
streamed into `word/document.xml` as the package is copied. Through python-docx's object model (a
proxy, an XPath query and an ordered insertion per cell property) 500 towns took 23 s and, as a
tree, some 260 MiB; as text they take 0.3 s and a few MiB, and the XML is the same, byte for byte.
Every piece of user text goes through `docx_xml.text`, which drops what XML 1.0 forbids and
escapes the rest, so it is literal by construction. python-docx is imported here only, when a
.docx is asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from cluster_assess.render import docx_print
from cluster_assess.render.docx_print import HEADER, TEXT_WIDTH_CM, caption, small, widths_twips
from cluster_assess.render.docx_xml import (
    cell,
    clean,
    padded,
    paragraph,
    row,
    run,
    shading,
    table_start,
    twips_cm,
    twips_pt,
    words,
)
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
COLOURS = {"met": "2F6B3A", "not_met": "B03A2E", "unknown": "FFFFFF"}
TRACK = "E6E6E6"
BAR_CELLS = 10
BODY_PART = "word/document.xml"


def render(report: Report) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

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
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm((21.0 - TEXT_WIDTH_CM) / 2)
        section.top_margin = section.bottom_margin = Cm(2.2)
    docx_print.page_numbers(doc, report.page_label)
    if report.contents_title:  # Word refreshes the table of contents' page numbers on opening
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        doc.settings.element.append(update)
    package = io.BytesIO()
    doc.save(package)
    return _with_body(package.getvalue(), _body(report), stamp)


def _with_body(package: bytes, body: Iterable[str], stamp: dt.datetime) -> bytes:
    """The package with `body` streamed into the (empty) body of its main part, before the page
    setup that closes it; every other part copied as python-docx wrote it. Each part is dated
    `stamp` (python-docx dated them with the clock), so a report is the same file whenever made."""
    out = io.BytesIO()
    date_time = (max(1980, stamp.year), stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            part = zipfile.ZipInfo(info.filename, date_time)
            part.compress_type = info.compress_type
            part.external_attr = info.external_attr
            if info.filename != BODY_PART:
                target.writestr(part, data)
                continue
            head, body_tag, tail = data.partition(b"<w:body>")
            if not body_tag:
                raise RuntimeError(f"python-docx wrote no <w:body> in {BODY_PART}")
            with target.open(part, "w") as stream:
                stream.write(head + body_tag)
                for chunk in body:
                    stream.write(chunk.encode("utf-8"))
                stream.write(tail)
    return out.getvalue()


def _body(report: Report) -> Iterator[str]:
    """The body in reading order, a block at a time."""
    colon = "：" if report.lang == "zh" else ": "
    yield _cover(report, colon)
    # styles by id, as python-docx's template names them ("List Bullet" is ListBullet)
    yield paragraph(run(report.summary_title, bold=True), style="Title" if report.brief else None,
                    page_break=bool(report.brief))
    for item in report.summary:
        yield paragraph(words(item), style="ListBullet")
    yield from _brief(report, colon)
    if report.contents_title:
        from cluster_assess.i18n import t

        yield docx_print.contents(report, t("print_toc_hint", report.lang))
    for section in report.sections:
        yield paragraph(words(section.title), style="Heading1")
        for block in section.blocks:
            if isinstance(block, Subsection):
                yield paragraph(words(block.title), style="Heading2")
                for inner in block.blocks:
                    yield _block(inner, colon)
            else:
                yield _block(block, colon)
    if report.footer:
        yield paragraph(run(report.footer, 8, italic=True), centre=True)


def _cover(report: Report, colon: str) -> str:
    """Title, subtitle and the cover lines (region, rubric, author, organisation, date)."""
    out = [paragraph(run(report.title), style="Title", before=twips_cm(5) if report.brief else None, centre=True)]
    if report.subtitle:
        out.append(paragraph(run(report.subtitle, 15, colour=ACCENT), after=twips_cm(4), centre=True))
    for label, value in report.meta:
        out.append(paragraph(run(label + colon, bold=True) + run(value), after=twips_pt(3 if report.brief else 0),
                             centre=True))
    out.append(paragraph())
    return "".join(out)


def _brief(report: Report, colon: str) -> Iterator[str]:
    """The leader's summary: small ladders (one table each, a thin gap between), then lists."""
    legend: tuple[tuple[str, str], ...] = ()
    for block in report.brief:
        if isinstance(block, Ladder) and block.compact:
            yield docx_print.ladder(block) + small("", 3)
            legend = block.legend
            continue
        if legend:
            yield small(docx_print.legend_text(legend), 8.5)
            legend = ()
        yield _block(block, colon)


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


def _block(block: Block, colon: str) -> str:
    if isinstance(block, Paragraph):
        runs = run(block.label + colon, bold=True) if block.label else ""
        if block.text:
            runs += run(block.text)
        return paragraph(runs, keep=True if block.label and not block.text else None)
    if isinstance(block, BulletList):
        return "".join(paragraph(words(item), style="ListBullet") for item in block.items)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Ladder):
        return docx_print.ladder(block)
    if isinstance(block, Grid):
        return docx_print.grid(block)
    if isinstance(block, IntervalPlot):
        return docx_print.interval_plot(block)
    if isinstance(block, References):
        return docx_print.references(block)
    if isinstance(block, BarChart):
        return _bar_chart(block)
    raise TypeError(f"unknown block {type(block).__name__}")


@lru_cache(maxsize=8192)  # most cells repeat one already written
def _cell_text(value: str, bold: bool | None = None) -> str:
    """A table cell's one paragraph, in 9 pt, without space after it."""
    return paragraph(run(value, 9, bold=bold), after=0)


def _table(block: Table) -> str:
    """A captioned table; the header row repeats on each page the table runs onto."""
    cols = len(block.headers)
    total = sum(block.widths) or 1
    widths_cm = ([TEXT_WIDTH_CM * w / total for w in block.widths] if len(block.widths) == cols
                 else [TEXT_WIDTH_CM / max(1, cols)] * cols)
    widths = widths_twips(widths_cm)
    out = [caption(block.caption, before=True)] if block.caption else []
    head = [cell(w, _cell_text(text, bold=True), HEADER) for w, text in zip(widths, block.headers)]
    out += [table_start(widths), row(head, header=True)]
    out += [row(padded([cell(w, _cell_text(value)) for w, value in zip(widths, values)], widths))
            for values in block.rows]
    out.append("</w:tbl>")
    return "".join(out)


def _bar_chart(chart: BarChart) -> str:
    """Factor, stage, status, ten cells shaded in proportion to the score, and the score.

    An unknown score leaves the ten cells blank (not a zero bar) and says so in the score cell."""
    headers = chart.headers or ("", "", "", "", "")
    widths = widths_twips([3.6, 2.6, 1.6] + [0.72] * BAR_CELLS + [1.6])
    bars = widths[3:3 + BAR_CELLS]
    head = [cell(w, _cell_text(text, bold=True), HEADER) for w, text in zip(widths[:3], headers[:3])]
    head += [cell(sum(bars), _cell_text(headers[3], bold=True), HEADER, span=BAR_CELLS),
             cell(widths[-1], _cell_text(headers[4], bold=True), HEADER)]
    out = [table_start(widths), row(head, header=True)]
    legend = dict(chart.legend)
    blank = paragraph(after=0)
    fills = {fill: shading(fill) for fill in (*COLOURS.values(), ACCENT, TRACK, "FFFFFF")}
    for bar in chart.bars:
        cells = [cell(widths[0], _cell_text(bar.label)), cell(widths[1], _cell_text(bar.group)),
                 cell(widths[2], _cell_text(legend.get(bar.status, bar.status)))]
        cells += [cell(w, blank, fills[_fill(bar, i)]) for i, w in enumerate(bars)]
        cells.append(cell(widths[-1], _cell_text(bar.text)))
        out.append(row(cells))
    out += ["</w:tbl>", caption(chart.caption, before=False)]
    if chart.note:
        out.append(paragraph(run(chart.note, 8.5)))
    return "".join(out)


def _fill(bar: Bar, i: int) -> str:
    if bar.value is None:
        return "FFFFFF"
    filled = round(max(0.0, min(1.0, bar.value)) * BAR_CELLS)
    return COLOURS.get(bar.status, ACCENT) if i < filled else TRACK
