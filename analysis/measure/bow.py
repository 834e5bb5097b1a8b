"""The one paragraph × term matrix that keywords, keyness and topics all read.

Like quanteda's ``dfm``: every paragraph's tokens are counted once into a sparse matrix
whose columns are the distinct terms in sorted order. Keyword counts group its rows
(:func:`analysis.measure.counts.count_terms`); the topic models take its rows and the columns that
pass the frequency filters (:func:`select_terms`, gensim's ``filter_extremes`` rule).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = [
    "IndexedTerms",
    "ParagraphTerms",
    "filtered_terms",
    "index_terms",
    "paragraph_terms",
    "select_terms",
    "term_totals",
]


@dataclass(frozen=True)
class ParagraphTerms:
    """What :func:`paragraph_terms` returns.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        Paragraphs × terms, int64: uses of each term in each paragraph (sorted indices).
    terms : numpy.ndarray
        The terms (str), sorted; column ``j`` is ``terms[j]``.
    """

    matrix: csr_matrix = field(repr=False)
    terms: np.ndarray = field(repr=False)

    @property
    def document_frequency(self) -> np.ndarray:
        """Paragraphs that use each term (int64, one per column)."""
        return np.bincount(self.matrix.indices, minlength=self.matrix.shape[1])


@dataclass(frozen=True)
class IndexedTerms:
    """The paragraph × term matrix of a corpus with the paragraph of each row.

    What :func:`index_terms` returns and ``keywords`` and ``topics`` read (from the cache,
    :func:`analysis.run.bag.corpus_terms`, without the token lists).

    Attributes
    ----------
    index : pandas.DataFrame
        ``doc_id``, ``para_id`` of each row of the matrix.
    counted : ParagraphTerms
        The matrix and its terms.
    """

    index: pd.DataFrame
    counted: ParagraphTerms = field(repr=False)

    def without(self, words: Iterable[str]) -> IndexedTerms:
        """The same paragraphs without the columns of ``words`` (a stopword tier dropped
        from the matrix gives what dropping it from the tokens gives).

        Parameters
        ----------
        words : iterable of str
            Terms to drop.

        Returns
        -------
        IndexedTerms
            The kept terms stay sorted; every row is kept.
        """
        drop = set(words)
        keep = np.array([t not in drop for t in self.counted.terms.tolist()], dtype=bool)
        matrix = self.counted.matrix[:, np.flatnonzero(keep)].tocsr()
        matrix.sort_indices()
        return IndexedTerms(self.index, ParagraphTerms(matrix, self.counted.terms[keep]))


def index_terms(tokens: pd.DataFrame) -> IndexedTerms:
    """Count a tokens frame into the paragraph × term matrix, keeping each row's paragraph.

    Parameters
    ----------
    tokens : pandas.DataFrame
        ``doc_id``, ``para_id``, ``tokens`` (list of str), one row per paragraph.

    Returns
    -------
    IndexedTerms
        ``index`` (``doc_id``, ``para_id``) and ``counted``.
    """
    index = tokens[["doc_id", "para_id"]].reset_index(drop=True)
    return IndexedTerms(index, paragraph_terms(tokens["tokens"].tolist()))


def filtered_terms(tokens: pd.DataFrame, **switches: bool) -> IndexedTerms:
    """``index_terms(filter_tokens(tokens, **switches))``, the tokens counted once.

    The distinct tokens are found once; :func:`analysis.terms.tokens.drop_mask` decides
    which are dropped, and the matrix is built from the kept ones (no filtered copy of the
    token lists is made).

    Parameters
    ----------
    tokens : pandas.DataFrame
        ``doc_id``, ``para_id``, ``tokens`` (unfiltered: a list of str per paragraph, or
        one string of tokens separated by single spaces, as ``corpus_steps(joined=True)``
        gives them), one row per paragraph.
    **switches : bool
        :func:`analysis.filter_tokens`'s switches.

    Returns
    -------
    IndexedTerms
        ``index`` (``doc_id``, ``para_id``) and ``counted`` (the kept terms, sorted).
    """
    from analysis.terms.tokens import drop_mask

    codes, words, lengths = _factorized(tokens["tokens"].tolist())
    keep = ~drop_mask(words, codes, lengths, **switches)
    index = tokens[["doc_id", "para_id"]].reset_index(drop=True)
    return IndexedTerms(index, _counted(codes, words, lengths, keep))


def _counted(
    codes: np.ndarray, words: list[str], lengths: np.ndarray, keep: np.ndarray | None = None
) -> ParagraphTerms:
    """The paragraphs × terms matrix of tokens coded into sorted ``words`` (paragraph
    ``i`` has ``lengths[i]`` of them), with only the words ``keep`` marks (default all)."""
    from scipy.sparse import csr_matrix

    keep = np.ones(len(words), dtype=bool) if keep is None else keep
    column = np.cumsum(keep) - 1  # kept words stay sorted
    used = keep[codes]
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)[used]
    matrix = csr_matrix(
        (np.ones(int(used.sum()), dtype=np.int64), (rows, column[codes[used]])),
        shape=(len(lengths), int(keep.sum())),
    )
    matrix.sum_duplicates()
    matrix.sort_indices()
    return ParagraphTerms(matrix=matrix, terms=np.asarray(words, dtype=object)[keep])


#: Paragraphs whose tokens are made string objects at a time (memory stays one chunk's).
FACTORIZE_CHUNK = 20_000


def _factorized(lists: list[Any]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Every token as a code into the sorted distinct tokens, and each paragraph's length.

    ``lists`` holds token lists or space-joined lines; a chunk of paragraphs at a time is
    split and coded, so that only one chunk's token strings exist at once. A token's first
    code is its order of first appearance (a dict whose missing keys take the next number,
    looked up by ``map``: no Python loop per token); the codes are then ranked."""
    index: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    code = index.__getitem__
    parts, sizes = [], []
    for at in range(0, len(lists), FACTORIZE_CHUNK):
        chunk = lists[at : at + FACTORIZE_CHUNK]
        if chunk and isinstance(chunk[0], str):
            sizes += [line.count(" ") + 1 if line else 0 for line in chunk]
            flat = " ".join(line for line in chunk if line).split(" ") if any(chunk) else []
        else:
            sizes += [len(toks) for toks in chunk]
            flat = list(itertools.chain.from_iterable(chunk))
        parts.append(np.fromiter(map(code, flat), dtype=np.int64, count=len(flat)))
    words = sorted(index)
    rank = np.empty(len(words), dtype=np.int64)
    rank[[index[w] for w in words]] = np.arange(len(words))
    codes = rank[np.concatenate(parts)] if parts else np.zeros(0, dtype=np.int64)
    return codes, words, np.array(sizes, dtype=np.int64)


def paragraph_terms(token_lists: list[list[str]]) -> ParagraphTerms:
    """Count every paragraph's tokens into one sparse paragraphs × terms matrix.

    Parameters
    ----------
    token_lists : list of list of str
        Each paragraph's tokens.

    Returns
    -------
    ParagraphTerms
        ``matrix`` (paragraphs × terms) and ``terms`` (sorted).
    """
    return _counted(*_factorized(token_lists))


def select_terms(
    counted: ParagraphTerms, *, no_below: int, no_above: float, keep_n: int | None
) -> np.ndarray:
    """The columns a topic model keeps, by gensim's ``filter_extremes`` rule.

    A term is kept when ``no_below`` .. ``int(no_above * paragraphs)`` paragraphs use it;
    of those, the ``keep_n`` used in most paragraphs (ties: the term that sorts first).

    Parameters
    ----------
    counted : ParagraphTerms
        The matrix.
    no_below, no_above, keep_n
        As in gensim's ``Dictionary.filter_extremes``.

    Returns
    -------
    numpy.ndarray
        The kept column indices, ascending (so the kept terms stay sorted).
    """
    dfs = counted.document_frequency
    good = np.flatnonzero((dfs >= no_below) & (dfs <= int(no_above * counted.matrix.shape[0])))
    good = good[np.argsort(-dfs[good], kind="stable")]
    if keep_n is not None:
        good = good[:keep_n]
    return np.sort(good)


def term_totals(token_lists: list[list[str]]) -> pd.Series:
    """How often each term is used in all the paragraphs, most used first.

    Parameters
    ----------
    token_lists : list of list of str
        Each paragraph's tokens.

    Returns
    -------
    pandas.Series
        Uses (int64) indexed by term, sorted by count descending, then term.
    """
    counted = paragraph_terms(token_lists)
    totals = np.asarray(counted.matrix.sum(axis=0)).ravel()
    order = np.lexsort((np.arange(len(totals)), -totals))  # terms are sorted: ties by term
    return pd.Series(totals[order], index=counted.terms[order], name="count", dtype="int64")
