"""What every layer shares: named character and rule tables, text helpers, word lists and
resources, project paths, atomic writes and output formats.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

__version__ = "0.2.0"

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "ADMIN_SUFFIXES": "analysis.common.patterns",
    "ADMIN_UNIT": "analysis.common.patterns",
    "APPENDIX_HEADINGS": "analysis.common.patterns",
    "BARE_ONLY_HEADINGS": "analysis.common.patterns",
    "BOILERPLATE_MAX_LEN": "analysis.common.patterns",
    "BOILERPLATE_RULES": "analysis.common.patterns",
    "CLOSE_BRACKETS": "analysis.common.patterns",
    "CN_NUMBER": "analysis.common.patterns",
    "CN_NUMERALS": "analysis.common.patterns",
    "CN_PERCENT": "analysis.common.patterns",
    "CN_ZERO": "analysis.common.patterns",
    "FIVE_YEAR_PLAN": "analysis.common.patterns",
    "FORMATS": "analysis.common.io",
    "GLOSSARY_HEADINGS": "analysis.common.patterns",
    "GLOSSARY_HEADING_MAX_LEN": "analysis.common.patterns",
    "HAN": "analysis.common.patterns",
    "KindRule": "analysis.common.wordlists",
    "NUMERAL_VALUES": "analysis.common.patterns",
    "OPEN_BRACKETS": "analysis.common.patterns",
    "PINYIN_GLOSS": "analysis.common.patterns",
    "PLAN_PERIOD": "analysis.common.patterns",
    "Place": "analysis.common.wordlists",
    "QUOTES": "analysis.common.patterns",
    "QUOTE_PAIRS": "analysis.common.patterns",
    "Region": "analysis.common.wordlists",
    "RegionCue": "analysis.common.wordlists",
    "SENTENCE_END": "analysis.common.patterns",
    "SLOGAN_NUMERALS": "analysis.common.patterns",
    "STOPWORD_TIERS": "analysis.common.wordlists",
    "UNITS": "analysis.common.patterns",
    "WriteError": "analysis.common.io",
    "atomic_write_text": "analysis.common.io",
    "boilerplate_rule": "analysis.common.patterns",
    "check_writable": "analysis.common.io",
    "cn_to_int": "analysis.common.patterns",
    "current_umask": "analysis.common.io",
    "format_frame": "analysis.common.io",
    "gazetteer": "analysis.common.wordlists",
    "lazy_exports": "analysis.common.lazy",
    "load_wordlist": "analysis.common.wordlists",
    "match_key": "analysis.common.text",
    "national_slogans": "analysis.common.wordlists",
    "os_reason": "analysis.common.io",
    "quoted_spans": "analysis.common.text",
    "read_number": "analysis.common.patterns",
    "region_cues": "analysis.common.wordlists",
    "regions": "analysis.common.wordlists",
    "report_kinds": "analysis.common.wordlists",
    "sentences": "analysis.common.text",
    "single_char_whitelist": "analysis.common.wordlists",
    "stopwords": "analysis.common.wordlists",
    "strip_quotes": "analysis.common.text",
    "t2s_converter": "analysis.common.text",
    "to_arabic": "analysis.common.patterns",
    "to_simplified": "analysis.common.text",
    "what_to_do": "analysis.common.io",
    "write_frame": "analysis.common.io",
}

__all__ = sorted([*_EXPORTS, "__version__"])

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
