"""Words joined by + without quotes: 党建+网格+大数据, 互联网+政务服务, 5G+工业互联网, AI+制造.

The first and the last word are cut at word boundaries of the general dictionary; a + inside
quotes, after a closing quote or in a sum written out (投资=项目投资+农户投资) is not one.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from analysis.common.patterns import SENTENCE_END
from analysis.common.text import quoted_spans
from analysis.terms.slogans.words import Found, GeneralWords, segment

__all__ = ["find_plus_formulas"]

_NOUN_TAGS = ("n", "j", "b")


def _noun(word: str, general: GeneralWords) -> bool:
    """A noun proper (tags n, nz, j, b), not a verbal noun."""
    return general.get(word, (0, ""))[1].startswith(_NOUN_TAGS)


#: A technology code that may open a +-joined formula (5G+工业互联网, AI+): a digit or
#: capital with at least one capital.
_CODE = r"(?=[0-9A-Z]{0,3}[A-Z])[0-9A-Z]{2,4}"
#: The +-joined words after a first word (+网格+大数据), and that first word ending at the +.
_PLUS_TAIL = re.compile(r"(?:\+[\u4e00-\u9fff]{2,8})+")
_PLUS_HEAD = re.compile(r"(?:[\u4e00-\u9fff]{2,8}|(?<![0-9A-Za-z.])" + _CODE + ")$")


def _last_word(run: str, general: GeneralWords) -> str:
    """The word a run of characters starts with: two nouns of the dictionary (工业|互联网),
    else the longest run (up to 4) after which the run ends or another word begins
    (大数据|治理), else the longest dictionary word."""
    words = segment(run[:6], general)
    pair = "".join(words[:2])
    if len(words) >= 2 and all(len(w) > 1 and _noun(w, general) for w in words[:2]):
        return pair  # two nouns: 工业|互联网 (融合应用)
    for n in range(min(4, len(run)), 1, -1):
        if n == len(run) or run[n : n + 2] in general:
            return run[:n]
    return next((run[:n] for n in range(min(6, len(run)), 1, -1) if run[:n] in general), "")


def find_plus_formulas(text: str, general: GeneralWords) -> list[Found]:
    """Words joined by + without quotes: 党建+网格+大数据 (the first and last words cut
    at a dictionary word boundary).

    Parameters
    ----------
    text : str
        One paragraph.
    general : mapping
        jieba's general dictionary.

    Returns
    -------
    list of Found
        Kind and source ``plus``.
    """
    if "+" not in text:
        return []
    out = []
    spans = quoted_spans(text, max_len=30)
    starts = [a for a, _b, _p in spans]
    reach = list(accumulate((b for _a, b, _p in spans), max))  # furthest end so far
    for left_start, plus, left, joined in _plus_runs(text):
        i = bisect.bisect_right(starts, plus) - 1
        if i >= 0 and reach[i] > plus:  # inside a quoted span (one starts before, ends after)
            continue
        first = left if re.fullmatch(_CODE, left) else next(
            (left[-n:] for n in range(min(6, len(left)), 1, -1) if left[-n:] in general), ""
        )  # fmt: skip
        *middle, tail = joined[1:].split("+")
        last = _last_word(tail, general)
        before = text[max(0, plus - len(first) - 1) : plus - len(first)]
        after_quote = bool(before) and before in '”"」』'
        if not first or (not last and len(tail) > 4) or after_quote or _in_equation(text, plus):
            continue
        phrase = "+".join([first, *middle, last or tail])
        start = left_start + len(left) - len(first)
        out.append(Found(start, start + len(phrase), phrase, "plus", "plus", False))
    return out


def _in_equation(text: str, plus: int) -> bool:
    """A + in a sum written out (投资=项目投资+农户投资): an = earlier in the clause."""
    clause = re.split(f"[{SENTENCE_END},:\n]", text[max(0, plus - 60) : plus])[-1]
    return "=" in clause


def _plus_runs(text: str) -> list[tuple[int, int, str, str]]:
    """Each 词+词(+词…) run: (start of the first word, position of the first +, the first
    word (2–8 characters ending at the +), the joined rest starting with +)."""
    runs = []
    i = text.find("+")
    while i != -1:
        tail = _PLUS_TAIL.match(text, i)
        head = _PLUS_HEAD.search(text, max(0, i - 8), i) if tail else None
        if tail and head:
            runs.append((head.start(), i, head.group(0), tail.group(0)))
            i = text.find("+", tail.end())
        else:
            i = text.find("+", i + 1)
    return runs
