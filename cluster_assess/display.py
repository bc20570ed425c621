"""How values read to people, in either language: below compare, report and render, which share it.

One function resolves bilingual text (`in_language`), one family formats numbers (`percent`,
`number`, `money`), and the few phrases every output uses for an assessment's parts (a fact, a
list of facts to collect, a classification) are written once, here. Nothing here decides a
judgement; it only says what was decided.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from cluster_assess.assessment import Record, replace

LANGS = ("zh", "en")

# What user text must never carry to a terminal or a document: C0 and C1 control characters
# (ESC starts colour, cursor and OSC 8 hyperlink sequences; CR overwrites a line), DEL, and the
# bidirectional overrides and isolates that make text display in another order than it reads
# (U+202A–202E, U+2066–2069; also U+200E/200F/061C marks). Tab and newline stay.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """`text` without the characters UNSAFE names."""
    return UNSAFE.sub("", text)


def sanitised(value: Any) -> Any:
    """The same value with every text in it made safe (see UNSAFE); parts with nothing to remove
    are returned as they are, not copied. Renderers for the terminal, markdown and CSV call it on
    what they are given: this is the edge where user text (town names, evidence, notes) is shown.
    JSON does not: it keeps the text as data, escaped by JSON itself."""
    if isinstance(value, str):
        return UNSAFE.sub("", value) if UNSAFE.search(value) else value
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        items = [sanitised(v) for v in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        items = [sanitised(v) for v in value]
        return tuple(items) if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict):
        pairs = [(sanitised(k), sanitised(v)) for k, v in value.items()]
        changed = any(k is not k0 or v is not v0 for (k, v), (k0, v0) in zip(pairs, value.items()))
        return dict(pairs) if changed else value
    if isinstance(value, Record):  # a part of an Assessment
        updates = {name: new for name in value.__slots__ if (new := sanitised(old := getattr(value, name))) is not old}
        return replace(value, **updates) if updates else value
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:  # a pydantic model
        updates = {name: new for name in fields if (new := sanitised(old := getattr(value, name))) is not old}
        return value.model_copy(update=updates) if updates else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        updates = {f.name: new for f in dataclasses.fields(value)
                   if (new := sanitised(old := getattr(value, f.name))) is not old}
        return dataclasses.replace(value, **updates) if updates else value
    return value


def in_language(value: Any, lang: str) -> Any:
    """`value` with every bilingual text in one language: a Text (`.zh`/`.en`), or a `{zh, en}`
    mapping as dumped to JSON, found anywhere inside dicts, lists and tuples (tuples become lists)."""
    if isinstance(value, dict):
        if set(value) == set(LANGS):
            return value[lang]
        return {k: in_language(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [in_language(v, lang) for v in value]
    if hasattr(value, "zh") and hasattr(value, "en") and not isinstance(value, str):
        return value.zh if lang == "zh" else value.en
    return value


def percent(value: float | None) -> str:
    """0.254 → '25%'; None → '—'."""
    return "—" if value is None else f"{value:.0%}"


def number(value: float | int) -> str:
    """Whole numbers with thousands separators, others to one decimal ('1,234', '2.5', '3')."""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}".removesuffix(".0")


def money(value: float, currency: str, lang: str) -> str:
    """An amount as a reader of that language writes it: 20.5亿元, or 2.05 bn CNY."""
    if lang == "zh":
        unit = {"CNY": "元", "USD": "美元"}.get(currency, currency)
        if value >= 1e8:
            return f"{value / 1e8:,.4g}亿{unit}"
        if value >= 1e4:
            return f"{value / 1e4:,.4g}万{unit}"
        return f"{value:,.0f}{unit}"
    if value >= 1e9:
        return f"{value / 1e9:,.3g} bn {currency}"
    if value >= 1e6:
        return f"{value / 1e6:,.3g} m {currency}"
    return f"{value:,.0f} {currency}"


def cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def amount_en(kind: str, value: Any, approx: str | None, lo: float | None, hi: float | None,
              currency: str | None, unit: str) -> str:
    """An amount said in English with the precision its writer gave it, from its interval:
    200多家 → '200+ firms', 20多亿元 → 'CNY 2+ bn', 近3000家 → 'nearly 3,000 firms',
    数百家 → '200–1,000 firms', 30%以上 → '30%+'."""
    if kind == "money":
        top = abs(value) or max(abs(v) for v in (lo or 0, hi or 0) if v != float("inf"))
        scale, suffix = next(((s, w) for s, w in ((1e9, " bn"), (1e6, " m")) if top >= s), (1, ""))

        def fig(v: float) -> str:
            return f"{v / scale:,.4g}" if scale > 1 else f"{v:,.0f}"
        head, tail = f"{currency or 'CNY'} ", suffix
    elif kind in ("share", "rate"):
        def fig(v: float) -> str:
            return f"{v:.1%}".replace(".0%", "%")
        head = tail = ""
    else:
        def fig(v: float) -> str:
            return number(int(v)) if float(v).is_integer() else number(float(v))
        head, tail = "", f" {unit}" if unit and unit not in ("table unit", "index", "ratio") else ""
    if approx == "over":
        said = f"{fig(value)}+"
    elif approx in ("about", "nearly"):
        said = f"{'about' if approx == 'about' else 'nearly'} {fig(value)}"
    elif approx == "under" and hi is not None:
        said = f"under {fig(hi)}"
    elif approx == "at_most" and hi is not None:
        said = f"at most {fig(hi)}"
    elif lo is not None and hi is not None and lo != hi:
        said = f"{fig(lo)}–{fig(hi)}"
    else:
        said = fig(value)
    if head and said[:1].isalpha():  # 'about CNY 2 bn', not 'CNY about 2 bn'
        word, _, rest = said.partition(" ")
        return f"{word} {head}{rest}{tail}"
    return f"{head}{said}{tail}"


def fact_text(fact: Any, lang: str) -> str:
    """A fact as shown to people: what the profile said, or the number with its unit."""
    from cluster_assess.i18n import t

    text = fact.display
    english = getattr(fact, "display_en", None)
    if lang == "en" and english:
        text = english
    if isinstance(fact.value, bool) and (fact.display or "").strip() not in ("是", "否"):
        text = t("yes" if fact.value else "no", lang)
    elif fact.kind == "choice":
        from cluster_assess.i18n import CATALOGUE

        key = next((k for k in (f"grade_{fact.value}", f"choice_{fact.value}") if k in CATALOGUE), None)
        text = t(key, lang) if key else str(fact.value)
    evidence = evidence_text(fact, lang)
    if evidence:
        text += f" — {evidence}"
    if fact.approx in _APPROX_SUFFIX and not _says_approx(fact.display) and not (lang == "en" and english):
        text += f" ({t('approx_' + fact.approx, lang)})"
    return text


def evidence_text(fact: Any, lang: str) -> str:
    """A rating's evidence as its assessor wrote it; the English edition takes `evidence_en` when
    the profile gives one."""
    return ((getattr(fact, "evidence_en", None) if lang == "en" else None) or getattr(fact, "evidence", None)
            or "")


# The precisions said after a number (200 (or more)); the others (a range, an upper bound, a
# vague count, a share in words: 20-30亿元, 不足20亿元, 数百家, 大多数) are read from words the display
# already shows.
_APPROX_SUFFIX = frozenset({"over", "about", "nearly"})


def _says_approx(display: str) -> bool:
    return any(word in display for word in ("多", "余", "以上", "左右", "约", "近"))


def named_fact(fact: Any, lang: str, own_rating: str | None = None) -> str:
    """`name: value` — how a fact reads in a list of evidence. The rating that measures the very
    factor it supports (`own_rating`) reads `rating 3/5 — evidence`, not the name twice."""
    from cluster_assess.i18n import t

    if own_rating is not None and fact.path == own_rating:
        return f"{t('rating', lang)} {fact_text(fact, lang)}"
    return f"{fact.name.get(lang)}: {fact_text(fact, lang)}"


def missing_names(assessment: Any, paths: list[str], lang: str) -> str:
    """Names (not paths) of facts to collect, using the names the assessment carries."""
    names = {u.path: u.name.get(lang) for u in assessment.unknowns}
    sep = "、" if lang == "zh" else ", "
    return sep.join(names.get(p, p) for p in paths)


def items_text(problem: Any, lang: str) -> str:
    """The items a finding names (e.g. each missing chain segment), in one line."""
    from cluster_assess.i18n import t

    if not getattr(problem, "items", None):
        return ""
    sep = "、" if lang == "zh" else ", "
    return f"{t('items', lang)}: " + sep.join(i.get(lang) for i in problem.items)


def classification_text(result: Any, lang: str) -> str:
    """'market-based SME community', or 'undecided (could also be …)' — how a classification reads."""
    from cluster_assess.i18n import t

    value = result.value_name.get(lang) if result.value_name is not None else t("undecided", lang)
    if result.also_possible:
        sep = "、" if lang == "zh" else ", "
        value += f" ({t('also_possible', lang)}: {sep.join(n.get(lang) for n in result.also_possible_names)})"
    return value
