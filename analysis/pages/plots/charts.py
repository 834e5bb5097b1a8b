"""Charts with Chinese text that render on a fresh machine (topic charts: ``topic_plots``).

Importing this module changes no matplotlib setting. Every chart here is drawn inside
:func:`cjk_style`, which registers the Noto Sans CJK SC font shipped by ``mplfonts``
(``fontManager.addfont``: no system font, no network, no font-cache edits) and applies it only
for the duration of the ``with`` block; :class:`ChartFigure` re-enters the style whenever it is
drawn, so a figure made here renders the same wherever it is saved or displayed. For charts of
your own, use ``with cjk_style(): ...`` or call :func:`register_cjk_font` once (it changes the
session's rcParams, on purpose). Figures are built without pyplot, so a notebook shows each one
once, when a cell returns it.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any, ParamSpec, TypeVar

import matplotlib
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis.pages.fonts import CJK_FONT_NAME, CJK_FONT_PATH
from analysis.pages.labels import COLUMN_LABELS, VALUE_LABELS

__all__ = [
    "CJK_FONT_NAME",
    "CJK_FONT_PATH",
    "COLUMN_LABELS",
    "SECTION_LABELS",
    "SLOGAN_KIND_LABELS",
    "ChartFigure",
    "cjk_rc",
    "cjk_style",
    "grid_shape",
    "label_columns",
    "plot_counts",
    "plot_keywords",
    "plot_stacked_bars",
    "plot_word_clouds",
    "register_cjk_font",
    "styled",
    "word_cloud",
]

#: Chinese names of the paragraph sections (``split_paragraphs``), for axes and legends.
SECTION_LABELS: Mapping[str, str] = MappingProxyType(
    {"body": "正文", "glossary": "名词解释", "appendix": "其他附件", "boilerplate": "网页杂项"}
)
#: Chinese names of the slogan kinds (``extract_slogans``), for axes and legends.
SLOGAN_KIND_LABELS: Mapping[str, str] = VALUE_LABELS["kind"]
_BAR = "#b22222"

P = ParamSpec("P")
R = TypeVar("R")


def cjk_rc() -> dict[str, Any]:
    """The matplotlib settings that draw Chinese text with the bundled font.

    Returns
    -------
    dict
        rcParams: ``font.family`` names the font itself (with DejaVu Sans for other scripts),
        ``axes.unicode_minus`` off (the font has no U+2212).
    """
    return {
        "font.family": [CJK_FONT_NAME, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.dpi": 100,
    }


def _readable(values: pd.Series) -> pd.Series:
    """A column's values as a reader reads them (see :func:`label_columns`)."""
    if values.dtype == bool:
        return values.map({True: "是", False: "否"})
    codes = VALUE_LABELS.get(str(values.name))
    if codes is not None:
        return values.map(lambda v: codes.get(v, v) if isinstance(v, str) else v)
    if values.dtype == object and values.map(lambda v: isinstance(v, (list, tuple))).any():
        return values.map(lambda v: "、".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return values


def label_columns(frame: pd.DataFrame, **extra: str) -> pd.DataFrame:
    """The frame with Chinese column names, for display (the frame itself is not changed).

    Parameters
    ----------
    frame : pandas.DataFrame
        Any frame; columns named in :data:`COLUMN_LABELS` (or ``extra``) are renamed.
    **extra : str
        More ``column=label`` pairs for this table.

    Returns
    -------
    pandas.DataFrame
        A renamed copy; the index name is translated too, and values read as words: yes/no
        as 是/否, lists joined by ``、``, codes of :data:`VALUE_LABELS` in Chinese.
    """
    names = {**COLUMN_LABELS, **extra}
    out = frame.assign(**{c: _readable(frame[c]) for c in frame.columns if isinstance(c, str)})
    out = out.rename(columns=lambda c: names.get(str(c), c))
    out.columns.name = names.get(str(frame.columns.name), frame.columns.name)
    out.index.name = names.get(str(frame.index.name), frame.index.name)
    return out


def _add_font() -> None:
    names = {f.name for f in font_manager.fontManager.ttflist}
    if CJK_FONT_NAME not in names:
        font_manager.fontManager.addfont(str(CJK_FONT_PATH))


@contextmanager
def cjk_style() -> Iterator[str]:
    """Draw with the bundled CJK font inside a ``with`` block; settings are restored after.

    Yields
    ------
    str
        The font family name (``Noto Sans CJK SC``).
    """
    _add_font()
    with matplotlib.rc_context(cjk_rc()):
        yield CJK_FONT_NAME


def register_cjk_font() -> str:
    """Make the bundled CJK font the session default (changes ``matplotlib.rcParams``).

    For pandas or pyplot charts of your own in a notebook; this package's charts do not need it.

    Returns
    -------
    str
        The font family name (``Noto Sans CJK SC``).
    """
    _add_font()
    matplotlib.rcParams.update(cjk_rc())
    return CJK_FONT_NAME


def styled(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a chart function so that it runs inside :func:`cjk_style`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with cjk_style():
            return func(*args, **kwargs)

    return wrapper


class ChartFigure(Figure):
    """A ``Figure`` drawn with the CJK font that a notebook displays once, as PNG."""

    def draw(self, renderer: Any) -> None:
        """Draw inside :func:`cjk_style` (tick labels are made at draw time)."""
        with cjk_style():
            super().draw(renderer)

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", bbox_inches="tight")
        return buf.getvalue()


def grid_shape(n: int, cols: int) -> tuple[int, int]:
    """Rows and columns of a grid of ``n`` small multiples, at most ``cols`` wide."""
    cols = max(1, min(cols, n))
    return max(1, (n + cols - 1) // cols), cols


@styled
def plot_stacked_bars(
    table: pd.DataFrame,
    *,
    title: str,
    xlabel: str,
    legend_title: str,
    labels: Mapping[str, str] | None = None,
) -> Figure:
    """Horizontal stacked bars, one per row, with the legend beside the chart (never on a bar).

    Parameters
    ----------
    table : pandas.DataFrame
        Rows become bars (index as the label, top to bottom in order), columns become stacks.
    title, xlabel, legend_title : str
        Chart title, x-axis label and legend title (the y axis is the index, unlabelled).
    labels : Mapping, optional
        Display names for the columns (e.g. :data:`SECTION_LABELS`); others show as they are.

    Returns
    -------
    matplotlib.figure.Figure
        The chart.
    """
    names = dict(labels or {})
    rows = table.iloc[::-1]
    fig = ChartFigure(figsize=(9, 0.45 * len(rows) + 1.4))
    ax = fig.subplots()
    colors = matplotlib.colormaps["Set2"].colors
    left = pd.Series(0.0, index=rows.index)
    for i, col in enumerate(rows.columns):
        values = rows[col].astype(float)
        ax.barh(
            [str(v) for v in rows.index],
            values,
            left=left,
            color=colors[i % len(colors)],
            label=names.get(str(col), str(col)),
        )
        left = left + values
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.tight_layout()
    return fig


@styled
def plot_counts(
    counts: pd.Series, *, title: str, xlabel: str = "次数", color: str = _BAR
) -> Figure:
    """Horizontal bars of a Series, largest on top.

    Parameters
    ----------
    counts : pandas.Series
        Values indexed by label, in the order to show from top to bottom.
    title, xlabel : str
        Chart title and x-axis label.
    color : str
        Bar colour.

    Returns
    -------
    matplotlib.figure.Figure
        The chart.
    """
    rows = counts.iloc[::-1]
    fig = ChartFigure(figsize=(6.5, 0.28 * len(rows) + 1.2))
    ax = fig.subplots()
    ax.barh([str(v) for v in rows.index], rows.to_numpy(dtype=float), color=color)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.tight_layout()
    return fig


@styled
def plot_keywords(
    ranked: pd.DataFrame, *, top_n: int = 10, cols: int = 3, title: str = "各报告关键词 (TF-IDF)"
) -> Figure:
    """Horizontal bar charts of the top keywords of each report or group.

    Parameters
    ----------
    ranked : pandas.DataFrame
        Output of :func:`analysis.measure.keywords.rank_keywords` (first column is the group;
        ``rank``, ``term`` and ``score`` are used).
    top_n : int
        Bars per chart.
    cols : int
        Charts per row.
    title : str
        Figure title.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per group.
    """
    group_col = ranked.columns[0]
    groups = list(dict.fromkeys(ranked[group_col]))
    rows, cols = grid_shape(len(groups), cols)
    fig = ChartFigure(figsize=(4.2 * cols, 0.32 * top_n * rows + 1.2 * rows))
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax, g in zip(axes.flat, groups, strict=False):
        sub = ranked[(ranked[group_col] == g) & (ranked["rank"] <= top_n)].iloc[::-1]
        ax.barh(sub["term"], sub["score"], color=_BAR)
        ax.set_title(str(g), fontsize=11)
        ax.tick_params(axis="y", labelsize=10)
        ax.set_xlabel("TF-IDF 权重")
    for ax in list(axes.flat)[len(groups) :]:
        ax.axis("off")
    fig.suptitle(title, fontsize=13)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / fig.get_figheight()))  # the title above row one
    return fig


def _cloud_image(frequencies: Mapping[str, float], *, width: int, height: int, seed: int) -> Any:
    from wordcloud import WordCloud

    return WordCloud(
        font_path=str(CJK_FONT_PATH),
        width=width,
        height=height,
        background_color="white",
        random_state=seed,
        colormap="Reds",
        prefer_horizontal=0.95,
    ).generate_from_frequencies(dict(frequencies))


@styled
def word_cloud(
    frequencies: Mapping[str, float],
    *,
    title: str = "",
    width: int = 800,
    height: int = 400,
    random_state: int = 0,
) -> Figure:
    """A word cloud drawn with the bundled CJK font.

    Parameters
    ----------
    frequencies : Mapping
        Term to weight (counts or scores).
    title : str
        Title above the cloud.
    width, height : int
        Pixels.
    random_state : int
        Layout seed (the same input gives the same picture).

    Returns
    -------
    matplotlib.figure.Figure
        The cloud.
    """
    cloud = _cloud_image(frequencies, width=width, height=height, seed=random_state)
    fig = ChartFigure(figsize=(width / 100, height / 100))
    ax = fig.subplots()
    ax.imshow(cloud, interpolation="bilinear")
    ax.axis("off")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


@styled
def plot_word_clouds(
    ranked: pd.DataFrame,
    *,
    cols: int = 2,
    width: int = 480,
    height: int = 280,
    random_state: int = 0,
) -> Figure:
    """One word cloud per report or group, as small multiples.

    Parameters
    ----------
    ranked : pandas.DataFrame
        Output of :func:`analysis.measure.keywords.rank_keywords` (first column is the group;
        ``term`` and ``score`` size the words).
    cols : int
        Clouds per row.
    width, height : int
        Pixels of each cloud.
    random_state : int
        Layout seed.

    Returns
    -------
    matplotlib.figure.Figure
        One titled cloud per group, in the frame's order.
    """
    group_col = ranked.columns[0]
    groups = list(dict.fromkeys(ranked[group_col]))
    rows, cols = grid_shape(len(groups), cols)
    fig = ChartFigure(figsize=(width / 100 * cols, (height / 100 + 0.4) * rows))
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax, g in zip(axes.flat, groups, strict=False):
        sub = ranked[ranked[group_col] == g]
        weights = dict(zip(sub["term"], sub["score"], strict=True))
        ax.imshow(_cloud_image(weights, width=width, height=height, seed=random_state))
        ax.set_title(str(g), fontsize=11)
    for ax in axes.flat:
        ax.axis("off")
    fig.tight_layout()
    return fig
