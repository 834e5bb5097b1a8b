"""The glossary: definitions found in reports (名词解释, 注释, news 小词典 …), stored and looked up.

``extract_glossary(corpus, paragraphs)`` returns one row per entry; ``build_glossary`` writes
``glossary.csv`` and ``contexts.csv`` (the body sentences that use each term);
:class:`Glossary` loads them and answers :func:`lookup`.

Modules: :mod:`~analysis.terms.glossary.formats` (entry layouts as data),
:mod:`~analysis.terms.glossary.parse` (one line), :mod:`~analysis.terms.glossary.assemble` (lines to
entries), :mod:`~analysis.terms.glossary.extract` (blocks in a report),
:mod:`~analysis.terms.glossary.usage` (where terms are used), :mod:`~analysis.terms.glossary.store`
(files and curation) and :mod:`~analysis.terms.glossary.lookup`.
"""

from __future__ import annotations

from analysis.terms.glossary.extract import (
    ENTRY_COLUMNS,
    OUTPUT_COLUMNS,
    GlossaryWarning,
    extract_glossary,
    flag_conflicts,
)
from analysis.terms.glossary.formats import LINE_FORMATS
from analysis.terms.glossary.lookup import Entries, Glossary, GlossaryEntry, lookup
from analysis.terms.glossary.parse import ParsedLine, parse_entry_line
from analysis.terms.glossary.store import (
    CURATED_COLUMNS,
    GLOSSARY_COLUMNS,
    apply_curated,
    build_glossary,
    read_glossary,
    write_glossary,
)
from analysis.terms.glossary.usage import (
    CONTEXT_COLUMNS,
    TermKey,
    extract_contexts,
    find_terms,
    term_keys,
)

__all__ = [
    "CONTEXT_COLUMNS",
    "CURATED_COLUMNS",
    "ENTRY_COLUMNS",
    "GLOSSARY_COLUMNS",
    "LINE_FORMATS",
    "OUTPUT_COLUMNS",
    "Entries",
    "Glossary",
    "GlossaryEntry",
    "GlossaryWarning",
    "ParsedLine",
    "TermKey",
    "apply_curated",
    "build_glossary",
    "extract_contexts",
    "extract_glossary",
    "find_terms",
    "flag_conflicts",
    "lookup",
    "parse_entry_line",
    "read_glossary",
    "term_keys",
    "write_glossary",
]
