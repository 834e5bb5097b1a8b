"""Matching many slogans at once: one Aho–Corasick automaton, number boundaries, longest first.

The automaton is built once per call over every slogan of a run. Each hit is checked
against the number-boundary rules (1+N is not inside 2+2+1+N, 135 is not 135亿元, 三公 is
not 三公里), then overlapping hits are resolved leftmost-longest: 五做 inside 五做五抓
counts for 五做五抓 only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

import ahocorasick

from analysis.common.patterns import QUOTE_PAIRS, SLOGAN_NUMERALS, UNITS

__all__ = ["Hit", "build_automaton", "digit_context", "find_hits", "in_boundaries"]

_DIGITISH = re.compile(r"[\dA-Za-z.+:/-]")
_AFTER_DIGIT = re.compile(r"[\dA-Za-z.%+:/-]|[" + UNITS + "]")
#: After a numeral formula these make it a number or an amount: 三公里, 五个一百, 十五届.
_AFTER_NUMERAL = "里年月日天个项次倍元%届" + SLOGAN_NUMERALS
#: After a formula written in numerals only (“十五”计划) these make it a congress: 十五大,
#: 十五中全会.
_AFTER_NUMBER_ONLY = "大中"
#: Before a numeral formula these make it part of a number or an ordinal: 第三公, 二十四五.
_BEFORE_NUMERAL = "第" + SLOGAN_NUMERALS


class Hit(NamedTuple):
    """One use of a slogan in a text."""

    start: int
    end: int
    slogan: str


def build_automaton(slogans: Iterable[str]) -> ahocorasick.Automaton:
    """Build one Aho–Corasick automaton over ``slogans`` (value: the slogan itself).

    Parameters
    ----------
    slogans : iterable of str
        Slogans as written in the (simplified, NFKC) text.

    Returns
    -------
    ahocorasick.Automaton
        Ready for :func:`find_hits`; empty slogans are skipped.
    """
    automaton = ahocorasick.Automaton()
    for s in set(slogans):
        if s:
            automaton.add_word(s, s)
    if len(automaton):
        automaton.make_automaton()
    return automaton


def in_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone as a number-bearing slogan.

    A slogan starting or ending in a digit or letter may not touch another digit, letter,
    ``.``, ``+``, ``:``, ``/`` or ``-`` (nor, after it, ``%`` or a unit); one starting with a
    Chinese numeral may not follow 第 or another numeral, nor run into a unit (三公里, 十五届);
    one written in numerals only is not a congress (十五大).
    """
    s = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if _DIGITISH.match(s[0]) and before and _DIGITISH.match(before):
        return False
    if _DIGITISH.match(s[-1]) and after and _AFTER_DIGIT.match(after):
        return False
    if s[0] in SLOGAN_NUMERALS and before and before in _BEFORE_NUMERAL:
        return False
    if after and after in _AFTER_NUMBER_ONLY and all(ch in SLOGAN_NUMERALS for ch in s):
        return False
    return not (s[0] in SLOGAN_NUMERALS and after and after in _AFTER_NUMERAL)


def digit_context(text: str, start: int, end: int, heads: frozenset[str]) -> bool:
    """Whether a bare digit code (141, 135) is used as a formula here.

    Parameters
    ----------
    text : str
        The paragraph.
    start, end : int
        The code's offsets.
    heads : frozenset of str
        Two-character head nouns seen after the code where it was found (基层 in
        “141”基层治理体系).

    Returns
    -------
    bool
        True when the code is quoted, or followed (after an optional closing quote) by one
        of ``heads``: 141公里, 18.1% and 07:00:44 are not the formula 141, 18 or 00.
    """
    closes = "".join(QUOTE_PAIRS.values())
    after = text[end : end + 1]
    if start and text[start - 1] in QUOTE_PAIRS and after and after in closes:
        return True
    rest = text[end + 1 : end + 3] if after and after in closes else text[end : end + 2]
    return rest in heads


def find_hits(
    text: str,
    automaton: ahocorasick.Automaton,
    accept: Callable[[str, int, int], bool],
) -> list[Hit]:
    """All uses of the automaton's slogans in ``text``, leftmost-longest, non-overlapping.

    Parameters
    ----------
    text : str
        One paragraph.
    automaton : ahocorasick.Automaton
        From :func:`build_automaton`.
    accept : callable
        ``accept(slogan, start, end)`` -> bool: whether this slogan counts at this place
        (whether it is active in this report, its boundaries, its formula context).

    Returns
    -------
    list of Hit
        In text order.
    """
    if not len(automaton):
        return []
    hits = []
    for last, slogan in automaton.iter(text):
        start = last - len(slogan) + 1
        if in_boundaries(text, start, last + 1) and accept(slogan, start, last + 1):
            hits.append(Hit(start, last + 1, slogan))
    hits.sort(key=lambda h: (h.start, h.start - h.end))
    out: list[Hit] = []
    for hit in hits:
        if not out or hit.start >= out[-1].end:
            out.append(hit)
    return out
