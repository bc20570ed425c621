"""run(table, spec) → Result: weights, scores, rank ranges and stability, with the conventions used.

The one entry point `rank`, `compare --method` and the comparison report share, so the three can
never disagree. Pure apart from reading an AHP file named in the weights.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cluster_assess.errors import Problem, UserError
from cluster_assess.rank import ahp, ranges, stability
from cluster_assess.rank import weights as wmod
from cluster_assess.rank.messages import tr
from cluster_assess.rank.methods import Method, competition_ranks, prepare, score
from cluster_assess.rank.table import Table


@dataclass(frozen=True)
class Spec:
    """Every choice that changes a ranking; the convention line is written from it."""

    method: Method = field(default_factory=Method)
    weights: str = "entropy"
    entropy: str = "minmax"
    ahp_method: str = "eigenvector"
    ri: str = "saaty"
    allow_inconsistent: bool = False
    complete_only: bool = False
    stability: bool = True
    draws: int = 1000
    spread: float = 0.2
    seed: int = 0


@dataclass(frozen=True)
class AhpLine:
    who: str
    result: ahp.AhpResult


@dataclass
class Result:
    table: Table
    spec: Spec
    weights: np.ndarray
    ranges: ranges.Ranges
    order: list[int]
    groups: list[list[int]]
    has_unknowns: bool
    left_out: list[str] = field(default_factory=list)
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    ahp: list[AhpLine] = field(default_factory=list)
    monte_carlo: stability.MonteCarlo | None = None
    flips: list[stability.Flip | None] | None = None

    def convention(self, lang: str) -> str:
        sep = "；" if lang == "zh" else "; "
        return f"{method_line(self.spec.method, lang)}{sep}{tr('rank_w_line', lang, w=weights_line(self.spec, lang))}"


def run(table: Table, spec: Spec, lang: str = "en") -> Result:
    """Rank the table's alternatives as `spec` says; unknown cells give rank ranges, never guesses."""
    notes: list[tuple[str, dict[str, object]]] = [("rank_dropped", {"crit": c}) for c in table.dropped]
    left_out: list[str] = []
    if spec.complete_only:
        complete = ~np.isnan(table.x).any(axis=1)
        left_out = [n for n, ok in zip(table.names, complete) if not ok]
        if not complete.any():
            raise UserError([Problem(tr("rank_err_complete_none", lang), table.source or None)])
        table = _rows(table, complete)
    if table.x.shape[1] == 0:
        raise UserError([Problem(tr("rank_err_no_criteria", lang), table.source or None)])
    if table.x.shape[0] < 2:
        raise UserError([Problem(tr("rank_err_few", lang), table.source or None)])
    w, ahp_lines, flat = _weights(table, spec, lang)
    notes.extend(("rank_flat", {"crit": table.label(j, lang)}) for j in flat)
    unknown = bool(np.isnan(table.x).any())
    if unknown and spec.weights.split(":")[0] in ("entropy", "critic", "combined"):
        notes.append(("rank_objective_known", {}))
    worst, best = ranges.completions(table.x, table.benefit, table.lo, table.hi, table.cell_lo, table.cell_hi)
    s_worst = score(prepare(worst, table.benefit, spec.method), w)
    s_best = s_worst if not unknown else score(prepare(best, table.benefit, spec.method), w)
    rr = ranges.rank_ranges(s_worst, s_best)
    order = sorted(range(len(table.names)), key=lambda i: (rr.best[i], rr.worst[i], -rr.score_hi[i], i))
    result = Result(table, spec, w, rr, order, ranges.inseparable_groups(rr.best, rr.worst), unknown,
                    left_out, notes, ahp_lines)
    if spec.stability and not unknown:
        prepared = prepare(table.x, table.benefit, spec.method)
        base = competition_ranks(score(prepared, w))
        result.monte_carlo = stability.monte_carlo(prepared, w, base, spec.draws, spec.spread, spec.seed)
        result.flips = stability.one_at_a_time(prepared, w, base)
    return result


def method_line(m: Method, lang: str) -> str:
    if m.name == "topsis":
        return tr("rank_m_topsis", lang, norm=tr(f"rank_norm_{m.normalisation}", lang),
                  dist=tr(f"rank_dist_{m.distance}", lang))
    if m.name == "gra":
        return tr("rank_m_gra", lang, rho=f"{m.rho:g}")
    return tr("rank_m_index", lang)


def weights_line(spec: Spec, lang: str) -> str:
    kind, *rest = spec.weights.split(":", 1)
    if kind in ("rubric", "equal", "critic"):
        return tr(f"rank_w_{kind}", lang)
    if kind == "entropy":
        return tr(f"rank_w_entropy_{spec.entropy}", lang)
    ahp_text = tr("rank_w_ahp", lang, how=tr(f"rank_ahp_{spec.ahp_method}", lang), ri=tr(f"rank_ri_{spec.ri}", lang))
    if kind == "ahp":
        return ahp_text
    _, objective, alpha = parse_combined(rest[0] if rest else "", lang)
    obj = weights_line(Spec(weights=objective, entropy=spec.entropy), lang)
    return tr("rank_w_combined", lang, alpha=f"{alpha:g}", beta=f"{1 - alpha:g}", obj=obj) + f" — {ahp_text}"


def parse_combined(text: str, lang: str) -> tuple[str, str, float]:
    """`ahp:FILE,entropy[,alpha]` → (FILE, entropy, alpha)."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2 or not parts[0].startswith("ahp:") or parts[1] not in ("entropy", "critic"):
        raise UserError([Problem(tr("rank_err_weights", lang, value=f"combined:{text}"), field="--weights")])
    alpha = 0.5
    if len(parts) > 2:
        try:
            alpha = float(parts[2])
        except ValueError:
            alpha = -1.0
        if not 0.0 <= alpha <= 1.0:
            raise UserError([Problem(tr("rank_err_alpha", lang, value=parts[2]), field="--weights")])
    return parts[0][4:], parts[1], alpha


def _weights(table: Table, spec: Spec, lang: str) -> tuple[np.ndarray, list[AhpLine], list[int]]:
    kind, _, rest = spec.weights.partition(":")
    m = table.x.shape[1]
    if kind == "equal":
        return wmod.equal(m).values, [], []
    if kind == "rubric":
        if table.rubric_weights is None:
            raise UserError([Problem(tr("rank_err_rubric_weights", lang), field="--weights")])
        return table.rubric_weights / table.rubric_weights.sum(), [], []
    if kind in ("entropy", "critic"):
        found = _objective(table, kind, spec, lang)
        return found.values, [], found.flat
    if kind == "ahp":
        w, lines = _ahp(table, Path(rest), spec, lang)
        return w, lines, []
    if kind == "combined":
        file, objective, alpha = parse_combined(rest, lang)
        w, lines = _ahp(table, Path(file), spec, lang)
        found = _objective(table, objective, spec, lang)
        return wmod.combine(w, found.values, alpha), lines, found.flat
    raise UserError([Problem(tr("rank_err_weights", lang, value=spec.weights), field="--weights")])


def _objective(table: Table, kind: str, spec: Spec, lang: str) -> wmod.Weights:
    if kind == "entropy" and spec.entropy == "sum":
        negative = np.flatnonzero((np.nan_to_num(table.x, nan=0.0) < 0).any(axis=0))
        if negative.size:
            raise UserError([Problem(tr("rank_err_entropy_negative", lang, crit=table.label(int(negative[0]), lang)),
                                     table.source or None, field="--entropy")])
    found = wmod.entropy(table.x, table.benefit, spec.entropy) if kind == "entropy" else \
        wmod.critic(table.x, table.benefit)
    if np.isnan(found.values).any():
        raise UserError([Problem(tr("rank_err_all_flat", lang), table.source or None, field="--weights")])
    return found


def _ahp(table: Table, path: Path, spec: Spec, lang: str) -> tuple[np.ndarray, list[AhpLine]]:
    from cluster_assess.rank.ahp_io import read_experts

    aliases: dict[str, int] = {}
    for j, crit in enumerate(table.criteria):
        aliases[crit] = j
        aliases.setdefault(crit.split(".", 1)[-1], j)
        for text in (table.labels[j].values() if table.labels else ()):
            aliases.setdefault(text, j)
    experts = read_experts(path, table.criteria, aliases, lang)
    lines = [AhpLine(e.name, ahp.consistency(e.matrix, spec.ahp_method, spec.ri)) for e in experts]
    if len(experts) > 1:
        lines.append(AhpLine(tr("rank_ahp_aggregate", lang),
                             ahp.consistency(ahp.aggregate([e.matrix for e in experts]), spec.ahp_method, spec.ri)))
    if not spec.allow_inconsistent:
        bad = [line for line in lines if line.result.cr is not None and line.result.cr >= ahp.CR_LIMIT]
        if bad:
            raise UserError([Problem(tr("rank_err_inconsistent", lang, who=line.who, cr=line.result.cr,
                                        ri=tr(f"rank_ri_{spec.ri}", lang)), str(path), field="--weights")
                             for line in bad])
    return lines[-1].result.weights, lines


def _rows(table: Table, keep: np.ndarray) -> Table:
    return dataclasses.replace(
        table, names=[n for n, k in zip(table.names, keep) if k], x=table.x[keep],
        cell_lo=None if table.cell_lo is None else table.cell_lo[keep],
        cell_hi=None if table.cell_hi is None else table.cell_hi[keep])
