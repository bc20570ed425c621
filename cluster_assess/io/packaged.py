"""Where the built-in rubrics, examples and source digests live.

In a wheel they are package data under `cluster_assess/_data/`; in a source checkout they are the
top-level folders `rubrics/`, `examples/` and `seeds/`, which are the single source of both.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DEFAULT_RUBRIC = "cluster-core"
_PACKAGE = Path(__file__).resolve().parent.parent  # cluster_assess/


@cache
def data_dir(name: str) -> Path:
    """The folder holding built-in data of one kind ('rubrics', 'examples', 'seeds')."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def builtin_rubrics() -> dict[str, Path]:
    """Built-in rubric packs by id (the file name without .yaml)."""
    folder = data_dir("rubrics")
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if not p.stem.startswith("_")}


def examples() -> dict[str, Path]:
    folder = data_dir("examples")
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}
