"""WordprocessingML written as text: runs, paragraphs and tables of the report's body.

python-docx builds each cell through its object model (a proxy per cell, an XPath query and a
schema-ordered insertion per property), which took ~9 s for a report of 150 towns. The body is
instead written here as strings, in the element order and with the values python-docx wrote
(so the document is the same), and the package around it is still python-docx's (see
`report_docx.render`). Every piece of text goes through `text()`, the one place where it is
cleaned of characters XML 1.0 forbids and escaped, so user text is literal by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# XML 1.0 forbids these (lone surrogates cannot even be encoded); Word cannot store them.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"([\t\r\n])")
_BREAK_XML = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}
TABLE_START = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
               '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" '
               'w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>')
HEADER_ROW = '<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>'  # repeated on each page


def clean(value: object) -> str:
    """Text Word can hold: XML 1.0 forbids most control characters."""
    return _FORBIDDEN.sub("", str(value))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(piece: str) -> str:
    """One `w:t`; spaces at either end are kept only when the element says so."""
    space = ' xml:space="preserve"' if piece.strip() != piece else ""
    return f"<w:t{space}>{_escape(piece)}</w:t>"


def text(value: object) -> str:
    """A run's content: tabs as `w:tab`, line breaks (\\n, \\r) as `w:br`, as python-docx wrote them."""
    cleaned = clean(value)
    if not _BREAKS.search(cleaned):
        return _t(cleaned) if cleaned else ""
    return "".join(_BREAK_XML.get(piece) or _t(piece) for piece in _BREAKS.split(cleaned) if piece)


def half_points(size: float) -> int:
    """A font size in half-points, rounded as python-docx's Pt() does."""
    return int(int(size * 12700) / 12700 * 2)


def twips_cm(cm: float) -> int:
    """A length in twips (1/20 pt), rounded as python-docx's Cm() does."""
    return round(int(cm * 360000) / 635)


def twips_pt(pt: float) -> int:
    return round(int(pt * 12700) / 635)


def run(value: object, size: float | None = None, *, bold: bool | None = None, italic: bool = False,
        colour: str | None = None) -> str:
    """A run of text with its direct formatting (properties in the schema's order)."""
    props = ""
    if bold is not None:
        props += "<w:b/>" if bold else '<w:b w:val="0"/>'
    if italic:
        props += "<w:i/>"
    if colour:
        props += f'<w:color w:val="{colour}"/>'
    if size is not None:
        props += f'<w:sz w:val="{half_points(size)}"/>'
    body = (f"<w:rPr>{props}</w:rPr>" if props else "") + text(value)
    return f"<w:r>{body}</w:r>" if body else "<w:r/>"


def words(value: object) -> str:
    """A plain run of text, or nothing when there is no text (a paragraph that is only a gap)."""
    return run(value) if clean(value) else ""


def paragraph(runs: str = "", *, style: str | None = None, keep: bool | None = None,
              page_break: bool | None = None, after: int | None = None, before: int | None = None,
              left: int | None = None, hanging: int | None = None, centre: bool = False) -> str:
    """A paragraph; spacing and indents in twips, properties in the schema's order."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep is not None:
        props += "<w:keepNext/>" if keep else '<w:keepNext w:val="0"/>'
    if page_break is not None:
        props += "<w:pageBreakBefore/>" if page_break else '<w:pageBreakBefore w:val="0"/>'
    if after is not None or before is not None:
        props += ("<w:spacing" + (f' w:after="{after}"' if after is not None else "")
                  + (f' w:before="{before}"' if before is not None else "") + "/>")
    if left is not None:
        props += f'<w:ind w:left="{left}"' + (f' w:hanging="{hanging}"' if hanging is not None else "") + "/>"
    if centre:
        props += '<w:jc w:val="center"/>'
    body = (f"<w:pPr>{props}</w:pPr>" if props else "") + runs
    return f"<w:p>{body}</w:p>" if body else "<w:p/>"


def shading(fill: str, pattern: str = "clear", colour: str = "auto") -> str:
    return f'<w:shd w:val="{pattern}" w:color="{colour}" w:fill="{fill}"/>'


def cell(width: int, content: str = "<w:p/>", shade: str = "", span: int = 1) -> str:
    """A table cell `width` twips wide (spanning `span` grid columns), shaded by a `shading()`."""
    merged = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{merged}{shade}</w:tcPr>{content}</w:tc>'


def table_start(widths: Iterable[int]) -> str:
    """The table's properties and grid (LibreOffice lays tables out from the grid, Word from the cells)."""
    return TABLE_START + "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"


def row(cells: Iterable[str], *, header: bool = False) -> str:
    """A row; a header row is repeated at the top of each page the table runs onto."""
    return (HEADER_ROW if header else "<w:tr>") + "".join(cells) + "</w:tr>"


def padded(cells: list[str], widths: list[int]) -> list[str]:
    """`cells` followed by empty cells up to the table's width (a row may have fewer values)."""
    return cells + [cell(w) for w in widths[len(cells):]]
