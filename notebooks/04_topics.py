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
# 用 LDA 主题模型(tomotopy 的吉布斯抽样)对段落建模:几份报告作为文档太少,所以以段落为单位,报告的主题构成
# 由其段落汇总而来。主题数 K 按一致性(coherence)选择。

# %%
import pandas as pd

from analysis.common.paths import corpus_dir
from analysis.measure.panel import topic_prevalence
from analysis.pages.overview import topic_mix
from analysis.pages.plots.charts import label_columns
from analysis.pages.plots.panel import plot_prevalence
from analysis.pages.plots.topics import (
    plot_coherence,
    plot_report_topics,
    plot_topic_terms,
    topic_view_html,
)
from analysis.pages.report import run_or_stop
from analysis.run.steps import corpus_steps, run_topics
from analysis.terms.tokens import filter_tokens

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
steps = corpus_steps(corpus_dir(), sections=("body",), warn=False)
# 政策动词(推进、加强、坚持……)出现在每个主题里:这里不计入
tokens = filter_tokens(steps.tokens, policy_verbs=True)
print(f"共 {len(tokens)} 个段落")

# %% [markdown]
# ## 取几个主题?
# K 取 4、6、8、10,每个 K 用同一个随机种子拟合,按 c_v、c_npmi 和 u_mass 三种一致性打分;三者平均排名最好的 K
# 胜出(并列时取较少的主题)。文本太少时无法建立主题模型,本页到此为止并说明原因。

# %%
result = run_or_stop(
    run_topics,
    tokens,
    n_topics=range(4, 11, 2),
    random_state=0,
    reason="文本太少,无法建立主题模型",
)
plot_coherence(result.sweep)

# %%
label_columns(result.sweep.round(3))

# %% [markdown]
# ## 各个主题
# 主题词取 FREX(频繁且独有,stm 的 labelTopics)最高的三个词,一个词最多为两个主题命名;
# 旁边是 FREX 前五个词和主题内概率最高的五个词。只看概率最高的词,“建设”“发展”这类
# 全篇常用词会出现在几乎每个主题里,主题就难以区分。

# %%
label_columns(result.labels.merge(result.topic_coherence.round(3), on="topic"))

# %% [markdown]
# 各主题前八个词并排:按概率排序与按 FREX 排序。

# %%
label_columns(
    result.label_terms[result.label_terms["rank"] <= 8]
    .pivot(index="rank", columns="topic", values=["probability", "frex"])
    .swaplevel(axis=1)
    .sort_index(axis=1)
)

# %%
plot_topic_terms(result.topic_terms)

# %% [markdown]
# ## 每份报告的主题构成
# 报告多于 30 份时按年份汇总(每年各报告的平均占比)。

# %%
plot_report_topics(topic_mix(result.report_topics, steps.corpus), result.labels)

# %% [markdown]
# ## 主题随年份的变化
# 每年各报告中该主题的平均占比,阴影为 95% 区间(均值 ± 1.96 倍标准误,按报告计;
# 与 stm 的 estimateEffect 按年份分类时相同的思路)。只有一个年份时本节为空。

# %%
prevalence = topic_prevalence(result.report_topics, steps.corpus, by="year")
labels = dict(zip(result.labels["topic"], result.labels["label"], strict=True))
plot_prevalence(prevalence, labels) if prevalence["year"].nunique() > 1 else print("只有一个年份")

# %% [markdown]
# ## 交互视图(pyLDAvis,脚本已内嵌,离线可用)
# 视图中的主题编号从 1 开始(上文的主题 0 在视图中是 1)。点击圆圈查看该主题的词;
# 滑块 λ 调整按主题内概率还是按主题特有程度排序。

# %%
topic_view_html(result)
