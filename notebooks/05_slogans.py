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
# Numeric formulas (1+6+N), numeral formulas (三资三化, 十四五), abbreviations (放管服) and
# quoted campaign names, counted per report, with the glossary term that defines each.

# %%
import pandas as pd

from analysis import extract_slogans, read_corpus, slogan_table
from analysis.paths import corpus_dir
from analysis.plots import register_cjk_font

register_cjk_font()  # Chinese labels in every chart

pd.set_option("display.max_colwidth", 50)
corpus = read_corpus(corpus_dir())
slogans = extract_slogans(corpus)
table = slogan_table(corpus, slogans=slogans)
print(f"{len(table)} distinct slogans, {len(slogans)} (report, slogan) pairs")

# %% [markdown]
# ## The formulas (digit and numeral kinds)

# %%
formulas = table[table["kind"].isin(["digit", "numeral"])]
formulas.head(30)

# %% [markdown]
# ## Kinds per report

# %%
kinds = slogans.pivot_table(
    index="doc_id", columns="kind", values="slogan", aggfunc="count", fill_value=0
)
ax = kinds.plot.barh(stacked=True, figsize=(8, 3.5), colormap="Set2")
_ = ax.set_title("各报告的提法类型")

# %% [markdown]
# ## Formulas by report (uses)

# %%
top = formulas.head(20)["slogan"]
grid = slogans[slogans["slogan"].isin(top)].pivot_table(
    index="slogan", columns="doc_id", values="count", fill_value=0
)
grid.loc[top[top.isin(grid.index)]].astype(int)

# %% [markdown]
# ## Defined in a glossary, or used undefined?

# %%
formulas["defined"].ne("").map({True: "defined", False: "used undefined"}).value_counts()

# %%
formulas[formulas["defined"] != ""][["slogan", "total", "reports", "defined"]]

# %%
formulas[(formulas["defined"] == "") & (formulas["n_reports"] == 1)].head(20)[
    ["slogan", "total", "reports"]
]
