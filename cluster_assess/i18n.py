"""Interface strings in one catalogue, and how the language is chosen.

`--lang`, else CLUSTER_ASSESS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {
    "assessment": {"zh": "产业集群评估", "en": "Cluster assessment"},
    "rubric": {"zh": "评估规则", "en": "Rubric"},
    "region": {"zh": "地区", "en": "Region"},
    "industry": {"zh": "产业", "en": "Industry"},
    "year": {"zh": "年份", "en": "Year"},
    "unnamed": {"zh": "（未命名集群）", "en": "(unnamed cluster)"},
    "stages": {"zh": "发展阶段判断", "en": "Stage on each model"},
    "stage": {"zh": "阶段", "en": "Stage"},
    "model": {"zh": "模型", "en": "Model"},
    "confidence": {"zh": "可信度", "en": "Confidence"},
    "could_be_higher": {"zh": "补充数据后可能更高", "en": "could be higher once unknowns are collected"},
    "evidence": {"zh": "依据", "en": "Evidence"},
    "gaps": {"zh": "距下一阶段的差距", "en": "Gaps to the next stage"},
    "gaps_floor": {"zh": "尚未具备的要素", "en": "Factors not yet in place"},
    "next_stage": {"zh": "下一阶段", "en": "Next stage"},
    "top_stage": {"zh": "已处于最高阶段", "en": "already at the top stage"},
    "needed": {"zh": "需要", "en": "needs"},
    "status_met": {"zh": "具备", "en": "met"},
    "status_not_met": {"zh": "不具备", "en": "not met"},
    "status_unknown": {"zh": "未知", "en": "unknown"},
    "problems": {"zh": "存在的主要问题", "en": "Problems found"},
    "no_problems": {"zh": "未发现问题。", "en": "No problems found."},
    "severity": {"zh": "严重程度", "en": "Severity"},
    "severity_high": {"zh": "高", "en": "high"},
    "severity_medium": {"zh": "中", "en": "medium"},
    "severity_low": {"zh": "低", "en": "low"},
    "problem": {"zh": "问题", "en": "Problem"},
    "source": {"zh": "出处", "en": "Source"},
    "unchecked": {"zh": "因数据不足未能核查的问题", "en": "Problems that could not be checked"},
    "recommendations": {"zh": "对策建议（按优先级）", "en": "Recommendations, by priority"},
    "no_recommendations": {"zh": "暂无建议。", "en": "No recommendations."},
    "priority": {"zh": "优先级", "en": "Priority"},
    "recommendation": {"zh": "建议", "en": "Recommendation"},
    "answers": {"zh": "针对", "en": "Answers"},
    "fits_stage": {"zh": "适合当前阶段", "en": "suits the current stage"},
    "closes": {"zh": "弥补差距", "en": "Closes gaps"},
    "unknowns": {"zh": "建议补充收集的数据", "en": "Facts worth collecting"},
    "no_unknowns": {"zh": "无。", "en": "None."},
    "fact": {"zh": "数据项", "en": "Fact"},
    "affects": {"zh": "影响", "en": "Would decide"},
    "chain": {"zh": "产业链完整度", "en": "Value-chain completeness"},
    "chain_missing": {"zh": "缺少的环节", "en": "missing segments"},
    "chain_unrecognised": {"zh": "未识别的环节", "en": "unrecognised segments"},
    "value": {"zh": "数值", "en": "Value"},
    "status": {"zh": "状态", "en": "Status"},
    "facts": {"zh": "基本情况", "en": "Facts"},
    "rating": {"zh": "评分", "en": "rating"},
    "approx_over": {"zh": "以上", "en": "or more"},
    "approx_about": {"zh": "左右", "en": "about"},
    "approx_nearly": {"zh": "接近", "en": "nearly"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "grade_low": {"zh": "低档", "en": "low grade"},
    "grade_mid_low": {"zh": "中低档", "en": "low-to-mid grade"},
    "grade_mid": {"zh": "中档", "en": "mid grade"},
    "grade_mid_high": {"zh": "中高档", "en": "mid-to-high grade"},
    "grade_high": {"zh": "高档", "en": "high grade"},
    "warning": {"zh": "警告", "en": "warning"},
    "error": {"zh": "错误", "en": "error"},
    # reports (`cluster-assess report`): the survey-report structure, 一、… 五、
    "report_title": {"zh": "{name}发展评估报告", "en": "Development assessment of {name}"},
    "report_summary": {"zh": "内容摘要", "en": "Summary"},
    "report_date": {"zh": "报告日期", "en": "Date of report"},
    "report_sec_facts": {"zh": "基本情况", "en": "Basic facts"},
    "report_sec_stages": {"zh": "发展阶段判断", "en": "Stage of development"},
    "report_sec_problems": {"zh": "存在的主要问题", "en": "Main problems"},
    "report_sec_recommendations": {"zh": "发展方向与对策建议", "en": "Directions and recommendations"},
    "report_sec_data": {"zh": "数据说明", "en": "About the data"},
    "report_intro": {
        "zh": "本报告依据评估规则《{rubric}》（{rubric_id}，版本{version}），对{name}的发展阶段、存在的主要问题和对策建议作出评估。每项判断均注明所依据的事实和出处；未掌握的数据按“未知”处理，不视为零或不足。",
        "en": "This report assesses the stage of development, the main problems and the recommended course of {name} against the rubric \u201c{rubric}\u201d ({rubric_id}, version {version}). Every judgement names the facts it rests on and their source. Data not at hand are treated as unknown, never as zero or as a shortfall.",
    },
    "report_located": {"zh": "{name}位于{region}，主导产业为{industry}。", "en": "{name} is in {region}; its main industry is {industry}."},
    "report_summary_stage": {"zh": "{model}：{stage}（可信度{confidence}）", "en": "{model}: {stage} (confidence {confidence})"},
    "report_summary_counts": {
        "zh": "发现主要问题{problems}项，因数据不足未能核查{unchecked}项；提出对策建议{recommendations}条；建议补充收集数据{unknowns}项。",
        "en": "{problems} problem(s) found and {unchecked} that could not be checked for lack of data; {recommendations} recommendation(s); {unknowns} fact(s) worth collecting.",
    },
    "report_summary_first": {"zh": "首要建议：{title}。", "en": "First recommendation: {title}."},
    "report_facts_table": {"zh": "表{n}  主要数据", "en": "Table {n}. Key facts"},
    "report_ratings_table": {"zh": "表{n}  评估员评分（0–5分）", "en": "Table {n}. Assessor ratings (0–5)"},
    "report_table": {"zh": "表{n}  {title}", "en": "Table {n}. {title}"},
    "report_category": {"zh": "类别", "en": "Category"},
    "report_item": {"zh": "项目", "en": "Item"},
    "report_rating": {"zh": "评分", "en": "Rating"},
    "report_no_facts": {"zh": "档案中没有已知的事实数据。", "en": "The profile holds no known facts."},
    "report_no_source": {"zh": "未注明", "en": "not given"},
    "report_note": {"zh": "注", "en": "note"},
    "report_notes": {"zh": "说明", "en": "Notes"},
    "report_segments": {"zh": "已有的产业链环节", "en": "Value-chain segments present"},
    "report_group_firms": {"zh": "企业", "en": "Firms"},
    "report_group_economy": {"zh": "经济规模", "en": "Economy"},
    "report_group_chain": {"zh": "产业链", "en": "Value chain"},
    "report_group_brands": {"zh": "品牌", "en": "Brands"},
    "report_group_innovation": {"zh": "创新", "en": "Innovation"},
    "report_group_talent": {"zh": "人才", "en": "Talent"},
    "report_group_platforms": {"zh": "公共服务平台", "en": "Platforms"},
    "report_group_markets": {"zh": "市场", "en": "Markets"},
    "report_group_institutions": {"zh": "制度与机构", "en": "Institutions"},
    "report_group_parks": {"zh": "园区", "en": "Parks"},
    "report_chain": {
        "zh": "对照{chain}，已有{present}/{total}个环节，完整度{completeness}。",
        "en": "Against the reference {chain}, {present} of {total} segments are present: {completeness} complete.",
    },
    "report_chart": {"zh": "图{n}  各要素评估得分", "en": "Figure {n}. Score of each factor"},
    "report_chart_note": {
        "zh": "得分为评估员评分按5分制折算的百分比，或规则判定的具备（100%）与不具备（0）；“未知”表示数据不足、无法判定，不等于零分。",
        "en": "A score is the assessor's rating as a share of 5, or 100% / 0 when a rule over the facts decides; \u201cunknown\u201d means too little is known to decide, which is not a score of zero.",
    },
    "report_chart_bar": {"zh": "图示", "en": "Bar"},
    "report_chart_score": {"zh": "得分", "en": "Score"},
    "report_ladder": {"zh": "图{n}  {model}", "en": "Figure {n}. {model}"},
    "report_judgement": {"zh": "判断", "en": "Judgement"},
    "report_stage_reached": {
        "zh": "处于“{stage}”阶段，可信度{confidence}（门槛要素中已能判定的比例）。",
        "en": "At the \u201c{stage}\u201d stage, with confidence {confidence} (the share of gate factors the known facts decide).",
    },
    "report_stage_other": {"zh": "{stage}：{reason}", "en": "{stage}: {reason}"},
    "report_stage_higher": {
        "zh": "部分门槛要素尚属未知，补充数据后阶段可能更高。",
        "en": "Some gate factors are unknown; the stage could be higher once they are collected.",
    },
    "report_top_stage": {"zh": "已处于本模型的最高阶段。", "en": "This is the top stage of the model."},
    "report_met": {"zh": "已具备的要素", "en": "Factors in place"},
    "report_gaps_to": {"zh": "距“{stage}”阶段的差距", "en": "Gaps to the \u201c{stage}\u201d stage"},
    "report_factor": {"zh": "要素", "en": "Factor"},
    "report_facts_used": {"zh": "事实与评分", "en": "Facts and ratings"},
    "report_to_collect": {"zh": "需补充", "en": "to collect"},
    "report_problem_facts": {"zh": "事实依据", "en": "Facts that show it"},
    "report_problem_recs": {"zh": "对应建议", "en": "Answered by"},
    "report_unchecked_item": {"zh": "{title}（出处：{source}）——需补充：{missing}", "en": "{title} (source: {source}) — needs: {missing}"},
    "report_rec_priority": {"zh": "第{rank}位，{level}", "en": "{rank}, {level}"},
    "report_rec_answers": {"zh": "针对的问题", "en": "Answers the problems"},
    "report_rec_closes": {"zh": "弥补的差距", "en": "Closes the gaps"},
    "report_rec_fits": {"zh": "适合当前阶段", "en": "Suits the current stage"},
    "report_level_high": {"zh": "优先", "en": "high"},
    "report_level_medium": {"zh": "较优先", "en": "medium"},
    "report_level_low": {"zh": "一般", "en": "low"},
    "report_field": {"zh": "字段", "en": "Field"},
    "report_unknowns_table": {"zh": "表{n}  建议补充收集的数据", "en": "Table {n}. Facts worth collecting"},
    "report_method": {"zh": "评估规则与方法", "en": "Rubric and method"},
    "report_method_text": {
        "zh": "各阶段逐级累积：达到某一阶段，须具备此前各阶段及该阶段的全部门槛要素；第一阶段为起点。要素的评估员评分达到门槛，或依据事实的规则成立，即视为具备。数据缺失的要素记为“未知”，不判为不具备，只会使阶段停留并降低可信度；可信度低于规则设定的下限时，阶段记为“无法判断”。建议按所针对问题的严重程度、可弥补的差距和与当前阶段的契合度排序。",
        "en": "Stages are cumulative: a stage is reached when every gate factor of that stage and of all stages before it is in place; the first stage is the floor. A factor is in place when the assessor's rating reaches its threshold or when its rule over the facts holds. A factor whose data are missing is unknown, not failed: it only stops the climb and lowers the confidence, and below the rubric's minimum confidence the stage is \u201cundetermined\u201d. Recommendations are ranked by the severity of the problems they answer, the gaps they close and how well they suit the current stage.",
    },
    "report_rubric_line": {"zh": "评估规则：{title}（{id}，版本{version}）", "en": "Rubric: {title} ({id}, version {version})"},
    "report_profile_sources": {"zh": "资料来源", "en": "Documents the facts come from"},
    "report_locators": {"zh": "本报告引用的出处", "en": "Source passages cited in this report"},
    "report_locators_note": {
        "zh": "出处编号指向随本工具提供的资料摘要（seeds/ 目录）中的同名章节。",
        "en": "Each locator names a section of the source digests shipped with the tool (the seeds/ folder).",
    },
    "report_generated": {"zh": "本报告由 cluster-assess {version} 生成。", "en": "Generated by cluster-assess {version}."},
    "report_unit_firms": {"zh": "家", "en": "firms"},
    "report_unit_people": {"zh": "人", "en": "people"},
    "report_unit_parks": {"zh": "个", "en": "parks"},
    "report_unit_brands": {"zh": "个", "en": "brands"},
    "report_unit_trademarks": {"zh": "件", "en": "trademarks"},
    "report_unit_centres": {"zh": "个", "en": "centres"},
    "report_unit_partnerships": {"zh": "项", "en": "partnerships"},
    "report_unit_patents": {"zh": "件", "en": "patents"},
    "report_unit_products": {"zh": "种", "en": "products"},
    "report_unit_markets": {"zh": "个", "en": "markets"},
    "report_unit_streets": {"zh": "条", "en": "streets"},
    "report_unit_shops": {"zh": "家", "en": "shops"},
    "report_unit_km²": {"zh": "平方公里", "en": "km²"},
}


def t(key: str, lang: str) -> str:
    return CATALOGUE[key][lang if lang in LANGS else "en"]


def resolve_lang(option: str | None) -> str:
    """Pick the interface language; an unknown value is a user error raised by the caller."""
    if option:
        return option
    env = os.environ.get("CLUSTER_ASSESS_LANG")
    if env in LANGS:
        return env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
