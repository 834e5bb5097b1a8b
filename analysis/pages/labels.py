"""The Chinese names readers see for the columns of every table (see
:func:`analysis.pages.plots.charts.label_columns`): one row per column name."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["COLUMN_LABELS", "VALUE_LABELS"]

#: Chinese column names for tables shown to readers (see :func:`label_columns`).
COLUMN_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "doc_id": "报告",
        "file": "文件",
        "title": "标题",
        "region": "地区",
        "level": "层级",
        "year": "年份",
        "kind": "类型",
        "encoding": "编码",
        "traditional": "繁体",
        "n_chars": "字数",
        "para_id": "段落",
        "line": "行号",
        "section": "部分",
        "rule": "规则",
        "text": "文本",
        "n": "序号",
        "term": "词语",
        "display_term": "词条",
        "definition": "释义",
        "aliases": "又作",
        "mentions": "正文提及次数",
        "rank": "排名",
        "score": "权重",
        "count": "次数",
        "count_appendix": "附件次数",
        "slogan": "提法",
        "quoted": "带引号",
        "defined": "名词解释词条",
        "first_context": "首次出现的上下文",
        "total": "总次数",
        "n_reports": "报告数",
        "reports": "所在报告",
        "first_year": "最早年份",
        "topic": "主题",
        "label": "主题词",
        "frex": "FREX 词(频繁且独有)",
        "probability": "概率最高的词",
        "relevance": "相关度排序(λ=0.6)",
        "g2": "G²",
        "dispersion": "分散度(DP)",
        "n_paragraphs": "段落数",
        "merged": "合并的词形",
        "indicator": "指标",
        "qualifier": "限定词",
        "low": "下限",
        "high": "上限",
        "unit": "单位",
        "target": "目标",
        "result": "结果",
        "met": "达到目标",
        "n_topics": "主题数",
        "chosen": "选定",
        "context": "上下文",
        "tokens": "词语",
        "share": "份额",
        "weight": "权重",
        "first_report": "最早报告",
        "last_year": "最近年份",
        "years_active": "使用年数",
        "peak_year": "高峰年份",
        "n_regions": "地区数",
        "defined_in": "解释它的报告",
        "n_undefined": "未加解释就使用的报告数",
        "per_10k": "每万字次数",
        "n_group_reports": "该组报告数",
        "cumulative_regions": "累计地区数",
        "direction": "趋势",
        "before": "此前占比",
        "after": "近期占比",
        "change": "变化",
        "mean": "平均占比",
    }
)
#: Chinese names of the codes some columns hold, by column.
VALUE_LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "kind": MappingProxyType(
            {
                "digit": "数字提法",
                "numeral": "数词提法",
                "plus": "加号提法",
                "abbreviation": "简称",
                "quoted": "引号提法",
                "quotation": "引语(非提法)",
            }
        ),
        "qualifier": MappingProxyType(
            {"exact": "确数", "range": "区间", "左右": "左右", "以上": "以上", "以内": "以内"}
        ),
        "section": MappingProxyType(
            {
                "target": "目标",
                "result": "结果",
                "body": "正文",
                "glossary": "名词解释",
                "appendix": "其他附件",
                "boilerplate": "网页杂项",
            }
        ),
    }
)
