"""Topics and terminology of Chinese government work reports (政府工作报告).

The steps, in data-flow order::

    corpus = read_corpus("seeds/")                  # one row per report
    paragraphs = split_paragraphs(corpus)           # body / glossary / appendix / boilerplate
    glossary = extract_glossary(corpus)             # 名词解释 entries
    slogans = extract_slogans(corpus)               # 1+6+N, 三资三化, 十四五, ...
    tokenizer = build_tokenizer(corpus)             # jieba + the domain dictionary
    tokens = filter_tokens(tokenize(paragraphs, tokenizer=tokenizer))
    rank_keywords(tokens), keyness(tokens, target=...), fit_topics(tokens)
    lookup("三资三化")
"""

from analysis.corpus import CorpusError, CorpusWarning, read_corpus, split_paragraphs
from analysis.glossary import (
    Glossary,
    GlossaryEntry,
    GlossaryWarning,
    build_glossary,
    extract_glossary,
    lookup,
    read_glossary,
)
from analysis.slogans import classify_slogan, extract_slogans, slogan_table
from analysis.tokens import Tokenizer, build_tokenizer, filter_tokens, tokenize

__version__ = "0.1.0"

__all__ = [
    "CorpusError",
    "CorpusWarning",
    "Glossary",
    "GlossaryEntry",
    "GlossaryWarning",
    "Tokenizer",
    "__version__",
    "build_glossary",
    "build_tokenizer",
    "classify_slogan",
    "extract_glossary",
    "extract_slogans",
    "filter_tokens",
    "lookup",
    "read_corpus",
    "read_glossary",
    "slogan_table",
    "split_paragraphs",
    "tokenize",
]
