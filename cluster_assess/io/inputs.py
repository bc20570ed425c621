"""The one input expander: what the user typed (INPUT...) → the profiles to read, for every command.

`score`, `compare`, `report` and `validate` accept the same inputs and fail the same way:

- a file: a YAML profile, or a spreadsheet (`.xlsx`, `.xlsm`, `.csv`) holding one profile a row;
- a folder: every profile and sheet below it, recursively, in a stable (sorted) order; hidden
  files and folders (names starting with '.') and Excel's lock files (`~$…`) are skipped;
- a glob, expanded by us so that a quoted pattern (`"data/**/*.yaml"`) works the same on Windows,
  where the shell does not expand it; `**` matches any depth, visiting each real folder once, so
  symbolic links that loop cannot make it endless;
- `example:NAME`, a shipped example (works from any directory).

A folder or glob that matches nothing is an error, with the same message for every command.
Names are yielded lazily and files are read one at a time (`load_file`), so a run over a hundred
thousand profiles holds one in memory, not all of them.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cluster_assess.errors import Problem, UserError
from cluster_assess.i18n import Msg, msg

if TYPE_CHECKING:
    from cluster_assess.profile.loading import LoadedProfile

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")
PROFILE_SUFFIXES = (".yaml", ".yml", *SPREADSHEET_SUFFIXES)
_GLOB_CHARS = frozenset("*?[")


@dataclass
class Input:
    """One profile from the command line: loaded, or the error that stopped it."""

    origin: str
    loaded: LoadedProfile | None = None
    error: UserError | None = None
    notes: list[Problem] = field(default_factory=list)  # warnings about an input that failed

    @property
    def warnings(self) -> list[Problem]:
        return self.loaded.warnings if self.loaded is not None else self.notes


def is_glob(text: str) -> bool:
    return any(ch in _GLOB_CHARS for ch in text)


def profiles_in(folder: str | Path) -> Iterator[str]:
    """Every profile file below `folder`, recursively, sorted; hidden entries skipped. Yielded
    one by one: a folder of a hundred thousand profiles is never held as one list. Links to
    folders are not followed (os.walk's default), so a link loop cannot make the walk endless."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(PROFILE_SUFFIXES) and not name.startswith((".", "~$")):
                yield os.path.join(root, name)


def glob_names(pattern: str) -> list[str]:
    """The names a pattern matches, sorted. Without `**` this is `glob.glob`, which cannot loop.
    With `**` we walk the tree ourselves: each real folder is visited once (tracked by device and
    inode), so links that lead back into the tree (a loop) end the walk instead of repeating it
    until the names grow too long; hidden entries are skipped as `glob` skips them."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    norm = pattern.replace(os.sep, "/") if os.sep != "/" else pattern
    parts = norm.split("/")
    fixed: list[str] = []
    for part in parts:
        if is_glob(part):
            break
        fixed.append(part)
    rest = parts[len(fixed):]
    base = "/".join(fixed) if fixed else ""
    if fixed == [""]:
        base = "/"
    regex = re.compile(_pattern_regex(rest) + r"\Z")
    found: list[str] = []
    visited: set[tuple[int, int]] = set()
    top = base or "."
    try:
        st = os.stat(top)
    except OSError:
        return []
    stack: list[tuple[str, str]] = [(top, "")]
    visited.add((st.st_dev, st.st_ino))
    while stack:
        folder, rel = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            sub = f"{rel}/{entry.name}" if rel else entry.name
            if regex.match(sub):
                found.append(os.path.join(base, *sub.split("/")) if base else os.path.join(*sub.split("/")))
            try:
                if not entry.is_dir():  # follows a link: a linked folder is walked, once
                    continue
                st = entry.stat()
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in visited:
                continue
            visited.add((st.st_dev, st.st_ino))
            stack.append((entry.path, sub))
    return sorted(found)


def _pattern_regex(parts: list[str]) -> str:
    """Pattern segments as one regex over '/'-joined relative names: `*`, `?` and `[…]` stay
    within one name; `**` is any number of folders (none included), or everything at the end."""
    out = ""
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            out += ".*" if last else "(?:[^/]+/)*"
            continue
        i = 0
        while i < len(part):
            char = part[i]
            if char == "*":
                out += "[^/]*"
            elif char == "?":
                out += "[^/]"
            elif char == "[" and (close := part.find("]", i + 2 if part[i + 1: i + 2] in ("!", "]") else i + 1)) > 0:
                body = part[i + 1: close]
                body = "^" + body[1:] if body.startswith("!") else body
                out += "[" + body.replace("\\", "\\\\") + "]"
                i = close
            else:
                out += re.escape(char)
            i += 1
        if not last:
            out += "/"
    return out


def _glob(pattern: str) -> Iterator[str]:
    for match in glob_names(pattern):
        if os.path.isdir(match):
            yield from profiles_in(match)
        elif os.path.isfile(match):
            yield match


def _not_empty(found: Iterator[str], message: str | Msg, ref: str) -> Iterator[str]:
    """`found`, or a UserError when it yields nothing: almost always a typo."""
    empty = True
    for item in found:
        empty = False
        yield item
    if empty:
        raise UserError.single(message, file=ref)


def iter_profiles(refs: Iterable[str | Path]) -> Iterator[str | Path]:
    """Files stay as given (a missing file is reported when it is read, like any bad file);
    folders and globs become the profile files they hold. `example:NAME` is passed through."""
    for ref in refs:
        text = str(ref)
        path = Path(text)
        if text.startswith("example:"):
            yield text
        elif path.is_dir():
            yield from _not_empty(profiles_in(path), msg("in_folder_empty", kinds=", ".join(PROFILE_SUFFIXES)),
                                  text)
        elif is_glob(text) and not path.exists():
            yield from _not_empty(_glob(text), msg("in_glob_empty"), text)
        else:
            yield path


def expand_profiles(refs: Iterable[str | Path]) -> list[str | Path]:
    """All of `iter_profiles` as a list (for small runs and tests)."""
    return list(iter_profiles(refs))


def count_profiles(refs: Iterable[str | Path]) -> int:
    """How many files `iter_profiles` will give: a first pass that also raises, before any output,
    the errors a folder or glob can have, and gives the progress bar its total."""
    return sum(1 for _ in iter_profiles(refs))


def names_many(refs: list[str | Path]) -> bool:
    """Whether the command line names several profiles (several inputs, a folder or a glob): the
    shape of json output follows the command line, never what a folder happens to hold."""
    return len(refs) > 1 or any(Path(r).is_dir() or is_glob(str(r)) for r in refs)


def load_file(ref: str | Path) -> list[Input]:
    """The profiles one file holds, each loaded or with the errors that stopped it: one for a
    YAML file, one a row for a spreadsheet. Never raises for bad input."""
    text = str(ref)
    suffix = Path(text).suffix.lower()
    if suffix == ".xls":
        return [Input(text, error=UserError.single(
            msg("in_xls"), file=text))]
    if suffix in SPREADSHEET_SUFFIXES:
        from cluster_assess.io.spreadsheets import read_sheet

        try:
            return read_sheet(Path(text))
        except UserError as exc:
            return [Input(text, error=exc)]
    from cluster_assess.profile.loading import LoadedProfile, check_profile_file

    try:
        problems, profile, source, warnings = check_profile_file(text)
    except UserError as exc:
        return [Input(text, error=exc)]
    if problems or profile is None:
        return [Input(text, error=UserError(problems), notes=warnings)]
    return [Input(text, loaded=LoadedProfile(profile, source, warnings))]


def iter_inputs(refs: Iterable[str | Path]) -> Iterator[Input]:
    """Every profile the inputs name, one at a time (a spreadsheet gives one per row)."""
    for ref in iter_profiles(refs):
        yield from load_file(ref)


def load_inputs(refs: Iterable[str | Path], keep_going: bool = False) -> tuple[list[Input], list[Input]]:
    """(loaded, failed). Without keep_going, any failure raises one UserError naming them all."""
    inputs = list(iter_inputs(refs))
    good = [i for i in inputs if i.loaded is not None]
    bad = [i for i in inputs if i.error is not None]
    if bad and not keep_going:
        raise UserError([p for i in bad for p in i.error.problems])  # type: ignore[union-attr]
    return good, bad


def load_all(refs: Iterable[str | Path]) -> list[LoadedProfile]:
    """Every profile the inputs name; any error is raised, naming every problem."""
    good, _ = load_inputs(refs)
    return [i.loaded for i in good if i.loaded is not None]
