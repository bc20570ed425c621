"""A Comparison as CSV: one line per row of the side-by-side view, one column per town.

Cells hold raw values (numbers as Python writes them, stage and recommendation ids), so the file
reads back to the same numbers; an unknown is an empty cell, never 0. Text that a spreadsheet would
run as a formula (it starts with = + - @, a tab or a carriage return: `=HYPERLINK(…)`, `+cmd|…`) gets
a leading apostrophe, as OWASP recommends for CSV injection; numbers, -2.5 too, stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from typing import IO, Any

from cluster_assess.compare.model import Comparison
from cluster_assess.display import sanitised

FIXED = ("id", "group", "label", "unit", "better")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet will show, never run: text starting like a formula gets a leading
    apostrophe; numbers (and text that is just a number, such as '-2.5') are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def _row(cells: list[Any]) -> list[Any]:
    return [spreadsheet_safe(cell) for cell in cells]


def render(c: Comparison, lang: str) -> str:
    c = sanitised(c)  # user text: no control codes or bidi overrides reach the reader
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_row([*FIXED, *(col.key for col in c.columns)]))
    for field in ("name", "region", "industry", "year", "origin"):
        values = [getattr(col, field) for col in c.columns]
        writer.writerow(_row([f"town.{field}", "town", field, "", "none", *("" if v is None else v for v in values)]))
    for row in c.rows:
        writer.writerow(_row([row.id, row.group, row.label.get(lang), row.unit, row.better,
                              *("" if cell.value is None else cell.value for cell in row.cells)]))
    return buffer.getvalue()


def write(c: Comparison, stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(render(c, lang))
