"""Everything that decides what a term is: the glossary (名词解释), slogans and numeric
formulas (提法), the domain dictionary and tokenizer, token filters.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CONTEXT_COLUMNS": "analysis.terms.glossary",
    "COUNT_COLUMNS": "analysis.terms.slogans",
    "CURATED_COLUMNS": "analysis.terms.glossary",
    "DATE_RULES": "analysis.terms.tokens",
    "DIGIT_CODE": "analysis.terms.slogans",
    "ENGINES": "analysis.terms.dictionary",
    "ENTRY_COLUMNS": "analysis.terms.glossary",
    "Entries": "analysis.terms.glossary",
    "Found": "analysis.terms.slogans",
    "GLOSSARY_COLUMNS": "analysis.terms.glossary",
    "GeneralWords": "analysis.terms.slogans",
    "Glossary": "analysis.terms.glossary",
    "GlossaryEntry": "analysis.terms.glossary",
    "GlossaryWarning": "analysis.terms.glossary",
    "Hit": "analysis.terms.slogans",
    "JUDGED_KINDS": "analysis.terms.slogans",
    "LINE_FORMATS": "analysis.terms.glossary",
    "NOT_FORMULA_NOUNS": "analysis.terms.slogans",
    "OUTPUT_COLUMNS": "analysis.terms.glossary",
    "ParsedLine": "analysis.terms.glossary",
    "SEGMENTATION_VERSION": "analysis.terms.dictionary",
    "SET_COLUMNS": "analysis.terms.slogans",
    "SLOGAN_COLUMNS": "analysis.terms.slogans",
    "SLOGAN_KINDS": "analysis.terms.slogans",
    "TABLE_COLUMNS": "analysis.terms.slogans",
    "TOKEN_COLUMNS": "analysis.terms.tokens",
    "TermKey": "analysis.terms.glossary",
    "Tokenizer": "analysis.terms.dictionary",
    "appendix_lines": "analysis.terms.slogans",
    "apply_curated": "analysis.terms.glossary",
    "bound_fragments": "analysis.terms.tokens",
    "build_automaton": "analysis.terms.slogans",
    "build_glossary": "analysis.terms.glossary",
    "build_tokenizer": "analysis.terms.dictionary",
    "classify_slogan": "analysis.terms.slogans",
    "clean_phrase": "analysis.terms.slogans",
    "compare_segmentation": "analysis.terms.dictionary",
    "count_slogans": "analysis.terms.slogans",
    "cut_paragraphs": "analysis.terms.tokens",
    "defined_terms": "analysis.terms.slogans",
    "digit_context": "analysis.terms.slogans",
    "domain_dictionary": "analysis.terms.dictionary",
    "extract_contexts": "analysis.terms.glossary",
    "extract_glossary": "analysis.terms.glossary",
    "extract_slogans": "analysis.terms.slogans",
    "filter_tokens": "analysis.terms.tokens",
    "find_hits": "analysis.terms.slogans",
    "find_shapes": "analysis.terms.slogans",
    "find_slogans": "analysis.terms.slogans",
    "find_terms": "analysis.terms.glossary",
    "flag_conflicts": "analysis.terms.glossary",
    "glossary_candidates": "analysis.terms.slogans",
    "glued_adverbs": "analysis.terms.tokens",
    "in_boundaries": "analysis.terms.slogans",
    "is_date_token": "analysis.terms.tokens",
    "is_number_token": "analysis.terms.tokens",
    "jieba_dict_path": "analysis.terms.slogans",
    "judge_quotations": "analysis.terms.slogans",
    "load_general_words": "analysis.terms.slogans",
    "lookup": "analysis.terms.glossary",
    "national_slogans": "analysis.terms.slogans",
    "parse_entry_line": "analysis.terms.glossary",
    "read_glossary": "analysis.terms.glossary",
    "slogan_key": "analysis.terms.slogans",
    "slogan_table": "analysis.terms.slogans",
    "term_for": "analysis.terms.slogans",
    "term_keys": "analysis.terms.glossary",
    "write_glossary": "analysis.terms.glossary",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
