"""Charts with Chinese text that render on a fresh machine, and an offline topic view.

Importing this module registers the Noto Sans CJK SC font shipped by the ``mplfonts`` package
with matplotlib (``fontManager.addfont``: no system font, no network, no font-cache edits).
Word clouds use the same font file. Figures are built without pyplot
(``matplotlib.figure.Figure``), so a notebook shows each one once, when a cell returns it.
"""

from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd
from IPython.display import HTML
from matplotlib import font_manager
from matplotlib.figure import Figure

__all__ = [
    "CJK_FONT_NAME",
    "CJK_FONT_PATH",
    "ChartFigure",
    "plot_coherence",
    "plot_keywords",
    "plot_report_topics",
    "plot_topic_terms",
    "register_cjk_font",
    "topic_view_html",
    "word_cloud",
]

CJK_FONT_NAME = "Noto Sans CJK SC"


def _font_path() -> Path:
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the mplfonts package (which ships the CJK font) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NotoSansCJKsc-Regular.otf"


CJK_FONT_PATH: Path = _font_path()


def register_cjk_font() -> str:
    """Register the bundled CJK font with matplotlib and make it the default sans-serif.

    Returns
    -------
    str
        The font family name (``Noto Sans CJK SC``).
    """
    names = {f.name for f in font_manager.fontManager.ttflist}
    if CJK_FONT_NAME not in names:
        font_manager.fontManager.addfont(str(CJK_FONT_PATH))
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [CJK_FONT_NAME, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["figure.dpi"] = 100
    matplotlib.rcParams["savefig.bbox"] = "tight"
    return CJK_FONT_NAME


register_cjk_font()


class ChartFigure(Figure):
    """A matplotlib ``Figure`` that a notebook displays once, as PNG, when a cell returns it."""

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", bbox_inches="tight")
        return buf.getvalue()


def _grid(n: int, cols: int) -> tuple[int, int]:
    cols = max(1, min(cols, n))
    return (n + cols - 1) // cols, cols


def plot_keywords(
    ranked: pd.DataFrame, *, top_n: int = 10, cols: int = 3, title: str = "各报告关键词 (TF-IDF)"
) -> Figure:
    """Horizontal bar charts of the top keywords of each report or group.

    Parameters
    ----------
    ranked : pandas.DataFrame
        Output of :func:`analysis.keywords.rank_keywords` (first column is the group).
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
        ax.barh(sub["term"], sub["score"], color="#b22222")
        ax.set_title(str(g), fontsize=11)
        ax.tick_params(axis="y", labelsize=10)
        ax.set_xlabel("TF-IDF")
    for ax in list(axes.flat)[len(groups) :]:
        ax.axis("off")
    fig.suptitle(title, fontsize=13)
    fig.tight_layout()
    return fig


def plot_coherence(sweep: pd.DataFrame) -> Figure:
    """Coherence measures and perplexity against the number of topics.

    Parameters
    ----------
    sweep : pandas.DataFrame
        ``TopicResult.sweep``.

    Returns
    -------
    matplotlib.figure.Figure
        Four small panels; the chosen K is marked.
    """
    measures = ["c_v", "c_npmi", "u_mass", "perplexity"]
    fig = ChartFigure(figsize=(13, 2.8))
    axes = fig.subplots(1, 4)
    chosen = int(sweep.loc[sweep["chosen"], "n_topics"].iloc[0])
    for ax, m in zip(axes, measures, strict=True):
        ax.plot(sweep["n_topics"], sweep[m], marker="o", color="#333")
        ax.axvline(chosen, color="#b22222", linestyle="--", linewidth=1)
        ax.set_title(m)
        ax.set_xlabel("主题数 K")
    fig.suptitle(f"主题数的选择 (选定 K={chosen})", fontsize=12)
    fig.tight_layout()
    return fig


def plot_topic_terms(topic_terms: pd.DataFrame, *, top_n: int = 8, cols: int = 4) -> Figure:
    """Bars of the most probable terms of each topic.

    Parameters
    ----------
    topic_terms : pandas.DataFrame
        ``TopicResult.topic_terms``.
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


def plot_report_topics(report_topics: pd.DataFrame, labels: pd.DataFrame) -> Figure:
    """Heat map of each report's topic mix.

    Parameters
    ----------
    report_topics : pandas.DataFrame
        ``TopicResult.report_topics``.
    labels : pandas.DataFrame
        ``TopicResult.labels``.

    Returns
    -------
    matplotlib.figure.Figure
        Reports as rows, topics as columns, shares annotated.
    """
    table = report_topics.pivot(index="doc_id", columns="topic", values="share")
    table = table.reindex(list(dict.fromkeys(report_topics["doc_id"])))
    names = dict(zip(labels["topic"], labels["label"], strict=True))
    fig = ChartFigure(figsize=(1.1 * table.shape[1] + 3, 0.5 * table.shape[0] + 1.6))
    ax = fig.subplots()
    im = ax.imshow(table.values, cmap="Reds", aspect="auto", vmin=0)
    ax.set_yticks(range(table.shape[0]), table.index)
    ax.set_xticks(
        range(table.shape[1]),
        [f"{t}\n{names[t]}" for t in table.columns],
        fontsize=8,
        rotation=30,
        ha="right",
    )
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            ax.text(j, i, f"{table.values[i, j]:.2f}", ha="center", va="center", fontsize=8)
    fig.colorbar(im, ax=ax, fraction=0.03, label="份额")
    ax.set_title("各报告的主题构成")
    fig.tight_layout()
    return fig


def word_cloud(
    frequencies: dict[str, float],
    *,
    title: str = "",
    width: int = 800,
    height: int = 400,
    random_state: int = 0,
) -> Figure:
    """A word cloud drawn with the bundled CJK font.

    Parameters
    ----------
    frequencies : dict
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
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=str(CJK_FONT_PATH),
        width=width,
        height=height,
        background_color="white",
        random_state=random_state,
        colormap="Reds",
        prefer_horizontal=0.95,
    ).generate_from_frequencies(frequencies)
    fig = ChartFigure(figsize=(width / 100, height / 100))
    ax = fig.subplots()
    ax.imshow(cloud, interpolation="bilinear")
    ax.axis("off")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def topic_view_html(result: Any, *, height: int = 820) -> HTML:
    """The interactive pyLDAvis topic view, with its scripts and styles inlined (works offline).

    Parameters
    ----------
    result : TopicResult
        Output of :func:`analysis.topics.fit_topics`.
    height : int
        Height of the view in pixels.

    Returns
    -------
    IPython.display.HTML
        Displays in a notebook; ``.data`` holds the HTML string.
    """
    import pyLDAvis.gensim_models
    import pyLDAvis.urls

    prepared = pyLDAvis.gensim_models.prepare(
        result.model,
        result.bow,
        result.dictionary,
        sort_topics=False,
        n_jobs=1,
        mds="pcoa",
    )
    d3 = Path(pyLDAvis.urls.D3_LOCAL).read_text(encoding="utf-8")
    ldavis = Path(pyLDAvis.urls.LDAVIS_LOCAL).read_text(encoding="utf-8")
    css = Path(pyLDAvis.urls.LDAVIS_CSS_LOCAL).read_text(encoding="utf-8")
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
