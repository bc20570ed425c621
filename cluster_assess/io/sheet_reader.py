"""Reading XLSX and CSV tables row by row, within limits checked while reading.

Why our own XLSX reader: openpyxl trusts the workbook. Its read-only mode pads every row to the
sheet's stated width (one far-away cell made 16,384 × 1,048,576 empty cells), keeps any shared
string whole however long, and its errors are exceptions of a dozen types. Here the XML parts are
decompressed and parsed as a stream (expat, with no DTD and no entity ever expanded), one row at a
time; rows are sparse (only cells with a value exist), and every limit — rows, columns, cells, the
length of a cell, all text, the bytes of an XML part — is checked as the data arrives. Anything
wrong is a `UserError` naming the file, sheet, row and column.

CSV files are decoded strictly (UTF-8, or GBK when the whole file is GBK; a file that mixes the two
is refused at the row where it changes) and parsed by the csv module record by record, with a
field-size limit and the same caps.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
import posixpath
import re
import zipfile
import zlib
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cluster_assess.errors import Problem, UserError, column_letter
from cluster_assess.i18n import msg

EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
EXCEL_CELL_CHARS = 32_767  # the most text Excel itself lets a cell hold


@dataclass(frozen=True)
class Limits:
    """What one table may hold; each is checked while reading, before the next row is read."""

    rows: int  # the last sheet row (header included) that may hold a value
    columns: int  # the last column that may hold a value
    cells: int  # cells holding a value, in all
    cell_chars: int  # characters in one XLSX cell (Excel's own limit)
    csv_field_chars: int  # characters in one CSV field
    text_chars: int  # characters of text in all, shared strings included
    xml_bytes: int  # decompressed bytes of one XML part of a workbook
    stall_bytes: int  # bytes of XML read without one element or text completing (one huge tag)
    members: int  # entries in the workbook's zip
    merged_ranges: int  # merged ranges we report one by one


PROFILE_LIMITS = Limits(
    rows=10_001, columns=1_024, cells=2_000_000, cell_chars=EXCEL_CELL_CHARS, csv_field_chars=128 * 1024,
    text_chars=16_000_000, xml_bytes=512 * 1024 * 1024, stall_bytes=4 * 1024 * 1024, members=10_000,
    merged_ranges=20,
)
TABLE_LIMITS = Limits(
    rows=EXCEL_ROWS, columns=1_024, cells=50_000_000, cell_chars=EXCEL_CELL_CHARS,
    csv_field_chars=128 * 1024, text_chars=48_000_000, xml_bytes=4 * 1024 * 1024 * 1024,
    stall_bytes=4 * 1024 * 1024, members=10_000, merged_ranges=20,
)
CSV_LINE_CHARS = 1024 * 1024  # one physical line of a CSV file
_CHUNK = 64 * 1024


def _n(value: int) -> str:
    return f"{value:,}"


# ---------------------------------------------------------------------------------------------
# Streaming XML, refusing DTDs, bounded


class _Stop(Exception):
    """Raised inside an expat handler to stop parsing with a UserError."""

    def __init__(self, error: UserError) -> None:
        super().__init__(str(error))
        self.error = error


def _local(name: str) -> str:
    return name.rpartition(" ")[2]  # expat gives "namespace-uri local" with namespace_separator=" "


class _Part:
    """Feeds one zip member to expat in chunks; the handler object receives start/end/text."""

    def __init__(self, book: XlsxBook, member: str) -> None:
        self.book = book
        self.member = member

    def parse(self, handler: Any) -> Iterator[None]:
        """Parse, yielding after every chunk (so a caller can hand out the rows completed)."""
        from xml.parsers import expat

        book = self.book
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.buffer_size = _CHUNK
        progress = [0]

        def start(name: str, attrs: dict[str, str]) -> None:
            progress[0] += 1
            handler.start(_local(name), attrs)

        def end(name: str) -> None:
            progress[0] += 1
            handler.end(_local(name))

        def text(data: str) -> None:
            progress[0] += 1
            handler.text(data)

        def refuse(*_: Any) -> Any:
            raise _Stop(book.error(f"the part {self.member} declares a DTD or an entity (<!DOCTYPE or "
                                   "<!ENTITY>), which no Excel workbook does; it is refused unread, since "
                                   "entities can expand to gigabytes or read other files"))

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        parser.ExternalEntityRefHandler = refuse
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        total = 0
        carry = b""
        stalled = 0
        seen = 0
        try:
            with book.zip.open(self.member) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > book.limits.xml_bytes:
                        raise book.error(f"the part {self.member} is more than "
                                         f"{book.limits.xml_bytes // 2**20:,} MiB of XML once unpacked; "
                                         "the workbook is too large or is a zip bomb")
                    window = carry + chunk
                    if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                        refuse()
                    if b"\x00" in chunk:
                        raise book.error(f"the part {self.member} is not UTF-8 XML (it holds NUL bytes); "
                                         "the workbook is damaged or was not written by a spreadsheet program")
                    carry = chunk[-9:]
                    parser.Parse(chunk, False)
                    if progress[0] == seen:
                        stalled += len(chunk)
                        if stalled > book.limits.stall_bytes:
                            raise book.error(f"the part {self.member} holds an XML tag, comment or value of "
                                             f"more than {book.limits.stall_bytes // 2**20} MiB; the workbook "
                                             "is damaged or hostile")
                    else:
                        stalled, seen = 0, progress[0]
                    yield
                parser.Parse(b"", True)
                yield
        except _Stop as stop:
            raise stop.error from None
        except expat.ExpatError as exc:
            raise book.error(f"the part {self.member} is not well-formed XML (line {exc.lineno}, column "
                             f"{exc.offset + 1}: {expat.ErrorString(exc.code)}); the workbook is damaged — "
                             "open it in Excel and save it again") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            raise book.error(f"the part {self.member} cannot be unpacked ({type(exc).__name__}: {exc}); "
                             "the workbook is damaged") from None

    def run(self, handler: Any) -> None:
        for _ in self.parse(handler):
            pass


class _Collect:
    """A small XML part as (element, attributes) of the elements named, with their text."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self.names and len(self.found) < 100_000:
            self.found.append((name, {_local(k): v for k, v in attrs.items()}))

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass


# ---------------------------------------------------------------------------------------------
# Workbooks

_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_INT = re.compile(r"^[+-]?[0-9]+$")
_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


@dataclass
class _Cell:
    column: int
    type: str
    style: int
    text: list[str] = field(default_factory=list)
    chars: int = 0
    formula: str | None = None
    has_value: bool = False
    saw_value: bool = False  # a <v> element was written (a formula's saved result, perhaps empty)


class XlsxBook:
    """The first sheet of a workbook, read as a stream of rows.

    `label` is `file[Sheet]`; `rows()` yields (row number, values) for each row holding a value,
    values indexed from column A (None where a cell is empty); `warnings` fills while reading
    (formulas without a saved result, Excel errors) and at the end (merged cells)."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.file = str(path)
        self.label = self.file
        self.limits = limits
        self.warnings: list[Problem] = []
        self.text_chars = 0
        self.cells = 0
        from cluster_assess.io.files import NotRegular, not_regular_error, open_regular_fd

        try:  # a regular file only, checked on what is opened: a FIFO or a device is refused unread
            self.handle = os.fdopen(open_regular_fd(path), "rb")
        except NotRegular as exc:
            raise not_regular_error(path, exc.kind, "workbooks") from None
        except OSError as exc:
            raise UserError.single(f"cannot read this workbook: {exc.strerror or exc}", file=self.file) from None
        try:
            self.zip = zipfile.ZipFile(self.handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.handle.close()
            raise UserError.single(f"cannot read this workbook ({type(exc).__name__}); is it an .xlsx file? "
                                   "(Old .xls files and password-protected workbooks cannot be read.)",
                                   file=self.file) from None
        try:
            self._open()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self.zip.close()
        self.handle.close()

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    def error(self, message: str, row: int | None = None, column: int | None = None,
              field: str | None = None) -> UserError:
        return UserError([Problem(message, self.label, row, column, field, sheet=True)])

    # -- the parts ------------------------------------------------------------------------------

    def _open(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > self.limits.members:
            raise self.error(f"the workbook holds {_n(len(infos))} parts; more than {_n(self.limits.members)} "
                             "is not a workbook we can read")
        self.names = {info.filename for info in infos}
        book_part = self._office_document()
        if book_part not in self.names:
            raise self.error("this zip file holds no workbook (xl/workbook.xml is missing); is it an .xlsx file?")
        wb = _Collect({"sheet", "workbookPr"})
        _Part(self, book_part).run(wb)
        self.date1904 = any(name == "workbookPr" and attrs.get("date1904") in ("1", "true")
                            for name, attrs in wb.found)
        sheets = [attrs for name, attrs in wb.found if name == "sheet"]
        if not sheets:
            raise self.error("the workbook has no sheets")
        first = sheets[0]
        self.sheet_name = first.get("name") or "Sheet1"
        rels = self._rels(book_part)
        target = rels.get(first.get("id", ""))
        if target is None:
            raise self.error(f"the workbook names sheet {self.sheet_name!r} but does not say which part "
                             "holds it (its relationship is missing); the workbook is damaged")
        self.sheet_part = target[0]
        self.label = f"{self.file}[{self.sheet_name}]"
        if self.sheet_part not in self.names:
            raise self.error(f"the workbook names sheet {self.sheet_name!r}, but its part {self.sheet_part} "
                             "is missing from the file; the workbook is damaged")
        by_type = {kind.rpartition("/")[2]: part for part, kind in rels.values()}
        self.shared = self._shared_strings(by_type.get("sharedStrings", "xl/sharedStrings.xml"))
        self.date_styles = self._date_styles(by_type.get("styles", "xl/styles.xml"))

    def _office_document(self) -> str:
        if "_rels/.rels" in self.names:
            rels = _Collect({"Relationship"})
            _Part(self, "_rels/.rels").run(rels)
            for _, attrs in rels.found:
                if attrs.get("Type", "").endswith("/officeDocument"):
                    return _resolve("", attrs.get("Target", ""))
        return "xl/workbook.xml"

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        out: dict[str, tuple[str, str]] = {}
        if rels_part not in self.names:
            return out
        rels = _Collect({"Relationship"})
        _Part(self, rels_part).run(rels)
        for _, attrs in rels.found:
            if attrs.get("TargetMode") == "External":
                continue
            out[attrs.get("Id", "")] = (_resolve(folder, attrs.get("Target", "")), attrs.get("Type", ""))
        return out

    def _shared_strings(self, part: str | None) -> list[str]:
        if part is None or part not in self.names:
            return []
        reader = _SharedStrings(self, part)
        _Part(self, part).run(reader)
        return reader.strings

    def _date_styles(self, part: str | None) -> frozenset[int]:
        """Indexes of the cell styles that show a date (their numbers are read as dates)."""
        if part is None or part not in self.names:
            return frozenset()
        styles = _Styles()
        _Part(self, part).run(styles)
        from openpyxl.styles.numbers import is_date_format

        custom_dates = {fid for fid, code in styles.formats.items() if is_date_format(code)}
        return frozenset(i for i, fid in enumerate(styles.xfs) if fid in _DATE_IDS or fid in custom_dates)

    def count_text(self, chars: int, row: int | None = None, column: int | None = None) -> None:
        self.text_chars += chars
        if self.text_chars > self.limits.text_chars:
            raise self.error(f"the workbook holds more than {_n(self.limits.text_chars)} characters of text; "
                             "it is too large to read (split it into several files)", row, column)

    # -- the sheet ------------------------------------------------------------------------------

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        sheet = _Sheet(self)
        for _ in _Part(self, self.sheet_part).parse(sheet):
            while sheet.done:
                yield sheet.done.popleft()
        sheet.finish()


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


class _SharedStrings:
    """xl/sharedStrings.xml: each <si> is one string, the text of its <t> (phonetic runs left out)."""

    def __init__(self, book: XlsxBook, part: str) -> None:
        self.book = book
        self.part = part
        self.strings: list[str] = []
        self.current: list[str] | None = None
        self.chars = 0
        self.in_t = False
        self.phonetic = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "si":
            if len(self.strings) >= self.book.limits.cells:
                raise _Stop(self.book.error(f"the workbook's table of shared strings ({self.part}) holds more "
                                            f"than {_n(self.book.limits.cells)} entries; it is too large"))
            self.current, self.chars = [], 0
        elif name == "rPh":
            self.phonetic += 1
        elif name == "t" and self.current is not None and not self.phonetic:
            self.in_t = True

    def end(self, name: str) -> None:
        if name == "si" and self.current is not None:
            self.strings.append("".join(self.current))
            self.current = None
        elif name == "rPh":
            self.phonetic -= 1
        elif name == "t":
            self.in_t = False

    def text(self, data: str) -> None:
        if not self.in_t or self.current is None:
            return
        self.chars += len(data)
        if self.chars > self.book.limits.cell_chars:
            raise _Stop(self.book.error(
                f"shared string {len(self.strings)} ({self.part}) is longer than "
                f"{_n(self.book.limits.cell_chars)} characters, more than Excel lets a cell hold; the workbook "
                "is damaged or was not written by a spreadsheet program"))
        try:
            self.book.count_text(len(data))
        except UserError as exc:
            raise _Stop(exc) from None
        self.current.append(data)


class _Styles:
    def __init__(self) -> None:
        self.formats: dict[int, str] = {}
        self.xfs: list[int] = []
        self.in_xfs = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "numFmt" and len(self.formats) < 10_000:
            fid = attrs.get("numFmtId", "")
            if fid.isdigit():
                self.formats[int(fid)] = attrs.get("formatCode", "")[:256]
        elif name == "cellXfs":
            self.in_xfs = True
        elif name == "xf" and self.in_xfs and len(self.xfs) < 100_000:
            fid = attrs.get("numFmtId", "0")
            self.xfs.append(int(fid) if fid.isdigit() and len(fid) < 9 else 0)

    def end(self, name: str) -> None:
        if name == "cellXfs":
            self.in_xfs = False

    def text(self, data: str) -> None:
        pass


class _Sheet:
    """The handler for a worksheet: builds one row at a time and queues it in `done`."""

    def __init__(self, book: XlsxBook) -> None:
        self.book = book
        self.limits = book.limits
        self.done: deque[tuple[int, list[Any]]] = deque()
        self.row = 0  # the current row number (0 before the first)
        self.values: dict[int, Any] = {}
        self.column = 0  # the column of the last cell seen in this row
        self.cell: _Cell | None = None
        self.target: str | None = None  # which text we are collecting: "v", "f", "t"
        self.inline = False
        self.phonetic = 0
        self.merged: list[str] = []
        self.merged_count = 0

    def fail(self, message: str, row: int | None = None, column: int | None = None) -> _Stop:
        return _Stop(self.book.error(message, row, column))

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "row":
            self._start_row(attrs.get("r"))
        elif name == "c":
            self._start_cell(attrs)
        elif self.cell is not None:
            if name == "v":
                self.target = "v"
                self.cell.saw_value = True
            elif name == "f":
                self.target = "f"
                self.cell.formula = ""
            elif name == "is":
                self.inline = True
            elif name == "rPh":
                self.phonetic += 1
            elif name == "t" and self.inline and not self.phonetic:
                self.target = "t"
        elif name == "mergeCell":
            self.merged_count += 1
            if len(self.merged) < self.limits.merged_ranges:
                self.merged.append(attrs.get("ref", "")[:32])

    def end(self, name: str) -> None:
        if name == "c" and self.cell is not None:
            self._end_cell(self.cell)
            self.cell = None
            self.inline = False
        elif name == "row":
            if self.values:
                width = max(self.values)
                row = [None] * width
                for col, value in self.values.items():
                    row[col - 1] = value
                self.done.append((self.row, row))
            self.values = {}
        elif name in ("v", "f", "t"):
            self.target = None
        elif name == "rPh":
            self.phonetic -= 1

    def text(self, data: str) -> None:
        cell = self.cell
        if cell is None or self.target is None:
            return
        if self.target == "f":
            if cell.formula is not None and len(cell.formula) < 200:
                cell.formula += data[:200]
            return
        cell.chars += len(data)
        if cell.chars > self.limits.cell_chars:
            raise self.fail(f"the cell holds more than {_n(self.limits.cell_chars)} characters, more than Excel "
                            "lets a cell hold; the workbook is damaged or was not written by a spreadsheet program",
                            self.row, cell.column)
        cell.text.append(data)
        cell.has_value = True

    def _start_row(self, ref: str | None) -> None:
        if ref is None:
            number = self.row + 1
        elif ref.isdigit() and len(ref) <= 7:
            number = int(ref)
        else:
            raise self.fail(f"a row is numbered {ref[:20]!r}, which is not a row number; the workbook is damaged",
                            self.row + 1 if self.row < EXCEL_ROWS else None)
        if not 1 <= number <= EXCEL_ROWS:
            raise self.fail(f"a row is numbered {_n(number)}; sheets have rows 1 to {_n(EXCEL_ROWS)}, so the "
                            "workbook is damaged")
        if number <= self.row:
            raise self.fail(f"row {_n(number)} comes after row {_n(self.row)}; rows must be in order, so the "
                            "workbook is damaged", number)
        self.row, self.column, self.values = number, 0, {}

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if self.row == 0:
            self._start_row(None)
        if ref is None:
            column = self.column + 1
        else:
            match = _REF.match(ref)
            if match is None:
                raise self.fail(f"a cell is named {ref[:20]!r}, which is not a cell reference like B7; the "
                                "workbook is damaged", self.row)
            column, row = column_number(match.group(1)), int(match.group(2))
            if row != self.row:
                raise self.fail(f"cell {ref} is written inside row {_n(self.row)}; the workbook is damaged",
                                self.row)
        if not 1 <= column <= EXCEL_COLUMNS:
            raise self.fail(f"a cell lies in column {_n(column)}; sheets have columns A to XFD, so the workbook "
                            "is damaged", self.row)
        if column <= self.column:
            raise self.fail(f"cell {column_letter(column)}{self.row} appears twice or out of order; the workbook "
                            "is damaged", self.row, column)
        self.column = column
        style = attrs.get("s", "0")
        self.cell = _Cell(column, attrs.get("t", "n"), int(style) if style.isdigit() and len(style) < 9 else 0)

    def _end_cell(self, cell: _Cell) -> None:
        ref = f"{column_letter(cell.column)}{self.row}"
        text = "".join(cell.text)
        value = self._value(cell, text, ref)
        if value is None:
            if cell.formula is not None and not cell.saw_value:
                shown = cell.formula if len(cell.formula) < 60 else cell.formula[:57] + "…"
                self.book.warnings.append(Problem(
                    msg("xl_formula", ref=ref, formula=shown), self.book.label,
                    self.row, cell.column, sheet=True))
            return
        if self.row > self.limits.rows:
            raise self.fail(f"the sheet has data in row {_n(self.row)}; sheets are read up to row "
                            f"{_n(self.limits.rows)} ({_n(self.limits.rows - 1)} rows below the header). Split "
                            "it into several files", self.row, cell.column)
        if cell.column > self.limits.columns:
            raise self.fail(f"the sheet has data in column {column_letter(cell.column)}; sheets are read up to "
                            f"column {column_letter(self.limits.columns)} ({_n(self.limits.columns)} columns)",
                            self.row, cell.column)
        self.book.cells += 1
        if self.book.cells > self.limits.cells:
            raise self.fail(f"the sheet holds more than {_n(self.limits.cells)} cells with a value; it is too "
                            "large to read (split it into several files)", self.row, cell.column)
        if isinstance(value, str) and cell.type != "s":
            try:
                self.book.count_text(len(value), self.row, cell.column)
            except UserError as exc:
                raise _Stop(exc) from None
        self.values[cell.column] = value

    def _value(self, cell: _Cell, text: str, ref: str) -> Any:
        kind = cell.type
        if kind == "inlineStr":
            return text if cell.has_value else None
        if not text:
            return None
        if kind == "s":
            index = text.strip()
            if not index.isdigit() or len(index) > 9 or int(index) >= len(self.book.shared):
                raise self.fail(f"cell {ref} refers to shared string {index[:20]!r}, but the workbook holds "
                                f"{_n(len(self.book.shared))}; the workbook is damaged", self.row, cell.column)
            return self.book.shared[int(index)]
        if kind == "str":
            return text
        if kind == "b":
            if text.strip() in ("1", "true"):
                return True
            if text.strip() in ("0", "false"):
                return False
            raise self.fail(f"cell {ref} is a yes/no cell holding {text[:20]!r}; the workbook is damaged",
                            self.row, cell.column)
        if kind == "e":
            self.book.warnings.append(Problem(
                msg("xl_error_value", ref=ref, error=text[:20]), self.book.label, self.row, cell.column, sheet=True))
            return None
        if kind == "d":
            import datetime as dt

            try:
                return dt.datetime.fromisoformat(text.strip()[:40])
            except ValueError:
                raise self.fail(f"cell {ref} is a date cell holding {text[:20]!r}, which is not a date",
                                self.row, cell.column) from None
        if kind != "n":
            raise self.fail(f"cell {ref} has the unknown type {kind[:20]!r}; the workbook is damaged",
                            self.row, cell.column)
        number = text.strip()
        if len(number) > 64 or not _NUMBER.match(number):
            raise self.fail(f"cell {ref} is a number cell holding {number[:20]!r}, which is not a number Excel "
                            "writes (NaN, INF and hexadecimal are not allowed); the workbook is damaged",
                            self.row, cell.column)
        value: int | float = int(number) if _INT.match(number) else float(number)
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(f"cell {ref} holds the number {number!r}, which is too large to be a number",
                            self.row, cell.column)
        if cell.style in self.book.date_styles:
            from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

            try:
                return from_excel(value, CALENDAR_MAC_1904 if self.book.date1904 else CALENDAR_WINDOWS_1900)
            except (ValueError, OverflowError):
                return value
        return value

    def finish(self) -> None:
        """After the sheet: warn about merged ranges, whose cells but the first read as empty."""
        for ref in self.merged:
            first, _, last = ref.partition(":")
            a, b = _REF.match(first), _REF.match(last)
            if not a or not b or ref.count(":") != 1:
                continue
            row, column = int(a.group(2)), column_number(a.group(1))
            self.book.warnings.append(Problem(
                msg("xl_merged", ref=ref, first=first), self.book.label, row, column, sheet=True))
        if self.merged_count > len(self.merged):
            self.book.warnings.append(Problem(
                msg("xl_merged_many", n=_n(self.merged_count), shown=len(self.merged)),
                self.book.label, sheet=True))


# ---------------------------------------------------------------------------------------------
# CSV


@dataclass
class CsvTable:
    """A CSV file, decoded strictly, read record by record within limits."""

    path: Path
    limits: Limits
    max_bytes: int = 1024 * 1024 * 1024  # the file's size: read whole, so bounded while reading
    label: str = ""
    warnings: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"

    def __post_init__(self) -> None:
        from cluster_assess.io.files import NotRegular, TooLarge, not_regular_error, read_regular

        self.label = str(self.path)
        try:  # only a regular file, never past the limit, whatever size it claims (/dev/zero: 0)
            data = read_regular(self.path, self.max_bytes)
        except NotRegular as exc:
            raise not_regular_error(self.path, exc.kind, "CSV sheets") from None
        except TooLarge:
            raise self.error(f"the CSV file is over {self.max_bytes // 2**20} MiB; CSV sheets are limited "
                             "to that") from None
        except FileNotFoundError:
            raise self.error("no such file") from None
        except OSError as exc:
            raise self.error(f"cannot read the file: {exc.strerror or exc}") from None
        self.text = self._decode(data)

    def error(self, message: str, row: int | None = None, column: int | None = None) -> UserError:
        return UserError([Problem(message, self.label, row, column, sheet=True)])

    def _record_of(self, data: bytes, offset: int, encoding: str) -> int:
        """The CSV record (1-based) holding byte `offset`: quoted fields may span lines."""
        start = data.rfind(b"\n", 0, offset) + 1
        prefix = data[:start].decode(encoding, errors="replace")
        try:
            return sum(1 for _ in csv.reader(io.StringIO(prefix, newline=""))) + 1
        except csv.Error:
            return prefix.count("\n") + 1

    def _decode(self, data: bytes) -> str:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                self.encoding = "utf-16"
                return data.decode("utf-16")
            except UnicodeDecodeError:
                raise self.error("the file starts like UTF-16 but is not valid UTF-16; save it as UTF-8") from None
        if b"\x00" in data[:8192]:
            raise self.error("this is a binary file, not CSV text; save the sheet as CSV (UTF-8) or .xlsx")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad = exc.start
        row = self._record_of(data, bad, "utf-8")
        line_start = data.rfind(b"\n", 0, bad) + 1
        if data.startswith(codecs.BOM_UTF8) or not data[:line_start].isascii():
            raise self.error(
                f"row {row} is not UTF-8 (byte 0x{data[bad]:02X}), though the rows before it are: the file "
                "mixes two encodings, perhaps a cell pasted from a GBK file. Nothing was guessed; save the file "
                "again as CSV UTF-8", row)
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            row = self._record_of(data, exc.start, "gb18030")
            start, end = data.rfind(b"\n", 0, exc.start) + 1, data.find(b"\n", exc.start)
            try:
                data[start:end if end >= 0 else len(data)].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                raise self.error(f"row {row} is written in UTF-8, but the rows before it in GBK: the file mixes "
                                 "two encodings. Nothing was guessed; save the file again as CSV UTF-8", row) from None
            raise self.error(f"the file is neither UTF-8 nor GBK text (undecodable byte 0x{data[exc.start]:02X} "
                             f"in row {row}); save it as CSV UTF-8", row) from None
        # A GBK file with a row written in UTF-8 decodes "successfully" into nonsense (石狮 → 鐭崇嫯)
        offset = 0
        for line in data.split(b"\n"):
            if not line.isascii():
                try:
                    as_utf8 = line.decode("utf-8")
                except UnicodeDecodeError:
                    as_utf8 = ""
                if any("\u4e00" <= ch <= "\u9fff" for ch in as_utf8):
                    row = self._record_of(data, offset, "gb18030")
                    raise self.error(
                        f"row {row} is written in UTF-8, but the rows before it in GBK: the file mixes two "
                        "encodings. Nothing was guessed; save the file again as CSV UTF-8", row)
            offset += len(line) + 1
        self.encoding = "gbk"
        self.warnings.append(Problem(msg("csv_read_gbk"), self.label))
        return text

    def rows(self, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
        limits = self.limits
        lines = self._lines()
        old = csv.field_size_limit()
        csv.field_size_limit(limits.csv_field_chars)
        number = 0
        cells = chars = 0
        try:
            reader = csv.reader(lines, delimiter=delimiter, strict=True)
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    at = number + 1
                    if "field larger than field limit" in str(exc):
                        raise self.error(f"row {at} has a field longer than {_n(limits.csv_field_chars)} "
                                         "characters; no cell of a profile or table is that long", at) from None
                    raise self.error(f"row {at} is not valid CSV ({exc}); check its quotes", at) from None
                number += 1
                if len(row) > limits.columns and any(v.strip() for v in row[limits.columns:]):
                    raise self.error(f"the row has {_n(len(row))} fields; tables are read up to "
                                     f"{_n(limits.columns)} columns", number, limits.columns + 1)
                if any(row) and number > limits.rows:
                    raise self.error(f"the file has data in row {_n(number)}; files are read up to row "
                                     f"{_n(limits.rows)} ({_n(limits.rows - 1)} rows below the header). Split it "
                                     "into several files", number)
                cells += len(row)
                chars += sum(len(v) for v in row)
                if cells > limits.cells or chars > limits.text_chars:
                    raise self.error(f"the file holds more than {_n(limits.cells)} cells or "
                                     f"{_n(limits.text_chars)} characters; it is too large to read", number)
                yield number, row
        finally:
            csv.field_size_limit(old)

    def _lines(self) -> Iterator[str]:
        """Physical lines, each refused beyond CSV_LINE_CHARS before the csv module sees it."""
        stream = io.StringIO(self.text, newline="")
        line_number = 0
        while True:
            line = stream.readline(CSV_LINE_CHARS + 1)
            if not line:
                return
            line_number += 1
            if len(line) > CSV_LINE_CHARS:
                raise self.error(f"line {_n(line_number)} is longer than {_n(CSV_LINE_CHARS)} characters; no "
                                 "row of a profile or table is that long", line_number)
            yield line
