"""One LDA model per K (gensim ``LdaModel``) in scikit-learn's manner; several Ks at once."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np

from analysis.counts import TopicCorpus

__all__ = ["TopicModel", "fit_many"]


class TopicModel:
    """LDA with one K, in scikit-learn's manner: parameters as given, learned state in ``_``.

    Single-process ``gensim.models.LdaModel``; the same input and ``random_state`` (seed)
    give identical results. ``passes`` and ``iterations`` are gensim's training passes over
    the corpus and inference iterations per document; ``n_topics`` is K (at least 2).

    Attributes
    ----------
    model_ : gensim.models.LdaModel
        The fitted model.
    topic_word_ : numpy.ndarray
        K × vocabulary, each row a topic's term distribution.
    doc_topic_ : numpy.ndarray
        Paragraphs × K: the normalised gamma of the last training pass (one chunk of all).
    """

    def __init__(
        self, n_topics: int = 8, *, random_state: int = 0, passes: int = 10, iterations: int = 100
    ) -> None:
        self.n_topics = n_topics
        self.random_state = random_state
        self.passes = passes
        self.iterations = iterations

    def fit(self, prepared: TopicCorpus) -> TopicModel:
        """Fit on a prepared bag of words; return self."""
        if self.n_topics < 2:
            raise ValueError("n_topics must be at least 2")
        self.model_ = _lda_keeping_gamma()(
            corpus=prepared.bow,
            id2word=prepared.dictionary,
            num_topics=self.n_topics,
            random_state=self.random_state,
            passes=self.passes,
            iterations=self.iterations,
            alpha="symmetric",
            eta=None,
            eval_every=None,
            chunksize=max(len(prepared.bow), 1),
        )
        self.topic_word_ = self.model_.get_topics()
        gamma = self.model_.__dict__.pop("last_gamma_")
        self.doc_topic_ = gamma / gamma.sum(axis=1, keepdims=True)
        self.model_.__class__ = self.model_.__class__.__mro__[1]  # a plain, picklable LdaModel
        return self

    def perplexity(self, prepared: TopicCorpus) -> float:
        """Perplexity ``2^(-bound)`` of the bag of words (one extra pass; asked for only)."""
        return float(np.exp2(-self.model_.log_perplexity(prepared.bow)))

    def top_term_ids(self, topn: int) -> list[list[int]]:
        """The ``topn`` most probable term ids of each topic."""
        order = np.argsort(-self.topic_word_, axis=1, kind="stable")[:, :topn]
        return [row.tolist() for row in order]


def _lda_keeping_gamma() -> type:
    """gensim's ``LdaModel`` that keeps the gamma of its last E-step (``last_gamma_``)."""
    from gensim.models import LdaModel

    class LdaKeepingGamma(LdaModel):
        def do_estep(self, chunk: Any, state: Any = None) -> np.ndarray:
            gamma = super().do_estep(chunk, state)
            self.last_gamma_ = gamma
            return gamma

    return LdaKeepingGamma


def _fit_k(prepared: TopicCorpus, k: int, fit: dict[str, int]) -> TopicModel:
    return TopicModel(k, **fit).fit(prepared)


def fit_many(
    prepared: TopicCorpus, ks: list[int], fit: dict[str, int], *, n_jobs: int
) -> dict[int, TopicModel]:
    """Fit every K on the same bag of words, in worker processes when there are several Ks
    and cores; each K's model is the same whatever ``n_jobs``.

    Parameters
    ----------
    prepared : TopicCorpus
        The bag of words.
    ks : list of int
        The Ks.
    fit : dict
        ``random_state``, ``passes``, ``iterations`` (see :class:`TopicModel`).
    n_jobs : int
        Worker processes (-1: one per core).

    Returns
    -------
    dict of int to TopicModel
        The fitted models by K.
    """
    workers = min(len(ks), (os.cpu_count() or 1) if n_jobs < 0 else max(1, n_jobs))
    if workers == 1:
        return {k: _fit_k(prepared, k, fit) for k in ks}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        fitted = pool.map(_fit_k, [prepared] * len(ks), ks, [fit] * len(ks))
        return dict(zip(ks, fitted, strict=True))
