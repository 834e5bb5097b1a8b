"""Plots: the bundled CJK font, no settings changed at import, Chinese labels without missing glyphs."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis.pages.plots.charts import (
    CJK_FONT_NAME,
    CJK_FONT_PATH,
    SECTION_LABELS,
    cjk_style,
    label_columns,
    plot_counts,
    plot_keywords,
    plot_stacked_bars,
    plot_word_clouds,
    word_cloud,
)
from analysis.pages.plots.topics import plot_report_topics

RANKED = pd.DataFrame(
    {
        "doc_id": ["市南区2025"] * 3 + ["即墨区2026"] * 2,
        "rank": [1, 2, 3, 1, 2],
        "term": ["三资三化", "四首经济", "1+6+N", "五诊", "放管服"],
        "score": [0.3, 0.2, 0.1, 0.5, 0.4],
        "count": [3, 2, 1, 2, 1],
    }
)


def _render(fig: Figure) -> bytes:
    """Draw a figure to PNG with Agg, as a notebook or a report does."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def test_importing_changes_no_matplotlib_setting() -> None:
    code = (
        "import matplotlib\n"
        "before = dict(matplotlib.rcParams)\n"
        "import analysis.pages.plots.charts, analysis.pages.plots.topics\n"
        "after = dict(matplotlib.rcParams)\n"
        "print(sorted(k for k in before if before[k] != after[k]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_the_style_is_applied_inside_the_block_only() -> None:
    assert CJK_FONT_PATH.is_file() and CJK_FONT_PATH.name == "NotoSansCJKsc-Regular.otf"
    before = dict(matplotlib.rcParams)
    with cjk_style() as family:
        assert family == CJK_FONT_NAME
        found = font_manager.findfont(font_manager.FontProperties())
        assert Path(found).resolve() == CJK_FONT_PATH.resolve()
    assert dict(matplotlib.rcParams) == before


def test_chinese_labels_draw_without_missing_glyphs_outside_the_style() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _render(plot_keywords(RANKED, top_n=3, title="各报告关键词"))
        _render(plot_counts(pd.Series([3, 1], index=["三资三化", "放管服"]), title="次数"))
        _render(
            plot_stacked_bars(
                pd.DataFrame({"body": [10, 20], "glossary": [1, 2]}, index=["甲", "乙"]),
                title="篇幅",
                xlabel="字数",
                legend_title="部分",
                labels=SECTION_LABELS,
            )
        )


def test_a_font_without_chinese_would_be_caught() -> None:
    """The check above can fail: DejaVu Sans has no CJK glyphs."""
    fig = Figure()
    ax = fig.subplots()
    ax.set_title("名词解释", fontfamily="DejaVu Sans")
    with warnings.catch_warnings(), pytest.raises(UserWarning, match="missing from font"):
        warnings.simplefilter("error")
        _render(fig)


def test_stacked_bars_keep_the_legend_off_the_bars() -> None:
    fig = plot_stacked_bars(
        pd.DataFrame({"body": [100, 200], "appendix": [5, 0]}, index=["甲", "乙"]),
        title="篇幅",
        xlabel="字数",
        legend_title="部分",
        labels=SECTION_LABELS,
    )
    _render(fig)
    ax = fig.axes[0]
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["正文", "其他附件"]
    assert legend.get_title().get_text() == "部分"
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    assert legend.get_window_extent(renderer).x0 >= ax.get_window_extent(renderer).x1
    assert [t.get_text() for t in ax.get_yticklabels()] == ["乙", "甲"]  # first row on top


def test_heat_map_numbers_are_white_on_dark_cells() -> None:
    fig = plot_report_topics(
        pd.DataFrame(
            {
                "doc_id": ["甲", "甲", "乙", "乙"],
                "topic": [0, 1, 0, 1],
                "share": [0.9, 0.1, 0.3, 0.7],
            }
        ),
        pd.DataFrame({"topic": [0, 1], "label": ["产业·企业·项目", "服务·社区·群众"]}),
    )
    colors = {t.get_text(): t.get_color() for t in fig.axes[0].texts}
    assert colors == {"0.90": "white", "0.10": "black", "0.30": "black", "0.70": "white"}
    assert fig.axes[0].get_xlabel() == "主题"


def test_one_word_cloud_per_report() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plot_word_clouds(RANKED, cols=2, width=200, height=100)
        _render(fig)
    shown = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in shown] == ["市南区2025", "即墨区2026"]
    assert shown[0].images[0].get_array().shape[:2] == (100, 200)


def test_word_cloud_uses_the_same_font() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = word_cloud({"三资三化": 3.0, "四首经济": 2.0, "放管服": 1.0}, title="词云")
        _render(fig)
    image = fig.axes[0].images[0].get_array()
    assert image.shape[:2] == (400, 800)
    assert (image < 250).any()  # something was drawn


def test_figures_display_as_png_in_a_notebook() -> None:
    fig = word_cloud({"三资三化": 1.0, "放管服": 2.0})
    assert fig._repr_png_().startswith(b"\x89PNG")


def test_columns_are_labelled_in_chinese() -> None:
    frame = pd.DataFrame({"doc_id": ["甲"], "n_chars": [10], "other": [1]}).set_index("doc_id")
    labelled = label_columns(frame, other="其他")
    assert list(labelled.columns) == ["字数", "其他"] and labelled.index.name == "报告"
    assert list(frame.columns) == ["n_chars", "other"]  # the frame itself is unchanged
