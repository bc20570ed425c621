"""The Profile: what is known about one cluster. Every field is optional; missing means unknown.

A fact may be written plainly (`total: 200`, `sales: 20多亿元`) or with its provenance
(`total: {value: 200多家, source: "003 · 第三篇 · 一（一）"}`). Either way it becomes a `Fact`, which
keeps the number, how approximate the text was, the currency and where it came from.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from cluster_assess.errors import Problem, UserError
from cluster_assess.io.amounts import AmountError, parse_amount
from cluster_assess.io.pydantic_errors import clean_loc, describe_type, translate
from cluster_assess.io.yamlsource import SourceMap, read_yaml_file

FactValue = float | int | bool | str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """One known fact: its value plus what the profile said about its precision and origin."""

    value: FactValue
    kind: str
    approx: str | None = None
    currency: str | None = None
    raw: str | None = None
    source: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": list(self.value) if isinstance(self.value, tuple) else self.value}
        for key in ("approx", "currency", "raw", "source", "note"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


_PROVENANCE_KEYS = {"value", "source", "note"}


def _unwrap(raw: Any) -> tuple[Any, str | None, str | None]:
    """Split the `{value, source, note}` form; anything else is a bare value."""
    if isinstance(raw, dict) and "value" in raw:
        extra = set(raw) - _PROVENANCE_KEYS
        if extra:
            raise ValueError(
                f"unknown key {sorted(extra)[0]!r} beside 'value'; a fact may carry only "
                "value, source and note"
            )
        for key in ("source", "note"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                raise ValueError(f"'{key}' must be text")
        return raw["value"], raw.get("source"), raw.get("note")
    if isinstance(raw, dict):
        raise ValueError("expected a value, or a mapping with 'value' (and optional source, note)")
    return raw, None, None


@dataclass(frozen=True)
class FactKind:
    """Annotation marker naming a fact's kind (count, money, share…) for templates and docs."""

    name: str
    choices: tuple[str, ...] = ()


def _fact_parser(kind: str, parse: Callable[[Any], tuple[FactValue, dict[str, Any]]]) -> Any:
    def validate(raw: Any) -> Any:
        if isinstance(raw, Fact):
            return raw
        value, source, note = _unwrap(raw)
        if value is None:
            return None
        try:
            parsed, extra = parse(value)
        except AmountError as exc:
            raise ValueError(str(exc)) from None
        return Fact(
            parsed, kind, source=source, note=note,
            raw=value if isinstance(value, str) else None, **extra,
        )

    return BeforeValidator(validate)


def _count(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.currency or amount.percent:
        raise AmountError(f"{value!r} is an amount of money or a share; this field is a count")
    if amount.value < 0:
        raise AmountError(f"a count cannot be negative (got {value!r})")
    if amount.value != int(amount.value):
        raise AmountError(f"a count must be a whole number (got {value!r})")
    return int(amount.value), {"approx": amount.approx}


def _money(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.percent:
        raise AmountError(f"{value!r} is a share; this field is an amount of money")
    if amount.unit and not amount.currency:
        raise AmountError(f"{value!r} is a count ({amount.unit}); this field is an amount of money")
    if amount.value < 0:
        raise AmountError(f"an amount of money here cannot be negative (got {value!r})")
    return amount.value, {"approx": amount.approx, "currency": amount.currency or "CNY"}


def _bare_fraction_check(value: Any, amount: Any, what: str) -> None:
    """A bare 30 in a share or rate field could mean 30% or 30 times: make the user say which."""
    if amount.percent or amount.unit or amount.currency:
        return
    size = abs(amount.value)
    if size >= 1 and size <= 100:
        shown = f"{amount.value:g}"
        raise AmountError(
            f"{value!r} is ambiguous for a {what}: write '{shown}%' for {shown} per cent, "
            f"or a fraction (e.g. {amount.value / 100:g})"
        )
    if size > 100:
        raise AmountError(
            f"{value!r} is not a {what}: write a percentage such as '30%' or a fraction such as 0.3"
        )


def _share(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.currency or (amount.unit and not amount.percent):
        raise AmountError(f"{value!r} is not a share; write '30%' or 0.3")
    _bare_fraction_check(value, amount, "share")
    if not 0 <= amount.value <= 1:
        raise AmountError(f"a share must lie between 0% and 100% (got {value!r})")
    return amount.value, {"approx": amount.approx}


def _rate(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.currency or (amount.unit and not amount.percent):
        raise AmountError(f"{value!r} is not a rate; write '30%' or 0.3")
    _bare_fraction_check(value, amount, "rate")
    return amount.value, {"approx": amount.approx}


def _number(value: Any) -> tuple[FactValue, dict[str, Any]]:
    amount = parse_amount(value)
    if amount.value < 0:
        raise AmountError(f"cannot be negative (got {value!r})")
    return amount.value, {"approx": amount.approx}


_TRUE = {"true", "yes", "y", "是", "有", "已", "已建", "已有", "已设立", "已成立"}
_FALSE = {"false", "no", "n", "否", "无", "没有", "未", "未建", "尚无"}


def _flag(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if isinstance(value, bool):
        return value, {}
    if isinstance(value, str) and value.strip().lower() in _TRUE:
        return True, {}
    if isinstance(value, str) and value.strip().lower() in _FALSE:
        return False, {}
    raise AmountError(f"expected true or false (是/否), got {value!r}")


def _names(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[、,，;；]\s*", value) if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise AmountError("expected a list of names")
    return tuple(str(v).strip() for v in value), {}


def _real(value: Any) -> tuple[FactValue, dict[str, Any]]:
    """Any number, negative too (e.g. the Ellison–Glaeser γ is below 0 for dispersed industries)."""
    return parse_amount(value).value, {}


def _text(value: Any) -> tuple[FactValue, dict[str, Any]]:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise AmountError("expected text")
    return str(value), {}


def _choice(*allowed: str) -> Callable[[Any], tuple[FactValue, dict[str, Any]]]:
    def parse(value: Any) -> tuple[FactValue, dict[str, Any]]:
        if value not in allowed:
            hint = difflib.get_close_matches(str(value), allowed, n=1)
            did = f"; did you mean {hint[0]!r}?" if hint else ""
            raise AmountError(f"{value!r} is not one of {', '.join(allowed)}{did}")
        return value, {}

    return parse


Count = Annotated[Fact | None, _fact_parser("count", _count), FactKind("count")]
Money = Annotated[Fact | None, _fact_parser("money", _money), FactKind("money")]
Share = Annotated[Fact | None, _fact_parser("share", _share), FactKind("share")]
Rate = Annotated[Fact | None, _fact_parser("rate", _rate), FactKind("rate")]
Number = Annotated[Fact | None, _fact_parser("number", _number), FactKind("number")]
Flag = Annotated[Fact | None, _fact_parser("flag", _flag), FactKind("flag")]
Names = Annotated[Fact | None, _fact_parser("names", _names), FactKind("names")]
Text = Annotated[Fact | None, _fact_parser("text", _text), FactKind("text")]
Real = Annotated[Fact | None, _fact_parser("real", _real), FactKind("real")]


def _choice_type(*allowed: str) -> Any:
    """A fact that takes one of a fixed set of words; the words are listed for templates and docs."""
    return Annotated[Fact | None, _fact_parser("choice", _choice(*allowed)), FactKind("choice", allowed)]


Tier = _choice_type("none", "strong", "top")
Origin = _choice_type("professional_market", "export_advantage", "leading_firm")
Grade = _choice_type("low", "mid_low", "mid", "mid_high", "high")


def fact(zh: str, en: str, unit: str = "", better: str = "none", why: str = "") -> Any:
    """Declare a fact field: its meaning in both languages, unit, which direction is better, and
    the source passage that makes it matter (used by `init`, docs and the property tests)."""
    return Field(
        default=None,
        description=en,
        json_schema_extra={"zh": zh, "en": en, "unit": unit, "better": better, "why": why},
    )


class Strict(BaseModel):
    # defer_build: the fact groups are only ever validated inside Profile, so their validators are
    # built once, as part of Profile's, when the first profile is read (measured: ~5% off start-up)
    model_config = ConfigDict(
        extra="forbid", arbitrary_types_allowed=True, frozen=True, populate_by_name=True, defer_build=True
    )


class SizeBands(Strict):
    """Firms by annual sales, as 003 · 第三篇 · 一（一） counts them."""

    over_1m: Count = fact("年产销100万元以上企业数", "firms with annual sales above 1M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_5m: Count = fact("500万元以上企业数", "firms above 5M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_10m: Count = fact("1000万元以上企业数", "firms above 10M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_50m: Count = fact("5000万元以上企业数", "firms above 50M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_100m: Count = fact("产销过亿元企业数", "firms above 100M CNY", "firms", "higher", "003 · 第四篇 · 三（二）")


class Firms(Strict):
    total: Count = fact("企业总数", "number of firms in the cluster", "firms", "none", "003 · 第三篇 · 一（一）")
    above_scale: Count = fact("规模以上企业数", "above-scale firms (规模以上)", "firms", "higher", "003 · 第一篇 · 特征（4）")
    medium_large: Count = fact("大中型企业数", "medium and large firms", "firms", "higher", "003 · 第三篇 · 二（一）")
    size_bands: SizeBands = Field(default_factory=SizeBands)
    leading: Names = fact("龙头/骨干企业", "leading firms by name", "names", "none", "003 · 第三篇 · 一（二）")
    exporters: Count = fact("有自营出口实绩的企业数", "firms exporting directly", "firms", "higher", "003 · 第三篇 · 一（一）")
    supporting: Count = fact("配套企业数", "supporting (配套) firms: materials, packaging, services", "firms", "higher", "003 · 第三篇 · 一（三）")
    family_managed_share: Share = fact("家族式管理企业占比", "share of firms under family-style management", "share", "lower", "003 · 第五篇 · 4 · 二是")
    labour_intensive: Flag = fact("以劳动密集型企业为主", "mostly labour-intensive firms", "yes/no", "lower", "003 · 第一篇 · 问题（1）")
    homogeneous_competition: Flag = fact("同质化/恶性竞争严重", "serious homogeneous or vicious competition", "yes/no", "lower", "003 · 第一篇 · 特征（3）")
    price_competition: Flag = fact("竞争以价格战为主", "competition mostly on price", "yes/no", "lower", "003 · 第一篇 · 特征（3）")
    sme_dominant: Flag = fact("以中小企业为主、无全国突出的单个企业", "SMEs make up the cluster and no single firm stands out nationally", "yes/no", "none", "003 · 第一篇 · 特征（2）")
    origin: Origin = fact("集群形成的依托", "what the cluster grew around", "professional_market / export_advantage / leading_firm", "none", "003 · 第一篇 · 引言")


class Economy(Strict):
    output_value: Money = fact("工业总产值", "gross industrial output value", "CNY", "higher", "003 · 第一篇 · 特征（4）")
    sales: Money = fact("销售收入/产销规模", "sales revenue", "CNY", "higher", "003 · 第三篇 · 一（一）")
    profit: Money = fact("利润总额", "total profit", "CNY", "higher", "003 · 第一篇 · 特征（4）")
    employees: Count = fact("从业人员", "people employed", "people", "none", "003 · 第一篇 · 特征（4）")
    exports_direct: Money = fact("自营出口额", "direct exports per year", "USD or CNY", "higher", "003 · 第三篇 · 一（一）")
    exports_indirect: Money = fact("供货出口额", "indirect (supplied-for-export) exports per year", "USD or CNY", "higher", "003 · 第三篇 · 一（一）")
    export_share: Share = fact("出口占销售比重", "exports as a share of sales", "share", "none", "003 · 第三篇 · 二（四）")
    growth_rate: Rate = fact("年均增长率", "average annual growth of output", "rate", "higher", "003 · 第三篇 · 一（二）")
    above_scale_output_share: Share = fact("规上企业产值占比", "above-scale firms' share of output value", "share", "none", "003 · 第一篇 · 特征（4）")
    above_scale_sales_share: Share = fact("规上企业销售收入占比", "above-scale firms' share of sales", "share", "none", "003 · 第一篇 · 特征（4）")
    above_scale_profit_share: Share = fact("规上企业利润占比", "above-scale firms' share of profit", "share", "none", "003 · 第一篇 · 特征（4）")
    above_scale_employment_share: Share = fact("规上企业职工占比", "above-scale firms' share of jobs", "share", "none", "003 · 第一篇 · 特征（4）")
    product_grade: Grade = fact("产品档次", "product grade", "low / mid_low / mid / mid_high / high", "higher", "003 · 第一篇 · 问题（1）")
    main_products: Names = fact("主要产品", "main products", "names", "none", "003 · 第三篇 · 一（一）")
    export_markets: Names = fact("主要出口市场", "main export markets", "names", "none", "003 · 第三篇 · 二（四）")
    factor_shortage: Flag = fact("土地、劳动力、能源等要素短缺", "land, labour, energy or other factor resources are short", "yes/no", "lower", "000 · 存在问题（6）")
    main_industry_output: Money = fact("主导产业产值（最近一年）", "output of the main industry, latest year", "CNY", "higher", "miit-2022 · 条件（1）")
    main_industry_output_prev1: Money = fact("主导产业产值（上一年）", "output of the main industry, the year before", "CNY", "higher", "miit-2022 · 条件（1）")
    main_industry_output_prev2: Money = fact("主导产业产值（前两年）", "output of the main industry, two years before", "CNY", "higher", "miit-2022 · 条件（1）")
    main_industry_share: Share = fact("主导产业产值占集群工业总产值比重", "main industry's share of the cluster's output", "share", "higher", "miit-2022 · 条件（2）")
    sme_output_share: Share = fact("中小企业产值占主导产业产值比重", "SMEs' share of the main industry's output", "share", "none", "miit-2022 · 条件（3）")


class Chain(Strict):
    segments: Names = fact("已有的产业链环节", "value-chain segments present (ids of the rubric's reference chain)", "segment ids", "higher", "003 · 第五篇 · 3")
    division_of_labour: Flag = fact("企业间有上下游分工协作", "firms divide work along the chain", "yes/no", "higher", "003 · 第三篇 · 二（二）")


class Brands(Strict):
    national_well_known: Count = fact("中国驰名商标数", "national well-known trademarks (驰名商标)", "trademarks", "higher", "003 · 第一篇 · 问题（3）")
    provincial_famous: Count = fact("省级著名商标/名牌数", "provincial famous trademarks or brands", "brands", "higher", "003 · 第三篇 · 二（三）")
    municipal_or_above: Count = fact("市级以上品牌数", "brands recognised at city level or above", "brands", "higher", "003 · 第三篇 · 二（三）")
    international: Count = fact("国际知名品牌数", "internationally known brands", "brands", "higher", "003 · 第一篇 · 问题（3）")
    regional_brand: Flag = fact("已形成区域品牌", "a regional brand (区域品牌) exists", "yes/no", "higher", "003 · 第二篇 · 二（二）")
    cluster_titles: Names = fact("国家/行业授予的集群称号", "titles held, e.g. 名城名镇, national bases", "names", "none", "000 · 集群试点")


class Innovation(Strict):
    rd_centres: Count = fact("研发中心数", "R&D centres serving the cluster", "centres", "higher", "003 · 第三篇 · 四（二）")
    research_partnerships: Count = fact("产学研合作项目/机构数", "research partnerships with universities or institutes", "partnerships", "higher", "003 · 第三篇 · 二（一）")
    new_products_per_year: Count = fact("年开发新产品数", "new products developed per year", "products", "higher", "003 · 第三篇 · 一（一）")
    rd_intensity: Share = fact("研发投入占销售收入比重", "R&D spending as a share of sales", "share", "higher", "000 · 存在问题（5）")
    patents: Count = fact("有效专利数", "patents held", "patents", "higher", "000 · 存在问题（5）")
    technology_exports: Flag = fact("向集群外输出技术", "technology is exported to firms outside the cluster", "yes/no", "higher", "003 · 第二篇 · 二（三）")
    informatization_neglected: Flag = fact("企业对信息化重视不够", "firms neglect informatization", "yes/no", "lower", "003 · 第一篇 · 问题（2）")
    design_weak: Flag = fact("设计能力差", "design capacity is poor", "yes/no", "lower", "003 · 第一篇 · 问题（2）")
    imitation_dominant: Flag = fact("以模仿为主", "imitation dominates over innovation", "yes/no", "lower", "003 · 第三篇 · 二（三）")


class Talent(Strict):
    designers: Count = fact("设计师人数", "designers employed", "people", "higher", "003 · 第一篇 · 问题（4）")
    designer_shortage: Flag = fact("设计人才紧缺", "designers are in short supply", "yes/no", "lower", "003 · 第一篇 · 问题（4）")
    manager_shortage: Flag = fact("管理人才紧缺", "managers are in short supply", "yes/no", "lower", "003 · 第一篇 · 问题（4）")
    training_centres: Count = fact("人才培训中心数", "training centres", "centres", "higher", "003 · 第四篇 · 五（一）")


PLATFORM_KINDS = (
    "information", "training", "testing", "shared_equipment", "ecommerce", "rd", "design", "government_liaison",
)


class Platforms(Strict):
    public_service: Names = fact("公共服务平台（信息、培训、检测、共享设备、电商、研发…）", "public service platforms present: " + ", ".join(PLATFORM_KINDS), "platform kinds", "higher", "003 · 第一篇 · 建议（2）")


class Markets(Strict):
    professional_markets: Count = fact("专业市场数", "professional (wholesale) markets", "markets", "higher", "003 · 第一篇 · 引言")
    wholesale_streets: Count = fact("专业批发街数", "wholesale streets", "streets", "higher", "003 · 第一篇 · 引言")
    shops: Count = fact("商铺数", "shops", "shops", "higher", "003 · 第一篇 · 引言")
    traders: Count = fact("从商人员", "people in trade", "people", "higher", "003 · 第一篇 · 引言")
    market_sales: Money = fact("专业市场年销售额", "annual sales through the markets", "CNY", "higher", "003 · 第一篇 · 引言")
    overseas_network: Flag = fact("有海外营销网络", "an overseas sales network", "yes/no", "higher", "003 · 第一篇 · 引言")
    ecommerce: Flag = fact("电子商务渠道", "sells through e-commerce", "yes/no", "higher", "003 · 第一篇 · 建议（2）")
    wholesale_only: Flag = fact("销售渠道以批发市场为主", "sales channel is mainly the wholesale market", "yes/no", "lower", "003 · 第一篇 · 建议（3）")


class Institutions(Strict):
    cluster_plan: Flag = fact("有产业集群发展规划", "a cluster development plan exists", "yes/no", "higher", "003 · 第四篇 · 六（一）")
    special_fund: Money = fact("产业集群发展专项资金（每年）", "special cluster fund per year", "CNY", "higher", "003 · 第四篇 · 六（二）")
    industry_association: Flag = fact("有行业协会/商会", "an industry association or chamber exists", "yes/no", "higher", "003 · 第四篇 · 六（三）")
    credit_guarantee: Flag = fact("有信用担保机构", "a credit guarantee institution serves the firms", "yes/no", "higher", "003 · 第四篇 · 五（二）")
    sme_credit_database: Flag = fact("有中小企业信用数据库", "an SME credit database exists", "yes/no", "higher", "003 · 第四篇 · 五（二）")
    government_guidance: Flag = fact("政府有意识地引导集群发展", "the local government consciously guides the cluster", "yes/no", "higher", "000 · 发展阶段")
    organised_upgrading: Flag = fact("有组织的提升（联盟、协同创新、示范集群工作）", "organised upgrading: alliances, joint innovation, demonstration work", "yes/no", "higher", "000 · 发展阶段")
    major_accident_3y: Flag = fact("近三年发生重大安全、质量或环境事故", "a major safety, quality or environmental accident in the last three years", "yes/no", "lower", "miit-2022 · 条件（6）")
    financing_difficulty: Flag = fact("企业融资困难", "firms find financing hard", "yes/no", "lower", "003 · 第五篇 · 4 · 三是")


class Parks(Strict):
    count: Count = fact("产业园区数", "industrial parks serving the cluster", "parks", "higher", "003 · 第三篇 · 一（四）")
    firms_in_parks: Count = fact("入园企业数", "firms located in the parks", "firms", "higher", "003 · 第三篇 · 一（四）")
    area_km2: Number = fact("集群占地面积（平方公里）", "cluster area", "km²", "lower", "miit-2022 · 条件（5）")
    infrastructure_complete: Flag = fact("公共基础设施完善", "public infrastructure is complete", "yes/no", "higher", "003 · 第一篇 · 特征（3）")
    wastewater_treatment: Flag = fact("有（印染）污水集中处理", "central (dyeing) wastewater treatment", "yes/no", "higher", "003 · 第五篇 · 4 · 六是")
    energy_saving: Flag = fact("推广节能技术", "energy-saving technology in use", "yes/no", "higher", "003 · 第五篇 · 4 · 七是")


class Measured(Strict):
    """Indicators measured from tables by `cluster-assess indicators … --into` (see docs/indicators.md);
    each carries `source: "measured: <table> · <column> · <date>"`."""

    cell_value: Number = fact("本地区本产业的数值（就业或产值）", "the region × industry value measured", "table unit", "higher", "docs/indicators.md")
    share_of_region: Share = fact("占本地区的比重", "share of the region's total", "share", "higher", "docs/indicators.md")
    location_quotient: Number = fact("区位熵", "location quotient", "ratio", "higher", "docs/indicators.md")
    star_rating: Count = fact("欧洲集群观察站星级（0–3）", "European Cluster Observatory star rating (0–3)", "stars", "higher", "docs/indicators.md")
    star_criteria: Names = fact("达到的星级标准", "star criteria met (size, specialisation, focus)", "names", "none", "docs/indicators.md")
    strength_tier: Tier = fact("美国集群地图强度等级", "US Cluster Mapping strength tier (none, strong, top)", "tier", "none", "docs/indicators.md")
    krugman_index: Number = fact("克鲁格曼专业化指数", "Krugman specialisation index of the region", "index", "none", "docs/indicators.md")
    hachman_index: Number = fact("哈克曼指数", "Hachman index of the region", "index", "none", "docs/indicators.md")
    region_hhi: Number = fact("地区产业赫芬达尔指数", "Herfindahl–Hirschman index over the region's industries", "index", "none", "docs/indicators.md")
    region_diversity: Number = fact("地区产业多样性（1/HHI）", "industrial diversity of the region (1/HHI)", "index", "none", "docs/indicators.md")
    gini_specialisation: Number = fact("专业化基尼系数", "Gini of specialisation", "index", "none", "docs/indicators.md")
    gini_concentration: Number = fact("集中度基尼系数", "Gini of concentration of the industry", "index", "none", "docs/indicators.md")
    locational_gini: Number = fact("区位基尼系数", "locational (Lorenz) Gini of the industry", "index", "none", "docs/indicators.md")
    hhi: Number = fact("企业规模赫芬达尔指数", "firm-level Herfindahl–Hirschman index", "index", "none", "docs/indicators.md")
    hhi_normalised: Number = fact("标准化赫芬达尔指数", "normalised firm-level HHI", "index", "none", "docs/indicators.md")
    hhi_equivalent_firms: Number = fact("等效企业数（1/HHI）", "equivalent number of firms (1/HHI)", "firms", "none", "docs/indicators.md")
    firm_size_gini: Number = fact("企业规模基尼系数", "Gini of firm size", "index", "none", "docs/indicators.md")
    cr4: Share = fact("前4家企业集中度", "concentration ratio of the four largest firms", "share", "none", "docs/indicators.md")
    cr8: Share = fact("前8家企业集中度", "concentration ratio of the eight largest firms", "share", "none", "docs/indicators.md")
    eg_gamma: Real = fact("埃利森—格莱泽集聚指数γ", "Ellison–Glaeser agglomeration index γ", "index", "none", "docs/indicators.md")
    eg_g: Real = fact("埃利森—格莱泽G", "Ellison–Glaeser raw concentration G", "index", "none", "docs/indicators.md")
    eg_h: Number = fact("埃利森—格莱泽H（企业赫芬达尔）", "Ellison–Glaeser plant Herfindahl H", "index", "none", "docs/indicators.md")
    leading_firm_weight: Share = fact("龙头企业销售占比", "leading firm's share of sales", "share", "none", "docs/indicators.md")
    leading_firms: Names = fact("测算出的龙头企业", "leading firms found in the roster", "names", "none", "docs/indicators.md")


class Facts(Strict):
    firms: Firms = Field(default_factory=Firms)
    economy: Economy = Field(default_factory=Economy)
    chain: Chain = Field(default_factory=Chain)
    brands: Brands = Field(default_factory=Brands)
    innovation: Innovation = Field(default_factory=Innovation)
    talent: Talent = Field(default_factory=Talent)
    platforms: Platforms = Field(default_factory=Platforms)
    markets: Markets = Field(default_factory=Markets)
    institutions: Institutions = Field(default_factory=Institutions)
    parks: Parks = Field(default_factory=Parks)
    measured: Measured = Field(default_factory=Measured)


class Rating(Strict):
    """An assessor's judgement on a 0–5 scale, with the evidence that supports it."""

    score: float = Field(ge=0, le=5)
    evidence: str | None = None
    source: str | None = None


def _rating(raw: Any) -> Any:
    if isinstance(raw, bool):
        raise ValueError("a rating is a number from 0 to 5")
    if isinstance(raw, int | float):
        return {"score": raw}
    if isinstance(raw, str):
        try:
            return {"score": float(unicodedata.normalize("NFKC", raw).strip())}
        except ValueError:
            raise ValueError(
                f"a rating is a number from 0 to 5, e.g. 3 or {{score: 3, evidence: ...}}; not the text {raw!r}"
            ) from None
    return raw


RatingField = Annotated[Rating | None, BeforeValidator(_rating)]


def rating(zh: str, en: str, why: str) -> Any:
    return Field(default=None, description=en, json_schema_extra={"zh": zh, "en": en, "why": why, "unit": "0–5", "better": "higher"})


class Ratings(Strict):
    """Assessor ratings for the qualitative factors the sources name (0 = absent, 5 = excellent)."""

    policy_environment: RatingField = rating("政策环境", "policy environment of the park", "003 · 第二篇 · 一（一）")
    supporting_facilities: RatingField = rating("设施配套", "supporting facilities of the park", "003 · 第二篇 · 一（一）")
    location_advantage: RatingField = rating("区位优势", "location advantage", "003 · 第二篇 · 一（二）")
    industrial_base: RatingField = rating("产业基础", "industrial base", "003 · 第二篇 · 一（二）")
    market_norms: RatingField = rating("市场规范", "market norms and order", "003 · 第二篇 · 一（二）")
    service_support: RatingField = rating("服务配套", "service support", "003 · 第二篇 · 一（二）")
    cultural_environment: RatingField = rating("人文环境", "cultural environment", "003 · 第二篇 · 一（三）")
    cluster_distinctiveness: RatingField = rating("集群特色", "cluster distinctiveness", "003 · 第二篇 · 一（三）")
    supporting_chain: RatingField = rating("产业配套", "industrial supporting chain", "003 · 第二篇 · 一（三）")
    innovative_entrepreneurs: RatingField = rating("创新企业家群体", "a group of innovative entrepreneurs", "003 · 第二篇 · 一（三）")
    geographic_concentration: RatingField = rating("地理集中性", "geographic concentration", "003 · 第二篇 · 一（三）")
    embeddedness: RatingField = rating("根植性", "embeddedness in local society and culture", "003 · 第二篇 · 一（三）")
    flexible_specialisation: RatingField = rating("柔性精专", "flexible specialisation", "003 · 第二篇 · 一（三）")
    cooperative_networks: RatingField = rating("合作网络性", "cooperative networks among firms", "003 · 第二篇 · 一（三）")
    innovativeness: RatingField = rating("创新性", "innovativeness", "003 · 第二篇 · 一（三）")
    self_organisation: RatingField = rating("自组织性", "self-organisation", "003 · 第二篇 · 一（三）")
    leading_firm_radiation: RatingField = rating("龙头企业示范带动", "leading firms pull the weaker firms along", "003 · 第二篇 · 二（二）")
    brand_effect: RatingField = rating("品牌效应", "brand effect beyond the cluster", "003 · 第二篇 · 二（三）")
    outside_radiation: RatingField = rating("对外辐射（外部企业为其代工配套）", "outside firms work for the cluster as contract makers", "003 · 第二篇 · 二（三）")
    technology_content: RatingField = rating("产品科技含量", "technology content of products", "003 · 第一篇 · 问题（1）")
    informatization: RatingField = rating("信息化水平", "informatization of firms", "003 · 第一篇 · 问题（2）")
    design_capacity: RatingField = rating("设计能力", "design capacity", "003 · 第一篇 · 问题（2）")
    government_drive: RatingField = rating("地方政府积极性", "local government's drive", "000 · 存在问题（2）")
    resource_integration: RatingField = rating("要素资源整合能力", "capacity to secure and integrate factor resources", "000 · 存在问题（6）")


class Profile(Strict):
    """One cluster: identity, facts grouped by theme, assessor ratings."""

    name: str | None = None
    region: str | None = None
    industry: str | None = None
    year: int | None = Field(default=None, ge=1949, le=2100)
    sources: list[str] | None = Field(default=None, description="documents the facts come from")
    notes: str | None = None
    facts: Facts = Field(default_factory=Facts)
    ratings: Ratings = Field(default_factory=Ratings)

    @property
    def label(self) -> str:
        parts = [self.name or "(unnamed cluster)"]
        if self.year:
            parts.append(str(self.year))
        return " · ".join(parts)


# ---------------------------------------------------------------------------------------------
# Catalogue of fact paths: what the rubric may refer to, with metadata for templates and docs.


@dataclass(frozen=True)
class FieldSpec:
    path: str
    kind: str
    zh: str
    en: str
    unit: str
    better: str
    why: str
    choices: tuple[str, ...] = ()


def _walk_fields(model: type[BaseModel], prefix: str) -> Iterator[FieldSpec]:
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else None
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and extra is None:
            yield from _walk_fields(annotation, f"{prefix}{name}.")
            continue
        if extra is None:
            continue
        kind = FactKind("rating") if prefix.startswith("ratings.") else _kind_from_field(info)
        yield FieldSpec(
            f"{prefix}{name}", kind.name, str(extra["zh"]), str(extra["en"]), str(extra.get("unit", "")),
            str(extra.get("better", "none")), str(extra.get("why", "")), kind.choices,
        )


def _kind_from_field(info: Any) -> FactKind:
    return next((m for m in info.metadata if isinstance(m, FactKind)), FactKind("text"))


def field_specs() -> dict[str, FieldSpec]:
    """Every fact path (`facts.firms.total`, `ratings.location_advantage`) with its metadata."""
    global _SPECS
    if _SPECS is None:
        specs = {s.path: s for s in _walk_fields(Facts, "facts.")}
        specs.update({s.path: s for s in _walk_fields(Ratings, "ratings.")})
        _SPECS = specs
    return _SPECS


_SPECS: dict[str, FieldSpec] | None = None


def known_facts(profile: Profile) -> dict[str, Fact | Rating]:
    """Flatten a profile into {path: Fact or Rating} for the paths that are known."""
    out: dict[str, Fact | Rating] = {}

    def walk(model: BaseModel, prefix: str) -> None:
        for name in type(model).model_fields:
            value = getattr(model, name)
            if value is None:
                continue
            if isinstance(value, Fact | Rating):
                out[f"{prefix}{name}"] = value
            elif isinstance(value, BaseModel):
                walk(value, f"{prefix}{name}.")

    walk(profile.facts, "facts.")
    walk(profile.ratings, "ratings.")
    return out


# ---------------------------------------------------------------------------------------------
# Loading and validation.


@dataclass
class LoadedProfile:
    profile: Profile
    source: SourceMap
    warnings: list[Problem]


def resolve_profile(ref: str | Path) -> Path:
    """A path, or `example:NAME` for a shipped example (works from any directory)."""
    text = str(ref)
    if text.startswith("example:"):
        from cluster_assess.io.packaged import examples

        found = examples()
        name = text.removeprefix("example:")
        if name not in found:
            raise UserError.single(f"no example named {name!r}; examples: {', '.join(found)}", file=text)
        return found[name]
    return Path(ref)


def load_profile(path: str | Path) -> LoadedProfile:
    """Read, parse and validate one profile file; raise UserError listing every problem found."""
    problems, profile, source, warnings = check_profile_file(path)
    if problems:
        raise UserError(problems)
    assert profile is not None
    return LoadedProfile(profile, source, warnings)


def check_profile_file(path: str | Path) -> tuple[list[Problem], Profile | None, SourceMap, list[Problem]]:
    """(errors, profile or None, source map, warnings) for one file. Raises UserError only when
    the file cannot be read as YAML at all; everything else is gathered, so `validate` and
    `score` name every mistake in one run (a duplicate key does not hide a misspelt one)."""
    yaml_problems: list[Problem] = []
    data, source = read_yaml_file(resolve_profile(path), yaml_problems)
    problems, profile, warnings = check_profile_data(data, source)
    problems = sorted(yaml_problems + problems, key=lambda p: (p.line or 0, p.column or 0))
    return problems, profile if not problems else None, source, warnings


def validate_profile_data(data: Any, source: SourceMap) -> LoadedProfile:
    """Validate parsed data; raise UserError with every problem found, not just the first.

    Field errors do not stop the checks between fields: the faulty values are set aside and the
    rest is validated again, so one run names every mistake the file holds."""
    problems, profile, warnings = check_profile_data(data, source)
    if problems:
        raise UserError(problems)
    assert profile is not None
    return LoadedProfile(profile, source, warnings)


def check_profile_data(data: Any, source: SourceMap) -> tuple[list[Problem], Profile | None, list[Problem]]:
    """(errors, profile or None, warnings) for parsed profile data; never raises for bad data."""
    warnings = [Problem(text, source.file) for text in source.notes]
    if data is None:
        return [Problem("the profile is empty; start from `cluster-assess init`", source.file)], None, warnings
    if not isinstance(data, dict):
        return [Problem(
            f"a profile must be a mapping of keys (name:, facts:, …), not {describe_type(data)}",
            source.file, 1,
        )], None, warnings
    data = _empty_groups_as_mappings(data, Profile)
    problems: list[Problem] = []
    profile: Profile | None = None
    for _ in range(8):  # each round removes the faulty values; a few rounds always suffice
        try:
            profile = Profile.model_validate(data)
            break
        except ValidationError as exc:
            found = translate(exc, source, data, Profile, _find_elsewhere)
            # a value set aside in an earlier round may leave a follow-on error at or under its
            # field (a rating with a bad score then lacks its score): report the first cause only
            reported = {p.field for p in problems if p.field}
            problems.extend(p for p in found if p not in problems and not _follows_from(p.field, reported))
            pruned = _without(data, [e["loc"] for e in exc.errors(include_url=False)])
            if pruned == data:
                break
            data = pruned
    if profile is None:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return problems, None, warnings
    errors, cross_warnings = _cross_checks(profile, source)
    problems.extend(errors)
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    cross_warnings.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems, profile, warnings + cross_warnings


def _follows_from(field: str | None, reported: set[str]) -> bool:
    if not field:
        return False
    return any(field == r or field.startswith(r + ".") or r.startswith(field + ".") for r in reported)


def _empty_groups_as_mappings(data: Any, model: type[BaseModel]) -> Any:
    """`facts:` or `firms:` left empty (as the `init` template does) means an empty group."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for name, info in model.model_fields.items():
        key = info.alias or name
        annotation = info.annotation
        if key in out and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out[key] = {} if out[key] is None else _empty_groups_as_mappings(out[key], annotation)
    return out


def _without(data: Any, locs: list[tuple[Any, ...]]) -> Any:
    """A copy of `data` with the deepest existing element of each error location removed."""
    import copy

    data = copy.deepcopy(data)
    for loc in locs:
        parts = clean_loc(loc, data)
        node, trail = data, []
        for part in parts:
            in_dict = isinstance(node, dict) and part in node
            in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
            if not (in_dict or in_list):
                break
            trail.append((node, part))
            node = node[part]
        if not trail:
            continue
        parent, key = trail[-1]
        if isinstance(parent, dict):
            del parent[key]
        elif len(trail) > 1:  # a bad list item spoils the list: drop the whole field
            grand, gkey = trail[-2]
            if isinstance(grand, dict):
                del grand[gkey]
    return data


def _find_elsewhere(key: str) -> list[str]:
    """An unknown key that exists under another group: suggest its full path."""
    specs = field_specs()
    by_zh = {spec.zh: path for path, spec in specs.items()}
    if key in by_zh:  # a key written as its Chinese label, 企业总数 → facts.firms.total
        return [by_zh[key]]
    close_zh = difflib.get_close_matches(key, list(by_zh), n=1, cutoff=0.6) if not key.isascii() else []
    if close_zh:
        return [by_zh[close_zh[0]]]
    paths = list(specs)
    exact = [p for p in paths if p.rsplit(".", 1)[-1] == key]
    if exact:
        return exact[:1]
    leaves = {p.rsplit(".", 1)[-1]: p for p in paths}
    close = difflib.get_close_matches(key, list(leaves), n=1, cutoff=0.75)
    return [leaves[close[0]]] if close else []


def _cross_checks(profile: Profile, source: SourceMap) -> tuple[list[Problem], list[Problem]]:
    """Consistency between fields: impossible combinations are errors, doubtful ones warnings."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    firms = profile.facts.firms
    total = firms.total.value if firms.total else None
    path = ("facts", "firms")
    if total is not None and firms.above_scale and firms.above_scale.value > total:
        errors.append(source.problem((*path, "above_scale"),
            f"above-scale firms ({firms.above_scale.value}) exceed the total number of firms ({total})"))
    bands = [(name, getattr(firms.size_bands, name)) for name in SizeBands.model_fields]
    known_bands = [(n, b.value) for n, b in bands if b is not None]
    if total is not None:
        for name, value in known_bands:
            if value > total:
                warnings.append(source.problem((*path, "size_bands", name),
                    f"{value} firms in this size band but only {total} firms in all"))
        if firms.exporters and firms.exporters.value > total:
            warnings.append(source.problem((*path, "exporters"),
                f"{firms.exporters.value} exporting firms but only {total} firms in all"))
    for (n1, v1), (n2, v2) in zip(known_bands, known_bands[1:]):
        if v2 > v1:
            warnings.append(source.problem((*path, "size_bands", n2),
                f"more firms {n2} ({v2}) than {n1} ({v1}); each band counts the firms above a threshold, "
                "so the counts should not grow"))
    if profile.year and profile.year > _dt.date.today().year:
        warnings.append(source.problem(("year",), f"the year {profile.year} is in the future"))
    warnings.extend(_consistency_warnings(profile, source))
    return errors, warnings


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
            f"{medium} medium and large firms but only {above} above-scale firms; medium and large firms "
            "are normally all above scale"))
    total = value(firms.total)
    in_parks = value(profile.facts.parks.firms_in_parks)
    if total is not None and in_parks is not None and in_parks > total:
        out.append(source.problem(("facts", "parks", "firms_in_parks"),
            f"{in_parks} firms in the parks but only {total} firms in all"))
    sales = cny(economy.sales)
    if sales:
        for name in ("profit", "exports_direct", "exports_indirect"):
            amount = cny(getattr(economy, name))
            if amount is not None and amount > sales:
                out.append(source.problem(("facts", "economy", name),
                    f"{name.replace('_', ' ')} ({amount:,.0f} CNY) exceed sales ({sales:,.0f} CNY); "
                    "check the units (万/亿)"))
        exports = [cny(economy.exports_direct), cny(economy.exports_indirect)]
        written = value(economy.export_share)
        if written is not None and economy.exports_direct is not None and exports[0] is not None:
            implied = sum(x for x in exports if x is not None) / sales
            if abs(implied - written) > 0.15:
                out.append(source.problem(("facts", "economy", "export_share"),
                    f"the export share is written as {written:.0%}, but exports and sales give {implied:.0%}; "
                    "check one of the figures"))
    if above is not None and total:
        firm_share = above / total
        for name in ("above_scale_output_share", "above_scale_sales_share", "above_scale_employment_share"):
            share = value(getattr(economy, name))
            if share is not None and share + 1e-9 < firm_share:
                out.append(source.problem(("facts", "economy", name),
                    f"above-scale firms are {firm_share:.0%} of all firms but this share is only {share:.0%}; "
                    "being the larger firms, their share of output, sales or jobs is normally higher"))
    return out

