"""Slogans and numeric formulas (提法): the rules (shapes, matching, word checks) and finding
and counting them in paragraphs.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "COUNT_COLUMNS": "analysis.terms.slogans.find",
    "DIGIT_CODE": "analysis.terms.slogans.rules",
    "Found": "analysis.terms.slogans.rules",
    "GeneralWords": "analysis.terms.slogans.rules",
    "Hit": "analysis.terms.slogans.rules",
    "JUDGED_KINDS": "analysis.terms.slogans.find",
    "NOT_FORMULA_NOUNS": "analysis.terms.slogans.rules",
    "SET_COLUMNS": "analysis.terms.slogans.find",
    "SLOGAN_COLUMNS": "analysis.terms.slogans.find",
    "SLOGAN_KINDS": "analysis.terms.slogans.find",
    "TABLE_COLUMNS": "analysis.terms.slogans.find",
    "appendix_lines": "analysis.terms.slogans.glossary",
    "build_automaton": "analysis.terms.slogans.rules",
    "classify_slogan": "analysis.terms.slogans.find",
    "clean_phrase": "analysis.terms.slogans.rules",
    "count_slogans": "analysis.terms.slogans.find",
    "defined_terms": "analysis.terms.slogans.glossary",
    "digit_context": "analysis.terms.slogans.rules",
    "extract_slogans": "analysis.terms.slogans.find",
    "find_hits": "analysis.terms.slogans.rules",
    "find_shapes": "analysis.terms.slogans.rules",
    "find_slogans": "analysis.terms.slogans.find",
    "glossary_candidates": "analysis.terms.slogans.glossary",
    "in_boundaries": "analysis.terms.slogans.rules",
    "jieba_dict_path": "analysis.terms.slogans.rules",
    "judge_quotations": "analysis.terms.slogans.find",
    "load_general_words": "analysis.terms.slogans.find",
    "national_slogans": "analysis.terms.slogans.find",
    "slogan_key": "analysis.terms.slogans.glossary",
    "slogan_table": "analysis.terms.slogans.find",
    "term_for": "analysis.terms.slogans.glossary",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
