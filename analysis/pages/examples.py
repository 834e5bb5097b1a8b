"""Examples drawn from the corpus being reported, never from a fixed list: the sentences a page
shows to illustrate segmentation, and the queries it shows the glossary answering."""

from __future__ import annotations

import re

import pandas as pd

from analysis.common.patterns import SENTENCE_END

__all__ = ["example_queries", "example_sentences"]

#: Kinds of slogan whose segmentation is worth showing (formulas are cut by plain jieba).
_SHOWN_KINDS = ("digit", "plus", "numeral", "abbreviation")
#: Longest example sentence (characters); a longer one is cut around the slogan.
_MAX_CHARS = 60


def _sentence_with(text: str, slogan: str) -> str:
    """The sentence of ``text`` holding ``slogan``, cut to about :data:`_MAX_CHARS`."""
    pieces = re.split(f"(?<=[{SENTENCE_END};;])", text)
    sentence = next((p for p in pieces if slogan in p), text).strip()
    if len(sentence) <= _MAX_CHARS:
        return sentence
    at = sentence.index(slogan)
    start = max(0, min(at - _MAX_CHARS // 3, len(sentence) - _MAX_CHARS))
    return sentence[start : start + _MAX_CHARS]


def example_sentences(paragraphs: pd.DataFrame, slogans: pd.DataFrame, *, n: int = 6) -> list[str]:
    """Sentences of the corpus that use its most widespread formulas, one per formula.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        :func:`analysis.split_paragraphs` (``doc_id``, ``section``, ``text``).
    slogans : pandas.DataFrame
        :func:`analysis.find_slogans` (``doc_id``, ``slogan``, ``kind``).
    n : int
        How many.

    Returns
    -------
    list of str
        Up to ``n`` sentences, formulas in most reports first (ties: the longer, then by text).
    """
    shown = slogans[slogans["kind"].isin(_SHOWN_KINDS)]
    spread = shown.groupby("slogan")["doc_id"].nunique().rename("n").reset_index()
    spread["length"] = spread["slogan"].str.len()
    spread = spread.sort_values(["n", "length", "slogan"], ascending=[False, False, True])
    body = paragraphs.loc[paragraphs["section"] == "body", "text"].tolist()
    out: list[str] = []
    for slogan in spread["slogan"]:
        text = next((t for t in body if slogan in t), None)
        if text is not None:
            out.append(_sentence_with(text, slogan))
        if len(out) == n:
            break
    return out


def example_queries(entries: pd.DataFrame) -> list[str]:
    """Queries that show what the glossary lookup accepts, made from its own first entry: the
    term, the term in full-width quotes, and a phrase of its definition.

    Parameters
    ----------
    entries : pandas.DataFrame
        Glossary entries (``term``, ``definition``).

    Returns
    -------
    list of str
        Empty for an empty glossary.
    """
    if entries.empty:
        return []
    first = entries.iloc[0]
    term, definition = str(first["term"]), str(first["definition"])
    phrase = re.split(f"[{SENTENCE_END},,、::]", definition)[0][:8]
    return [q for q in dict.fromkeys([term, f"“{term}”", phrase]) if q]
