"""The report's own pages (index, glossary, one page per report) from Jinja templates.

Every page is a self-contained HTML document in Chinese (``lang="zh-CN"``) with a header that
links to the index and to its neighbours, the shared stylesheet and the bundled CJK font cut
down to the page's characters (see :mod:`analysis.pages.fonts`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from analysis.common.patterns import QUOTES
from analysis.common.text import match_key, t2s_converter
from analysis.pages.fonts import FONT_MARKER, embed_font
from analysis.pages.plots.charts import SLOGAN_KIND_LABELS

__all__ = [
    "TERMS_TITLE",
    "PageLink",
    "ReportSection",
    "glossary_page",
    "glossary_rows",
    "index_page",
    "nav_html",
    "page_css",
    "report_page",
    "t2s_table",
    "terms_page",
]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
PAGES_DIR = TEMPLATES_DIR / "pages"
#: Characters ``match_key`` drops besides white space, for the glossary page's filter.
FILTER_DROP = QUOTES + "《》"
_VARIANT_CONFIGS = ("s2t", "s2tw", "s2hk")
_LEADING_NUMBER = re.compile(r"^\d\d\s+")  # "01 语料概览..." on a card numbered 01


#: Title of the 提法 archive (:func:`terms_page`).
TERMS_TITLE = "提法档案:每个提法的出现、高峰与扩散"


@dataclass(frozen=True)
class PageLink:
    """A page of the report: file name (relative to the index) and title."""

    href: str
    title: str


@dataclass(frozen=True)
class ReportSection:
    """One table of a per-report page, or the reason it could not be computed.

    Attributes
    ----------
    title : str
        Heading.
    frame : pandas.DataFrame
        Rows to show, columns already named for the reader (empty: ``empty`` is shown).
    numeric : tuple of str
        Columns aligned right.
    reason : str
        Why the table could not be computed (shown instead of it); empty when it was.
    empty : str
        Text shown when the table has no rows.
    note : str
        A sentence under the heading.
    linked : tuple of str
        Columns whose values are terms, linked to their row of the terms page.
    """

    title: str
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    numeric: tuple[str, ...] = ()
    reason: str = ""
    empty: str = "(无)"
    note: str = ""
    linked: tuple[str, ...] = ()


def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PAGES_DIR)),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def page_css() -> str:
    """The stylesheet every page shares (notebook pages too).

    Returns
    -------
    str
        CSS text.
    """
    return (PAGES_DIR / "page.css").read_text(encoding="utf-8")


def _nav(pages: Sequence[PageLink], current: int | None, title: str) -> dict[str, Any]:
    if current is None:
        return {"title": title, "home": True, "prev": None, "next": None}
    prev = pages[current - 1] if current > 0 else None
    after = pages[current + 1] if current + 1 < len(pages) else None
    return {"title": title, "home": True, "prev": prev, "next": after}


def nav_html(pages: Sequence[PageLink], current: int) -> str:
    """The header of a page: the index, the previous and the next page.

    Parameters
    ----------
    pages : sequence of PageLink
        Every page except the index, in reading order.
    current : int
        Position of this page in ``pages``.

    Returns
    -------
    str
        A ``<nav class="pages">`` element.
    """
    nav = _nav(pages, current, pages[current].title)
    return _environment().get_template("nav.html.j2").render(nav=nav)


def _render(template: str, *, title: str, nav: Mapping[str, Any], **context: Any) -> str:
    markup = (
        _environment()
        .get_template(template)
        .render(
            title=title,
            nav=nav,
            font_css=Markup(FONT_MARKER),
            page_css=Markup(page_css()),
            **context,
        )
    )
    return embed_font(markup)


def t2s_table(keys: Sequence[str]) -> dict[str, str]:
    """Traditional variants of the characters in some simplified keys.

    Parameters
    ----------
    keys : sequence of str
        Simplified text (``match_key`` output).

    Returns
    -------
    dict
        Traditional character to simplified character, for every character of ``keys`` whose
        traditional form (OpenCC ``s2t``, ``s2tw``, ``s2hk``) differs and converts back.
    """
    import opencc

    chars = sorted({ch for key in keys for ch in key if "\u3400" <= ch <= "\u9fff"})
    if not chars:
        return {}
    back = t2s_converter()
    table: dict[str, str] = {}
    for config in _VARIANT_CONFIGS:
        variants = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
        for simple, variant in zip(chars, variants, strict=True):
            if len(variant) == 1 and variant != simple and back.convert(variant) == simple:
                table[variant] = simple
    return dict(sorted(table.items()))


def glossary_rows(entries: pd.DataFrame) -> list[dict[str, str]]:
    """The glossary page's rows, each with the key its filter matches.

    Parameters
    ----------
    entries : pandas.DataFrame
        Glossary rows as :func:`analysis.read_glossary` returns them (``doc_id``, ``term``,
        ``display_term``, ``definition``, ``aliases``, ``year``).

    Returns
    -------
    list of dict
        ``term`` (as displayed), ``plain`` (the term, its row on the terms page),
        ``definition``, ``aliases`` (joined with 、), ``doc_id``, ``year`` and ``key``
        (``match_key`` of the term, its aliases, definition and report, joined with ``|``).
    """
    rows = []
    converter = t2s_converter()
    for r in entries.itertuples():
        shown = getattr(r, "display_term", "") or r.term
        aliases = "、".join(r.aliases)
        fields = [shown, r.term, *r.aliases, r.definition, r.doc_id]  # "|" survives match_key
        rows.append(
            {
                "term": shown,
                "plain": r.term,
                "definition": r.definition,
                "aliases": aliases,
                "doc_id": r.doc_id,
                "year": "" if pd.isna(r.year) else str(int(r.year)),
                "key": match_key("|".join(str(f) for f in fields), converter=converter),
            }
        )
    return rows


def glossary_page(
    entries: pd.DataFrame,
    *,
    title: str = "名词解释总表",
    pages: Sequence[PageLink] = (),
    current: int | None = None,
) -> str:
    """A self-contained page with every glossary entry in a table filtered as you type.

    The filter compares the same key as :func:`analysis.lookup`: full-width forms, quotes,
    spaces and traditional characters do not matter (``三資三化`` finds 三资三化).

    Parameters
    ----------
    entries : pandas.DataFrame
        Glossary rows as :func:`analysis.read_glossary` returns them.
    title : str
        Page title.
    pages : sequence of PageLink
        The report's pages in reading order, for the header.
    current : int, optional
        Position of this page in ``pages``.

    Returns
    -------
    str
        The HTML page (inline CSS, font and script only).
    """
    rows = glossary_rows(entries)
    return _render(
        "glossary.html.j2",
        title=title,
        nav=_nav(pages, current, title),
        rows=rows,
        t2s=t2s_table([r["key"] for r in rows]),
        drop=FILTER_DROP,
        examples="、".join(dict.fromkeys(str(r["term"]) for r in rows[:3])),
    )


def terms_page(
    lifecycle: pd.DataFrame,
    reports: Mapping[str, Mapping[str, str]],
    *,
    pages: Sequence[PageLink],
    current: int,
    title: str = TERMS_TITLE,
) -> str:
    """The 提法 archive: one row per term, its life in years and places, with an anchor that the
    glossary and the report pages link to.

    Parameters
    ----------
    lifecycle : pandas.DataFrame
        :func:`analysis.measure.panel.term_lifecycle`.
    reports : Mapping
        doc_id -> ``{"href": page, "label": readable name}``.
    pages : sequence of PageLink
        Every page, for the header.
    current : int
        This page's place in ``pages``.
    title : str
        Page title.

    Returns
    -------
    str
        The page, font embedded.
    """

    def report(doc_id: str) -> dict[str, str]:
        return dict(reports.get(doc_id, {"href": "", "label": doc_id}))

    rows = [
        {
            "term": r.term,
            "first_year": r.first_year,
            "first": report(r.first_report),
            "last_year": r.last_year,
            "years_active": r.years_active,
            "peak_year": r.peak_year,
            "n_reports": r.n_reports,
            "n_regions": r.n_regions,
            "defined": [report(d) for d in r.defined_in.split("、") if d],
            "definition": r.definition,
            "n_undefined": r.n_undefined,
        }
        for r in lifecycle.itertuples()
    ]
    return _render("terms.html.j2", title=title, nav=_nav(pages, current, title), rows=rows)


def index_page(
    pages: Sequence[PageLink],
    reports: Sequence[Mapping[str, Any]],
    *,
    corpus_name: str,
    n_entries: int,
) -> str:
    """The index: a card per analysis page and a table linking every report's page.

    Parameters
    ----------
    pages : sequence of PageLink
        Analysis pages (notebooks, glossary) in reading order.
    reports : sequence of Mapping
        One per report: ``href``, ``doc_id``, ``region``, ``level``, ``year``, ``kind``,
        ``n_chars``.
    corpus_name : str
        Name of the corpus folder.
    n_entries : int
        Number of glossary entries.

    Returns
    -------
    str
        The HTML page.
    """
    title = f"政府工作报告分析 · {corpus_name}"
    return _render(
        "index.html.j2",
        title=title,
        nav={"title": "目录", "home": False, "prev": None, "next": pages[0] if pages else None},
        pages=[PageLink(p.href, _LEADING_NUMBER.sub("", p.title)) for p in pages],
        reports=reports,
        corpus_name=corpus_name,
        n_entries=n_entries,
        date=time.strftime("%Y-%m-%d"),
    )


def report_page(
    report: Mapping[str, Any],
    sections: Sequence[ReportSection],
    *,
    pages: Sequence[PageLink],
    current: int,
) -> str:
    """The page of one report: its metadata and a table per section.

    Parameters
    ----------
    report : Mapping
        ``doc_id``, ``file``, ``region``, ``level``, ``year``, ``kind``, ``n_chars``.
    sections : sequence of ReportSection
        The tables (keywords, slogans, glossary entries), in order.
    pages : sequence of PageLink
        Every page except the index, in reading order.
    current : int
        Position of this page in ``pages``.

    Returns
    -------
    str
        The HTML page.
    """
    shown = [
        {
            "title": s.title,
            "note": s.note,
            "reason": s.reason,
            "empty": s.empty,
            "numeric": s.numeric,
            "linked": s.linked,
            "columns": [str(c) for c in s.frame.columns],
            "rows": s.frame.astype(str).to_dict("records"),
        }
        for s in sections
    ]
    title = str(report["doc_id"])
    return _render(
        "report.html.j2",
        title=title,
        nav=_nav(pages, current, title),
        report=report,
        sections=shown,
    )


def kind_labels(kinds: pd.Series) -> pd.Series:
    """Chinese names of slogan kinds (unknown kinds stay as they are).

    Parameters
    ----------
    kinds : pandas.Series
        ``kind`` values.

    Returns
    -------
    pandas.Series
        Display names.
    """
    return kinds.map(lambda k: SLOGAN_KIND_LABELS.get(k, k))
