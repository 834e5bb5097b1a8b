"""Small text helpers shared by the glossary, slogans and tokens modules."""

from __future__ import annotations

import re
import unicodedata

from analysis.common.patterns import PARAGRAPH_MAX_CHARS, QUOTE_PAIRS, QUOTES, SENTENCE_END

__all__ = [
    "QUOTES",
    "bounded_pieces",
    "match_key",
    "quoted_spans",
    "sentences",
    "strip_quotes",
    "t2s_converter",
    "to_simplified",
]

_SENT_SPLIT = re.compile(f"(?<=[{SENTENCE_END}])")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
#: Deleted by :func:`strip_quotes` (the quotes) and :func:`match_key` (quotes and 《》).
_NO_QUOTES = str.maketrans("", "", QUOTES)
_NO_MARKS = str.maketrans("", "", QUOTES + "《》")
#: White space as ``str.isspace`` has it (``\s`` of a str pattern is the same class).
_SPACES = re.compile(r"\s+")
#: Quoted phrase of up to ``max_len`` characters on one line, per quote pair (max_len, pattern).
_QUOTED = tuple(
    (
        open_q,
        re.compile(re.escape(open_q) + r"([^" + re.escape(close_q) + r"\n]+)" + re.escape(close_q)),
    )
    for open_q, close_q in QUOTE_PAIRS.items()
)


def t2s_converter():
    """Return a new OpenCC traditional-to-simplified converter (``t2s``).

    Building one takes well under a millisecond; callers that convert many strings keep
    theirs (no converter is cached at module level).

    Returns
    -------
    opencc.OpenCC
        A converter with a ``convert(str) -> str`` method.
    """
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str, *, converter=None) -> str:
    """Convert traditional characters to simplified ones with OpenCC (``t2s``).

    Parameters
    ----------
    text : str
        Text in traditional (or mixed) characters.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse when converting many strings.

    Returns
    -------
    str
        The simplified text; line breaks are preserved.
    """
    if not text or text.isascii():
        return text
    return (converter or t2s_converter()).convert(text)


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
    return text.translate(_NO_QUOTES).strip()


def match_key(text: str, *, converter=None) -> str:
    """Return the key used to match terms: NFKC, no quotes, no white space, lower case.

    Traditional characters are converted to simplified ones.

    Parameters
    ----------
    text : str
        A term in any form (full-width, quoted, traditional, spaced).
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse when keying many terms (see :func:`t2s_converter`).

    Returns
    -------
    str
        The matching key.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _FOOTNOTE.sub("", text)
    text = _SPACES.sub("", text.translate(_NO_MARKS))
    if not text.isascii():
        text = (converter or t2s_converter()).convert(text)
    return text.casefold()


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
    out = [
        (m.start(1), m.end(1), m.group(1))
        for open_q, pattern in _QUOTED
        if open_q in text
        for m in pattern.finditer(text)
        if m.end(1) - m.start(1) <= max_len
    ]
    out.sort()
    return out


def bounded_pieces(text: str, limit: int = PARAGRAPH_MAX_CHARS) -> list[str]:
    """Cut a text into consecutive pieces of at most ``limit`` characters.

    Each piece ends at the last sentence end (。!?;) that keeps it within ``limit``; a
    stretch of more than ``limit`` characters without one is cut every ``limit``
    characters. A text within the limit is one piece. The work is linear in the text.

    Parameters
    ----------
    text : str
        One line.
    limit : int
        Longest piece, in characters (at least 1).

    Returns
    -------
    list of str
        The pieces, in order; joined they give ``text`` back.
    """
    if len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = max(text.rfind(mark, start, end) for mark in SENTENCE_END) + 1
        cut = cut if cut > start else end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


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
    return [s.strip() for s in _SENT_SPLIT.split(text) if s.strip()]
