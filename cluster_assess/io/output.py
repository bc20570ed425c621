"""Where a command's output goes: stdout (`-`) or a file, never over an existing one without --force.

Shared by every command and by the library functions that write files (the workbook template),
so it lives here, below the CLI: `io/` never imports `cli/`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg
from cluster_assess.io.atomic import replacing


def check_output(output: str, force: bool) -> None:
    """Refuse to overwrite an existing file without --force — before doing any work."""
    if output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise UserError.single(msg("out_folder"), file=output, field="--output")
    if path.exists() and not force:
        raise UserError.single(msg("out_exists"), file=output, field="--output")
    if not path.parent.exists():
        raise UserError.single(msg("out_no_folder", folder=str(path.parent)), file=output, field="--output")


@contextmanager
def open_output(output: str, force: bool) -> Iterator[IO[str]]:
    """stdout for '-', else a UTF-8 file written atomically (a failed run leaves no half file)."""
    check_output(output, force)
    if output == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with replacing(Path(output)) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as handle:
        yield handle


def write_bytes(output: str, data: bytes, force: bool) -> None:
    """Write a binary file atomically; like `open_output`, never over a file without --force."""
    check_output(output, force)
    with replacing(Path(output)) as tmp:
        tmp.write_bytes(data)
