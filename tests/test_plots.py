"""Plots: the bundled CJK font is used, Chinese labels draw without missing glyphs."""

from __future__ import annotations

import io
import warnings

import matplotlib
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis.plots import (
    CJK_FONT_NAME,
    CJK_FONT_PATH,
    plot_keywords,
    plot_report_topics,
    word_cloud,
)


def _render(fig: Figure) -> bytes:
    """Draw a figure to PNG with Agg, as a notebook or a report does."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def test_font_comes_from_the_installed_package() -> None:
    assert CJK_FONT_PATH.is_file() and CJK_FONT_PATH.name == "NotoSansCJKsc-Regular.otf"
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert found == str(CJK_FONT_PATH)
    assert matplotlib.rcParams["font.sans-serif"][0] == CJK_FONT_NAME


def test_chinese_labels_draw_without_missing_glyphs() -> None:
    ranked = pd.DataFrame(
        {
            "doc_id": ["市南区2025"] * 3,
            "rank": [1, 2, 3],
            "term": ["三资三化", "四首经济", "1+6+N"],
            "score": [0.3, 0.2, 0.1],
            "count": [3, 2, 1],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plot_keywords(ranked, top_n=3, title="各报告关键词")
        _render(fig)
        heat = plot_report_topics(
            pd.DataFrame(
                {
                    "doc_id": ["甲", "甲", "乙", "乙"],
                    "topic": [0, 1, 0, 1],
                    "share": [0.6, 0.4, 0.3, 0.7],
                }
            ),
            pd.DataFrame({"topic": [0, 1], "label": ["产业·企业·项目", "服务·社区·群众"]}),
        )
        _render(heat)


def test_a_font_without_chinese_would_be_caught() -> None:
    """The check above can fail: DejaVu Sans has no CJK glyphs."""
    fig = Figure()
    ax = fig.subplots()
    ax.set_title("名词解释", fontfamily="DejaVu Sans")
    with warnings.catch_warnings(), pytest.raises(UserWarning, match="missing from font"):
        warnings.simplefilter("error")
        _render(fig)


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
    png = fig._repr_png_()
    assert png.startswith(b"\x89PNG")
