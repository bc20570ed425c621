"""The Profile model: what is known about one cluster. Every field is optional; missing means unknown.

The fields are grouped by theme (firms, economy, chain, …); each is declared with its kind from
`profile.facts` and with the metadata (`fact()`, `rating()`) that the field catalogue, the
template and the docs read.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from cluster_assess.i18n import msg
from cluster_assess.profile.facts import (
    Count,
    EquipmentCount,
    FirmCount,
    FirmSeries,
    Flag,
    Grade,
    ItemCount,
    Money,
    MoneySeries,
    Names,
    Number,
    Origin,
    Output,
    PeopleCount,
    PlaceCount,
    Rate,
    Real,
    Share,
    ShopCount,
    Tier,
    count_of,
)


def fact(zh: str, en: str, unit: str = "", better: str = "none", why: str = "", example: str = "") -> Any:
    """Declare a fact field: its meaning in both languages, unit, which direction is better, the
    source passage that makes it matter, and (when the kind's default would mislead) an example
    written as a report would write it (used by `init`, docs and the property tests)."""
    extra = {"zh": zh, "en": en, "unit": unit, "better": better, "why": why}
    if example:
        extra["example"] = example
    return Field(default=None, description=en, json_schema_extra=extra)



class Strict(BaseModel):
    # defer_build: the fact groups are only ever validated inside Profile, so their validators are
    # built once, as part of Profile's, when the first profile is read (measured: ~5% off start-up)
    model_config = ConfigDict(
        extra="forbid", arbitrary_types_allowed=True, frozen=True, populate_by_name=True, defer_build=True
    )


class SizeBands(Strict):
    """Firms by annual sales, as 003 · 第三篇 · 一（一） counts them."""

    over_1m: FirmCount = fact("年产销100万元以上企业数", "firms with annual sales above 1M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_5m: FirmCount = fact("500万元以上企业数", "firms above 5M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_10m: FirmCount = fact("1000万元以上企业数", "firms above 10M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_50m: FirmCount = fact("5000万元以上企业数", "firms above 50M CNY", "firms", "higher", "003 · 第三篇 · 一（一）")
    over_100m: FirmCount = fact("产销过亿元企业数", "firms above 100M CNY", "firms", "higher", "003 · 第四篇 · 三（二）")


class Firms(Strict):
    total: FirmCount = fact("企业总数", "number of firms in the cluster", "firms", "none", "003 · 第三篇 · 一（一）")
    above_scale: FirmCount = fact("规模以上企业数", "above-scale firms (规模以上)", "firms", "higher", "003 · 第一篇 · 特征（4）")
    medium_large: FirmCount = fact("大中型企业数", "medium and large firms", "firms", "higher", "003 · 第三篇 · 二（一）")
    size_bands: SizeBands = Field(default_factory=SizeBands)
    leading: Names = fact("龙头/骨干企业", "leading firms by name", "names", "none", "003 · 第三篇 · 一（二）")
    exporters: FirmCount = fact("有自营出口实绩的企业数", "firms exporting directly", "firms", "higher", "003 · 第三篇 · 一（一）")
    supporting: FirmCount = fact("配套企业数", "supporting (配套) firms: materials, packaging, services", "firms", "higher", "003 · 第三篇 · 一（三）")
    family_managed_share: Share = fact("家族式管理企业占比", "share of firms under family-style management", "share", "lower", "003 · 第五篇 · 4 · 二是")
    labour_intensive: Flag = fact("以劳动密集型企业为主", "mostly labour-intensive firms", "yes/no", "lower", "003 · 第一篇 · 问题（1）")
    homogeneous_competition: Flag = fact("同质化/恶性竞争严重", "serious homogeneous or vicious competition", "yes/no", "lower", "003 · 第一篇 · 特征（3）")
    price_competition: Flag = fact("竞争以价格战为主", "competition mostly on price", "yes/no", "lower", "003 · 第一篇 · 特征（3）")
    sme_dominant: Flag = fact("以中小企业为主、无全国突出的单个企业", "SMEs make up the cluster and no single firm stands out nationally", "yes/no", "none", "003 · 第一篇 · 特征（2）")
    origin: Origin = fact("集群形成的依托", "what the cluster grew around", "choice", "none", "003 · 第一篇 · 引言")
    leading_lacking: Flag = fact("缺少龙头企业（龙头少、带动弱）", "leading firms are lacking: few, or too weak to pull the others", "yes/no", "lower", "003 · 第五篇 · 4 · 五是")
    closed: FirmCount = fact("近年关停或外迁的企业数", "firms closed or moved away in recent years", "firms", "lower", "outside · Menzel-Fornahl-2010", "30多家")
    polluting_closed: FirmCount = fact("关停整治的污染企业数", "polluting firms closed or made to clean up", "firms", "none", "003 · 第四篇 · 二（二）5", "120家")


class Economy(Strict):
    output_value: Money = fact("工业总产值", "gross industrial output value", "CNY", "higher", "003 · 第一篇 · 特征（4）")
    sales: Money = fact("销售收入/产销规模", "sales revenue", "CNY", "higher", "003 · 第三篇 · 一（一）")
    profit: Money = fact("利润总额", "total profit", "CNY", "higher", "003 · 第一篇 · 特征（4）")
    employees: PeopleCount = fact("从业人员", "people employed", "people", "none", "003 · 第一篇 · 特征（4）")
    exports_direct: Money = fact("自营出口额", "direct exports per year", "USD or CNY", "higher", "003 · 第三篇 · 一（一）")
    exports_indirect: Money = fact("供货出口额", "indirect (supplied-for-export) exports per year", "USD or CNY", "higher", "003 · 第三篇 · 一（一）")
    exports_total: Money = fact("出口总额（不分自营与供货）", "total exports per year, when the text does not split direct and indirect", "USD or CNY", "higher", "003 · 第三篇 · 二（四）", "6亿美元")
    oem_share: Share = fact("贴牌/代加工（OEM）占产量比重", "share of output made for others' brands (OEM, processing)", "share", "lower", "003 · 第二篇 · 二（一）", "绝大部分")
    physical_output: Output = fact("年产量（实物量）", "physical output per year, with its measure word", "quantity", "higher", "003 · 第五篇 · 3", "2.8亿件")
    unit_price: Money = fact("产品平均单价（每件/双）", "average unit price of the product (per piece, pair…)", "CNY per unit", "higher", "003 · 第一篇 · 问题（1）", "35元")
    national_market_share: Share = fact("占全国市场份额", "share of the national market", "share", "higher", "003 · 第二篇 · 二（三）", "70%")
    world_market_share: Share = fact("占世界市场份额", "share of the world market", "share", "higher", "003 · 第二篇 · 二（三）", "三成")
    key_equipment: EquipmentCount = fact("主要生产设备数（织机、横机、袜机…）", "key production machines (looms, knitting machines…)", "machines", "higher", "003 · 第五篇 · 3", "2.6万台")
    extensive_growth: Flag = fact("以粗放型、外延扩张式增长为主", "growth is extensive: more land, labour and energy rather than more value", "yes/no", "lower", "000 · 发展方向")
    export_share: Share = fact("出口占销售比重", "exports as a share of sales", "share", "none", "003 · 第三篇 · 二（四）")
    growth_rate: Rate = fact("年均增长率", "average annual growth of output", "rate", "higher", "003 · 第三篇 · 一（二）")
    above_scale_output_share: Share = fact("规上企业产值占比", "above-scale firms' share of output value", "share", "none", "003 · 第一篇 · 特征（4）")
    above_scale_sales_share: Share = fact("规上企业销售收入占比", "above-scale firms' share of sales", "share", "none", "003 · 第一篇 · 特征（4）")
    above_scale_profit_share: Share = fact("规上企业利润占比", "above-scale firms' share of profit", "share", "none", "003 · 第一篇 · 特征（4）")
    above_scale_employment_share: Share = fact("规上企业职工占比", "above-scale firms' share of jobs", "share", "none", "003 · 第一篇 · 特征（4）")
    product_grade: Grade = fact("产品档次", "product grade", "choice", "higher", "003 · 第一篇 · 问题（1）")
    main_products: Names = fact("主要产品", "main products", "names", "none", "003 · 第三篇 · 一（一）")
    export_markets: Names = fact("主要出口市场", "main export markets", "names", "none", "003 · 第三篇 · 二（四）")
    factor_shortage: Flag = fact("土地、劳动力、能源等要素短缺", "land, labour, energy or other factor resources are short", "yes/no", "lower", "000 · 存在问题（6）")
    main_industry_output: Money = fact("主导产业产值（最近一年）", "output of the main industry, latest year", "CNY", "higher", "miit-2022 · 条件（1）")
    main_industry_output_prev1: Money = fact("主导产业产值（上一年）", "output of the main industry, the year before", "CNY", "higher", "miit-2022 · 条件（1）")
    main_industry_output_prev2: Money = fact("主导产业产值（前两年）", "output of the main industry, two years before", "CNY", "higher", "miit-2022 · 条件（1）")
    main_industry_share: Share = fact("主导产业产值占集群工业总产值比重", "main industry's share of the cluster's output", "share", "higher", "miit-2022 · 条件（2）")
    sme_output_share: Share = fact("中小企业产值占主导产业产值比重", "SMEs' share of the main industry's output", "share", "none", "miit-2022 · 条件（3）")


class Chain(Strict):
    segments: Names = fact("已有的产业链环节", "value-chain segments present (ids or names of the rubric's reference chain)", "segment ids", "higher", "003 · 第五篇 · 3")
    absent: Names = fact("明确缺失的产业链环节", "value-chain segments the text says are missing (a segment not listed in either is not stated)", "segment ids", "lower", "003 · 第五篇 · 3")
    division_of_labour: Flag = fact("企业间有上下游分工协作", "firms divide work along the chain", "yes/no", "higher", "003 · 第三篇 · 二（二）")


class Brands(Strict):
    national_well_known: ItemCount = fact("中国驰名商标数", "national well-known trademarks (驰名商标)", "trademarks", "higher", "003 · 第一篇 · 问题（3）")
    provincial_famous: ItemCount = fact("省级著名商标/名牌数", "provincial famous trademarks or brands", "brands", "higher", "003 · 第三篇 · 二（三）")
    municipal_or_above: ItemCount = fact("市级以上品牌数", "brands recognised at city level or above", "brands", "higher", "003 · 第三篇 · 二（三）")
    international: ItemCount = fact("国际知名品牌数", "internationally known brands", "brands", "higher", "003 · 第一篇 · 问题（3）")
    own_brand_firms: FirmCount = fact("拥有自主品牌的企业数", "firms selling under a brand of their own", "firms", "higher", "003 · 第一篇 · 问题（3）", "18家")
    own_brand_share: Share = fact("拥有自主品牌的企业占比", "share of firms selling under a brand of their own", "share", "higher", "003 · 第一篇 · 问题（3）", "不足10%")
    registered: ItemCount = fact("注册商标/品牌数（不含称号）", "registered trademarks or brands, famous or not", "brands", "higher", "003 · 第三篇 · 二（三）", "1000多个")
    names: Names = fact("品牌名称（非企业名）", "brand names, where they differ from the firms' names", "names", "none", "003 · 第四篇 · 三（三）", "[甲牌, 乙牌]")
    regional_brand: Flag = fact("已形成区域品牌", "a regional brand (区域品牌) exists", "yes/no", "higher", "003 · 第二篇 · 二（二）")
    cluster_titles: Names = fact("国家/行业授予的集群称号", "titles held, e.g. 名城名镇, national bases", "names", "none", "000 · 集群试点")


class Innovation(Strict):
    rd_centres: PlaceCount = fact("研发中心数", "R&D centres serving the cluster", "centres", "higher", "003 · 第三篇 · 四（二）")
    research_partnerships: ItemCount = fact("产学研合作项目/机构数", "research partnerships with universities or institutes", "partnerships", "higher", "003 · 第三篇 · 二（一）")
    new_products_per_year: ItemCount = fact("年开发新产品数", "new products developed per year", "products", "higher", "003 · 第三篇 · 一（一）")
    rd_intensity: Share = fact("研发投入占销售收入比重", "R&D spending as a share of sales", "share", "higher", "000 · 存在问题（5）")
    patents: ItemCount = fact("有效专利数", "patents held", "patents", "higher", "000 · 存在问题（5）")
    technology_exports: Flag = fact("向集群外输出技术", "technology is exported to firms outside the cluster", "yes/no", "higher", "003 · 第二篇 · 二（三）")
    informatization_neglected: Flag = fact("企业对信息化重视不够", "firms neglect informatization", "yes/no", "lower", "003 · 第一篇 · 问题（2）")
    design_weak: Flag = fact("设计能力差", "design capacity is poor", "yes/no", "lower", "003 · 第一篇 · 问题（2）")
    imitation_dominant: Flag = fact("以模仿为主", "imitation dominates over innovation", "yes/no", "lower", "003 · 第三篇 · 二（三）")


class Talent(Strict):
    designers: PeopleCount = fact("设计师人数", "designers employed", "people", "higher", "003 · 第一篇 · 问题（4）")
    designer_shortage: Flag = fact("设计人才紧缺", "designers are in short supply", "yes/no", "lower", "003 · 第一篇 · 问题（4）")
    manager_shortage: Flag = fact("管理人才紧缺", "managers are in short supply", "yes/no", "lower", "003 · 第一篇 · 问题（4）")
    training_centres: PlaceCount = fact("人才培训中心数", "training centres", "centres", "higher", "003 · 第四篇 · 五（一）")


PLATFORM_KINDS = (
    "information", "training", "testing", "shared_equipment", "ecommerce", "rd", "design", "government_liaison",
)


class Platforms(Strict):
    public_service: Names = fact("公共服务平台（信息、培训、检测、共享设备、电商、研发…）", "public service platforms present: " + ", ".join(PLATFORM_KINDS), "platform kinds", "higher", "003 · 第一篇 · 建议（2）")


class Markets(Strict):
    professional_markets: PlaceCount = fact("专业市场数", "professional (wholesale) markets", "markets", "higher", "003 · 第一篇 · 引言")
    wholesale_streets: count_of("streets", "条", "个") = fact("专业批发街数", "wholesale streets", "streets", "higher", "003 · 第一篇 · 引言")
    shops: ShopCount = fact("商铺数（含经营户、档口）", "shops, stalls and trading households", "shops", "higher", "003 · 第一篇 · 引言", "1600多间")
    traders: PeopleCount = fact("从商人员", "people in trade", "people", "higher", "003 · 第一篇 · 引言", "3万多人")
    market_sales: Money = fact("专业市场年销售额", "annual sales through the markets", "CNY", "higher", "003 · 第一篇 · 引言")
    market_turnover: Money = fact("专业市场年成交额（交易额）", "annual trade turnover of the professional markets (not the cluster's sales)", "CNY", "higher", "003 · 第五篇 · 2", "约100亿元")
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
    association_detached: Flag = fact("行业协会脱离企业、作用发挥不够", "the industry association exists but is out of touch with the firms", "yes/no", "lower", "003 · 第四篇 · 六（三）")


class Parks(Strict):
    count: PlaceCount = fact("产业园区数", "industrial parks serving the cluster", "parks", "higher", "003 · 第三篇 · 一（四）")
    firms_in_parks: FirmCount = fact("入园企业数", "firms located in the parks", "firms", "higher", "003 · 第三篇 · 一（四）")
    area_km2: Number = fact("集群占地面积（平方公里）", "cluster area", "km²", "lower", "miit-2022 · 条件（5）")
    infrastructure_complete: Flag = fact("公共基础设施完善", "public infrastructure is complete", "yes/no", "higher", "003 · 第一篇 · 特征（3）")
    wastewater_treatment: Flag = fact("有（印染）污水集中处理", "central (dyeing) wastewater treatment", "yes/no", "higher", "003 · 第五篇 · 4 · 六是")
    energy_saving: Flag = fact("推广节能技术", "energy-saving technology in use", "yes/no", "higher", "003 · 第五篇 · 4 · 七是")


class Costs(Strict):
    """Cost pressure by kind: each flag says the text reports this cost rising or the factor short."""

    land: Flag = fact("用地紧张、地价上涨", "land is short or its price rising", "yes/no", "lower", "000 · 存在问题（6）")
    labour: Flag = fact("劳动力成本上升、招工难", "labour costs rising or workers hard to find", "yes/no", "lower", "003 · 第一篇 · 先行优势")
    materials: Flag = fact("原材料价格上涨", "raw material prices rising", "yes/no", "lower", "003 · 第三篇 · 二（四）")
    energy: Flag = fact("能源、环保成本上升", "energy or environmental compliance costs rising", "yes/no", "lower", "003 · 第四篇 · 二（二）5")


class Series(Strict):
    """Yearly series, oldest to latest, for growth and decline: `{2019: 900多家, 2022: 600多家}`."""

    output_value: MoneySeries = fact("历年产值", "output value year by year", "CNY per year", "higher", "outside · Menzel-Fornahl-2010", "{2020: 120亿元, 2021: 105亿元, 2022: 90亿元}")
    firms: FirmSeries = fact("历年企业数", "number of firms year by year", "firms per year", "higher", "outside · Menzel-Fornahl-2010", "{2019: 900多家, 2022: 600多家}")
    exports: MoneySeries = fact("历年出口额", "exports year by year", "USD or CNY per year", "higher", "003 · 第三篇 · 二（四）", "{2021: 5亿美元, 2022: 4亿美元}")


class Measured(Strict):
    """Indicators measured from tables by `cluster-assess indicators … --into` (see docs/indicators.md);
    each carries `source: "measured: <table> · <column> · <date>"`."""

    cell_value: Number = fact("本地区本产业的数值（就业或产值）", "the region × industry value measured", "table unit", "higher", "docs/indicators.md")
    share_of_region: Share = fact("占本地区的比重", "share of the region's total", "share", "higher", "docs/indicators.md")
    location_quotient: Number = fact("区位熵", "location quotient", "ratio", "higher", "docs/indicators.md")
    star_rating: Count = fact("欧洲集群观察站星级（0–3）", "European Cluster Observatory star rating (0–3)", "stars", "higher", "docs/indicators.md", "2")
    star_criteria: Names = fact("达到的星级标准", "star criteria met (size, specialisation, focus)", "names", "none", "docs/indicators.md")
    strength_tier: Tier = fact("美国集群地图强度等级", "US Cluster Mapping strength tier (none, strong, top)", "choice", "none", "docs/indicators.md")
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
    costs: Costs = Field(default_factory=Costs)
    series: Series = Field(default_factory=Series)
    measured: Measured = Field(default_factory=Measured)


class Rating(Strict):
    """An assessor's judgement on a 0–5 scale, with the evidence that supports it."""

    score: float = Field(ge=0, le=5)
    evidence: str | None = None
    evidence_en: str | None = None  # the evidence in English, for the English edition
    source: str | None = None


def _rating(raw: Any) -> Any:
    if isinstance(raw, bool):
        raise ValueError(msg("rating_number"))
    if isinstance(raw, int | float):
        return {"score": raw}
    if isinstance(raw, str):
        try:
            return {"score": float(unicodedata.normalize("NFKC", raw).strip())}
        except ValueError:
            raise ValueError(msg("rating_text", value=raw)) from None
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
