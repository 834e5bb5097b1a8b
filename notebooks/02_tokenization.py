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
# 同样的句子分别用 jieba 默认词典和本项目的分词器切分;本项目的词典收录了语料中名词解释的词条
# 和识别出的提法。然后看全部报告中最常见的词。

# %%
import pandas as pd

from analysis.common.paths import corpus_dir
from analysis.measure.bow import term_totals
from analysis.pages.examples import example_sentences
from analysis.pages.plots.charts import label_columns, plot_counts
from analysis.run.steps import corpus_steps
from analysis.terms.tokens import compare_segmentation, filter_tokens

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
steps = corpus_steps(
    corpus_dir(), warn=False
)  # 读取、分段、名词解释、提法、领域词典、分词(按文件缓存)
tokenizer = steps.tokenizer
tokenizer

# %% [markdown]
# ## 领域词典

# %%
words = list(tokenizer.words)
print(f"领域词典共 {len(words)} 个词,例如:", "、".join(words[:60]))

# %% [markdown]
# ## jieba 默认词典与本项目分词的对比
# 提法(数字提法、数词提法、简称)应当作为一个词保留,而不是被切碎。例句取自本语料:
# 使用最广的几个提法各取一句。

# %%
sentences = example_sentences(steps.paragraphs, steps.slogans, n=6)
label_columns(
    compare_segmentation(sentences, tokenizer),
    **{"text": "句子", "plain jieba": "jieba 默认词典", "ours": "本项目分词"},
)

# %% [markdown]
# ## 最常见的实词
# 已去掉虚词、报告套话(各位代表、我们……)和单纯的数字;数字提法保留。

# %%
tokens = filter_tokens(steps.tokens)
counts = term_totals(tokens["tokens"].tolist())
plot_counts(counts.head(25), title="全部报告中最常见的词", xlabel="出现次数")

# %% [markdown]
# 其中属于领域词典(提法、名词解释词条)的词,最常见的 20 个:

# %%
label_columns(counts[counts.index.isin(words)].head(20).to_frame())
