"""A Comparison as CSV: one line per row of the side-by-side view, one column per town.

Cells hold raw values (numbers as Python writes them, stage and recommendation ids), so the file
reads back to the same numbers; an unknown is an empty cell, never 0.
"""

from __future__ import annotations

import csv
import io
from typing import IO

from cluster_assess.compare.model import Comparison

FIXED = ("id", "group", "label", "unit", "better")


def render(c: Comparison, lang: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*FIXED, *(col.key for col in c.columns)])
    for field in ("name", "region", "industry", "year", "origin"):
        values = [getattr(col, field) for col in c.columns]
        writer.writerow([f"town.{field}", "town", field, "", "none", *("" if v is None else v for v in values)])
    for row in c.rows:
        writer.writerow([row.id, row.group, row.label.get(lang), row.unit, row.better,
                         *("" if cell.value is None else cell.value for cell in row.cells)])
    return buffer.getvalue()


def write(c: Comparison, stream: IO[str], lang: str, *, plain: bool) -> None:
    stream.write(render(c, lang))
