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
# # 03 关键词:每份报告、每一年突出讲了什么?
#
# 每份报告的 TF-IDF 关键词(IDF 在本语料上计算)、每份报告和每一年相对其余报告的关键性
# (keyness,G² 检验)、每份报告的词云,以及为什么本语料的 IDF 比 jieba 通用语料的 IDF 更合适。

# %%
import pandas as pd
from IPython.display import display

from analysis.common.paths import corpus_dir
from analysis.measure.counts import count_terms
from analysis.measure.jieba_keywords import jieba_keywords
from analysis.measure.keywords import keyness_table, rank_keywords
from analysis.pages.notebook import show_table
from analysis.pages.overview import chosen_reports, terms_by_group
from analysis.pages.plots.charts import label_columns, plot_keywords, plot_word_clouds
from analysis.pages.report import stop_if_empty
from analysis.run.steps import corpus_steps
from analysis.terms.tokens import filter_tokens

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
steps = corpus_steps(corpus_dir(), sections=("body",), warn=False)
corpus = steps.corpus
tokens = filter_tokens(steps.tokens)
# 报告自己的地名(本地区及其下辖的市、县、区)会排在每份报告的最前面:rank_keywords 默认单独排列,不计入关键词
counts = count_terms(tokens, corpus=corpus)

# %% [markdown]
# ## 每份报告的 TF-IDF 关键词
# 词频取对数(sublinear TF)、平滑 IDF、L2 归一化(见 `rank_keywords`)。

# %%
ranked = stop_if_empty(
    rank_keywords(counts, top_n=15),
    reason="没有可比较的报告或文本太少,无法计算关键词(TF-IDF 需要多份报告)",
)
few = chosen_reports(
    corpus, n=9
)  # 报告很多时图中只画最近一年的前几份,每份报告的完整关键词见各报告页
plot_keywords(ranked[ranked["doc_id"].isin(few)], top_n=12)

# %% [markdown]
# 每份报告的前 10 个关键词(按地区的习惯顺序):

# %%
show_table(label_columns(terms_by_group(ranked, corpus), terms="关键词"), "keywords", rows=60)

# %% [markdown]
# ## 关键性:每份报告与其余报告相比突出的词
# 对数似然比 G²,带 Williams 校正。只有一份报告时没有可比较的对象,表格为空。

# %%
show_table(
    label_columns(terms_by_group(keyness_table(counts, top_n=8), corpus), terms="关键性最强的词"),
    "keyness",
    rows=60,
)

# %% [markdown]
# ## 按年份

# %%
if corpus["year"].notna().all() and corpus["year"].nunique() > 1:
    by_year = rank_keywords(count_terms(tokens, by="year", corpus=corpus), top_n=10)
    display(label_columns(terms_by_group(by_year), terms="关键词"))
else:
    print("有报告缺少年份,或年份不足两个:无法按年份比较")

# %% [markdown]
# ## 每份报告的词云
# 字的大小是 TF-IDF 权重;与图表使用同一个内置中文字体。报告多于 9 份时只画上图的几份。

# %%
plot_word_clouds(ranked[ranked["doc_id"].isin(few)])

# %% [markdown]
# ## 本语料的 IDF 与 jieba 的 `extract_tags`
# jieba 使用通用语料的 IDF 表;表中没有的词(报告里的大多数新提法)一律取 IDF 中位数。
# 本项目的排序从这些报告本身学习 IDF。下表以第一份报告为例。

# %%
first = corpus["doc_id"].iloc[0]
paragraphs = steps.paragraphs
# jieba 的关键词逐份报告计算(用它自带的 IDF),这里只算展示的这一份
theirs = jieba_keywords(
    paragraphs[(paragraphs["section"] == "body") & (paragraphs["doc_id"] == first)],
    top_n=10,
    tokenizer=steps.tokenizer,
)
ranked[ranked["doc_id"] == first].merge(
    theirs, on=["doc_id", "rank"], suffixes=("_ours", "_jieba")
)[["rank", "term_ours", "term_jieba"]].rename(
    columns={"rank": "排名", "term_ours": "本项目", "term_jieba": "jieba"}
)
