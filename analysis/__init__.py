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

from analysis.common import __version__ as __version__
from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CorpusError": "read.corpus",
    "CorpusWarning": "read.corpus",
    "read_corpus": "read.corpus",
    "split_paragraphs": "read.corpus",
    "Glossary": "terms.glossary",
    "GlossaryEntry": "terms.glossary",
    "GlossaryWarning": "terms.glossary",
    "build_glossary": "terms.glossary",
    "extract_glossary": "terms.glossary",
    "lookup": "terms.glossary",
    "read_glossary": "terms.glossary",
    "classify_slogan": "terms.slogans",
    "count_slogans": "terms.slogans",
    "extract_slogans": "terms.slogans",
    "find_slogans": "terms.slogans",
    "slogan_table": "terms.slogans",
    "build_tokenizer": "terms.dictionary",
    "domain_dictionary": "terms.dictionary",
    "Tokenizer": "terms.tokens",
    "filter_tokens": "terms.tokens",
    "tokenize": "run.segment",
    "count_terms": "measure.counts",
    "keyness": "measure.keyness",
    "keyness_table": "measure.keyness",
    "rank_keywords": "measure.keywords",
    "rank_places": "measure.keywords",
    "fit_topics": "measure.topics",
    "extract_targets": "measure.targets",
    "corpus_steps": "run.steps",
    "run_topics": "run.steps",
}

__all__ = sorted([*_EXPORTS, "__version__"])

__getattr__, __dir__ = lazy_exports(__name__, {k: f"analysis.{v}" for k, v in _EXPORTS.items()})
