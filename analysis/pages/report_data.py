"""The tables of the per-report pages: keywords, slogans and glossary entries of each report.

The steps are the ones the notebooks run (``03_keywords``, ``05_slogans``, ``06_glossary``);
a step that cannot be computed for this corpus (too little text) leaves its reason on every
report's page instead of a table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from analysis.pages.html import ReportSection, kind_labels

__all__ = ["report_sections"]

KEYWORDS_TITLE = "关键词 (TF-IDF)"
SLOGANS_TITLE = "提法与口号"
GLOSSARY_TITLE = "本报告的名词解释"


def _attempt(step: Callable[[], pd.DataFrame], reason: str) -> tuple[pd.DataFrame, str]:
    try:
        return step(), ""
    except ValueError as exc:
        return pd.DataFrame(), f"{reason}({exc})"


def _keywords(steps: Any, *, top_n: int) -> pd.DataFrame:
    from analysis.measure.counts import count_terms
    from analysis.measure.keywords import rank_keywords
    from analysis.terms.tokens import filter_tokens

    counts = count_terms(filter_tokens(steps.tokens), corpus=steps.corpus)
    return rank_keywords(counts, top_n=top_n)


def _slogans(steps: Any) -> pd.DataFrame:
    from analysis.terms.slogans.find import count_slogans

    return count_slogans(steps.paragraphs, steps.slogans, steps.glossary)


def _keyword_section(ranked: pd.DataFrame, reason: str, doc_id: Any) -> ReportSection:
    note = "在本语料中计算的 TF-IDF(不含本报告所属地名),权重越大越能代表这份报告。"
    if reason:
        return ReportSection(KEYWORDS_TITLE, reason=reason, note=note)
    sub = ranked[ranked["doc_id"] == doc_id]
    frame = pd.DataFrame(
        {
            "排名": sub["rank"].astype(int),
            "词语": sub["term"],
            "权重": sub["score"].map("{:.3f}".format),
        }
    )
    return ReportSection(KEYWORDS_TITLE, frame, numeric=("排名", "权重"), note=note)


def _slogan_section(slogans: pd.DataFrame, reason: str, doc_id: Any) -> ReportSection:
    note = (
        "数字提法、数词提法、简称和引号里的口号,按正文中的次数排列;"
        "点提法看它在全部报告中的生命周期。"
    )
    if reason:
        return ReportSection(SLOGANS_TITLE, reason=reason, note=note)
    sub = slogans[slogans["doc_id"] == doc_id].sort_values("count", ascending=False, kind="stable")
    frame = pd.DataFrame(
        {
            "提法": sub["slogan"],
            "类型": kind_labels(sub["kind"]),
            "次数": sub["count"].astype(int),
            "名词解释词条": sub["defined"].fillna("").astype(str),
        }
    )
    return ReportSection(SLOGANS_TITLE, frame, numeric=("次数",), note=note, linked=("提法",))


def _glossary_section(entries: pd.DataFrame, doc_id: Any) -> ReportSection:
    sub = entries[entries["doc_id"] == doc_id]
    terms = sub["display_term"].where(sub["display_term"].astype(bool), sub["term"])
    frame = pd.DataFrame({"序号": sub["n"].astype(int), "词条": terms, "释义": sub["definition"]})
    return ReportSection(
        GLOSSARY_TITLE, frame, numeric=("序号",), empty="这份报告没有“名词解释”附件。"
    )


def report_sections(
    steps: Any, entries: pd.DataFrame, *, top_n: int = 20
) -> list[list[ReportSection]]:
    """The tables of each report's page.

    Parameters
    ----------
    steps : CorpusSteps
        :func:`analysis.run.steps.corpus_steps` of the corpus (``corpus``, ``paragraphs``,
        ``glossary``, ``slogans``, ``tokens`` of the body).
    entries : pandas.DataFrame
        The corpus's built glossary (``doc_id``, ``n``, ``term``, ``display_term``,
        ``definition``; :func:`analysis.terms.glossary.build_glossary`).
    top_n : int
        Keywords per report.

    Returns
    -------
    list of list of ReportSection
        For each report in corpus order: keywords (``排名``, ``词语``, ``权重``), slogans
        (``提法``, ``类型``, ``次数``, ``名词解释词条``) and glossary entries (``序号``,
        ``词条``, ``释义``); a section that could not be computed carries its reason.
    """
    ranked, keyword_reason = _attempt(
        lambda: _keywords(steps, top_n=top_n), "文本太少,无法计算关键词"
    )
    slogans, slogan_reason = _attempt(lambda: _slogans(steps), "无法识别提法")
    return [
        [
            _keyword_section(ranked, keyword_reason, doc_id),
            _slogan_section(slogans, slogan_reason, doc_id),
            _glossary_section(entries, doc_id),
        ]
        for doc_id in steps.corpus["doc_id"]
    ]


def terms_data(
    steps: Any, reports: Sequence[Mapping[str, Any]]
) -> tuple[pd.DataFrame, dict[str, dict[str, str]]]:
    """What the 提法 archive shows: every term's lifecycle, and each report's page and name.

    Parameters
    ----------
    steps : CorpusSteps
        The corpus's steps (``corpus``, ``paragraphs``, ``glossary``, ``slogans``).
    reports : sequence of Mapping
        The report pages (``doc_id``, ``href``).

    Returns
    -------
    tuple of (pandas.DataFrame, dict)
        :func:`analysis.measure.panel.term_lifecycle`, and doc_id -> ``{"href", "label"}``
        (the readable name of :func:`analysis.measure.panel.report_labels`).
    """
    from analysis.measure.panel import report_labels, term_lifecycle, term_usage

    usage = term_usage(steps.paragraphs, steps.slogans, steps.glossary)
    lifecycle = term_lifecycle(usage, steps.corpus, steps.glossary)
    labels = dict(report_labels(steps.corpus).itertuples(index=False))
    linked = {
        str(r["doc_id"]): {"href": str(r["href"]), "label": labels.get(r["doc_id"], r["doc_id"])}
        for r in reports
    }
    return lifecycle, linked
