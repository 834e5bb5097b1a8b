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
# # 04 主题:报告的段落可以归成哪些主题?
#
# LDA (gensim) over paragraphs — a handful of reports are too few documents for LDA, so
# paragraphs are the unit and reports are their aggregates. K is chosen by coherence.

# %%
from analysis import read_corpus
from analysis.paths import corpus_dir
from analysis.plots import plot_coherence, plot_report_topics, plot_topic_terms, topic_view_html
from analysis.tokens import corpus_tokens
from analysis.topics import fit_topics

corpus = read_corpus(corpus_dir())
# policy verbs (推进, 加强, 坚持, ...) run through every topic: leave them out here
tokens = corpus_tokens(corpus, policy_verbs=True)
print(f"{len(tokens)} paragraphs")

# %% [markdown]
# ## How many topics?
# Each K is fitted with the same seed and scored with c_v, c_npmi and u_mass; K with the best
# mean rank over the three wins (ties: fewer topics).

# %%
result = fit_topics(tokens, n_topics=range(4, 11), random_state=0, passes=10)
plot_coherence(result.sweep)

# %%
result.sweep.round(3)

# %% [markdown]
# ## The topics

# %%
result.labels.merge(result.topic_coherence.round(3), on="topic")

# %%
plot_topic_terms(result.topic_terms)

# %% [markdown]
# ## Each report's topic mix

# %%
plot_report_topics(result.report_topics, result.labels)

# %% [markdown]
# ## Interactive view (pyLDAvis, bundled scripts: works offline)
# Topic numbers in the view start at 1 (topic 0 above is 1 there).

# %%
topic_view_html(result)
