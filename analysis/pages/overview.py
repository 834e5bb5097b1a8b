"""What a page about many reports shows: a chosen few in detail, one line per report, spans of
years instead of lists of names."""

from __future__ import annotations

import pandas as pd

from analysis.measure.panel import ordered_reports, report_labels

__all__ = ["chosen_reports", "terms_by_group", "year_spans"]


def chosen_reports(corpus: pd.DataFrame, *, n: int = 9) -> list[str]:
    """A few reports to show in detail on a page about many: all of them when there are at
    most ``n``, else the latest year's first ``n`` in the customary region order.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The reports.
    n : int
        How many.

    Returns
    -------
    list of str
        doc_ids.
    """
    meta = ordered_reports(corpus)
    if len(meta) <= n:
        return meta["doc_id"].tolist()
    latest = meta["year"].max()
    pool = meta[meta["year"] == latest] if pd.notna(latest) else meta
    picked = pool["doc_id"].head(n).tolist()
    rest = [d for d in meta["doc_id"][::-1] if d not in picked]
    return picked + rest[: n - len(picked)]


def terms_by_group(
    ranked: pd.DataFrame, corpus: pd.DataFrame | None = None, *, top_n: int = 10
) -> pd.DataFrame:
    """One line per report (or group): its first ``top_n`` terms, joined by ``、``.

    Parameters
    ----------
    ranked : pandas.DataFrame
        :func:`analysis.rank_keywords` or :func:`analysis.keyness_table` (first column the
        group, then ``rank`` and ``term``).
    corpus : pandas.DataFrame, optional
        With groups by report: their readable names and customary order.
    top_n : int
        Terms per line.

    Returns
    -------
    pandas.DataFrame
        Columns: the group column (a report's readable name when ``corpus`` is given) and
        ``terms``; reports in the customary order, other groups in order.
    """
    by = ranked.columns[0]
    top = ranked[ranked["rank"] <= top_n].sort_values([by, "rank"], kind="stable")
    lines = top.groupby(by, sort=False)["term"].agg("、".join).rename("terms").reset_index()
    if corpus is None or by != "doc_id":
        return lines.sort_values(by, kind="stable").reset_index(drop=True)
    labels = report_labels(corpus)
    merged = labels.merge(lines, on="doc_id", how="inner")
    return merged[["label", "terms"]].rename(columns={"label": "doc_id"})


def year_spans(usage: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """When each term was used, at a glance: ``1985–2026(39 年)``.

    Parameters
    ----------
    usage : pandas.DataFrame
        Per-report uses (``doc_id``, ``term``, ``count``).
    corpus : pandas.DataFrame
        The reports (``doc_id``, ``year``).

    Returns
    -------
    pandas.DataFrame
        Columns ``term`` and ``years`` (first–last year and the number of years used; one
        year alone when first and last are the same; empty without years).
    """
    used = usage[usage["count"] > 0].merge(corpus[["doc_id", "year"]], on="doc_id")
    used = used.dropna(subset=["year"])
    stats = used.groupby("term")["year"].agg(["min", "max", "nunique"]).astype(int)
    spans = [
        f"{lo}" if lo == hi else f"{lo}–{hi}({n} 年)"
        for lo, hi, n in zip(stats["min"], stats["max"], stats["nunique"], strict=True)
    ]
    return pd.DataFrame({"term": stats.index, "years": spans})
