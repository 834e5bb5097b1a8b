"""Parsing one glossary line against the layouts of :mod:`analysis.terms.glossary.formats`."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.common.patterns import QUOTES, SENTENCE_END, cn_to_int
from analysis.common.text import strip_quotes
from analysis.read.corpus import is_glossary_heading, is_section_heading
from analysis.terms.glossary.formats import (
    CONNECTIVE,
    CONTINUATION_CUES,
    DEFINITION_CUES,
    END_MARKS,
    HEADING_TERM,
    LABEL,
    LEAD_CUES,
    LINE_FORMATS,
    NOISE,
    NUMBERINGS,
    QUOTED_LABEL,
    SKIP_LINES,
    split_colon,
)

__all__ = [
    "ParsedLine",
    "clean_line",
    "ends_sentence",
    "is_continuation",
    "is_end_mark",
    "is_heading",
    "is_lead",
    "is_skipped",
    "parse_entry_line",
    "starts_with_cue",
    "term_trouble",
    "valid_term",
]

_MAX_TERM = 40
_MAX_LEAD = 80
_SENTENCE_CLOSE = SENTENCE_END + '.)”"」』'


@dataclass(frozen=True)
class ParsedLine:
    """One glossary line, as parsed by :func:`parse_entry_line`.

    Attributes
    ----------
    number : int or None
        The entry number (1, 2 … from ``1.``, ``(2)``, ``[3]``, ``四、``).
    term : str or None
        The term as written; None for text that continues a definition. Empty for a
        news ``关键词:`` line whose term is on the next line.
    definition : str
        The definition on this line (empty when it follows on the next line), or the
        whole text of a continuation line.
    layout : str
        The name of the :data:`~analysis.terms.glossary.formats.LINE_FORMATS` row that matched;
        empty for text.
    numbering : str
        The name of the :data:`~analysis.terms.glossary.formats.NUMBERINGS` row; empty without one.
    """

    number: int | None
    term: str | None
    definition: str
    layout: str = ""
    numbering: str = ""


def clean_line(line: str) -> str:
    """Remove noise (pinyin after characters) and surrounding space from a line.

    Parameters
    ----------
    line : str
        One normalised line.

    Returns
    -------
    str
        The line without its :data:`~analysis.terms.glossary.formats.NOISE`.
    """
    for pattern in NOISE.values():
        line = pattern.sub("", line)
    return line.strip()


def valid_term(term: str, *, numbered: bool) -> bool:
    """Tell whether a string can be a glossary term.

    Parameters
    ----------
    term : str
        The candidate, as written.
    numbered : bool
        The line had an entry number (then a short code such as ESI is a term; without
        one it is a sub-label like the 1 of “1”即…).

    Returns
    -------
    bool
        False for empty or long strings, sentences, bare punctuation, labels and
        connectives (其中, 具体包括 …).
    """
    core = strip_quotes(term)
    if not core or len(term) > _MAX_TERM or "," in term:
        return False
    if any(ch in SENTENCE_END for ch in term) or not any(ch.isalnum() for ch in core):
        return False
    if QUOTED_LABEL.match(term) or (not numbered and LABEL.match(core)):
        return False
    return CONNECTIVE.match(core) is None and HEADING_TERM.search(core) is None


def _numbering(line: str, expected: int | None) -> tuple[int | None, str, str]:
    """Split an entry number off a line: (number, numbering name, rest).

    A number followed by a digit (``3.5亿元``) is an amount, unless it is the number the
    list expects next (``20.2026年10件民生实事`` as entry 20).
    """
    for name, pattern in NUMBERINGS.items():
        m = pattern.match(line)
        if m is None:
            continue
        number = cn_to_int(m.group("n"))
        rest = line[m.end() :].strip()
        if number is None or not rest:
            continue
        if rest[0].isdigit() and number != (expected or 1):
            continue
        return number, name, rest
    return None, "", line


def parse_entry_line(
    line: str, *, expected: int | None = None, announced: bool = False
) -> ParsedLine | None:
    """Parse one line of a glossary by trying each named layout in turn.

    Parameters
    ----------
    line : str
        One normalised line.
    expected : int, optional
        The number the list expects next (an entry number may then run into a digit).
    announced : bool
        The line is in a block a heading or lead announced: the ``announced_only`` layouts
        (a space or ``=`` as separator) count too.

    Returns
    -------
    ParsedLine or None
        None for an empty line. ``term`` None means text that continues a definition.
    """
    line = clean_line(line)
    if not line:
        return None
    number, numbering, body = _numbering(line, expected)
    for fmt in LINE_FORMATS:
        if (fmt.numbered_only and number is None) or (fmt.announced_only and not announced):
            continue
        got = fmt.split(body)
        if got is None:
            continue
        term, definition = got
        if fmt.kind == "news_definition":
            return ParsedLine(None, None, definition, fmt.name)
        if fmt.kind == "news_term":
            return ParsedLine(None, term, "", fmt.name)
        if valid_term(term, numbered=number is not None):
            return ParsedLine(number, term, definition, fmt.name, numbering)
    return ParsedLine(number, None, body, "", numbering)


def term_trouble(line: str) -> str | None:
    """Why a glossary line that parsed without a term is broken, when it is.

    Parameters
    ----------
    line : str
        One normalised line that :func:`parse_entry_line` found no term on.

    Returns
    -------
    str or None
        ``only punctuation`` for a line with no letter or digit (a bare ``:``, ``……``),
        ``a numbered line with an empty term`` (``3.:…``), ``a term of punctuation only``
        (``!!!:…``, ``……:…``); None for text that may continue a definition.
    """
    line = clean_line(line)
    if not any(ch.isalnum() for ch in line):
        return "only punctuation"
    number, _name, body = _numbering(line, None)
    got = split_colon(body)
    if got is None:
        return None
    term = strip_quotes(got[0])
    if not term and number is not None and not got[0]:
        return "a numbered line with an empty term"
    if got[0] and not any(ch.isalnum() for ch in term):
        return "a term of punctuation only"
    return None


def ends_sentence(text: str) -> bool:
    """Tell whether a definition ends a sentence (。 ; ! ? or a closing quote or bracket)."""
    text = text.rstrip()
    return bool(text) and text[-1] in _SENTENCE_CLOSE


def starts_with_cue(definition: str) -> bool:
    """Tell whether a definition opens with a cue word (指, 是指, 即, 简称 …)."""
    return definition.lstrip(QUOTES).startswith(DEFINITION_CUES)


def is_continuation(line: str) -> bool:
    """Tell whether a line continues a definition (a sub-label “1”即…, 其中 …)."""
    return any(p.match(line) for p in CONTINUATION_CUES.values())


def is_end_mark(line: str) -> bool:
    """Tell whether a line is page furniture that ends a glossary (相关报道, 责任编辑 …)."""
    return any(p.match(line) for p in END_MARKS.values())


def is_skipped(line: str) -> bool:
    """Tell whether a line is a page number or similar, skipped inside a glossary."""
    return any(p.match(line) for p in SKIP_LINES.values())


def is_lead(line: str) -> bool:
    """Tell whether a line opens glossary entries: a glossary heading (also one spelled with
    pinyin, 名(míng)词解释), a 小词典 lead or a sentence announcing explanations."""
    line = clean_line(line)
    if len(line) > _MAX_LEAD:
        return False
    return is_glossary_heading(line) or any(p.search(line) for p in LEAD_CUES.values())


def is_heading(line: str) -> bool:
    """Tell whether a line heads something new: a glossary lead or any appendix heading."""
    return is_lead(line) or is_section_heading(clean_line(line))
