"""Benchmark cluster-assess against baselines measured in the same run, and print the ratios.

    python bench/run.py            # everything, including 100,000 profiles (several minutes)
    python bench/run.py --quick    # skip the 100k scaling run

Every number is the median of several runs of a whole process (start-up included), timed from
here; peak memory is each child's own maximum resident set size (os.wait4). Baselines:

- the dependency floor: `python -c "import typer, rich, pydantic, yaml"`;
- parsing only: reading the same profile files and `yaml.load` with PyYAML's C loader.

Profiles are generated from the profile's field catalogue (`field_specs()`), with realistic
values written the way reports write them (20多亿元, 30%以上, 是/否), consistent with each other
(no more above-scale firms than firms) so that no profile is rejected or warned about.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
FLOOR = "import typer, rich, pydantic, yaml"
PARSE_ONLY = """
import sys, os, yaml
n = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(('.yaml', '.yml')):
            with open(os.path.join(root, name), encoding='utf-8') as f:
                yaml.load(f.read(), Loader=yaml.CSafeLoader)  # the safe C loader: the baseline
            n += 1
print(n)
"""


# ---------------------------------------------------------------------------------------------
# Running and timing child processes


@dataclass
class Sample:
    wall: float  # seconds
    peak: int  # bytes (maximum resident set size of that child alone)
    code: int


def cli_command() -> list[str]:
    """The installed console script next to this Python, else `python -m cluster_assess`."""
    script = Path(sys.executable).with_name("cluster-assess")
    for candidate in (script, script.with_suffix(".exe")):
        if candidate.exists():
            return [str(candidate)]
    return [sys.executable, "-m", "cluster_assess"]


def run_once(cmd: list[str]) -> Sample:
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
        return Sample(wall, usage.ru_maxrss * scale, os.waitstatus_to_exitcode(status))
    code = child.wait()  # pragma: no cover - Windows: no per-child peak memory
    return Sample(time.perf_counter() - start, 0, code)


def trial(cmd: list[str]) -> tuple[int, str]:
    """Exit status and the last line of stderr: does this command work in this build?"""
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(), check=False)
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return done.returncode, (lines[-1].strip() if lines else "")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("CLUSTER_ASSESS_DEBUG", None)
    env["NO_COLOR"] = "1"
    return env


def median_of(cmd: list[str], repeat: int) -> tuple[float, int, int]:
    """(median wall seconds, largest peak memory, worst exit code) over `repeat` runs."""
    samples = [run_once(cmd) for _ in range(repeat)]
    return (statistics.median(s.wall for s in samples), max(s.peak for s in samples),
            max(s.code for s in samples))


def interleaved(a: list[str], b: list[str], repeat: int) -> tuple[float, float, int]:
    """Median wall time of two commands run alternately, so that a busy moment hits both."""
    run_once(a), run_once(b)  # warm the file cache
    ta, tb, worst = [], [], 0
    for _ in range(repeat):
        sa, sb = run_once(a), run_once(b)
        ta.append(sa.wall)
        tb.append(sb.wall)
        worst = max(worst, sa.code)
    return statistics.median(ta), statistics.median(tb), worst


# ---------------------------------------------------------------------------------------------
# Generating profiles


def _count_text(rng: random.Random, n: int, unit: str = "") -> object:
    style = rng.random()
    if style < 0.5:
        return n
    if style < 0.8:
        return f"{n}多{unit}"
    return f"约{n}{unit}"


def _money(rng: random.Random, amount: float, usd: bool = False) -> str:
    """An amount in 亿元, written as reports write it (precisely enough to keep the figures of one
    profile consistent with each other)."""
    if usd:
        wan = max(1, round(amount * 10000 / 7))  # 亿元 → 万美元 at about 7 yuan a dollar
        return rng.choice([f"{wan}万美元", f"{wan}多万美元"])
    if amount < 10:
        return rng.choice([f"{max(1, round(amount * 10000))}万元", f"约{max(1, round(amount * 10000))}万元"])
    return rng.choice([f"{amount:.1f}亿元", f"{amount:.2f}亿元", f"{round(amount)}亿元左右"])


def _share(rng: random.Random, top: int = 95) -> object:
    pct = rng.randint(1, top)
    return rng.choice([f"{pct}%", f"{pct}%以上", round(pct / 100, 2)])


def _yaml_scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _yaml_value(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(v) for v in value) + "]"
    return _yaml_scalar(value)


class ProfileMaker:
    """Writes realistic, valid profiles: about 60% of the facts and ratings known, of every kind,
    consistent with each other (so no profile is refused or warned about). The computed indicators
    (`facts.measured`, written by `cluster-assess indicators`) are left out, as in a hand-made
    profile."""

    INDUSTRIES: ClassVar[dict[str, list[str]]] = {
        "服装": ["spinning", "weaving_knitting", "dyeing_printing", "fabrics", "accessories",
                 "garment_making", "design", "marketing"],
        "玻璃工艺制品": ["rod_tube", "energy_gas", "forming", "decoration", "packaging", "design_rd",
                     "testing", "trade_export"],
        "五金": ["metal_materials", "forging_casting", "machining", "surface_treatment", "assembly",
                 "packaging_logistics", "design_rd", "testing", "marketing"],
    }
    PROVINCES: ClassVar[list[str]] = [
        "江苏省", "浙江省", "福建省", "广东省", "山东省", "河北省", "河南省", "湖北省", "四川省",
    ]
    SOURCES: ClassVar[list[str]] = [
        "003 · 第三篇 · 一（一）", "县统计局2023年统计公报", "实地调研访谈", "000 · 集群试点",
    ]

    def __init__(self, seed: int = 1) -> None:
        from cluster_assess.profile.fields import field_specs
        from cluster_assess.profile.schema import PLATFORM_KINDS

        self.rng = random.Random(seed)
        self.specs = list(field_specs().values())
        self.platforms = list(PLATFORM_KINDS)

    def make(self, index: int) -> str:
        rng = self.rng
        industry = rng.choice(list(self.INDUSTRIES))
        total = rng.randint(30, 3000)
        self.firms = {"total": total, "above": rng.randint(0, total // 3)}
        self.firms["medium"] = rng.randint(0, self.firms["above"])
        sales = total * rng.uniform(0.01, 0.2)  # 亿元, roughly in step with the number of firms
        direct, indirect = sales * rng.uniform(0.05, 0.4), sales * rng.uniform(0.0, 0.3)
        self.money = {
            "output_value": sales * rng.uniform(1.0, 1.2), "sales": sales,
            "profit": sales * rng.uniform(0.02, 0.1), "exports_direct": direct,
            "exports_indirect": indirect, "main_industry_output": sales * rng.uniform(0.5, 0.9),
            "main_industry_output_prev1": sales * rng.uniform(0.4, 0.8),
            "main_industry_output_prev2": sales * rng.uniform(0.3, 0.7),
            "market_sales": sales * rng.uniform(0.1, 0.5), "special_fund": rng.uniform(0.01, 0.5),
        }
        # one export figure in CNY, the other in USD: the export share then agrees with what is written
        usd = rng.random() < 0.5
        self.usd = {"exports_direct": usd, "exports_indirect": not usd}
        self.export_share = direct / sales
        lines = [
            f"name: 第{index}号{industry}产业集群",
            f"region: {rng.choice(self.PROVINCES)}第{index % 97}县",
            f"industry: {industry}",
            f"year: {rng.randint(2005, 2024)}",
            "facts:",
        ]
        groups: dict[str, list[str]] = {}
        ratings: list[str] = []
        for spec in self.specs:
            if spec.path.startswith("facts.measured."):
                continue
            if rng.random() > 0.6 and spec.path != "facts.firms.total":
                continue
            value = self._value(spec, total, industry)
            if value is None:
                continue
            if spec.kind == "rating":
                if rng.random() < 0.4:
                    ratings.append(f"  {spec.path.split('.', 1)[1]}:\n    score: {value}\n"
                                   f"    evidence: \"调研发现该项表现{'较好' if value >= 3 else '一般'}\"")
                else:
                    ratings.append(f"  {spec.path.split('.', 1)[1]}: {value}")
                continue
            _, group, *rest = spec.path.split(".")
            key = ".".join(rest)
            if "." in key:  # firms.size_bands.over_1m: bands are filled together below
                continue
            text = _yaml_value(value)
            if rng.random() < 0.3:
                text = f"{{value: {text}, source: \"{rng.choice(self.SOURCES)}\"}}"
            groups.setdefault(group, []).append(f"    {key}: {text}")
        if rng.random() < 0.5:
            bands = sorted((rng.randint(0, total) for _ in range(5)), reverse=True)
            names = ["over_1m", "over_5m", "over_10m", "over_50m", "over_100m"]
            groups.setdefault("firms", []).append(
                "    size_bands:\n" + "\n".join(f"      {n}: {b}" for n, b in zip(names, bands)))
        for group, entries in groups.items():
            lines.append(f"  {group}:")
            lines.extend(entries)
        if ratings:
            lines.append("ratings:")
            lines.extend(ratings)
        return "\n".join(lines) + "\n"

    def _value(self, spec: object, total: int, industry: str) -> object:
        rng = self.rng
        path, kind = spec.path, spec.kind  # type: ignore[attr-defined]
        if kind == "rating":
            return rng.randint(0, 5)
        name = path.rsplit(".", 1)[-1]
        if path == "facts.firms.total":
            return _count_text(rng, total, "家")
        if path == "facts.firms.above_scale":
            return self.firms["above"]
        if path == "facts.firms.medium_large":
            return self.firms["medium"]
        if path in ("facts.firms.exporters", "facts.parks.firms_in_parks"):
            return rng.randint(0, total // 2)
        if path == "facts.economy.export_share":
            if not self.usd["exports_direct"]:
                return f"{round(self.export_share * 100)}%"  # agrees with the exports and sales
            return _share(rng, 60)
        if name.startswith("above_scale_") and name.endswith("_share"):
            floor = self.firms["above"] / total  # the larger firms' share is at least their head-count share
            return f"{round(rng.uniform(floor, 1) * 100 + 0.5)}%" if floor < 0.99 else "100%"
        if path == "facts.chain.segments":
            chain = self.INDUSTRIES[industry]
            return rng.sample(chain, rng.randint(1, len(chain)))
        if path == "facts.chain.absent":
            chain = self.INDUSTRIES[industry]
            return rng.sample(chain, rng.randint(1, len(chain)))
        if kind == "quantity":
            return f"{rng.randint(1, 50)}亿{spec.measures[0]}"  # type: ignore[attr-defined]
        if kind == "series":
            start = rng.randint(2010, 2020)
            if spec.choices[0] == "money":  # type: ignore[attr-defined]
                return {start + k: f"{rng.randint(5, 90)}亿元" for k in range(rng.randint(2, 4))}
            return {start + k: _count_text(rng, rng.randint(50, 900), "家") for k in range(rng.randint(2, 4))}
        if path == "facts.platforms.public_service":
            return rng.sample(self.platforms, rng.randint(0, len(self.platforms)))
        if kind == "count":
            return _count_text(rng, rng.randint(0, 500))
        if kind == "money":
            return _money(rng, self.money.get(name, 1.0), usd=self.usd.get(name, False))
        if kind == "share":
            return _share(rng, 8 if "rd_intensity" in path else 95)
        if kind == "rate":
            return f"{rng.randint(-5, 30)}%"
        if kind == "number":
            return round(rng.uniform(0.5, 80), 1)
        if kind == "flag":
            return rng.choice([True, False, "是", "否"])
        if kind == "names":
            return [f"{rng.choice('华恒盛鑫达泰隆兴')}{rng.choice('丰源宇美佳利')}{k}号"
                    for k in range(rng.randint(1, 5))]
        if kind == "choice":
            return rng.choice(spec.choices)  # type: ignore[attr-defined]
        return None


def generate(folder: Path, count: int, seed: int = 1) -> Path:
    maker = ProfileMaker(seed)
    folder.mkdir(parents=True, exist_ok=True)
    width = len(str(count))
    per_dir = 1000  # a thousand files a folder, as a national screening would be organised
    for i in range(count):
        sub = folder / f"part{i // per_dir:03d}"
        if i % per_dir == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"p{i:0{width}d}.yaml").write_text(maker.make(i), encoding="utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# The report


@dataclass
class Row:
    what: str
    ours: str
    baseline: str
    ratio: str
    target: str
    met: str


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def ratio_row(what: str, ours: float, base: float, target: float, code: int = 0) -> Row:
    ratio = ours / base
    met = "FAILED" if code else ("met" if ratio <= target else "not met")
    return Row(what, fmt_s(ours), fmt_s(base), f"{ratio:.2f}×", f"≤ {target:g}×", met)


def print_table(rows: list[Row]) -> None:
    head = Row("measurement", "cluster-assess", "baseline", "ratio", "target", "result")
    table = [head, *rows]
    widths = [max(len(getattr(r, f)) for r in table) for f in Row.__dataclass_fields__]
    for k, row in enumerate(table):
        cells = [getattr(row, f).ljust(w) for f, w in zip(Row.__dataclass_fields__, widths)]
        print("| " + " | ".join(cells) + " |")
        if k == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}")


def command_exists(cli: list[str], name: str) -> bool:
    return run_once([*cli, name, "--help"]).code == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-profile scaling run")
    parser.add_argument("--repeat", type=int, default=11, help="runs of each one-shot command (median)")
    parser.add_argument("--batch-repeat", type=int, default=3, help="runs of each batch command (median)")
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")],
                        help="profile counts to score, e.g. 1000,10000 (default: 1k, 10k and 100k)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    cli = cli_command()
    example = str(ROOT / "examples" / "shishi.yaml")
    if not Path(example).exists():
        example = "example:shishi"
    floor = [sys.executable, "-c", FLOOR]
    print(f"# cluster-assess benchmark, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print(f"command: {' '.join(cli)}; medians of {args.repeat} runs (one-shot) and "
          f"{args.batch_repeat} runs (batches)\n")

    rows: list[Row] = []
    ours, base, code = interleaved([*cli, "score", example, "--format", "json"], floor, args.repeat)
    rows.append(ratio_row("1. score example --format json vs dependency floor", ours, base, 1.3, code))
    ours, base, code = interleaved([*cli, "--help"], floor, args.repeat)
    rows.append(ratio_row("2. --help vs dependency floor", ours, base, 1.1, code))

    work = Path(tempfile.mkdtemp(prefix="cluster-assess-bench-"))
    notes: list[str] = []
    try:
        sizes = args.sizes or ([1_000, 10_000] + ([] if args.quick else [100_000]))
        batch = 10_000 if 10_000 in sizes else max(sizes)  # the size item 3 compares
        smallest = min(sizes)
        start = time.perf_counter()
        folders = {n: generate(work / f"n{n}", n, seed=n) for n in sizes}
        notes.append(f"generated {sum(sizes):,} profiles in {time.perf_counter() - start:.0f} s "
                     f"(mean {sum(f.stat().st_size for f in folders[smallest].rglob('*.yaml')) / smallest:.0f} "
                     "bytes each)")
        # time per profile = (wall time − the start-up of scoring one profile) / n, so that the
        # fixed start-up does not flatter the large runs
        one = next(folders[smallest].rglob("*.yaml"))
        startup, _, _ = median_of([*cli, "score", str(one), "--format", "jsonl"], args.repeat)
        notes.append(f"start-up (scoring one generated profile): {fmt_s(startup)}")
        per_profile: dict[int, tuple[float, int]] = {}
        for n, folder in folders.items():
            repeat = args.batch_repeat if n <= batch else 1
            score = [*cli, "score", str(folder), "--format", "jsonl", "--no-progress"]
            wall, peak, code = median_of(score, repeat)
            per_profile[n] = ((wall - startup) / n, peak)
            if code:
                notes.append(f"scoring {n} profiles FAILED with exit status {code}")
            if n == batch:
                parse_wall, parse_peak, _ = median_of([sys.executable, "-c", PARSE_ONLY, str(folder)], repeat)
                rows.append(ratio_row(f"3. score {n:,} profiles (jsonl) vs parse only (C loader)",
                                      wall, parse_wall, 2.0, code))
                ok = "met" if peak <= 300 * MIB else "not met"
                rows.append(Row(f"3. peak memory scoring {n:,}", f"{peak / MIB:.0f} MiB",
                                f"{parse_peak / MIB:.0f} MiB", "", "≤ 300 MiB", ok))
        first = min(per_profile)
        for n, (each, peak) in per_profile.items():
            growth = each / per_profile[first][0]
            rows.append(Row(f"5. scaling: {n:,} profiles, time per profile",
                            f"{each * 1000:.2f} ms", f"{per_profile[first][0] * 1000:.2f} ms ({first:,})",
                            f"{growth:.2f}×", "flat (≤ 1.2×)", "met" if growth <= 1.2 else "not met"))
            base_peak = per_profile[first][1]
            rows.append(Row(f"5. scaling: {n:,} profiles, peak memory", f"{peak / MIB:.0f} MiB",
                            f"{base_peak / MIB:.0f} MiB ({first:,})", f"{peak / base_peak:.2f}×",
                            "flat (≤ 1.2×)", "met" if peak <= 1.2 * base_peak else "not met"))

        files = sorted(str(p) for p in folders[max(sizes)].rglob("*.yaml"))
        for name, n, extra in (("compare", 500, []),
                               ("report", 200, ["-F", "html", "-o", str(work / "report.html"), "--force"])):
            if not command_exists(cli, name):
                notes.append(f"4. `{name}` of {n} profiles: not available in this build")
                continue
            n = len(files[:n])
            cmd = [*cli, name, *files[:n], *extra]
            code, err = trial(cmd)
            if code:
                notes.append(f"4. `{name}` of {n} profiles: exit status {code} in this build: {err}")
                continue
            wall, peak, code = median_of(cmd, args.batch_repeat)
            rows.append(Row(f"4. {name} of {n} profiles", fmt_s(wall), "", "", "", f"peak {peak / MIB:.0f} MiB"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print_table(rows)
    for line in notes:
        print(f"\n- {line}", end="")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
