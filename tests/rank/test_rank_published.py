"""Published examples, pinned to the precision they were published to (1e-6 where given so)."""

from __future__ import annotations

import numpy as np
import pytest

from cluster_assess.rank import ahp
from cluster_assess.rank import weights as W
from cluster_assess.rank.methods import Method, competition_ranks, prepare, score

# Opricovic & Tzeng (2004), EJOR 156(2) 445-455: three alternatives, f1 a cost, f2 a benefit, equal weights
OT = np.array([[1, 3000], [2, 3750], [5, 4500]], float)
OT_BENEFIT = np.array([False, True])


def test_topsis_opricovic_tzeng_vector_normalisation():
    s = score(prepare(OT, OT_BENEFIT, Method("topsis", "vector")), np.array([0.5, 0.5]))
    assert s == pytest.approx([0.762, 0.722, 0.238], abs=5e-4)  # as published, 3 decimals


def test_topsis_opricovic_tzeng_minmax_normalisation():
    s = score(prepare(OT, OT_BENEFIT, Method("topsis", "minmax")), np.array([0.5, 0.5]))
    assert s == pytest.approx([0.500, 0.617, 0.500], abs=5e-4)
    # exact: A2 sits at (0.375, 0.25) from the ideal (0.5, 0.5) and the anti-ideal (0, 0)
    assert s[1] == pytest.approx(np.hypot(.375, .25) / (np.hypot(.375, .25) + np.hypot(.125, .25)), abs=1e-12)


# Saaty (2008), Int. J. Services Sciences 1(1) 83-98, Table 3: drink consumption in the US
DRINKS = np.array([
    [1, 9, 5, 2, 1, 1, 1 / 2], [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9], [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
    [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3], [1, 9, 4, 2, 1, 2, 1 / 2], [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
    [2, 9, 9, 3, 2, 3, 1]])


def test_ahp_saaty_drink_consumption():
    r = ahp.consistency(DRINKS, "eigenvector", "saaty")
    assert r.weights == pytest.approx([.177, .019, .042, .116, .190, .129, .327], abs=5e-4)
    assert r.cr is not None and r.cr < 0.1
    assert ahp.check_matrix(DRINKS) == []


# Wang & Chin (2011), Information Sciences 181(23) 5240-5248: a 6 × 6 matrix, eigenvector weights
WANG_CHIN = np.array([
    [1, 4, 3, 1, 3, 4], [1 / 4, 1, 7, 3, 1 / 5, 1], [1 / 3, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 6],
    [1, 1 / 3, 5, 1, 1, 1 / 3], [1 / 3, 5, 5, 1, 1, 3], [1 / 4, 1, 6, 3, 1 / 3, 1]])


def test_ahp_wang_chin_weights_and_its_inconsistency():
    r = ahp.consistency(WANG_CHIN, "eigenvector", "saaty")
    assert r.weights == pytest.approx([0.3208, 0.1395, 0.0348, 0.1285, 0.2374, 0.1391], abs=5e-5)
    assert r.cr is not None and r.cr > 0.1  # the example is inconsistent: `rank` refuses it by default


# Elsayed, Dawood & Karthikeyan (2017), IJETT 46(2) 60-66: 12 alternatives × 5 criteria
ELSAYED = np.array([
    [7, 312, 1891, 6613, 163], [72, 88, 728, 941804, 1078], [10, 252, 2594, 3466, 117471],
    [10, 145, 980, 2371, 86329], [65, 54, 350, 501, 29897], [29, 48, 380, 912, 34051],
    [7, 476, 3300, 78470, 2212], [70, 87, 650, 733, 819000], [4, 86, 591, 3015, 103],
    [12, 79, 579, 3240, 96098], [21, 45, 261, 1253, 453], [1, 72, 530, 4333, 0.104800]], float)


def test_entropy_elsayed_sum_normalised():
    w = W.entropy(ELSAYED, np.ones(5, bool), "sum").values
    assert w == pytest.approx([0.104991, 0.069124, 0.071373, 0.449937, 0.304575], abs=1e-6)


# Tuş & Adalı (2019), OPSEARCH 56(2) 528-538: 5 time-and-attendance packages × 6 criteria
TUS_ADALI = np.array([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3],
                      [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4]], float)


def test_critic_tus_adali():
    # the published weights follow from min-max normalising every column as a benefit column
    w = W.critic(TUS_ADALI, np.ones(6, bool)).values
    assert w == pytest.approx([0.157, 0.249, 0.168, 0.121, 0.154, 0.151], abs=5e-4)


# 司守奎、孙玺菁《数学建模算法与应用》灰色关联分析评价例题 (ex14_5): 6 schemes × 9 indicators,
# indicators 2-4 cost, min-max, reference = best, ρ = 0.5, equal weights
TEXTBOOK = np.array([
    [0.83, 0.90, 0.99, 0.92, 0.87, 0.95], [326, 295, 340, 287, 310, 303], [21, 38, 25, 19, 27, 10],
    [3.2, 2.4, 2.2, 2.0, 0.9, 1.7], [0.20, 0.25, 0.12, 0.33, 0.20, 0.09], [0.15, 0.20, 0.14, 0.09, 0.15, 0.17],
    [250, 180, 300, 200, 150, 175], [0.23, 0.15, 0.27, 0.30, 0.18, 0.26], [0.87, 0.95, 0.99, 0.89, 0.82, 0.94]]).T
TEXTBOOK_BENEFIT = np.array([1, 0, 0, 0, 1, 1, 1, 1, 1], bool)


def _textbook_loop(a: np.ndarray, benefit: np.ndarray, rho: float) -> list[float]:
    """The textbook's steps, cell by cell, written independently of cluster_assess.rank.methods."""
    n, m = a.shape
    z = [[0.0] * m for _ in range(n)]
    for j in range(m):
        col = [a[i][j] for i in range(n)]
        lo, hi = min(col), max(col)
        for i in range(n):
            z[i][j] = (a[i][j] - lo) / (hi - lo) if benefit[j] else (hi - a[i][j]) / (hi - lo)
    ref = [max(z[i][j] for i in range(n)) for j in range(m)]
    t = [[ref[j] - z[i][j] for j in range(m)] for i in range(n)]
    dmin = min(min(row) for row in t)
    dmax = max(max(row) for row in t)
    return [sum((dmin + rho * dmax) / (t[i][j] + rho * dmax) for j in range(m)) / m for i in range(n)]


def test_gra_textbook_example():
    s = score(prepare(TEXTBOOK, TEXTBOOK_BENEFIT, Method("gra", rho=0.5)), np.full(9, 1 / 9))
    assert s == pytest.approx(_textbook_loop(TEXTBOOK, TEXTBOOK_BENEFIT, 0.5), abs=1e-12)
    assert s == pytest.approx([0.4630, 0.5560, 0.6491, 0.6527, 0.4936, 0.6130], abs=5e-5)
    assert list(competition_ranks(s)) == [6, 4, 2, 1, 5, 3]  # scheme 4 is the best
