"""Where a command's output goes: stdout (`-`) or a file, never over an existing one without --force,
and never destroying one with it (see `io.atomic`: the one writer).

Shared by every command and by the library functions that write files (the workbook template),
so it lives here, below the CLI: `io/` never imports `cli/`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.io.atomic import open_atomic, real_target, refuse_inputs, same_file
from cluster_assess.io.atomic import write_bytes as write_atomic

Inputs = Iterable[str | Path | None]


def check_output(output: str, force: bool, inputs: Inputs = (), option: str = "--output") -> None:
    """Refuse, before doing any work: an existing file (or a symbolic link) without --force, a
    folder, a missing folder, a link to nothing, and an output that is one of the inputs (folders
    and globs expanded): writing it would destroy that input."""
    if output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise UserError.single(msg("out_folder"), file=output, field=option)
    if path.is_symlink() and not path.exists():
        raise UserError.single(msg("write_dangling_link"), file=output, field=option)
    if path.exists() and not force:
        raise UserError.single(msg("out_exists"), file=output, field=option)
    if not real_target(path).parent.exists():
        raise UserError.single(msg("out_no_folder", folder=str(path.parent)), file=output, field=option)
    if path.exists():
        refuse_inputs(output, input_files(inputs), option)


def check_distinct(first: str, second: str, option: str) -> None:
    """Two outputs of one run (`-o` and `--chart`, `-o` and `--into`) must be different files."""
    if "-" in (first, second):
        return
    if Path(first).absolute() == Path(second).absolute() or same_file(first, second):
        raise UserError.single(msg("write_same_file", option=option), file=second, field=option)


def input_files(inputs: Inputs) -> Iterator[str | Path]:
    """Every file the inputs name, folders and globs expanded by the one expander (`io.inputs`);
    built-in names (example:NAME, rubric ids) skipped."""
    from cluster_assess.io.inputs import iter_profiles

    for ref in inputs:
        if ref is None or str(ref).startswith("example:"):
            continue
        try:
            yield from iter_profiles([ref])
        except UserError:
            continue  # an empty folder or pattern is reported where it is read


@contextmanager
def open_output(output: str, force: bool, inputs: Inputs = ()) -> Iterator[IO[str]]:
    """stdout for '-', else a UTF-8 file written by the one atomic writer: a failed run leaves the
    old file as it was, a link is written through, a device is written directly."""
    check_output(output, force, inputs)
    if output == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open_atomic(output, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def write_bytes(output: str, data: bytes, force: bool, inputs: Inputs = ()) -> None:
    """Write a binary file atomically; like `open_output`, never over a file without --force."""
    check_output(output, force, inputs)
    write_atomic(output, data)
