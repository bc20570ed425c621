"""Our digests of the source documents (`seeds/*.md`), parsed into {locator: passage}.

A locator is the back-quoted text of a heading, e.g. ``### `003 · 第二篇 · 一（二）` 集聚 — …``;
its passage is everything up to the next heading. Rubric items cite locators; `explain` shows the
passage and the tests check that every cited locator resolves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cluster_assess.io import packaged as data

HEADING = re.compile(r"^#{2,4} `([^`]+)`\s*(.*)$")


@dataclass(frozen=True)
class Passage:
    locator: str
    title: str
    zh: str
    en: str
    points: tuple[str, ...]
    file: str
    line: int

    def text(self, lang: str) -> str:
        """The digest paragraph in one language, then its list of facts and key terms."""
        body = self.zh if lang == "zh" else self.en
        return "\n".join([body, *(f"- {_point(p, lang)}" for p in self.points)]).strip()

    def heading(self, lang: str) -> str:
        """The title; in Chinese without its English gloss (`集聚 — Agglomeration` → `集聚`)."""
        return self.title.split(" — ")[0] if lang == "zh" else self.title


_POINT = re.compile(r"^(?P<zh>[^/:]+?) / (?P<en>[^:]+): (?P<value>.*)$")
_ASCII_GLOSS = re.compile(r"\s*\([\x00-\x7f]*\)$")


def _point(point: str, lang: str) -> str:
    """A key point `中文 / English: value (gloss)`; Chinese readers get `中文: value` only."""
    match = _POINT.match(point)
    if lang != "zh" or match is None:
        return point
    return f"{match['zh']}: {_ASCII_GLOSS.sub('', match['value'])}"


def parse(text: str, file: str = "") -> dict[str, Passage]:
    out: dict[str, Passage] = {}
    current: tuple[str, str, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        locator, title, line = current
        zh = en = ""
        points: list[str] = []
        for raw in body:
            if raw.startswith("**zh:**"):
                zh = raw.removeprefix("**zh:**").strip()
            elif raw.startswith("**en:**"):
                en = raw.removeprefix("**en:**").strip()
            elif raw.startswith("- "):
                points.append(raw[2:].strip())
        out[locator] = Passage(locator, title, zh, en, tuple(points), file, line)

    for number, line in enumerate(text.splitlines(), start=1):
        match = HEADING.match(line)
        if match:
            close()
            current, body = (match.group(1), match.group(2).strip(), number), []
        elif line.startswith("#"):
            close()
            current, body = None, []
        else:
            body.append(line.strip())
    close()
    return out


@cache
def passages(folder: Path | None = None) -> dict[str, Passage]:
    """Every locator of every digest in `seeds/`."""
    folder = folder or data.data_dir("seeds")
    out: dict[str, Passage] = {}
    for path in sorted(folder.glob("*.md")):
        out.update(parse(path.read_text(encoding="utf-8"), path.name))
    return out


def documents() -> set[str]:
    """Ids of the digested documents ('000', '003', 'miit-2022'): the first part of a locator."""
    return {loc.split(" · ")[0] for loc in passages()}


def split_locators(source: str) -> list[str]:
    """A `source` may cite several passages separated by ';'."""
    return [part.strip() for part in source.split(";") if part.strip()]


def unresolved(source: str) -> list[str]:
    """Locators of a digested document that name no passage in its digest.

    A locator of a document we have no digest for (a user's own source) is not ours to check."""
    known = passages()
    docs = documents()
    return [loc for loc in split_locators(source) if loc.split(" · ")[0] in docs and loc not in known]


OUTSIDE = "outside"


def outside_seeds(source: str | None) -> bool:
    """Whether a `source` cites literature from outside the seed documents (`outside · …`,
    seeds/outside-literature.md): such items are marked so in the docs and in `explain`."""
    return any(loc.split(" · ")[0] == OUTSIDE for loc in split_locators(source or ""))
