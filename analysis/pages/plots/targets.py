"""Charts of the targets a report sets (主要预期目标), drawn with the bundled CJK font."""

from __future__ import annotations

from types import MappingProxyType

import pandas as pd
from matplotlib.figure import Figure

from analysis.pages.plots.charts import ChartFigure, cjk_style

__all__ = ["plot_targets"]

_MARKERS = MappingProxyType({"左右": "o", "以上": "^", "以内": "v", "以下": "v", "exact": "D"})


def plot_targets(targets: pd.DataFrame, *, indicator: str = "地区生产总值") -> Figure:
    """This year's targets for one indicator by region: a bar for a range, a point otherwise.

    Parameters
    ----------
    targets : pandas.DataFrame
        Output of :func:`analysis.measure.targets.extract_targets`.
    indicator : str
        The indicator to chart (growth in %).

    Returns
    -------
    matplotlib.figure.Figure
        One row per region, highest target on top; the marker shows the qualifier
        (○ 左右, △ 以上, ▽ 以内/以下, ◇ exact).
    """
    rows = targets[(targets["section"] == "target") & (targets["indicator"] == indicator)]
    rows = rows[rows["unit"] == "%"].drop_duplicates("doc_id")
    rows = rows.assign(place=rows["region"].where(rows["region"] != "", rows["doc_id"]))
    rows = rows.sort_values(["high", "low"])
    with cjk_style():
        fig = ChartFigure(figsize=(7, 0.28 * len(rows) + 1.4))
        ax = fig.subplots()
        marks = zip(rows["low"], rows["high"], rows["qualifier"], strict=True)
        for y, (low, high, qualifier) in enumerate(marks):
            if qualifier == "range":
                ax.barh(y, high - low, left=low, height=0.5, color="#b22222", alpha=0.7)
            else:
                ax.plot(low, y, marker=_MARKERS.get(qualifier, "o"), color="#b22222", ls="")
        ax.set_yticks(range(len(rows)), list(rows["place"]))
        ax.set_xlim(rows["low"].min() - 0.25, rows["high"].max() + 0.25)
        ax.set_xlabel(f"{indicator}增长预期目标(%)")
        ax.set_title("条形:区间目标  ○左右  △以上  ▽以内  ◇确数", fontsize=10)
        ax.grid(axis="x", alpha=0.3)
        fig.tight_layout()
    return fig
