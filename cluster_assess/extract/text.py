"""Cutting paragraphs into sentences and clauses, and finding the amounts written in them.

An amount is what `io.amounts` can read, found in running text with the precision words around it
kept (`近3000家`, `约25亿元`, `20多亿元`, `30%以上`, `数百家`), so the draft keeps the writer's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cluster_assess.extract.reading import Document

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
_CLAUSE_CUT = re.compile(r"[，,（）()“”\"《》]")
_PHRASE_CUT = "，,；;。！？!?：:（）()"
_NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
_UNITS = ("美元|欧元|港元|港币|元|家|户|个|人次|人|名|种|款|项|件|座|所|条|间|台|套|双|吨|辆|处|枚|"
          "平方公里|亩|%|成")
_PRE = r"(?:大约|约为|约|将近|接近|近|超过|逾|突破|不足|不到|低于|少于|至少|最多|(?<!以)上|超)?"
AMOUNT = re.compile(
    rf"(?<![第\d.A-Za-z%])(?P<pre>{_PRE})"
    rf"(?P<body>(?:(?:数|几)[十百千万亿]+|十几[万亿]?|{_NUM}(?:多|余|来)?[十百千万亿]*(?:多|余)?"
    rf"(?:\s*(?:-|~|—|–|至|到)\s*{_NUM}(?:多|余)?[十百千万亿]*)?)"
    rf"(?P<unit>{_UNITS})(?P<post>以上|左右|上下|以下|以内|多|余)?)"
)
_TRIVIAL = {"一", "两", "二", "几"}


@dataclass(frozen=True)
class Place:
    """Where something was read: the document, paragraph (1-based) and sentence."""

    doc: str
    para: int
    sentence: str

    @property
    def locator(self) -> str:
        return f"{self.doc} · ¶{self.para}"


@dataclass(frozen=True)
class Found:
    """One amount in a clause: the writer's words, its measure word and offsets in the clause."""

    raw: str
    unit: str
    start: int
    end: int


def sentences(document: Document) -> Iterator[Place]:
    for number, paragraph in enumerate(document.paragraphs, 1):
        for sentence in _SENTENCE_END.split(paragraph):
            if sentence.strip():
                yield Place(document.name, number, sentence.strip())


def clauses(sentence: str) -> list[tuple[int, str]]:
    """The clauses of a sentence with their offsets (cut at commas and brackets; not at a colon, so
    `企业总数：200多家` keeps its label)."""
    out, start = [], 0
    for match in _CLAUSE_CUT.finditer(sentence + "，"):
        if match.start() > start:
            out.append((start, sentence[start:match.start()]))
        start = match.end()
    return out


def amounts(clause: str) -> list[Found]:
    out = []
    for match in AMOUNT.finditer(clause):
        body = match.group("body")
        number = body[: len(body) - len(match.group("unit")) - len(match.group("post") or "")]
        if number in _TRIVIAL or (match.group("unit") in ("成",) and not re.match(r"[一二三四五六七八九\d]", number)):
            continue
        if match.group("unit") == "人" and number.endswith(("个", "名")):
            continue
        out.append(Found(match.group("pre") + body, match.group("unit"), match.start(), match.end()))
    return out


def phrase_before(sentence: str, index: int, width: int = 10) -> str:
    """The text just before `index`, not crossing a comma or a sentence end."""
    start = index
    while start > 0 and index - start < width and sentence[start - 1] not in _PHRASE_CUT:
        start -= 1
    return sentence[start:index]


def phrase_after(sentence: str, index: int, width: int = 12) -> str:
    end = index
    while end < len(sentence) and end - index < width and sentence[end] not in _PHRASE_CUT:
        end += 1
    return sentence[index:end]


def quote(sentence: str, start: int, end: int, width: int = 60) -> str:
    """A short quote of the sentence around [start, end)."""
    text = sentence.rstrip("。；;")
    if len(text) <= width:
        return text
    half = max(0, (width - (end - start)) // 2)
    left, right = max(0, start - half), min(len(text), end + half)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
