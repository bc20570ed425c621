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

The parts: `sheet_limits` (what a table may hold), `xlsx_parts` (each XML part as a bounded
stream), `xlsx_book` (the workbook and its first sheet), `xlsx_sheet` (rows and cells),
`csv_table` (CSV files). Readers import from here.
"""

from __future__ import annotations

from cluster_assess.io.csv_table import CsvTable
from cluster_assess.io.sheet_limits import PROFILE_LIMITS, TABLE_LIMITS, Limits
from cluster_assess.io.xlsx_book import XlsxBook

__all__ = ["PROFILE_LIMITS", "TABLE_LIMITS", "CsvTable", "Limits", "XlsxBook"]
