"""A worksheet's XML, one row at a time: cells typed and checked, each limit checked as it comes."""

from __future__ import annotations

import math
import re
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cluster_assess.errors import Problem, UserError, column_letter
from cluster_assess.i18n import msg
from cluster_assess.io.sheet_limits import EXCEL_COLUMNS, EXCEL_ROWS, commas
from cluster_assess.io.xlsx_parts import Stop

if TYPE_CHECKING:
    from cluster_assess.io.xlsx_book import XlsxBook

CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


@dataclass
class Cell:
    column: int
    type: str
    style: int
    text: list[str] = field(default_factory=list)
    chars: int = 0
    formula: str | None = None
    has_value: bool = False
    saw_value: bool = False  # a <v> element was written (a formula's saved result, perhaps empty)



class SheetReader:
    """The handler for a worksheet: builds one row at a time and queues it in `done`."""

    def __init__(self, book: XlsxBook) -> None:
        self.book = book
        self.limits = book.limits
        self.done: deque[tuple[int, list[Any]]] = deque()
        self.row = 0  # the current row number (0 before the first)
        self.values: dict[int, Any] = {}
        self.column = 0  # the column of the last cell seen in this row
        self.cell: Cell | None = None
        self.target: str | None = None  # which text we are collecting: "v", "f", "t"
        self.inline = False
        self.phonetic = 0
        self.merged: list[str] = []
        self.merged_count = 0

    def fail(self, message: str, row: int | None = None, column: int | None = None) -> Stop:
        return Stop(self.book.error(message, row, column))

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
            raise self.fail(msg("xl_cell_long", most=commas(self.limits.cell_chars)), self.row, cell.column)
        cell.text.append(data)
        cell.has_value = True

    def _start_row(self, ref: str | None) -> None:
        if ref is None:
            number = self.row + 1
        elif ref.isdigit() and len(ref) <= 7:
            number = int(ref)
        else:
            raise self.fail(msg("xl_row_name", ref=ref[:20]), self.row + 1 if self.row < EXCEL_ROWS else None)
        if not 1 <= number <= EXCEL_ROWS:
            raise self.fail(msg("xl_row_range", n=commas(number), most=commas(EXCEL_ROWS)))
        if number <= self.row:
            raise self.fail(msg("xl_row_order", n=commas(number), previous=commas(self.row)), number)
        self.row, self.column, self.values = number, 0, {}

    def _start_cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if self.row == 0:
            self._start_row(None)
        if ref is None:
            column = self.column + 1
        else:
            match = CELL_REF.match(ref)
            if match is None:
                raise self.fail(msg("xl_cell_name", ref=ref[:20]), self.row)
            column, row = column_number(match.group(1)), int(match.group(2))
            if row != self.row:
                raise self.fail(msg("xl_cell_row", ref=ref, row=commas(self.row)), self.row)
        if not 1 <= column <= EXCEL_COLUMNS:
            raise self.fail(msg("xl_cell_column", n=commas(column)), self.row)
        if column <= self.column:
            raise self.fail(msg("xl_cell_twice", ref=f"{column_letter(column)}{self.row}"), self.row, column)
        self.column = column
        style = attrs.get("s", "0")
        self.cell = Cell(column, attrs.get("t", "n"), int(style) if style.isdigit() and len(style) < 9 else 0)

    def _end_cell(self, cell: Cell) -> None:
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
            raise self.fail(msg("xl_rows_limit", n=commas(self.row), most=commas(self.limits.rows),
                                below=commas(self.limits.rows - 1)), self.row, cell.column)
        if cell.column > self.limits.columns:
            raise self.fail(msg("xl_columns_limit", column=column_letter(cell.column),
                                last=column_letter(self.limits.columns), most=commas(self.limits.columns)),
                            self.row, cell.column)
        self.book.cells += 1
        if self.book.cells > self.limits.cells:
            raise self.fail(msg("xl_cells_limit", most=commas(self.limits.cells)), self.row, cell.column)
        if isinstance(value, str) and cell.type != "s":
            try:
                self.book.count_text(len(value), self.row, cell.column)
            except UserError as exc:
                raise Stop(exc) from None
        self.values[cell.column] = value

    def _value(self, cell: Cell, text: str, ref: str) -> Any:
        kind = cell.type
        if kind == "inlineStr":
            return text if cell.has_value else None
        if not text:
            return None
        if kind == "s":
            index = text.strip()
            if not index.isdigit() or len(index) > 9 or int(index) >= len(self.book.shared):
                raise self.fail(msg("xl_shared_ref", ref=ref, index=index[:20], n=commas(len(self.book.shared))),
                                self.row, cell.column)
            return self.book.shared[int(index)]
        if kind == "str":
            return text
        if kind == "b":
            if text.strip() in ("1", "true"):
                return True
            if text.strip() in ("0", "false"):
                return False
            raise self.fail(msg("xl_bool", ref=ref, text=text[:20]), self.row, cell.column)
        if kind == "e":
            self.book.warnings.append(Problem(
                msg("xl_error_value", ref=ref, error=text[:20]), self.book.label, self.row, cell.column, sheet=True))
            return None
        if kind == "d":
            import datetime as dt

            try:
                return dt.datetime.fromisoformat(text.strip()[:40])
            except ValueError:
                raise self.fail(msg("xl_date", ref=ref, text=text[:20]), self.row, cell.column) from None
        if kind != "n":
            raise self.fail(msg("xl_type", ref=ref, kind=kind[:20]), self.row, cell.column)
        number = text.strip()
        if len(number) > 64 or not NUMBER.match(number):
            raise self.fail(msg("xl_number", ref=ref, text=number[:20]), self.row, cell.column)
        value: int | float = int(number) if INTEGER.match(number) else float(number)
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(msg("xl_number_large", ref=ref, text=number), self.row, cell.column)
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
            a, b = CELL_REF.match(first), CELL_REF.match(last)
            if not a or not b or ref.count(":") != 1:
                continue
            row, column = int(a.group(2)), column_number(a.group(1))
            self.book.warnings.append(Problem(
                msg("xl_merged", ref=ref, first=first), self.book.label, row, column, sheet=True))
        if self.merged_count > len(self.merged):
            self.book.warnings.append(Problem(
                msg("xl_merged_many", n=commas(self.merged_count), shown=len(self.merged)),
                self.book.label, sheet=True))


