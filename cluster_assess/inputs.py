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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cluster_assess.errors import UserError

if TYPE_CHECKING:
    from cluster_assess.spreadsheet import Input

# the same list as spreadsheet.PROFILE_SUFFIXES, kept here so that expanding names stays cheap
PROFILE_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm", ".csv")
_GLOB_CHARS = frozenset("*?[")


def is_glob(text: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in text)


def profiles_in(folder: Path) -> list[Path]:
    """Every profile file below `folder`, recursively, sorted; hidden entries skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root, name) for name in sorted(files)
            if name.lower().endswith(PROFILE_SUFFIXES) and not name.startswith((".", "~$"))
        )
    return found


def expand_profiles(refs: Iterable[str | Path]) -> list[str | Path]:
    """Files stay as given (a missing file is reported when it is read, with the others); folders
    and globs become the profile files they hold. A folder or glob that matches nothing is an
    error now, since it is almost always a typo. `example:NAME` is passed through untouched."""
    out: list[str | Path] = []
    for ref in refs:
        text = str(ref)
        path = Path(text)
        if text.startswith("example:"):
            out.append(text)
        elif path.is_dir():
            found = profiles_in(path)
            if not found:
                raise UserError.single(
                    f"the folder holds no profiles ({', '.join(PROFILE_SUFFIXES)})", file=text,
                    field="PROFILES",
                )
            out.extend(found)
        elif is_glob(text) and not path.exists():
            matches = sorted(glob.glob(text, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            for match in matches:
                if Path(match).is_dir():
                    files.extend(profiles_in(Path(match)))
            if not files:
                raise UserError.single("the pattern matches no files", file=text, field="PROFILES")
            out.extend(files)
        else:
            out.append(path)
    return out


def load_file(path: str | Path) -> list[Input]:
    """The profiles one input holds, each loaded or with the error that stopped it: one for a
    YAML file, one a row for a spreadsheet."""
    from cluster_assess.spreadsheet import _expand_file

    return _expand_file(path)
