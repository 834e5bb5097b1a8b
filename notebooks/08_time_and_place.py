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
# # 08 时间与地区:提法何时出现、在哪里扩散、何时淡出?目标定了多少、做到多少?
#
# 把语料当作一个面板(年份 × 地区):每个提法和名词解释词条最早在哪一年、哪份报告出现,
# 何时达到高峰,传到了多少个地区,哪里给了解释、哪里未加解释就使用;每年的预期目标与
# 下一年报告给出的实际结果并排比较。计数与提法页相同,长提法优先(“高效办成一件事”
# 中的“一件事”不另计)。

# %%
import pandas as pd

from analysis.common.paths import corpus_dir
from analysis.measure.panel import (
    term_diffusion,
    term_frequency,
    term_lifecycle,
    term_trends,
    term_usage,
)
from analysis.measure.targets import compare_targets, extract_targets
from analysis.pages.notebook import show_table, stop_if_empty
from analysis.pages.plots.charts import label_columns, plot_counts
from analysis.pages.plots.panel import (
    plot_diffusion,
    plot_said_vs_done,
    plot_spread,
    plot_term_years,
    plot_trends,
)
from analysis.run.steps import extract_steps

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断
# 读取、分段、名词解释、提法集合(按文件缓存);名词解释的告警由 report 命令在终端给出
steps = extract_steps(corpus_dir(), warn=False)
corpus = steps.corpus
usage = term_usage(steps.paragraphs, steps.slogans, steps.glossary)
years = corpus["year"].dropna().astype(int)
print(
    f"共 {len(corpus)} 份报告,{corpus['region'].nunique()} 个地区,"
    f"{years.nunique()} 个年份({years.min()}–{years.max()})"
)

# %% [markdown]
# ## 语料覆盖:每年有几份报告

# %%
stop_if_empty(corpus.dropna(subset=["year"]), reason="报告都没有年份,无法按年比较")
plot_counts(
    corpus["year"].dropna().astype(int).value_counts().sort_index(ascending=False).rename(str),
    title="每年的报告数",
    xlabel="报告数",
)

# %% [markdown]
# ## 提法的生命周期
# 每个提法或词条:最早和最近的年份、使用的年数、高峰年份(每万字次数最多的一年)、使用它的
# 报告数和地区数、给出名词解释的报告,以及未加解释就使用的报告数。按最早年份排列。

# %%
lifecycle = term_lifecycle(usage, corpus, steps.glossary)
stop_if_empty(lifecycle, reason="语料中没有找到提法")
show_table(label_columns(lifecycle.drop(columns="kind")), "lifecycle", rows=40)

# %% [markdown]
# ## 逐年的使用频率
# 使用它的报告最多的 25 个提法,每年每万字出现几次(空白:当年未用)。

# %%
frequency = term_frequency(usage, corpus, by="year")
widest = lifecycle.sort_values(["n_reports", "term"], ascending=[False, True])["term"].head(25)
plot_term_years(frequency, widest.tolist())

# %% [markdown]
# ## 扩散:传到了多少个地区

# %%
diffusion = term_diffusion(usage, corpus)
spread = lifecycle.sort_values(["n_regions", "term"], ascending=[False, True])["term"].head(8)
plot_diffusion(diffusion, spread.tolist())

# %% [markdown]
# 使用地区最多的提法,在各地区、各年份的使用频率:

# %%
by_place = term_frequency(usage, corpus, by=["region", "year"])
plot_spread(by_place, spread.iloc[0]) if len(spread) else None

# %% [markdown]
# ## 上升与下降的提法
# 最近三年与此前三年相比,使用它的地区占比变化最大的提法(语料不足六年时本节为空)。

# %%
trends = term_trends(diffusion, window=3)
plot_trends(trends) if len(trends) else print("语料不足六年,无法比较前后两段")

# %%
show_table(label_columns(trends), "trends") if len(trends) else None

# %% [markdown]
# ## 目标与实际:说了多少,做到多少
# 第 t 年报告提出的预期目标,对照第 t+1 年报告回顾的第 t 年实际结果(同一地区、同一指标)。

# %%
compared = compare_targets(extract_targets(corpus, steps.paragraphs))
stop_if_empty(compared, reason="语料中没有同一地区相邻两年的报告,无法对照目标与实际")
show_table(label_columns(compared), "said_vs_done", rows=40)

# %% [markdown]
# 对照年份最多的地区和指标:

# %%
most = compared.groupby(["region", "indicator"]).size().sort_values(ascending=False)
region, indicator = most.index[0]
plot_said_vs_done(compared, region=region, indicator=indicator)
