"""Plain-text and markdown tables padded by display width: a Chinese character takes two columns
in a terminal and in a monospaced editor, so counting characters (as tabulate does without
wcwidth) leaves Chinese tables ragged."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    """Columns `text` takes on a terminal: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


def grid(headers: Sequence[str], rows: Sequence[Sequence[str]], *, markdown: bool = False,
         right: Sequence[bool] = ()) -> str:
    """A table of text cells. `markdown`: GitHub pipes (`| a | b |`); else columns two spaces apart
    under a dashed rule. `right[i]` right-aligns column i (numbers)."""
    columns = [max([width(h), *(width(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    align = [bool(right[i]) if i < len(right) else False for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [pad(c, w, a) for c, w, a in zip(cells, columns, align)]
        return f"| {' | '.join(padded)} |" if markdown else "  ".join(padded).rstrip()

    dashes = ["-" * (w + 2 if markdown else w) for w in columns]
    rule = f"|{'|'.join(dashes)}|" if markdown else "  ".join(dashes)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])
