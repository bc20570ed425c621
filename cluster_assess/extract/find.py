"""Reading candidate facts out of sentences with the lexicon: amounts, flags, lists, choices,
chain segments, titles, and sentences that look like evidence for a rating.

Each finder says what it read and how sure the text lets it be: `fact` when one field fits and the
sentence asserts it; `uncertain` (with the reason) when two fields fit, the subject is unclear,
the figure is a target or proposal, belongs to a wider area, or is a part of another figure.
Deciding between candidates (years, repeats, contradictions) is `draft.py`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cluster_assess.extract.lexicon import Entry, Lexicon
from cluster_assess.extract.text import Found, Place, amounts, clauses, phrase_after, phrase_before, quote
from cluster_assess.io.amounts import SHARE_WORDS, AmountError, parse_amount

CURRENCY_UNITS = ("元", "美元", "欧元", "港元", "港币")
_ITEM_CUT = re.compile(r"[、和及与]")
_SHARE_WORD = re.compile("|".join(sorted(map(re.escape, SHARE_WORDS), key=len, reverse=True)))
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十])")  # 三是扶持中基 → 中基
_ALMOST = re.compile(r"(?:几乎|基本上?|很少|较少)$")


@dataclass(frozen=True)
class Candidate:
    """One value a sentence proposes for one field."""

    path: str
    value: object
    place: Place
    quote: str
    sure: bool = True
    reason: str = ""
    year: int | None = None
    others: tuple[str, ...] = ()  # other fields the same words could be
    said: str = ""  # "none" or "one": a count the text gives in words, not a number


@dataclass(frozen=True)
class RatingHint:
    rating: str
    place: Place
    quote: str


def _fits(entry: Entry, found: Found) -> bool:
    """Does the amount's measure word suit the field's kind and measures?"""
    if entry.kind == "money":
        return found.unit in CURRENCY_UNITS
    if entry.kind in ("share", "rate"):
        return found.unit in ("%", "成")
    return found.unit in entry.measures


def _year(lex: Lexicon, sentence: str, index: int) -> int | None:
    before = [int(m.group(1)) for m in lex.year.finditer(sentence[:index])]
    if before:
        return before[-1]
    after = [int(m.group(1)) for m in lex.year.finditer(sentence)]
    return after[0] if after else None


def find_amounts(lex: Lexicon, place: Place, home: int = 2) -> Iterator[Candidate]:
    sentence = place.sentence
    entries = lex.amount_entries()
    last: Entry | None = None  # the field of the sentence's last amount, for 增加到2000多家
    for offset, clause in clauses(sentence):
        found = amounts(clause)
        subset = bool(lex.subset.search(clause))
        start = 0
        for i, item in enumerate(found):
            nxt = found[i + 1].start if i + 1 < len(found) else len(clause)
            right = clause[item.end:nxt][:12]
            left = clause[start:item.start]
            if lex.qualifier.match(right) or (i + 1 < len(found) and right in ("", "的")):
                continue  # 5000万元以上(的企业): describes a kind of firm; the next amount reads it
            start = item.end
            if i and _qualifies(lex, clause[found[i - 1].end:item.start]):
                left = clause[_chain_start(lex, clause, found, i):item.start]
            if not _readable(item.raw):
                continue
            fits = _fields_for(lex, entries, item, left, right, last)
            last = fits[0] if len(fits) == 1 else None
            yield from _amount_candidates(lex, place, offset, item, fits, subset, left, home)


def _readable(raw: str) -> bool:
    try:
        parse_amount(raw)
    except AmountError:
        return False
    return True


def _fields_for(lex: Lexicon, entries: list[Entry], item: Found, left: str, right: str,
                last: Entry | None) -> list[Entry]:
    """The fields whose words stand around the amount; else the previous amount's field, when the
    words carry it on (增加到…)."""
    context = f"{left}¦{right}"
    fits = [e for e in entries if _fits(e, item) and e.label and e.label.search(context)
            and not (e.not_ and e.not_.search(context))]
    if not fits and last is not None and _fits(last, item) and lex.carry.search(left):
        return [last]
    return fits


def _amount_candidates(lex: Lexicon, place: Place, offset: int, item: Found, fits: list[Entry], subset: bool,
                       left: str, home: int) -> Iterator[Candidate]:
    """One amount as a fact, as a doubt between two fields, or as a doubt about its subject."""
    sentence = place.sentence
    where = offset + item.start
    words = quote(sentence, where, offset + item.end)
    year = _year(lex, sentence, where)
    reason = _doubt(lex, sentence[:where], left, home)
    if len(fits) == 1:
        if not reason and subset and fits[0].path in lex.totals:
            reason = "part_of_figure"
        yield Candidate(fits[0].path, item.raw, place, words, not reason, reason, year)
    elif len(fits) > 1:
        paths = tuple(e.path for e in fits)
        for entry in fits:
            yield Candidate(entry.path, item.raw, place, words, False, "two_fields", year,
                            tuple(p for p in paths if p != entry.path))
    else:
        unit = "元" if item.unit in CURRENCY_UNITS else item.unit
        target = lex.unclear.get(unit)
        if target and _fits(lex.entries[target], item):
            yield Candidate(target, item.raw, place, words, False, reason or "subject_unclear", year)


def find_counts_in_words(lex: Lexicon, place: Place) -> Iterator[Candidate]:
    """Counts the text gives without a number (the entry's `none:` and `one:` patterns):
    尚无专业批发市场 → 0, 被认定为中国驰名商标 → 1. `draft.py` drops a `one` when the text also gives
    the count as a number, and doubts it when several sentences each name one."""
    sentence = place.sentence
    for entry in lex.amount_entries():
        for pattern, value, said in ((entry.none, 0, "none"), (entry.one, 1, "one")):
            if pattern is None:
                continue
            for match in pattern.finditer(sentence):
                words = quote(sentence, match.start(), match.end())
                if lex.hedges.search(sentence[:match.start()]):
                    yield Candidate(entry.path, value, place, words, False, "target_or_proposal", said=said)
                elif _ALMOST.search(phrase_before(sentence, match.start(), 4)):
                    yield Candidate(entry.path, value, place, words, False, "subject_unclear", said=said)
                else:
                    yield Candidate(entry.path, value, place, words, said=said)


def find_share_words(lex: Lexicon, place: Place, home: int = 2) -> Iterator[Candidate]:
    """Shares in words (大多数, 绝大部分, 一半以上 — those io.amounts reads) for share fields, when the
    words of exactly one share field are in the same clause."""
    sentence = place.sentence
    entries = [e for e in lex.amount_entries() if e.kind == "share"]
    for offset, clause in clauses(sentence):
        for match in _SHARE_WORD.finditer(clause):
            context = f"{clause[:match.start()]}¦{clause[match.end():]}"
            fits = [e for e in entries if e.label and e.label.search(context)
                    and not (e.not_ and e.not_.search(context))]
            if len(fits) != 1:
                continue
            where = offset + match.start()
            reason = _doubt(lex, sentence[:where], clause[:match.start()], home)
            yield Candidate(fits[0].path, match.group(0), place, quote(sentence, where, offset + match.end()),
                            not reason, reason, _year(lex, sentence, where))


def _chain_start(lex: Lexicon, clause: str, found: list[Found], i: int) -> int:
    """Where the words of an amount qualified by the ones before it start (年产销5000万元以上企业4家)."""
    j = i - 1
    while j > 0 and _qualifies(lex, clause[found[j - 1].end:found[j].start]):
        j -= 1
    return found[j - 1].end if j > 0 else 0


def _qualifies(lex: Lexicon, between: str) -> bool:
    return bool(lex.qualifier.match(between)) or between in ("", "的")


def _doubt(lex: Lexicon, before: str, left: str, home: int) -> str:
    if lex.hedges.search(before):
        return "target_or_proposal"
    if lex.wider(left, home):
        return "wider_area"
    if lex.mixed.search(left):
        return "subject_unclear"
    return ""


def _negated(lex: Lexicon, sentence: str, start: int, end: int) -> bool:
    return bool(lex.negations.search(phrase_before(sentence, start, 8))
                or lex.post_negations.search(phrase_after(sentence, end)))


def find_flags(lex: Lexicon, place: Place) -> Iterator[Candidate]:
    sentence = place.sentence
    for entry in lex.entries.values():
        if entry.kind != "flag":
            continue
        for pattern, says in ((entry.yes, True), (entry.no, False)):
            if pattern is None:
                continue
            for match in pattern.finditer(sentence):
                value = says
                if says and _negated(lex, sentence, match.start(), match.end()):
                    value = False
                hedged = bool(lex.hedges.search(sentence[:match.start()]))
                yield Candidate(entry.path, value, place, quote(sentence, match.start(), match.end()),
                                not hedged, "target_or_proposal" if hedged else "")


def find_lists(lex: Lexicon, place: Place) -> Iterator[Candidate]:
    sentence = place.sentence
    for entry in lex.entries.values():
        if entry.kind == "names" and entry.items is not None:
            for match in entry.items.finditer(sentence):
                items = tuple(dict.fromkeys(
                    _ORDINAL.sub("", part.strip()).removesuffix("等") for part in _ITEM_CUT.split(match.group("items"))
                    if 2 <= len(part.strip()) <= 12 and not (entry.drop and entry.drop.search(part))))
                if not items:
                    continue
                hedged = bool(lex.hedges.search(sentence[:match.start()]))
                yield Candidate(entry.path, items, place, quote(sentence, match.start(), match.end()),
                                not hedged, "target_or_proposal" if hedged else "")
        else:
            for choice, pattern in entry.choices:
                for match in pattern.finditer(sentence):
                    doubt = lex.hedges.search(sentence[:match.start()]) or _negated(
                        lex, sentence, match.start(), match.end())
                    if doubt and entry.kind == "names":
                        continue  # a platform proposed or missing: not a fact either way
                    value = (choice,) if entry.kind == "names" else choice
                    yield Candidate(entry.path, value, place, quote(sentence, match.start(), match.end()),
                                    not doubt, "target_or_proposal" if doubt else "")


def find_segments(lex: Lexicon, place: Place, patterns: dict[str, re.Pattern[str]],
                  specific: bool = True) -> Iterator[Candidate]:
    """`facts.chain.segments` for segments the sentence names; `absent` for those it says are missing.

    `patterns` are the chosen reference chain's (lexicon.segment_patterns). With no specific chain
    for the industry (the generic one), every reading is only "possibly": the words of a
    generic chain are too loose to file a segment on."""
    sentence = place.sentence
    for segment, pattern in patterns.items():
        for match in pattern.finditer(sentence):
            if lex.chain_not_before.search(sentence[max(0, match.start() - 4):match.start()]):
                continue
            words = quote(sentence, match.start(), match.end())
            if lex.hedges.search(sentence[:match.start()]):
                yield Candidate("facts.chain.absent", (segment,), place, words, False, "target_or_proposal")
                continue
            negated = _negated(lex, sentence, match.start(), match.end())
            if not negated and lex.chain_platform_after.match(sentence, match.end()):
                continue  # 设立设计中心: a platform, not a stage the text says the cluster has
            path = "facts.chain.absent" if negated else "facts.chain.segments"
            if specific:
                yield Candidate(path, (segment,), place, words)
            else:
                yield Candidate(path, (segment,), place, words, False, "generic_chain")


def find_titles(lex: Lexicon, place: Place) -> Iterator[Candidate]:
    sentence = place.sentence
    if not lex.title_trigger.search(sentence):
        return
    for match in lex.title.finditer(sentence):
        title = match.group(0)
        if lex.title_not.search(title):
            continue
        words = quote(sentence, match.start(), match.end())
        if lex.hedges.search(sentence[:match.start()]):
            yield Candidate("facts.brands.cluster_titles", (title,), place, words, False, "target_or_proposal")
        elif not _negated(lex, sentence, match.start(), match.end()):
            yield Candidate("facts.brands.cluster_titles", (title,), place, words)


def find_rating_hints(lex: Lexicon, place: Place) -> Iterator[RatingHint]:
    for rating, pattern in lex.ratings.items():
        match = pattern.search(place.sentence)
        if match:
            yield RatingHint(rating, place, quote(place.sentence, match.start(), match.end(), 50))
