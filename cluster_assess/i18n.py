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
    "implied": {"zh": "由规则推定", "en": "Implied by the rubric"},
    "inseparable": {"zh": "指数区间重叠、尚不能分出高下", "en": "Index intervals overlap, not yet told apart"},
    "deciding": {"zh": "可确定阶段的事实", "en": "Facts that would decide"},
    "conflicts": {"zh": "评分与事实不一致（请评估者核实）", "en": "Ratings the facts contradict (for the assessor to answer)"},
    "conditional": {"zh": "视情况", "en": "conditional"},
    "chain_unstated": {"zh": "未说明", "en": "not stated"},
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
    "init_measures": {"zh": "量词", "en": "measure words"},
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
    "validate_ok": {"zh": "已检查 {files} 份档案：没有错误，{warnings} 条警告。",
                    "en": "checked {files} profile(s): no errors, {warnings} warning(s)."},
    "validate_bad": {"zh": "已检查 {files} 份档案：{bad} 份档案有 {errors} 处错误，{warnings} 条警告。",
                     "en": "checked {files} profile(s): {errors} error(s) in {bad} profile(s), {warnings} warning(s)."},
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
    # compare
    "comparison": {"zh": "产业集群对比", "en": "Cluster comparison"},
    "towns": {"zh": "个集群", "en": "clusters"},
    "ranking": {"zh": "成熟度排名", "en": "Ranking by maturity"},
    "rank": {"zh": "排名", "en": "Rank"},
    "town": {"zh": "集群", "en": "Cluster"},
    "index": {"zh": "指数", "en": "Index"},
    "apart": {"zh": "数据不足、单列不排名", "en": "Listed apart (too little known to rank)"},
    "no_index": {"zh": "评估规则未定义成熟度指数，未排名。",
                 "en": "The rubric defines no maturity index; nothing is ranked."},
    "side_by_side": {"zh": "并列对比", "en": "Side by side"},
    "page": {"zh": "第{n}/{of}页", "en": "page {n} of {of}"},
    "legend": {"zh": "▲ 最好  ▼ 最弱  未知 = 缺少数据（不按0计）",
               "en": "▲ best  ▼ weakest  unknown = no data (never counted as 0)"},
    "transposed": {"zh": "集群较多，每行一个集群；完整对比请用 --format csv 或 markdown。",
                   "en": "Many clusters: one row per cluster; use --format csv or markdown for every row."},
    "differences": {"zh": "差距从何而来", "en": "What explains the gaps"},
    "vs": {"zh": "对比", "en": "vs"},
    "points": {"zh": "分", "en": "points"},
    "no_drivers": {"zh": "两者已知部分无明显差别", "en": "no clear difference in what is known for both"},
    "known_in_one": {"zh": "仅一方已知", "en": "known for only one"},
    "baseline": {"zh": "基准", "en": "Baseline"},
    "trajectories": {"zh": "历年变化", "en": "Over the years"},
    "stage_changes": {"zh": "阶段变化", "en": "Stage changes"},
    "indicator_changes": {"zh": "指标变化", "en": "Indicator changes"},
    "annual": {"zh": "年均", "en": "a year"},
    "resolved": {"zh": "已解决的问题", "en": "Problems resolved"},
    "new_problems": {"zh": "新出现的问题", "en": "New problems"},
    "unverifiable": {"zh": "无法再核查的问题", "en": "Problems no longer checkable"},
    "none": {"zh": "无", "en": "none"},
    "index_formula": {"zh": "指数计算方法", "en": "How the index is computed"},
    "direction_up": {"zh": "上升", "en": "up"},
    "direction_down": {"zh": "下降", "en": "down"},
    "direction_same": {"zh": "不变", "en": "unchanged"},
    "direction_unclear": {"zh": "无法判断", "en": "unclear"},
    "skipped": {"zh": "已跳过", "en": "skipped"},
    # reports (`cluster-assess report`): the survey-report structure, 一、… 五、
    "report_compare_title": {"zh": "{n}个产业集群发展对比评估报告", "en": "Comparative assessment of {n} clusters"},
    "report_compare_summary": {"zh": "本报告对比{n}个集群：{ranked}个按成熟度指数排名，{apart}个因数据不足单列。",
                               "en": "This report compares {n} clusters: {ranked} ranked by maturity index, "
                                     "{apart} listed apart for lack of data."},
    "report_compare_first": {"zh": "成熟度最高：{name}。", "en": "Most mature: {name}."},
    "report_compare_intro": {"zh": "参与对比的集群（{n}个）：{towns}。", "en": "Clusters compared ({n}): {towns}."},
    "report_compare_indicators": {"zh": "主要指标对比", "en": "Key indicators side by side"},
    "report_compare_chart": {"zh": "图{n}  成熟度指数", "en": "Figure {n}. Maturity index"},
    "report_compare_ranked": {"zh": "参与排名", "en": "ranked"},
    "report_compare_apart_short": {"zh": "单列", "en": "apart"},
    "report_compare_factors": {"zh": "各要素得分对比", "en": "Factor scores side by side"},
    "report_compare_gap": {"zh": "{higher}比{lower}高{gap}分，主要来自：{drivers}",
                           "en": "{higher} leads {lower} by {gap} points, mainly from: {drivers}"},
    "report_compare_problem_counts": {"zh": "问题数量（按严重程度）", "en": "Problems by severity"},
    "report_compare_what": {"zh": "内容", "en": "What to do"},
    "report_compare_recs_intro": {"zh": "以下为各集群排序前{n}位的建议，详见各集群的单独报告。",
                                  "en": "Each cluster's first {n} recommendations; see each cluster's own report for all."},
    "report_compare_min_conf": {"zh": "指数可信度低于{conf}的集群单列，不参与排名。",
                                "en": "Clusters whose index confidence is below {conf} are listed apart, not ranked."},
    "report_compare_unknowns": {"zh": "{name}：{n}项数据待补充", "en": "{name}: {n} facts worth collecting"},
    "report_compare_trajectories": {"zh": "历年变化", "en": "Changes over the years"},
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
        "zh": "处于“{stage}”阶段，可信度{confidence}（门槛要素中有评分或有规则所需事实的比例）。",
        "en": "At the \u201c{stage}\u201d stage, with confidence {confidence} (the share of gate factors with a rating or the facts their rule needs).",
    },
    "report_stage_other": {"zh": "{stage}：{reason}", "en": "{stage}: {reason}"},
    "report_stage_range": {
        "zh": "{stage}。已确定的下限由下列依据支持；上限以内的阶段尚无事实排除，需补充的事实见下。",
        "en": "{stage}. The lower bound rests on the evidence below; no known fact rules out the stages up to the upper bound — the facts that would decide are listed below.",
    },
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
        "zh": "各阶段逐级累积：达到某一阶段，须具备此前各阶段及该阶段的全部门槛要素；第一阶段为起点。阶段以区间表示：下限是现有证据已确立的最高阶段，上限是尚无已知事实排除的最高阶段；两者一致时即为所处阶段。评估员给出评分的要素以评分为准，未评分的依事实规则判断；评分与事实不一致时以评分为准，并列为“评分与事实不一致”请评估者核实。数据缺失的要素记为“未知”，不判为不具备，只会使区间变宽。评估规则中声明的推定关系（如具备向内辐射即说明已是集群）同时作用于上下限。建议先列针对已发现问题或已知不具备要素的确定建议，再列视情况而定的建议。",
        "en": "Stages are cumulative: a stage needs all gate factors of the stages below it and its own; the first stage is the floor. A stage is given as a range: the lower bound is the highest stage the evidence establishes, the upper bound the highest stage no known fact rules out; when they coincide, that is the stage. A factor the assessor rated is decided by the rating, otherwise by its rule over facts; when the two disagree the rating stands and the disagreement is listed for the assessor to answer. Missing data makes a factor unknown, never unmet: it only widens the range. Implications declared in the rubric (inward radiation shows the place is a cluster) act on both bounds. Firm recommendations, for detected problems or factors known unmet, come before conditional ones.",
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
    "batch_summary": {
        "zh": "已评估 {scored} 个，失败 {failed} 个，用时 {elapsed:.1f} 秒",
        "en": "scored {scored}, failed {failed}, in {elapsed:.1f} s",
    },
    "batch_skipped": {"zh": "已跳过 {file}", "en": "skipped {file}"},
    "batch_progress": {"zh": "评估中", "en": "Scoring"},
}

# The ranking keeps its strings beside its code (cluster_assess/rank/messages.py), and the
# messages (errors, warnings, notes) theirs (cluster_assess/messages*.py); one catalogue.
from cluster_assess.io.messages import TEXT as _IO_MESSAGES  # noqa: E402
from cluster_assess.messages import TEXT as _MESSAGES  # noqa: E402
from cluster_assess.messages_tools import TEXT as _TOOL_MESSAGES  # noqa: E402
from cluster_assess.rank.messages import TEXT as _RANK_TEXT  # noqa: E402

CATALOGUE.update(_RANK_TEXT)
CATALOGUE.update(_MESSAGES)
CATALOGUE.update(_TOOL_MESSAGES)
CATALOGUE.update(_IO_MESSAGES)

# The language the current command speaks, set once its options are read; errors raised before
# that (or by the library alone) are said in the language the environment asks for.
ACTIVE: str | None = None


def t(key: str, lang: str) -> str:
    return CATALOGUE[key][lang if lang in LANGS else "en"]


class Msg(str):
    """A message from the catalogue: its English text (so it reads as a str everywhere, in tests and
    logs), plus the key and parameters to say it in the reader's language at print time."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Msg:
        self = super().__new__(cls, _fill(key, "en", params))
        self.key, self.params = key, params
        return self

    def __reduce__(self):  # pickles across processes (score's workers) with key and parameters
        return (_rebuild, (self.key, self.params))

    def say(self, lang: str) -> str:
        return _fill(self.key, lang, self.params)


def _rebuild(key: str, params: dict[str, object]) -> Msg:
    return Msg(key, **params)


def _fill(key: str, lang: str, params: dict[str, object]) -> str:
    values = {name: _param(value, lang) for name, value in params.items()}
    return t(key, lang).format(**values)


def _param(value: object, lang: str) -> object:
    """A parameter in `lang`: a Msg is said, a {zh, en} pair picked; anything else as it is."""
    if isinstance(value, Msg):
        return value.say(lang)
    if isinstance(value, dict) and "en" in value and "zh" in value:
        return value[lang if lang in LANGS else "en"]
    return value


def msg(key: str, /, **params: object) -> Msg:
    """The message `key` of the catalogue with its parameters; a parameter may itself be a Msg."""
    return Msg(key, **params)


def say(text: object, lang: str | None = None) -> str:
    """A message in `lang` (default: the active language); plain strings pass unchanged."""
    language = lang or current_lang()
    return text.say(language) if isinstance(text, Msg) else str(text)


def current_lang() -> str:
    return ACTIVE or resolve_lang(None)


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

# -- the printed report and the workbooks (cluster_assess/report/messages.py) ---------------------
from cluster_assess.report.messages import TEXT as _PRINT_TEXT  # noqa: E402

CATALOGUE.update(_PRINT_TEXT)
