"""A cache of rubric packs, so that a one-profile run neither re-reads 80 KB of YAML nor validates it.

Two kinds of entry, both in one folder and under the same rules:

- `*.rubric`: the validated and checked Rubric of a pack (`cached_rubric`). A hit loads it without
  parsing, validating, running the cross-reference checks or building any pydantic validator (the
  rubric classes are `defer_build`); only packs that loaded without problems are stored, so every
  error message is what a fresh read gives. Keyed also by the package's own modules and the seed
  digests (`code_key`), so a changed rubric class, check or seed invalidates old entries even
  within a version;
  a pack that `extends:` others records each base file's SHA-256 and is used only if they match.
- `*.marshal`: the parsed values and positions of one file (`read_yaml_cached`), for `extends:`
  chains and the commands that read packs without loading them.

- Where: `$CLUSTER_ASSESS_CACHE`, else `$XDG_CACHE_HOME/cluster-assess`, else
  `%LOCALAPPDATA%\\cluster-assess` on Windows, else `~/.cache/cluster-assess`.
  `CLUSTER_ASSESS_NO_CACHE=1` turns it off.
- Key: the SHA-256 of the file's bytes, the package version and this format's version. A changed
  file, or a new cluster-assess, is a new key; old entries are simply never read again.
- Size: at most 32 entries of each kind; the oldest are removed when a new one is written.
- Safety: entries are written with the shared atomic writer (a unique temporary file that is
  never a followed link); any failure to read one (missing, truncated, corrupt, wrong shape)
  falls back to a full read, and any failure to write one is ignored.
- Trust: an entry is used only if its HMAC-SHA256, keyed by its own key (which hashes the source
  file), matches its payload. The folder is created 0700; a folder that is not the user's own, or
  that others may write to, is not used (with a warning), since whoever can write there could
  plant an entry for a known file.
- Format: parsed files are `marshal` of plain values (dicts, lists, text, numbers), which cannot
  run code when loaded, checked for the shape of parsed YAML; a document with values marshal
  cannot hold (dates) is not cached. Validated rubrics are pickles read by an unpickler that
  resolves no global but the rubric's own model classes and this module's `_rebuild`, and only
  after the HMAC matched; only model fields are pickled, never `cached_property` values (the
  lookups, the engine's `memo` of factor results).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import marshal
import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cluster_assess import __version__
from cluster_assess.errors import UserError
from cluster_assess.io.yamlsource import MAX_DEPTH, MAX_NODES, SourceMap, parse_yaml_bytes, read_bounded, read_yaml_file

FORMAT = 2  # 2: entries carry an HMAC of their payload
KEEP = 32  # entries kept; the oldest go when a new one is written (every edit of a pack makes one)
MAGIC = b"cluster-assess rubric cache\0"
MAGIC_RUBRIC = b"cluster-assess validated rubric\0"
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
        problem = "cache_not_folder"
    elif hasattr(os, "getuid") and st.st_uid != os.getuid():
        problem = "cache_foreign"
    elif hasattr(os, "getuid") and st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = "cache_writable"
    if problem is None:
        return True
    if str(folder) not in _warned:
        from cluster_assess.i18n import msg, say

        _warned.add(str(folder))
        print(say(msg("cache_unused", folder=str(folder), problem=msg(problem))), file=sys.stderr)
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
    _prune(entry)


def _prune(entry: Path) -> None:
    """Keep the newest KEEP entries of this entry's kind."""
    with contextlib.suppress(OSError):
        entries = sorted(entry.parent.glob(f"*{entry.suffix}"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# Validated rubrics


def cached_rubric(path: Path, build: Callable[[Path], tuple[Any, list[str]]]) -> Any:
    """The validated rubric of the pack at `path`: from the cache when this exact file (and each
    base it extends) was loaded before by this build of cluster-assess, else `build(path)`, which
    returns the rubric and the other files it read (the bases), and is then stored."""
    folder = cache_dir()
    if folder is None:
        return build(path)[0]
    data = read_bounded(path)  # the same refusals as a fresh read
    if not usable_dir(folder):
        return build(path)[0]
    digest = hashlib.sha256(b"rubric\0%d\0%s\0%s\0" % (FORMAT, __version__.encode(), code_key()) + data).digest()
    entry = folder / f"{digest.hex()}.rubric"
    found = _load_rubric(entry, digest)
    if found is not None:
        return found
    rubric, bases = build(path)
    _store_rubric(entry, digest, rubric, bases)
    return rubric


def code_key() -> bytes:
    """A digest of the name, size and modification time of every module of this package and of
    every seed digest (the checks resolve sources against them): a build with another rubric
    class, validator or check (another helper's edit, a checkout of another branch), or other
    seeds, never reads entries written before, even when the version is the same."""
    from cluster_assess.io.packaged import data_dir

    digest = hashlib.sha256()
    _stat_tree(digest, Path(__file__).resolve().parent.parent, ".py")
    with contextlib.suppress(OSError):
        _stat_tree(digest, data_dir("seeds"), ".md")
    return digest.hexdigest().encode()


def _stat_tree(digest: Any, root: Path, suffix: str) -> None:
    """Add each `suffix` file below `root` (skipping `_`/`.` folders: caches, packaged data)."""
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
        for item in entries:
            if item.name.endswith(suffix) and item.is_file():
                st = item.stat()
                digest.update(b"%s\0%d\0%d\n" % (os.fsencode(item.path), st.st_size, st.st_mtime_ns))
            elif item.is_dir() and not item.name.startswith(("_", ".")):
                folders.append(Path(item.path))


def _rubric_classes() -> dict[tuple[str, str], Any]:
    """(module, name) → class, for every pydantic model class of the rubric: what an entry may name."""
    from pydantic import BaseModel

    from cluster_assess.rubric import conditions, model

    return {(cls.__module__, cls.__qualname__): cls
            for module in (model, conditions) for cls in vars(module).values()
            if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == module.__name__}


_new, _set = object.__new__, object.__setattr__  # bound once: _rebuild runs for every object of a pack


def _rebuild(cls: Any, fields: dict[str, Any], fields_set: set[str]) -> Any:
    """A model instance from its validated fields, without validating again (as pydantic's own
    `__setstate__` does); refuses any class but the rubric's."""
    if cls not in _ALLOWED_CLASSES or type(fields) is not dict or type(fields_set) is not set:
        raise pickle.UnpicklingError("not a rubric class")
    obj = _new(cls)
    _set(obj, "__dict__", fields)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_ALLOWED = {**_rubric_classes(), (__name__, "_rebuild"): _rebuild}
_ALLOWED_CLASSES = frozenset(cls for key, cls in _ALLOWED.items() if key[1] != "_rebuild")


class _Pickler(pickle.Pickler):
    """Pickles each rubric model as its class, its fields and which were set: never the
    `cached_property` values kept in the same `__dict__` (lookups, the engine's memo)."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls in _ALLOWED_CLASSES:
            fields = {k: v for k, v in obj.__dict__.items() if k in cls.model_fields}
            return _rebuild, (cls, fields, set(obj.__pydantic_fields_set__))
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    """Resolves only the rubric's model classes and `_rebuild`: an entry cannot name anything
    else (no `os.system`, no `builtins.eval`), so loading one cannot run other code."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} may not appear in a rubric cache entry")
        return found


def _loads(payload: bytes) -> Any:
    return _Unpickler(io.BytesIO(payload)).load()


def _load_rubric(entry: Path, key: bytes) -> Any:
    from cluster_assess.io.files import NotRegular, TooLarge, read_regular
    from cluster_assess.rubric.model import Rubric

    try:
        raw = read_regular(entry, MAX_ENTRY)
    except (OSError, TooLarge, NotRegular):
        return None
    mac, payload = raw[len(MAGIC_RUBRIC): len(MAGIC_RUBRIC) + 32], raw[len(MAGIC_RUBRIC) + 32:]
    if not raw.startswith(MAGIC_RUBRIC) or not hmac.compare_digest(mac, _mac(key, payload)):
        return None  # not written by us for this file: planted, or damaged
    try:
        loaded = _loads(payload)
    except Exception:  # a damaged pickle can fail in many ways; every one means "read the file"
        return None
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and isinstance(loaded[1], Rubric)
            and isinstance(loaded[0], list) and all(_is_base(b) for b in loaded[0])):
        return None
    bases, rubric = loaded
    for file, sha in bases:
        try:
            if hashlib.sha256(read_bounded(Path(file))).hexdigest() != sha:
                return None  # a base pack was edited: load afresh
        except (OSError, UserError):
            return None
    return rubric


def _is_base(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)


def _store_rubric(entry: Path, key: bytes, rubric: Any, bases: list[str]) -> None:
    from cluster_assess.io.atomic import write_bytes

    try:
        hashes = [(file, hashlib.sha256(read_bounded(Path(file))).hexdigest()) for file in bases]
        stream = io.BytesIO()
        _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump((hashes, rubric))
        payload = stream.getvalue()
        _loads(payload)  # a value our unpickler would refuse (a date in a condition): not cached
    except Exception:
        return
    try:
        write_bytes(entry, MAGIC_RUBRIC + _mac(key, payload) + payload)
    except (OSError, UserError):
        return
    _prune(entry)
