"""Benchmark: every LQ of a 10M-row region × industry table, cluster-assess vs bare Polars.

Three timings: `bare` is the minimal Polars LQ query (read + two window sums, no checks);
`bare+keys` adds the region × industry group-by that guarantees one row per cell, i.e. the
key work cluster-assess must also do (it refuses or sums duplicates); `cluster-assess` is
load_region_table (one lazy query streamed in batches, with every input check) +
location_quotients.

Run:  PYTHONPATH=. python bench/indicators_bench.py [--regions 20000 --industries 500 --runs 5]

Each mode runs in its own child process so its peak RSS (ru_maxrss) is its own; inside it,
one cold run (first touch of memory, page faults) and then --runs warm runs are timed around
read + compute (interpreter start-up and imports excluded); the warm median is the headline,
the cold run is reported too. Both modes are treated identically.
Not part of the test suite: it needs ~1 minute and ~2 GiB.

`--flat 1000000,10000000,30000000` instead measures memory against the rows: it writes a firm
register (one row per firm, firms spread at random over --flat-regions × --flat-industries
cells, as a national register lists them), runs `cluster-assess indicators regions
--sum-duplicates` on it as a user does, and reports each run's peak RSS. The register is written
by Polars' streaming engine, so generating 30M rows needs little memory, about 0.5 GB of disk.

Why 20,000 regions: the issue's "about 3,000 regions × 500 industries" is only 1.5M distinct
cells; 10M rows of distinct region × industry cells needs ~20,000 regions (county/township
level) × 500 industries. `--regions 3000 --repeat 7` instead writes 3,000 × 500 cells with
repeated rows (e.g. establishment records) that cluster-assess must sum (--sum-duplicates).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generate(path: Path, regions: int, industries: int, repeat: int, seed: int = 7) -> int:
    """Write a long table region, industry, employment (lognormal, like real employment), in a
    child process: a parent grown by building the table would lend its resident size to every
    child forked after it (Linux starts a forked child's ru_maxrss at the parent's), and the
    peaks measured would be the generator's."""
    subprocess.run([sys.executable, __file__, "--make-table", str(path), str(regions), str(industries),
                    str(repeat), str(seed)], check=True)
    return regions * industries * repeat


def _write_table(path: Path, regions: int, industries: int, repeat: int, seed: int) -> int:
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(seed)
    n = regions * industries * repeat
    reg = np.repeat(np.arange(regions, dtype=np.int32), industries * repeat)
    ind = np.tile(np.repeat(np.arange(industries, dtype=np.int32), repeat), regions)
    emp = rng.lognormal(3.0, 1.5, n).round(0)
    df = pl.DataFrame({"region": reg, "industry": ind, "employment": emp}).with_columns(
        pl.format("R{}", pl.col("region")).alias("region"),
        pl.format("I{}", pl.col("industry")).alias("industry"),
    )
    if path.suffix == ".csv":
        df.write_csv(path)
    else:
        df.write_parquet(path)
    return n


def firm_register(path: Path, rows: int, regions: int, industries: int) -> None:
    """One row per firm: region, industry and employment drawn from hashes of the firm number,
    written by a streamed query (memory stays small however many rows)."""
    import polars as pl

    firm = pl.col("firm")
    lf = pl.LazyFrame().select(pl.int_range(0, rows, dtype=pl.Int64).alias("firm")).with_columns(
        pl.format("R{}", firm.hash(1) % regions).alias("region"),
        pl.format("I{}", firm.hash(2) % industries).alias("industry"),
        (firm.hash(3) % 500 + 1).cast(pl.Float64).alias("employment"),
    )
    if path.suffix == ".csv":
        lf.sink_csv(path)
    else:
        lf.sink_parquet(path)


def peak_of(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(peak RSS in MiB, seconds, exit status) of one child process, measured by wait4 so that
    each run reports its own peak, not the largest of all children so far."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start, proc.returncode


#: The bare Polars query for the same cells, streamed: the baseline printed beside each peak.
BARE_SUM = """import sys, polars as pl
p = sys.argv[1]
lf = pl.scan_csv(p) if p.endswith(".csv") else pl.scan_parquet(p)
lf.group_by("region", "industry").agg(pl.col("employment").sum()).collect(engine="streaming")
"""


def flat(sizes: list[int], regions: int, industries: int, csv: bool) -> None:
    """Peak memory of `indicators regions` on firm registers of growing length."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    print(f"firm registers over {regions:,} regions × {industries} industries "
          f"({regions * industries:,} cells); {os.cpu_count()} CPUs")
    peaks = []
    with tempfile.TemporaryDirectory() as d:
        for n in sizes:
            path = Path(d) / ("register.csv" if csv else "register.parquet")
            # written by a child: a parent grown by writing it would lend its resident size to
            # every child forked after (Linux starts a forked child's ru_maxrss at the parent's)
            subprocess.run([sys.executable, __file__, "--make-register", str(path), str(n), str(regions),
                            str(industries)], check=True, env=env)
            cmd = [sys.executable, "-m", "cluster_assess", "indicators", "regions", str(path),
                   "--region", "region", "--industry", "industry", "--value", "employment",
                   "--sum-duplicates", "--table", "regions", "-F", "csv",
                   "-o", str(Path(d) / "out.csv"), "--force"]
            peak, secs, _ = peak_of(cmd, env)
            peaks.append(peak)
            bare, bare_secs, _ = peak_of([sys.executable, "-c", BARE_SUM, str(path)], env)
            print(f"{n:>12,} rows  {path.stat().st_size / 2**20:>8,.0f} MiB {path.suffix[1:]:<7}  "
                  f"peak RSS {peak:>6,.0f} MiB  {secs:6.1f} s   (Polars' streaming group-by alone: "
                  f"{bare:,.0f} MiB, {bare_secs:.1f} s)", flush=True)
            path.unlink()
    print(f"largest peak ÷ smallest: {max(peaks) / min(peaks):.2f}× over "
          f"{max(sizes) / min(sizes):.0f}× the rows (flat: ≤ 1.2×) — "
          f"{'OK' if max(peaks) / min(peaks) <= 1.2 else 'MISS'}")


def _once(mode: str, path: str, sum_dup: bool) -> int:
    import polars as pl

    from cluster_assess.indicators import regions as rg

    if mode in ("bare", "bare+keys"):
        v = pl.col("employment")
        lf = pl.scan_csv(path) if path.endswith(".csv") else pl.scan_parquet(path)
        if sum_dup or mode == "bare+keys":
            # the same key work cluster-assess does: one row per region × industry
            lf = lf.group_by("region", "industry").agg(v.sum())
        out = lf.select(
            "region", "industry",
            ((v / v.sum().over("region")) / (v.sum().over("industry") / v.sum())).alias("lq"),
        ).collect()
    elif mode == "cluster-assess":
        table = rg.load_region_table(Path(path), "region", "industry", "employment",
                                     sum_duplicates=sum_dup)
        out = rg.location_quotients(table.cells, table.codes)
    else:  # "all-indicators": every region-side indicator, for information
        table = rg.load_region_table(Path(path), "region", "industry", "employment",
                                     sum_duplicates=sum_dup)
        out = rg.compute(table).cells
    return out.height


def child(mode: str, path: str, sum_dup: bool, runs: int) -> None:
    """One process per mode: a cold first run, then `runs` warm runs; prints JSON."""
    times = []
    rows = 0
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        rows = _once(mode, path, sum_dup)
        times.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"cold": times[0], "warm": times[1:], "rows": rows, "peak_mib": peak}))


def measure(mode: str, path: Path, runs: int, sum_dup: bool, env: dict[str, str] | None = None) -> dict[str, float]:
    """One child process per mode; `env` picks the package timed (default: this source tree)."""
    if env is None:
        env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    cmd = [sys.executable, __file__, "--child", mode, str(path), "--runs", str(runs)]
    if sum_dup:
        cmd.append("--sum-duplicates")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    r = json.loads(p.stdout.strip().splitlines()[-1])
    return {
        "median_s": statistics.median(r["warm"]) if r["warm"] else r["cold"],
        "min_s": min(r["warm"] or [r["cold"]]),
        "cold_s": r["cold"],
        "peak_mib": r["peak_mib"],
        "rows": r["rows"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=int, default=20_000)
    ap.add_argument("--industries", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=1, help="rows per cell (>1 needs summing)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--csv", action="store_true", help="write CSV instead of Parquet")
    ap.add_argument("--all", action="store_true", help="also time every region indicator")
    ap.add_argument("--flat", type=lambda t: [int(x) for x in t.split(",")], default=None,
                    help="row counts of firm registers to measure peak memory on, e.g. 1000000,10000000")
    ap.add_argument("--flat-regions", type=int, default=2_000)
    ap.add_argument("--flat-industries", type=int, default=100)
    ap.add_argument("--make-register", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--make-table", nargs=5, help=argparse.SUPPRESS)
    ap.add_argument("--child", nargs=2, metavar=("MODE", "PATH"), help=argparse.SUPPRESS)
    ap.add_argument("--sum-duplicates", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], a.child[1], a.sum_duplicates, a.runs)
        return
    if a.make_table:
        _write_table(Path(a.make_table[0]), *(int(x) for x in a.make_table[1:]))
        return
    if a.make_register:
        path, n, regions, industries = a.make_register
        firm_register(Path(path), int(n), int(regions), int(industries))
        return
    if a.flat:
        flat(a.flat, a.flat_regions, a.flat_industries, a.csv)
        return
    sum_dup = a.repeat > 1
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / ("table.csv" if a.csv else "table.parquet")
        t0 = time.perf_counter()
        n = generate(path, a.regions, a.industries, a.repeat)
        print(f"table: {n:,} rows ({a.regions:,} regions × {a.industries} industries × "
              f"{a.repeat}), {path.suffix[1:]} {path.stat().st_size / 2**20:,.0f} MiB, "
              f"generated in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} CPUs, "
              f"polars {__import__('polars').__version__}, {a.runs} runs each")
        modes = ["bare", "bare+keys", "cluster-assess"] + (["all-indicators"] if a.all else [])
        res = {m: measure(m, path, a.runs, sum_dup) for m in modes}
    for m, r in res.items():
        print(f"{m:>15}: median {r['median_s']:.2f} s (min {r['min_s']:.2f}, cold first run "
              f"{r['cold_s']:.2f}), "
              f"peak RSS {r['peak_mib']:,.0f} MiB, {r['rows']:,} LQs")
    keys = res["cluster-assess"]["median_s"] / res["bare+keys"]["median_s"]
    print(f"vs bare query with the same region × industry key pass: {keys:.2f}×")
    ratio = res["cluster-assess"]["median_s"] / res["bare"]["median_s"]
    cold = res["cluster-assess"]["cold_s"] / res["bare"]["cold_s"]
    print(f"cold first-run ratio: {cold:.2f}×")
    peak = res["cluster-assess"]["peak_mib"]
    print(f"overhead: {ratio:.2f}× minimal bare Polars LQ query (target ≤ 1.5×) — "
          f"{'OK' if ratio <= 1.5 else 'MISS'}")
    print(f"peak memory: {peak:,.0f} MiB (target ≤ 1,536 MiB) — "
          f"{'OK' if peak <= 1536 else 'MISS'}")


if __name__ == "__main__":
    main()
