"""Generators of bad and hostile workbooks, CSV files and rubrics, written where they are needed
(a test's tmp_path, the benchmark's temporary folder) so the repository stays small.

Each workbook is written by hand with zipfile, part by part, so that it can be wrong in exactly one
way; big parts are streamed into the zip, never built in memory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
    '<sheet name="Towns" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
BOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
HEADER = ("name", "facts.firms.total")

Chunks = Iterable[str | bytes]


def _bytes(part: str | bytes) -> bytes:
    return part.encode("utf-8") if isinstance(part, str) else part


def sheet_xml(rows: Chunks, tail: str = "", head: str = "") -> Iterable[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="{MAIN}"><sheetData>'
    yield from rows
    yield f"</sheetData>{tail}</worksheet>"


def row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def num(ref: str, value: str) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def header_row() -> str:
    return row(1, text("A1", HEADER[0]), text("B1", HEADER[1]))


def town_row(number: int, name: str = "甲镇", total: str = "120") -> str:
    return row(number, text(f"A{number}", name), num(f"B{number}", total))


def workbook(path: Path, sheet: Chunks | None = None, shared: Chunks | None = None, *,
             workbook_xml: str = WORKBOOK, book_rels: str = BOOK_RELS, omit: tuple[str, ...] = ()) -> Path:
    """Write an .xlsx; `sheet` and `shared` are streamed into the zip chunk by chunk."""
    if sheet is None:
        sheet = sheet_xml([header_row(), town_row(2)])
    parts: dict[str, Chunks] = {
        "[Content_Types].xml": [CONTENT_TYPES], "_rels/.rels": [ROOT_RELS], "xl/workbook.xml": [workbook_xml],
        "xl/_rels/workbook.xml.rels": [book_rels], "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, chunks in parts.items():
            if name in omit:
                continue
            with zf.open(name, "w", force_zip64=True) as out:
                for chunk in chunks:
                    out.write(_bytes(chunk))
    return path


# ---------------------------------------------------------------------------------------------
# Hostile by size (issue 11 A)


def far_away_cell(path: Path) -> Path:
    """A few KB: the header, one town, and one value in the last cell a sheet has (XFD1048576)."""
    return workbook(path, sheet_xml([header_row(), town_row(2), row(1_048_576, num("XFD1048576", "1"))],
                                    head=""))


def shared_string_bomb(path: Path, mib: int = 1024) -> Path:
    """About 1 MB on disk: one shared string of `mib` MiB (a town name of a gibibyte)."""
    def shared() -> Iterable[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
        block = b"a" * (1024 * 1024)
        for _ in range(mib):
            yield block
        yield b"</t></si></sst>"

    sheet = sheet_xml([header_row(), row(2, '<c r="A2" t="s"><v>0</v></c>', num("B2", "120"))])
    return workbook(path, sheet, shared())


def million_rows(path: Path, rows: int = 1_000_000) -> Path:
    """Some MB on disk: a million towns, each a shared name and a number."""
    def sheet() -> Iterable[str]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
        yield row(1, '<c r="A1" t="s"><v>0</v></c>', '<c r="B1" t="s"><v>1</v></c>')
        batch = []
        for n in range(2, rows + 2):
            batch.append(f'<row r="{n}"><c r="A{n}" t="s"><v>2</v></c><c r="B{n}"><v>{n}</v></c></row>')
            if len(batch) == 10_000:
                yield "".join(batch)
                batch = []
        yield "".join(batch)
        yield "</sheetData></worksheet>"

    shared = [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"><si><t>name</t></si>'
              "<si><t>facts.firms.total</t></si><si><t>某镇</t></si></sst>"]
    return workbook(path, sheet(), shared)


def big_csv(path: Path, mib: int = 19) -> Path:
    """`mib` MiB of CSV: a header and hundreds of thousands of short towns."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("name,facts.firms.total\n")
        line = "某镇,120\n"
        count = mib * 1024 * 1024 // len(line.encode())
        for _ in range(count // 1000):
            out.write(line * 1000)
    return path


def long_csv_field(path: Path) -> Path:
    path.write_text('name,notes\n甲镇,"' + "长" * (200 * 1024) + '"\n', encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Broken workbooks (issue 11 B)

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f']><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>'
    "</row></sheetData></worksheet>"
)


def bad_xml(path: Path) -> Path:
    return workbook(path, [f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row>'])


def dtd_entities(path: Path) -> Path:
    return workbook(path, sheet_xml([header_row(), row(2, '<c r="A2" t="s"><v>0</v></c>')]), [BILLION_LAUGHS])


def xxe(path: Path) -> Path:
    return workbook(path, [XXE])


def bad_shared_index(path: Path) -> Path:
    shared = [f'<sst xmlns="{MAIN}"><si><t>甲镇</t></si></sst>']
    return workbook(path, sheet_xml([header_row(), row(2, '<c r="A2" t="s"><v>7</v></c>')]), shared)


def bad_row_ref(path: Path) -> Path:
    return workbook(path, sheet_xml([header_row(), '<row r="x2"><c r="A2"><v>1</v></c></row>']))


def bad_cell_ref(path: Path) -> Path:
    return workbook(path, sheet_xml([header_row(), row(2, num("2B", "1"))]))


def missing_sheet(path: Path) -> Path:
    return workbook(path, omit=("xl/worksheets/sheet1.xml",))


def no_sheets(path: Path) -> Path:
    return workbook(path, workbook_xml=f'<workbook xmlns="{MAIN}"><sheets/></workbook>')


def number_cell(value: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        return workbook(path, sheet_xml([header_row(), town_row(2, total=value)]))

    return make


def formula_without_result(path: Path) -> Path:
    return workbook(path, sheet_xml([header_row(), row(2, text("A2", "甲镇"), '<c r="B2"><f>SUM(C2:C9)</f></c>')]))


def merged_cells(path: Path) -> Path:
    rows = [header_row(), town_row(2, "甲镇"), row(3, num("B3", "80")), row(4, text("A4", "乙镇"), num("B4", "90"))]
    return workbook(path, sheet_xml(rows, tail='<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>'))


def gbk_cell_in_utf8_csv(path: Path) -> Path:
    path.write_bytes("name,facts.firms.total\n石狮镇,120\n晋江镇,90\n".encode()
                     + "石狮市,80\n".encode("gbk") + "泉州镇,70\n".encode())
    return path


# ---------------------------------------------------------------------------------------------
# Indicator tables


def unclosed_quote_table(path: Path) -> Path:
    path.write_text('region,industry,emp\n甲,服装,10\n"乙,服装,20\n丙,服装,30\n', encoding="utf-8")
    return path


def ragged_table(path: Path) -> Path:
    path.write_text("region,industry,emp\n甲,服装,10\n乙,服装,20,99\n丙,服装,30\n", encoding="utf-8")
    return path


def far_away_table(path: Path) -> Path:
    rows = [row(1, text("A1", "region"), text("B1", "industry"), text("C1", "emp")),
            row(2, text("A2", "甲"), text("B2", "服装"), num("C2", "10")),
            row(1_048_576, num("XFD1048576", "1"))]
    return workbook(path, sheet_xml(rows))


# ---------------------------------------------------------------------------------------------
# Rubrics


def extends_chain(folder: Path, depth: int = 1500) -> Path:
    """rubric-0.yaml extends rubric-1.yaml … extends the built-in cluster-core."""
    for i in range(depth):
        base = f"rubric-{i + 1}.yaml" if i + 1 < depth else "cluster-core"
        (folder / f"rubric-{i}.yaml").write_text(f"extends: {base}\nid: chain-{i}\n", encoding="utf-8")
    return folder / "rubric-0.yaml"
