"""Topics and terminology of Chinese government work reports (政府工作报告).

The steps, in data-flow order (each takes the previous step's output)::

    corpus = read_corpus("seeds/")                      # one row per report
    paragraphs = split_paragraphs(corpus)               # body / glossary / appendix / boilerplate
    glossary = extract_glossary(corpus, paragraphs)     # 名词解释 entries
    slogans = find_slogans(paragraphs, glossary)        # 1+6+N, 三资三化, 十四五, ...
    tokenizer = build_tokenizer(domain_dictionary(glossary, slogans))
    tokens = filter_tokens(tokenize(paragraphs, tokenizer))
    rank_keywords(count_terms(tokens)), fit_topics(tokens)
    extract_targets(corpus, paragraphs)                 # 主要预期目标
    lookup("三资三化")

Names are imported on first use, so ``import analysis`` (and the ``lookup`` command) does
not load pandas, jieba or gensim before they are needed.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.2.0"

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CorpusError": "corpus",
    "CorpusWarning": "corpus",
    "read_corpus": "corpus",
    "split_paragraphs": "corpus",
    "Glossary": "glossary",
    "GlossaryEntry": "glossary",
    "GlossaryWarning": "glossary",
    "build_glossary": "glossary",
    "extract_glossary": "glossary",
    "lookup": "glossary",
    "read_glossary": "glossary",
    "classify_slogan": "slogans",
    "count_slogans": "slogans",
    "extract_slogans": "slogans",
    "find_slogans": "slogans",
    "slogan_table": "slogans",
    "build_tokenizer": "dictionary",
    "domain_dictionary": "dictionary",
    "Tokenizer": "tokens",
    "filter_tokens": "tokens",
    "tokenize": "tokens",
    "count_terms": "counts",
    "keyness": "keywords",
    "keyness_table": "keywords",
    "rank_keywords": "keywords",
    "fit_topics": "topics",
    "extract_targets": "targets",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(f"analysis.{module}"), name)


def __dir__() -> list[str]:
    return __all__
