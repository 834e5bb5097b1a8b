"""Charts of a topic model and the offline pyLDAvis view (drawn with the bundled CJK font)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from analysis.pages.fonts import CJK_FONT_NAME, PAGE_FONT_FAMILY
from analysis.pages.plots.charts import ChartFigure, grid_shape, styled

__all__ = ["plot_coherence", "plot_report_topics", "plot_topic_terms", "topic_view_html"]

#: pyLDAvis pads its scatter plot by 5 % of the data range; large circles at the edge are cut.
_LDAVIS_PADDING = (("xpad = 0.05", "xpad = 0.25"), ("ypad = 0.05", "ypad = 0.25"))
_RED = "#b22222"


@styled
def plot_coherence(sweep: pd.DataFrame) -> Figure:
    """Coherence measures and perplexity against the number of topics.

    Parameters
    ----------
    sweep : pandas.DataFrame
        ``TopicResult.sweep`` (``n_topics``, ``c_v``, ``c_npmi``, ``u_mass``, ``chosen``, and
        ``perplexity`` when it was computed).

    Returns
    -------
    matplotlib.figure.Figure
        A small panel per measure; the chosen K is marked.
    """
    measures = {
        "c_v": "一致性 c_v",
        "c_npmi": "一致性 c_npmi",
        "u_mass": "一致性 u_mass",
        "perplexity": "困惑度 (perplexity)",
    }
    measures = {m: name for m, name in measures.items() if m in sweep.columns}
    fig = ChartFigure(figsize=(3.3 * len(measures), 2.8))
    axes = fig.subplots(1, len(measures), squeeze=False)[0]
    chosen = int(sweep.loc[sweep["chosen"], "n_topics"].iloc[0])
    for ax, (m, name) in zip(axes, measures.items(), strict=True):
        ax.plot(sweep["n_topics"], sweep[m], marker="o", color="#333")
        ax.axvline(chosen, color=_RED, linestyle="--", linewidth=1)
        ax.set_title(name)
        ax.set_xlabel("主题数 K")
    fig.suptitle(f"主题数的选择 (选定 K={chosen})", fontsize=12)
    fig.tight_layout()
    return fig


@styled
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
    rows, cols = grid_shape(len(topics), cols)
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


@styled
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
        Output of :func:`analysis.measure.topics.fit_topics` (``model``, ``prepared`` and
        ``n_topics`` are used; any engine).
    height : int
        Height of the view in pixels.

    Returns
    -------
    IPython.display.HTML
        Displays in a notebook; ``.data`` holds the HTML string.
    """
    import pyLDAvis

    corpus = result.prepared
    prepared = pyLDAvis.prepare(
        topic_term_dists=result.model.topic_word_,
        doc_topic_dists=result.model.doc_topic_,
        doc_lengths=corpus.lengths,
        vocab=corpus.vocab.tolist(),
        term_frequency=corpus.term_frequency,
        sort_topics=False,
        n_jobs=1,
        mds="pcoa",
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
