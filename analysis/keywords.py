"""Keywords: TF-IDF ranking per report or group, G² keyness, and jieba's own ranking."""

from __future__ import annotations

import itertools
import warnings
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.tokens import Tokenizer

__all__ = ["group_tokens", "jieba_keywords", "keyness", "keyness_table", "rank_keywords"]


def _chain(paragraphs: list[list[str]]) -> itertools.chain[str]:
    """Analyzer: a group's tokens are the chained tokens of its paragraphs."""
    return itertools.chain.from_iterable(paragraphs)


def _group_paragraphs(tokens: pd.DataFrame, *, by: str, corpus: pd.DataFrame | None) -> pd.Series:
    """Paragraph token lists per group (not concatenated, to save copying)."""
    column = _group_column(tokens, by=by, corpus=corpus)
    frame = (
        tokens
        if column in tokens.columns
        else tokens.merge(
            corpus[["doc_id", column]],
            on="doc_id",
            how="left",  # type: ignore[index]
        )
    )
    groups: dict[object, list[list[str]]] = {}
    for key, toks in zip(frame[column].tolist(), frame["tokens"].tolist(), strict=True):
        groups.setdefault(key, []).append(toks)
    series = pd.Series(groups, dtype=object)
    series.index.name = column
    return series


def _group_column(tokens: pd.DataFrame, *, by: str, corpus: pd.DataFrame | None) -> str:
    column = "doc_id" if by == "doc" else by
    if column not in tokens.columns and (corpus is None or column not in corpus.columns):
        raise ValueError(f"cannot group by {by!r}: no such column in the tokens or corpus")
    return column


def group_tokens(
    tokens: pd.DataFrame, *, by: str = "doc", corpus: pd.DataFrame | None = None
) -> pd.Series:
    """Concatenate paragraph tokens into one token list per report or group.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Rows with ``doc_id`` and ``tokens`` (and the ``by`` column, unless ``corpus`` has it).
    by : str
        ``doc`` (one group per report) or a column such as ``year``, ``level``, ``kind``.
    corpus : pandas.DataFrame, optional
        Catalog columns are taken from here when ``tokens`` lacks ``by``.

    Returns
    -------
    pandas.Series
        Index: the group (``doc_id`` or the ``by`` value), in first-seen order; values: list
        of str.
    """
    return _group_paragraphs(tokens, by=by, corpus=corpus).map(
        lambda paragraphs: list(itertools.chain.from_iterable(paragraphs))
    )


def rank_keywords(
    tokens: pd.DataFrame,
    *,
    by: str = "doc",
    top_n: int | None = 20,
    corpus: pd.DataFrame | None = None,
    sublinear_tf: bool = True,
    smooth_idf: bool = True,
    norm: str | None = "l2",
    min_count: int = 1,
) -> pd.DataFrame:
    """Rank each report's (or group's) keywords by TF-IDF over the already-segmented tokens.

    Uses scikit-learn's TF-IDF (``CountVectorizer`` + ``TfidfTransformer``, i.e.
    ``TfidfVectorizer``) with an analyzer that passes the tokens through, so one-character words
    and formulas such as ``1+6+N`` are kept exactly as the tokenizer produced them. Filter the
    tokens first (:func:`analysis.filter_tokens`) to keep stopwords and numbers out.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Rows with ``doc_id`` and ``tokens``.
    by : str
        ``doc`` or a catalog column (``year``, ``level``, ``kind``, ``region``...).
    top_n : int or None
        Keywords kept per group (None: all).
    corpus : pandas.DataFrame, optional
        Supplies the ``by`` column when the tokens lack it.
    sublinear_tf : bool
        Use ``1 + ln(tf)`` (default): damps very frequent terms, which matters with few,
        long reports where IDF alone separates little.
    smooth_idf : bool
        ``idf = ln((1 + n) / (1 + df)) + 1`` (True) or ``ln(n / df) + 1``.
    norm : {"l2", "l1", None}
        Row normalisation.
    min_count : int
        Drop terms used fewer times than this in the group.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (or the ``by`` column), ``rank`` (1 = best), ``term``, ``score``
        (float, TF-IDF) and ``count`` (uses in the group); sorted by group order and rank,
        ties broken by count, then term.
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    groups = _group_paragraphs(tokens, by=by, corpus=corpus)
    # TfidfVectorizer is CountVectorizer + TfidfTransformer; doing the two steps keeps the counts
    counts = CountVectorizer(analyzer=_chain, lowercase=False)
    matrix_counts = counts.fit_transform(groups.tolist()).tocsr()
    transformer = TfidfTransformer(sublinear_tf=sublinear_tf, smooth_idf=smooth_idf, norm=norm)
    matrix = transformer.fit_transform(matrix_counts).tocsr()
    matrix_counts.sort_indices()
    matrix.sort_indices()
    vocab = counts.get_feature_names_out()
    same_pattern = np.array_equal(matrix.indptr, matrix_counts.indptr) and np.array_equal(
        matrix.indices, matrix_counts.indices
    )
    rows = []
    for i, key in enumerate(groups.index):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        idx, scores = matrix.indices[lo:hi], matrix.data[lo:hi]
        if same_pattern:  # TfidfTransformer keeps the count matrix's sparsity pattern
            cnt = matrix_counts.data[lo:hi]
        else:  # pragma: no cover - defensive, for another scikit-learn
            cnt = np.asarray(matrix_counts[i, idx].todense()).ravel()
        keep = cnt >= min_count
        idx, scores, cnt = idx[keep], scores[keep], cnt[keep]
        rounded = np.round(scores, 12)  # ignore float noise when breaking ties
        if top_n and len(rounded) > top_n:
            # only the candidates for the top: every score >= the top_n-th best (ties kept)
            kth = -np.partition(-rounded, top_n - 1)[top_n - 1]
            cand = np.flatnonzero(rounded >= kth)
            idx, scores, cnt, rounded = idx[cand], scores[cand], cnt[cand], rounded[cand]
        terms = vocab[idx]
        # score descending, then count descending, then term
        order = np.lexsort((terms, -cnt, -rounded))
        if top_n:
            order = order[:top_n]
        for rank, j in enumerate(order, start=1):
            rows.append((key, rank, str(terms[j]), float(scores[j]), int(cnt[j])))
    return pd.DataFrame(rows, columns=[groups.index.name, "rank", "term", "score", "count"])


def keyness(
    tokens: pd.DataFrame,
    *,
    target: object | Sequence[object],
    reference: object | Sequence[object] | None = None,
    by: str = "doc",
    corpus: pd.DataFrame | None = None,
    correction: str = "williams",
    min_count: int = 2,
    top_n: int | None = None,
) -> pd.DataFrame:
    """Log-likelihood (G²) keyness of a target report or group against a reference.

    For each term, a 2×2 table (term vs. other terms, target vs. reference) gives
    ``G² = 2 Σ O ln(O / E)``, signed positive when the term is relatively more frequent in
    the target — as quanteda's ``textstat_keyness(measure = "lr")`` does.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Rows with ``doc_id`` and ``tokens``.
    target : value or sequence of values
        The group(s) of ``by`` to characterise, e.g. a doc_id or a year.
    reference : value or sequence, optional
        The comparison groups; default all the others.
    by : str
        ``doc`` or a catalog column.
    corpus : pandas.DataFrame, optional
        Supplies the ``by`` column when the tokens lack it.
    correction : {"williams", "none"}
        Williams' correction divides G² by ``q = 1 + (N/R1 + N/R2 − 1)(N/C1 + N/C2 − 1) / 6N``
        (quanteda's default for ``lr``).
    min_count : int
        Terms used fewer times than this in target and reference together are skipped.
    top_n : int, optional
        Keep the first ``top_n`` rows (strongest positive keyness first).

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``n_target``, ``n_reference`` (counts), ``g2`` (signed G²), ``p``
        (chi-squared, 1 d.f.) and ``log_ratio`` (log2 of the relative-frequency ratio, with
        0.5 added to zero counts); sorted by ``g2`` descending, then term.
    """
    if correction not in ("williams", "none"):
        raise ValueError(f"correction must be 'williams' or 'none', not {correction!r}")
    groups = group_tokens(tokens, by=by, corpus=corpus)
    targets = list(target) if isinstance(target, (list, tuple, set)) else [target]
    missing = [t for t in targets if t not in groups.index]
    if missing:
        raise ValueError(f"target {missing[0]!r} is not a {by} of these tokens")
    if reference is None:
        refs = [g for g in groups.index if g not in targets]
    else:
        refs = list(reference) if isinstance(reference, (list, tuple, set)) else [reference]
    if not refs:
        raise ValueError("keyness needs at least one reference report or group besides the target")
    t_counts: Counter[str] = Counter()
    r_counts: Counter[str] = Counter()
    for g in targets:
        t_counts.update(groups[g])
    for g in refs:
        r_counts.update(groups[g])
    return _g2_table(t_counts, r_counts, correction=correction, min_count=min_count, top_n=top_n)


def _g2_table(
    t_counts: Counter[str],
    r_counts: Counter[str],
    *,
    correction: str,
    min_count: int,
    top_n: int | None,
) -> pd.DataFrame:
    """Signed G² of every term from target and reference counts (see :func:`keyness`)."""
    from scipy.stats import chi2

    terms = sorted(
        t for t in set(t_counts) | set(r_counts) if t_counts[t] + r_counts[t] >= min_count
    )
    a = np.array([t_counts[t] for t in terms], dtype=float)
    b = np.array([r_counts[t] for t in terms], dtype=float)
    c = float(sum(t_counts.values())) - a  # target, other terms
    d = float(sum(r_counts.values())) - b  # reference, other terms
    n = a + b + c + d
    observed = np.stack([a, b, c, d])
    row1, row2 = a + c, b + d  # target total, reference total
    col1, col2 = a + b, c + d
    expected = np.stack([row1 * col1, row2 * col1, row1 * col2, row2 * col2]) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        terms_ll = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    g2 = 2 * terms_ll.sum(axis=0)
    if correction == "williams":
        q = 1 + ((n / row1 + n / row2 - 1) * (n / col1 + n / col2 - 1)) / (6 * n)
        g2 = g2 / q
    sign = np.where(a > expected[0], 1.0, -1.0)
    p = chi2.sf(g2, 1)
    rel_t = np.where(a > 0, a, 0.5) / row1
    rel_r = np.where(b > 0, b, 0.5) / row2
    frame = pd.DataFrame(
        {
            "term": terms,
            "n_target": a.astype(int),
            "n_reference": b.astype(int),
            "g2": sign * g2,
            "p": p,
            "log_ratio": np.log2(rel_t / rel_r),
        }
    )
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    frame = frame.reset_index(drop=True)
    return frame.head(top_n) if top_n else frame


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
        extractor.tokenizer = tokenizer.jieba
    rows = []
    for doc_id, group in paragraphs.groupby("doc_id", sort=False):
        text = "\n".join(group["text"])
        tags = extractor.extract_tags(text, topK=top_n, withWeight=True)
        rows.extend((doc_id, r, term, float(w)) for r, (term, w) in enumerate(tags, start=1))
    return pd.DataFrame(rows, columns=["doc_id", "rank", "term", "score"])


def keyness_table(
    tokens: pd.DataFrame,
    *,
    by: str = "doc",
    corpus: pd.DataFrame | None = None,
    top_n: int = 10,
    correction: str = "williams",
    min_count: int = 2,
) -> pd.DataFrame:
    """The strongest keywords of every report (or group) against all the others.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Rows with ``doc_id`` and ``tokens``.
    by : str
        ``doc`` or a catalog column.
    corpus : pandas.DataFrame, optional
        Supplies the ``by`` column when the tokens lack it.
    top_n : int
        Terms kept per group.
    correction, min_count
        As in :func:`keyness`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (or the ``by`` column), ``rank``, then those of :func:`keyness`;
        empty when there are fewer than two groups (nothing to compare).
    """
    groups = group_tokens(tokens, by=by, corpus=corpus)
    column = groups.index.name
    cols = [column, "rank", "term", "n_target", "n_reference", "g2", "p", "log_ratio"]
    if len(groups) < 2:
        return pd.DataFrame(columns=cols)
    counts = {g: Counter(toks) for g, toks in groups.items()}
    total = sum(counts.values(), Counter())
    frames = []
    for g, own in counts.items():
        frame = _g2_table(own, total - own, correction=correction, min_count=min_count, top_n=top_n)
        frame.insert(0, "rank", range(1, len(frame) + 1))
        frame.insert(0, column, g)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)[cols]
