"""Charts, one module per subject (drawn with the bundled CJK font).

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CJK_FONT_NAME": "analysis.pages.plots.charts",
    "CJK_FONT_PATH": "analysis.pages.plots.charts",
    "COLUMN_LABELS": "analysis.pages.plots.charts",
    "ChartFigure": "analysis.pages.plots.charts",
    "SECTION_LABELS": "analysis.pages.plots.charts",
    "SLOGAN_KIND_LABELS": "analysis.pages.plots.charts",
    "cjk_rc": "analysis.pages.plots.charts",
    "cjk_style": "analysis.pages.plots.charts",
    "grid_shape": "analysis.pages.plots.charts",
    "label_columns": "analysis.pages.plots.charts",
    "plot_coherence": "analysis.pages.plots.topics",
    "plot_counts": "analysis.pages.plots.charts",
    "plot_diffusion": "analysis.pages.plots.panel",
    "plot_keywords": "analysis.pages.plots.charts",
    "plot_prevalence": "analysis.pages.plots.panel",
    "plot_report_topics": "analysis.pages.plots.topics",
    "plot_said_vs_done": "analysis.pages.plots.panel",
    "plot_spread": "analysis.pages.plots.panel",
    "plot_stacked_bars": "analysis.pages.plots.charts",
    "plot_targets": "analysis.pages.plots.targets",
    "plot_term_years": "analysis.pages.plots.panel",
    "plot_topic_terms": "analysis.pages.plots.topics",
    "plot_trends": "analysis.pages.plots.panel",
    "plot_word_clouds": "analysis.pages.plots.charts",
    "register_cjk_font": "analysis.pages.plots.charts",
    "styled": "analysis.pages.plots.charts",
    "topic_view_html": "analysis.pages.plots.topics",
    "word_cloud": "analysis.pages.plots.charts",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
