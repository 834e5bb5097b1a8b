"""Charts of time and place: a term's spread over regions and years, diffusion curves, rising and
fading 提法, topic prevalence over years, targets said against done (bundled CJK font)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.measure.panel import region_order
from analysis.pages.plots.charts import ChartFigure, grid_shape, styled

__all__ = [
    "plot_diffusion",
    "plot_prevalence",
    "plot_said_vs_done",
    "plot_spread",
    "plot_term_years",
    "plot_trends",
]

_RED = "#b22222"
_BLUE = "#1f4e79"


def _year_ticks(ax, years: list[int]) -> None:
    """At most about 12 year labels, never broken or rotated into each other."""
    step = max(1, int(np.ceil(len(years) / 12)))
    ax.set_xticks(range(0, len(years), step), [str(y) for y in years[::step]])


@styled
def plot_spread(frequency: pd.DataFrame, term: str) -> Figure:
    """Where and when one term is used: regions × years, shaded by uses per 10,000 characters.

    Parameters
    ----------
    frequency : pandas.DataFrame
        :func:`analysis.measure.panel.term_frequency` by ``["region", "year"]`` rows: columns
        ``term``, ``region``, ``year``, ``per_10k``.
    term : str
        The term.

    Returns
    -------
    matplotlib.figure.Figure
        A heat map, regions in the customary order top to bottom; blank: not used.
    """
    rows = frequency[frequency["term"] == term]
    grid = rows.pivot_table(index="region", columns="year", values="per_10k", aggfunc="sum")
    years = list(range(int(grid.columns.min()), int(grid.columns.max()) + 1)) if len(grid) else []
    grid = grid.reindex(columns=years)
    order = region_order()
    grid = grid.loc[sorted(grid.index, key=lambda r: (order.get(r, len(order)), r))]
    fig = ChartFigure(figsize=(max(5.0, 0.28 * len(years) + 2.5), 0.26 * len(grid) + 1.6))
    ax = fig.subplots()
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="Reds")
    ax.set_yticks(range(len(grid)), list(grid.index))
    _year_ticks(ax, years)
    ax.set_title(f"“{term}”:各地区各年每万字使用次数")
    fig.colorbar(image, ax=ax, label="每万字次数", shrink=0.8)
    fig.tight_layout()
    return fig


@styled
def plot_term_years(frequency: pd.DataFrame, terms: list[str]) -> Figure:
    """Terms × years, shaded by uses per 10,000 characters of that year's reports.

    Parameters
    ----------
    frequency : pandas.DataFrame
        :func:`analysis.measure.panel.term_frequency` by ``year``.
    terms : list of str
        The rows, top to bottom.

    Returns
    -------
    matplotlib.figure.Figure
        A heat map; blank: not used that year.
    """
    rows = frequency[frequency["term"].isin(terms)]
    grid = rows.pivot_table(index="term", columns="year", values="per_10k", aggfunc="sum")
    years = list(range(int(grid.columns.min()), int(grid.columns.max()) + 1)) if len(grid) else []
    grid = grid.reindex(index=[t for t in terms if t in grid.index], columns=years)
    fig = ChartFigure(figsize=(max(5.0, 0.28 * len(years) + 2.5), 0.3 * len(grid) + 1.6))
    ax = fig.subplots()
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="Reds")
    ax.set_yticks(range(len(grid)), list(grid.index))
    _year_ticks(ax, years)
    ax.set_title("提法逐年的使用频率(每万字次数)")
    fig.colorbar(image, ax=ax, label="每万字次数", shrink=0.8)
    fig.tight_layout()
    return fig


@styled
def plot_diffusion(diffusion: pd.DataFrame, terms: list[str]) -> Figure:
    """Diffusion curves: how many regions have used each term by each year.

    Parameters
    ----------
    diffusion : pandas.DataFrame
        :func:`analysis.measure.panel.term_diffusion`.
    terms : list of str
        The terms drawn (a few).

    Returns
    -------
    matplotlib.figure.Figure
        One line per term, the legend beside the chart.
    """
    fig = ChartFigure(figsize=(9, 4.2))
    ax = fig.subplots()
    for term in terms:
        rows = diffusion[diffusion["term"] == term]
        ax.plot(rows["year"], rows["cumulative_regions"], marker="o", ms=3, label=term)
    ax.set_xlabel("年份")
    ax.set_ylabel("累计使用的地区数")
    ax.set_title("提法的扩散:累计使用过的地区数")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


@styled
def plot_trends(trends: pd.DataFrame) -> Figure:
    """Rising and fading terms: the change in the share of regions using them.

    Parameters
    ----------
    trends : pandas.DataFrame
        :func:`analysis.measure.panel.term_trends`.

    Returns
    -------
    matplotlib.figure.Figure
        Horizontal bars, rising in red, fading in blue, largest change on top.
    """
    rows = trends.iloc[::-1]
    fig = ChartFigure(figsize=(7, 0.3 * len(rows) + 1.4))
    ax = fig.subplots()
    colors = [_RED if d == "上升" else _BLUE for d in rows["direction"]]
    ax.barh(list(rows["term"]), rows["change"], color=colors)
    ax.axvline(0, color="#555555", lw=0.8)
    ax.set_xlabel("使用地区占比的变化(近几年减去此前几年)")
    ax.set_title("上升(红)与下降(蓝)的提法")
    fig.tight_layout()
    return fig


@styled
def plot_prevalence(
    prevalence: pd.DataFrame, labels: dict[int, str], *, by: str = "year"
) -> Figure:
    """Each topic's mean share of the reports over years, with its 95 % interval.

    Parameters
    ----------
    prevalence : pandas.DataFrame
        :func:`analysis.measure.panel.topic_prevalence` by ``year``.
    labels : dict of int to str
        Topic -> its label.
    by : str
        The group column of ``prevalence`` (numeric: years).

    Returns
    -------
    matplotlib.figure.Figure
        Small multiples, one per topic, sharing the axes.
    """
    topics = sorted(prevalence["topic"].unique())
    nrows, ncols = grid_shape(len(topics), 3)
    fig = ChartFigure(figsize=(4 * ncols, 2.4 * nrows + 0.6))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, sharex=True, sharey=True)).ravel()
    for ax, topic in zip(axes, topics, strict=False):
        rows = prevalence[prevalence["topic"] == topic]
        ax.fill_between(rows[by], rows["low"], rows["high"], color=_RED, alpha=0.2, lw=0)
        ax.plot(rows[by], rows["mean"], color=_RED, lw=1.2)
        ax.set_title(f"{topic}:{labels.get(int(topic), '')}", fontsize=10)
        ax.grid(alpha=0.3)
    for ax in axes[len(topics) :]:
        ax.set_visible(False)
    fig.supylabel("报告中的平均占比")
    fig.tight_layout()
    return fig


@styled
def plot_said_vs_done(compared: pd.DataFrame, *, region: str, indicator: str) -> Figure:
    """One region's target and result for one indicator, year by year.

    Parameters
    ----------
    compared : pandas.DataFrame
        :func:`analysis.measure.targets.compare_targets`.
    region, indicator : str
        What to draw.

    Returns
    -------
    matplotlib.figure.Figure
        The target as a bar from its low to its high end (a tick for a single value), the
        result as a point.
    """
    rows = compared[(compared["region"] == region) & (compared["indicator"] == indicator)]
    rows = rows.sort_values("year")
    fig = ChartFigure(figsize=(max(5.0, 0.35 * len(rows) + 2.5), 3.8))
    ax = fig.subplots()
    years = rows["year"].astype(int).tolist()
    x = np.arange(len(years))
    spans = (rows["high"] - rows["low"]).fillna(0).clip(lower=0.08)
    ax.bar(x, spans, bottom=rows["low"], width=0.5, color=_BLUE, alpha=0.35, label="目标")
    ax.plot(x, rows["result"], "o", color=_RED, label="实际")
    _year_ticks(ax, years)
    ax.set_ylabel(f"{indicator}(%)")
    ax.set_title(f"{region}:{indicator}的目标与实际")
    ax.legend(frameon=False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return fig
