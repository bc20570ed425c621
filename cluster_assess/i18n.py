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
    "choice_professional_market": {"zh": "依托专业市场", "en": "around a professional market"},
    "choice_export_advantage": {"zh": "依托出口优势", "en": "around an export advantage"},
    "choice_leading_firm": {"zh": "依托龙头企业", "en": "around a leading firm"},
    "classifications": {"zh": "集群类型与结构", "en": "Type and structure"},
    "undecided": {"zh": "尚无法判断", "en": "undecided"},
    "also_possible": {"zh": "补充数据后也可能是", "en": "could also be, once known"},
    "items": {"zh": "明细", "en": "details"},
    "warning": {"zh": "警告", "en": "warning"},
    "error": {"zh": "错误", "en": "error"},
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
