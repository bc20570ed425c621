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
- Safety: entries are written with the shared atomic writer (a unique temporary file that is
  never a followed link); any failure to read one (missing, truncated, corrupt, wrong shape)
  falls back to a full read, and any failure to write one is ignored.
- Trust: an entry is used only if its HMAC-SHA256, keyed by the source file's hash, matches its
  payload, and the payload has the shape of parsed YAML (plain values, positions, notes). The
  folder is created 0700; a folder that is not the user's own, or that others may write to, is
  not used (with a warning), since whoever can write there could plant an entry for a known file.
- Format: `marshal` of plain values (dicts, lists, text, numbers), which cannot run code when
  loaded. A document with values marshal cannot hold (dates) is simply not cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import stat
import sys
from pathlib import Path
from typing import Any

from cluster_assess import __version__
from cluster_assess.errors import UserError
from cluster_assess.io.yamlsource import MAX_DEPTH, MAX_NODES, SourceMap, parse_yaml_bytes, read_bounded, read_yaml_file

FORMAT = 2  # 2: entries carry an HMAC of their payload
KEEP = 32  # entries kept; the oldest go when a new one is written (every edit of a pack makes one)
MAGIC = b"cluster-assess rubric cache\0"
MAX_ENTRY = 64 * 1024 * 1024
_warned: set[str] = set()


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


def usable_dir(folder: Path) -> bool:
    """Create the folder (0700) if missing; True if it is a folder of this user that nobody else
    may write to. Otherwise warn once and say False: the cache is then not used."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return False
    problem = None
    if not stat.S_ISDIR(st.st_mode):
        problem = "it is not a folder (a symbolic link?)"
    elif hasattr(os, "getuid") and st.st_uid != os.getuid():
        problem = "it belongs to another user"
    elif hasattr(os, "getuid") and st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = "others may write to it (chmod 700 it to use it)"
    if problem is None:
        return True
    if str(folder) not in _warned:
        _warned.add(str(folder))
        print(f"warning: not using the rubric cache {folder}: {problem}", file=sys.stderr)
    return False


def read_yaml_cached(path: Path) -> tuple[Any, SourceMap]:
    """`read_yaml_file`, served from the cache when this exact file was read before."""
    folder = cache_dir()
    if folder is None:
        return read_yaml_file(path)
    data = read_bounded(path)  # only a regular file, at most MAX_BYTES: the same refusals as a fresh read
    if not usable_dir(folder):
        return parse_yaml_bytes(data, str(path))
    digest = hashlib.sha256(b"%d\0%s\0" % (FORMAT, __version__.encode()) + data).digest()
    entry = folder / f"{digest.hex()}.marshal"
    found = _load(entry, digest, str(path))
    if found is not None:
        return found
    value, source = parse_yaml_bytes(data, str(path))  # the bytes hashed, not a second read
    _store(entry, digest, value, source)
    return value, source


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def _load(entry: Path, key: bytes, name: str) -> tuple[Any, SourceMap] | None:
    from cluster_assess.io.files import NotRegular, TooLarge, read_regular

    try:
        raw = read_regular(entry, MAX_ENTRY)
    except (OSError, TooLarge, NotRegular):
        return None
    mac, payload = raw[len(MAGIC): len(MAGIC) + 32], raw[len(MAGIC) + 32:]
    if not raw.startswith(MAGIC) or not hmac.compare_digest(mac, _mac(key, payload)):
        return None  # not written by us for this file: planted, or damaged
    try:
        loaded = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(loaded, tuple) and len(loaded) == 3 and _plain(loaded[0], 0, [0])
            and _positions(loaded[1]) and isinstance(loaded[2], list)
            and all(isinstance(n, str) for n in loaded[2])):
        return None
    value, positions, notes = loaded
    return value, SourceMap(name, positions, notes=list(notes))


def _plain(value: Any, depth: int, count: list[int]) -> bool:
    """Whether a value is what parsing YAML gives: dicts with text keys, lists, text, numbers,
    booleans, None, within the limits a fresh read enforces."""
    count[0] += 1
    if count[0] > MAX_NODES or depth > MAX_DEPTH + 1:
        return False
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if isinstance(value, list):
        return all(_plain(v, depth + 1, count) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v, depth + 1, count) for k, v in value.items())
    return False


def _positions(positions: Any) -> bool:
    return isinstance(positions, dict) and all(
        isinstance(k, tuple) and all(isinstance(p, (str, int)) for p in k)
        and isinstance(v, tuple) and len(v) == 2 and all(isinstance(n, int) for n in v)
        for k, v in positions.items()
    )


def _store(entry: Path, key: bytes, value: Any, source: SourceMap) -> None:
    from cluster_assess.io.atomic import write_bytes

    try:
        payload = marshal.dumps((value, source.positions, list(source.notes)))
    except ValueError:
        return  # a value marshal cannot hold (a date): this file is not cached
    try:
        write_bytes(entry, MAGIC + _mac(key, payload) + payload)  # atomic: a reader sees all or none
    except (OSError, UserError):
        return
    with contextlib.suppress(OSError):
        entries = sorted(entry.parent.glob("*.marshal"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
