"""Topics: LDA (gensim) on paragraphs, coherence, choosing the number of topics."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["TopicResult", "fit_topics"]

COHERENCE_MEASURES = ("c_v", "c_npmi", "u_mass")


@dataclass(frozen=True)
class TopicResult:
    """What :func:`fit_topics` returns.

    Attributes
    ----------
    topic_terms : pandas.DataFrame
        ``topic`` (int, from 0), ``rank`` (1 = most probable), ``term``, ``weight``.
    paragraph_topics : pandas.DataFrame
        ``doc_id``, ``para_id``, ``topic``, ``weight`` (every topic of every modelled paragraph).
    report_topics : pandas.DataFrame
        ``doc_id``, ``topic``, ``share`` (token-weighted mean over the report's paragraphs;
        shares of a report sum to 1).
    labels : pandas.DataFrame
        ``topic``, ``label`` (its three most probable terms joined by ``·``).
    coherence : dict
        Mean coherence over topics for ``c_v``, ``c_npmi`` and ``u_mass``.
    topic_coherence : pandas.DataFrame
        ``topic`` and one column per coherence measure.
    sweep : pandas.DataFrame or None
        With a range of K: ``n_topics``, the three measures, ``perplexity`` and ``chosen``.
    n_topics : int
        The number of topics of this model.
    params : dict
        The parameters as given.
    """

    topic_terms: pd.DataFrame
    paragraph_topics: pd.DataFrame
    report_topics: pd.DataFrame
    labels: pd.DataFrame
    coherence: dict[str, float]
    topic_coherence: pd.DataFrame
    sweep: pd.DataFrame | None
    n_topics: int
    params: dict[str, Any]
    model: Any = field(repr=False)
    dictionary: Any = field(repr=False)
    bow: list[list[tuple[int, int]]] = field(repr=False)


def _prepare(
    tokens: pd.DataFrame,
    *,
    no_below: int | None,
    no_above: float,
    keep_n: int,
    min_tokens: int,
    with_texts: bool = True,
):
    from gensim.corpora import Dictionary

    texts = tokens["tokens"].tolist()
    dictionary = Dictionary(texts)
    if no_below is None:
        no_below = 2 if len(texts) < 2000 else 5
    dictionary.filter_extremes(no_below=no_below, no_above=no_above, keep_n=keep_n)
    dictionary.compactify()
    keep = []
    bow = []
    filtered = []
    for i, toks in enumerate(texts):
        doc = dictionary.doc2bow(toks)
        n = sum(c for _, c in doc)
        if n >= min_tokens:
            keep.append(i)
            bow.append(doc)
            if with_texts:
                filtered.append([t for t in toks if t in dictionary.token2id])
    if len(bow) < 2:
        raise ValueError(
            f"too little text for topics: {len(bow)} paragraph(s) with {min_tokens}+ tokens "
            "left after filtering"
        )
    return dictionary, bow, filtered, tokens.iloc[keep].reset_index(drop=True)


def _fit_one(
    bow,
    dictionary,
    texts,
    k: int,
    *,
    random_state: int,
    passes: int,
    iterations: int,
    topn: int,
    measures: tuple[str, ...],
):
    from gensim.models import CoherenceModel, LdaModel

    model = LdaModel(
        corpus=bow,
        id2word=dictionary,
        num_topics=k,
        random_state=random_state,
        passes=passes,
        iterations=iterations,
        alpha="symmetric",
        eta=None,
        eval_every=None,
        chunksize=max(len(bow), 1),
    )
    per_topic: dict[str, list[float]] = {}
    for measure in measures:
        cm = CoherenceModel(
            model=model,
            texts=texts if measure != "u_mass" else None,
            corpus=bow if measure == "u_mass" else None,
            dictionary=dictionary,
            coherence=measure,
            topn=topn,
            processes=1,
        )
        per_topic[measure] = [float(x) for x in cm.get_coherence_per_topic()]
    perplexity = float(np.exp2(-model.log_perplexity(bow))) if measures else float("nan")
    return model, per_topic, perplexity


def _doc_topics(model, bow, chunk: int = 2000) -> np.ndarray:
    """Each paragraph's topic distribution (normalised variational gamma), in batches."""
    parts = []
    for start in range(0, len(bow), chunk):
        gamma, _ = model.inference(bow[start : start + chunk])
        parts.append(gamma / gamma.sum(axis=1, keepdims=True))
    return np.vstack(parts)


def _choose(sweep: pd.DataFrame) -> int:
    """Pick K by the best mean rank over c_v, c_npmi and u_mass (ties: fewer topics)."""
    ranks = sweep[list(COHERENCE_MEASURES)].rank(ascending=False, method="min").mean(axis=1)
    best = ranks.min()
    return int(sweep.loc[ranks == best, "n_topics"].min())


def fit_topics(
    tokens: pd.DataFrame,
    *,
    n_topics: int | range | list[int] = 8,
    random_state: int = 0,
    passes: int = 10,
    iterations: int = 100,
    no_below: int | None = None,
    no_above: float = 0.5,
    keep_n: int = 20000,
    min_tokens: int = 5,
    top_n: int = 15,
    coherence_topn: int = 10,
    coherence: bool = True,
) -> TopicResult:
    """Fit an LDA topic model on paragraphs (reports are aggregates of their paragraphs).

    Single-process ``gensim.models.LdaModel`` with a fixed ``random_state``: the same input
    gives identical tables. Given several K, each is fitted and scored, and K is chosen by the
    best mean rank over the three coherence measures (c_v alone is known to mislead); ties
    go to the smaller K.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Filtered tokens (:func:`analysis.filter_tokens`), one row per paragraph.
    n_topics : int, range or list of int
        K, or the Ks to compare.
    random_state : int
        Seed.
    passes, iterations : int
        gensim's training passes over the corpus and inference iterations per document.
    no_below : int, optional
        Keep terms in at least this many paragraphs (default 2, or 5 for 2,000+ paragraphs).
    no_above : float
        Drop terms in more than this share of paragraphs.
    keep_n : int
        Largest vocabulary.
    min_tokens : int
        Paragraphs with fewer dictionary tokens are left out of the model.
    top_n : int
        Terms listed per topic.
    coherence_topn : int
        Terms per topic used for coherence.
    coherence : bool
        Compute c_v, c_npmi and u_mass (needed to choose among several K). False skips them
        (``coherence`` is then empty) for a quick fit of one K on a large corpus.

    Returns
    -------
    TopicResult
        Tables, coherence and the fitted model.
    """
    logging.getLogger("gensim").setLevel(logging.WARNING)
    params = {
        "n_topics": n_topics,
        "random_state": random_state,
        "passes": passes,
        "iterations": iterations,
        "no_below": no_below,
        "no_above": no_above,
        "keep_n": keep_n,
        "min_tokens": min_tokens,
    }
    dictionary, bow, texts, kept = _prepare(
        tokens,
        no_below=no_below,
        no_above=no_above,
        keep_n=keep_n,
        min_tokens=min_tokens,
        with_texts=coherence,
    )
    ks = [n_topics] if isinstance(n_topics, int) else list(n_topics)
    if not ks or min(ks) < 2:
        raise ValueError("n_topics must be at least 2")
    if len(ks) > 1 and not coherence:
        raise ValueError("choosing among several n_topics needs coherence=True")
    measures = COHERENCE_MEASURES if coherence else ()
    fits = {}
    sweep_rows = []
    for k in ks:
        model, per_topic, perplexity = _fit_one(
            bow,
            dictionary,
            texts,
            k,
            random_state=random_state,
            passes=passes,
            iterations=iterations,
            topn=coherence_topn,
            measures=measures,
        )
        fits[k] = (model, per_topic)
        sweep_rows.append(
            {
                "n_topics": k,
                **{m: float(np.mean(v)) for m, v in per_topic.items()},
                "perplexity": perplexity,
            }
        )
    sweep = pd.DataFrame(sweep_rows)
    k = _choose(sweep) if len(ks) > 1 else ks[0]
    sweep["chosen"] = sweep["n_topics"] == k
    model, per_topic = fits[k]

    term_rows = []
    for t in range(k):
        for rank, (term_id, w) in enumerate(model.get_topic_terms(t, topn=top_n), start=1):
            term_rows.append((t, rank, dictionary[term_id], float(w)))
    topic_terms = pd.DataFrame(term_rows, columns=["topic", "rank", "term", "weight"])
    labels = pd.DataFrame(
        {
            "topic": list(range(k)),
            "label": [
                "·".join(topic_terms.loc[topic_terms["topic"] == t, "term"].head(3))
                for t in range(k)
            ],
        }
    )
    theta = _doc_topics(model, bow)
    lengths = np.array([sum(c for _, c in doc) for doc in bow], dtype=float)
    n_docs = len(bow)
    paragraph_topics = pd.DataFrame(
        {
            "doc_id": np.repeat(kept["doc_id"].to_numpy(), k),
            "para_id": np.repeat(kept["para_id"].to_numpy(), k),
            "topic": np.tile(np.arange(k), n_docs),
            "weight": theta.ravel().astype(float),
        }
    )
    weighted = paragraph_topics.assign(w=paragraph_topics["weight"] * np.repeat(lengths, k))
    report = weighted.groupby(["doc_id", "topic"], sort=False)["w"].sum().reset_index()
    report["share"] = report["w"] / report.groupby("doc_id")["w"].transform("sum")
    report_topics = report[["doc_id", "topic", "share"]]
    topic_coherence = pd.DataFrame({"topic": list(range(k)), **per_topic})
    coherence = {m: float(np.mean(v)) for m, v in per_topic.items()}
    return TopicResult(
        topic_terms=topic_terms,
        paragraph_topics=paragraph_topics,
        report_topics=report_topics,
        labels=labels,
        coherence=coherence,
        topic_coherence=topic_coherence,
        sweep=sweep if len(ks) > 1 else None,
        n_topics=k,
        params=params,
        model=model,
        dictionary=dictionary,
        bow=bow,
    )
