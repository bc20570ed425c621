"""参考文献: each source document named in full, the passages the report cites grouped under it.

A locator's first part names the document (`003 · 第二篇 · 一（二）` is document 003). The full
entries of the documents we digest are below (as `seeds/` describes them); the passages are
sorted in the order of the digest and shown with their titles, so a reader can find each one.
A locator of a document we have no digest for is listed under that document's name as written.
"""

from __future__ import annotations

from cluster_assess.i18n import t
from cluster_assess.report.document import Paragraph, Reference, References, Section

# GB/T 7714-style entries for the documents of seeds/, in the report's two languages.
DOCUMENTS: dict[str, dict[str, str]] = {
    "000": {
        "zh": "刘彤宇. 首届全国服装产业集群工作会议（新闻报道）[N/OL]. 中国服装协会网, 2012-11-21.",
        "en": "Liu Tongyu (刘彤宇). First national garment-industry-cluster working conference (news report). "
              "China National Garment Association website (中国服装协会网), 21 November 2012.",
    },
    "003": {
        "zh": "产业集群五篇[G]. 文集, 未署出版者与日期. 第一篇 石狮服装产业集群; 第二篇 产业集群发展的两种阶段模型; "
              "第三篇 宝应县小官庄镇玻璃工艺制品产业集群调研报告（小官庄镇方春）; "
              "第四篇 襄樊某区政府产业集群发展工作意见; "
              "第五篇 南昌市青山湖区纺织服装产业集群分析与建议.",
        "en": "Five essays on industrial clusters (产业集群五篇), a compilation, no publisher or date given. "
              "Essay 1: the Shishi garment cluster; essay 2: two stage models of cluster development; essay 3: survey "
              "report on the glass-crafts cluster of Xiaoguanzhuang, Baoying county (by 小官庄镇方春); essay 4: a "
              "Xiangfan district government's working opinion on clusters; essay 5: the textile and garment cluster "
              "of Qingshanhu district, Nanchang.",
    },
    "outside": {
        "zh": "源文件以外的文献（见 seeds/outside-literature.md）: MENZEL M P, FORNAHL D. Cluster life cycles: "
              "dimensions and rationales of cluster evolution[J]. Industrial and Corporate Change, 2010, 19(1): "
              "205-238; 国家统计局. 国民经济行业分类: GB/T 4754-2017[S]. 北京: 中国标准出版社, 2017.",
        "en": "Literature from outside the source documents (see seeds/outside-literature.md): Menzel, M.-P. and "
              "Fornahl, D. (2010) Cluster life cycles: dimensions and rationales of cluster evolution. Industrial "
              "and Corporate Change 19(1), 205–238; National Bureau of Statistics of China (2017) Industrial "
              "classification for national economic activities, GB/T 4754-2017.",
    },
    "miit-2022": {
        "zh": "工业和信息化部. 促进中小企业特色产业集群发展暂行办法（工信部企业〔2022〕119号）[A]. 2022. "
              "（认定条件按项目记录整理，使用前请与当年通知核对。）",
        "en": "Ministry of Industry and Information Technology. Interim measures for promoting SME characteristic "
              "industrial clusters (工信部企业〔2022〕119号). 2022. (The gates as the project records them; check them "
              "against the current year's notice before relying on them.)",
    },
}


def references(locators: list[str] | tuple[str, ...], lang: str) -> tuple[Reference, ...]:
    """The cited documents, in the order of DOCUMENTS then first citation, each with its passages."""
    from cluster_assess.rubric.seeds import passages

    known = passages()
    order = {loc: i for i, loc in enumerate(known)}
    grouped: dict[str, list[str]] = {}
    for locator in locators:
        grouped.setdefault(locator.split(" · ")[0].strip(), []).append(locator)
    docs = sorted(grouped, key=lambda d: (d not in DOCUMENTS, list(DOCUMENTS).index(d) if d in DOCUMENTS else 0))
    out = []
    for doc in docs:
        cited = sorted(set(grouped[doc]), key=lambda loc: (order.get(loc, len(order)), loc))
        shown = tuple(_shown(loc, known[loc].title if loc in known else "", lang) for loc in cited)
        if doc not in DOCUMENTS and shown == (doc,):
            shown = ()
        entry = DOCUMENTS[doc][lang if lang in ("zh", "en") else "en"] if doc in DOCUMENTS else \
            t("ref_user", lang).format(doc=doc)
        out.append(Reference(entry, shown))
    return tuple(out)


def _shown(locator: str, title: str, lang: str) -> str:
    """The locator and its passage's title (a digest heading is `中文 — English`: the half in the
    report's language), the title left out when the locator already ends with it."""
    zh, _, en = title.partition(" — ")
    name = (zh if lang == "zh" else en or zh).strip()
    if not name or locator.endswith(name):
        return locator
    return f"{locator}　{name}" if lang == "zh" else f"{locator} — {name}"


def references_section(index: int, locators: list[str] | tuple[str, ...], lang: str,
                       documents: list[str] | None = None) -> Section:
    from cluster_assess.report.document import section_title

    blocks: list[object] = [Paragraph(t("ref_intro", lang)), References(references(locators, lang))]
    if documents:
        sep = "；" if lang == "zh" else "; "
        blocks.append(Paragraph(t("ref_profile", lang).format(docs=sep.join(documents))))
    return Section("references", section_title(index, t("report_sec_references", lang), lang),
                   tuple(blocks))  # type: ignore[arg-type]
