"""Keywords: TF-IDF ranking per report or group, and the report's own places apart.

G² keyness (:func:`keyness`, :func:`keyness_table`) lives in :mod:`analysis.measure.keyness`
and is re-exported here.

All of them read the counts of :func:`analysis.measure.counts.count_terms`; nothing here recounts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from typing import Any

import numpy as np
import pandas as pd

from analysis.common.patterns import CN_NUMERALS, UNITS
from analysis.common.wordlists import single_char_whitelist
from analysis.measure.counts import TermCounts
from analysis.measure.keyness import _check_correction, _g2, keyness, keyness_table
from analysis.read.metadata import is_own_place

__all__ = [
    "KEYWORD_COLUMNS",
    "NOT_KEYWORDS",
    "keyness",
    "keyness_table",
    "rank_keywords",
    "rank_places",
]

#: Columns of :func:`rank_keywords` after the grouping column.
KEYWORD_COLUMNS = ["rank", "term", "score", "g2", "dispersion", "count", "n_paragraphs", "merged"]
#: Tokens that are never keywords, one named rule each (single characters are handled by the
#: whitelist, own places by the report's region).
NOT_KEYWORDS = {
    # 一是/二是, 一要/二要, 其一: the skeleton of a list, not its content
    "enumerator": re.compile(f"^(?:[{CN_NUMERALS}两]|其[{CN_NUMERALS}])(?:是|要|抓|则|来|方面)?$"),
    # 多亿元, 万余人, 亿元: amounts without their number
    "amount": re.compile(
        f"^[多余近约超]?[百千万亿]+[多余]?[{UNITS}]{{0,2}}$|^[多余近约超][{UNITS}]{{1,2}}$"
    ),
}


def _tfidf(counts: TermCounts, *, sublinear_tf: bool, smooth_idf: bool, norm: str | None):
    """TF-IDF of the count matrix, as scikit-learn's ``TfidfTransformer`` computes it."""
    matrix = counts.counts.astype(float)
    n_groups = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + n_groups) / (1 + df)) + 1 if smooth_idf else np.log(n_groups / df) + 1
    if sublinear_tf:
        matrix.data = 1 + np.log(matrix.data)
    matrix.data *= idf[matrix.indices]
    if norm in ("l1", "l2"):
        power = 2 if norm == "l2" else 1
        sums = np.add.reduceat(np.abs(matrix.data) ** power, matrix.indptr[:-1])
        sums = np.where(np.diff(matrix.indptr) > 0, sums, 1.0) ** (1 / power)
        matrix.data /= np.repeat(sums, np.diff(matrix.indptr))
    elif norm is not None:
        raise ValueError(f"norm must be 'l1', 'l2' or None, not {norm!r}")
    return matrix


def _word_ok(term: str, single: Collection[str]) -> bool:
    """Whether a term may be ranked at all: not a lone character outside ``single``, not
    one of :data:`NOT_KEYWORDS`."""
    if len(term) == 1 and term not in single:
        return False
    return not any(rule.match(term) for rule in NOT_KEYWORDS.values())


def _allowed(idx: np.ndarray, places: frozenset[str], counts: TermCounts, opts: dict) -> Any:
    """Which of the columns ``idx`` may be keywords (``opts["own"]``: own places) of a group
    with these place names; each term is judged once per corpus, and once per set of
    place names for the place test (``opts`` holds what was judged)."""
    words, own = opts["word_ok"], opts["own_place"].setdefault(places, {})
    ok = np.zeros(len(idx), dtype=bool)
    for k, j in enumerate(idx.tolist()):
        allowed = words.get(j)
        if allowed is None:
            allowed = words[j] = _word_ok(str(counts.terms[j]), opts["single"])
        if allowed:
            place = own.get(j)
            if place is None:
                place = own[j] = is_own_place(str(counts.terms[j]), places)
            ok[k] = place == opts["own"]
    return ok


def _merge(candidates: list[tuple[str, int, Any]], top_n: int | None) -> list[list[Any]]:
    """Walk ranked (term, count, stats) and fold a term into a longer or shorter form listed.

    Each output row: [term, stats of its best-ranked form, total count, {form: count}].
    """
    rows: list[list[Any]] = []
    for term, count, stats in candidates:
        hits = [r for r in rows if term in r[0] or r[0] in term]
        if not hits:
            if top_n and len(rows) >= top_n:
                break
            rows.append([term, stats, count, {term: count}])
            continue
        keep = hits[0]
        for other in hits[1:]:
            keep[2] += other[2]
            keep[3].update(other[3])
            rows.remove(other)
        keep[2] += count
        keep[3][term] = count
        keep[0] = max(keep[3], key=lambda t: (len(t), keep[3][t]))
    return rows


def _group_rows(counts: TermCounts, i: int, scores: Any, opts: dict[str, Any]) -> list[tuple]:
    """The ranked keyword rows of group ``i`` (see :func:`rank_keywords`)."""
    lo, hi = counts.counts.indptr[i], counts.counts.indptr[i + 1]
    idx = counts.counts.indices[lo:hi]
    cnt = counts.counts.data[lo:hi]
    spread = counts.spread.data[lo:hi]
    dp = counts.dispersion.data[lo:hi]
    score = scores.data[lo:hi]
    ok = (cnt >= opts["min_count"]) & (spread >= opts["min_paragraphs"])
    ok &= opts["df"][idx] <= opts["max_groups"]
    row_total = float(cnt.sum())
    own = counts.places.get(counts.groups[i], frozenset())
    places = frozenset() if opts["keep_places"] else own
    ok[ok] = _allowed(idx[ok], places, counts, opts)
    idx, cnt, spread, score, dp = idx[ok], cnt[ok], spread[ok], score[ok], dp[ok]
    totals, grand = opts["totals"], opts["grand"]
    g2, _, _ = _g2(
        cnt.astype(float),
        totals[idx] - cnt,
        row_total - cnt,
        grand - row_total - (totals[idx] - cnt),
        williams=opts["williams"],
    )
    terms = counts.terms[idx]
    order = np.lexsort((terms, dp, -g2, -score))
    candidates = (
        (str(terms[j]), int(cnt[j]), (float(score[j]), float(g2[j]), float(dp[j]), int(spread[j])))
        for j in order
    )
    if opts["merge"]:
        rows = _merge(candidates, opts["top_n"])
    else:
        rows = [[t, s, c, {t: c}] for t, c, s in itertools.islice(candidates, opts["top_n"])]
    return [
        (rank, term, *stats[:3], total, stats[3], _forms(forms))
        for rank, (term, stats, total, forms) in enumerate(rows, start=1)
    ]


def _forms(forms: dict[str, int]) -> str:
    """``中轴线:5 中轴:3`` for a merged row (most used first), empty otherwise."""
    if len(forms) < 2:
        return ""
    return " ".join(f"{t}:{c}" for t, c in sorted(forms.items(), key=lambda x: (-x[1], x[0])))


def rank_keywords(
    counts: TermCounts,
    *,
    top_n: int | None = 20,
    min_count: int = 3,
    min_paragraphs: int = 2,
    max_df: float = 0.8,
    keep_places: bool = False,
    single_chars: Collection[str] | None = None,
    merge: bool = True,
    sublinear_tf: bool = True,
    smooth_idf: bool = True,
    norm: str | None = "l2",
    correction: str = "williams",
) -> pd.DataFrame:
    """Rank each report's (or group's) keywords by TF-IDF, ties broken by G², then DP.

    TF-IDF as scikit-learn's ``TfidfTransformer`` (``1 + ln tf``, smoothed idf, L2 rows).
    Order, at full precision (never rounded): ``score`` descending; ties by ``g2``
    descending (G² in the group against all others, as :func:`keyness`: a term the rest
    also uses ranks lower); then ``dispersion`` ascending (Gries' DP over the group's
    paragraphs: a term spread through the report first); then code-point order.

    Never keywords: terms used under ``min_count`` times or in under ``min_paragraphs``
    paragraphs (names met once, in a header), in over ``max_df`` of the groups (建设), one
    character outside ``single_chars`` (default ``single_char_whitelist.txt``),
    :data:`NOT_KEYWORDS` and, unless ``keep_places``, the group's own region
    (``counts.places``; :func:`analysis.read.metadata.is_own_place`). With ``merge`` a term
    contained in another listed one joins its row (云南 in 云南省), shown as the longer
    form with its best-ranked form's statistics and the uses of all forms.

    Parameters
    ----------
    counts : TermCounts
        The output of :func:`analysis.measure.counts.count_terms`.
    top_n : int or None
        Rows kept per group (None: all).
    min_count, min_paragraphs, max_df, keep_places, single_chars, merge
        The filters above.
    sublinear_tf, smooth_idf, norm, correction
        TF-IDF variants (``norm``: l2, l1, None) and G² correction (williams, none).

    Returns
    -------
    pandas.DataFrame
        Columns: the grouping column, ``rank`` (1 = best), ``term``, ``score`` (TF-IDF),
        ``g2`` (signed), ``dispersion`` (DP in [0, 1)), ``count`` (uses, all merged forms),
        ``n_paragraphs`` and ``merged`` (``中轴线:5 中轴:3``, else empty).
    """
    _check_correction(correction)
    scores = _tfidf(counts, sublinear_tf=sublinear_tf, smooth_idf=smooth_idf, norm=norm)
    opts = _options(counts, max_df=max_df, single_chars=single_chars)
    opts |= {"min_count": min_count, "min_paragraphs": min_paragraphs, "top_n": top_n}
    opts |= {"keep_places": keep_places, "merge": merge, "williams": correction == "williams"}
    return _ranked(counts, scores, opts | {"own": False})


def rank_places(
    counts: TermCounts,
    *,
    top_n: int | None = None,
    min_count: int = 3,
    min_paragraphs: int = 2,
    max_df: float = 0.8,
    single_chars: Collection[str] | None = None,
    merge: bool = True,
) -> pd.DataFrame:
    """The report's (or group's) own places that :func:`rank_keywords` leaves out, ranked apart.

    The same TF-IDF ranking, filters and merging as :func:`rank_keywords` with its defaults,
    over the terms that name the group's own region or a place inside it (``counts.places``:
    the region's names and, from ``gazetteer.csv``, its prefectures, counties and districts,
    full and short: 鄂尔多斯市, 鄂尔多斯, 浦东新区, 崇明). Places elsewhere are keywords.

    Parameters
    ----------
    counts : TermCounts
        The output of :func:`analysis.measure.counts.count_terms`.
    top_n : int or None
        Rows kept per group (None: all).
    min_count, min_paragraphs, max_df, single_chars, merge
        As in :func:`rank_keywords`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`rank_keywords` (the grouping column, ``rank``, ``term``,
        ``score``, ``g2``, ``dispersion``, ``count``, ``n_paragraphs``, ``merged``), one row
        per own place used; empty without places (no corpus given to ``count_terms``).
    """
    scores = _tfidf(counts, sublinear_tf=True, smooth_idf=True, norm="l2")
    opts = _options(counts, max_df=max_df, single_chars=single_chars)
    opts |= {"min_count": min_count, "min_paragraphs": min_paragraphs, "top_n": top_n}
    opts |= {"keep_places": False, "merge": merge, "williams": True, "own": True}
    return _ranked(counts, scores, opts)


def _ranked(counts: TermCounts, scores: Any, opts: dict[str, Any]) -> pd.DataFrame:
    """The rows of every group (:func:`_group_rows`) as one frame."""
    rows = [
        (key, *row)
        for i, key in enumerate(counts.groups)
        for row in _group_rows(counts, i, scores, opts)
    ]
    return pd.DataFrame(rows, columns=[counts.by, *KEYWORD_COLUMNS])


def _options(
    counts: TermCounts, *, max_df: float, single_chars: Collection[str] | None
) -> dict[str, Any]:
    """Corpus-wide arrays the per-group ranking reads (column totals, document frequency)."""
    totals = np.asarray(counts.counts.sum(axis=0)).ravel().astype(float)
    n_groups = len(counts.groups)
    return {
        "df": np.bincount(counts.counts.indices, minlength=len(counts.terms)),
        "max_groups": max_df * n_groups if n_groups > 1 else 1,
        "single": single_char_whitelist() if single_chars is None else single_chars,
        "totals": totals,
        "grand": float(totals.sum()),
        "word_ok": {},  # column -> may be ranked (judged when first met)
        "own_place": {},  # place names -> column -> is one of them (judged when first met)
    }
