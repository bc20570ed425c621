"""The commented profile template `cluster-assess init` writes.

It is generated from the Profile model (`field_specs()` and the model's groups), so it cannot
drift from what `validate` accepts: every fact line is commented out, every group header is
left in, and the file as written is a valid, empty profile.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cluster_assess.i18n import t
from cluster_assess.profile.fields import FieldSpec, field_specs
from cluster_assess.profile.schema import Profile

_EXAMPLES = {
    "count": "200多", "money": "20多亿元", "share": "30%", "rate": "12%", "number": "3.5",
    "flag": "true", "names": "[甲, 乙]", "text": "…", "rating": "3", "quantity": "2.8亿件", "real": "-0.02",
}
# every unit the catalogue names, in Chinese for the Chinese template
_UNITS_ZH = {
    "firms": "家", "people": "人", "CNY": "元", "USD or CNY": "美元或元", "share": "比重", "rate": "增长率",
    "yes/no": "是/否", "names": "名称列表", "segment ids": "环节编号", "platform kinds": "平台类型",
    "0–5": "0–5 分", "trademarks": "件", "brands": "个", "centres": "个", "partnerships": "项",
    "products": "种", "patents": "件", "markets": "个", "streets": "条", "shops": "间", "parks": "个",
    "km²": "平方公里", "table unit": "表中单位", "ratio": "比值", "stars": "星", "index": "指数",
    "choice": "选项", "quantity": "实物量（带量词）", "machines": "台", "CNY per unit": "元/件（双…）",
    "CNY per year": "元/年", "firms per year": "家/年", "USD or CNY per year": "美元或元/年",
}
_TOP_LEVEL = {"name": "init_name", "region": "init_region", "industry": "init_industry", "year": "init_year",
              "sources": "init_sources", "notes": "init_notes"}


def industry_word(chain: Any, lang: str) -> str:
    """The word to write under `industry:` so that the engine picks `chain`: one of its match
    words (preferring the chosen language's script), else the chain's name."""
    words = list(chain.match)
    if lang == "zh":
        words.sort(key=lambda w: w.isascii())
    else:
        words.sort(key=lambda w: not w.isascii())
    return words[0] if words else chain.name.get(lang)


def render_template(lang: str, chains: list[Any], chain: Any | None = None) -> str:
    """The template text. `chains` are the rubric's reference value chains; `chain`, if given, is
    the one `--industry` chose: it fills `industry:` and lists its segment ids."""
    lines: list[str] = [f"# {t('init_title', lang)}", "#"]
    for key in ("init_howto", "init_notation", "init_provenance", "init_ratings", "init_check"):
        lines += [f"# {row}".rstrip() for row in t(key, lang).splitlines()]
        lines.append("#")
    lines.append("")
    for name, info in Profile.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            continue
        meaning = t(_TOP_LEVEL[name], lang) if name in _TOP_LEVEL else (info.description or name)
        if name == "industry" and chain is not None:
            lines.append(f"industry: {industry_word(chain, lang)}    # {meaning}: {chain.name.get(lang)} ({chain.id})")
        elif name in ("name", "region", "industry", "year"):
            lines.append(f"{name}:    # {meaning}")
        else:
            lines.append(f"# {name}:    # {meaning}")
    specs = field_specs()
    for group in ("facts", "ratings"):
        lines.append("")
        lines.append(f"{group}:")
        opened: list[str] = [group]
        for spec in (s for s in specs.values() if s.path.startswith(group + ".")):
            parents = spec.path.split(".")[:-1]
            common = 0
            while common < min(len(opened), len(parents)) and opened[common] == parents[common]:
                common += 1
            for depth in range(common, len(parents)):
                lines.append(f"{'  ' * depth}{parents[depth]}:")
            opened = parents
            lines += _field_lines(spec, len(parents), lang, chains, chain)
    return "\n".join(lines) + "\n"


def example(spec: FieldSpec, lang: str) -> str:
    """An example that fits the field: its own when declared, the choices (with the Chinese words
    officials write, in the Chinese template), or the kind's with the field's first measure word."""
    if spec.example:
        return spec.example
    if spec.kind == "choice":
        labels = dict(spec.labels)
        if lang == "zh" and labels:
            return " | ".join(f"{c}（{labels[c][0]}）" if labels.get(c) else c for c in spec.choices)
        return " | ".join(spec.choices)
    if spec.kind == "flag" and lang == "zh":
        return "是"
    if spec.kind == "count" and spec.measures:
        return f"200多{spec.measures[0]}"
    return _EXAMPLES.get(spec.kind, "…")


def _field_lines(spec: FieldSpec, depth: int, lang: str, chains: list[Any], chain: Any | None) -> list[str]:
    indent = "  " * depth
    meaning = spec.zh if lang == "zh" else spec.en
    parts = [meaning]
    if spec.unit:
        unit = _UNITS_ZH.get(spec.unit, spec.unit) if lang == "zh" else spec.unit
        parts.append(f"{t('init_unit', lang)}: {unit}")
    if spec.measures and spec.kind in ("count", "quantity", "series"):
        parts.append(f"{t('init_measures', lang)}: {'、'.join(spec.measures)}")
    parts.append(f"{t('init_example', lang)} {example(spec, lang)}")
    if spec.why:
        parts.append(f"{t('init_why', lang)}: {spec.why}")
    out = [f"{indent}# {' · '.join(parts)}"]
    if spec.path == "facts.chain.segments":
        for shown in [chain] if chain is not None else chains:
            ids = ", ".join(s.id for s in shown.segments)
            out.append(f"{indent}#   {t('init_chain', lang)} {shown.id} ({shown.name.get(lang)}): {ids}")
    out.append(f"{indent}# {spec.path.rsplit('.', 1)[-1]}:")
    return out
