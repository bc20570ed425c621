"""`cluster-assess rank`: rank towns (or any decision table) by AHP, entropy, CRITIC, TOPSIS or grey
relational analysis, naming every convention, with rank ranges over unknowns and rank stability.

The options are defined once here; `compare --method` and `report --method` reuse `ranking_for()`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import (
    ForceOption,
    Lang,
    LangOption,
    OutputOption,
    RubricOption,
    format_option,
    lang_of,
    note,
    warn,
)
from cluster_assess.i18n import msg, say
from cluster_assess.io.output import check_output, open_output, write_bytes


class RankFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class RankMethod(str, Enum):
    index = "index"
    topsis = "topsis"
    gra = "gra"


class Norm(str, Enum):
    vector = "vector"
    minmax = "minmax"
    sum = "sum"


class Distance(str, Enum):
    euclidean = "euclidean"
    manhattan = "manhattan"


class EntropyVariant(str, Enum):
    minmax = "minmax"
    sum = "sum"


class AhpMethod(str, Enum):
    eigenvector = "eigenvector"
    geometric = "geometric"
    sum_product = "sum-product"


class RandomIndex(str, Enum):
    saaty = "saaty"
    alonso_lamata = "alonso-lamata"
    gong_xu = "gong-xu"


WeightsOption = typer.Option(
    None, "--weights", "-w",
    help="rubric | equal | entropy | critic | ahp:FILE | combined:ahp:FILE,entropy[,alpha] "
         "(default: rubric for profiles, entropy for a table).")
NormOption = typer.Option(Norm.vector, "--norm", help="TOPSIS normalisation: vector, minmax or sum.")
DistanceOption = typer.Option(Distance.euclidean, "--distance", help="TOPSIS distance: euclidean or manhattan.")
RhoOption = typer.Option(0.5, "--rho", help="GRA distinguishing coefficient ρ (分辨系数), in (0, 1].")
EntropyOption = typer.Option(EntropyVariant.minmax, "--entropy",
                             help="Entropy variant: minmax (min-max first, cost reversed) or sum (p = x/Σx).")
AhpOption = typer.Option(AhpMethod.eigenvector, "--ahp",
                         help="AHP priorities: eigenvector, geometric or sum-product (和积法).")
RiOption = typer.Option(RandomIndex.saaty, "--ri", help="Random-index table for CR: saaty, alonso-lamata or gong-xu.")
InconsistentOption = typer.Option(False, "--allow-inconsistent", help="Accept AHP matrices with CR ≥ 0.1.")
CompleteOption = typer.Option(False, "--complete-only", help="Rank only alternatives with no unknown value.")
DrawsOption = typer.Option(1000, "--draws", help="Monte Carlo draws for rank stability (0: none).")
SpreadOption = typer.Option(0.2, "--spread", help="Each weight is multiplied by uniform(1−s, 1+s) in a draw.")
SeedOption = typer.Option(0, "--seed", help="Seed of the Monte Carlo draws.")


@app.command()
def rank(
    inputs: list[str] = typer.Argument(None, help="Profiles, folders or spreadsheets of profiles (as for compare).",
                                       show_default=False),
    table: str | None = typer.Option(None, "--table", "-t", help="A decision table (.csv or .xlsx): one row per "
                                     "alternative, one column per criterion."),
    cost: list[str] = typer.Option([], "--cost", help="A cost criterion of --table (lower is better); repeatable."),
    method: RankMethod = typer.Option(RankMethod.topsis, "--method", "-m", help="index, topsis or gra."),
    weights: str | None = WeightsOption,
    norm: Norm = NormOption,
    distance: Distance = DistanceOption,
    rho: float = RhoOption,
    entropy: EntropyVariant = EntropyOption,
    ahp: AhpMethod = AhpOption,
    ri: RandomIndex = RiOption,
    allow_inconsistent: bool = InconsistentOption,
    complete_only: bool = CompleteOption,
    draws: int = DrawsOption,
    spread: float = SpreadOption,
    seed: int = SeedOption,
    figure: str | None = typer.Option(None, "--figure", help="Also write the rank-stability figure (SVG)."),
    format: RankFormat = format_option(RankFormat.text),
    lang: Lang | None = LangOption,
    output: str = OutputOption,
    force: bool = ForceOption,
    rubric: str | None = RubricOption,
) -> None:
    """Rank clusters with a weighted index, TOPSIS or grey relational analysis, with weights from the
    rubric, entropy, CRITIC or AHP; every result names its conventions.

    Unknown values are never imputed: they give rank ranges. Rank stability shows the smallest one-weight
    change that moves each alternative, and how often it keeps its rank under perturbed weights.

    Examples: cluster-assess rank examples/ ; cluster-assess rank --table towns.csv --cost 能耗 --weights entropy
    """
    from cluster_assess.errors import Problem, UserError
    from cluster_assess.rank.messages import tr

    language = lang_of(lang)
    if format is RankFormat.xlsx and output == "-":
        raise UserError([Problem(tr("rank_err_xlsx_stdout", language), field="--output")])
    check_output(output, force)
    if figure is not None:
        check_output(figure, force)
    spec = make_spec(method, weights, norm, distance, rho, entropy, ahp, ri, allow_inconsistent, complete_only,
                     draws, spread, seed, language, table_input=table is not None)
    if table is not None and inputs:
        raise UserError([Problem(tr("rank_err_both", language), field="--table")])
    if table is not None:
        from cluster_assess.rank.table import read_table

        data = read_table(Path(table), list(cost), language)
    elif inputs:
        data = table_from_inputs(list(inputs), rubric)
    else:
        raise UserError([Problem(tr("rank_err_inputs", language), field="INPUT")])
    from cluster_assess.rank.run import run

    result = run(data, spec, language)
    write(result, format.value, language, output, force)
    if figure is not None:
        from cluster_assess.rank.figure import render_svg

        with open_output(figure, force) as stream:
            stream.write(render_svg(result, language))
        note(tr("rank_wrote_figure", language, file=figure))


def make_spec(method: Any, weights: str | None, norm: Any, distance: Any, rho: float, entropy: Any, ahp: Any, ri: Any,
              allow_inconsistent: bool, complete_only: bool, draws: int, spread: float, seed: int, lang: str,
              table_input: bool) -> Any:
    """Check the option values and gather them into a Spec."""
    from cluster_assess.errors import Problem, UserError
    from cluster_assess.rank.messages import tr
    from cluster_assess.rank.methods import Method
    from cluster_assess.rank.run import Spec

    if not 0 < rho <= 1:
        raise UserError([Problem(tr("rank_err_rho", lang), field="--rho")])
    if not 0 <= spread < 1:
        raise UserError([Problem(tr("rank_err_spread", lang), field="--spread")])
    chosen = weights or ("entropy" if table_input else "rubric")
    if chosen.split(":")[0] not in ("rubric", "equal", "entropy", "critic", "ahp", "combined"):
        raise UserError([Problem(tr("rank_err_weights", lang, value=chosen), field="--weights")])
    return Spec(method=Method(method.value, norm.value, distance.value, rho), weights=chosen, entropy=entropy.value,
                ahp_method=ahp.value, ri=ri.value, allow_inconsistent=allow_inconsistent, complete_only=complete_only,
                stability=draws > 0, draws=max(draws, 1), spread=spread, seed=seed)


def table_from_inputs(inputs: list[str], rubric: str | None, keep_going: bool = False) -> Any:
    """Profiles (files, folders, sheets) → assessed → the rubric's decision table."""
    from cluster_assess.compare.comparison import column_keys
    from cluster_assess.engine.assess import assess
    from cluster_assess.io.inputs import load_inputs
    from cluster_assess.rank.profiles import table_from_assessments
    from cluster_assess.rubric.loading import load_rubric

    pack = load_rubric(rubric)
    good, bad = load_inputs(inputs, keep_going=keep_going)
    for item in bad:
        for problem in item.error.problems:  # type: ignore[union-attr]
            typer.echo(say(msg("skipped_problem", problem=problem.say())), err=True)
    for item in good:
        warn(item.loaded.warnings)  # type: ignore[union-attr]
    assessments = [assess(item.loaded.profile, pack) for item in good]  # type: ignore[union-attr]
    return table_from_assessments(assessments, column_keys(assessments), pack)


def ranking_for(assessments: list[Any], rubric: Any, spec: Any, lang: str) -> Any:
    """The ranking `compare --method` and `report --method` add: the same run() as `rank`."""
    from cluster_assess.compare.comparison import column_keys
    from cluster_assess.rank.profiles import table_from_assessments
    from cluster_assess.rank.run import run

    return run(table_from_assessments(assessments, column_keys(assessments), rubric), spec, lang)


def spec_for(method: str, weights: str | None, lang: str) -> Any:
    """A Spec for `compare --method` / `report --method`: rank's defaults, the method and weights given."""
    from cluster_assess.errors import Problem, UserError

    if method not in {m.value for m in RankMethod}:
        raise UserError([Problem(msg("rank_method_choice", method=method), field="--method")])
    return make_spec(RankMethod(method), weights, Norm.vector, Distance.euclidean, 0.5, EntropyVariant.minmax,
                     AhpMethod.eigenvector, RandomIndex.saaty, False, False, 1000, 0.2, 0, lang, table_input=False)


def ranking_text(result: Any, fmt: str, lang: str) -> str:
    """The ranking section in the comparison's own format (text, markdown or csv)."""
    from cluster_assess.rank import render

    return render.render_csv(result, lang) if fmt == "csv" else render.render_text(result, lang, fmt == "markdown")


def write_with_ranking(write: Any, comparison: Any, result: Any, fmt: str, stream: Any, lang: str,
                       plain: bool) -> None:
    """`compare --method`: the comparison as its registered renderer writes it, then the ranking in the
    same format (JSON: one document, the ranking under `rank_method`)."""
    if fmt == "json":
        import io

        buffer = io.StringIO()
        write(comparison, buffer, lang, plain=plain)
        stream.write(with_ranking_json(buffer.getvalue(), result, lang))
        return
    write(comparison, stream, lang, plain=plain)
    stream.write("\n" + ranking_text(result, fmt, lang))


def with_ranking_json(body: str, result: Any, lang: str) -> str:
    """The comparison's JSON with the ranking under a new key, `rank_method`."""
    import json

    from cluster_assess.rank.render import to_json

    data = json.loads(body)
    data["rank_method"] = to_json(result, lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(result: Any, fmt: str, lang: str, output: str, force: bool) -> None:
    from cluster_assess.rank import render

    if fmt == "xlsx":
        from cluster_assess.rank.render_xlsx import workbook_bytes

        write_bytes(output, workbook_bytes(result, lang), force)
        return
    body = {"json": render.render_json, "csv": render.render_csv}.get(fmt)
    text = body(result, lang) if body else render.render_text(result, lang, markdown=fmt == "markdown")
    with open_output(output, force) as stream:
        stream.write(text)
