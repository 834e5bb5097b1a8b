"""Where glossary terms are used: keys with number boundaries, mentions and body contexts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick
import pandas as pd

from analysis.common.patterns import QUOTE_PAIRS
from analysis.common.text import sentences, strip_quotes, t2s_converter, to_simplified
from analysis.terms.glossary.formats import LABEL

__all__ = [
    "CONTEXT_COLUMNS",
    "TermIndex",
    "TermKey",
    "count_mentions",
    "extract_contexts",
    "find_terms",
    "term_aliases",
    "term_keys",
]

CONTEXT_COLUMNS = ["term", "doc_id", "sentence"]

#: Characters that continue a number or a formula: 1+N is not used inside 2+2+1+N.
_FORMULA_CHARS = frozenset("0123456789+.%-/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NUMERIC_KEY = re.compile(r"^[\d+.\-]+$")


@dataclass(frozen=True)
class TermKey:
    """One way a text can use a term.

    Attributes
    ----------
    key : str
        The text searched (simplified).
    term : str
        The glossary term it stands for.
    head : str
        For a key of digits only (135) or a part of the term (一件事 of “一件事”全链条专项整治):
        what follows it in the term (企业诉求处置机制, 全链条); the key must be quoted or
        followed by it, so that 一件事 inside 高效办成一件事 is no use of the longer term.
    part : bool
        The key is a part of the term as written, not the term or an alias of its own.
    """

    key: str
    term: str
    head: str = ""
    part: bool = False


def term_keys(
    term: str, display_term: str, aliases: Iterable[str], *, converter=None
) -> list[TermKey]:
    """The keys through which a text uses a term: the term, its quoted cores, its aliases.

    Parameters
    ----------
    term : str
        The term (quotes stripped).
    display_term : str
        The term as written (“135”企业诉求处置机制).
    aliases : iterable of str
        The entry's aliases.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse (see :func:`analysis.common.text.t2s_converter`).

    Returns
    -------
    list of TermKey
        Keys of two characters or more, simplified, each once.
    """
    converter = converter or t2s_converter()
    simple = to_simplified(display_term, converter=converter)
    out: dict[str, TermKey] = {}
    for key in (strip_quotes(term), *aliases):
        key = to_simplified(strip_quotes(key), converter=converter)
        if len(key) < 2 or key in out:
            continue
        head = ""
        whole = strip_quotes(simple)
        part = key != strip_quotes(term) and key in whole and len(key) < len(whole)
        if _NUMERIC_KEY.match(key) or part:
            _, _, rest = simple.partition(key)
            head = strip_quotes(rest)[:4]
        out[key] = TermKey(key, term, head, part)
    return list(out.values())


def _quoted(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1 : start], text[end : end + 1]
    return bool(before) and QUOTE_PAIRS.get(before, "\0") == after


def _valid_hit(text: str, start: int, end: int, key: TermKey) -> bool:
    """A hit counts when it is not part of a longer number or formula."""
    if key.key[0] in _FORMULA_CHARS and start > 0 and text[start - 1] in _FORMULA_CHARS:
        return False
    if key.key[-1] in _FORMULA_CHARS and end < len(text) and text[end] in _FORMULA_CHARS:
        return False
    if not (key.part or _NUMERIC_KEY.match(key.key)):
        return True
    if _quoted(text, start, end):
        return True
    after = strip_quotes(text[end : end + len(key.head) + 1])
    return bool(key.head) and after.startswith(key.head)


class TermIndex:
    """Term keys in one Aho-Corasick automaton, built once and searched in many texts.

    Parameters
    ----------
    keys : sequence of TermKey
        From :func:`term_keys`.
    """

    def __init__(self, keys: Sequence[TermKey]) -> None:
        self.automaton = ahocorasick.Automaton()
        by_key: dict[str, list[TermKey]] = {}
        for k in keys:
            by_key.setdefault(k.key, []).append(k)
        for key, group in by_key.items():
            self.automaton.add_word(key, group)
        self.empty = not by_key
        if by_key:
            self.automaton.make_automaton()


def find_terms(
    text: str, keys: Sequence[TermKey] | TermIndex, *, nested: bool = False
) -> list[tuple[int, int, str]]:
    """Find the uses of terms in a text, the longest first.

    Parameters
    ----------
    text : str
        Simplified text.
    keys : sequence of TermKey or TermIndex
        From :func:`term_keys`; a :class:`TermIndex` of them when many texts are searched.
    nested : bool
        Keep a use inside a longer one (五做五抓 in 四线一岗练能力、五做五抓看干部); by
        default uses do not overlap (a count of mentions).

    Returns
    -------
    list of (int, int, str)
        Start, end and term of each use, in text order.
    """
    index = keys if isinstance(keys, TermIndex) else TermIndex(keys)
    if index.empty or not text:
        return []
    hits = []
    for end, group in index.automaton.iter(text):
        start = end + 1 - len(group[0].key)
        for k in group:
            if _valid_hit(text, start, end + 1, k):
                hits.append((start, end + 1, k.term))
    return hits if nested else _disjoint(hits)


def _disjoint(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sort hits by start, the longest first, and keep those that overlap no kept one."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    for hit in hits:
        if not out or hit[0] >= out[-1][1]:
            out.append(hit)
    return out


def count_mentions(text: str, entries: Sequence[Sequence[TermKey]]) -> list[int]:
    """Count each entry's uses in a text, in one pass over it for all the entries.

    Parameters
    ----------
    text : str
        Simplified text (a report's body).
    entries : sequence of sequence of TermKey
        Each entry's keys (:func:`term_keys`).

    Returns
    -------
    list of int
        Per entry, ``len(find_terms(text, keys))``: its uses that do not overlap.
    """
    by_key: dict[str, list[tuple[int, TermKey]]] = {}
    for n, keys in enumerate(entries):
        for k in keys:
            by_key.setdefault(k.key, []).append((n, k))
    hits: list[list[tuple[int, int, str]]] = [[] for _ in entries]
    if by_key and text:
        automaton = ahocorasick.Automaton()
        for key, group in by_key.items():
            automaton.add_word(key, group)
        automaton.make_automaton()
        for end, group in automaton.iter(text):
            start = end + 1 - len(group[0][1].key)
            for n, k in group:
                if _valid_hit(text, start, end + 1, k):
                    hits[n].append((start, end + 1, k.term))
    return [len(_disjoint(h)) for h in hits]


def _body_sentences(paragraphs: pd.DataFrame, skip: dict[str, set[int]]) -> list[tuple[str, str]]:
    body = paragraphs[paragraphs["section"] == "body"]
    out = []
    for doc_id, line, text in zip(body["doc_id"], body["line"], body["text"], strict=True):
        if int(line) not in skip.get(doc_id, set()):
            out.extend((doc_id, s) for s in sentences(text))
    return out


def glossary_lines(glossary: pd.DataFrame) -> dict[str, set[int]]:
    """The file lines each report's glossary entries take (to leave out of its body).

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries with ``doc_id``, ``line`` and ``end_line`` (rows without them are skipped).

    Returns
    -------
    dict of str to set of int
        Lines per report.
    """
    out: dict[str, set[int]] = {}
    if "end_line" not in glossary:
        return out
    for doc_id, first, last in zip(
        glossary["doc_id"], glossary["line"], glossary["end_line"], strict=True
    ):
        if pd.notna(first) and pd.notna(last):
            out.setdefault(doc_id, set()).update(range(int(first), int(last) + 1))
    return out


def extract_contexts(
    glossary: pd.DataFrame, paragraphs: pd.DataFrame, *, per_term: int = 5
) -> pd.DataFrame:
    """Find the body sentences that use each glossary term (a KWIC view), in any report.

    A term is used through its own form, its quoted cores and its aliases, never inside a
    longer number or formula; a key of digits only (135) counts when quoted or followed by
    its head noun.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries from :func:`analysis.terms.glossary.extract_glossary` (after curation).
    paragraphs : pandas.DataFrame
        Paragraphs of the corpus; glossary lines found inside the body are left out.
    per_term : int
        Most sentences kept per term and report.

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``doc_id``, ``sentence``; sorted by term, report and position.
    """
    t2s = t2s_converter()
    keys = [
        k
        for row in glossary[["term", "display_term", "aliases"]].itertuples(index=False)
        for k in term_keys(row.term, row.display_term, row.aliases, converter=t2s)
    ]
    index = TermIndex(keys)
    rows = []
    for position, (doc_id, sentence) in enumerate(
        _body_sentences(paragraphs, glossary_lines(glossary))
    ):
        for term in sorted({t for _, _, t in find_terms(sentence, index, nested=True)}):
            rows.append((term, doc_id, position, sentence))
    frame = pd.DataFrame(rows, columns=["term", "doc_id", "position", "sentence"])
    frame = frame.sort_values(["term", "position"], kind="mergesort")
    frame = frame.groupby(["term", "doc_id"], sort=False).head(per_term)
    return frame[CONTEXT_COLUMNS].reset_index(drop=True)


_QUOTED_CORE = re.compile(r"[“‘「『\"]([^”’」』\"]{1,30})[”’」』\"]")


def term_aliases(display_term: str, simplified_term: str, *, converter: object) -> list[str]:
    """Other names of a glossary term: its quoted cores and its simplified form.

    Parameters
    ----------
    display_term : str
        The term as written, quotes kept (“1+6+N”产业载体支撑体系).
    simplified_term : str
        The same term in simplified characters.
    converter : object
        A traditional-to-simplified converter (:func:`analysis.common.text.t2s_converter`).

    Returns
    -------
    list of str
        Quoted cores (1+6+N; a bare sub-label such as 1 is none), the simplified form when
        it differs, and the simplified form of each core, in that order, without repeats.
    """
    term = strip_quotes(display_term)
    out: list[str] = []
    for core in _QUOTED_CORE.findall(display_term):
        core = core.strip()
        if core and core != term and not LABEL.match(core) and core not in out:
            out.append(core)
    simple = strip_quotes(simplified_term)
    if simple != term and simple not in out:
        out.append(simple)
    for core in list(out):
        converted = to_simplified(core, converter=converter)
        if converted != core and converted not in out:
            out.append(converted)
    return out
