"""Consistency checks between a profile's fields: impossible combinations are errors, doubtful ones warnings."""

from __future__ import annotations

import datetime as _dt
import difflib
from typing import Any

from cluster_assess.errors import Problem
from cluster_assess.i18n import msg
from cluster_assess.io.yamlsource import SourceMap
from cluster_assess.profile.facts import Fact
from cluster_assess.profile.schema import Profile, SizeBands


def cross_checks(profile: Profile, source: SourceMap) -> tuple[list[Problem], list[Problem]]:
    """Consistency between fields: impossible combinations are errors, doubtful ones warnings."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    firms = profile.facts.firms
    total = firms.total.value if firms.total else None
    path = ("facts", "firms")
    if total is not None and firms.above_scale and firms.above_scale.value > total:
        errors.append(source.problem((*path, "above_scale"),
            msg("chk_above_total", above=firms.above_scale.value, total=total)))
    bands = [(name, getattr(firms.size_bands, name)) for name in SizeBands.model_fields]
    known_bands = [(n, b.value) for n, b in bands if b is not None]
    if total is not None:
        for name, value in known_bands:
            if value > total:
                warnings.append(source.problem((*path, "size_bands", name),
                    msg("chk_band_total", value=value, total=total)))
        if firms.exporters and firms.exporters.value > total:
            warnings.append(source.problem((*path, "exporters"),
                msg("chk_exporters_total", value=firms.exporters.value, total=total)))
    for (n1, v1), (n2, v2) in zip(known_bands, known_bands[1:]):
        if v2 > v1:
            warnings.append(source.problem((*path, "size_bands", n2),
                msg("chk_bands_grow", n1=n1, v1=v1, n2=n2, v2=v2)))
    if profile.year and profile.year > _dt.date.today().year:
        warnings.append(source.problem(("year",), msg("chk_future_year", year=profile.year)))
    warnings.extend(_consistency_warnings(profile, source))
    warnings.extend(chain_warnings(profile, source))
    return errors, warnings


_DEFAULT_RUBRIC: list[Any] = []


def chain_warnings(profile: Profile, source: SourceMap, rubric: Any = None) -> list[Problem]:
    """Chain segments the reference chain does not know (with a "did you mean"), and an industry
    that picks no chain of its own, so that its segments are read against the generic one. Read
    against the built-in rubric unless one is given; only when the profile names segments."""
    chain = profile.facts.chain
    if chain.segments is None and chain.absent is None:
        return []
    if rubric is None:
        if not _DEFAULT_RUBRIC:
            from cluster_assess.rubric.loading import load_rubric

            _DEFAULT_RUBRIC.append(load_rubric())
        rubric = _DEFAULT_RUBRIC[0]
    from cluster_assess.engine.values import chain_aliases, choose_chain

    chosen = choose_chain(rubric, profile.industry)
    if chosen is None:
        return []
    out: list[Problem] = []
    if chosen.id == "generic" and profile.industry:
        named = "; ".join(f"{c.id} ({'、'.join(c.match[:4])})" for c in rubric.value_chains if c.match)
        out.append(source.problem(("industry",), msg("chain_generic", industry=profile.industry,
                                                      chain=chosen.name.zh, named=named)))
    aliases = chain_aliases(chosen)
    for name in ("segments", "absent"):
        fact = getattr(chain, name)
        for i, raw in enumerate(fact.value if fact is not None else ()):
            if str(raw) in aliases or str(raw).lower() in aliases:
                continue
            close = difflib.get_close_matches(str(raw), list(aliases), n=1, cutoff=0.4)
            ids = ", ".join(f"{s.id} ({s.name.zh})" for s in chosen.segments)
            said = msg("chain_unknown_segment", raw=raw, chain_id=chosen.id, chain=chosen.name.zh, ids=ids)
            if close:
                seg = next(s for s in chosen.segments if s.id == aliases[close[0]])
                said = msg("chain_unknown_segment_hint", raw=raw, chain_id=chosen.id, chain=chosen.name.zh,
                           seg=seg.id, seg_name=seg.name.zh, ids=ids)
            out.append(source.problem(("facts", "chain", name, i), said))
    return out


def _consistency_warnings(profile: Profile, source: SourceMap) -> list[Problem]:
    """Figures that can each be right but hardly together: worth a second look, not a refusal."""
    out: list[Problem] = []
    firms, economy = profile.facts.firms, profile.facts.economy

    def value(item: Fact | None) -> Any:
        return item.value if item is not None else None

    def cny(item: Fact | None) -> float | None:
        return float(item.value) if item is not None and item.currency == "CNY" else None  # type: ignore[arg-type]

    above, medium = value(firms.above_scale), value(firms.medium_large)
    if above is not None and medium is not None and medium > above:
        out.append(source.problem(("facts", "firms", "medium_large"),
            msg("chk_medium_above", medium=medium, above=above)))
    total = value(firms.total)
    in_parks = value(profile.facts.parks.firms_in_parks)
    if total is not None and in_parks is not None and in_parks > total:
        out.append(source.problem(("facts", "parks", "firms_in_parks"),
            msg("chk_parks_total", value=in_parks, total=total)))
    sales = cny(economy.sales)
    if sales:
        for name in ("profit", "exports_direct", "exports_indirect"):
            amount = cny(getattr(economy, name))
            if amount is not None and amount > sales:
                out.append(source.problem(("facts", "economy", name),
                    msg("chk_exceeds_sales", name=_label(name), amount=f"{amount:,.0f}",
                        sales=f"{sales:,.0f}")))
        exports = [cny(economy.exports_direct), cny(economy.exports_indirect)]
        written = value(economy.export_share)
        if written is not None and economy.exports_direct is not None and exports[0] is not None:
            implied = sum(x for x in exports if x is not None) / sales
            if abs(implied - written) > 0.15:
                out.append(source.problem(("facts", "economy", "export_share"),
                    msg("chk_export_share", written=f"{written:.0%}", implied=f"{implied:.0%}")))
    if above is not None and total:
        firm_share = above / total
        for name in ("above_scale_output_share", "above_scale_sales_share", "above_scale_employment_share"):
            share = value(getattr(economy, name))
            if share is not None and share + 1e-9 < firm_share:
                out.append(source.problem(("facts", "economy", name),
                    msg("chk_above_share", firm_share=f"{firm_share:.0%}", share=f"{share:.0%}")))
    return out


def _label(name: str) -> dict[str, str]:
    """An economy field's name in both languages, for a message."""
    from cluster_assess.profile.fields import field_specs

    spec = field_specs()[f"facts.economy.{name}"]
    return {"zh": spec.zh, "en": name.replace("_", " ")}
