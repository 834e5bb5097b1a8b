"""gensim's ``Dictionary`` and bag of words, built with array operations.

``Dictionary(texts)`` followed by ``filter_extremes`` and one ``doc2bow`` per paragraph is
a Python loop over every token, twice: about 30 seconds on 100 MB of reports. This module
counts the tokens once with pandas and numpy and fills a gensim ``Dictionary`` with exactly
what gensim would have computed:

- ids are given in gensim's order: by the first paragraph a token occurs in, and within a
  paragraph by the token's text (``doc2bow`` adds a paragraph's new tokens sorted);
- ``filter_extremes`` keeps the tokens in ``no_below`` .. ``int(no_above * paragraphs)``
  paragraphs, the ``keep_n`` with most paragraphs (ties: lower id first, as gensim's stable
  sort), and renumbers the kept ids in their old order (``compactify``);
- ``dfs``, ``cfs``, ``num_docs``, ``num_pos`` and ``num_nnz`` are gensim's values;
- each bag of words is ``doc2bow``'s: ``(id, count)`` pairs sorted by id.

A corpus with more distinct tokens than gensim's ``prune_at`` (2,000,000) is left to gensim
itself, which prunes while it reads.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["GENSIM_PRUNE_AT", "BagOfWords", "bag_of_words"]

#: ``Dictionary.add_documents``'s ``prune_at``: above it gensim drops rare tokens mid-way.
GENSIM_PRUNE_AT = 2_000_000


@dataclass(frozen=True)
class BagOfWords:
    """What :func:`bag_of_words` returns.

    Attributes
    ----------
    dictionary : gensim.corpora.Dictionary
        After ``filter_extremes`` (ids ``0 .. len - 1``).
    bow : list of list of (int, int)
        Every paragraph's ``doc2bow`` (kept tokens only), in input order.
    texts : list of list of str
        Every paragraph's tokens that are in the dictionary, in order.
    sizes : numpy.ndarray
        Every paragraph's number of tokens in the dictionary.
    """

    dictionary: Any
    bow: list[list[tuple[int, int]]]
    texts: list[list[str]]
    sizes: np.ndarray


def _gensim_order(first_doc: np.ndarray, uniques: np.ndarray) -> np.ndarray:
    """Each unique token's gensim id before filtering: by first paragraph, then by text."""
    order = sorted(range(len(uniques)), key=lambda c: (first_doc[c], uniques[c]))
    ids = np.empty(len(uniques), dtype=np.int64)
    ids[np.asarray(order, dtype=np.int64)] = np.arange(len(uniques))
    return ids


def _kept_ids(
    gensim_id: np.ndarray, dfs: np.ndarray, n_docs: int, filters: tuple[int, float, int | None]
) -> np.ndarray:
    """Final id of each unique token (-1: filtered out), as ``filter_extremes`` leaves it."""
    no_below, no_above, keep_n = filters
    by_id = np.argsort(gensim_id)  # unique codes in gensim id order
    good = by_id[(dfs[by_id] >= no_below) & (dfs[by_id] <= int(no_above * n_docs))]
    good = good[np.argsort(-dfs[good], kind="stable")]  # most paragraphs first, ties by id
    if keep_n is not None:
        good = good[:keep_n]
    good = good[np.argsort(gensim_id[good])]  # compactify: kept ids in their old order
    final = np.full(len(gensim_id), -1, dtype=np.int64)
    final[good] = np.arange(len(good))
    return final


def _dictionary(
    uniques: np.ndarray, final: np.ndarray, dfs: np.ndarray, cfs: np.ndarray, stats: tuple
) -> Any:
    """A gensim ``Dictionary`` holding the kept tokens and gensim's counters."""
    from gensim.corpora import Dictionary

    dictionary = Dictionary()
    kept = np.flatnonzero(final >= 0)
    kept = kept[np.argsort(final[kept])]
    dictionary.token2id = {str(uniques[c]): int(final[c]) for c in kept}
    dictionary.dfs = {int(final[c]): int(dfs[c]) for c in kept}
    dictionary.cfs = {int(final[c]): int(cfs[c]) for c in kept}
    dictionary.num_docs, dictionary.num_pos, dictionary.num_nnz = stats
    return dictionary


#: Entries turned into Python numbers at a time (bounds the temporary objects).
_BLOCK = 1 << 20


def _shared_ints(values: np.ndarray) -> list[int]:
    """The values as Python ints, one object per distinct value (as gensim's ids, which all
    come from one dict): 28 bytes saved per entry above 256, ~200 MB on 100 MB of reports."""
    shared = list(range(int(values.max()) + 1)) if len(values) else []
    out: list[int] = []
    for start in range(0, len(values), _BLOCK):
        out += map(shared.__getitem__, values[start : start + _BLOCK].tolist())
    return out


def _bows(doc: np.ndarray, ids: np.ndarray, counts: np.ndarray, n_docs: int) -> list:
    """Per paragraph, its (id, count) pairs sorted by id."""
    order = np.lexsort((ids, doc))
    doc, ids, counts = doc[order], ids[order], counts[order]
    bounds = np.searchsorted(doc, np.arange(n_docs + 1))
    id_list, count_list = _shared_ints(ids), _shared_ints(counts)
    return [
        list(zip(id_list[a:b], count_list[a:b], strict=True))
        for a, b in itertools.pairwise(bounds.tolist())
    ]


def bag_of_words(
    texts: list[list[str]], *, no_below: int, no_above: float, keep_n: int | None
) -> BagOfWords | None:
    """Build gensim's filtered dictionary and every paragraph's bag of words.

    Parameters
    ----------
    texts : list of list of str
        Each paragraph's tokens.
    no_below, no_above, keep_n
        As in gensim's ``Dictionary.filter_extremes``.

    Returns
    -------
    BagOfWords or None
        ``dictionary``, ``bow``, ``texts`` and ``sizes``; None when the paragraphs hold
        more distinct tokens than :data:`GENSIM_PRUNE_AT` (build them with gensim then).
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    flat = np.fromiter(itertools.chain.from_iterable(texts), dtype=object, count=lengths.sum())
    codes, uniques = pd.factorize(flat)
    del flat  # arrays of every token are large: each is dropped as soon as it is used
    if len(uniques) > GENSIM_PRUNE_AT:
        return None
    n_docs, n_terms = len(texts), max(len(uniques), 1)
    pair_doc, pair_code, counts = _pairs(codes, lengths, n_terms)
    dfs = np.bincount(pair_code, minlength=len(uniques))
    cfs = np.bincount(pair_code, weights=counts, minlength=len(uniques)).astype(np.int64)
    first_doc = pair_doc[np.unique(pair_code, return_index=True)[1]]  # pairs run by paragraph
    gensim_id = _gensim_order(first_doc, uniques)
    final = _kept_ids(gensim_id, dfs, n_docs, (no_below, no_above, keep_n))
    stats = (n_docs, int(lengths.sum()), len(pair_doc))
    dictionary = _dictionary(uniques, final, dfs, cfs, stats)
    fid = final[pair_code]
    inside = fid >= 0
    bow = _bows(pair_doc[inside], fid[inside], counts[inside], n_docs)
    sizes = np.bincount(pair_doc[inside], weights=counts[inside], minlength=n_docs)
    kept = _kept_texts(uniques, codes, final[codes] >= 0, lengths)
    return BagOfWords(dictionary, bow, kept, sizes)


def _pairs(
    codes: np.ndarray, lengths: np.ndarray, n_terms: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (paragraph, token) pairs in order, and how often each occurs."""
    key = np.repeat(np.arange(len(lengths), dtype=np.int64) * n_terms, lengths)
    key += codes
    key.sort()
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1]))[: len(key)])
    counts = np.diff(np.append(starts, len(key)))
    pairs = key[starts]
    del key
    return pairs // n_terms, pairs % n_terms, counts


def _kept_texts(
    uniques: np.ndarray, codes: np.ndarray, kept: np.ndarray, lengths: np.ndarray
) -> list[list[str]]:
    """Each paragraph's tokens that are in the dictionary (``kept``), in order."""
    tokens = uniques.take(codes[kept]).tolist()
    running = np.concatenate(([0], np.cumsum(kept)))
    bounds = running[np.concatenate(([0], np.cumsum(lengths)))].tolist()
    return [tokens[a:b] for a, b in itertools.pairwise(bounds)]
