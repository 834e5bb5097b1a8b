"""Topics: LDA on paragraphs. :func:`prepare_topics` keeps the modelled rows and terms of the
one paragraph × term matrix once, ``TopicModel(k).fit`` fits one K (tomotopy by default),
:func:`sweep_topics` several on the same prepared corpus, scored in one coherence pass per
measure, :func:`topic_tables` labels by FREX; :func:`fit_topics` composes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.jobs import process_pool, processes
from analysis.topic_model import ENGINES, TopicCorpus, TopicModel, prepare_topics

__all__ = [
    "COHERENCE_MEASURES",
    "ENGINES",
    "TopicCorpus",
    "TopicModel",
    "TopicResult",
    "fit_topics",
    "label_terms",
    "prepare_topics",
    "sweep_topics",
    "topic_coherence",
    "topic_records",
    "topic_rows",
    "topic_tables",
]

COHERENCE_MEASURES = ("c_v", "c_npmi", "u_mass")
_PREPARE_PARAMS = ("no_below", "no_above", "keep_n", "min_tokens")
_FIT_PARAMS = ("engine", "random_state", "passes", "iterations", "alpha", "eta")


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
    from gensim.models import CoherenceModel

    topics = [ids for m in models for ids in m.top_term_ids(topn)]
    frame = pd.DataFrame(
        {
            "n_topics": [m.n_topics for m in models for _ in range(m.n_topics)],
            "topic": [t for m in models for t in range(m.n_topics)],
        }
    )
    for measure in measures:
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


def _choose(sweep: pd.DataFrame) -> int:
    """Pick K by the best mean rank over c_v, c_npmi and u_mass (ties: fewer topics)."""
    ranks = sweep[list(COHERENCE_MEASURES)].rank(ascending=False, method="min").mean(axis=1)
    best = ranks.min()
    return int(sweep.loc[ranks == best, "n_topics"].min())


def sweep_topics(
    prepared: TopicCorpus,
    n_topics: Sequence[int],
    *,
    coherence_topn: int = 10,
    perplexity: bool = False,
    n_jobs: int = -1,
    **fit: Any,
) -> tuple[pd.DataFrame, dict[int, TopicModel], pd.DataFrame]:
    """Fit each K on the same bag of words, score them together and choose one.

    K is chosen by the best mean rank over the three coherence measures (c_v alone is known
    to mislead); ties go to the smaller K.

    Parameters
    ----------
    prepared : TopicCorpus
        The output of :func:`prepare_topics`.
    n_topics : sequence of int
        The Ks to compare.
    coherence_topn : int
        Terms per topic scored for coherence.
    perplexity : bool
        Also compute each model's perplexity (an extra pass over the corpus per K).
    n_jobs : int
        Ks fitted at once in worker processes (-1: one per core); each K's model is the
        same whatever the number.
    **fit
        :class:`TopicModel`'s parameters (``engine``, ``random_state``, ``iterations`` ...).

    Returns
    -------
    tuple of (pandas.DataFrame, dict, pandas.DataFrame)
        The sweep (``n_topics``, ``c_v``, ``c_npmi``, ``u_mass`` as means over topics,
        ``perplexity`` when asked, ``chosen``), the models by K and the per-topic
        coherence of all of them (see :func:`topic_coherence`).
    """
    ks = list(n_topics)
    if not ks or min(ks) < 2:
        raise ValueError("n_topics must be at least 2")
    models = fit_many(prepared, ks, fit, n_jobs=n_jobs)
    per_topic = topic_coherence(list(models.values()), prepared, topn=coherence_topn)
    sweep = per_topic.groupby("n_topics", sort=False)[list(COHERENCE_MEASURES)].mean()
    sweep = sweep.reset_index()
    if perplexity:
        sweep["perplexity"] = [models[k].perplexity(prepared) for k in sweep["n_topics"]]
    sweep["chosen"] = sweep["n_topics"] == _choose(sweep)
    return sweep, models, per_topic


def _frex(topic_word: np.ndarray, weight: float) -> np.ndarray:
    """FREX of every topic and term, as stm's ``calcfrex`` (without the James-Stein step)."""
    from scipy.stats import rankdata

    n_terms = topic_word.shape[1]
    exclusivity = topic_word / topic_word.sum(axis=0, keepdims=True)
    freq_rank = rankdata(topic_word, axis=1) / n_terms
    excl_rank = rankdata(exclusivity, axis=1) / n_terms
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
    prepared: TopicCorpus, ks: list[int], params: dict[str, Any]
) -> tuple[pd.DataFrame | None, TopicModel, pd.DataFrame]:
    """The sweep (None for one K), the chosen model and its per-topic coherence (``topic``
    and one column per measure; none without ``coherence``); ``params`` are
    :func:`fit_topics`'s."""
    fit = {k: params[k] for k in _FIT_PARAMS}
    topn, n_jobs = params["coherence_topn"], params["n_jobs"]
    if len(ks) > 1:
        sweep, models, per_topic = sweep_topics(
            prepared, ks, coherence_topn=topn, perplexity=params["perplexity"], n_jobs=n_jobs, **fit
        )
        model = models[int(sweep.loc[sweep["chosen"], "n_topics"].iloc[0])]
    else:
        sweep, model = None, TopicModel(ks[0], **fit).fit(prepared)
        measures = COHERENCE_MEASURES if params["coherence"] else ()
        per_topic = topic_coherence([model], prepared, topn=topn, measures=measures)
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
    n_jobs: int = -1,
) -> TopicResult:
    """Fit LDA on paragraphs and tabulate it: prepare, fit (or sweep K), tables.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Filtered tokens, one row per paragraph (see :func:`prepare_topics`).
    n_topics : int or sequence of int
        K, or the Ks to compare (needs ``coherence``; see :func:`sweep_topics`).
    engine, random_state, iterations, passes, alpha, eta
        As in :class:`TopicModel` (None: the engine's default).
    no_below, no_above, keep_n, min_tokens, top_n
        As in :func:`prepare_topics` and :func:`topic_tables`;
        ``coherence_topn`` and ``perplexity`` as in :func:`sweep_topics`. ``coherence``:
        compute c_v, c_npmi and u_mass (False: ``coherence`` is empty).
    n_jobs : int
        Processes (-1: one per core) that fit several Ks at once. It does not change the
        result: each K is fitted the same way wherever it runs.

    Returns
    -------
    TopicResult
        Tables, coherence and the fitted model.
    """
    params = {k: v for k, v in locals().items() if k != "tokens"}
    ks = [n_topics] if isinstance(n_topics, int) else list(n_topics)
    if len(ks) > 1 and not coherence:
        raise ValueError("choosing among several n_topics needs coherence=True")
    prepared = prepare_topics(tokens, **{k: params[k] for k in _PREPARE_PARAMS})
    sweep, model, per_topic = _fit_chosen(prepared, ks, params)
    tables = topic_tables(model, prepared, top_n=top_n)
    return TopicResult(
        **tables,
        coherence={m: float(per_topic[m].mean()) for m in per_topic.columns if m != "topic"},
        topic_coherence=per_topic,
        sweep=sweep,
        n_topics=model.n_topics,
        params=params,
        model=model,
        prepared=prepared,
    )


def _fit_k(prepared: TopicCorpus, k: int, fit: dict[str, Any]) -> TopicModel:
    return TopicModel(k, **fit).fit(prepared)


def fit_many(
    prepared: TopicCorpus, ks: list[int], fit: dict[str, Any], *, n_jobs: int
) -> dict[int, TopicModel]:
    """Fit every K on the same prepared corpus, several at once in worker processes when
    there are several Ks and cores; each K's model is the same whatever ``n_jobs``.

    Parameters
    ----------
    prepared : TopicCorpus
        The corpus (workers get it without its token lists).
    ks : list of int
        The Ks.
    fit : dict
        :class:`TopicModel`'s parameters.
    n_jobs : int
        Worker processes (-1: one per core); 1 fits the Ks in turn here.

    Returns
    -------
    dict of int to TopicModel
        The fitted models by K (from a worker: without the library's ``model_``).
    """
    workers = min(len(ks), processes(n_jobs))
    if workers == 1:
        return {k: _fit_k(prepared, k, fit) for k in ks}
    slim = prepared.for_fitting()
    with process_pool(workers, preload=("analysis.topic_model",)) as pool:
        fitted = pool.map(_fit_k, [slim] * len(ks), ks, [fit] * len(ks))
        return dict(zip(ks, fitted, strict=True))


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
