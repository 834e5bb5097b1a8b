"""The study as pages: charts, the embedded font, notebook helpers, HTML pages and the report
builder.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CJK_FONT_NAME": "analysis.pages.fonts",
    "CJK_FONT_PATH": "analysis.pages.fonts",
    "COLUMN_LABELS": "analysis.pages.labels",
    "ChartFigure": "analysis.pages.plots",
    "FONT_MARKER": "analysis.pages.fonts",
    "GLOSSARY_ENV": "analysis.pages.report",
    "LAB_FONT_FAMILY": "analysis.pages.lab",
    "LAB_FONT_FILE": "analysis.pages.lab",
    "PAGE_FONT_FAMILY": "analysis.pages.fonts",
    "PageLink": "analysis.pages.html",
    "PageStopped": "analysis.pages.notebook",
    "ReportError": "analysis.pages.report",
    "ReportSection": "analysis.pages.html",
    "SECTION_LABELS": "analysis.pages.plots",
    "SLOGAN_KIND_LABELS": "analysis.pages.plots",
    "TERMS_TITLE": "analysis.pages.html",
    "VALUE_LABELS": "analysis.pages.labels",
    "build_reports": "analysis.pages.report",
    "chosen_reports": "analysis.pages.overview",
    "cjk_rc": "analysis.pages.plots",
    "cjk_style": "analysis.pages.plots",
    "embed_font": "analysis.pages.fonts",
    "example_queries": "analysis.pages.examples",
    "example_sentences": "analysis.pages.examples",
    "external_urls": "analysis.pages.report",
    "font_face_css": "analysis.pages.fonts",
    "glossary_page": "analysis.pages.html",
    "glossary_rows": "analysis.pages.html",
    "grid_shape": "analysis.pages.plots",
    "index_page": "analysis.pages.html",
    "lab_characters": "analysis.pages.lab",
    "label_columns": "analysis.pages.plots",
    "nav_html": "analysis.pages.html",
    "notebook_title": "analysis.pages.report",
    "number_cells": "analysis.pages.kernels",
    "page_characters": "analysis.pages.fonts",
    "page_css": "analysis.pages.html",
    "plot_coherence": "analysis.pages.plots",
    "plot_counts": "analysis.pages.plots",
    "plot_diffusion": "analysis.pages.plots",
    "plot_keywords": "analysis.pages.plots",
    "plot_prevalence": "analysis.pages.plots",
    "plot_report_topics": "analysis.pages.plots",
    "plot_said_vs_done": "analysis.pages.plots",
    "plot_spread": "analysis.pages.plots",
    "plot_stacked_bars": "analysis.pages.plots",
    "plot_targets": "analysis.pages.plots",
    "plot_term_years": "analysis.pages.plots",
    "plot_topic_terms": "analysis.pages.plots",
    "plot_trends": "analysis.pages.plots",
    "plot_word_clouds": "analysis.pages.plots",
    "project_env": "analysis.pages.kernels",
    "register_cjk_font": "analysis.pages.plots",
    "render_notebook": "analysis.pages.report",
    "report_page": "analysis.pages.html",
    "report_sections": "analysis.pages.report_data",
    "run_or_stop": "analysis.pages.notebook",
    "show_table": "analysis.pages.notebook",
    "stderr_last": "analysis.pages.kernels",
    "stop_if_empty": "analysis.pages.notebook",
    "styled": "analysis.pages.plots",
    "subset_font": "analysis.pages.fonts",
    "t2s_table": "analysis.pages.html",
    "terms_by_group": "analysis.pages.overview",
    "terms_page": "analysis.pages.html",
    "topic_view_html": "analysis.pages.plots",
    "word_cloud": "analysis.pages.plots",
    "write_lab_font": "analysis.pages.lab",
    "year_spans": "analysis.pages.overview",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
