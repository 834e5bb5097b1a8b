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

from analysis import count_slogans, slogan_table
from analysis.common.paths import corpus_dir
from analysis.pages.plots.charts import SLOGAN_KIND_LABELS, label_columns, plot_stacked_bars
from analysis.run.steps import extract_steps

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
steps = extract_steps(corpus_dir(), warn=False)  # 读取、分段、名词解释、提法集合(按文件缓存)
slogans = count_slogans(steps.paragraphs, steps.slogans, steps.glossary)
table = slogan_table(steps.corpus, slogans)
print(f"共 {len(table)} 个不同的提法,{len(slogans)} 个(报告, 提法)组合")

# %% [markdown]
# ## 数字提法和数词提法

# %%
formulas = table[table["kind"].isin(["digit", "numeral"])]
label_columns(formulas.head(30).assign(kind=formulas["kind"].map(SLOGAN_KIND_LABELS)))

# %% [markdown]
# ## 各报告的提法类型

# %%
kinds = slogans.pivot_table(
    index="doc_id", columns="kind", values="slogan", aggfunc="count", fill_value=0
)
plot_stacked_bars(
    kinds,
    title="各报告的提法类型",
    xlabel="不同提法的个数",
    legend_title="类型",
    labels=SLOGAN_KIND_LABELS,
)

# %% [markdown]
# ## 各报告使用提法的次数
# 使用最多的 20 个数字提法和数词提法在每份报告正文中出现的次数。

# %%
top = formulas.head(20)["slogan"]
grid = slogans[slogans["slogan"].isin(top)].pivot_table(
    index="slogan", columns="doc_id", values="count", fill_value=0
)
label_columns(grid.loc[top[top.isin(grid.index)]].astype(int))

# %% [markdown]
# ## 有名词解释,还是未加解释就使用?

# %%
formulas["defined"].ne("").map({True: "有名词解释", False: "未加解释"}).value_counts().rename(
    "提法数"
).to_frame()

# %%
label_columns(formulas[formulas["defined"] != ""][["slogan", "total", "reports", "defined"]])

# %% [markdown]
# 只在一份报告中出现、且没有名词解释的提法:

# %%
label_columns(
    formulas[(formulas["defined"] == "") & (formulas["n_reports"] == 1)].head(20)[
        ["slogan", "total", "reports"]
    ]
)
