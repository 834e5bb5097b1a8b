"""What a glossary tells the slogan steps: the names that define a slogan, and which lines
of a report are glossary entries (their uses are appendix, not body)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import pandas as pd

from analysis.common.patterns import QUOTES
from analysis.common.text import quoted_spans, strip_quotes

__all__ = ["appendix_lines", "defined_terms", "glossary_candidates", "slogan_key", "term_for"]

_FOOTNOTE = re.compile(r"\[\d{1,3}\]")


def slogan_key(text: str) -> str:
    """Key that matches a slogan to a glossary name: NFKC, no quotes, 《》, footnote marks
    or spaces, case-folded. Paragraph text is already simplified, so no conversion here.
    """
    text = _FOOTNOTE.sub("", unicodedata.normalize("NFKC", text))
    return "".join(
        ch for ch in text if ch not in QUOTES and ch not in "《》" and not ch.isspace()
    ).casefold()


def glossary_candidates(row: Mapping[str, Any]) -> list[str]:
    """Term, display term, aliases and the quoted cores of a glossary entry."""
    names = [row["term"], row.get("display_term") or "", *list(row.get("aliases") or ())]
    cores = [p for n in names for _s, _e, p in quoted_spans(str(n), max_len=20)]
    return [c for c in dict.fromkeys(strip_quotes(str(n)) for n in [*names, *cores]) if c]


def defined_terms(glossary: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Map each glossary name's match key to the defining term per report.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Glossary entries (``doc_id``, ``term``, optional ``display_term`` and ``aliases``).

    Returns
    -------
    dict
        match key -> doc_id -> term; the display term, aliases and quoted cores
        (“135”企业诉求处置机制 -> 135) all point to the entry's term.
    """
    out: dict[str, dict[str, str]] = {}
    for row in glossary.to_dict("records"):
        for cand in glossary_candidates(row):
            out.setdefault(slogan_key(cand), {}).setdefault(row["doc_id"], row["term"])
    return out


def term_for(key: str, doc_id: str, terms: dict[str, dict[str, str]]) -> str:
    by_doc = terms.get(key, {})
    return by_doc.get(doc_id) or next(iter(by_doc.values()), "")


def appendix_lines(glossary: pd.DataFrame) -> set[tuple[str, int]]:
    """(doc_id, line) of every glossary entry line (``line`` .. ``end_line``)."""
    out: set[tuple[str, int]] = set()
    if "line" not in glossary.columns:
        return out
    ends = glossary["end_line"] if "end_line" in glossary.columns else glossary["line"]
    for doc_id, first, last in zip(glossary["doc_id"], glossary["line"], ends, strict=True):
        if pd.notna(first):
            last = first if pd.isna(last) else last
            out.update((doc_id, n) for n in range(int(first), int(last) + 1))
    return out
