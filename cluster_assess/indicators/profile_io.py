"""Write measured indicators into a profile YAML, keeping its comments and key order.

Every value is written as `{value, source}` with `source: "measured: <table> · <column> ·
<date>"`, so the assessment and report can say "measured" rather than "stated".
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.io.atomic import real_target, write_bytes
from cluster_assess.io.files import NotRegular, TooLarge, open_regular_fd, os_reason, read_fd, read_regular
from cluster_assess.io.yamlsource import MAX_BYTES


@dataclass(frozen=True)
class Measured:
    """One measured fact: where it goes (path under `facts`), its value and provenance."""

    path: tuple[str, ...]
    value: Any
    table: str
    column: str


def source_string(table: str, column: str, day: _dt.date | None = None) -> str:
    """The provenance line the report keys on: 'measured: file · column · YYYY-MM-DD'."""
    day = day or _dt.date.today()
    return f"measured: {Path(table).name} · {column} · {day.isoformat()}"


def _for_profile(path: tuple[str, ...], value: Any) -> Any:
    """Shares go in as '37.5%': a bare 1.0 in a share field is ambiguous to the profile reader
    (1% or 100%?), and the percent form reads the same to a person."""
    from cluster_assess.profile.fields import field_specs

    spec = field_specs().get("facts." + ".".join(path))
    if spec is not None and spec.kind == "share" and isinstance(value, int | float):
        return f"{value * 100:.6g}%"
    return _clean(value)


def _clean(value: Any) -> Any:
    """Round floats to 8 significant digits so the profile stays readable."""
    if isinstance(value, float):
        return float(f"{value:.8g}")
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def read_profile(path: Path) -> Mapping[str, Any]:
    """Load a profile (round-trip) for reading defaults such as its region and industry: a
    regular file only, at most MAX_BYTES, in any encoding `validate` accepts."""
    if not path.exists():
        raise UserError.single(
            msg("into_no_profile"), file=str(path)
        )
    try:
        data = read_regular(path, MAX_BYTES)
    except OSError as e:
        raise UserError.single(msg("into_unreadable", reason=os_reason(e)), file=str(path)) from None
    except (TooLarge, NotRegular) as e:
        raise UserError.single(_unreadable(e), file=str(path)) from None
    return _parse(data, path)[0]


def _unreadable(e: Exception) -> str:
    if isinstance(e, TooLarge):
        return f"the profile is over {MAX_BYTES // (1024 * 1024)} MiB; profiles are limited to that"
    return f"this is {e.kind}, not a profile file"  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Encoding:
    """How a profile was saved, so that writing it back keeps it: the codec, the byte-order mark,
    and Windows line ends."""

    codec: str
    bom: bytes = b""
    crlf: bool = False

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        return self.bom + text.encode(self.codec)


def _parse(data: bytes, path: Path) -> tuple[Any, _Encoding]:
    """The round-trip document and the encoding it was read in (UTF-8 with or without BOM, UTF-16
    with a BOM, GBK/GB18030: what `validate` accepts)."""
    import codecs

    from ruamel.yaml import YAML

    from cluster_assess.io.files import decode

    text = decode(data, str(path))  # refuses (UserError) what validate refuses
    if data.startswith(codecs.BOM_UTF16_LE):
        enc = _Encoding("utf-16-le", codecs.BOM_UTF16_LE)
    elif data.startswith(codecs.BOM_UTF16_BE):
        enc = _Encoding("utf-16-be", codecs.BOM_UTF16_BE)
    elif data.startswith(codecs.BOM_UTF8):
        enc = _Encoding("utf-8", codecs.BOM_UTF8)
    else:
        try:
            data.decode("utf-8")
            enc = _Encoding("utf-8")
        except UnicodeDecodeError:
            enc = _Encoding("gb18030")
    text = text.removeprefix("\ufeff")
    enc = _Encoding(enc.codec, enc.bom, crlf="\r\n" in text)
    try:
        doc = YAML(typ="rt").load(text)
    except Exception as e:  # ruamel raises many YAMLError subclasses
        raise UserError.single(msg("into_bad_yaml", detail=str(e)), file=str(path)) from e
    if not isinstance(doc, Mapping):
        raise UserError.single(msg("into_not_mapping"), file=str(path))
    return doc, enc


@contextmanager
def _locked(path: Path) -> Iterator[tuple[bytes, os.stat_result]]:
    """The profile's bytes, read under an exclusive lock held until the block ends, and its status
    as read: a second `--into` on the same profile waits, then reads what the first one wrote.

    The lock is on the file; the first writer replaces the file (atomically), so a waiter that then
    gets the lock of the old file reads again from the new one."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock; the writer still refuses a file changed meanwhile
        fcntl = None  # type: ignore[assignment]
    while True:
        try:
            fd = open_regular_fd(path)
        except NotRegular as e:
            raise UserError.single(_unreadable(e), file=str(path)) from None
        except OSError as e:
            raise UserError.single(msg("into_unreadable", reason=os_reason(e)), file=str(path)) from None
        try:
            st = os.fstat(fd)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
                st = os.fstat(fd)
                try:
                    now = os.stat(path)
                except FileNotFoundError:
                    now = None
                if now is None or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
                    continue  # replaced while we waited: read the new file (finally closes this one)
            try:
                data = read_fd(fd, MAX_BYTES)
            except TooLarge as e:
                raise UserError.single(_unreadable(e), file=str(path)) from None
            except OSError as e:
                raise UserError.single(msg("into_unreadable", reason=os_reason(e)), file=str(path)) from None
            yield data, st
            return
        finally:
            os.close(fd)


def stated_conflicts(doc: Mapping[str, Any], facts: list[Measured]) -> list[str]:
    """Paths where the profile already states a value that a measured one would replace.

    A value written earlier by `--into` (its source starts with 'measured:') is not a conflict:
    measuring again simply refreshes it."""
    out = []
    for m in facts:
        node: Any = doc.get("facts")
        for key in m.path[:-1]:
            node = node.get(key) if isinstance(node, Mapping) else None
        existing = node.get(m.path[-1]) if isinstance(node, Mapping) else None
        if existing is None:
            continue
        source = existing.get("source") if isinstance(existing, Mapping) else None
        if not (isinstance(source, str) and source.startswith("measured:")):
            out.append("facts." + ".".join(m.path))
    return out


def write_measured(path: Path, facts: list[Measured], day: _dt.date | None = None,
                   replace_stated: bool = False) -> int:
    """Merge measured facts into `facts:` of the profile in place; returns how many were written.

    Existing keys keep their position and surrounding comments; new groups are appended.
    A value the user stated is never replaced unless `replace_stated` (the CLI's --replace-stated).
    The file is replaced atomically so a crash never leaves half a profile; it keeps its encoding
    (UTF-8, BOM, UTF-16, GBK), line ends and mode; a symbolic link is written through; and the
    profile is locked while it is read, merged and written, so concurrent writers never lose an update.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_unicode = True
    path = real_target(path)  # through a symbolic link: the real profile is the one updated
    with _locked(path) as (data, st):
        doc, encoding = _parse(data, path)
        conflicts = stated_conflicts(doc, facts)
        if conflicts and not replace_stated:
            raise UserError.single(msg("into_stated", paths=", ".join(conflicts)),
                                   file=str(path), field=conflicts[0])
        _merge(doc, facts, day, path)
        out = io.StringIO()
        yaml.dump(doc, out)
        # the one atomic writer: the mode is kept, and the rename is refused if the file changed
        write_bytes(path, encoding.encode(out.getvalue()), expect=st)
    return len(facts)


def _merge(doc: Any, facts: list[Measured], day: _dt.date | None, path: Path) -> None:
    from ruamel.yaml.comments import CommentedMap

    if "facts" not in doc or doc["facts"] is None:
        doc["facts"] = CommentedMap()
    for m in facts:
        node = doc["facts"]
        where = "facts"
        for key in m.path[:-1]:
            where += f".{key}"
            child = node.get(key)
            if child is None:
                child = CommentedMap()
                node[key] = child
            elif not isinstance(child, Mapping):
                raise UserError.single(
                    msg("into_not_group", where=where),
                    file=str(path), field=where,
                )
            node = child
        leaf = CommentedMap()
        leaf["value"] = _for_profile(m.path, m.value)
        leaf["source"] = source_string(m.table, m.column, day)
        node[m.path[-1]] = leaf
