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
# # 02 分词:领域词典让“提法”保持完整吗?
#
# The same sentences segmented by plain jieba (its default dictionary) and by our tokenizer,
# whose dictionary holds the corpus's glossary terms and slogans; then the most frequent terms.

# %%
from analysis import build_tokenizer, read_corpus
from analysis.paths import corpus_dir
from analysis.plots import register_cjk_font
from analysis.tokens import compare_segmentation, corpus_tokens

register_cjk_font()  # Chinese labels in every chart

corpus = read_corpus(corpus_dir())
tokenizer = build_tokenizer(corpus)
tokenizer

# %% [markdown]
# ## The domain dictionary

# %%
words = list(tokenizer.words)
print(len(words), "domain words, e.g.:", "、".join(words[:60]))

# %% [markdown]
# ## Plain jieba against ours

# %%
sentences = [
    "深入推进国企改革,探索“三资三化”实施路径",
    "构建“1+6+N”产业载体支撑体系",
    "完善“2+2+1+N”护校安园机制和“12+N”政企沟通交流机制",
    "全面完成村庄卫生室“五有三提升”改造",
    "持续深化“放管服”改革",
    "构建“１＋６＋１”主导＋创新产业体系",
]
compare_segmentation(sentences, tokenizer)

# %% [markdown]
# ## The most frequent content terms
# Function words, report boilerplate (各位代表, 我们, ...) and bare numbers are dropped; digit
# formulas such as 1+6+N stay.

# %%
tokens = corpus_tokens(corpus, tokenizer=tokenizer)
counts = tokens["tokens"].explode().value_counts()
ax = counts.head(25).iloc[::-1].plot.barh(figsize=(6, 6), color="#b22222")
_ = ax.set_title("全部报告中最常见的词")

# %%
# the domain words (formulas, glossary terms, slogans) among them
counts[counts.index.isin(words)].head(20).rename("count").to_frame()
