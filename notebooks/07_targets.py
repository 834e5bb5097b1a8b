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
# # 07 目标与实绩:各地今年定了什么目标,去年完成得怎样?
#
# 每份政府工作报告都用一两句话提出当年的“主要预期目标”(地区生产总值增长5%左右、城镇调查失业率5.5%左右……),
# 并在工作回顾中报告上一年的实际结果。本页把这些数字读成一张表:谁定了区间,谁写“以上”而不是“左右”,
# 以及——语料中有同一地区上一年报告时——去年的目标与今年报告给出的结果对比。
# 没有目标段落的报告(统计公报、只有名词解释的页面)不产生任何行。

# %%
import pandas as pd

from analysis.common.paths import corpus_dir
from analysis.measure.targets import compare_targets, extract_targets, targets_wide
from analysis.pages.notebook import show_table
from analysis.pages.overview import growth_targets, latest_growth_targets
from analysis.pages.plots.charts import label_columns, register_cjk_font
from analysis.pages.plots.targets import plot_targets
from analysis.run.steps import extract_steps

register_cjk_font()  # Chinese labels in every chart

pd.set_option("display.max_colwidth", None)  # 表格单元格换行显示全文,不截断
pd.set_option("display.max_rows", None)  # 表格不截断(很长的表格由 show_table 处理)
CORPUS = corpus_dir()
steps = extract_steps(CORPUS, warn=False)  # 读取、分段(按文件缓存)
corpus = steps.corpus
targets = extract_targets(corpus, steps.paragraphs)
with_targets = targets.loc[targets["section"] == "target", "doc_id"].nunique()
print(f"{len(corpus)} 份报告,其中 {with_targets} 份有主要预期目标;共 {len(targets)} 行")

# %% [markdown]
# ## 经济增长目标
# 最近一年每个地区一行:区间目标画成条形,单一数值画成点,点的形状表示限定词(○左右、△以上、▽以内、◇确数)。

# %%
gdp = growth_targets(targets)  # 地区/国内/国民生产总值、经济增长
latest, name = latest_growth_targets(targets)  # 多个年份时只画最近一年,各年见下表
plot_targets(latest, indicator=name) if len(latest) else print("本语料中没有读到经济增长目标。")

# %% [markdown]
# ## 限定词的分布
# “左右”是常态;“以上”表示更积极的姿态,区间则给实际结果留出空间。

# %%
gdp["qualifier"].value_counts().rename_axis("限定词").to_frame("地区数")

# %% [markdown]
# ## 各地区的全部预期目标
# 每格是报告原文的写法(如 `5%左右`、`4.5%—5%`、`与经济增长同步`);空格表示报告没有提出该指标。

# %%
show_table(label_columns(targets_wide(targets, section="target")), "targets_wide", rows=60)

# %% [markdown]
# ## 失业率与物价目标
# 城镇调查失业率和居民消费价格涨幅是多数报告都会写的两个“底线”指标。

# %%
floor = targets[
    (targets["section"] == "target")
    & targets["indicator"].isin(["城镇调查失业率", "居民消费价格"])
    & (targets["unit"] == "%")
]
(
    label_columns(
        floor.pivot_table(
            index="indicator", columns="qualifier", values="doc_id", aggfunc="count", fill_value=0
        )
    )
    if len(floor)
    else print("本语料的报告没有写城镇调查失业率或居民消费价格目标。")
)

# %% [markdown]
# ## 上一年的实际结果
# 从目标段落之前的工作回顾中读出的上一年数字(五年回顾部分不计;增速与总量分列,以单位区分)。

# %%
show_table(label_columns(targets_wide(targets, section="result")), "results_wide", rows=60)

# %% [markdown]
# ## 去年的目标与今年报告的结果
# 只有当语料中同时有某地区上一年的报告(提供目标)和今年的报告(提供结果)时才能对比。
# `met` 表示结果达到目标下限;失业率、物价这类上限指标以及“以内/以下”目标则要求不超过上限。

# %%
comparison = compare_targets(targets)
show_table(label_columns(comparison), "said_vs_done") if len(comparison) else print(
    "语料中没有同一地区相邻两年的报告,无法对比。"
)

# %% [markdown]
# ## 原文核对
# 每一行都保留了读出数字的原文分句,便于核对。

# %%
show_table(
    label_columns(
        growth_targets(targets, sections=("target", "result"))[
            ["doc_id", "section", "low", "high", "qualifier", "text"]
        ]
    ),
    "growth_sources",
    rows=60,
)
