"""Topics composed: prepare the corpus once, fit one K or sweep several, tabulate.

:func:`~analysis.measure.topics.engine.prepare_topics` keeps the modelled rows and terms of the
one paragraph × term matrix, ``TopicModel(k).fit`` fits one K (tomotopy by default),
:func:`~analysis.measure.topics.sweep.sweep_topics` several, scored in one coherence pass per
measure, :func:`~analysis.measure.topics.labels.topic_tables` labels by FREX;
:func:`fit_topics` composes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.measure.topics.coherence import COHERENCE_MEASURES, topic_coherence
from analysis.measure.topics.engine import TopicCorpus, TopicModel, prepare_topics
from analysis.measure.topics.labels import topic_tables
from analysis.measure.topics.sweep import MapFits, sweep_topics

__all__ = ["TopicResult", "fit_topics", "topic_records", "topic_rows"]

#: Paragraphs the K sweep and the coherence scores use at most (see :func:`fit_topics`).
SWEEP_SAMPLE = 10_000
_PREPARE_PARAMS = ("no_below", "no_above", "keep_n", "min_tokens")
_FIT_PARAMS = ("engine", "random_state", "passes", "iterations", "alpha", "eta")


@dataclass(frozen=True)
class TopicResult:
    """What :func:`fit_topics` returns.

    ``topic_terms``, ``label_terms``, ``labels``, ``paragraph_topics`` and ``report_topics``
    are the frames of :func:`topic_tables`; ``coherence`` the mean of each measure over the
    topics (empty without), ``topic_coherence`` one row per topic (``topic``, one column per
    measure); ``sweep`` the frame of :func:`sweep_topics` (None for one K); ``n_topics`` the
    model's K; ``params`` the parameters as given; ``model`` the fitted :class:`TopicModel`
    (``topic_word_``, ``doc_topic_``) and ``prepared`` its corpus (for pyLDAvis).
    """

    topic_terms: pd.DataFrame
    label_terms: pd.DataFrame
    labels: pd.DataFrame
    paragraph_topics: pd.DataFrame
    report_topics: pd.DataFrame
    coherence: dict[str, float]
    topic_coherence: pd.DataFrame
    sweep: pd.DataFrame | None
    n_topics: int
    params: dict[str, Any]
    model: TopicModel = field(repr=False)
    prepared: TopicCorpus = field(repr=False)


def _fit_chosen(
    prepared: TopicCorpus, ks: list[int], params: dict[str, Any], map_fits: MapFits
) -> tuple[pd.DataFrame | None, TopicModel, pd.DataFrame]:
    """The sweep (None for one K), the chosen model and its per-topic coherence (``topic``
    and one column per measure; none without ``coherence``); ``params`` are
    :func:`fit_topics`'s."""
    fit = {k: params[k] for k in _FIT_PARAMS}
    topn = params["coherence_topn"]
    sample = prepared.sample(params["sweep_sample"], random_state=params["random_state"])
    if len(ks) > 1:
        sweep, models, per_topic = sweep_topics(
            sample,
            ks,
            coherence_topn=topn,
            perplexity=params["perplexity"],
            map_fits=map_fits,
            **fit,
        )
        model = models[int(sweep.loc[sweep["chosen"], "n_topics"].iloc[0])]
        if sample is not prepared:  # the chosen K fitted again on every paragraph
            model = TopicModel(model.n_topics, **fit).fit(prepared)
            per_topic = topic_coherence([model], sample, topn=topn)
    else:
        sweep, model = None, TopicModel(ks[0], **fit).fit(prepared)
        measures = COHERENCE_MEASURES if params["coherence"] else ()
        per_topic = topic_coherence([model], sample, topn=topn, measures=measures)
    per_topic = per_topic[per_topic["n_topics"] == model.n_topics]
    return sweep, model, per_topic.drop(columns="n_topics").reset_index(drop=True)


def fit_topics(
    tokens: pd.DataFrame,
    *,
    n_topics: int | Sequence[int] = 8,
    engine: str = "tomotopy",
    random_state: int = 0,
    iterations: int | None = None,
    passes: int | None = None,
    alpha: float | None = None,
    eta: float | None = None,
    no_below: int | None = None,
    no_above: float = 0.3,
    keep_n: int = 20000,
    min_tokens: int = 5,
    top_n: int = 15,
    coherence_topn: int = 10,
    coherence: bool = True,
    perplexity: bool = False,
    sweep_sample: int = SWEEP_SAMPLE,
    map_fits: MapFits = map,
) -> TopicResult:
    """Fit LDA on paragraphs and tabulate it: prepare, fit (or sweep K), tables.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Filtered tokens, one row per paragraph (see :func:`prepare_topics`).
    n_topics : int or sequence of int
        K, or the Ks to compare (needs ``coherence``; see :func:`sweep_topics`).
    engine, random_state, iterations, passes, alpha, eta
        As in :class:`TopicModel` (None: the engine's default); the filters and ``top_n``
        as in :func:`prepare_topics` and :func:`topic_tables`, ``coherence_topn`` and
        ``perplexity`` as in :func:`sweep_topics`; ``coherence``: compute c_v, c_npmi, u_mass.
    sweep_sample : int
        Above this many paragraphs, Ks are compared and coherence scored on a seeded
        sample of this many; the chosen K is fitted on all.
    map_fits : callable
        ``map`` (Ks in turn, here) or a pool's (:func:`analysis.run.steps.run_topics`);
        the result is the same.

    Returns
    -------
    TopicResult
        Tables, coherence and the fitted model.
    """
    params = {k: v for k, v in locals().items() if k not in ("tokens", "map_fits")}
    ks = [n_topics] if isinstance(n_topics, int) else list(n_topics)
    if len(ks) > 1 and not coherence:
        raise ValueError("choosing among several n_topics needs coherence=True")
    prepared = prepare_topics(tokens, **{k: params[k] for k in _PREPARE_PARAMS})
    sweep, model, per_topic = _fit_chosen(prepared, ks, params, map_fits)
    tables = topic_tables(model, prepared, top_n=top_n)
    means = {m: float(per_topic[m].mean()) for m in per_topic.columns if m != "topic"}
    fitted = {"n_topics": model.n_topics, "params": params, "model": model, "prepared": prepared}
    return TopicResult(**tables, coherence=means, topic_coherence=per_topic, sweep=sweep, **fitted)


def topic_rows(result: TopicResult, top_n: int = 10) -> pd.DataFrame:
    """The topics as one table: each topic's terms beside its labels and coherence.

    Parameters
    ----------
    result : TopicResult
        A fit.
    top_n : int
        Terms per topic.

    Returns
    -------
    pandas.DataFrame
        Columns ``n_topics``, ``topic``, ``label``, ``frex`` and ``probability`` (the first
        five words of each, joined by ``·``), one column per coherence measure (the topic's
        own), ``rank``, ``term`` and ``weight``; ``top_n`` rows per topic.
    """
    labels = result.labels.merge(result.topic_coherence, on="topic", how="left")
    terms = result.topic_terms[result.topic_terms["rank"] <= top_n]
    rows = labels.merge(terms, on="topic")
    rows.insert(0, "n_topics", result.n_topics)
    return rows


def topic_records(result: TopicResult, top_n: int = 10) -> list[dict[str, Any]]:
    """The fit as JSON-ready records: one per K tried (``kind`` ``model``), then one per topic.

    Parameters
    ----------
    result : TopicResult
        A fit.
    top_n : int
        Terms per topic.

    Returns
    -------
    list of dict
        ``model`` records: ``n_topics``, ``chosen`` and the mean of each coherence measure;
        ``topic`` records: ``n_topics``, ``topic``, ``label``, ``frex`` and ``probability``
        (lists of words), the topic's coherence and ``terms`` (``[term, weight]`` pairs).
    """
    sweep = result.sweep
    if sweep is None:
        sweep = pd.DataFrame([{"n_topics": result.n_topics, **result.coherence, "chosen": True}])
    records: list[dict[str, Any]] = [
        {"kind": "model", **{k: _plain(v) for k, v in row.items()}}
        for row in sweep.to_dict("records")
    ]
    rows = topic_rows(result, top_n)
    for topic, group in rows.groupby("topic", sort=True):
        first = group.iloc[0]
        measures = [c for c in result.topic_coherence.columns if c != "topic"]
        records.append(
            {
                "kind": "topic",
                "n_topics": result.n_topics,
                "topic": int(topic),
                "label": first["label"],
                "frex": first["frex"].split("·"),
                "probability": first["probability"].split("·"),
                **{m: float(first[m]) for m in measures},
                "terms": [
                    [t, float(w)] for t, w in zip(group["term"], group["weight"], strict=True)
                ],
            }
        )
    return records


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value JSON writes."""
    return value.item() if isinstance(value, np.generic) else value
