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
# # 06 名词解释:报告自己解释了哪些新词,别的报告用了吗?
#
# 由各报告附件“名词解释”汇成的总表:全部词条、用各种写法查询、在一份报告中解释而在其他报告中
# 使用的词,以及使用这些词的句子(上下文,KWIC)。

# %%
import pandas as pd

from analysis import Glossary, read_corpus
from analysis.common.paths import corpus_dir, glossary_dir
from analysis.pages.examples import example_queries
from analysis.pages.notebook import show_table
from analysis.pages.plots.charts import label_columns, plot_counts

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
glossary = Glossary.load(glossary_dir())
corpus = read_corpus(corpus_dir())
print(
    f"共 {len(glossary)} 个词条,来自 {glossary.entries['doc_id'].nunique()} 份报告"
    f"(语料共 {len(corpus)} 份)"
)

# %% [markdown]
# ## 全部词条

# %%
show_table(
    label_columns(
        glossary.entries[["doc_id", "n", "display_term", "definition", "aliases", "mentions"]]
    ),
    "glossary_entries",
    rows=1000,
)

# %% [markdown]
# ## 查询:词条本身、去掉引号的核心词、全角或繁体写法,或释义中的短语

# %%
for query in example_queries(glossary.entries):  # 取自本语料的第一个词条
    hits = [h.term for h in glossary.lookup(query)]
    near = "、".join(glossary.suggest(query)) or "无"
    print(f"{query} → {'、'.join(hits)}" if hits else f"{query} → 未找到;相近的词条:{near}")

# %%
entries = glossary.lookup(glossary.entries["term"].iloc[0]) if len(glossary) else []
entries[0] if entries else "名词解释为空"

# %% [markdown]
# ## 在一份报告中解释、在其他报告中使用的词

# %%
label_columns(glossary.used_elsewhere())

# %% [markdown]
# ## 各词条在本报告正文中的使用次数

# %%
mentions = glossary.entries.sort_values("mentions", ascending=False).head(15)  # 前 15 个
plot_counts(
    mentions.set_index("term")["mentions"],
    title="正文中使用最多的 15 个词条",
    xlabel="次数",
    color="#2f4f6f",
)

# %% [markdown]
# ## 上下文(KWIC):使用这些词的句子

# %%
show_table(label_columns(glossary.contexts), "glossary_contexts", rows=40)
