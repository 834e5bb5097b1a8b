"""One LDA model per K (gensim ``LdaModel``) in scikit-learn's manner; several Ks at once."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np

from analysis.counts import TopicCorpus
from analysis.jobs import processes
from analysis.lda_estep import EstepInput, EstepPool, csr_corpus

__all__ = ["TopicModel", "fit_many"]

#: The models' float type (gensim's default).
_DTYPE = np.float32


class TopicModel:
    """LDA with one K, in scikit-learn's manner: parameters as given, learned state in ``_``.

    ``gensim.models.LdaModel`` in batch mode (one chunk of all paragraphs per pass); the
    same input and ``random_state`` (seed) give identical results. ``passes`` and
    ``iterations`` are gensim's training passes over the corpus and inference iterations
    per document; ``n_topics`` is K (at least 2). ``n_jobs`` processes (-1: one per core)
    share each pass's E-step on large corpora (see :mod:`analysis.lda_estep`); it does not
    change the result, bit for bit.

    Attributes
    ----------
    model_ : gensim.models.LdaModel
        The fitted model.
    estep_processes_ : int
        Processes that computed the E-step (1: this process alone).
    topic_word_ : numpy.ndarray
        K × vocabulary, each row a topic's term distribution.
    doc_topic_ : numpy.ndarray
        Paragraphs × K: the normalised gamma of the last training pass (one chunk of all).
    """

    def __init__(
        self,
        n_topics: int = 8,
        *,
        random_state: int = 0,
        passes: int = 10,
        iterations: int = 100,
        n_jobs: int = 1,
    ) -> None:
        self.n_topics = n_topics
        self.random_state = random_state
        self.passes = passes
        self.iterations = iterations
        self.n_jobs = n_jobs

    def fit(self, prepared: TopicCorpus) -> TopicModel:
        """Fit on a prepared bag of words; return self."""
        if self.n_topics < 2:
            raise ValueError("n_topics must be at least 2")
        with EstepPool(csr_corpus(prepared.bow, _DTYPE), n_jobs=self.n_jobs) as pool:
            self.model_ = _lda_in_pieces(pool, prepared.bow)(
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
                dtype=_DTYPE,
            )
            self.estep_processes_ = pool.processes
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


def _whole(chunk: Any, bow: list[list[tuple[int, int]]]) -> bool:
    """Whether gensim's chunk is the whole bag of words, in order (batch mode)."""
    try:
        size = len(chunk)
    except TypeError:
        return False
    return size == len(bow) and (size == 0 or (chunk[0] is bow[0] and chunk[-1] is bow[-1]))


def _lda_in_pieces(pool: EstepPool, bow: list[list[tuple[int, int]]]) -> type:
    """gensim's ``LdaModel`` whose training E-step over ``bow`` runs on ``pool``, and which
    keeps the gamma of its last E-step (``last_gamma_``).

    Other inference (a chunk that is not the whole of ``bow``, no sufficient statistics)
    is gensim's own.
    """
    from gensim.models import LdaModel

    class LdaInPieces(LdaModel):
        def inference(self, chunk: Any, collect_sstats: bool = False) -> tuple[Any, Any]:
            if not collect_sstats or not _whole(chunk, bow):
                return super().inference(chunk, collect_sstats=collect_sstats)
            # gensim's initial gamma, drawn from the model's random state as gensim does
            shape = (len(chunk), self.num_topics)
            gamma = self.random_state.gamma(100.0, 1.0 / 100.0, shape)
            gamma = gamma.astype(self.dtype, copy=False)
            step = EstepInput(self.expElogbeta, self.alpha, self.iterations, self.gamma_threshold)
            sstats = pool.run(gamma, step)
            sstats *= self.expElogbeta
            return gamma, sstats

        def do_estep(self, chunk: Any, state: Any = None) -> np.ndarray:
            gamma = super().do_estep(chunk, state)
            self.last_gamma_ = gamma
            return gamma

    return LdaInPieces


def _fit_k(prepared: TopicCorpus, k: int, fit: dict[str, int], n_jobs: int = 1) -> TopicModel:
    return TopicModel(k, **fit, n_jobs=n_jobs).fit(prepared)


def fit_many(
    prepared: TopicCorpus, ks: list[int], fit: dict[str, int], *, n_jobs: int
) -> dict[int, TopicModel]:
    """Fit every K on the same bag of words, in worker processes when there are several Ks
    and cores (each fitted there with one process); each K's model is the same whatever
    ``n_jobs``.

    Parameters
    ----------
    prepared : TopicCorpus
        The bag of words.
    ks : list of int
        The Ks.
    fit : dict
        ``random_state``, ``passes``, ``iterations`` (see :class:`TopicModel`).
    n_jobs : int
        Worker processes (-1: one per core). With one worker the Ks are fitted in turn here,
        each with ``n_jobs`` processes for its E-step (see :class:`TopicModel`).

    Returns
    -------
    dict of int to TopicModel
        The fitted models by K.
    """
    workers = min(len(ks), processes(n_jobs))
    if workers == 1:
        return {k: _fit_k(prepared, k, fit, n_jobs) for k in ks}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        fitted = pool.map(_fit_k, [prepared] * len(ks), ks, [fit] * len(ks))
        return dict(zip(ks, fitted, strict=True))
