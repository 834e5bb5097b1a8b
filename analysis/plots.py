"""Charts with Chinese text that render on a fresh machine, and an offline topic view.

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
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import Any, ParamSpec, TypeVar

import matplotlib
import pandas as pd
from IPython.display import HTML
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis.fonts import CJK_FONT_NAME, CJK_FONT_PATH, PAGE_FONT_FAMILY

__all__ = [
    "CJK_FONT_NAME",
    "CJK_FONT_PATH",
    "SECTION_LABELS",
    "SLOGAN_KIND_LABELS",
    "ChartFigure",
    "cjk_rc",
    "cjk_style",
    "plot_coherence",
    "plot_counts",
    "plot_keywords",
    "plot_report_topics",
    "plot_stacked_bars",
    "plot_topic_terms",
    "plot_word_clouds",
    "register_cjk_font",
    "topic_view_html",
    "word_cloud",
]

#: Chinese names of the paragraph sections (``split_paragraphs``), for axes and legends.
SECTION_LABELS: Mapping[str, str] = MappingProxyType(
    {"body": "正文", "glossary": "名词解释", "appendix": "其他附件", "boilerplate": "网页杂项"}
)
#: Chinese names of the slogan kinds (``extract_slogans``), for axes and legends.
SLOGAN_KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {"digit": "数字提法", "numeral": "数词提法", "abbreviation": "简称", "quoted": "引号提法"}
)
#: pyLDAvis pads its scatter plot by 5 % of the data range; large circles at the edge are cut.
_LDAVIS_PADDING = (("xpad = 0.05", "xpad = 0.25"), ("ypad = 0.05", "ypad = 0.25"))
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


def _styled(func: Callable[P, R]) -> Callable[P, R]:
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


def _grid(n: int, cols: int) -> tuple[int, int]:
    cols = max(1, min(cols, n))
    return (n + cols - 1) // cols, cols


@_styled
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


@_styled
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


@_styled
def plot_keywords(
    ranked: pd.DataFrame, *, top_n: int = 10, cols: int = 3, title: str = "各报告关键词 (TF-IDF)"
) -> Figure:
    """Horizontal bar charts of the top keywords of each report or group.

    Parameters
    ----------
    ranked : pandas.DataFrame
        Output of :func:`analysis.keywords.rank_keywords` (first column is the group;
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
    rows, cols = _grid(len(groups), cols)
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
    fig.tight_layout()
    return fig


@_styled
def plot_coherence(sweep: pd.DataFrame) -> Figure:
    """Coherence measures and perplexity against the number of topics.

    Parameters
    ----------
    sweep : pandas.DataFrame
        ``TopicResult.sweep`` (``n_topics``, ``c_v``, ``c_npmi``, ``u_mass``, ``perplexity``,
        ``chosen``).

    Returns
    -------
    matplotlib.figure.Figure
        Four small panels; the chosen K is marked.
    """
    measures = {
        "c_v": "一致性 c_v",
        "c_npmi": "一致性 c_npmi",
        "u_mass": "一致性 u_mass",
        "perplexity": "困惑度 (perplexity)",
    }
    fig = ChartFigure(figsize=(13, 2.8))
    axes = fig.subplots(1, 4)
    chosen = int(sweep.loc[sweep["chosen"], "n_topics"].iloc[0])
    for ax, (m, name) in zip(axes, measures.items(), strict=True):
        ax.plot(sweep["n_topics"], sweep[m], marker="o", color="#333")
        ax.axvline(chosen, color=_BAR, linestyle="--", linewidth=1)
        ax.set_title(name)
        ax.set_xlabel("主题数 K")
    fig.suptitle(f"主题数的选择 (选定 K={chosen})", fontsize=12)
    fig.tight_layout()
    return fig


@_styled
def plot_topic_terms(topic_terms: pd.DataFrame, *, top_n: int = 8, cols: int = 4) -> Figure:
    """Bars of the most probable terms of each topic.

    Parameters
    ----------
    topic_terms : pandas.DataFrame
        ``TopicResult.topic_terms`` (``topic``, ``rank``, ``term``, ``weight``).
    top_n : int
        Terms per topic.
    cols : int
        Panels per row.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per topic.
    """
    topics = sorted(topic_terms["topic"].unique())
    rows, cols = _grid(len(topics), cols)
    fig = ChartFigure(figsize=(3.4 * cols, 0.3 * top_n * rows + 1.0 * rows))
    axes = fig.subplots(rows, cols, squeeze=False)
    for ax, t in zip(axes.flat, topics, strict=False):
        sub = topic_terms[(topic_terms["topic"] == t) & (topic_terms["rank"] <= top_n)].iloc[::-1]
        ax.barh(sub["term"], sub["weight"], color="#2f4f6f")
        ax.set_title(f"主题 {t}", fontsize=11)
    for ax in list(axes.flat)[len(topics) :]:
        ax.axis("off")
    fig.tight_layout()
    return fig


@_styled
def plot_report_topics(report_topics: pd.DataFrame, labels: pd.DataFrame) -> Figure:
    """Heat map of each report's topic mix; shares printed white on dark cells.

    Parameters
    ----------
    report_topics : pandas.DataFrame
        ``TopicResult.report_topics`` (``doc_id``, ``topic``, ``share``).
    labels : pandas.DataFrame
        ``TopicResult.labels`` (``topic``, ``label``).

    Returns
    -------
    matplotlib.figure.Figure
        Reports as rows, topics as columns, shares annotated.
    """
    table = report_topics.pivot(index="doc_id", columns="topic", values="share")
    table = table.reindex(list(dict.fromkeys(report_topics["doc_id"])))
    names = dict(zip(labels["topic"], labels["label"], strict=True))
    fig = ChartFigure(figsize=(1.1 * table.shape[1] + 3.5, 0.5 * table.shape[0] + 1.8))
    ax = fig.subplots()
    values = table.to_numpy(dtype=float)
    top = max(float(values.max()), 1e-9)
    im = ax.imshow(values, cmap="Reds", aspect="auto", vmin=0, vmax=top)
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    ax.set_xticks(
        range(table.shape[1]),
        [f"{t}\n{names[t]}" for t in table.columns],
        fontsize=8,
        rotation=30,
        ha="right",
    )
    for (i, j), v in pd.DataFrame(values).stack().items():
        color = "white" if v > 0.55 * top else "black"
        ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8, color=color)
    fig.colorbar(im, ax=ax, fraction=0.03, label="份额")
    ax.set_xlabel("主题")
    ax.set_title("各报告的主题构成")
    fig.tight_layout()
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


@_styled
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


@_styled
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
        Output of :func:`analysis.keywords.rank_keywords` (first column is the group;
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
    rows, cols = _grid(len(groups), cols)
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


def _ldavis_scripts() -> tuple[str, str, str]:
    import pyLDAvis.urls

    d3 = Path(pyLDAvis.urls.D3_LOCAL).read_text(encoding="utf-8")
    ldavis = Path(pyLDAvis.urls.LDAVIS_LOCAL).read_text(encoding="utf-8")
    for old, new in _LDAVIS_PADDING:
        ldavis = ldavis.replace(old, new)
    css = Path(pyLDAvis.urls.LDAVIS_CSS_LOCAL).read_text(encoding="utf-8")
    css += f'\nsvg text{{font-family:"{PAGE_FONT_FAMILY}","{CJK_FONT_NAME}",sans-serif}}'
    return d3, ldavis, css


def topic_view_html(result: Any, *, height: int = 860) -> HTML:
    """The interactive pyLDAvis topic view, with its scripts and styles inlined (works offline).

    The scatter plot gets more padding than pyLDAvis gives it, so large topic circles at the
    edge are not cut off; its text uses the page's embedded font.

    Parameters
    ----------
    result : TopicResult
        Output of :func:`analysis.topics.fit_topics` (``model``, ``bow``, ``dictionary``,
        ``n_topics`` are used).
    height : int
        Height of the view in pixels.

    Returns
    -------
    IPython.display.HTML
        Displays in a notebook; ``.data`` holds the HTML string.
    """
    import pyLDAvis.gensim_models

    prepared = pyLDAvis.gensim_models.prepare(
        result.model, result.bow, result.dictionary, sort_topics=False, n_jobs=1, mds="pcoa"
    )
    d3, ldavis, css = _ldavis_scripts()
    vis_id = f"ldavis_k{result.n_topics}"
    data = json.loads(prepared.to_json())
    markup = (
        f"<style>{css}</style>"
        f'<div id="{vis_id}" style="background-color:white;min-height:{height}px"></div>'
        # hide an AMD loader while the libraries register themselves as globals
        "<script>window.__ldavis_define = window.define; window.define = undefined;</script>"
        f"<script>{d3}</script><script>{ldavis}</script>"
        "<script>window.define = window.__ldavis_define;"
        f"new LDAvis('#{vis_id}', {json.dumps(data, ensure_ascii=False)});</script>"
    )
    return HTML(markup)
