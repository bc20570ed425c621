"""The words `extract` writes into a draft and on stderr, in Chinese and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "header": {
        "zh": "# 由 `cluster-assess extract` 从报告自动起草的集群档案：{docs}\n"
              "# 下列每一项事实都是机器摘录的（note 以“自动摘录”开头）：使用前请逐条对照引文核对。\n"
              "# 评分由评估者给出：草稿从不填写评分，只在文末列出可能作为依据的句子。",
        "en": "# Draft profile written by `cluster-assess extract` from: {docs}\n"
              "# Every fact below was read by machine (its note starts \"extracted\"): check each against its quote.\n"
              "# Ratings are the assessor's: the draft never writes one; sentences that may be evidence are listed at the end.",
    },
    "note": {"zh": "自动摘录，请核对：{quote}", "en": "extracted, check: {quote}"},
    "uncertain_head": {
        "zh": "# 存疑，未填入（若原文确实如此，可移入 facts）：",
        "en": "# Uncertain, not filled in (move a line into facts if the text bears it out):",
    },
    "possibly": {"zh": "# 可能是 {path}: {value} — {reason} — «{quote}» ({where})",
                 "en": "# possibly {path}: {value} — {reason} — «{quote}» ({where})"},
    "ratings_head": {
        "zh": "# ratings: 评分由评估者给出（0–5）。原文中可能作为依据的句子：",
        "en": "# ratings: the assessor's to give (0–5). Sentences in the text that may be evidence:",
    },
    "hint": {"zh": "#   {rating}（{name}）的可能依据：«{quote}» ({where})",
             "en": "#   possible evidence for {rating} ({name}): «{quote}» ({where})"},
    "summary": {"zh": "共摘录 {facts} 项事实，{uncertain} 项存疑，{hints} 条可能的评分依据",
                "en": "extracted {facts} facts, {uncertain} uncertain, {hints} possible rating evidence"},
    "progress": {"zh": "已读 {done}/{total} 句", "en": "read {done}/{total} sentences"},
    "wrote": {"zh": "已写入 {file}；请核对每一项，再运行 validate 与 score", "en": "wrote {file}; check each fact, then run validate and score"},
    "into": {"zh": "向 {file} 补入 {added} 项档案中没有的事实（已有的 {kept} 项保持不变）",
             "en": "added {added} facts the profile did not state to {file} ({kept} it states left as they were)"},
    "two_fields": {"zh": "也可能是 {others}", "en": "could also be {others}"},
    "subject_unclear": {"zh": "主语不明", "en": "subject unclear"},
    "target_or_proposal": {"zh": "是目标或建议，不是现状", "en": "a target or proposal, not a fact"},
    "wider_area": {"zh": "可能指更大范围（全国、全省…）", "en": "may be a wider area's figure"},
    "part_of_figure": {"zh": "是“其中”的一部分，不是总数", "en": "a part of another figure, not a total"},
    "earlier_year": {"zh": "较早年份的数字", "en": "a figure for an earlier year"},
    "contradiction": {"zh": "原文说法前后不一", "en": "the text says different things"},
    "generic_chain": {"zh": "该产业没有专门的参照产业链（按通用链条读出），请核对环节",
                      "en": "no specific reference chain for this industry (read against the generic one): check the segment"},
    "several_named": {"zh": "多处各提到一个，可能不止一个：请清点", "en": "several sentences each name one: count them"},
    "invalid": {"zh": "不是该项能接受的值", "en": "not a value this field accepts"},
}


def msg(key: str, lang: str) -> str:
    entry = MESSAGES[key]
    return entry.get(lang, entry["en"])
