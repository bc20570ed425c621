"""A workbook's first sheet, read as a stream of rows within limits (see `io.sheet_reader`)."""

from __future__ import annotations

import os
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import msg
from cluster_assess.io.files import os_reason
from cluster_assess.io.sheet_limits import Limits, commas
from cluster_assess.io.xlsx_parts import Collect, Part, Stop, resolve_part
from cluster_assess.io.xlsx_sheet import SheetReader

DATE_FORMAT_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})  # Excel's built-in date formats


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
            raise not_regular_error(path, exc.kind, msg("reads_workbooks")) from None
        except OSError as exc:
            raise UserError.single(msg("xl_cannot_open", reason=os_reason(exc)), file=self.file) from None
        try:
            self.zip = zipfile.ZipFile(self.handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            self.handle.close()
            raise UserError.single(msg("xl_unreadable", kind=type(exc).__name__), file=self.file) from None
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
            raise self.error(msg("xl_members", n=commas(len(infos)), most=commas(self.limits.members)))
        self.names = {info.filename for info in infos}
        book_part = self._office_document()
        if book_part not in self.names:
            raise self.error(msg("xl_no_workbook"))
        wb = Collect({"sheet", "workbookPr"})
        Part(self, book_part).run(wb)
        self.date1904 = any(name == "workbookPr" and attrs.get("date1904") in ("1", "true")
                            for name, attrs in wb.found)
        sheets = [attrs for name, attrs in wb.found if name == "sheet"]
        if not sheets:
            raise self.error(msg("xl_no_sheets"))
        first = sheets[0]
        self.sheet_name = first.get("name") or "Sheet1"
        rels = self._rels(book_part)
        target = rels.get(first.get("id", ""))
        if target is None:
            raise self.error(msg("xl_sheet_no_rel", name=self.sheet_name))
        self.sheet_part = target[0]
        self.label = f"{self.file}[{self.sheet_name}]"
        if self.sheet_part not in self.names:
            raise self.error(msg("xl_sheet_missing", name=self.sheet_name, part=self.sheet_part))
        by_type = {kind.rpartition("/")[2]: part for part, kind in rels.values()}
        self.shared = self._shared_strings(by_type.get("sharedStrings", "xl/sharedStrings.xml"))
        self.date_styles = self._date_styles(by_type.get("styles", "xl/styles.xml"))

    def _office_document(self) -> str:
        if "_rels/.rels" in self.names:
            rels = Collect({"Relationship"})
            Part(self, "_rels/.rels").run(rels)
            for _, attrs in rels.found:
                if attrs.get("Type", "").endswith("/officeDocument"):
                    return resolve_part("", attrs.get("Target", ""))
        return "xl/workbook.xml"

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        out: dict[str, tuple[str, str]] = {}
        if rels_part not in self.names:
            return out
        rels = Collect({"Relationship"})
        Part(self, rels_part).run(rels)
        for _, attrs in rels.found:
            if attrs.get("TargetMode") == "External":
                continue
            out[attrs.get("Id", "")] = (resolve_part(folder, attrs.get("Target", "")), attrs.get("Type", ""))
        return out

    def _shared_strings(self, part: str | None) -> list[str]:
        if part is None or part not in self.names:
            return []
        reader = SharedStrings(self, part)
        Part(self, part).run(reader)
        return reader.strings

    def _date_styles(self, part: str | None) -> frozenset[int]:
        """Indexes of the cell styles that show a date (their numbers are read as dates)."""
        if part is None or part not in self.names:
            return frozenset()
        styles = Styles()
        Part(self, part).run(styles)
        from openpyxl.styles.numbers import is_date_format

        custom_dates = {fid for fid, code in styles.formats.items() if is_date_format(code)}
        return frozenset(i for i, fid in enumerate(styles.xfs) if fid in DATE_FORMAT_IDS or fid in custom_dates)

    def count_text(self, chars: int, row: int | None = None, column: int | None = None) -> None:
        self.text_chars += chars
        if self.text_chars > self.limits.text_chars:
            raise self.error(msg("xl_text_large", most=commas(self.limits.text_chars)), row, column)

    # -- the sheet ------------------------------------------------------------------------------

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        sheet = SheetReader(self)
        for _ in Part(self, self.sheet_part).parse(sheet):
            while sheet.done:
                yield sheet.done.popleft()
        sheet.finish()


class SharedStrings:
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
                raise Stop(self.book.error(msg("xl_shared_many", part=self.part, most=commas(self.book.limits.cells))))
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
            raise Stop(self.book.error(msg("xl_shared_long", index=len(self.strings), part=self.part,
                                            most=commas(self.book.limits.cell_chars))))
        try:
            self.book.count_text(len(data))
        except UserError as exc:
            raise Stop(exc) from None
        self.current.append(data)


class Styles:
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


