"""Keywords: TF-IDF ranking per report or group, G² keyness, and jieba's own ranking.

All of them read the counts of :func:`analysis.measure.counts.count_terms`; nothing here recounts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd

from analysis.common.patterns import CN_NUMERALS, UNITS
from analysis.common.wordlists import single_char_whitelist
from analysis.measure.counts import TermCounts
from analysis.read.metadata import is_own_place

__all__ = [
    "KEYWORD_COLUMNS",
    "NOT_KEYWORDS",
    "keyness",
    "keyness_table",
    "rank_keywords",
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


def _g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, *, williams: bool):
    """Signed G² of 2×2 tables (a: term in target, b: in reference, c/d: other terms)."""
    n = a + b + c + d
    observed = np.stack([a, b, c, d]).astype(float)
    row1, row2, col1, col2 = a + c, b + d, a + b, c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.stack([row1 * col1, row2 * col1, row1 * col2, row2 * col2]) / n
        ll = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
        g2 = 2 * ll.sum(axis=0)
        if williams:
            g2 = g2 / (1 + ((n / row1 + n / row2 - 1) * (n / col1 + n / col2 - 1)) / (6 * n))
    sign = np.where(a > expected[0], 1.0, -1.0)
    return np.nan_to_num(sign * g2, nan=0.0, posinf=0.0, neginf=0.0), row1, row2


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


def _keep(term: str, *, places: frozenset[str], single: Collection[str]) -> bool:
    """Whether a term may be a keyword of a group with these own-place names."""
    if len(term) == 1 and term not in single:
        return False
    if any(rule.match(term) for rule in NOT_KEYWORDS.values()):
        return False
    return not is_own_place(term, places)


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
    idx, cnt, spread, score, dp = idx[ok], cnt[ok], spread[ok], score[ok], dp[ok]
    totals, grand = opts["totals"], opts["grand"]
    row_total = float(counts.counts.data[lo:hi].sum())
    g2, _, _ = _g2(
        cnt.astype(float),
        totals[idx] - cnt,
        row_total - cnt,
        grand - row_total - (totals[idx] - cnt),
        williams=opts["williams"],
    )
    terms = counts.terms[idx]
    order = np.lexsort((terms, dp, -g2, -score))
    own = counts.places.get(counts.groups[i], frozenset())
    places = frozenset() if opts["keep_places"] else own
    candidates = (
        (str(terms[j]), int(cnt[j]), (float(score[j]), float(g2[j]), float(dp[j]), int(spread[j])))
        for j in order
        if _keep(str(terms[j]), places=places, single=opts["single"])
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
    }


def _check_correction(correction: str) -> None:
    if correction not in ("williams", "none"):
        raise ValueError(f"correction must be 'williams' or 'none', not {correction!r}")


def _as_list(value: object | Sequence[object]) -> list[object]:
    return list(value) if isinstance(value, (list, tuple, set)) else [value]


def _g2_frame(
    terms: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    *,
    williams: bool,
    min_count: int,
    totals: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """The keyness table of target counts ``a`` against reference counts ``b`` (``totals``:
    the target's and reference's token counts, when ``a`` and ``b`` are some terms only)."""
    from scipy.stats import chi2

    a_total, b_total = totals if totals is not None else (float(a.sum()), float(b.sum()))
    c, d = a_total - a, b_total - b
    g2, row1, row2 = _g2(a, b, c, d, williams=williams)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log2((np.where(a > 0, a, 0.5) / row1) / (np.where(b > 0, b, 0.5) / row2))
    frame = pd.DataFrame(
        {
            "term": terms.astype(str),
            "n_target": a.astype(np.int64),
            "n_reference": b.astype(np.int64),
            "g2": g2,
            "p": chi2.sf(np.abs(g2), 1),
            "log_ratio": log_ratio,
        }
    )
    frame = frame[(a + b) >= min_count]
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort")
    return frame.reset_index(drop=True)


def _rows_sum(counts: TermCounts, positions: list[int]) -> np.ndarray:
    return np.asarray(counts.counts[positions].sum(axis=0)).ravel().astype(float)


def keyness(
    counts: TermCounts,
    *,
    target: object | Sequence[object],
    reference: object | Sequence[object] | None = None,
    correction: str = "williams",
    min_count: int = 2,
    top_n: int | None = None,
) -> pd.DataFrame:
    """Log-likelihood (G²) keyness of a target report or group against a reference.

    For each term, a 2×2 table (term vs. other terms, target vs. reference) gives
    ``G² = 2 Σ O ln(O / E)``, signed positive when the term is relatively more frequent in
    the target - as quanteda's ``textstat_keyness(measure = "lr")`` does.

    Parameters
    ----------
    counts : TermCounts
        The output of :func:`analysis.measure.counts.count_terms`.
    target : value or sequence of values
        The group(s) to characterise, e.g. a doc_id or a year.
    reference : value or sequence, optional
        The comparison groups; default all the others.
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
    _check_correction(correction)
    groups = list(counts.groups)
    targets = _as_list(target)
    missing = [t for t in targets if t not in groups]
    if missing:
        raise ValueError(f"target {missing[0]!r} is not a {counts.by} of these counts")
    refs = [g for g in groups if g not in targets] if reference is None else _as_list(reference)
    if not refs:
        raise ValueError("keyness needs at least one reference report or group besides the target")
    a = _rows_sum(counts, [groups.index(t) for t in targets])
    b = _rows_sum(counts, [groups.index(r) for r in refs])
    used = (a + b) > 0
    frame = _g2_frame(
        counts.terms[used], a[used], b[used], williams=correction == "williams", min_count=min_count
    )
    return frame.head(top_n) if top_n else frame


def _group_keyness(
    counts: TermCounts,
    i: int,
    totals: np.ndarray,
    places: frozenset[str],
    *,
    williams: bool,
    min_count: int,
) -> pd.DataFrame:
    """Group ``i``'s positive keyness rows: only terms it uses can be key to it."""
    row = counts.counts[i]
    cols, own = row.indices, row.data.astype(float)
    a_total = float(own.sum())
    b_total = float(totals.sum()) - a_total
    frame = _g2_frame(
        counts.terms[cols],
        own,
        totals[cols] - own,
        williams=williams,
        min_count=min_count,
        totals=(a_total, b_total),
    )
    return frame[frame["g2"] > 0]


def _top_rows(frame: pd.DataFrame, places: frozenset[str], top_n: int) -> pd.DataFrame:
    """The first ``top_n`` rows that are not the group's own places (checked in order)."""
    keep: list[int] = []
    for position, term in enumerate(frame["term"]):
        if len(keep) == top_n:
            break
        if not (places and is_own_place(term, places)):
            keep.append(position)
    return frame.iloc[keep].reset_index(drop=True)


def keyness_table(
    counts: TermCounts,
    *,
    top_n: int = 10,
    correction: str = "williams",
    min_count: int = 2,
    keep_places: bool = False,
) -> pd.DataFrame:
    """The strongest keywords of every report (or group) against all the others.

    Parameters
    ----------
    counts : TermCounts
        The output of :func:`analysis.measure.counts.count_terms`.
    top_n : int
        Terms kept per group.
    correction, min_count
        As in :func:`keyness`.
    keep_places : bool
        Keep the names of the group's own region (``counts.places``), left out by default.

    Returns
    -------
    pandas.DataFrame
        Columns: the grouping column (``doc_id``, ``year`` ...), ``rank``, then those of
        :func:`keyness`; empty when there are fewer than two groups (nothing to compare).
    """
    _check_correction(correction)
    cols = [counts.by, "rank", "term", "n_target", "n_reference", "g2", "p", "log_ratio"]
    if len(counts.groups) < 2:
        return pd.DataFrame(columns=cols)
    totals = np.asarray(counts.counts.sum(axis=0)).ravel().astype(float)
    williams = correction == "williams"
    frames = []
    for i, group in enumerate(counts.groups):
        places = frozenset() if keep_places else counts.places.get(group, frozenset())
        frame = _group_keyness(counts, i, totals, places, williams=williams, min_count=min_count)
        frame = _top_rows(frame, places, top_n)
        if len(frame) < top_n:  # too few positive terms: the strongest negative ones follow
            own = _rows_sum(counts, [i])
            rest = totals - own
            full = _g2_frame(counts.terms, own, rest, williams=williams, min_count=min_count)
            frame = _top_rows(full, places, top_n)
        frame.insert(0, "rank", range(1, len(frame) + 1))
        frame.insert(0, counts.by, group)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)[cols]
