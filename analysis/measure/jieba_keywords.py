"""Keywords by jieba's own ``extract_tags`` (its general-corpus IDF): the baseline that
:func:`analysis.measure.keywords.rank_keywords` is compared with."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from analysis.terms.tokens import Tokenizer

__all__ = ["jieba_keywords"]


def jieba_keywords(
    paragraphs: pd.DataFrame,
    *,
    top_n: int = 20,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Rank keywords with jieba's own ``extract_tags`` (its general-corpus IDF), for comparison.

    Words missing from jieba's IDF table all get the median IDF, so new coinages tie; the
    notebook ``03_keywords`` sets this against :func:`rank_keywords`.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        Rows with ``doc_id`` and ``text`` (body paragraphs).
    top_n : int
        Keywords per report.
    tokenizer : Tokenizer, optional
        Segment with our domain tokenizer instead of jieba's default dictionary.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``rank``, ``term``, ``score`` (jieba's TF-IDF weight).
    """
    with warnings.catch_warnings():
        # jieba 0.42 opens its IDF file without closing it, at import and in TFIDF()
        # (a ResourceWarning from jieba, not a leak of ours)
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba.analyse

        extractor = jieba.analyse.TFIDF()
    if tokenizer is not None:
        extractor.tokenizer = tokenizer  # extract_tags only calls .cut(text)
    rows = []
    for doc_id, group in paragraphs.groupby("doc_id", sort=False):
        text = "\n".join(group["text"])
        tags = extractor.extract_tags(text, topK=top_n, withWeight=True)
        rows.extend((doc_id, r, term, float(w)) for r, (term, w) in enumerate(tags, start=1))
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "score"])
