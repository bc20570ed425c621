"""`compare --method` and the comparison report carry the same ranking as `rank`."""

from __future__ import annotations

import datetime as dt

import numpy as np
from conftest import EXAMPLES

from cluster_assess.rank.figure import report_blocks
from cluster_assess.rank.run import Spec, run
from cluster_assess.rank.table import Table


def test_compare_method_adds_the_ranking(cli):
    run_ = cli("compare", EXAMPLES, "--method", "gra", "-F", "json")
    assert run_.code == 0, run_.err
    assert run_.json()["rank_method"]["convention"].startswith("grey relational analysis")
    text = cli("compare", EXAMPLES, "--method", "topsis", "--lang", "zh")
    assert "TOPSIS，向量归一化，欧氏距离" in text.out


def test_comparison_report_carries_ranking_and_stability_figure(tmp_path):
    from cluster_assess.compare.comparison import column_keys, compare
    from cluster_assess.engine.assess import assess
    from cluster_assess.io.inputs import load_all
    from cluster_assess.render.report_md import render
    from cluster_assess.report.comparison import build_comparison_report
    from cluster_assess.rubric.loading import load_rubric

    pack = load_rubric(None)
    assessments = [assess(p.profile, pack) for p in load_all([EXAMPLES])]
    table = Table(["a", "b", "c"], ["x", "y"], np.array([[1, 2], [2, 1], [3, 3.0]]), np.ones(2, bool))
    blocks = report_blocks(run(table, Spec(weights="equal", draws=100)), "en")
    doc = build_comparison_report(compare(assessments, pack), dict(zip(column_keys(assessments), assessments)),
                                  "en", dt.date(2026, 1, 15), ranking=blocks)
    md = render(doc)
    assert "Rank stability" in md and "TOPSIS, vector normalisation" in md
    assert "share of draws in which each alternative holds each rank" in md


def test_report_method_option(cli, tmp_path):
    out = tmp_path / "r.md"
    assert cli("report", EXAMPLES, "--method", "topsis", "-o", out).code == 0
    assert "TOPSIS" in out.read_text(encoding="utf-8")
