"""Realistic, valid profiles for the benchmark, generated from the profile's field catalogue
(`field_specs()`), with values written the way reports write them (20多亿元, 30%以上, 是/否),
consistent with each other (no more above-scale firms than firms) so that no profile is rejected
or warned about."""

from __future__ import annotations

import random
from pathlib import Path
from typing import ClassVar


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
