"""Renderers: each turns an Assessment into one format. They never decide anything."""

from __future__ import annotations

from typing import Any


def localise(value: Any, lang: str) -> Any:
    """Replace every bilingual {zh, en} text in a dumped value by the chosen language."""
    if isinstance(value, dict):
        if set(value) == {"zh", "en"}:
            return value[lang]
        return {k: localise(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, lang) for v in value]
    return value


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def fact_text(fact: Any, lang: str) -> str:
    """A fact as shown to people: what the profile said, or the number with its unit."""
    from cluster_assess.i18n import t

    text = fact.display
    if isinstance(fact.value, bool) and (fact.display or "").strip() not in ("是", "否"):
        text = t("yes" if fact.value else "no", lang)
    elif fact.kind == "choice":
        text = t(f"grade_{fact.value}", lang)
    if fact.evidence:
        text += f" — {fact.evidence}"
    if fact.approx and not _says_approx(fact.display):
        text += f" ({t('approx_' + fact.approx, lang)})"
    return text


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
