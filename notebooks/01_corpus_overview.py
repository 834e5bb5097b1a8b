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
# # 01 语料概览:读到了哪些报告,清洗掉了什么?
#
# 语料里有哪些报告、每份报告的元数据(地区、层级、年份、类型)、篇幅和结构,以及在分析之前
# 作为网页杂项(导航、免责声明、版权和备案信息等)删去了哪些行。

# %%
import pandas as pd

from analysis import read_corpus, split_paragraphs
from analysis.common.paths import corpus_dir
from analysis.pages.notebook import show_table
from analysis.pages.plots.charts import SECTION_LABELS, label_columns, plot_stacked_bars

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
CORPUS = corpus_dir()
corpus = read_corpus(CORPUS)
print(f"共 {len(corpus)} 份报告,来自文件夹 {CORPUS.name}")

# %% [markdown]
# ## 报告及其元数据
# 文件夹中有 `catalog.csv` 时取自该文件,否则从报告开头几行推断(推断不出的字段留空)。

# %%
label_columns(
    corpus[
        ["doc_id", "file", "region", "level", "year", "kind", "encoding", "traditional", "n_chars"]
    ]
)

# %% [markdown]
# ## 报告的结构
# 每个非空行是一个段落,分为正文、名词解释、其他附件(如区办实事)和网页杂项四部分。
# 下表是各部分的段落数,下图是各部分的字数。

# %%
paragraphs = split_paragraphs(corpus)
sections = paragraphs.pivot_table(
    index="doc_id", columns="section", values="text", aggfunc="count", fill_value=0
)
label_columns(sections.rename(columns=SECTION_LABELS))

# %%
by = "doc_id" if len(corpus) <= 30 else "year"  # 报告很多时按年份汇总
chars = (
    paragraphs.assign(n=paragraphs["text"].str.len())
    .merge(corpus[["doc_id", "year"]], on="doc_id")
    .pivot_table(index=by, columns="section", values="n", aggfunc="sum", fill_value=0)
)
plot_stacked_bars(
    chars,
    title="各报告的篇幅与构成",
    xlabel="字数",
    legend_title="部分",
    labels=SECTION_LABELS,
)

# %% [markdown]
# ## 清洗掉了什么
# 网站导航、免责声明、版权与 ICP 备案、标签、“扫一扫”分享提示和报纸转版标记不会进入关键词、
# 主题、提法或名词解释。下表列出每一行删去的内容。

# %%
show_table(
    label_columns(
        paragraphs.loc[paragraphs["section"] == "boilerplate", ["doc_id", "line", "text"]]
    ),
    "boilerplate",
    rows=200,
)

# %% [markdown]
# ## 名词解释以外的附件

# %%
show_table(
    label_columns(paragraphs.loc[paragraphs["section"] == "appendix", ["doc_id", "line", "text"]]),
    "appendix",
    rows=40,
)
