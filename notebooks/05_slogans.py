# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 提法:报告用了哪些数字提法和口号,哪些有名词解释?
#
# 数字提法(1+6+N)、数词提法(三资三化、十四五)、简称(放管服)和引号中的口号,按报告计数,
# 并列出解释它的名词解释词条。

# %%
import pandas as pd

from analysis import count_slogans
from analysis.common.paths import corpus_dir
from analysis.measure.panel import term_frequency
from analysis.pages.notebook import show_table
from analysis.pages.overview import slogan_overview
from analysis.pages.plots.charts import SLOGAN_KIND_LABELS, label_columns, plot_stacked_bars
from analysis.pages.plots.panel import plot_term_years
from analysis.run.steps import extract_steps

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
steps = extract_steps(corpus_dir(), warn=False)  # 读取、分段、名词解释、提法集合(按文件缓存)
slogans = count_slogans(steps.paragraphs, steps.slogans, steps.glossary)
# 每个提法的年份跨度(1985–2026(39 年));报告很多时不列“所在报告”,各报告的提法见各报告页
table = slogan_overview(steps.corpus, slogans)
print(f"共 {len(table)} 个不同的提法,{len(slogans)} 个(报告, 提法)组合")

# %% [markdown]
# ## 数字提法和数词提法

# %%
formulas = table[table["kind"].isin(["digit", "numeral"])]
show_table(
    label_columns(formulas.assign(kind=formulas["kind"].map(SLOGAN_KIND_LABELS)), years="年份"),
    "formulas",
    rows=40,
)

# %% [markdown]
# ## 各报告(报告很多时:各年份)的提法类型

# %%
by = "doc_id" if len(steps.corpus) <= 30 else "year"  # 报告很多时按年份汇总
kinds = slogans.merge(steps.corpus[["doc_id", "year"]], on="doc_id").pivot_table(
    index=by, columns="kind", values="slogan", aggfunc="count", fill_value=0
)
plot_stacked_bars(
    kinds,
    title="各报告的提法类型",
    xlabel="不同提法的个数",
    legend_title="类型",
    labels=SLOGAN_KIND_LABELS,
)

# %% [markdown]
# ## 逐年使用提法的频率
# 使用最多的 20 个数字提法和数词提法,每年的报告正文中每万字出现几次。

# %%
top = formulas.head(20)["slogan"].tolist()
usage = slogans.rename(columns={"slogan": "term"})
plot_term_years(term_frequency(usage, steps.corpus, by="year"), top)

# %% [markdown]
# ## 有名词解释,还是未加解释就使用?

# %%
formulas["defined"].ne("").map({True: "有名词解释", False: "未加解释"}).value_counts().rename(
    "提法数"
).to_frame()

# %%
show_table(
    label_columns(formulas[formulas["defined"] != ""].drop(columns=["kind", "first_year"])),
    "defined",
    rows=40,
)

# %% [markdown]
# 只在一份报告中出现、且没有名词解释的提法:

# %%
show_table(
    label_columns(formulas[(formulas["defined"] == "") & (formulas["n_reports"] == 1)]),
    "once_undefined",
    rows=40,
)
