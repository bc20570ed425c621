"""The extraction lexicon: how reports say each catalogue field, read from `profile/lexicon.yaml`.

The lexicon is data beside the field catalogue; this module only loads it and checks it against
the catalogue (every path known, every pattern compiles, each entry's keys suit its field's kind),
so a new field needs a new entry and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cluster_assess.errors import UserError
from cluster_assess.rubric.model import ValueChain

LEXICON_PATH = Path(__file__).resolve().parent.parent / "profile" / "lexicon.yaml"
AMOUNT_KINDS = ("count", "money", "share", "rate", "number")
_KEYS = {
    "amount": {"label", "not", "measures", "none", "one"},
    "flag": {"holds", "fails"},
    "names": {"items", "drop", "values"},
    "choice": {"choices"},
}


@dataclass(frozen=True)
class Entry:
    """One field's ways of being said."""

    path: str
    kind: str
    label: re.Pattern[str] | None = None
    not_: re.Pattern[str] | None = None
    measures: tuple[str, ...] = ()
    yes: re.Pattern[str] | None = None
    no: re.Pattern[str] | None = None
    items: re.Pattern[str] | None = None
    drop: re.Pattern[str] | None = None
    choices: tuple[tuple[str, re.Pattern[str]], ...] = ()
    none: re.Pattern[str] | None = None  # a count said to be nothing: 尚无专业批发市场 → 0
    one: re.Pattern[str] | None = None   # one thing named without a number: 被认定为中国驰名商标 → 1


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, Entry]
    negations: re.Pattern[str]
    post_negations: re.Pattern[str]
    hedges: re.Pattern[str]
    scopes: tuple[re.Pattern[str], ...]
    mixed: re.Pattern[str]
    carry: re.Pattern[str]
    subset: re.Pattern[str]
    qualifier: re.Pattern[str]
    year: re.Pattern[str]
    unclear: dict[str, str]
    totals: tuple[str, ...]
    chain_general: re.Pattern[str]
    chain_not_after: re.Pattern[str]
    chain_not_before: re.Pattern[str]
    chain_platform_after: re.Pattern[str]
    chain_more: dict[str, dict[str, str]]
    title: re.Pattern[str]
    title_trigger: re.Pattern[str]
    title_not: re.Pattern[str]
    ratings: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def amount_entries(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind in AMOUNT_KINDS]

    def home_scope(self, text: str) -> int:
        """The level of the area the text is about: its most frequent area word (the smaller on a tie);
        with none, the city level, so only a province or the country counts as wider."""
        counts = [len(p.findall(text)) for p in self.scopes]
        best = max(counts)
        return counts.index(best) if best else min(2, len(counts) - 1)

    def wider(self, text: str, home: int) -> bool:
        return any(p.search(text) for p in self.scopes[home + 1:])


def check_chain_ids(lex: Lexicon, chain_ids: list[str]) -> None:
    """Every chain the lexicon adds words to must be one of the rubric's."""
    for cid in lex.chain_more:
        if cid != "any" and cid not in chain_ids:
            raise UserError.single(f"the rubric has no value chain {cid!r} (it has: {', '.join(chain_ids)})",
                                   file=str(LEXICON_PATH), field=f"chains.more.{cid}")


def segment_patterns(lex: Lexicon, chain: ValueChain) -> dict[str, re.Pattern[str]]:
    """How a text names each segment of a reference chain: the rubric's words for it (the segment's
    Chinese name, its parts split at 与/和/及, and its synonyms) less those too general to read in
    running text, plus the lexicon's few more words (`chains.more`). One source of truth: the
    segments and most of their words are the rubric's (rubrics/*.yaml · value_chains)."""
    own = lex.chain_more.get(chain.id, {})
    known = {s.id for s in chain.segments}
    for sid in own:
        if sid not in known:
            raise UserError.single(f"the rubric's chain {chain.id!r} has no segment {sid!r} (it has: "
                                   f"{', '.join(sorted(known))})", file=str(LEXICON_PATH),
                                   field=f"chains.more.{chain.id}.{sid}")
    more = {sid: "|".join(p for p in (lex.chain_more.get("any", {}).get(sid), own.get(sid)) if p)
            for sid in known}
    out: dict[str, re.Pattern[str]] = {}
    for seg in chain.segments:
        name = re.sub(r"（.*?）|\(.*?\)", "", seg.name.zh)
        words = {name, *re.split(r"[与和及、/]", name), *getattr(seg, "synonyms", ())}
        words = {w.strip() for w in words if re.search(r"[\u4e00-\u9fff]", w or "")}
        words = {w for w in words if len(w) >= 2 and not lex.chain_general.search(w) and "（" not in w}
        parts = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
        if more[seg.id]:
            parts.append(f"(?:{more[seg.id]})")
        if parts:
            out[seg.id] = re.compile(f"(?:{'|'.join(parts)})(?!{lex.chain_not_after.pattern})")
    return out


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise UserError.single("expected a non-empty pattern", file=str(LEXICON_PATH), field=where)
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise UserError.single(f"the pattern does not compile: {exc}", file=str(LEXICON_PATH), field=where) from None


def _entry(path: str, raw: Any, kind: str) -> Entry:
    group = "amount" if kind in AMOUNT_KINDS else kind
    allowed = _KEYS.get(group)
    if allowed is None:
        raise UserError.single(f"fields of kind {kind!r} cannot be extracted", file=str(LEXICON_PATH), field=path)
    if not isinstance(raw, dict) or not raw:
        raise UserError.single("expected a mapping of patterns", file=str(LEXICON_PATH), field=path)
    extra = set(raw) - allowed
    if extra:
        raise UserError.single(f"unknown key {sorted(extra)[0]!r} for a {kind} field (allowed: "
                               f"{', '.join(sorted(allowed))})", file=str(LEXICON_PATH), field=path)
    if group == "amount":
        if "label" not in raw:
            raise UserError.single("an amount field needs a label", file=str(LEXICON_PATH), field=path)
        measures = raw.get("measures", [])
        if kind == "count" and not measures:
            raise UserError.single("a count needs its measure words", file=str(LEXICON_PATH), field=path)
        return Entry(path, kind, label=_compile(raw["label"], f"{path}.label"),
                     not_=_compile(raw["not"], f"{path}.not") if "not" in raw else None,
                     measures=tuple(str(m) for m in measures),
                     none=_compile(raw["none"], f"{path}.none") if "none" in raw else None,
                     one=_compile(raw["one"], f"{path}.one") if "one" in raw else None)
    if group == "flag":
        return Entry(path, kind, yes=_compile(raw["holds"], f"{path}.holds") if "holds" in raw else None,
                     no=_compile(raw["fails"], f"{path}.fails") if "fails" in raw else None)
    if group == "names" and "values" in raw:
        return Entry(path, kind, choices=tuple((str(k), _compile(v, f"{path}.values.{k}"))
                                               for k, v in raw["values"].items()))
    if group == "names":
        items = _compile(raw.get("items"), f"{path}.items")
        if "items" not in items.groupindex:
            raise UserError.single("the pattern needs a group named 'items'", file=str(LEXICON_PATH), field=path)
        return Entry(path, kind, items=items, drop=_compile(raw["drop"], f"{path}.drop") if "drop" in raw else None)
    choices = raw["choices"]
    return Entry(path, kind, choices=tuple((str(k), _compile(v, f"{path}.choices.{k}")) for k, v in choices.items()))


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and check the lexicon (once per process)."""
    import yaml

    from cluster_assess.profile.fields import field_specs

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    specs = field_specs()
    entries: dict[str, Entry] = {}
    for key, raw in (data.get("fields") or {}).items():
        spec = specs.get(key)
        if spec is None:
            import difflib

            hint = difflib.get_close_matches(key, specs, n=1)
            did = f"; did you mean {hint[0]!r}?" if hint else ""
            raise UserError.single(f"no such field in the catalogue{did}", file=str(path), field=key)
        entries[key] = _entry(key, raw, spec.kind)
    ratings = {}
    for key, pattern in (data.get("ratings") or {}).items():
        if key not in specs:
            raise UserError.single("no such rating in the catalogue", file=str(path), field=key)
        ratings[key] = _compile(pattern, key)
    words = data["words"]
    for key, target in words["unclear"].items():
        if target not in entries:
            raise UserError.single(f"{target!r} has no lexicon entry", file=str(path), field=f"words.unclear.{key}")
    chains = data["chains"]
    more = chains.get("more") or {}
    for cid, segs in more.items():
        for sid, pattern in segs.items():
            _compile(pattern, f"chains.more.{cid}.{sid}")
    titles = data["titles"]
    return Lexicon(
        entries=entries,
        negations=_compile(words["negations"], "words.negations"),
        post_negations=_compile(words["post_negations"], "words.post_negations"),
        hedges=_compile(words["hedges"], "words.hedges"),
        scopes=tuple(_compile(p, f"words.scopes[{i}]") for i, p in enumerate(words["scopes"])),
        mixed=_compile(words["mixed"], "words.mixed"),
        carry=_compile(words["carry"], "words.carry"),
        subset=_compile(words["subset"], "words.subset"),
        qualifier=_compile(words["qualifier"], "words.qualifier"),
        year=_compile(words["year"], "words.year"),
        unclear={str(k): str(v) for k, v in words["unclear"].items()},
        totals=tuple(words.get("totals", ())),
        chain_general=_compile(chains["general"], "chains.general"),
        chain_not_after=_compile(chains["not_after"], "chains.not_after"),
        chain_not_before=_compile(chains["not_before"], "chains.not_before"),
        chain_platform_after=_compile(chains["platform_after"], "chains.platform_after"),
        chain_more={str(cid): {str(sid): str(p) for sid, p in segs.items()} for cid, segs in more.items()},
        title=_compile(titles["pattern"], "titles.pattern"),
        title_trigger=_compile(titles["trigger"], "titles.trigger"),
        title_not=_compile(titles["not"], "titles.not"),
        ratings=ratings,
    )
