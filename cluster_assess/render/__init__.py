"""Renderers: each turns an Assessment, a Comparison or a report document into one format.
They never decide anything.

The registry below is the one place that says which formats exist and which module renders each,
as pip-audit's `_format/` does: commands ask for `renderer(what, format)` and never branch on
the format; the CLI's `--format` choices are built from it. A renderer module is imported only
when its format is used, so `--help` and `--format json` load no terminal or table library.

The interfaces, per kind of thing rendered:

- `assessment`: `writer(stream, lang, *, plain, many) -> Writer`, fed one assessment at a time
  (so a run over a hundred thousand profiles holds one); `many()` says, at the first write,
  whether the command line named several profiles (json then writes an array).
- `comparison`: `write(comparison, stream, lang, *, plain) -> None`.
- `chart`: `write(comparison, stream, lang, *, plain) -> None`.
- `report`: `render(document) -> str | bytes` (bytes for binary formats such as Word).
- `explanation`: `write(items, stream, lang, *, plain) -> None`, items as `explain` builds them.
- `rubric_list`: `write(rows, stream, lang, *, plain) -> None`, one row per built-in pack.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any, Protocol

REGISTRY: dict[str, dict[str, str]] = {
    "assessment": {"text": "text:writer", "json": "json:writer", "jsonl": "json:line_writer",
                   "markdown": "markdown:writer"},
    "comparison": {"text": "compare_text:write", "markdown": "compare_markdown:write",
                   "csv": "compare_csv:write", "json": "compare_json:write", "xlsx": "compare_xlsx:render"},
    "chart": {"svg": "svg:write"},
    "report": {"md": "report_md:render", "html": "report_html:render", "docx": "report_docx:render"},
    "explanation": {"text": "explain:write_text", "json": "explain:write_json"},
    "rubric_list": {"text": "explain:write_pack_list", "json": "explain:write_pack_list_json"},
}

# The assessment formats that show the Assessment's own list of known facts; the others show
# facts only as evidence, so `assess` need not build that list for them.
SHOWS_FACTS = frozenset({"json", "jsonl"})


def facts_shown(fmt: str) -> frozenset[str] | None:
    """What `assess(facts_shown=…)` should build for an assessment format: all facts, or none."""
    return None if fmt in SHOWS_FACTS else frozenset()


class Writer(Protocol):
    """Writes assessments one at a time as they come; `finish` closes what needs closing."""

    def write(self, assessment: Any) -> None: ...

    def finish(self) -> None: ...


def formats(what: str) -> tuple[str, ...]:
    """The formats registered for a kind of output, in the order `--help` lists them."""
    return tuple(REGISTRY[what])


def renderer(what: str, fmt: str) -> Callable[..., Any]:
    """The function that renders `what` in format `fmt`, its module imported now."""
    module, function = REGISTRY[what][fmt].split(":")
    return getattr(import_module(f"{__name__}.{module}"), function)


class Separated:
    """A Writer for formats that simply follow one rendering with the next, a separator between."""

    def __init__(self, render_one: Callable[[Any], None], separate: Callable[[], None]) -> None:
        self.render_one = render_one
        self.separate = separate
        self.count = 0

    def write(self, assessment: Any) -> None:
        if self.count:
            self.separate()
        self.render_one(assessment)
        self.count += 1

    def finish(self) -> None:
        return None
