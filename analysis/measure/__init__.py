"""Measures over tokens and paragraphs: the paragraph x term matrix, keywords and keyness,
topics, targets.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "COHERENCE_MEASURES": "analysis.measure.topics",
    "ENGINES": "analysis.measure.topics",
    "KEYWORD_COLUMNS": "analysis.measure.keywords",
    "MapFits": "analysis.measure.topics",
    "NATIONAL_REGION": "analysis.measure.panel",
    "NOT_KEYWORDS": "analysis.measure.keywords",
    "ParagraphTerms": "analysis.measure.bow",
    "TARGET_COLUMNS": "analysis.measure.targets",
    "TermCounts": "analysis.measure.counts",
    "TopicCorpus": "analysis.measure.topics",
    "TopicModel": "analysis.measure.topics",
    "TopicResult": "analysis.measure.topics",
    "USAGE_COLUMNS": "analysis.measure.panel",
    "compare_targets": "analysis.measure.targets",
    "count_terms": "analysis.measure.counts",
    "extract_targets": "analysis.measure.targets",
    "fit_many": "analysis.measure.topics",
    "fit_topics": "analysis.measure.topics",
    "jieba_keywords": "analysis.measure.jieba_keywords",
    "keyness": "analysis.measure.keywords",
    "keyness_table": "analysis.measure.keywords",
    "label_terms": "analysis.measure.topics",
    "load_indicators": "analysis.measure.targets",
    "ordered_reports": "analysis.measure.panel",
    "paragraph_terms": "analysis.measure.bow",
    "prepare_topics": "analysis.measure.topics",
    "rank_keywords": "analysis.measure.keywords",
    "region_order": "analysis.measure.panel",
    "report_labels": "analysis.measure.panel",
    "select_terms": "analysis.measure.bow",
    "sweep_topics": "analysis.measure.topics",
    "targets_wide": "analysis.measure.targets",
    "term_diffusion": "analysis.measure.panel",
    "term_frequency": "analysis.measure.panel",
    "term_lifecycle": "analysis.measure.panel",
    "term_totals": "analysis.measure.bow",
    "term_trends": "analysis.measure.panel",
    "term_usage": "analysis.measure.panel",
    "topic_coherence": "analysis.measure.topics",
    "topic_prevalence": "analysis.measure.panel",
    "topic_records": "analysis.measure.topics",
    "topic_rows": "analysis.measure.topics",
    "topic_tables": "analysis.measure.topics",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
