"""Rules for slogans (提法): phrase kinds (``words``), shapes in text (``shapes``), and
matching many slogans at once with number boundaries (``match``)."""

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
    GeneralWords,
    classify_slogan,
    clean_phrase,
    jieba_dict_path,
    load_general_words,
)

__all__ = [
    "DIGIT_CODE",
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
