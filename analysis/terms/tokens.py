"""Tokens: cutting paragraphs with a tokenizer, and filtering tokens by the stopword tiers.

The :class:`Tokenizer` lives in :mod:`analysis.terms.dictionary` (it is built from the domain
dictionary) and is re-exported here. Running the segmentation over a corpus (workers, cache)
is :mod:`analysis.run.segment`'s job: nothing here builds a tokenizer behind the caller's
back, and no segmenter is kept at module level.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from analysis.common.patterns import CN_NUMERALS, CN_ZERO, HAN
from analysis.common.wordlists import STOPWORD_TIERS, stopwords
from analysis.terms.dictionary import Tokenizer, build_tokenizer, compare_segmentation

if TYPE_CHECKING:  # segmentation workers import this module: pandas is loaded where used
    import pandas as pd

__all__ = [
    "TOKEN_COLUMNS",
    "Tokenizer",
    "build_tokenizer",
    "compare_segmentation",
    "cut_paragraphs",
    "filter_tokens",
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


# --------------------------------------------------------------------------- stopword tiers


def filter_tokens(
    tokens: pd.DataFrame,
    *,
    function_words: bool = True,
    report_phrases: bool = True,
    numbers: bool = True,
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
        stay).
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
    switches = {
        "function_words": function_words,
        "report_phrases": report_phrases,
        "policy_verbs": policy_verbs,
    }
    stop = set(extra_stopwords) | stopwords(*(t for t in STOPWORD_TIERS if switches.get(t)))
    lists = tokens["tokens"].tolist()
    # decide once per distinct token, then filter with set look-ups (no call per token)
    drop = {
        t
        for t in set().union(*lists)
        if t in stop
        or _PUNCT_ONLY.match(t) is not None
        or (numbers and is_number_token(t))
        or (len(t) == 1 and HAN.search(t) is None)
    }
    out = tokens.copy()
    out["tokens"] = [[t for t in toks if t not in drop] for toks in lists]
    return out
