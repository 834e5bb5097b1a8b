"""Small text helpers shared by the glossary, slogans and tokens modules."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["QUOTES", "match_key", "quoted_spans", "sentences", "strip_quotes"]

QUOTES = "“”‘’\"'「」『』"
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}
_SENT_END = re.compile(r"(?<=[。!?;])")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")


def strip_quotes(text: str) -> str:
    """Remove quotation marks (“”‘’"'「」『』) from a term.

    Parameters
    ----------
    text : str
        A term as written, e.g. ``“1+6+N”产业载体支撑体系``.

    Returns
    -------
    str
        The term without quotes, e.g. ``1+6+N产业载体支撑体系``.
    """
    return "".join(ch for ch in text if ch not in QUOTES).strip()


def match_key(text: str) -> str:
    """Return the key used to match terms: NFKC, no quotes, no white space, lower case.

    Traditional characters are converted to simplified ones.

    Parameters
    ----------
    text : str
        A term in any form (full-width, quoted, traditional, spaced).

    Returns
    -------
    str
        The matching key.
    """
    from analysis.corpus import to_simplified

    text = unicodedata.normalize("NFKC", text)
    text = _FOOTNOTE.sub("", text)
    text = "".join(ch for ch in text if ch not in QUOTES and ch not in "《》" and not ch.isspace())
    return to_simplified(text).casefold() if text else text


def quoted_spans(text: str, *, max_len: int = 30) -> list[tuple[int, int, str]]:
    """Find quoted phrases: “…”, ‘…’, 「…」, 『…』 and ASCII "…" on one line.

    Parameters
    ----------
    text : str
        Normalised text.
    max_len : int
        Longest phrase kept.

    Returns
    -------
    list of (int, int, str)
        Start and end offsets of the inner phrase, and the phrase itself.
    """
    out = []
    for open_q, close_q in _QUOTE_PAIRS.items():
        body = r"([^" + re.escape(close_q) + r"\n]{1," + str(max_len) + "})"
        pattern = re.compile(re.escape(open_q) + body + re.escape(close_q))
        for m in pattern.finditer(text):
            out.append((m.start(1), m.end(1), m.group(1)))
    out.sort()
    return out


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences after 。!?;.

    Parameters
    ----------
    text : str
        One paragraph.

    Returns
    -------
    list of str
        Non-empty stripped sentences.
    """
    return [s.strip() for s in _SENT_END.split(text) if s.strip()]
