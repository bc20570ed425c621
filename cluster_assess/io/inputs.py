"""Turning the PROFILES a user typed into the list of files to read: files, folders and globs.

We expand globs ourselves so that a quoted pattern (`"data/*.yaml"`) works the same on Windows,
where the shell does not expand it. A folder means every profile (`*.yaml`, `*.yml`) and sheet
(`*.xlsx`, `*.xlsm`, `*.csv`) below it, recursively, in a stable (sorted) order; hidden files and
folders (names starting with '.') and Excel's lock files (`~$…`) are skipped.

Files are read one at a time (`load_file`), so a run over a hundred thousand profiles holds one
in memory, not all of them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from cluster_assess.errors import UserError

if TYPE_CHECKING:
    from cluster_assess.io.spreadsheets import Input

# the same list as spreadsheet.PROFILE_SUFFIXES, kept here so that expanding names stays cheap
PROFILE_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm", ".csv")
_GLOB_CHARS = frozenset("*?[")


def is_glob(text: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in text)


def profiles_in(folder: str | Path) -> Iterator[str]:
    """Every profile file below `folder`, recursively, sorted; hidden entries skipped. Yielded
    one by one: a folder of a hundred thousand profiles is never held as one list."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(PROFILE_SUFFIXES) and not name.startswith((".", "~$")):
                yield os.path.join(root, name)


def iter_profiles(refs: Iterable[str | Path]) -> Iterator[str | Path]:
    """Files stay as given (a missing file is reported when it is read, like any bad file);
    folders and globs become the profile files they hold. A folder or glob that matches nothing
    is an error, since it is almost always a typo. `example:NAME` is passed through untouched."""
    for ref in refs:
        text = str(ref)
        path = Path(text)
        if text.startswith("example:"):
            yield text
        elif path.is_dir():
            empty = True
            for found in profiles_in(path):
                empty = False
                yield found
            if empty:
                raise UserError.single(
                    f"the folder holds no profiles ({', '.join(PROFILE_SUFFIXES)})", file=text,
                    field="PROFILES",
                )
        elif is_glob(text) and not path.exists():
            empty = True
            for match in sorted(glob.iglob(text, recursive=True)):
                if os.path.isdir(match):
                    for found in profiles_in(match):
                        empty = False
                        yield found
                elif os.path.isfile(match):
                    empty = False
                    yield match
            if empty:
                raise UserError.single("the pattern matches no files", file=text, field="PROFILES")
        else:
            yield path


def expand_profiles(refs: Iterable[str | Path]) -> list[str | Path]:
    """All of `iter_profiles` as a list (for small runs and tests)."""
    return list(iter_profiles(refs))


def count_profiles(refs: Iterable[str | Path]) -> int:
    """How many inputs `iter_profiles` will give: a first pass that also raises, before any output,
    the errors a folder or glob can have, and gives the progress bar its total."""
    return sum(1 for _ in iter_profiles(refs))


def load_file(path: str | Path) -> list[Input]:
    """The profiles one input holds, each loaded or with the error that stopped it: one for a
    YAML file, one a row for a spreadsheet."""
    from cluster_assess.io.spreadsheets import _expand_file

    return _expand_file(path)
