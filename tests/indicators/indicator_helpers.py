"""Small helpers shared by the indicator tests (imported by name: tests/ has no packages)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """Write a tiny CSV; values are written with str() so tests control the exact text."""
    lines = [",".join(header)] + [",".join(str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
