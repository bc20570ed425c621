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
    # `init`: the commented template profile
    "init_title": {"zh": "cluster-assess 集群档案（profile）模板", "en": "cluster-assess profile template"},
    "init_howto": {
        "zh": "知道什么填什么。每一项都可不填：不填即“未知”，绝不当作零。\n"
              "填写某项：删去该行开头的“# ”，在冒号后写上数值。缩进只能用空格，不能用 Tab。",
        "en": "Fill in what you know. Every field is optional: a field left out is unknown, never zero.\n"
              "To fill a field, delete the '# ' at the start of its line and write the value after the colon.\n"
              "Indent with spaces only, never tabs.",
    },
    "init_notation": {
        "zh": "数值可按调研报告的写法填写：\n"
              "  数量  200、200多家、２００多家、近3000家、1.5万人\n"
              "  金额  20多亿元、500万元、2000万美元以上（美元不会折算成人民币）\n"
              "  比重  30%、0.3、三成（单写 30 有歧义，会被拒绝：请写 30% 或 0.3）\n"
              "  增长率  12%、-5%      是/否  true/false 或 是/否\n"
              "范围（20-30亿元）、上限（不足20亿元）和模糊说法（数百家）会被拒绝：请写一个估计值，如 约25亿元。",
        "en": "Amounts may be written as the reports write them:\n"
              "  counts  200, 200多家, ２００多家, 近3000家, 1.5万人\n"
              "  money   20多亿元, 500万元, 2000万美元以上 (USD is never converted to CNY)\n"
              "  shares  30%, 0.3, 三成 (a bare 30 is ambiguous and refused: write 30% or 0.3)\n"
              "  rates   12%, -5%        yes/no  true/false or 是/否\n"
              "Ranges (20-30亿元), upper bounds (不足20亿元) and vague counts (数百家) are refused:\n"
              "write one estimate, e.g. 约25亿元.",
    },
    "init_provenance": {
        "zh": "每项事实都可注明出处：total: {value: 200多家, source: \"某某调研报告 第3页\", note: 备注}",
        "en": "A fact may carry its source: total: {value: 200多家, source: \"survey report, p. 3\", note: ...}",
    },
    "init_ratings": {
        "zh": "评分：评估人对定性因素的判断，0（没有）到 5（很好），可附依据：\n"
              "  market_norms: {score: 2, evidence: \"恶性竞争，缺乏行业引导\"}",
        "en": "Ratings: the assessor's judgement of qualitative factors, 0 (absent) to 5 (excellent),\n"
              "with evidence:  market_norms: {score: 2, evidence: \"vicious competition, no guidance\"}",
    },
    "init_check": {
        "zh": "请以 UTF-8 保存（GBK 也能读取）。\n"
              "检查：cluster-assess validate 文件名；评估：cluster-assess score 文件名",
        "en": "Save as UTF-8 (GBK is read too).\n"
              "Check: cluster-assess validate FILE; assess: cluster-assess score FILE",
    },
    "init_unit": {"zh": "单位", "en": "unit"},
    "init_why": {"zh": "依据", "en": "why"},
    "init_example": {"zh": "例", "en": "e.g."},
    "init_name": {"zh": "集群名称，如 小官庄镇玻璃工艺制品产业集群",
                  "en": "name of the cluster, e.g. 小官庄镇玻璃工艺制品产业集群"},
    "init_region": {"zh": "所在地区，如 江苏省宝应县小官庄镇", "en": "where it is, e.g. 江苏省宝应县小官庄镇"},
    "init_industry": {"zh": "产业，用于选择参考产业链", "en": "the industry; picks the reference value chain"},
    "init_year": {"zh": "数据所属年份，如 2023", "en": "the year the facts describe, e.g. 2023"},
    "init_sources": {"zh": "资料来源（文件列表）", "en": "documents the facts come from (a list)"},
    "init_notes": {"zh": "备注", "en": "notes"},
    "init_facts": {"zh": "事实（数据）", "en": "facts"},
    "init_segments": {"zh": "可用的环节编号", "en": "segment ids you may list"},
    "init_chain": {"zh": "参考产业链", "en": "reference chain"},
    "init_wrote": {"zh": "已写入 {file}。填写后检查：cluster-assess validate {file}",
                   "en": "wrote {file}; fill it in, then check it with: cluster-assess validate {file}"},
    # `validate`: the summary on stderr
    "validate_ok": {"zh": "已检查 {files} 个文件：没有错误，{warnings} 条警告。",
                    "en": "checked {files} file(s): no errors, {warnings} warning(s)."},
    "validate_bad": {"zh": "已检查 {files} 个文件：{bad} 个文件有 {errors} 处错误，{warnings} 条警告。",
                     "en": "checked {files} file(s): {errors} error(s) in {bad} file(s), {warnings} warning(s)."},
    "grade_low": {"zh": "低档", "en": "low grade"},
    "grade_mid_low": {"zh": "中低档", "en": "low-to-mid grade"},
    "grade_mid": {"zh": "中档", "en": "mid grade"},
    "grade_mid_high": {"zh": "中高档", "en": "mid-to-high grade"},
    "grade_high": {"zh": "高档", "en": "high grade"},
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
