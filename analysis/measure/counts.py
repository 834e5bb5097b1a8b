"""Document-term counts: the one counting step that keywords and keyness consume.

Like quanteda's ``dfm`` grouped with ``dfm_group``: paragraphs' tokens are counted once into a
sparse groups × terms matrix (uses), with matrices of how many paragraphs of the group use
each term and how evenly (Gries' DP). Grouping is by report (``doc``) or any catalog column
(``year``, ``level`` ...). The counts come from the one paragraph × term matrix
(:func:`analysis.measure.bow.paragraph_terms`), which the topic models read too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analysis.measure.bow import IndexedTerms, index_terms
from analysis.read.metadata import region_names

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["TermCounts", "count_terms"]


@dataclass(frozen=True)
class TermCounts:
    """What :func:`count_terms` returns: sparse counts per group, and the groups' places.

    Attributes
    ----------
    counts : scipy.sparse.csr_matrix
        Groups × terms, int64: uses of each term in each group (sorted indices).
    spread : scipy.sparse.csr_matrix
        Groups × terms, int64: paragraphs of the group that use the term (same pattern).
    dispersion : scipy.sparse.csr_matrix
        Groups × terms, float: Gries' deviation of proportions over the group's paragraphs,
        ``DP = ½ Σᵢ |vᵢ / f − sᵢ|`` (``vᵢ`` uses in paragraph ``i``, ``f`` uses in the group,
        ``sᵢ`` the paragraph's share of the group's tokens): 0 for a term spread like the
        text itself, near 1 for one packed into a short stretch (same pattern).
    terms : numpy.ndarray
        The terms (str), sorted; column ``j`` of both matrices is ``terms[j]``.
    groups : pandas.Index
        The groups in first-seen order, named by the grouping column (``doc_id``, ``year`` ...).
    places : dict
        Group -> the names its reports use for their own region
        (:func:`analysis.read.metadata.region_names`, united over a group's reports); empty when
        no corpus was given.
    """

    counts: csr_matrix = field(repr=False)
    spread: csr_matrix = field(repr=False)
    dispersion: csr_matrix = field(repr=False)
    terms: np.ndarray = field(repr=False)
    groups: pd.Index
    places: dict[Any, frozenset[str]] = field(repr=False)

    @property
    def by(self) -> str:
        """The grouping column's name."""
        return str(self.groups.name)

    def to_frame(self) -> pd.DataFrame:
        """The counts in long form, one row per group and term used.

        Returns
        -------
        pandas.DataFrame
            Columns: the grouping column, ``term``, ``count`` (uses), ``n_paragraphs``
            (paragraphs using it) and ``dispersion`` (DP); rows by group order, then term.
        """
        coo = self.counts.tocoo()
        order = np.lexsort((coo.col, coo.row))
        rows, cols = coo.row[order], coo.col[order]
        return pd.DataFrame(
            {
                self.by: self.groups.to_numpy()[rows],
                "term": self.terms[cols],
                "count": coo.data[order].astype(np.int64),
                "n_paragraphs": np.asarray(self.spread[rows, cols]).ravel().astype(np.int64),
                "dispersion": np.asarray(self.dispersion[rows, cols]).ravel().astype(float),
            }
        )


def _group_keys(tokens: pd.DataFrame, *, by: str, corpus: pd.DataFrame | None) -> pd.Series:
    """The group of each paragraph row (from the tokens, else from the corpus)."""
    column = "doc_id" if by == "doc" else by
    if column in tokens.columns:
        return tokens[column].rename(column)
    if corpus is None or column not in corpus.columns:
        raise ValueError(f"cannot group by {by!r}: no such column in the tokens or corpus")
    mapping = dict(zip(corpus["doc_id"], corpus[column], strict=True))
    return tokens["doc_id"].map(mapping).rename(column)


def _dispersion(paragraphs: Any, codes: np.ndarray, counts: Any) -> Any:
    """Gries' DP of every (group, term) from the paragraph matrix (see :class:`TermCounts`)."""
    from scipy.sparse import csr_matrix

    coo = paragraphs.tocoo()
    lengths = np.asarray(paragraphs.sum(axis=1)).ravel().astype(float)
    group_len = np.bincount(codes, weights=lengths, minlength=counts.shape[0])
    share = lengths / np.where(group_len[codes] > 0, group_len[codes], 1.0)
    g = codes[coo.row]
    # uses of the term in the paragraph's group
    total = np.asarray(counts[g, coo.col]).ravel().astype(float)
    s = share[coo.row]
    part = np.abs(coo.data / total - s) - s  # used paragraphs; unused ones add their share
    dev = csr_matrix((part, (g, coo.col)), shape=counts.shape)
    dev.sum_duplicates()
    dev.sort_indices()
    dev.data = 0.5 * (1.0 + dev.data)
    return dev


def count_terms(
    tokens: pd.DataFrame | IndexedTerms, *, by: str = "doc", corpus: pd.DataFrame | None = None
) -> TermCounts:
    """Count each term's uses and paragraphs per report or group, once for every statistic.

    Parameters
    ----------
    tokens : pandas.DataFrame or IndexedTerms
        Filtered tokens, one row per paragraph: ``doc_id``, ``tokens`` (list of str) and,
        unless ``corpus`` has it, the ``by`` column; or their matrix already counted
        (:func:`analysis.measure.bow.index_terms`, the same counts).
    by : str
        ``doc`` (one group per report) or a column such as ``year``, ``level``, ``kind``.
    corpus : pandas.DataFrame, optional
        The corpus the tokens come from: supplies the ``by`` column when the tokens lack it
        and each report's region, whose names :func:`analysis.measure.keywords.rank_keywords` leaves
        out by default.

    Returns
    -------
    TermCounts
        ``counts`` and ``spread`` (groups × terms), ``terms``, ``groups`` (index named
        ``doc_id`` or the ``by`` column) and ``places`` (group -> own-region names).
    """
    from scipy.sparse import csr_matrix

    if isinstance(tokens, IndexedTerms):
        indexed, rows = tokens, tokens.index
    else:
        indexed, rows = index_terms(tokens), tokens
    keys = _group_keys(rows, by=by, corpus=corpus)
    codes, uniques = pd.factorize(keys, sort=False)
    if (codes < 0).any():
        raise ValueError(f"cannot group by {by!r}: some reports have no {keys.name} value")
    paragraphs, terms = indexed.counted.matrix, indexed.counted.terms
    n = len(codes)
    member = csr_matrix(
        (np.ones(n, dtype=np.int64), (codes, np.arange(n))), shape=(len(uniques), n)
    )
    used = paragraphs.copy()
    used.data = np.ones_like(used.data)
    counts, spread = (member @ paragraphs).tocsr(), (member @ used).tocsr()
    counts.sort_indices()
    spread.sort_indices()
    dispersion = _dispersion(paragraphs, codes, counts)
    groups = pd.Index(uniques, name=keys.name)
    places: dict[Any, frozenset[str]] = {}
    if corpus is not None:
        names = region_names(corpus)
        docs = pd.DataFrame({"group": keys.to_numpy(), "doc_id": rows["doc_id"].to_numpy()})
        for group, ids in docs.drop_duplicates().groupby("group", sort=False)["doc_id"]:
            places[group] = frozenset().union(*(names.get(str(d), frozenset()) for d in ids))
    return TermCounts(
        counts=counts,
        spread=spread,
        dispersion=dispersion,
        terms=terms,
        groups=groups,
        places=places,
    )
