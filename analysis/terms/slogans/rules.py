"""Rules for slogans (提法): phrase kinds (``words``), shapes in text (``shapes``), the
evidence that a quoted phrase is a 提法 or only a quotation (``evidence``), and matching many
slogans at once with number boundaries (``match``)."""

from analysis.terms.slogans.match import (
    Hit,
    build_automaton,
    digit_context,
    find_hits,
    in_boundaries,
)
from analysis.terms.slogans.shapes import Found, find_shapes
from analysis.terms.slogans.words import (
    DIGIT_CODE,
    NOT_FORMULA_NOUNS,
    GeneralWords,
    classify_slogan,
    clean_phrase,
    jieba_dict_path,
    load_general_words,
)

__all__ = [
    "DIGIT_CODE",
    "NOT_FORMULA_NOUNS",
    "Found",
    "GeneralWords",
    "Hit",
    "build_automaton",
    "classify_slogan",
    "clean_phrase",
    "digit_context",
    "find_hits",
    "find_shapes",
    "in_boundaries",
    "jieba_dict_path",
    "load_general_words",
]
