"""G² keyness: a report or group against a reference, and every group against the others.

Reads the counts of :func:`analysis.measure.counts.count_terms`; :func:`analysis.measure.keywords.
rank_keywords` breaks its ties with the same G².
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.measure.counts import TermCounts
from analysis.read.metadata import is_own_place

__all__ = ["keyness", "keyness_table"]


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
    from scipy.special import chdtrc  # chi2.sf's own function, without scipy.stats (0.5 s)

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
            "p": chdtrc(1, np.abs(g2)),
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
