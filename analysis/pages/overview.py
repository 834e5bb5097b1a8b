"""What a page about many reports shows: a chosen few in detail, one line per report, spans of
years instead of lists of names."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.measure.panel import ordered_reports, report_labels, topic_prevalence
from analysis.measure.targets import MEASURES
from analysis.terms.slogans.find import slogan_table

__all__ = [
    "chosen_reports",
    "growth_targets",
    "latest_growth_targets",
    "slogan_overview",
    "terms_by_group",
    "topic_mix",
    "year_spans",
]

#: Above this many reports, a page shows each topic's share by year, not by report.
MIX_BY_YEAR_ABOVE = 30
#: Above this many reports, the slogan table gives spans of years, not lists of reports.
SPANS_ABOVE = 12


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


def topic_mix(
    report_topics: pd.DataFrame, corpus: pd.DataFrame, *, max_reports: int = MIX_BY_YEAR_ABOVE
) -> pd.DataFrame:
    """The topic mix a page charts: per report, or per year when there are many reports.

    Parameters
    ----------
    report_topics : pandas.DataFrame
        Each report's topic shares (``doc_id``, ``topic``, ``share``; ``TopicResult``).
    corpus : pandas.DataFrame
        The reports (``doc_id``, ``year``).
    max_reports : int
        Up to this many reports, one row per report and topic.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (the report, or the year as text), ``topic``, ``share`` (by year:
        the mean share over that year's reports, :func:`analysis.measure.panel.topic_prevalence`).
    """
    if corpus["doc_id"].nunique() <= max_reports:
        return report_topics[["doc_id", "topic", "share"]].reset_index(drop=True)
    by_year = topic_prevalence(report_topics, corpus, by="year")
    by_year = by_year.assign(doc_id=by_year["year"].astype(int).astype(str))
    return by_year.rename(columns={"mean": "share"})[["doc_id", "topic", "share"]]


def slogan_overview(
    corpus: pd.DataFrame, slogans: pd.DataFrame, *, max_reports: int = SPANS_ABOVE
) -> pd.DataFrame:
    """The slogan table of a page: :func:`analysis.slogan_table` with each slogan's span of
    years, and without the list of reports when there are more than ``max_reports``.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The reports (``doc_id``, ``year``).
    slogans : pandas.DataFrame
        Per-report counts (:func:`analysis.count_slogans`).
    max_reports : int
        Up to this many reports the ``reports`` column stays.

    Returns
    -------
    pandas.DataFrame
        :func:`analysis.slogan_table`'s columns (``reports`` only for a few reports) and
        ``years`` (:func:`year_spans`; missing when no report using it has a year).
    """
    table = slogan_table(corpus, slogans)
    spans = year_spans(slogans.rename(columns={"slogan": "term"}), corpus)
    table = table.merge(spans.rename(columns={"term": "slogan"}), on="slogan", how="left")
    return table.drop(columns="reports") if len(corpus) > max_reports else table


def growth_targets(targets: pd.DataFrame, *, sections: Sequence[str] = ("target",)) -> pd.DataFrame:
    """The growth rows of every report: targets (and, if asked, results) of growth.

    Parameters
    ----------
    targets : pandas.DataFrame
        :func:`analysis.measure.targets.extract_targets`.
    sections : sequence of str
        The ``section`` values kept (``target``, ``result``).

    Returns
    -------
    pandas.DataFrame
        The rows of ``targets`` (same columns) whose ``section`` is one of ``sections`` and
        whose ``indicator`` is one of :data:`analysis.measure.targets.MEASURES` (地区/国内/国民
        生产总值, 经济增长 …).
    """
    keep = targets["section"].isin(list(sections)) & targets["indicator"].isin(list(MEASURES))
    return targets[keep].reset_index(drop=True)


def latest_growth_targets(targets: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The growth targets of the latest year, and the growth indicator they mostly use.

    Parameters
    ----------
    targets : pandas.DataFrame
        :func:`analysis.measure.targets.extract_targets`.

    Returns
    -------
    tuple of (pandas.DataFrame, str)
        The rows of :func:`growth_targets` in the latest year any report states one (same
        columns); and the indicator most of them name (ties: the first in name order), ""
        when there is none.
    """
    growth = growth_targets(targets)
    latest = growth[growth["year"] == growth["year"].max()].reset_index(drop=True)
    name = str(latest["indicator"].mode().iloc[0]) if len(latest) else ""
    return latest, name
