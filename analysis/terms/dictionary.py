"""The domain dictionary and the segmenter that keeps its words whole.

Step between extraction and tokens: glossary entries + slogan set -> :func:`domain_dictionary`
-> :func:`build_tokenizer` -> :class:`Tokenizer`.

How domain words are kept whole
-------------------------------
Adding words to jieba's dictionary (``add_word``) lets a long domain word win against any
route through its left or right neighbour, because jieba's unigram model prefers fewer,
longer tokens whatever the word's frequency: 新型产业体系 turned 创新型产业体系 into 创 /
新型产业体系, the slogan ``00`` turned 8500亿元 into 85 / 00. The tokenizer therefore
segments with the engine's own dictionary and then joins the tokens that together spell
a domain word, *only where the word starts and ends on a token boundary* of that
segmentation (the general dictionary decides the word boundaries, the domain dictionary
only stops its words from being split). Where a domain word is joined, the text on either
side is segmented on its own, so jieba's HMM cannot glue a character of the domain word to
its neighbour (以学促干 stays whole when it is a domain word).

Because no word is ever added to the engine, a paragraph's tokens depend only on its text,
the engine and HMM switch, and the domain words that occur in it: the cache keys each
file's segmentation on exactly those words (see :mod:`analysis.run.cache`).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from analysis.common.patterns import QUOTES
from analysis.common.text import strip_quotes
from analysis.common.wordlists import load_wordlist, national_slogans

if TYPE_CHECKING:  # segmentation workers import this module: pandas is not loaded there
    import pandas as pd

__all__ = [
    "ENGINES",
    "SEGMENTATION_VERSION",
    "Tokenizer",
    "build_tokenizer",
    "compare_segmentation",
    "domain_dictionary",
]

#: Segmentation engines: jieba's algorithm in Rust (``rjieba``) or in Python (``jieba``).
ENGINES = ("rjieba", "jieba")
#: Bump when the segmentation rules change: part of every cache key.
SEGMENTATION_VERSION = "2"
#: Longest domain word kept (longer glossary terms are sentences, not words).
MAX_WORD_CHARS = 40
_SPACE = re.compile(r"\s")
_QUOTE_SPLIT = re.compile("[" + re.escape(QUOTES) + "]")
#: A word made of digits and separators only (00, 2152, 3.5): numbers are never domain words.
_NUMBER_ONLY = re.compile(r"[\d.,%‰]+")


def _pieces(term: str) -> list[str]:
    """The term without quotes and its quote-separated parts.

    “1+6+1”主导+创新产业体系 -> 1+6+1主导+创新产业体系, 1+6+1, 主导+创新产业体系. A part
    such as 新型产业体系 (from “1234+N”新型产业体系) cannot split 创新型产业体系: words are
    only joined on the general dictionary's token boundaries.
    """
    out = [strip_quotes(term)]
    out.extend(part.strip() for part in _QUOTE_SPLIT.split(term))
    return out


def _keep(word: str) -> bool:
    """Whether a normalised word can be a domain word (length, no space, not a bare number)."""
    return (
        2 <= len(word) <= MAX_WORD_CHARS
        and not any(ch.isspace() for ch in word)
        and _NUMBER_ONLY.fullmatch(word) is None
    )


def domain_dictionary(glossary: pd.DataFrame, slogans: pd.DataFrame) -> list[str]:
    """Collect the words the tokenizer keeps whole.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Glossary entries with ``term`` and ``aliases`` (list of str); ``display_term`` is
        used instead of ``term`` when present (it keeps the quotes that mark the formula).
    slogans : pandas.DataFrame
        The slogan set, with a ``slogan`` column.

    Returns
    -------
    list of str
        Sorted unique words (NFKC): the curated ``domain_terms.txt``, the national formulas,
        each glossary term without quotes and its quote-separated parts, the aliases, and
        the slogans. Words shorter than two
        characters, longer than 40, with white space, or made of digits only are left out.
    """
    words: set[str] = set(load_wordlist("domain_terms.txt")) | set(national_slogans())
    column = "display_term" if "display_term" in glossary.columns else "term"
    for term in glossary[column]:
        if term:
            words.update(_pieces(str(term)))
    if "aliases" in glossary.columns:
        for aliases in glossary["aliases"]:
            words.update(str(a) for a in aliases)
    words.update(str(s) for s in slogans["slogan"])
    normal = {unicodedata.normalize("NFKC", w).strip() for w in words}
    return sorted(w for w in normal if _keep(w))


def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class from its compiled module, without the package's ``__init__``.

    Importing the package builds a module-level default segmenter (about 0.1 s, a whole
    dictionary) that this package never uses; each :class:`Tokenizer` builds its own.
    When the compiled module cannot be found on its own, the package is imported.
    """
    import importlib.machinery
    import importlib.util
    import sys

    name = "rjieba.rjieba"
    module = sys.modules.get(name)
    if module is None:
        package = importlib.util.find_spec("rjieba")
        folders = package.submodule_search_locations if package else None
        loader = (importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES)
        spec = (
            importlib.machinery.FileFinder(folders[0], loader).find_spec(name) if folders else None
        )
        if spec is None or spec.loader is None:  # pragma: no cover - another rjieba layout
            import rjieba

            return rjieba.Jieba
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return module.Jieba


def _engine_segmenter(engine: str) -> Any:
    """A new segmenter with the engine's own dictionary (never a module-level default)."""
    if engine == "rjieba":
        return _rjieba_class()()
    if engine == "jieba":
        import jieba

        seg = jieba.Tokenizer()
        logger = logging.getLogger("jieba")
        level = logger.level
        logger.setLevel(logging.WARNING)  # initialize() logs its timing at DEBUG
        try:
            seg.initialize()
        finally:
            logger.setLevel(level)
        return seg
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


def _automaton(words: Iterable[str]) -> Any:
    """An Aho–Corasick automaton over the domain words (value: the word's length)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    if len(auto):
        auto.make_automaton()
    return auto


class Tokenizer:
    """A segmenter (its own engine instance) with a domain dictionary kept whole.

    Parameters
    ----------
    words : iterable of str
        Domain words (see :func:`domain_dictionary`).
    engine : {"rjieba", "jieba"}
        ``rjieba`` (jieba's algorithm in Rust, about 13x faster) or ``jieba``.
    hmm : bool
        Let the engine's HMM join unknown characters into words (jieba's default).

    Attributes
    ----------
    words : tuple of str
        The domain words, sorted and unique.
    dictionary_hash_ : str
        Hash of the words, engine, HMM switch and segmentation version.
    segmenter_ : object
        The engine's segmenter (``rjieba.Jieba`` or ``jieba.Tokenizer``), built on first use.
    """

    def __init__(
        self, words: Iterable[str] = (), *, engine: str = "rjieba", hmm: bool = True
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
        self.words = tuple(sorted(set(words)))
        self.engine = engine
        self.hmm = hmm
        self.dictionary_hash_ = hashlib.sha256(
            "\n".join((self.settings_key(), *self.words)).encode("utf-8")
        ).hexdigest()[:16]
        self._segmenter: Any = None
        self._automaton: Any = None

    def share_engine(self, other: Tokenizer) -> None:
        """Use ``other``'s engine instance (loaded already) instead of loading one.

        Parameters
        ----------
        other : Tokenizer
            A tokenizer with the same engine and HMM setting (its words do not matter:
            the engine never holds domain words).
        """
        if (other.engine, other.hmm) != (self.engine, self.hmm):
            raise ValueError(f"cannot share a {other.engine!r} engine with {self!r}")
        self._segmenter = other.segmenter_

    def settings_key(self) -> str:
        """Return the settings that change tokens besides the words (engine, HMM, version)."""
        return f"{self.engine}|hmm={self.hmm}|v{SEGMENTATION_VERSION}"

    @property
    def segmenter_(self) -> Any:
        if self._segmenter is None:
            self._segmenter = _engine_segmenter(self.engine)
        return self._segmenter

    def _words_automaton(self) -> Any:
        if self._automaton is None:
            self._automaton = _automaton(self.words)
        return self._automaton

    def _engine_cut(self, text: str, hmm: bool) -> list[str]:
        if self.engine == "rjieba":
            return self.segmenter_.cut(text, hmm)
        return self.segmenter_.lcut(text, HMM=hmm)

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Return ``(start, end)`` of every occurrence of a domain word in ``text``."""
        auto = self._words_automaton()
        if not len(auto):
            return []
        return [(end + 1 - length, end + 1) for end, length in auto.iter(text)]

    def prepare(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """Return the text folded as :meth:`cut` segments it (NFKC) and its domain-word spans.

        The spans give both the words that occur (for a cache key) and the joins, so a
        paragraph is searched once: ``cut(text) == cut_prepared(*prepare(text))``.
        """
        folded = unicodedata.normalize("NFKC", text)
        return folded, self.matches(folded)

    def occurring_words(self, texts: Iterable[str]) -> list[str]:
        """Return the sorted domain words that occur in any of ``texts`` (NFKC-folded)."""
        found: set[str] = set()
        for text in texts:
            folded, spans = self.prepare(text)
            found.update(folded[s:e] for s, e in spans)
        return sorted(found)

    def cut(self, text: str) -> list[str]:
        """Segment one text; full-width input is folded first, white space is dropped.

        Parameters
        ----------
        text : str
            A paragraph.

        Returns
        -------
        list of str
            The tokens, punctuation included.
        """
        return self.cut_prepared(*self.prepare(text))

    def cut_prepared(self, text: str, spans: list[tuple[int, int]]) -> list[str]:
        """Segment a text returned by :meth:`prepare` with its spans (see :meth:`cut`)."""
        tokens = self._engine_cut(text, self.hmm)
        if spans:
            tokens = self._join_words(text, tokens, spans)
        if _SPACE.search(text):
            return [t for t in tokens if t.strip()]
        return tokens

    def _join_words(self, text: str, tokens: list[str], spans: list[tuple[int, int]]) -> list[str]:
        """Join the domain words that start and end on token boundaries.

        When the HMM glued a character of a domain word to its neighbour (the word sits on
        the boundaries of the dictionary-only segmentation but not on the HMM's), the
        paragraph is segmented again: dictionary-only for the boundaries, the text between
        the joined words with the HMM on its own. A word that is one token already (most
        of them: 建设, 改革) needs nothing, so a paragraph whose every word is one token
        keeps its tokens as they are.
        """
        at = _token_index(tokens)
        if all(at.get(e, -1) - at.get(s, -1) == 1 for s, e in spans):
            return tokens  # each word is one token (one token's spans cannot overlap)
        chosen = _aligned(spans, at)
        if self.hmm and _left_out(spans, chosen):
            plain = _aligned(spans, _token_index(self._engine_cut(text, False)))
            if _covered(plain) > _covered(chosen):
                return self._cut_between(text, plain)
        return _merge(tokens, chosen, at, text)

    def _cut_between(self, text: str, chosen: list[tuple[int, int]]) -> list[str]:
        """Domain words as tokens, the text between them segmented on its own."""
        out: list[str] = []
        pos = 0
        for start, end in chosen:
            if start > pos:
                out.extend(self._engine_cut(text[pos:start], self.hmm))
            out.append(text[start:end])
            pos = end
        if pos < len(text):
            out.extend(self._engine_cut(text[pos:], self.hmm))
        return out

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_segmenter"] = state["_automaton"] = None  # rebuilt on first use
        return state

    def __repr__(self) -> str:
        return f"Tokenizer({len(self.words)} domain words, engine={self.engine!r}, hmm={self.hmm})"


def _token_index(tokens: list[str]) -> dict[int, int]:
    """Token boundary (character offset) -> index of the first token starting there (the
    text's end -> the number of tokens)."""
    starts = list(accumulate(map(len, tokens), initial=0))
    return dict(zip(reversed(starts), range(len(starts) - 1, -1, -1), strict=True))


def _covered(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _left_out(spans: list[tuple[int, int]], chosen: list[tuple[int, int]]) -> bool:
    """Whether a domain word overlaps none of the joined ones (it was not joined at all).

    ``chosen`` does not overlap itself and is in order, so the one joined word a span can
    overlap first is the last that starts before the span ends.
    """
    if not chosen:
        return bool(spans)
    joined = set(chosen)
    starts = [s for s, _ in chosen]
    for s, e in spans:
        if (s, e) in joined:
            continue
        i = bisect_left(starts, e) - 1  # the last joined word starting before e
        if i < 0 or chosen[i][1] <= s:
            return True
    return False


def _merge(
    tokens: list[str], chosen: list[tuple[int, int]], offsets: dict[int, int], text: str
) -> list[str]:
    """Replace the tokens inside each chosen (aligned) span by the span's text."""
    out: list[str] = []
    prev = 0
    for start, end in chosen:
        out.extend(tokens[prev : offsets[start]])
        out.append(text[start:end])
        prev = offsets[end]
    out.extend(tokens[prev:])
    return out


def _aligned(spans: list[tuple[int, int]], bounds: dict[int, int]) -> list[tuple[int, int]]:
    """Longest, leftmost non-overlapping spans whose both ends are token boundaries."""
    fitting = sorted(
        ((s, e) for s, e in spans if s in bounds and e in bounds), key=lambda se: (se[0], -se[1])
    )
    chosen: list[tuple[int, int]] = []
    last = 0
    for start, end in fitting:
        if start >= last:
            chosen.append((start, end))
            last = end
    return chosen


def build_tokenizer(words: Iterable[str], *, engine: str = "rjieba", hmm: bool = True) -> Tokenizer:
    """Build the tokenizer that keeps ``words`` whole.

    Parameters
    ----------
    words : iterable of str
        Domain words, usually :func:`domain_dictionary` (``[]`` for the engine's dictionary
        alone).
    engine : {"rjieba", "jieba"}
        Segmentation engine; ``rjieba`` by default (same tokens as jieba on 99.9% of
        tokens, about 13x faster).
    hmm : bool
        Let the engine's HMM join unknown characters into words.

    Returns
    -------
    Tokenizer
        A new tokenizer; its engine's dictionary is loaded on first use.
    """
    return Tokenizer(words, engine=engine, hmm=hmm)


def compare_segmentation(texts: Sequence[str], tokenizer: Tokenizer) -> pd.DataFrame:
    """Segment texts with plain jieba (its own dictionary) and with ``tokenizer``, side by side.

    Parameters
    ----------
    texts : sequence of str
        Sentences to compare.
    tokenizer : Tokenizer
        Our domain tokenizer.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``plain jieba`` and ``ours`` (tokens joined by `` / ``).
    """
    import pandas as pd

    plain = Tokenizer((), engine="jieba", hmm=tokenizer.hmm)
    return pd.DataFrame(
        {
            "text": list(texts),
            "plain jieba": [" / ".join(plain.cut(t)) for t in texts],
            "ours": [" / ".join(tokenizer.cut(t)) for t in texts],
        }
    )
