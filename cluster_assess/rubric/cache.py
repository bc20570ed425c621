"""A cache of parsed rubric files, so that a one-profile run does not re-read 80 KB of YAML.

Reading the built-in rubric with positions and the guards against hostile YAML takes about 20 ms,
some 7% of scoring one profile; the file changes only when someone edits it. We keep the parsed
values and their positions (never the validated rubric: validation and the cross-reference
checks still run every time, so every message is exactly what a fresh read gives).

- Where: `$CLUSTER_ASSESS_CACHE`, else `$XDG_CACHE_HOME/cluster-assess`, else
  `%LOCALAPPDATA%\\cluster-assess` on Windows, else `~/.cache/cluster-assess`.
  `CLUSTER_ASSESS_NO_CACHE=1` turns it off.
- Key: the SHA-256 of the file's bytes, the package version and this format's version. A changed
  file, or a new cluster-assess, is a new key; old entries are simply never read again.
- Size: at most 32 entries; the oldest are removed when a new one is written.
- Safety: entries are written atomically; any failure to read one (missing, truncated, corrupt,
  wrong shape) falls back to a full read, and any failure to write one is ignored.
- Format: `marshal` of plain values (dicts, lists, text, numbers), which cannot run code when
  loaded. A document with values marshal cannot hold (dates) is simply not cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from cluster_assess import __version__
from cluster_assess.io.yamlsource import MAX_BYTES, SourceMap, read_yaml_file

FORMAT = 1
KEEP = 32  # entries kept; the oldest go when a new one is written (every edit of a pack makes one)


def cache_dir() -> Path | None:
    """The folder for cached rubrics, or None when caching is turned off."""
    if os.environ.get("CLUSTER_ASSESS_NO_CACHE"):
        return None
    explicit = os.environ.get("CLUSTER_ASSESS_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base and sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    return Path(base) / "cluster-assess" if base else Path.home() / ".cache" / "cluster-assess"


def read_yaml_cached(path: Path) -> tuple[Any, SourceMap]:
    """`read_yaml_file`, served from the cache when this exact file was read before."""
    folder = cache_dir()
    try:
        data = path.read_bytes() if folder is not None and path.stat().st_size <= MAX_BYTES else None
    except OSError:
        data = None
    if folder is None or data is None:
        return read_yaml_file(path)  # it reports a missing or unreadable file as usual
    key = hashlib.sha256(b"%d\0%s\0" % (FORMAT, __version__.encode()) + data).hexdigest()
    entry = folder / f"{key}.marshal"
    found = _load(entry, str(path))
    if found is not None:
        return found
    value, source = read_yaml_file(path)
    _store(entry, value, source)
    return value, source


def _load(entry: Path, name: str) -> tuple[Any, SourceMap] | None:
    try:
        loaded = marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(loaded, tuple) and len(loaded) == 3 and isinstance(loaded[1], dict)
            and isinstance(loaded[2], list)):
        return None
    value, positions, notes = loaded
    return value, SourceMap(name, positions, notes=list(notes))


def _store(entry: Path, value: Any, source: SourceMap) -> None:
    try:
        payload = marshal.dumps((value, source.positions, list(source.notes)))
    except ValueError:
        return  # a value marshal cannot hold (a date): this file is not cached
    part = entry.with_name(f".{entry.name}.{os.getpid()}.part")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(payload)
        os.replace(part, entry)  # atomic: a reader sees the whole entry or none
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        return
    with contextlib.suppress(OSError):
        entries = sorted(entry.parent.glob("*.marshal"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
