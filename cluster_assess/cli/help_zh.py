"""The command line's help in Chinese, keyed by its English text as gettext keys a message by its
msgid: the English stays beside the code it documents, and a test fails when an English help text
has no Chinese here (or a Chinese entry no longer has its English), so the two cannot drift.

`cli.help_language` swaps these in when the command speaks Chinese (`--lang zh`, or the
environment); typer's own words (Usage, Options, [default: …]) are said in `TYPER_ZH`.
"""

from __future__ import annotations

from cluster_assess.cli.options import INPUTS_HELP as _PROFILES

_PROFILES_ZH = ("集群档案：YAML 文件、表格（.xlsx、.xlsm、.csv，每行一个集群）、文件夹（递归读取其中所有档案和表格）、"
                "加引号的通配符（如 'data/**/*.yaml'），或 example:名称。")

HELP_ZH: dict[str, str] = {
    # the program and the options every command shares
    "Tell the people who run an industrial cluster where it stands and what to do next.\n\nExamples:\n\n"
    "  cluster-assess score examples/shishi.yaml\n\n"
    "  cluster-assess init --lang zh -o my-town.yaml   (then: validate my-town.yaml)\n\n"
    "  cluster-assess score my-town.yaml --format json -o my-town.json\n\n"
    "  cluster-assess compare examples/ --format markdown\n\n"
    "  cluster-assess report examples/xiaoguanzhuang-glass.yaml --lang zh -o glass.html\n\n"
    "  cluster-assess explain market_norms":
        "告诉产业集群的管理者：集群处在什么阶段，下一步该做什么。\n\n示例：\n\n"
        "  cluster-assess score examples/shishi.yaml\n\n"
        "  cluster-assess init --lang zh -o my-town.yaml   （然后：validate my-town.yaml）\n\n"
        "  cluster-assess score my-town.yaml --format json -o my-town.json\n\n"
        "  cluster-assess compare examples/ --format markdown\n\n"
        "  cluster-assess report examples/xiaoguanzhuang-glass.yaml --lang zh -o glass.html\n\n"
        "  cluster-assess explain market_norms",
    "Show the version and exit.": "显示版本号后退出。",
    "Output format.": "输出格式。",
    "Language of the output: zh or en (default: CLUSTER_ASSESS_LANG, else locale).":
        "输出语言：zh 或 en（默认取 CLUSTER_ASSESS_LANG，否则按系统区域设置）。",
    "Write to FILE instead of stdout ('-' is stdout).": "写入文件 FILE，而不是标准输出（'-' 表示标准输出）。",
    "Overwrite an existing output file.": "覆盖已存在的输出文件。",
    "Built-in rubric id or path to a rubric YAML (default: cluster-core).":
        "内置评估规则的 id，或评估规则 YAML 文件的路径（默认：cluster-core）。",
    _PROFILES: _PROFILES_ZH,
    # score
    "Assess cluster profiles: stage on each model with reasons, gaps, problems, recommendations.\n\n"
    "Without --keep-going the first bad profile stops the run (exit 2). With several profiles a\n"
    "summary (scored, failed, time) goes to stderr.\n\nExamples:\n\n\b\n"
    "  cluster-assess score examples/shishi.yaml --lang zh\n"
    "  cluster-assess score counties/ --format jsonl -o all.jsonl --keep-going":
        "评估集群档案：各模型上的发展阶段及理由、差距、问题和对策建议。\n\n"
        "不加 --keep-going 时，遇到第一个有误的档案即停止（退出码 2）。评估多个档案时，\n"
        "汇总（已评估、失败、用时）写到标准错误。\n\n示例：\n\n\b\n"
        "  cluster-assess score examples/shishi.yaml --lang zh\n"
        "  cluster-assess score counties/ --format jsonl -o all.jsonl --keep-going",
    "Output format. json: one object for one profile, an array when PROFILES name several or a folder or glob. "
    "jsonl: one object per line, written as each profile is scored.":
        "输出格式。json：一个档案输出一个对象；给出多个档案、文件夹或通配符时输出数组。"
        "jsonl：每行一个对象，评估完一个写一个。",
    "Report a bad profile on stderr and go on with the rest; the exit status is then 2 if any profile failed.":
        "有误的档案在标准错误中报告，其余照常评估；只要有一个档案失败，退出码即为 2。",
    "Text format: everything — evidence, gaps, every problem and recommendation, sources — instead of the "
    "one-screen summary.":
        "文本格式下输出全部内容（依据、差距、所有问题和建议、出处），而不是一屏摘要。",
    "Progress bar on stderr (default: on when stderr is a terminal and more than 20 profiles are given).":
        "在标准错误显示进度条（默认：标准错误是终端且档案多于 20 个时显示）。",
    "Worker processes to read and assess the towns (default: the machine's cores). Results, warnings and errors "
    "are the same as with one.":
        "读取和评估各集群所用的工作进程数（默认：本机核数）。结果、警告和错误与单进程时相同。",
    "Worker processes for many profiles (default: the machine's cores). The output keeps the input order.":
        "评估多个档案时使用的工作进程数（默认：本机核数）。输出保持输入顺序。",
    # compare
    "Compare clusters side by side: ranking by maturity index, stages, factors, key indicators,\n"
    "problems, what explains each gap, and changes over the years.\n\n"
    "Without --keep-going any invalid town stops the run (exit 2) with every problem listed.\n\n"
    "Examples: cluster-assess compare examples/ ; cluster-assess compare towns.xlsx -F markdown -o brief.md":
        "并列比较多个集群：按成熟度指数排名，列出发展阶段、要素、关键指标、问题、\n"
        "各集群差距的原因，以及历年变化。\n\n"
        "不加 --keep-going 时，任一集群档案有误即停止（退出码 2），并列出全部问题。\n\n"
        "示例：cluster-assess compare examples/ ；cluster-assess compare towns.xlsx -F markdown -o brief.md",
    "Column order: index (ranking, default), name, year, input, or a row id such as factor.market_norms or "
    "facts.firms.total.":
        "列的顺序：index（按排名，默认）、name、year、input，或某一行的 id，如 factor.market_norms、"
        "facts.firms.total。",
    "Explain every town's gap to this one (name or name · year) instead of to its neighbour in the ranking.":
        "说明每个集群与这一个集群（名称，或“名称 · 年份”）的差距，而不是与排名相邻者的差距。",
    "Also write an SVG chart: a radar of factor scores for up to 8 towns, and a line per cluster followed over "
    "the years.":
        "同时写出 SVG 图：最多 8 个集群的要素得分雷达图，以及多年跟踪的集群每个一条折线。",
    "Skip towns that fail validation (each reported on stderr with its file, row and column) and compare the "
    "rest; exit 0 if at least one town was compared.":
        "跳过未通过校验的集群（每个都在标准错误中注明文件、行和列），比较其余集群；只要比较了至少一个集群，"
        "退出码即为 0。",
    "Print the JSON Schema of --format json and exit.": "输出 --format json 的 JSON Schema 后退出。",
    "Also rank by index, topsis or gra, as `rank` does with its default conventions (named in the output).":
        "另按 index、topsis 或 gra 排名，与 `rank` 的默认约定相同（输出中注明）。",
    "Weights of the --method ranking: rubric, equal, entropy, critic, ahp:FILE or "
    "combined:ahp:FILE,entropy[,alpha].":
        "--method 排名所用的权重：rubric、equal、entropy、critic、ahp:文件，或 combined:ahp:文件,entropy[,alpha]。",
    # examples, explain, extract, init
    "List the example profiles shipped with cluster-assess, or write one out.\n\n"
    "Any command that takes a profile also accepts `example:NAME`, e.g.\n`cluster-assess score example:shishi`.":
        "列出 cluster-assess 自带的示例档案，或输出其中一个。\n\n"
        "凡是接受档案的命令都接受 `example:名称`，如\n`cluster-assess score example:shishi`。",
    "Example to print (e.g. shishi).": "要输出的示例（如 shishi）。",
    "Explain a rubric item: its text, rule in words, thresholds and rationale, source passage.\n\n"
    "Example: cluster-assess explain market_norms --lang zh":
        "解释评估规则中的一项：其内容、规则的文字表述、门槛和理由、出处原文。\n\n"
        "示例：cluster-assess explain market_norms --lang zh",
    "Id of a factor, stage (or MODEL:STAGE), model, classification, problem check, recommendation, metric, "
    "chain or fact path.":
        "要素、阶段（或 模型:阶段）、模型、分类、问题检查、建议、指标、产业链的 id，或事实的路径；也可写中文名称。",
    "Draft a profile from reports: facts with their sentence, uncertain readings as comments.\n\n"
    "Examples: cluster-assess extract report.docx -o draft.yaml ;\n"
    "cluster-assess extract survey.pdf --into my-town.yaml":
        "从报告起草集群档案：每项事实附原句，存疑的读法写成注释。\n\n"
        "示例：cluster-assess extract report.docx -o draft.yaml ；\n"
        "cluster-assess extract survey.pdf --into my-town.yaml",
    "Reports to read: .txt or .md (UTF-8 or GBK), .docx, text PDF.":
        "要读取的报告：.txt 或 .md（UTF-8 或 GBK）、.docx、有文字层的 PDF。",
    "Reference value chain for segments: a chain id of the rubric (`cluster-assess rubric list` names them) or "
    "an industry word such as 服装 or 五金; default: guessed from the text.":
        "用于识别产业链环节的参考产业链：评估规则中的产业链 id（`cluster-assess rubric list` 列出），"
        "或产业名称，如 服装、五金；默认根据文本推断。",
    "Add to this profile the facts it does not state (its comments kept), instead of writing a draft.":
        "把档案中尚未写明的事实补充进这个档案（保留其注释），而不是另写草稿。",
    "Write a commented template profile: every field with its meaning, unit and source passage.\n\n"
    "With --xlsx, write a workbook instead: one row per town, one column per profile field, each\n"
    "header with a note on its meaning and unit; fill it in, then run `compare FILE` or `score FILE`.\n\n"
    "Examples: cluster-assess init --lang zh --industry glass_crafts -o my-town.yaml ;\n"
    "cluster-assess init --xlsx towns.xlsx --lang zh":
        "写出带注释的档案模板：每个字段的含义、单位和出处。\n\n"
        "加 --xlsx 时改为写出工作簿：每行一个集群，每列一个档案字段，\n"
        "表头批注说明含义和单位；填好后运行 `compare 文件` 或 `score 文件`。\n\n"
        "示例：cluster-assess init --lang zh --industry glass_crafts -o my-town.yaml ；\n"
        "cluster-assess init --xlsx towns.xlsx --lang zh",
    "Reference value chain to pre-fill (e.g. garment, glass_crafts, generic): sets `industry:` and lists that "
    "chain's segment ids.":
        "预先填入的参考产业链（如 garment、glass_crafts、generic）：设置 `industry:`，并列出该产业链各环节的 id。",
    "Write a workbook template (.xlsx, one row per town) to this file instead.":
        "改为向这个文件写出工作簿模板（.xlsx，每行一个集群）。",
    # rank
    "Rank clusters with a weighted index, TOPSIS or grey relational analysis, with weights from the\n"
    "rubric, entropy, CRITIC or AHP; every result names its conventions.\n\n"
    "Unknown values are never imputed: they give rank ranges. Rank stability shows the smallest one-weight\n"
    "change that moves each alternative, and how often it keeps its rank under perturbed weights.\n\n"
    "Examples: cluster-assess rank examples/ ; cluster-assess rank --table towns.csv --cost 能耗 --weights entropy":
        "用加权指数、TOPSIS 或灰色关联分析为集群排名，权重取自评估规则、熵权法、CRITIC 或层次分析法（AHP）；\n"
        "每个结果都注明所用的约定。\n\n"
        "未知数值从不插补，而是给出名次区间。排名稳定性给出使各方案名次改变的最小单项权重变化，\n"
        "以及权重随机扰动时各方案保持名次的频率。\n\n"
        "示例：cluster-assess rank examples/ ；cluster-assess rank --table towns.csv --cost 能耗 --weights entropy",
    "Profiles, folders or spreadsheets of profiles (as for compare).": "档案、文件夹或档案表格（与 compare 相同）。",
    "A decision table (.csv or .xlsx): one row per alternative, one column per criterion.":
        "决策表（.csv 或 .xlsx）：每行一个方案，每列一个指标。",
    "A cost criterion of --table (lower is better); repeatable.": "--table 中的成本型指标（越低越好）；可重复给出。",
    "index, topsis or gra.": "index、topsis 或 gra。",
    "rubric | equal | entropy | critic | ahp:FILE | combined:ahp:FILE,entropy[,alpha] (default: rubric for "
    "profiles, entropy for a table).":
        "rubric | equal | entropy | critic | ahp:文件 | combined:ahp:文件,entropy[,alpha]"
        "（默认：档案用 rubric，决策表用 entropy）。",
    "TOPSIS normalisation: vector, minmax or sum.": "TOPSIS 的标准化方法：vector、minmax 或 sum。",
    "TOPSIS distance: euclidean or manhattan.": "TOPSIS 的距离：euclidean（欧氏）或 manhattan（曼哈顿）。",
    "GRA distinguishing coefficient ρ (分辨系数), in (0, 1].": "灰色关联分析的分辨系数 ρ，取值 (0, 1]。",
    "Entropy variant: minmax (min-max first, cost reversed) or sum (p = x/Σx).":
        "熵权法的变体：minmax（先做极差标准化，成本型指标取反）或 sum（p = x/Σx）。",
    "AHP priorities: eigenvector, geometric or sum-product (和积法).":
        "层次分析法求权重的方法：eigenvector（特征向量法）、geometric（几何平均法）或 sum-product（和积法）。",
    "Random-index table for CR: saaty, alonso-lamata or gong-xu.":
        "计算一致性比率 CR 所用的随机一致性指标表：saaty、alonso-lamata 或 gong-xu。",
    "Accept AHP matrices with CR ≥ 0.1.": "接受 CR ≥ 0.1 的判断矩阵。",
    "Rank only alternatives with no unknown value.": "只为没有未知数值的方案排名。",
    "Monte Carlo draws for rank stability (0: none).": "排名稳定性的蒙特卡罗抽样次数（0：不抽样）。",
    "Each weight is multiplied by uniform(1−s, 1+s) in a draw.": "每次抽样中，各权重乘以 uniform(1−s, 1+s)。",
    "Seed of the Monte Carlo draws.": "蒙特卡罗抽样的随机种子。",
    "Also write the rank-stability figure (SVG).": "同时写出排名稳定性图（SVG）。",
    # report
    "Write a survey report (调研报告): basic facts, stage, problems, recommendations, data notes.\n\n"
    "One profile gives a cluster report; several (or a folder, or a spreadsheet) give a comparison\n"
    "report with the side-by-side tables and the ranking of `compare`.\n\nExamples:\n\n"
    "  cluster-assess report examples/xiaoguanzhuang-glass.yaml -o glass.html\n\n"
    "  cluster-assess report my-town.yaml --lang zh -o my-town.docx\n\n"
    "  cluster-assess report examples/ -o comparison.html":
        "撰写调研报告：基本情况、发展阶段、存在的问题、对策建议和数据说明。\n\n"
        "给出一个档案时写单个集群的报告；给出多个档案（或文件夹、表格）时写比较报告，\n"
        "含 `compare` 的对照表和排名。\n\n示例：\n\n"
        "  cluster-assess report examples/xiaoguanzhuang-glass.yaml -o glass.html\n\n"
        "  cluster-assess report my-town.yaml --lang zh -o my-town.docx\n\n"
        "  cluster-assess report examples/ -o comparison.html",
    _PROFILES + " One profile gives a cluster report, several a comparison report.":
        _PROFILES_ZH + "一个档案写单个集群的报告，多个档案写比较报告。",
    "md, html or docx (default: from the -o extension, else md).": "md、html 或 docx（默认按 -o 的扩展名，否则为 md）。",
    "Comparison reports: add a ranking by index, topsis or gra, with its stability figure (as `rank`).":
        "比较报告：另加按 index、topsis 或 gra 的排名及其稳定性图（与 `rank` 相同）。",
    "Weights of the --method ranking.": "--method 排名所用的权重。",
    "The author named on the cover (撰写人).": "封面上署名的撰写人。",
    "The organisation named on the cover (单位).": "封面上署名的单位。",
    # validate, rubric
    "Check profiles and report every problem at once, each at its file, line and field.\n\n"
    "Example: cluster-assess validate my-town.yaml profiles/ towns.xlsx":
        "检查档案，一次报告全部问题，每个问题注明文件、行和字段。\n\n"
        "示例：cluster-assess validate my-town.yaml profiles/ towns.xlsx",
    "Rubric packs: list the built-in ones, validate your own, generate their reference docs.":
        "评估规则包：列出内置的规则包，检查自己的规则包，生成规则参考文档。",
    "List the built-in rubric packs with their version, title and size.\n\n"
    "Example: cluster-assess rubric list --lang zh":
        "列出内置的评估规则包及其版本、标题和规模。\n\n示例：cluster-assess rubric list --lang zh",
    "Check rubric packs: every problem in every file is reported at once, with file:line.\n\n"
    "Exit status 0 when all are valid, 2 when any is not.\nExample: cluster-assess rubric validate my-pack.yaml":
        "检查评估规则包：一次报告所有文件中的全部问题，注明“文件:行”。\n\n"
        "全部无误时退出码为 0，任一有误时为 2。\n示例：cluster-assess rubric validate my-pack.yaml",
    "Rubric YAML file(s) to check.": "要检查的评估规则 YAML 文件。",
    "Write the reference documentation of a pack (markdown), generated from its YAML.\n\n"
    "Example: cluster-assess rubric docs --lang zh -o docs/rubric.zh.md --force":
        "根据规则包的 YAML 生成其参考文档（markdown）。\n\n"
        "示例：cluster-assess rubric docs --lang zh -o docs/rubric.zh.md --force",
    # indicators
    "Measure specialisation and concentration from data tables (region × industry employment or output; firm "
    "rosters) and write them into a profile as measured facts.":
        "根据数据表（地区 × 产业的就业或产值；企业名录）测算专业化和集中度，并作为测算所得的事实写入档案。",
    "Location quotients, specialisation, diversity, concentration, stars and strength tiers.":
        "区位商、专业化、多样化、集中度、明星产业和实力分级。",
    "Long table: CSV, TSV, Parquet or XLSX.": "长表：CSV、TSV、Parquet 或 XLSX。",
    "Region column.": "地区所在的列。",
    "Industry column.": "产业所在的列。",
    "Employment or output column.": "就业人数或产值所在的列。",
    "Establishment-count column (US CMP tier test).": "企业（单位）数所在的列（用于美国 CMP 分级检验）。",
    "Add up repeated keys instead of refusing them.": "重复的键相加，而不是拒绝。",
    "With --into, replace values the profile states with the measured ones.": "与 --into 同用时，用测算值替换档案中已写明的值。",
    "Which result table to output.": "输出哪一张结果表。",
    "Rows per table in text/markdown; 0 = all.": "text/markdown 格式下每张表的行数；0 表示全部。",
    "Profile YAML to write the measured facts into (comments kept).": "把测算所得的事实写入这个档案 YAML（保留注释）。",
    "Cell to write --into (default: the profile's region).": "写入 --into 的地区（默认：档案中的地区）。",
    "Cell to write --into (default: the profile's industry).": "写入 --into 的产业（默认：档案中的产业）。",
    "Alternative thresholds YAML (default: rubrics/indicators/thresholds.yaml).":
        "另用的门槛 YAML（默认：rubrics/indicators/thresholds.yaml）。",
    "Firm HHI, Gini, CR4/CR8, Ellison–Glaeser γ, size bands and leading-firm weight.":
        "企业层面的 HHI、基尼系数、CR4/CR8、Ellison–Glaeser γ 指数、规模分档和龙头企业比重。",
    "Firm roster: CSV, TSV, Parquet or XLSX.": "企业名录：CSV、TSV、Parquet 或 XLSX。",
    "Firm name or ID column.": "企业名称或编号所在的列。",
    "Region column (E–G γ).": "地区所在的列（用于 E–G γ 指数）。",
    "Employees column.": "从业人数所在的列。",
    "Sales (营业收入) column.": "营业收入所在的列。",
    "Above-scale (规上) flag column.": "是否规上企业的标记列。",
    "Unit of --sales: yuan, wan (万元), yi (亿元).": "--sales 的单位：yuan（元）、wan（万元）、yi（亿元）。",
    "Size for HHI/Gini/CR (auto: sales if given).": "计算 HHI/基尼系数/CR 所用的规模（auto：给出营业收入时用营业收入）。",
    "Regional employment table for E–G x_j (rows per region are summed, so the `regions` table works).":
        "计算 E–G 指数 x_j 的地区就业表（同一地区的各行相加，因此可直接用 `regions` 的表）。",
    "Region column of --totals (default: --region).": "--totals 中地区所在的列（默认：同 --region）。",
    "Employment column of --totals (default: --employees).": "--totals 中就业人数所在的列（默认：同 --employees）。",
    "Industry to write --into (needed when the roster has several).": "写入 --into 的产业（名录含多个产业时必须给出）。",
}

# typer's and click's own words in help and usage errors, as they print them
TYPER_ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助后退出。",
    "[required]": "[必填]",
    "required": "必填",
    "default": "默认",
}
