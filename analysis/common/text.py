"""Small text helpers shared by the glossary, slogans and tokens modules."""

from __future__ import annotations

import re
import unicodedata

from analysis.common.patterns import QUOTE_PAIRS, QUOTES, SENTENCE_END

__all__ = [
    "QUOTES",
    "match_key",
    "quoted_spans",
    "sentences",
    "strip_quotes",
    "t2s_converter",
    "to_simplified",
]

_SENT_SPLIT = re.compile(f"(?<=[{SENTENCE_END}])")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
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
    return "".join(ch for ch in text if ch not in QUOTES).strip()


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
    text = "".join(ch for ch in text if ch not in QUOTES and ch not in "《》" and not ch.isspace())
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
