"""A CSV file, decoded strictly (UTF-8, or GBK when the whole file is GBK) and read record by
record within limits (see `io.sheet_reader`)."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg
from cluster_assess.io.files import os_reason
from cluster_assess.io.sheet_limits import CSV_LINE_CHARS, Limits, commas


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
            raise not_regular_error(self.path, exc.kind, msg("reads_csv")) from None
        except TooLarge:
            raise self.error(msg("csv_too_large", mib=self.max_bytes // 2**20)) from None
        except FileNotFoundError:
            raise self.error(msg("file_missing")) from None
        except OSError as exc:
            raise self.error(msg("file_unreadable", reason=os_reason(exc))) from None
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
                raise self.error(msg("file_utf16_bad")) from None
        if b"\x00" in data[:8192]:
            raise self.error(msg("csv_binary"))
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            bad = exc.start
        row = self._record_of(data, bad, "utf-8")
        line_start = data.rfind(b"\n", 0, bad) + 1
        if data.startswith(codecs.BOM_UTF8) or not data[:line_start].isascii():
            raise self.error(msg("csv_mixed_utf8_first", row=row, byte=f"{data[bad]:02X}"), row)
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
                raise self.error(msg("csv_mixed_gbk_first", row=row), row) from None
            raise self.error(msg("csv_undecodable", row=row, byte=f"{data[exc.start]:02X}"), row) from None
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
                    raise self.error(msg("csv_mixed_gbk_first", row=row), row)
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
                        raise self.error(msg("csv_field_long", row=at, most=commas(limits.csv_field_chars)),
                                         at) from None
                    raise self.error(msg("csv_invalid", row=at, reason=str(exc)), at) from None
                number += 1
                if len(row) > limits.columns and any(v.strip() for v in row[limits.columns:]):
                    raise self.error(msg("csv_columns", n=commas(len(row)), most=commas(limits.columns)), number,
                                     limits.columns + 1)
                if any(row) and number > limits.rows:
                    raise self.error(msg("csv_rows", n=commas(number), most=commas(limits.rows),
                                         below=commas(limits.rows - 1)), number)
                cells += len(row)
                chars += sum(len(v) for v in row)
                if cells > limits.cells or chars > limits.text_chars:
                    raise self.error(msg("csv_cells", cells=commas(limits.cells), chars=commas(limits.text_chars)),
                                     number)
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
                raise self.error(msg("csv_line_long", n=commas(line_number), most=commas(CSV_LINE_CHARS)), line_number)
            yield line
