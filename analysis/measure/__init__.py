"""Measures over tokens and paragraphs: the paragraph x term matrix, keywords and keyness,
topics, targets.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CLAUSE_END": "analysis.measure.target_rules",
    "COHERENCE_MEASURES": "analysis.measure.topics",
    "ENGINES": "analysis.measure.topics",
    "FIVE_YEAR_REVIEW": "analysis.measure.target_rules",
    "HEADING_MAX_LEN": "analysis.measure.target_rules",
    "KEYWORD_COLUMNS": "analysis.measure.keywords",
    "MEASURES": "analysis.measure.targets",
    "MapFits": "analysis.measure.topics",
    "NATIONAL_REGION": "analysis.measure.panel",
    "NOT_KEYWORDS": "analysis.measure.keywords",
    "PERIOD_FIGURE": "analysis.measure.target_rules",
    "PERIOD_WORDS": "analysis.measure.target_rules",
    "PLAN_HEADING": "analysis.measure.target_rules",
    "PLAN_HORIZON": "analysis.measure.target_rules",
    "PLAN_IN_REVIEW": "analysis.measure.target_rules",
    "PLAN_LEAD": "analysis.measure.target_rules",
    "PLAN_PASSAGE": "analysis.measure.target_rules",
    "ParagraphTerms": "analysis.measure.bow",
    "REVIEW_WORDS": "analysis.measure.target_rules",
    "Reading": "analysis.measure.target_rules",
    "TARGETS_OPENING": "analysis.measure.target_rules",
    "TARGET_COLUMNS": "analysis.measure.targets",
    "TARGET_MENTION": "analysis.measure.target_rules",
    "TARGET_TIME": "analysis.measure.target_rules",
    "TermCounts": "analysis.measure.counts",
    "TopicCorpus": "analysis.measure.topics",
    "TopicModel": "analysis.measure.topics",
    "TopicResult": "analysis.measure.topics",
    "USAGE_COLUMNS": "analysis.measure.panel",
    "YEAR_HEADING": "analysis.measure.target_rules",
    "compare_targets": "analysis.measure.targets",
    "count_terms": "analysis.measure.counts",
    "extract_targets": "analysis.measure.targets",
    "fit_many": "analysis.measure.topics",
    "fit_topics": "analysis.measure.topics",
    "jieba_keywords": "analysis.measure.jieba_keywords",
    "keyness": "analysis.measure.keyness",
    "keyness_table": "analysis.measure.keyness",
    "label_terms": "analysis.measure.topics",
    "load_indicators": "analysis.measure.targets",
    "ordered_reports": "analysis.measure.panel",
    "paragraph_terms": "analysis.measure.bow",
    "prepare_topics": "analysis.measure.topics",
    "rank_keywords": "analysis.measure.keywords",
    "rank_places": "analysis.measure.keywords",
    "read_passage": "analysis.measure.target_rules",
    "region_order": "analysis.measure.panel",
    "report_labels": "analysis.measure.panel",
    "select_terms": "analysis.measure.bow",
    "sentence_start": "analysis.measure.target_rules",
    "sentences": "analysis.measure.target_rules",
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

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
