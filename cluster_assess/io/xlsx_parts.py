"""The XML parts of a workbook, fed to expat as a stream: no DTD, no entity, bounded in bytes.

Each part is decompressed and parsed a chunk at a time; a handler object receives start, end and
text. Anything wrong stops the parse with a `UserError` naming the part.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.io.sheet_limits import CHUNK

if TYPE_CHECKING:
    from cluster_assess.io.xlsx_book import XlsxBook

# ---------------------------------------------------------------------------------------------
# Streaming XML, refusing DTDs, bounded


class Stop(Exception):
    """Raised inside an expat handler to stop parsing with a UserError."""

    def __init__(self, error: UserError) -> None:
        super().__init__(str(error))
        self.error = error


def local_name(name: str) -> str:
    return name.rpartition(" ")[2]  # expat gives "namespace-uri local" with namespace_separator=" "


class Part:
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
        parser.buffer_size = CHUNK
        progress = [0]

        def start(name: str, attrs: dict[str, str]) -> None:
            progress[0] += 1
            handler.start(local_name(name), attrs)

        def end(name: str) -> None:
            progress[0] += 1
            handler.end(local_name(name))

        def text(data: str) -> None:
            progress[0] += 1
            handler.text(data)

        def refuse(*_: Any) -> Any:
            raise Stop(book.error(msg("xl_dtd", part=self.member)))

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
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > book.limits.xml_bytes:
                        raise book.error(msg("xl_part_large", part=self.member,
                                             mib=f"{book.limits.xml_bytes // 2**20:,}"))
                    window = carry + chunk
                    if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                        refuse()
                    if b"\x00" in chunk:
                        raise book.error(msg("xl_part_nul", part=self.member))
                    carry = chunk[-9:]
                    parser.Parse(chunk, False)
                    if progress[0] == seen:
                        stalled += len(chunk)
                        if stalled > book.limits.stall_bytes:
                            raise book.error(msg("xl_part_stall", part=self.member,
                                                 mib=book.limits.stall_bytes // 2**20))
                    else:
                        stalled, seen = 0, progress[0]
                    yield
                parser.Parse(b"", True)
                yield
        except Stop as stop:
            raise stop.error from None
        except expat.ExpatError as exc:
            raise book.error(msg("xl_part_xml", part=self.member, line=exc.lineno, column=exc.offset + 1,
                                 reason=expat.ErrorString(exc.code))) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
            raise book.error(msg("xl_part_unpack", part=self.member, kind=type(exc).__name__,
                                 reason=str(exc))) from None

    def run(self, handler: Any) -> None:
        for _ in self.parse(handler):
            pass


class Collect:
    """A small XML part as (element, attributes) of the elements named, with their text."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.found: list[tuple[str, dict[str, str]]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name in self.names and len(self.found) < 100_000:
            self.found.append((name, {local_name(k): v for k, v in attrs.items()}))

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass



def resolve_part(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))

