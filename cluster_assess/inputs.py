"""Turning the PROFILES a user typed into the list of files to read: files, folders and globs.

We expand globs ourselves so that a quoted pattern (`"data/*.yaml"`) works the same on Windows,
where the shell does not expand it. A folder means every `*.yaml` / `*.yml` file below it,
recursively, in a stable (sorted) order; hidden files and folders (names starting with '.') are
skipped, as editors and version control keep their own files there.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from cluster_assess.errors import UserError

PROFILE_SUFFIXES = (".yaml", ".yml")
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
            if name.lower().endswith(PROFILE_SUFFIXES) and not name.startswith(".")
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
                    "the folder holds no .yaml or .yml files", file=text, field="PROFILES"
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
