"""Strings of the printed report (cover, leader's summary, contents, figures, references) and of
the workbooks, kept beside the code that uses them; `i18n` adds them to the one catalogue."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # cover and page furniture
    "print_subtitle": {"zh": "产业集群发展评估报告", "en": "Cluster development assessment"},
    "print_compare_subtitle": {"zh": "产业集群发展对比评估报告", "en": "Comparative cluster assessment"},
    "print_author": {"zh": "撰写人", "en": "Author"},
    "print_organisation": {"zh": "单位", "en": "Organisation"},
    "print_contents": {"zh": "目  录", "en": "Contents"},
    "print_page": {"zh": "第 {page} 页 共 {pages} 页", "en": "Page {page} of {pages}"},
    "print_toc_hint": {"zh": "（在 Word 中右键目录选择“更新域”可刷新页码）",
                       "en": "(in Word, right-click the table and choose Update Field to refresh page numbers)"},
    # leader's summary
    "brief_title": {"zh": "领导阅览摘要", "en": "Summary for decision-makers"},
    "brief_stages": {"zh": "所处阶段", "en": "Stage on each model"},
    "brief_problems": {"zh": "最突出的三个问题", "en": "The three main problems"},
    "brief_actions": {"zh": "最优先的三项措施", "en": "The three first actions"},
    "brief_collect": {"zh": "下一步应补充的资料", "en": "What to collect next"},
    "brief_no_problems": {"zh": "按现有资料未发现问题。", "en": "No problem found from the facts given."},
    "brief_no_actions": {"zh": "暂无建议。", "en": "No recommendation yet."},
    "brief_no_collect": {"zh": "主要资料已齐备。", "en": "The main facts are all known."},
    "brief_conditional": {"zh": "（视情况：{condition}）", "en": " (if {condition})"},
    "brief_affects": {"zh": "{name}（影响：{affects}）", "en": "{name} (affects: {affects})"},
    "brief_towns_problem": {"zh": "{title}（{n}个集群）", "en": "{title} ({n} clusters)"},
    "brief_towns_missing": {"zh": "{name}（{n}个集群缺）", "en": "{name} (unknown for {n} clusters)"},
    "brief_ranking": {"zh": "排名", "en": "Ranking"},
    "brief_first_band": {"zh": "第一档：{names}。", "en": "First band: {names}."},
    # figures
    "ladder_legend_established": {"zh": "已确立", "en": "established"},
    "ladder_legend_possible": {"zh": "可能已达", "en": "possible"},
    "ladder_legend_ruled_out": {"zh": "未达到", "en": "not reached"},
    "fig_heatmap": {"zh": "图{n} 各要素达标情况（{part}）", "en": "Figure {n}. Factors met, by town ({part})"},
    "fig_heatmap_one": {"zh": "图{n} 各要素达标情况", "en": "Figure {n}. Factors met, by town"},
    "fig_heatmap_corner": {"zh": "要素", "en": "Factor"},
    "fig_heatmap_note": {"zh": "✓ 达标，✗ 未达标，? 未知（资料不足，不按零分计）；格内数字为得分。",
                         "en": "✓ met, ✗ not met, ? unknown (too few facts; not counted as zero); "
                               "the number is the score."},
    "fig_intervals": {"zh": "图{n} 成熟度指数区间与排名档次",
                      "en": "Figure {n}. Maturity index intervals and rank bands"},
    "fig_intervals_brief": {"zh": "成熟度指数区间与排名档次", "en": "Maturity index intervals and rank bands"},
    "fig_intervals_note": {"zh": "横条为指数在未知数据各种取值下的范围，圆点为按已知数据计算的值（区间窄时显示）；"
                                 "区间相互重叠的集群同属一档，尚不能区分先后。",
                           "en": "Each bar is the range the index can take over the unknown facts; the dot is the "
                                 "value from the known facts (shown when the range is narrow). Towns whose ranges "
                                 "overlap share a band and cannot yet be told apart."},
    "fig_band": {"zh": "档次", "en": "Band"},
    "fig_band_name": {"zh": "第{n}档", "en": "{n}"},
    "fig_interval": {"zh": "指数区间（0–100）", "en": "Index interval (0–100)"},
    "fig_ladders": {"zh": "图{n} 各集群所处阶段：{model}", "en": "Figure {n}. Stage of each town: {model}"},
    "fig_ladders_note": {"zh": "■ 已确立　▨ 可能已达（需补充资料判定）　□ 未达到",
                         "en": "■ established   ▨ possible (more facts would decide)   □ not reached"},
    "table_part": {"zh": "{title}（{k}/{n}）", "en": "{title} ({k}/{n})"},
    # references
    "report_sec_references": {"zh": "参考文献", "en": "References"},
    "ref_intro": {"zh": "本报告的判断依据以下文献；每条文献下列出报告引用的段落（按文献顺序）。",
                  "en": "The judgements of this report rest on the documents below; under each are the passages "
                        "the report cites, in the document's order."},
    "ref_profile": {"zh": "本集群资料来源：{docs}", "en": "Sources of this cluster's facts: {docs}"},
    "ref_user": {"zh": "{doc}（用户提供的资料）", "en": "{doc} (a document supplied with the profile)"},
    # workbooks
    "xlsx_sheet_towns": {"zh": "集群", "en": "Towns"},
    "xlsx_sheet_fields": {"zh": "字段说明", "en": "Fields"},
    "xlsx_sheet_notes": {"zh": "填表说明", "en": "How to fill in"},
    "xlsx_yes": {"zh": "是", "en": "yes"},
    "xlsx_no": {"zh": "否", "en": "no"},
    "xlsx_id_row": {"zh": "字段编号（程序读取用，请勿修改）", "en": "field id (read by the program; do not edit)"},
    "xlsx_fields_header": {"zh": "列标题|字段编号|说明|单位|填写方法|出处",
                           "en": "Column|Field id|Meaning|Unit|How to write it|Source"},
    "xlsx_notes": {
        "zh": "每个集群填一行，从第3行开始。\n第1行是中文列名，第2行是字段编号，"
              "程序按字段编号读取，请勿修改或删除这两行。\n"
              "不知道的数据请留空：留空表示“未知”，不会按零计算。\n带下拉箭头的单元格请从列表中选择（是/否、等级等）。\n"
              "金额可写“20多亿元”“5000万元”，比重可写“30%”或“30%以上”。\n每列的含义、单位和出处见“字段说明”表，"
              "或把鼠标停在列名上查看批注。\n填好后运行：cluster-assess compare 本文件.xlsx\n"
              "或：cluster-assess report 本文件.xlsx -o 报告.docx",
        "en": "One row per town, from row 3.\nRow 1 holds the column names and row 2 the field ids the program reads: "
              "do not edit or delete these two rows.\nLeave a cell blank when the fact is unknown: "
              "blank means unknown, never zero.\n"
              "Cells with a drop-down arrow take a value from the list (yes/no, levels).\n"
              "Amounts may be written as reports write them (20多亿元, 5000万元); shares as 30% or 30%以上.\n"
              "The sheet Fields explains each column, its unit and source; hover over a column name for its note.\n"
              "Then run: cluster-assess compare THIS.xlsx, or cluster-assess report THIS.xlsx -o report.docx"},
    "xlsx_compare_sheet": {"zh": "对比", "en": "Comparison"},
    "xlsx_compare_item": {"zh": "项目", "en": "Item"},
    "xlsx_compare_group": {"zh": "类别", "en": "Group"},
    "xlsx_unknown_note": {"zh": "未知：资料中没有这项数据（不是零）",
                          "en": "Unknown: the profile does not give this (not zero)"},
    "xlsx_compare_legend": {"zh": "▲ 该行最好　▼ 该行最弱　空白 = 未知（不是零）",
                            "en": "▲ best in the row   ▼ weakest in the row   blank = unknown (not zero)"},
}
