"""From documents to a draft: run the finders, settle repeats and contradictions, keep only facts
the profile model accepts.

Precision first: a field the text gives two different values for (and no later year settles),
a flag said both ways, a segment both present and missing — each goes to `uncertain`, never into
the facts. Ratings are never written; sentences that look like evidence are kept as hints.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from cluster_assess.extract.find import (
    Candidate,
    RatingHint,
    find_amounts,
    find_counts_in_words,
    find_flags,
    find_lists,
    find_rating_hints,
    find_segments,
    find_share_words,
    find_titles,
)
from cluster_assess.extract.lexicon import Lexicon, check_chain_ids, load_lexicon, segment_patterns
from cluster_assess.extract.reading import Document
from cluster_assess.extract.text import Place, sentences
from cluster_assess.rubric.model import ValueChain

HINTS_PER_RATING = 3


@dataclass(frozen=True)
class Extracted:
    """A fact the draft proposes: its value (the writer's words for amounts) and where it was read."""

    path: str
    value: Any
    places: tuple[Place, ...]
    quotes: tuple[str, ...]


@dataclass
class Draft:
    documents: list[str]
    industry: str | None
    chain: str
    name: str | None
    facts: dict[str, Extracted] = field(default_factory=dict)
    uncertain: list[Candidate] = field(default_factory=list)
    hints: dict[str, list[RatingHint]] = field(default_factory=dict)

    @property
    def hint_count(self) -> int:
        return sum(len(v) for v in self.hints.values())


def choose_industry(documents: list[Document], industry: str | None) -> tuple[str | None, ValueChain]:
    """The draft's `industry:` and the reference chain the engine will read its segments against.

    The chain is chosen as the engine chooses it (engine.values.choose_chain, by the industry's
    words). With no --industry, the industry is the rubric's industry word (value_chains.match) the
    text uses most, counted per chain; with fewer than two such words, none (the generic chain)."""
    from cluster_assess.engine.values import choose_chain
    from cluster_assess.rubric.loading import load_rubric

    rubric = load_rubric(None)
    check_chain_ids(load_lexicon(), [c.id for c in rubric.value_chains])
    generic = next(c for c in rubric.value_chains if c.id == "generic")
    if industry:
        named = next((c for c in rubric.value_chains if c.id == industry), None)
        if named is not None:
            return industry, named
        return industry, choose_chain(rubric, industry) or generic
    text = "\n".join(p for d in documents for p in d.paragraphs)
    best: tuple[int, str] = (0, "")
    for chain in rubric.value_chains:
        counts = {w: text.count(w) for w in chain.match if re.search(r"[\u4e00-\u9fff]", w)}
        hits = sum(counts.values())
        if hits > best[0]:
            best = (hits, max(counts, key=lambda w: counts[w]))
    hits, word = best
    if hits < 2:
        return None, generic
    return word, choose_chain(rubric, word) or generic


def draft_from(documents: list[Document], industry: str | None = None,
               progress: Callable[[int, int], None] | None = None) -> Draft:
    """Read every document and propose a draft profile."""
    lex = load_lexicon()
    industry_value, chain = choose_industry(documents, industry)
    patterns = segment_patterns(lex, chain)
    specific = chain.id != "generic"
    draft = Draft([d.name for d in documents], industry_value, chain.id, _title(documents))
    candidates: list[Candidate] = []
    places = [p for d in documents for p in sentences(d)]
    home = lex.home_scope("\n".join(p for d in documents for p in d.paragraphs))
    for number, place in enumerate(places, 1):
        candidates += [*find_amounts(lex, place, home), *find_counts_in_words(lex, place),
                       *find_share_words(lex, place, home), *find_flags(lex, place), *find_lists(lex, place),
                       *find_segments(lex, place, patterns, specific), *find_titles(lex, place)]
        for hint in find_rating_hints(lex, place):
            kept = draft.hints.setdefault(hint.rating, [])
            if len(kept) < HINTS_PER_RATING and all(h.place.sentence != hint.place.sentence for h in kept):
                kept.append(hint)
        if progress and (number % 200 == 0 or number == len(places)):
            progress(number, len(places))
    _settle(draft, lex, candidates)
    return draft


def _title(documents: list[Document]) -> str | None:
    first = documents[0].paragraphs[0] if documents and documents[0].paragraphs else ""
    if 4 <= len(first) <= 40 and not re.search(r"[。，,；;！？]", first):
        return first.strip("《》 ")
    return None


def _key(value: Any) -> Any:
    """Values equal as facts: amounts by the interval they stand for."""
    if isinstance(value, str):
        from cluster_assess.io.amounts import parse_amount

        try:
            a = parse_amount(value)
            return (a.lo, a.hi, a.currency, a.percent)
        except ValueError:
            return value
    return value


def _settle(draft: Draft, lex: Lexicon, candidates: list[Candidate]) -> None:
    by_path: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_path.setdefault(c.path, []).append(c)
    doubts: list[Candidate] = []
    for path, group in by_path.items():
        group = _counts_in_words(group)
        sure = [c for c in group if c.sure]
        doubts += [c for c in group if not c.sure]
        if not sure:
            continue
        if isinstance(sure[0].value, tuple):
            continue  # lists are merged below, across segments and absent
        values = {_key(c.value) for c in sure}
        if len(values) == 1:
            _accept(draft, path, sure[0].value, sure)
            continue
        latest = _latest_year(sure)
        if latest is not None:
            chosen = [c for c in sure if c.year == latest]
            _accept(draft, path, chosen[0].value, chosen)
            doubts += [replace(c, reason="earlier_year") for c in sure if c.year != latest]
        else:
            doubts += [replace(c, sure=False, reason="contradiction") for c in sure]
    _settle_lists(draft, by_path, doubts)
    accepted = {(path, _key(f.value)) for path, f in draft.facts.items() if not isinstance(f.value, tuple)}
    seen: set[tuple[str, Any, str]] = set()
    for c in doubts:
        mark = (c.path, _key(c.value) if not isinstance(c.value, tuple) else c.value, c.quote)
        if mark in seen or (c.path, _key(c.value)) in accepted:
            continue
        if isinstance(c.value, tuple) and c.path in draft.facts and set(c.value) <= set(draft.facts[c.path].value):
            continue
        seen.add(mark)
        draft.uncertain.append(c)
    _keep_valid(draft)


def _counts_in_words(group: list[Candidate]) -> list[Candidate]:
    """A count given as a number beats one read from words (被认定为中国驰名商标 → 1); several
    sentences each naming one may name different ones, so then `one` is only a doubt."""
    if any(c.sure and not c.said for c in group):
        return [c for c in group if c.said != "one"]
    ones = {c.place.sentence for c in group if c.said == "one" and c.sure}
    if len(ones) > 1:
        return [replace(c, sure=False, reason="several_named") if c.said == "one" else c for c in group]
    return group


def _latest_year(group: list[Candidate]) -> int | None:
    """The year that settles several values: all dated, one latest, one value in it."""
    if any(c.year is None for c in group):
        return None
    latest = max(c.year for c in group if c.year is not None)
    values = {_key(c.value) for c in group if c.year == latest}
    return latest if len(values) == 1 else None


def _accept(draft: Draft, path: str, value: Any, group: Iterable[Candidate]) -> None:
    group = list(group)
    places = tuple(dict.fromkeys(c.place for c in group))
    quotes = tuple(dict.fromkeys(c.quote for c in group))
    draft.facts[path] = Extracted(path, value, places, quotes)


def _settle_lists(draft: Draft, by_path: dict[str, list[Candidate]], doubts: list[Candidate]) -> None:
    merged: dict[str, dict[str, list[Candidate]]] = {}
    for path, group in by_path.items():
        for c in group:
            if c.sure and isinstance(c.value, tuple):
                for item in c.value:
                    merged.setdefault(path, {}).setdefault(item, []).append(c)
    present = merged.get("facts.chain.segments", {})
    absent = merged.get("facts.chain.absent", {})
    for both in set(present) & set(absent):
        for c in present.pop(both) + absent.pop(both):
            doubts.append(replace(c, value=(both,), sure=False, reason="contradiction"))
    for path, items in merged.items():
        if items:
            group = [c for cs in items.values() for c in cs]
            _accept(draft, path, tuple(items), group)


def _keep_valid(draft: Draft) -> None:
    """Every fact must be one the profile model accepts as written; others become doubts."""
    from pydantic import ValidationError

    from cluster_assess.profile.schema import Profile

    for path, fact in list(draft.facts.items()):
        try:
            Profile.model_validate({"facts": nest({path: list(fact.value) if isinstance(fact.value, tuple)
                                                  else fact.value})})
        except ValidationError:
            del draft.facts[path]
            draft.uncertain.append(Candidate(path, fact.value, fact.places[0], fact.quotes[0], False, "invalid"))


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """{'facts.firms.total': v} → {'firms': {'total': v}} (the part under `facts:`)."""
    out: dict[str, Any] = {}
    for path, value in flat.items():
        parts = path.split(".")[1:]
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return out
