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
# TF-IDF keywords per report (computed over this corpus), keyness (G²) of each report and
# year against the rest, word clouds, and why corpus IDF beats jieba's general-purpose IDF here.

# %%
from IPython.display import display

from analysis import read_corpus
from analysis.corpus import place_names, split_paragraphs
from analysis.keywords import jieba_keywords, keyness_table, rank_keywords
from analysis.paths import corpus_dir
from analysis.plots import plot_keywords, word_cloud
from analysis.tokens import build_tokenizer, corpus_tokens

corpus = read_corpus(corpus_dir())
tokenizer = build_tokenizer(corpus)
# the reports' own place names (青岛, 市南区, ...) would lead every list: leave them out
tokens = corpus_tokens(corpus, tokenizer=tokenizer, extra_stopwords=place_names(corpus))

# %% [markdown]
# ## TF-IDF keywords per report
# Sublinear term frequency, smoothed IDF, L2 norm (see `rank_keywords`).

# %%
ranked = rank_keywords(tokens, top_n=15)
plot_keywords(ranked, top_n=12)

# %%
ranked.pivot(index="rank", columns="doc_id", values="term").head(10)

# %% [markdown]
# ## Keyness: what sets each report apart (log-likelihood G², Williams-corrected)

# %%
# empty for a single report: nothing to compare it with
keyness_table(tokens, top_n=8).pivot(index="rank", columns="doc_id", values="term")

# %% [markdown]
# ## By year

# %%
if corpus["year"].notna().sum() > 1 and corpus["year"].nunique() > 1:
    by_year = rank_keywords(tokens, by="year", corpus=corpus, top_n=10)
    display(by_year.pivot(index="rank", columns="year", values="term"))
else:
    print("fewer than two known years: no comparison by year")

# %% [markdown]
# ## Word clouds (same CJK font as the charts)

# %%
first = corpus["doc_id"].iloc[0]
weights = ranked[ranked["doc_id"] == first].set_index("term")["score"].to_dict()
word_cloud(weights, title=first)

# %% [markdown]
# ## Corpus IDF against jieba's `extract_tags`
# jieba ranks with an IDF table from a general corpus; every word missing from it (most of the
# reports' coinages) gets the same median IDF. Our ranking learns IDF from these reports.

# %%
paragraphs = split_paragraphs(corpus)
theirs = jieba_keywords(paragraphs[paragraphs["section"] == "body"], top_n=10, tokenizer=tokenizer)
ranked[ranked["doc_id"] == first].merge(
    theirs, on=["doc_id", "rank"], suffixes=(" ours", " jieba")
)[["rank", "term ours", "term jieba"]]
