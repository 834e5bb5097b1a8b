"""Reading a fitted model: terms by probability, FREX and relevance, labels, mixtures."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measure.topics.engine import TopicCorpus, TopicModel

__all__ = ["label_terms", "topic_tables"]


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """Each row's ranks from 1, ties given their mean rank (``scipy.stats.rankdata``'s
    default, without importing scipy.stats: 0.8 s)."""
    ranks = np.empty(values.shape, dtype=np.float64)
    for i, row in enumerate(values):
        _, inverse, counts = np.unique(row, return_inverse=True, return_counts=True)
        ranks[i] = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
    return ranks


def _frex(topic_word: np.ndarray, weight: float) -> np.ndarray:
    """FREX of every topic and term, as stm's ``calcfrex`` (without the James-Stein step)."""
    n_terms = topic_word.shape[1]
    exclusivity = topic_word / topic_word.sum(axis=0, keepdims=True)
    freq_rank = _average_ranks(topic_word) / n_terms
    excl_rank = _average_ranks(exclusivity) / n_terms
    return 1.0 / (weight / freq_rank + (1 - weight) / excl_rank)


def label_terms(
    model: TopicModel,
    prepared: TopicCorpus,
    *,
    top_n: int = 10,
    frex_weight: float = 0.5,
    relevance_lambda: float = 0.6,
) -> pd.DataFrame:
    """Each topic's terms by probability, by FREX and by relevance, side by side.

    FREX (Bischof & Airoldi; stm's ``labelTopics``) is the harmonic mean of a term's rank
    within the topic by probability and by exclusivity (its probability in this topic over
    its summed probability in all topics). Relevance (Sievert & Shirley; LDAvis) is
    ``λ log φ + (1 − λ) log(φ / p)``, with ``p`` the term's share of the corpus.

    Parameters
    ----------
    model, prepared
        A fitted model and its bag of words (for the corpus shares of relevance).
    top_n : int
        Terms per topic and list.
    frex_weight : float
        Weight of frequency against exclusivity in FREX (stm's ``frexw``, 0.5).
    relevance_lambda : float
        λ of relevance (0.6, LDAvis's suggestion; 1 is plain probability).

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, ``rank`` (1 = first), ``probability``, ``frex``, ``relevance``
        (each a term); ``top_n`` rows per topic.
    """
    phi = model.topic_word_
    totals = prepared.term_frequency.astype(float)
    with np.errstate(divide="ignore"):
        relevance = relevance_lambda * np.log(phi) + (1 - relevance_lambda) * np.log(
            phi / (totals / totals.sum())
        )
    words = prepared.vocab
    scores = {"probability": phi, "frex": _frex(phi, frex_weight), "relevance": relevance}
    columns = {}
    for name, score in scores.items():
        columns[name] = words[np.argsort(-score, axis=1, kind="stable")[:, :top_n]].ravel()
    k, n = phi.shape[0], min(top_n, phi.shape[1])
    return pd.DataFrame(
        {"topic": np.repeat(np.arange(k), n), "rank": np.tile(np.arange(1, n + 1), k), **columns}
    )


def _labels(terms: pd.DataFrame, *, label_n: int, max_topics: int) -> pd.DataFrame:
    """Labels from FREX terms: a term already labelling ``max_topics`` topics is skipped."""
    used: dict[str, int] = {}
    rows = []
    for topic, group in terms.groupby("topic", sort=True):
        label = []
        for term in group["frex"]:
            if len(label) < label_n and used.get(term, 0) < max_topics:
                label.append(term)
                used[term] = used.get(term, 0) + 1
        firsts = ("·".join(group[c].head(5)) for c in ("frex", "probability"))
        rows.append((int(topic), "·".join(label), *firsts))
    return pd.DataFrame(rows, columns=["topic", "label", "frex", "probability"])


def topic_tables(
    model: TopicModel,
    prepared: TopicCorpus,
    *,
    top_n: int = 15,
    label_n: int = 3,
    max_label_topics: int = 2,
) -> dict[str, pd.DataFrame]:
    """Tidy tables of a fitted model: terms, labels, paragraph and report mixtures.

    Parameters
    ----------
    model, prepared
        A fitted model and its bag of words.
    top_n, label_n : int
        Terms per topic in ``topic_terms`` and ``label_terms``; terms per label.
    max_label_topics : int
        A term labels at most this many topics (the next FREX term is taken instead).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``topic_terms`` (``topic``, ``rank``, ``term``, ``weight``), ``label_terms`` (see
        :func:`label_terms`), ``labels`` (``topic``, ``label``: ``label_n`` FREX terms
        joined by ``·``, ``frex`` and ``probability``: the first five of each),
        ``paragraph_topics`` (``doc_id``, ``para_id``, ``topic``, ``weight``; every topic of
        every modelled paragraph) and ``report_topics`` (``doc_id``, ``topic``, ``share``:
        token-weighted mean over the report's paragraphs, summing to 1 per report).
    """
    k = model.n_topics
    ids = model.top_term_ids(top_n)
    topic_terms = pd.DataFrame(
        [
            (t, rank, str(prepared.vocab[i]), float(model.topic_word_[t, i]))
            for t in range(k)
            for rank, i in enumerate(ids[t], start=1)
        ],
        columns=["topic", "rank", "term", "weight"],
    )
    terms = label_terms(model, prepared, top_n=top_n)
    theta = model.doc_topic_
    lengths = prepared.lengths.astype(float)
    paragraph_topics = pd.DataFrame(
        {
            "doc_id": np.repeat(prepared.index["doc_id"].to_numpy(), k),
            "para_id": np.repeat(prepared.index["para_id"].to_numpy(), k),
            "topic": np.tile(np.arange(k), len(lengths)),
            "weight": theta.ravel().astype(float),
        }
    )
    weighted = paragraph_topics.assign(w=paragraph_topics["weight"] * np.repeat(lengths, k))
    report = weighted.groupby(["doc_id", "topic"], sort=False)["w"].sum().reset_index()
    report["share"] = report["w"] / report.groupby("doc_id")["w"].transform("sum")
    return {
        "topic_terms": topic_terms,
        "label_terms": terms,
        "labels": _labels(terms, label_n=label_n, max_topics=max_label_topics),
        "paragraph_topics": paragraph_topics,
        "report_topics": report[["doc_id", "topic", "share"]],
    }
