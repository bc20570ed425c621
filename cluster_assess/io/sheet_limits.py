"""What one table may hold (rows, columns, cells, characters, bytes), for profiles and for tables."""

from __future__ import annotations

from dataclasses import dataclass

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
CHUNK = 64 * 1024


def commas(value: int) -> str:
    """A count as users read it in messages: 1,048,576."""
    return f"{value:,}"

