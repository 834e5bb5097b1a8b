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
# Which reports are in the corpus, what metadata they carry, how long they are, which sections
# they contain — and which lines were dropped as web boilerplate before any analysis.

# %%
import pandas as pd

from analysis import read_corpus, split_paragraphs
from analysis.paths import corpus_dir
from analysis.plots import register_cjk_font

register_cjk_font()  # Chinese labels in every chart

pd.set_option("display.max_colwidth", 60)
CORPUS = corpus_dir()
corpus = read_corpus(CORPUS)
print(f"{len(corpus)} reports from {CORPUS}")

# %% [markdown]
# ## The reports and their metadata
# From `catalog.csv` when the folder has one, otherwise inferred from the first lines
# (unknown fields stay empty).

# %%
corpus[["doc_id", "file", "region", "level", "year", "kind", "encoding", "traditional", "n_chars"]]

# %% [markdown]
# ## Sections
# Every non-empty line is a paragraph, labelled `body`, `glossary` (名词解释), `appendix`
# (e.g. 区办实事) or `boilerplate`.

# %%
paragraphs = split_paragraphs(corpus)
sections = paragraphs.pivot_table(
    index="doc_id", columns="section", values="text", aggfunc="count", fill_value=0
)
sections

# %%
chars = paragraphs.assign(n=paragraphs["text"].str.len()).pivot_table(
    index="doc_id", columns="section", values="n", aggfunc="sum", fill_value=0
)
ax = chars.plot.barh(stacked=True, figsize=(8, 3.5), colormap="tab20c")
ax.set_xlabel("字符数")
_ = ax.set_title("各报告的篇幅与构成")

# %% [markdown]
# ## What was cleaned away
# Site navigation, disclaimers, copyright and ICP lines, tags, share prompts and newspaper
# continuation markers never reach keywords, topics, slogans or the glossary.

# %%
paragraphs.loc[paragraphs["section"] == "boilerplate", ["doc_id", "line", "text"]]

# %% [markdown]
# ## Appendices other than the glossary

# %%
paragraphs.loc[paragraphs["section"] == "appendix", ["doc_id", "line", "text"]].head(12)
