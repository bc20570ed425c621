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


# Line breaking for Chinese text (a small part of the rules of JIS X 4051 / GB/T 15834 practice):
# a line may break between any two Chinese characters or at a space, but never before closing
# punctuation (、，。) nor after opening punctuation (（“《).
NO_START = set("、，。．；：！？）】》」』〉”’…—％%·,.;:!?)]}")
NO_END = set("（【《「『〈“‘([{")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def break_points(text: str, limit: int, first: int | None = None) -> list[int]:
    """Offsets at which to break `text` so that no line is wider than `limit` columns, breaking
    at spaces and between Chinese characters, and never where a line would start with closing
    punctuation or end with opening punctuation. Words longer than a line are folded. The first
    line may have its own limit (`first`), for hanging indents."""
    breaks: list[int] = []
    line_width = 0
    last_ok: int | None = None  # the latest offset in this line where a break is allowed
    start = 0
    for i, ch in enumerate(text):
        if i > start and _allowed(text, i):
            last_ok = i
        w = 2 if _wide(ch) else 1
        room = first if first is not None and not breaks else limit
        if line_width + w > room and i > start and not ch.isspace():
            cut = last_ok if last_ok is not None and last_ok > start else i
            breaks.append(cut)
            start = cut
            line_width = sum(2 if _wide(c) else 1 for c in text[cut:i])
            last_ok = None
        line_width += w
    return breaks


def _allowed(text: str, i: int) -> bool:
    """May a line break before text[i]?"""
    before, here = text[i - 1], text[i]
    if here in NO_START or before in NO_END:
        return False
    if before.isspace():
        return not here.isspace()
    return _wide(before) or _wide(here)


def rich_divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """`rich._wrap.divide_line` with the breaking rules above (rich folds Chinese anywhere)."""
    return break_points(text, max(width, 1))


def install_line_breaking() -> None:
    """Make rich (used for terminal views) break Chinese lines by the rules above. Idempotent;
    called where a console is made."""
    import rich.text

    rich.text.divide_line = rich_divide_line  # type: ignore[assignment]
