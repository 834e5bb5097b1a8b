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
# The glossary built from every 名词解释 appendix: the whole table, lookups in any form, terms
# defined in one report and used in others, and the sentences where they are used (KWIC).

# %%
import pandas as pd

from analysis import Glossary, read_corpus
from analysis.paths import corpus_dir, glossary_dir
from analysis.plots import register_cjk_font

register_cjk_font()  # Chinese labels in every chart

pd.set_option("display.max_colwidth", 70)
glossary = Glossary.load(glossary_dir())
corpus = read_corpus(corpus_dir())
print(
    f"{len(glossary)} entries from {glossary.entries['doc_id'].nunique()} of {len(corpus)} reports"
)

# %% [markdown]
# ## The whole glossary

# %%
glossary.entries[["doc_id", "n", "display_term", "definition", "aliases", "mentions"]]

# %% [markdown]
# ## Lookups: the term, its quoted core, full-width or traditional input, or a phrase of the definition

# %%
for query in ["三资三化", "１＋６＋Ｎ", "三資三化", "国有资产证券化"]:
    hits = glossary.lookup(query)
    print(query, "→", [h.term for h in hits] or glossary.suggest(query))

# %%
entries = glossary.lookup(glossary.entries["term"].iloc[0])
entries[0] if entries else "empty glossary"

# %% [markdown]
# ## Terms defined in one report and used in others

# %%
glossary.used_elsewhere()

# %% [markdown]
# ## How often each term is used in its own report's body

# %%
ax = (
    glossary.entries.sort_values("mentions")
    .tail(15)
    .plot.barh(x="term", y="mentions", legend=False, figsize=(6, 5), color="#2f4f6f")
)
_ = ax.set_title("名词在报告正文中的使用次数")

# %% [markdown]
# ## KWIC: the sentences that use the terms

# %%
glossary.contexts.head(15)
