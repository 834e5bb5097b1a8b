"""The prepared corpus of the topic models and one LDA model per K, in scikit-learn's manner.

:func:`prepare_topics` keeps the rows and columns of the one paragraph × term matrix
(:mod:`analysis.measure.bow`) that the models read; :class:`TopicModel` fits one K with a library's
LDA: tomotopy's collapsed Gibbs sampler by default, gensim's online variational Bayes
(batch mode) for comparison.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analysis.measure.bow import IndexedTerms, index_terms, select_terms

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["ENGINES", "TopicCorpus", "TopicModel", "prepare_topics"]

#: The LDA engines and their defaults (chosen on the provinces; ``bench/topic_params.py``).
ENGINES: dict[str, dict[str, float | int]] = {
    "tomotopy": {"iterations": 200, "alpha": 0.1, "eta": 0.01},
    "gensim": {"iterations": 100, "passes": 10},
}
#: tomotopy samples the corpus in this many partitions, one thread each (``ParallelScheme.
#: PARTITION``). The result depends on the number of partitions, not on the threads' timing,
#: so it is fixed here, not taken from ``--jobs`` or the machine: two runs give identical
#: topics anywhere (``bench/topic_params.py``: the 875-report panel's K=10 fit 37 s with one
#: thread, 24 s in two partitions on two cores).
PARTITIONS: int = 2
#: tomotopy's sweeps are capped by the corpus's size when ``iterations`` is not given: at
#: most this many token samplings in all (modelled tokens × iterations), and never fewer
#: than :data:`MIN_ITERATIONS` sweeps. On the 875-report panel (3.9 million tokens: 51
#: sweeps) 50 sweeps score the c_npmi and c_v of 200 over three seeds, 20 score lower
#: (``bench/fit_budget.py``); a corpus below 1 million tokens keeps all 200.
SWEEP_BUDGET: int = 200_000_000
MIN_ITERATIONS: int = 30


@dataclass(frozen=True)
class TopicCorpus:
    """What :func:`prepare_topics` returns: the modelled paragraphs and terms.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        Kept paragraphs × kept terms, int64 (rows and columns of the paragraph × term matrix).
    vocab : numpy.ndarray
        The kept terms (str), sorted; term id ``j`` is ``vocab[j]``.
    index : pandas.DataFrame
        ``doc_id``, ``para_id`` of each kept paragraph (row ``i`` of ``matrix``).
    tokens : list of list of str
        The kept paragraphs' tokens, as given (``texts`` keeps those in ``vocab``).
    """

    matrix: csr_matrix = field(repr=False)
    vocab: np.ndarray = field(repr=False)
    index: pd.DataFrame
    tokens: list[list[str]] = field(repr=False)

    @cached_property
    def texts(self) -> list[list[str]]:
        """Each kept paragraph's tokens that are in ``vocab``, in order (for the
        sliding-window coherence measures)."""
        if not self.tokens and self.matrix.shape[0]:
            raise ValueError(
                "coherence reads each paragraph's words in order: prepare the topics from a "
                "tokens frame, not from a matrix"
            )
        known = set(self.vocab.tolist())
        return [[t for t in toks if t in known] for toks in self.tokens]

    @cached_property
    def dictionary(self) -> Any:
        """A gensim ``Dictionary`` of ``vocab`` (ids as here), for gensim's models."""
        from gensim.corpora import Dictionary

        dictionary = Dictionary()
        dictionary.token2id = {str(w): i for i, w in enumerate(self.vocab)}
        dfs = np.bincount(self.matrix.indices, minlength=len(self.vocab))
        dictionary.dfs = dict(enumerate(dfs.tolist()))
        dictionary.num_docs = self.matrix.shape[0]
        dictionary.num_pos = int(self.matrix.sum())
        dictionary.num_nnz = int(self.matrix.nnz)
        return dictionary

    @cached_property
    def bow(self) -> list[list[tuple[int, int]]]:
        """Each kept paragraph as gensim's ``(term id, count)`` pairs, sorted by id."""
        m = self.matrix
        ids, counts, bounds = m.indices.tolist(), m.data.tolist(), m.indptr.tolist()
        return [
            list(zip(ids[a:b], counts[a:b], strict=True)) for a, b in itertools.pairwise(bounds)
        ]

    @property
    def lengths(self) -> np.ndarray:
        """Tokens per kept paragraph (int64)."""
        return np.asarray(self.matrix.sum(axis=1)).ravel()

    @property
    def term_frequency(self) -> np.ndarray:
        """Uses of each kept term (int64)."""
        return np.asarray(self.matrix.sum(axis=0)).ravel()

    def sample(self, n: int, *, random_state: int = 0) -> TopicCorpus:
        """``n`` of the paragraphs, drawn without replacement and kept in order (all of them
        when there are no more than ``n``); the vocabulary is the same.

        Parameters
        ----------
        n : int
            Paragraphs wanted.
        random_state : int
            Seed of the draw.

        Returns
        -------
        TopicCorpus
            The sample.
        """
        total = self.matrix.shape[0]
        if total <= n:
            return self
        rows = np.sort(np.random.default_rng(random_state).choice(total, size=n, replace=False))
        return TopicCorpus(
            matrix=self.matrix[rows],
            vocab=self.vocab,
            index=self.index.iloc[rows].reset_index(drop=True),
            tokens=[self.tokens[i] for i in rows.tolist()] if self.tokens else [],
        )

    def for_fitting(self) -> TopicCorpus:
        """The same corpus without the token lists (what a worker process needs to fit)."""
        return TopicCorpus(matrix=self.matrix, vocab=self.vocab, index=self.index, tokens=[])

    def word_lists(self) -> Iterator[list[str]]:
        """Every paragraph as :meth:`words` gives it, in row order (built in one pass)."""
        m = self.matrix
        flat = iter(self.vocab[np.repeat(m.indices, m.data)].tolist())
        for n in self.lengths.tolist():
            yield list(itertools.islice(flat, n))

    def words(self, row: int) -> list[str]:
        """Paragraph ``row`` as a list of its terms, each repeated by its count, by term id."""
        m = self.matrix
        a, b = m.indptr[row], m.indptr[row + 1]
        return self.vocab[np.repeat(m.indices[a:b], m.data[a:b])].tolist()


def prepare_topics(
    tokens: pd.DataFrame | IndexedTerms,
    *,
    no_below: int | None = None,
    no_above: float = 0.3,
    keep_n: int = 20000,
    min_tokens: int = 5,
) -> TopicCorpus:
    """Keep the paragraphs and terms the topic models read, once for every K.

    Parameters
    ----------
    tokens : pandas.DataFrame or IndexedTerms
        Filtered tokens (:func:`analysis.filter_tokens`), one row per paragraph: ``doc_id``,
        ``para_id``, ``tokens``; or their matrix already counted
        (:func:`analysis.measure.bow.index_terms`): the same model, but no token lists, so
        no coherence (which reads the paragraphs' words in order).
    no_below : int, optional
        Keep terms in at least this many paragraphs (default 2, or 5 for 2,000+ paragraphs).
    no_above : float
        Drop terms in more than this share of paragraphs (gensim's ``filter_extremes``
        rule): corpus-wide words such as 建设 describe no topic.
    keep_n : int
        Largest vocabulary.
    min_tokens : int
        Paragraphs with fewer kept tokens are left out.

    Returns
    -------
    TopicCorpus
        ``matrix``, ``vocab``, ``index`` (``doc_id``, ``para_id``) and ``tokens`` (empty
        when given a matrix).
    """
    if isinstance(tokens, IndexedTerms):
        given, token_lists = tokens, []
    else:
        given, token_lists = index_terms(tokens), tokens["tokens"].tolist()
    counted = given.counted
    if no_below is None:
        no_below = 2 if counted.matrix.shape[0] < 2000 else 5
    columns = select_terms(counted, no_below=no_below, no_above=no_above, keep_n=keep_n)
    kept = counted.matrix[:, columns]
    rows = np.flatnonzero(np.asarray(kept.sum(axis=1)).ravel() >= min_tokens)
    if len(rows) < 2:
        raise ValueError(
            f"too little text for topics: {len(rows)} paragraph(s) with {min_tokens}+ tokens "
            "left after filtering"
        )
    matrix = kept[rows].tocsr()
    used = np.flatnonzero(np.bincount(matrix.indices, minlength=matrix.shape[1]))
    matrix, columns = matrix[:, used].tocsr(), columns[used]  # terms of dropped paragraphs only
    matrix.sort_indices()
    index = given.index.iloc[rows].reset_index(drop=True)
    return TopicCorpus(
        matrix=matrix,
        vocab=counted.terms[columns],
        index=index,
        tokens=[token_lists[i] for i in rows.tolist()] if token_lists else [],
    )


class TopicModel:
    """LDA with one K, in scikit-learn's manner: parameters as given, learned state in ``_``.

    ``engine="tomotopy"`` (default): tomotopy's ``LDAModel``, collapsed Gibbs sampling for
    ``iterations`` sweeps (default 200, fewer on a big corpus: :meth:`sweeps`) with
    symmetric priors ``alpha`` (document-topic) and ``eta``
    (topic-word), the corpus sampled in :data:`PARTITIONS` fixed partitions (one thread
    each), so that the same input and ``random_state`` give identical results on any machine
    and whatever ``--jobs``. ``engine="gensim"``: gensim's
    ``LdaModel`` in batch mode (``passes`` over all paragraphs, ``iterations`` per
    paragraph, ``alpha="symmetric"``), also identical for the same seed. Parameters left
    None take the engine's defaults (:data:`ENGINES`).

    Attributes
    ----------
    model_ : tomotopy.LDAModel or gensim.models.LdaModel
        The fitted model.
    topic_word_ : numpy.ndarray
        K × vocabulary (the corpus's ``vocab`` order), each row a topic's term distribution.
    doc_topic_ : numpy.ndarray
        Paragraphs × K, each row a paragraph's topic distribution.
    iterations_ : int
        The sweeps (tomotopy) or iterations per paragraph (gensim) the fit made.
    """

    def __init__(
        self,
        n_topics: int = 8,
        *,
        engine: str = "tomotopy",
        random_state: int = 0,
        iterations: int | None = None,
        passes: int | None = None,
        alpha: float | None = None,
        eta: float | None = None,
    ) -> None:
        self.n_topics = n_topics
        self.engine = engine
        self.random_state = random_state
        self.iterations = iterations
        self.passes = passes
        self.alpha = alpha
        self.eta = eta

    def _param(self, name: str) -> Any:
        value = getattr(self, name)
        return ENGINES[self.engine].get(name) if value is None else value

    def sweeps(self, n_tokens: int) -> int:
        """Iterations of a fit on ``n_tokens`` modelled tokens: ``iterations`` when given,
        else the engine's default, for tomotopy capped by :data:`SWEEP_BUDGET` (never below
        :data:`MIN_ITERATIONS`)."""
        default = int(self._param("iterations"))
        if self.iterations is not None or self.engine != "tomotopy":
            return default
        return max(MIN_ITERATIONS, min(default, SWEEP_BUDGET // max(n_tokens, 1)))

    def fit(self, prepared: TopicCorpus) -> TopicModel:
        """Fit on a prepared corpus; return self (``iterations_``: the sweeps it made)."""
        if self.n_topics < 2:
            raise ValueError("n_topics must be at least 2")
        if self.engine not in ENGINES:
            raise ValueError(f"unknown topic engine {self.engine!r}: use one of {list(ENGINES)}")
        fit = self._fit_tomotopy if self.engine == "tomotopy" else self._fit_gensim
        self.iterations_ = self.sweeps(int(prepared.matrix.sum()))
        self.topic_word_, self.doc_topic_ = fit(prepared)
        return self

    def _fit_tomotopy(self, prepared: TopicCorpus) -> tuple[np.ndarray, np.ndarray]:
        import tomotopy as tp

        model = tp.LDAModel(
            k=self.n_topics,
            alpha=float(self._param("alpha")),
            eta=float(self._param("eta")),
            seed=int(self.random_state),
            min_cf=0,
            rm_top=0,
        )
        for words in prepared.word_lists():
            model.add_doc(words)
        with warnings.catch_warnings():  # fixed partitions: the same result every time
            warnings.filterwarnings("ignore", "The training result may differ", RuntimeWarning)
            model.train(
                self.iterations_,
                workers=PARTITIONS,
                parallel=tp.ParallelScheme.PARTITION,
            )
        self.perplexity_ = float(model.perplexity)
        word = np.array([model.get_topic_word_dist(t) for t in range(self.n_topics)])
        columns = np.searchsorted(prepared.vocab, np.array(list(model.used_vocabs), dtype=object))
        topic_word = np.zeros((self.n_topics, len(prepared.vocab)))
        topic_word[:, columns] = word
        doc_topic = np.array([doc.get_topic_dist() for doc in model.docs], dtype=float)
        self.model_ = model
        return topic_word, doc_topic

    def _fit_gensim(self, prepared: TopicCorpus) -> tuple[np.ndarray, np.ndarray]:
        from gensim.models import LdaModel

        bow = prepared.bow
        model = LdaModel(
            corpus=bow,
            id2word=prepared.dictionary,
            num_topics=self.n_topics,
            random_state=self.random_state,
            passes=int(self._param("passes")),
            iterations=self.iterations_,
            alpha="symmetric",
            eta=None,
            eval_every=None,
            chunksize=max(len(bow), 1),
        )
        gamma, _ = model.inference(bow)
        self.model_ = model
        return model.get_topics().astype(float), gamma / gamma.sum(axis=1, keepdims=True)

    def perplexity(self, prepared: TopicCorpus) -> float:
        """Perplexity of the corpus under the model (tomotopy: ``exp(-log-likelihood per
        word)``; gensim: ``2^(-bound)``, one extra pass)."""
        if self.engine == "tomotopy":
            return self.perplexity_
        return float(np.exp2(-self.model_.log_perplexity(prepared.bow)))

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without tomotopy's model, which does not pickle (sent back from a worker)."""
        drop = "model_" if self.engine == "tomotopy" else ""
        return {k: v for k, v in self.__dict__.items() if k != drop}

    def top_term_ids(self, topn: int) -> list[list[int]]:
        """The ``topn`` most probable term ids of each topic."""
        order = np.argsort(-self.topic_word_, axis=1, kind="stable")[:, :topn]
        return [row.tolist() for row in order]
