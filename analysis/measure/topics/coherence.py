"""Coherence of topics: gensim's ``CoherenceModel``, one counting pass per measure for all Ks."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.measure.topics.engine import TopicCorpus, TopicModel

__all__ = ["COHERENCE_MEASURES", "topic_coherence"]


COHERENCE_MEASURES = ("c_v", "c_npmi", "u_mass")


def topic_coherence(
    models: Sequence[TopicModel],
    prepared: TopicCorpus,
    *,
    topn: int = 10,
    measures: Sequence[str] = COHERENCE_MEASURES,
) -> pd.DataFrame:
    """Coherence of every topic of several models, one counting pass per measure for all.

    The topics of all models go to one ``gensim`` ``CoherenceModel`` per measure, so the
    sliding-window (c_v: 110 tokens, c_npmi: 10) or document co-occurrence counts (u_mass)
    are collected once over the paragraphs for every K together. A topic's value depends
    only on its own words, so each equals what a separate call per model would give.

    Parameters
    ----------
    models : sequence of TopicModel
        Models fitted on ``prepared``.
    prepared : TopicCorpus
        The bag of words.
    topn : int
        Most probable terms scored per topic.
    measures : sequence of str
        Any of ``c_v``, ``c_npmi``, ``u_mass``.

    Returns
    -------
    pandas.DataFrame
        Columns ``n_topics``, ``topic`` and one per measure (float).
    """
    topics = [ids for m in models for ids in m.top_term_ids(topn)]
    frame = pd.DataFrame(
        {
            "n_topics": [m.n_topics for m in models for _ in range(m.n_topics)],
            "topic": [t for m in models for t in range(m.n_topics)],
        }
    )
    for measure in measures:
        from gensim.models import CoherenceModel  # imported only when something is scored

        window = measure != "u_mass"
        cm = CoherenceModel(
            topics=topics,
            texts=prepared.texts if window else None,
            corpus=None if window else prepared.bow,
            dictionary=prepared.dictionary,
            coherence=measure,
            topn=topn,
            processes=1,
        )
        frame[measure] = [float(x) for x in cm.get_coherence_per_topic()]
    return frame
