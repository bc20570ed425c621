"""Reading files: only regular ones, never past a limit, decoded as our users save text.

Every reader of a user's file goes through here: profiles and rubrics (`io.yamlsource`), sheets of
profiles and tables (`io.spreadsheets`, `io.sheet_reader`, `indicators.tables`), the `--into`
profile, the rubric cache's entries.

- Only regular files are read, after following symbolic links: a device (`/dev/zero`), a named
  pipe (FIFO) or a socket is refused at once. Files are opened without blocking, so a FIFO with
  no writer is refused rather than waited on.
- No file is read past its limit, whatever size it claims (`/dev/zero` claims 0): at most
  limit + 1 bytes are read before it is refused.
- Text is UTF-8 (with or without BOM), UTF-16 with a BOM, or GBK/GB18030 (`decode`).
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)


class TooLarge(Exception):
    """The file holds more than the limit; `size` is how much was seen (limit + 1 at most)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class NotRegular(Exception):
    """The name is a device, FIFO, socket or folder: `kind` says which, in words."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a name that is not a regular file is, in words (a message: English as a str)."""
    if stat.S_ISDIR(mode):
        return msg("kind_folder")
    if stat.S_ISFIFO(mode):
        return msg("kind_fifo")
    if stat.S_ISSOCK(mode):
        return msg("kind_socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("kind_device")
    return msg("kind_other")


def os_reason(exc: OSError) -> dict[str, str]:
    """Why the system refused, as a message parameter in both languages: the system's own words in
    English, ours in Chinese for the causes users meet (and the system's words for the rest)."""
    import errno

    from cluster_assess.i18n import CATALOGUE

    english = exc.strerror or str(exc)
    key = f"os_{errno.errorcode.get(exc.errno or 0, '')}"
    return {"zh": CATALOGUE[key]["zh"] if key in CATALOGUE else english, "en": english}


def open_regular_fd(path: str | Path) -> int:
    """A file descriptor of `path` (links followed), open for reading, if it is a regular file;
    NotRegular otherwise, decided without waiting on a FIFO. The descriptor is blocking again
    (a regular file never blocks); the caller closes it. OSError (missing, no permission) passes
    through."""
    fd = os.open(path, _READ_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(file_kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextmanager
def open_regular(path: str | Path) -> Iterator[int]:
    """`open_regular_fd`, closed when the block ends."""
    fd = open_regular_fd(path)
    try:
        yield fd
    finally:
        os.close(fd)


def read_fd(fd: int, limit: int) -> bytes:
    """The bytes left in `fd`, at most `limit`: TooLarge after reading limit + 1."""
    chunks: list[bytes] = []
    seen = 0
    while seen <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - seen))
        if not chunk:
            break
        chunks.append(chunk)
        seen += len(chunk)
    if seen > limit:
        raise TooLarge(seen)
    return b"".join(chunks)


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file (symbolic links followed), at most `limit` of them.

    What is not a regular file once opened is refused (NotRegular); a file with more than `limit`
    bytes is refused (TooLarge) after reading at most limit + 1 — a size the file reports (0 for
    /dev/zero) is never trusted. OSError (missing, no permission) passes through."""
    with open_regular(path) as fd:
        return read_fd(fd, limit)


def not_regular_error(path: str | Path, kind: str, what: str) -> UserError:
    """The message for a name that is not a regular file; `what` names what is read (plural), a
    catalogue message (`reads_*`) so that it is said in the reader's language."""
    return UserError.single(msg("not_regular", kind=kind, what=what), file=str(path))


def require_regular(path: str | Path, what: str) -> None:
    """Refuse (UserError), before a library opens it by name, what is not a regular file: a FIFO
    would block that library for ever, a device would feed it without end. A missing file passes,
    for the reader to report as it does."""
    try:
        with open_regular(path):
            return
    except NotRegular as exc:
        raise not_regular_error(path, exc.kind, what) from None
    except OSError:
        return


def decode(data: bytes, file: str, notes: list[str] | None = None) -> str:
    """UTF-8 with or without BOM; UTF-16 with a BOM; GBK/GB18030 (what Chinese Windows saves) when
    the bytes are not UTF-8 but read as sensible Chinese text. Anything else is refused.

    We detect GBK by a strict decode plus a plausibility check rather than a statistical guesser:
    our users' only common non-UTF-8 encoding is GBK, and a strict rule is predictable."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise UserError.single(msg("file_utf16_bad"), file=file) from None
        if notes is not None:
            notes.append(msg("file_read_utf16"))
        return text
    if b"\x00" in data[:8192]:
        raise UserError.single(msg("file_binary"), file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_chinese(text):
        if notes is not None:
            notes.append(msg("file_read_gbk"))
        return text
    line = data[:first_bad].count(b"\n") + 1
    raise UserError.single(
        msg("file_encoding", offset=first_bad), file=file, line=line,
    )


def _plausible_chinese(text: str) -> bool:
    """Bytes that happen to decode as GB18030 are not necessarily Chinese: demand that the
    non-ASCII characters be mostly Chinese characters and punctuation, with no control codes."""
    odd = 0
    wide = 0
    for index, char in enumerate(text):
        code = ord(char)
        if code < 0x80:
            if code < 0x20 and char not in "\t\r\n":
                return False
            continue
        wide += 1
        if text[index - 1: index].isascii() and text[index - 1: index].isalpha() and \
                text[index + 1: index + 2].isascii() and text[index + 1: index + 2].isalpha():
            odd += 1  # one "character" inside a Latin word: Zürich read as GBK, not Chinese
            continue
        if not (
            0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x3400 <= code <= 0x4DBF or 0x2000 <= code <= 0x206F or code in (0xB7, 0xD7)
        ):
            odd += 1
    return wide > 0 and odd <= wide * 0.05
