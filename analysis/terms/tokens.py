"""Tokens: cutting paragraphs with a tokenizer, and filtering tokens by the stopword tiers.

The :class:`Tokenizer` lives in :mod:`analysis.terms.dictionary` (it is built from the domain
dictionary) and is re-exported here. Running the segmentation over a corpus (workers, cache)
is :mod:`analysis.run.segment`'s job: nothing here builds a tokenizer behind the caller's
back, and no segmenter is kept at module level.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from analysis.common.patterns import CN_NUMERALS, CN_ZERO, HAN
from analysis.common.wordlists import STOPWORD_TIERS, stopwords
from analysis.terms.dictionary import Tokenizer, build_tokenizer, compare_segmentation

if TYPE_CHECKING:  # segmentation workers import this module: pandas is loaded where used
    import pandas as pd

__all__ = [
    "DATE_RULES",
    "TOKEN_COLUMNS",
    "Tokenizer",
    "bound_fragments",
    "build_tokenizer",
    "compare_segmentation",
    "cut_paragraphs",
    "drop_mask",
    "filter_tokens",
    "glued_adverbs",
    "is_date_token",
    "is_number_token",
]

TOKEN_COLUMNS = ["doc_id", "para_id", "section", "tokens"]
_PUNCT_ONLY = re.compile(r"^[^\w]+$|^_+$")
_CN = f"{CN_NUMERALS}{CN_ZERO}百千万亿两"
_NUMBER = re.compile(
    r"^(?:[-+]?\d+(?:[.,]\d+)*(?:%|‰)?|\d+(?:\.\d+)?[多余]?(?:亿|万|千|百)?(?:元|美元|个|家|项|人|户|"
    r"所|条|场|次|年|月|日|天|倍|吨|米|平方米|公里|千瓦|亩|辆|套|处|座|名|台|件|批|期|届|岁|强)?"
    f"|[{_CN}]+|第[{CN_NUMERALS}\\d]+"
    r"|[亿万千百]?(?:元|美元|人次|平方米|平方公里|公里|千瓦|亩|吨|标箱|户|人|个百分点|百分点))$"
)
_PLAN = re.compile(f"十[{CN_NUMERALS[:9]}]五")
_TIME_UNIT = "年|月|日|号|天|周|季度|世纪|年代|周年|年度|小时"
#: Tokens that are a date, a span of time or a piece of a range: one named rule each.
DATE_RULES = {
    # 一九五四年, 2025年度, 二十八年, 九十年代, 三个月, 五年来
    "time_span": re.compile(
        f"^[{_CN}\\d]+(?:多|余)?个?(?:{_TIME_UNIT})(?:初|底|末|中|来|间|以来|之内)?$"
    ),
    # 2025-04-11, 2025.3.1, 2025/04
    "date": re.compile(r"^\d{1,4}(?:[-./]\d{1,2}){1,2}$"),
    # 1-11 (of 1-11月), 3-5, 10~15%, 3至5年
    "range": re.compile(
        f"^\\d+(?:\\.\\d+)?(?:[-~～—–至到]\\d+(?:\\.\\d+)?)+(?:%|‰|{_TIME_UNIT}|个月)?$"
    ),
    # 第六个 (五年计划), 第三季度, 第十三次
    "ordinal": re.compile(f"^第[{_CN}\\d]+(?:个|次|季度|年)?$"),
    # 上一年, 本年, 下世纪初, 近年来: a time named from the report's own
    "relative_time": re.compile(
        f"^[上下本今明去前次当同近每历][{CN_NUMERALS[0]}]?(?:年|月|季度|世纪)"
        "(?:初|底|末|中|内|来|以来|同期)?$"
    ),
    # 百分之四点 (五): a percentage cut before its digits
    "percent_piece": re.compile(f"^百分之[{_CN}点]+$"),
}


def is_number_token(token: str) -> bool:
    """Tell whether a token is a bare number, percentage, amount or numeral.

    Digit formulas such as ``1+6+N`` and ``12+N`` and the plan names (十四五) are not numbers.

    Parameters
    ----------
    token : str
        One token.

    Returns
    -------
    bool
        True for 2023, 5.9%, 376亿元, 100万平方米, 三, 第二.
    """
    if "+" in token or _PLAN.fullmatch(token):
        return False
    return bool(_NUMBER.match(token))


def is_date_token(token: str) -> bool:
    """Tell whether a token is a date, a span of time or a piece of a range (:data:`DATE_RULES`).

    Parameters
    ----------
    token : str
        One token.

    Returns
    -------
    bool
        True for 一九五四年, 2025年, 二十八年, 九十年代, 2025-04-11, 1-11, 第六个, 百分之四点.
    """
    return any(rule.match(token) for rule in DATE_RULES.values())


# --------------------------------------------------------------------------- segmentation


def cut_paragraphs(
    tokenizer: Tokenizer, prepared: Sequence[tuple[str, list[tuple[int, int]]]]
) -> list[list[str]]:
    """Segment prepared paragraphs.

    Parameters
    ----------
    tokenizer : Tokenizer
        The tokenizer.
    prepared : sequence of (str, list of (int, int))
        :meth:`Tokenizer.prepare` of each paragraph.

    Returns
    -------
    list of list of str
        Each paragraph's tokens (a token never holds white space).
    """
    return [tokenizer.cut_prepared(t, spans) for t, spans in prepared]


# --------------------------------------------------------------------------- fragments

#: Degree adverbs that jieba's HMM glues to the next character (更足, 更实): a two-character
#: token that starts with one and is not a word of jieba's dictionary is no term.
DEGREE_ADVERBS = "更最较越很太愈"
#: Units a date ends with: a token that starts with one right after a number is its tail.
DATE_TAIL_UNITS = "年月日"


def _neighbour_bound(codes: np.ndarray, side: np.ndarray, ok: np.ndarray, n: int) -> np.ndarray:
    """Per token code: True when every use has the same ``ok`` neighbour on this side
    (every use has one, and the least and the greatest neighbour code are one)."""
    valid = side >= 0
    valid[valid] = ok[side[valid]]
    uses = np.bincount(codes, minlength=n)
    every = np.bincount(codes[valid], minlength=n) == uses
    low = np.full(n, n, dtype=np.int64)
    high = np.full(n, -1, dtype=np.int64)
    np.minimum.at(low, codes, side)
    np.maximum.at(high, codes, side)
    return every & (low == high)


def bound_fragments(
    lists: Sequence[Sequence[str]], *, loose: Iterable[str] = (), numbers: Iterable[str] = ()
) -> frozenset[str]:
    """Tokens that are the piece of one longer word: every use beside the same character.

    A token of two or more Chinese characters, used at least twice, every use of which has
    the same one-character Chinese token on its left or on its right (往前|赶, 中积|厚,
    占|比达), is a word the segmenter cut in two: it is not a term of its own. A neighbour in
    ``loose`` (function words: 的, 在) binds nothing. A token that starts with a unit of
    :data:`DATE_TAIL_UNITS` and always follows a token of ``numbers`` is the tail of a date
    (1955|年本|年收入).

    Parameters
    ----------
    lists : sequence of sequence of str
        Each paragraph's tokens, unfiltered (punctuation included).
    loose : iterable of str
        One-character words that do not bind their neighbours.
    numbers : iterable of str
        The tokens that are numbers (:func:`is_number_token`).

    Returns
    -------
    frozenset of str
        The bound tokens.
    """
    import pandas as pd

    flat = [t for toks in lists for t in toks]
    if not flat:
        return frozenset()
    codes, uniques = pd.factorize(pd.Series(flat, dtype=object))
    words = [str(u) for u in uniques]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    bound = _bound_codes(codes, words, lengths, loose=set(loose), numbers=set(numbers))
    return frozenset(w for w, b in zip(words, bound, strict=True) if b)


def _bound_codes(
    codes: np.ndarray, words: list[str], lengths: np.ndarray, *, loose: set[str], numbers: set[str]
) -> np.ndarray:
    """:func:`bound_fragments` on the tokens as codes into ``words`` (paragraph lengths
    ``lengths``): True per word that is bound."""
    n = len(words)
    starts = np.zeros(len(codes), dtype=bool)
    starts[np.cumsum(lengths)[:-1][lengths[1:] > 0] if len(lengths) else []] = True
    if len(codes):
        starts[0] = True
    left = np.where(starts, -1, np.roll(codes, 1))
    ends = np.roll(starts, -1)
    ends[-1] = True
    right = np.where(ends, -1, np.roll(codes, -1))
    single = np.array([len(w) == 1 and w not in loose and HAN.match(w) is not None for w in words])
    long = np.array([len(w) >= 2 and all(HAN.match(c) for c in w) for w in words])
    long &= np.bincount(codes, minlength=n) >= 2
    bound = _neighbour_bound(codes, left, single, n) | _neighbour_bound(codes, right, single, n)
    bound &= long
    tails = np.array([len(w) >= 2 and w[0] in DATE_TAIL_UNITS for w in words])
    number = np.array([w in numbers for w in words])
    return bound | (tails & _always_after(codes, left, number, n))


def _always_after(codes: np.ndarray, left: np.ndarray, ok: np.ndarray, n: int) -> np.ndarray:
    """Per token code: True when every use follows an ``ok`` token."""
    valid = left >= 0
    valid[valid] = ok[left[valid]]
    return np.bincount(codes[valid], minlength=n) == np.bincount(codes, minlength=n)


def _jieba_words(length: int) -> frozenset[str]:
    """The words of ``length`` characters in jieba's dictionary file (read, not loaded)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return frozenset()
    path = Path(spec.origin).parent / "dict.txt"
    with open(path, encoding="utf-8") as fh:
        return frozenset(ln[:length] for ln in fh if ln[length : length + 1] == " ")


def glued_adverbs(tokens: Iterable[str]) -> frozenset[str]:
    """Two-character tokens of a degree adverb and one character that jieba's dictionary lacks.

    Parameters
    ----------
    tokens : iterable of str
        Distinct tokens.

    Returns
    -------
    frozenset of str
        更足, 更实 (not 更新, 最终: dictionary words).
    """
    found = {t for t in tokens if len(t) == 2 and t[0] in DEGREE_ADVERBS and HAN.match(t[1])}
    return frozenset(found - _jieba_words(2)) if found else frozenset()


# --------------------------------------------------------------------------- stopword tiers


def drop_mask(
    words: list[str],
    codes: np.ndarray,
    lengths: np.ndarray,
    *,
    function_words: bool = True,
    report_phrases: bool = True,
    numbers: bool = True,
    fragments: bool = True,
    policy_verbs: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> np.ndarray:
    """Which distinct tokens :func:`filter_tokens` drops, given the tokens as codes.

    Parameters
    ----------
    words : list of str
        The distinct tokens.
    codes : numpy.ndarray
        Every token of every paragraph in order, as its index in ``words``.
    lengths : numpy.ndarray
        Tokens per paragraph (the fragments rule looks at neighbours within a paragraph).
    function_words, report_phrases, numbers, fragments, policy_verbs, extra_stopwords
        As in :func:`filter_tokens`.

    Returns
    -------
    numpy.ndarray
        bool, one per word: True when it is dropped.
    """
    switches = {
        "function_words": function_words,
        "report_phrases": report_phrases,
        "policy_verbs": policy_verbs,
    }
    stop = set(extra_stopwords) | stopwords(*(t for t in STOPWORD_TIERS if switches.get(t)))
    drop = np.array(
        [
            t in stop
            or _PUNCT_ONLY.match(t) is not None
            or (numbers and (is_number_token(t) or is_date_token(t)))
            or (len(t) == 1 and HAN.search(t) is None)
            for t in words
        ],
        dtype=bool,
    )
    if fragments and len(words):
        loose = {w for w in stopwords("function_words") if len(w) == 1}
        numbers_seen = {t for t in words if is_number_token(t)}
        drop |= _bound_codes(codes, words, lengths, loose=loose, numbers=numbers_seen)
        glued = glued_adverbs(w for w, d in zip(words, drop.tolist(), strict=True) if not d)
        drop |= np.array([w in glued for w in words], dtype=bool)
    return drop


def filter_tokens(
    tokens: pd.DataFrame,
    *,
    function_words: bool = True,
    report_phrases: bool = True,
    numbers: bool = True,
    fragments: bool = True,
    policy_verbs: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Drop stopword tiers from segmented tokens, for keyword and topic views.

    Punctuation and single non-Chinese characters are always dropped. Each tier is a
    resource file (:data:`analysis.common.wordlists.STOPWORD_TIERS`) and a switch.

    Parameters
    ----------
    tokens : pandas.DataFrame
        The output of :func:`tokenize`.
    function_words : bool
        Drop function words (的, 和, 在, ...).
    report_phrases : bool
        Drop report boilerplate (各位代表, 我们, 进一步, ...).
    numbers : bool
        Drop bare numbers, percentages, amounts and numerals (digit formulas such as 1+6+N
        stay), and dates, spans of time and range pieces (:func:`is_date_token`).
    fragments : bool
        Drop the pieces of a longer word (:func:`bound_fragments`: 往前 of 往前赶, 中积 of
        中积厚) and degree adverbs glued to a character (:func:`glued_adverbs`: 更足).
    policy_verbs : bool
        Drop policy verbs (推进, 加强, 坚持, ...); kept by default.
    extra_stopwords : iterable of str
        More words to drop.

    Returns
    -------
    pandas.DataFrame
        A new frame with the same columns (``doc_id``, ``para_id``, ``section``,
        ``tokens``) and filtered ``tokens``.
    """
    lists = tokens["tokens"].tolist()
    switches = {
        "function_words": function_words,
        "report_phrases": report_phrases,
        "numbers": numbers,
        "fragments": fragments,
        "policy_verbs": policy_verbs,
    }
    drop = _dropped(lists, extra_stopwords=extra_stopwords, **switches)
    out = tokens.copy()
    out["tokens"] = [[t for t in toks if t not in drop] for toks in lists]
    return out


def _dropped(lists: list[list[str]], **switches: Any) -> set[str]:
    """The distinct tokens of ``lists`` that :func:`drop_mask` drops."""
    import pandas as pd

    flat = [t for toks in lists for t in toks]
    codes, uniques = pd.factorize(pd.Series(flat, dtype=object))
    words = [str(u) for u in uniques]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    mask = drop_mask(words, codes, lengths, **switches)
    return {w for w, d in zip(words, mask.tolist(), strict=True) if d}
