"""Time and place: term frequency by year and region, the lifecycle and diffusion of 提法, and
topic prevalence (targets said against done: :func:`analysis.measure.targets.compare_targets`).

Every function takes tidy frames made earlier in the flow (the corpus for metadata, per-report
term uses, report topic shares, targets) and returns a new tidy frame; a corpus of any mix of
years, regions and levels works. Term uses are counted with the slogan counter's boundaries
(:func:`term_usage`): 一件事 inside 高效办成一件事 is a use of the longer formula only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.common.wordlists import regions
from analysis.terms.slogans import count_slogans

__all__ = [
    "NATIONAL_REGION",
    "USAGE_COLUMNS",
    "ordered_reports",
    "region_order",
    "report_labels",
    "term_diffusion",
    "term_frequency",
    "term_lifecycle",
    "term_trends",
    "term_usage",
    "topic_prevalence",
]

#: The region of a national report (``read_corpus`` gives it to the State Council's reports).
NATIONAL_REGION = "全国"
#: Columns of :func:`term_usage`.
USAGE_COLUMNS = ["doc_id", "term", "kind", "count", "count_appendix", "defined_here"]
#: z of a two-sided 95 % normal interval.
_Z95 = 1.959963984540054


def region_order() -> dict[str, int]:
    """Each region's place in the customary order: 全国 first, then 北京、天津、河北 … as listed
    in ``resources/regions.csv``.

    Returns
    -------
    dict of str to int
        Region name -> rank (0 = first).
    """
    names = [NATIONAL_REGION, *(r.name for r in regions())]
    return {name: i for i, name in enumerate(names)}


def ordered_reports(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus's metadata sorted by year, then region in the customary order.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The reports.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``region``, ``year``, ``kind``, ``n_chars``.
    """
    order = region_order()
    meta = corpus[["doc_id", "region", "year", "kind", "n_chars"]].copy()
    meta["_rank"] = meta["region"].map(order).fillna(len(order))
    meta = meta.sort_values(["year", "_rank", "doc_id"], kind="stable")
    return meta.drop(columns="_rank").reset_index(drop=True)


def report_labels(corpus: pd.DataFrame) -> pd.DataFrame:
    """A readable name for every report, in the customary order.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` and ``label`` (region, year and kind, e.g. ``四川省 2026
        政府工作报告``; the file's doc_id when none of them is known), sorted by region in the
        customary order (全国, 北京, 天津, 河北 …), then year.
    """
    order = region_order()
    meta = corpus[["doc_id", "region", "year", "kind"]].copy()
    parts = [
        meta["region"].fillna("").astype(str),
        meta["year"].map(lambda y: "" if pd.isna(y) else str(int(y))),
        meta["kind"].fillna("").astype(str),
    ]
    label = (parts[0] + " " + parts[1] + " " + parts[2]).str.split().str.join(" ")
    meta["label"] = label.where(label != "", meta["doc_id"])
    meta["_rank"] = meta["region"].map(order).fillna(len(order))
    meta = meta.sort_values(["_rank", "year", "doc_id"], kind="stable")
    return meta[["doc_id", "label"]].reset_index(drop=True)


def term_usage(
    paragraphs: pd.DataFrame, slogans: pd.DataFrame, glossary: pd.DataFrame
) -> pd.DataFrame:
    """Every use of every 提法 and glossary term, per report, with slogan boundaries.

    The glossary's terms join the slogan set (a term nobody quotes is still a term), then
    :func:`analysis.terms.slogans.count_slogans` counts them all at once, longest match
    first.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        The output of :func:`analysis.split_paragraphs`.
    slogans : pandas.DataFrame
        The output of :func:`analysis.find_slogans` on the same paragraphs.
    glossary : pandas.DataFrame
        Glossary entries of the same reports (``doc_id``, ``term``, ``line``, ``end_line``).

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``term``, ``kind``, ``count`` (uses in the report's body),
        ``count_appendix`` (in its glossary and appendices) and ``defined_here`` (bool: the
        report's own glossary defines the term); one row per report and term it uses.
    """
    known = set(slogans["slogan"])
    extra = glossary.loc[~glossary["term"].isin(known), ["doc_id", "term"]].drop_duplicates("term")
    added = pd.DataFrame(
        {
            "doc_id": extra["doc_id"].to_numpy(),
            "slogan": extra["term"].to_numpy(),
            "kind": "quoted",
            "quoted": False,
        }
    )
    if not added.empty:
        blank = {"b": False, "i": 0, "u": 0, "f": 0.0}  # by dtype kind; text and others: ""
        fill = {
            c: blank.get(slogans[c].dtype.kind, "")
            for c in slogans.columns
            if c not in added.columns
        }
        added = added.assign(**fill)[list(slogans.columns)]
    every = pd.concat([slogans, added], ignore_index=True) if not added.empty else slogans
    counted = count_slogans(paragraphs, every, glossary)
    defined = set(zip(glossary["doc_id"], glossary["term"], strict=True))
    usage = counted.rename(columns={"slogan": "term"})
    usage["defined_here"] = [
        (d, t) in defined for d, t in zip(usage["doc_id"], usage["term"], strict=True)
    ]
    return usage[USAGE_COLUMNS].reset_index(drop=True)


def term_frequency(
    usage: pd.DataFrame, corpus: pd.DataFrame, *, by: str | list[str] = "year"
) -> pd.DataFrame:
    """Uses of each term per 10,000 characters, by year, region or any corpus column(s).

    Parameters
    ----------
    usage : pandas.DataFrame
        Per-report uses: ``doc_id``, ``term``, ``count`` (:func:`term_usage`, or
        ``count_terms(...).to_frame()`` for tokens).
    corpus : pandas.DataFrame
        The reports (``doc_id``, ``n_chars`` and the ``by`` columns).
    by : str or list of str
        ``year``, ``region``, ``level``, ``kind`` ..., or several (``["region", "year"]``).

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, the ``by`` column(s), ``count`` (uses in the group's reports),
        ``per_10k`` (uses per 10,000 characters of the group's text), ``n_reports``
        (reports of the group that use it) and ``n_group_reports`` (reports in the group);
        one row per term and group it is used in, sorted by term, then group (years in
        order, regions in the customary order).
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise ValueError(f"cannot group by {missing[0]!r}: the corpus has no such column")
    meta = corpus[["doc_id", "n_chars", *keys]]
    sizes = meta.groupby(keys, dropna=True).agg(
        chars=("n_chars", "sum"), reports=("doc_id", "size")
    )
    used = usage[usage["count"] > 0].merge(meta[["doc_id", *keys]], on="doc_id")
    freq = used.groupby(["term", *keys], dropna=True).agg(
        count=("count", "sum"), n_reports=("doc_id", "nunique")
    )
    freq = freq.reset_index().merge(sizes.reset_index(), on=keys)
    freq["per_10k"] = freq["count"] / freq["chars"] * 10_000
    freq = freq.rename(columns={"reports": "n_group_reports"})
    freq = _sort_groups(freq, keys, first=["term"])
    columns = ["term", *keys, "count", "per_10k", "n_reports", "n_group_reports"]
    return freq[columns].astype({"count": "int64", "n_reports": "int64"})


def _sort_groups(frame: pd.DataFrame, by: str | list[str], *, first: list[str]) -> pd.DataFrame:
    """Sorted by ``first``, then the groups: regions in the customary order, others as values."""
    keys = [by] if isinstance(by, str) else list(by)
    order = region_order()
    columns = [*first, *("_rank" if k == "region" else k for k in keys)]
    if "region" in keys:
        frame = frame.assign(_rank=frame["region"].map(order).fillna(len(order)))
    frame = frame.sort_values([*columns, *keys], kind="stable")
    return frame.drop(columns="_rank", errors="ignore").reset_index(drop=True)


def term_lifecycle(
    usage: pd.DataFrame, corpus: pd.DataFrame, glossary: pd.DataFrame | None = None
) -> pd.DataFrame:
    """When and where each term lives: first and last year, peak, spread, where defined.

    Parameters
    ----------
    usage, corpus : pandas.DataFrame
        :func:`term_usage`; the reports (``doc_id``, ``region``, ``year``, ``n_chars``).
    glossary : pandas.DataFrame, optional
        Glossary entries (each term's first definition).

    Returns
    -------
    pandas.DataFrame
        One row per term used in the body of a report with a year, or defined in one:
        ``term``, ``kind``, ``first_year``, ``first_report`` (its doc_id, the first in the
        customary order that year), ``last_year``, ``years_active`` (distinct years used),
        ``peak_year`` (most uses per 10,000 characters; ties: the earlier year),
        ``n_reports``, ``n_regions``, ``defined_in`` (doc_ids of the reports defining it,
        joined by ``、``), ``definition`` (the first of them) and ``n_undefined`` (reports that
        use it without defining it); sorted by first year, then term.
    """
    meta = ordered_reports(corpus)
    rank = {d: i for i, d in enumerate(meta["doc_id"])}
    # a term used in the body, or defined in a report's glossary (its life starts there)
    kept = (usage["count"] > 0) | usage["defined_here"]
    used = usage[kept].merge(meta[["doc_id", "region", "year"]], on="doc_id")
    used = used.dropna(subset=["year"])
    used = used.assign(_rank=used["doc_id"].map(rank)).sort_values(["term", "_rank"])
    freq = term_frequency(used[["doc_id", "term", "count"]], corpus, by="year")
    peak = freq.sort_values(["term", "per_10k", "year"], ascending=[True, False, True])
    peak = peak.drop_duplicates("term").set_index("term")["year"]
    grouped = used.groupby("term", sort=True)
    life = pd.DataFrame(
        {
            "kind": grouped["kind"].first(),
            "first_year": grouped["year"].min(),
            "first_report": grouped["doc_id"].first(),
            "last_year": grouped["year"].max(),
            "years_active": grouped["year"].nunique(),
            "peak_year": peak.reindex(grouped["year"].min().index).fillna(grouped["year"].min()),
            "n_reports": grouped["doc_id"].nunique(),
            "n_regions": grouped["region"].nunique(),
        }
    )
    defining = usage[usage["defined_here"]].assign(_rank=lambda f: f["doc_id"].map(rank))
    defining = defining.sort_values(["term", "_rank"])
    joined = defining.groupby("term")["doc_id"].agg("、".join).to_dict()
    life["defined_in"] = [joined.get(t, "") for t in life.index]
    first_def: dict[str, str] = {}
    if glossary is not None and not glossary.empty:
        first_def = dict(glossary.drop_duplicates("term")[["term", "definition"]].values)
    life["definition"] = [str(first_def.get(t, "")) for t in life.index]
    undefined = used[~used["defined_here"]].groupby("term")["doc_id"].nunique()
    life["n_undefined"] = undefined.reindex(life.index).fillna(0)
    life = life.reset_index(names="term").sort_values(["first_year", "term"], kind="stable")
    ints = ["first_year", "last_year", "years_active", "peak_year", "n_reports", "n_regions"]
    return life.astype({c: "int64" for c in [*ints, "n_undefined"]}).reset_index(drop=True)


def term_diffusion(usage: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """How a term spreads over regions, year by year.

    Parameters
    ----------
    usage : pandas.DataFrame
        Per-report uses (``doc_id``, ``term``, ``count``).
    corpus : pandas.DataFrame
        The reports (``doc_id``, ``region``, ``year``).

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``year``, ``n_regions`` (regions whose report of that year uses
        it), ``n_reports``, ``share`` (``n_regions`` over the regions with a report that
        year) and ``cumulative_regions`` (regions that have used it by then); one row per
        term and year from its first year to the corpus's last, years without use included.
    """
    meta = corpus[["doc_id", "region", "year"]].dropna(subset=["year"])
    meta = meta.astype({"year": "int64"})
    per_year = meta.groupby("year")["region"].nunique()
    used = usage[usage["count"] > 0][["doc_id", "term"]].merge(meta, on="doc_id")
    columns = ["term", "year", "n_regions", "n_reports", "share", "cumulative_regions"]
    if used.empty:
        return pd.DataFrame(columns=columns)
    cells = used.groupby(["term", "year"]).agg(
        n_regions=("region", "nunique"), n_reports=("doc_id", "nunique")
    )
    # a region counts towards the cumulative number from the first year it uses the term
    firsts = used.groupby(["term", "region"])["year"].min().reset_index()
    new = firsts.groupby(["term", "year"]).size().rename("new_regions")
    start = used.groupby("term")["year"].min()
    years = np.array(sorted(per_year.index), dtype=np.int64)
    counts = np.searchsorted(years, start.to_numpy(), side="left")
    grid = pd.MultiIndex.from_arrays(
        [
            np.repeat(start.index.to_numpy(), len(years) - counts),
            np.concatenate([years[c:] for c in counts]),
        ],
        names=["term", "year"],
    )
    out = cells.reindex(grid, fill_value=0).join(new).fillna({"new_regions": 0})
    out["cumulative_regions"] = out.groupby(level="term")["new_regions"].cumsum()
    out = out.reset_index()
    out["share"] = out["n_regions"] / out["year"].map(per_year)
    out = out.astype({"n_regions": "int64", "n_reports": "int64", "cumulative_regions": "int64"})
    return out[columns].reset_index(drop=True)


def term_trends(diffusion: pd.DataFrame, *, window: int = 3, top_n: int = 10) -> pd.DataFrame:
    """The terms rising and fading most: the change in the share of regions using them,
    the last ``window`` years of the corpus against the ``window`` before.

    Parameters
    ----------
    diffusion : pandas.DataFrame
        :func:`term_diffusion`.
    window : int
        Years in each of the two spans compared.
    top_n : int
        Terms kept in each direction.

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``direction`` (``上升`` or ``下降``), ``before`` and ``after`` (mean
        share of regions in each span) and ``change``; rising terms first (largest change
        first), then fading (largest fall first). Empty when the corpus spans fewer than
        ``2 * window`` years.
    """
    columns = ["term", "direction", "before", "after", "change"]
    years = sorted(diffusion["year"].unique())
    if len(years) < 2 * window:
        return pd.DataFrame(columns=columns)
    after_years, before_years = years[-window:], years[-2 * window : -window]
    wide = diffusion.pivot_table(index="term", columns="year", values="share", fill_value=0.0)
    wide = wide.reindex(columns=years, fill_value=0.0)
    spans = pd.DataFrame(
        {
            "before": wide[before_years].mean(axis=1),
            "after": wide[after_years].mean(axis=1),
        }
    )
    spans["change"] = spans["after"] - spans["before"]
    spans = spans.reset_index(names="term")
    rising = spans[spans["change"] > 0].sort_values(["change", "term"], ascending=[False, True])
    fading = spans[spans["change"] < 0].sort_values(["change", "term"])
    rising = rising.head(top_n).assign(direction="上升")
    fading = fading.head(top_n).assign(direction="下降")
    return pd.concat([rising, fading], ignore_index=True)[columns]


def topic_prevalence(
    report_topics: pd.DataFrame, corpus: pd.DataFrame, *, by: str = "year"
) -> pd.DataFrame:
    """Mean topic share of the reports of each year (or region), with a 95 % interval.

    As stm's ``estimateEffect`` with a categorical covariate, reduced to its core: the mean
    of the reports' topic shares in each group and a normal interval over the reports
    (``mean ± 1.96 · sd / √n``; a group of one report has no spread, its interval is the
    value itself).

    Parameters
    ----------
    report_topics : pandas.DataFrame
        ``doc_id``, ``topic``, ``share`` (:func:`analysis.fit_topics`'s ``report_topics``).
    corpus : pandas.DataFrame
        The reports (``doc_id`` and the ``by`` column).
    by : str
        ``year``, ``region`` or another corpus column.

    Returns
    -------
    pandas.DataFrame
        Columns ``topic``, the ``by`` column, ``mean``, ``low``, ``high`` and ``n_reports``;
        sorted by topic, then group.
    """
    if by not in corpus.columns:
        raise ValueError(f"cannot group by {by!r}: the corpus has no such column")
    shares = report_topics.merge(corpus[["doc_id", by]], on="doc_id").dropna(subset=[by])
    stats = shares.groupby(["topic", by])["share"].agg(["mean", "std", "size"]).reset_index()
    half = _Z95 * stats["std"].fillna(0.0) / np.sqrt(stats["size"])
    stats["low"] = (stats["mean"] - half).clip(lower=0.0)
    stats["high"] = (stats["mean"] + half).clip(upper=1.0)
    stats = stats.rename(columns={"size": "n_reports"})
    stats = _sort_groups(stats, by, first=["topic"])
    return stats[["topic", by, "mean", "low", "high", "n_reports"]]
