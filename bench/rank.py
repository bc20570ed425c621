"""Benchmark `rank`'s TOPSIS with Monte Carlo stability against a bare numpy TOPSIS on the same matrix.

    python bench/rank.py                 # 5,000 alternatives × 40 criteria, 1,000 draws
    python bench/rank.py --n 500 --m 10  # smaller

Both sides do the same work: 1,000 TOPSIS rankings (vector normalisation, Euclidean distance)
under the same perturbed weights. The baseline is the textbook loop, one numpy TOPSIS per draw;
ours is cluster_assess.rank.stability.monte_carlo. Prints both medians and the ratio (target ≤ 1.5).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from cluster_assess.rank.methods import Method, competition_ranks, prepare, score
from cluster_assess.rank.stability import monte_carlo, perturbed


def bare_topsis(x: np.ndarray, benefit: np.ndarray, w: np.ndarray) -> np.ndarray:
    r = x / np.sqrt((x * x).sum(axis=0))
    v = r * w
    best = np.where(benefit, v.max(axis=0), v.min(axis=0))
    worst = np.where(benefit, v.min(axis=0), v.max(axis=0))
    dp = np.sqrt(((v - best) ** 2).sum(axis=1))
    dm = np.sqrt(((v - worst) ** 2).sum(axis=1))
    return dm / (dp + dm)


def baseline(x: np.ndarray, benefit: np.ndarray, weights: np.ndarray) -> np.ndarray:
    hold = np.zeros(x.shape[0])
    base = None
    for w in weights:
        ranks = np.empty(x.shape[0], dtype=int)
        ranks[np.argsort(-bare_topsis(x, benefit, w))] = np.arange(1, x.shape[0] + 1)
        base = ranks if base is None else base
        hold += ranks == base
    return hold


def ours(x: np.ndarray, benefit: np.ndarray, w: np.ndarray, draws: int) -> None:
    p = prepare(x, benefit, Method("topsis", "vector", "euclidean"))
    monte_carlo(p, w, competition_ranks(score(p, w)), draws=draws, spread=0.2, seed=1)


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--m", type=int, default=40)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    x = rng.uniform(1, 100, size=(args.n, args.m))
    benefit = rng.random(args.m) < 0.7
    w = np.full(args.m, 1 / args.m)
    weights = perturbed(w, args.draws, 0.2, 1)
    t_base = timed(lambda: baseline(x, benefit, weights), args.repeat)
    t_ours = timed(lambda: ours(x, benefit, w, args.draws), args.repeat)
    print(f"matrix: {args.n} × {args.m}, {args.draws} Monte Carlo draws, median of {args.repeat}")
    print(f"bare numpy TOPSIS, one per draw:  {t_base:8.3f} s")
    print(f"cluster-assess rank (TOPSIS + MC): {t_ours:8.3f} s")
    print(f"ratio: {t_ours / t_base:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
