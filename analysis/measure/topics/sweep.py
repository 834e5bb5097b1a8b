"""Several Ks on one prepared corpus, scored together; the choice of K.

The fits may run elsewhere: ``map_fits`` (``map``'s signature) is how the caller spreads them
over processes (:func:`analysis.run.steps.run_topics` passes its pool's ``map``); each K's
model is the same wherever it is fitted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd

from analysis.measure.topics.coherence import COHERENCE_MEASURES, topic_coherence
from analysis.measure.topics.engine import TopicCorpus, TopicModel

__all__ = ["MapFits", "fit_many", "sweep_topics"]

#: ``map``-like: ``map_fits(fit_one, corpora, ks, params)`` yields the fitted models in order.
MapFits = Callable[..., Iterable[TopicModel]]


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
    map_fits: MapFits = map,
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
    map_fits : callable
        How the fits are spread (``map``: one after the other, here); each K's model is the
        same whichever.
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
    models = fit_many(prepared, ks, fit, map_fits=map_fits)
    per_topic = topic_coherence(list(models.values()), prepared, topn=coherence_topn)
    sweep = per_topic.groupby("n_topics", sort=False)[list(COHERENCE_MEASURES)].mean()
    sweep = sweep.reset_index()
    if perplexity:
        sweep["perplexity"] = [models[k].perplexity(prepared) for k in sweep["n_topics"]]
    sweep["chosen"] = sweep["n_topics"] == _choose(sweep)
    return sweep, models, per_topic


def _fit_k(prepared: TopicCorpus, k: int, fit: dict[str, Any]) -> TopicModel:
    return TopicModel(k, **fit).fit(prepared)


def fit_many(
    prepared: TopicCorpus, ks: list[int], fit: dict[str, Any], *, map_fits: MapFits = map
) -> dict[int, TopicModel]:
    """Fit every K on the same prepared corpus.

    Parameters
    ----------
    prepared : TopicCorpus
        The corpus (fits given to ``map_fits`` get it without its token lists).
    ks : list of int
        The Ks.
    fit : dict
        :class:`TopicModel`'s parameters.
    map_fits : callable
        ``map`` (the default: in turn, here) or a process pool's ``map``.

    Returns
    -------
    dict of int to TopicModel
        The fitted models by K (fitted in another process: without tomotopy's ``model_``).
    """
    if map_fits is map:
        return {k: _fit_k(prepared, k, fit) for k in ks}
    slim = prepared.for_fitting()
    fitted = map_fits(_fit_k, [slim] * len(ks), ks, [fit] * len(ks))
    return dict(zip(ks, fitted, strict=True))
