"""Topics: LDA on paragraphs (engine, sweep over K, labels, coherence, the composed fit)."""

from analysis.measure.topics.coherence import COHERENCE_MEASURES, topic_coherence
from analysis.measure.topics.engine import (
    ENGINES,
    PARTITIONS,
    TopicCorpus,
    TopicModel,
    prepare_topics,
)
from analysis.measure.topics.fit import TopicResult, fit_topics, topic_records, topic_rows
from analysis.measure.topics.labels import label_terms, topic_tables
from analysis.measure.topics.sweep import MapFits, fit_many, sweep_topics

__all__ = [
    "COHERENCE_MEASURES",
    "ENGINES",
    "PARTITIONS",
    "MapFits",
    "TopicCorpus",
    "TopicModel",
    "TopicResult",
    "fit_many",
    "fit_topics",
    "label_terms",
    "prepare_topics",
    "sweep_topics",
    "topic_coherence",
    "topic_records",
    "topic_rows",
    "topic_tables",
]
