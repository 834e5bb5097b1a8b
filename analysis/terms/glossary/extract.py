"""Finding glossary blocks in a report and extracting their entries.

A block is found three ways: a glossary section (its heading in
:data:`analysis.common.patterns.GLOSSARY_HEADINGS`, labelled by :func:`analysis.split_paragraphs`);
a line announcing explanations (:data:`~analysis.terms.glossary.formats.LEAD_CUES`, a heading
spelled with pinyin); or, without any heading, several consecutive paragraphs that have the
shape of definitions (a short term, a separator or a cue word, a definition that reads as
one).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import takewhile

import pandas as pd

from analysis.common.patterns import HAN, QUOTES, SENTENCE_END
from analysis.common.text import match_key, strip_quotes, t2s_converter
from analysis.read.corpus import is_section_heading, written_paragraphs
from analysis.terms.glossary.assemble import (
    Draft,
    Line,
    Notice,
    assemble,
    is_numbered,
    split_run_together,
)
from analysis.terms.glossary.formats import LEAD_PREFIX, LINE_FORMATS
from analysis.terms.glossary.parse import (
    clean_line,
    ends_sentence,
    is_lead,
    parse_entry_line,
    starts_with_cue,
)
from analysis.terms.glossary.usage import count_mentions, term_aliases, term_keys

__all__ = [
    "ENTRY_COLUMNS",
    "OUTPUT_COLUMNS",
    "GlossaryWarning",
    "extract_glossary",
    "flag_conflicts",
]

ENTRY_COLUMNS = [
    "doc_id",
    "file",
    "n",
    "line",
    "end_line",
    "term",
    "display_term",
    "definition",
    "aliases",
    "region",
    "year",
    "mentions",
    "truncated",
    "conflict",
]
#: The columns ``glossary extract`` prints, in order (``doc_id`` shown as the file name).
OUTPUT_COLUMNS = [
    "doc_id",
    "n",
    "term",
    "definition",
    "aliases",
    "display_term",
    "line",
    "end_line",
    "mentions",
    "truncated",
    "conflict",
]
#: Fewest consecutive entry-shaped paragraphs that make a glossary without a heading.
MIN_RUN = 3
_MIN_DEFINITION_HAN = 4
_STRONG_LAYOUTS = frozenset({"news", *(f.name for f in LINE_FORMATS if f.strong)})
#: Layouts whose weak entries may close a block after strong ones of the same layout.
_SEPARATED = frozenset({"colon", "dash", "glued_cue", "glued_zhi", "alias_cue"})


class GlossaryWarning(UserWarning):
    """A glossary line could not be parsed, an entry looks truncated, or a term is defined
    twice with different definitions; the message names the file and line."""


@dataclass(frozen=True)
class Block:
    """Entries found together: ``kind`` is heading, lead or shape."""

    kind: str
    drafts: tuple[Draft, ...]
    orphans: tuple[Line, ...] = ()
    notices: tuple[Notice, ...] = ()


# --------------------------------------------------------------------------- blocks


def _reads_as_definition(draft: Draft) -> bool:
    text = draft.simplified
    return len(HAN.findall(text)) >= _MIN_DEFINITION_HAN and not text.startswith("http")


def _strong(draft: Draft) -> bool:
    """Shape that marks a definition: a quoted or formula term, or a cue word."""
    if draft.layout in _STRONG_LAYOUTS or starts_with_cue(draft.simplified):
        return True
    if draft.layout == "term_alone":
        return False
    return any(ch in QUOTES for ch in draft.term) or bool(re.search(r"[A-Za-z+]", draft.term))


def _same_list(draft: Draft, last: Draft) -> bool:
    """A weak entry written like the strong one before it: same separator layout, and the
    next number when the list is numbered."""
    if draft.layout != last.layout or draft.layout not in _SEPARATED:
        return False
    if last.number is None:
        return draft.number is None
    return draft.number is not None and last.number < draft.number <= last.number + 2


def _trim(drafts: Sequence[Draft]) -> list[Draft]:
    """Drop weak entries at both ends of a block (a title before it, a body line after);
    weak entries that go on the strong ones' list (same layout, next number) stay."""
    strong = [i for i, d in enumerate(drafts) if _strong(d)]
    if not strong:
        return []
    end = strong[-1]
    while end + 1 < len(drafts) and _same_list(drafts[end + 1], drafts[end]):
        end += 1
    return list(drafts[strong[0] : end + 1])


def _after_intro(drafts: Sequence[Draft]) -> list[Draft]:
    """Drop lines between a lead and its first strong entry that are written otherwise
    (a newspaper name and a byline read as a term and its definition)."""
    strong = [d for d in drafts if _strong(d)]
    if not strong:
        return list(drafts)
    first = drafts.index(strong[0])
    while first > 0 and drafts[first - 1].layout == strong[0].layout:
        first -= 1
    return list(drafts[first:])


def _numbered_list(drafts: Sequence[Draft]) -> bool:
    """Entries numbered 1, 2, 3 … without a gap: a list, whatever each entry's shape."""
    numbers = [d.number for d in drafts]
    return numbers == list(range(1, len(drafts) + 1))


def _accepted(kind: str, drafts: Sequence[Draft]) -> list[Draft]:
    """The entries of a lead or shape block that hold real definitions (or none)."""
    drafts = _trim(drafts) if kind == "shape" else _after_intro(drafts)
    if not drafts or not all(_reads_as_definition(d) for d in drafts):
        return []
    if kind == "shape" and len({d.term for d in drafts}) < len(drafts):
        return []  # a label repeated on every record (【释例】, 【点睛】), not terms
    if kind == "lead" or all(d.news for d in drafts):
        return list(drafts)
    strong = sum(_strong(d) for d in drafts)
    if len(drafts) < MIN_RUN or not strong:
        return []
    return list(drafts) if _numbered_list(drafts) or 3 * strong >= 2 * len(drafts) else []


def _run_block(rows: Sequence[tuple[str, Line]], start: int, kind: str) -> tuple[Block, int]:
    """Assemble a block from ``start`` until a line fits no entry; (block, next index)."""
    section = rows[start][0] if start < len(rows) else ""
    # read lazily: the run usually stops at its first line, so the rest is never visited
    same = takewhile(lambda row: row[0] == section, (rows[k] for k in range(start, len(rows))))
    drafts, used, _, notices = assemble(
        (ln for _, ln in same), numbered=None, run=True, announced=kind == "lead"
    )
    kept = _accepted(kind, drafts)
    inside = [n for n in notices if kept and kept[0].line <= n.line.line <= kept[-1].end_line]
    return Block(kind, tuple(kept), (), tuple(inside)), start + max(used, 1)


def _heading_block(rows: Sequence[tuple[str, Line]]) -> Block:
    lines = [ln for _, ln in rows if not is_section_heading(clean_line(ln.text))]
    drafts, _, orphans, notices = assemble(lines, numbered=is_numbered(lines), run=False)
    return Block("heading", tuple(drafts), tuple(orphans), tuple(notices))


def _unprefixed(line: Line) -> Line:
    """The line without a lead word glued to its first entry (名词解释:“两重”是指…)."""
    text, original = clean_line(line.text), clean_line(line.original)
    prefix = LEAD_PREFIX.match(text)
    cut = prefix.end() if prefix else 0
    return Line(line.line, text[cut:], original[cut:])


def _glued_lead(line: Line) -> bool:
    """A lead word glued to a first entry that has a separator or cue (名词解释:“两重”是指…),
    not a title that starts with the lead word (新词新语看发展)."""
    if not LEAD_PREFIX.match(clean_line(line.text)):
        return False
    parts = [parse_entry_line(part.text) for part in split_run_together(_unprefixed(line))]
    return any(p is not None and p.layout not in ("", "term_alone") for p in parts)


def find_blocks(rows: Sequence[tuple[str, Line]]) -> list[Block]:
    """Find the glossary blocks of one report.

    Parameters
    ----------
    rows : sequence of (str, Line)
        The report's paragraphs that are not boilerplate, with their section label.

    Returns
    -------
    list of Block
        Blocks with at least one entry, in reading order.
    """
    blocks: list[Block] = []
    i = 0
    while i < len(rows):
        section, line = rows[i]
        if section == "glossary":
            end = i
            while end < len(rows) and rows[end][0] == "glossary":
                end += 1
            blocks.append(_heading_block(rows[i:end]))
            i = end
            continue
        block, nxt = Block("none", ()), i + 1
        if is_lead(line.text):
            start = i + 1
            while start < len(rows) and is_lead(rows[start][1].text):
                start += 1  # a second title line before the first entry
            block, nxt = _run_block(rows, start, "lead")
        elif _glued_lead(line):
            block, nxt = _run_block(
                [*rows[:i], (section, _unprefixed(line)), *rows[i + 1 :]], i, "lead"
            )
        elif section == "body":
            block, nxt = _run_block(rows, i, "shape")
        if block.drafts:
            blocks.append(block)
            i = nxt
        else:
            i += 1
    return [b for b in blocks if b.drafts or b.orphans or b.notices]


# --------------------------------------------------------------------------- entries


def _warn(message: str, *, warn: bool) -> None:
    if warn:
        warnings.warn(message, GlossaryWarning, stacklevel=4)


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _block_warnings(file: str, block: Block, *, warn: bool) -> set[int]:
    """Warn about orphan lines and truncated entries; the ids of truncated drafts."""
    for ln in block.orphans:
        _warn(
            f"{file}: line {ln.line}: cannot parse glossary line {_shorten(ln.original)!r} "
            "(no term before it); not made an entry",
            warn=warn,
        )
    for notice in block.notices:
        _warn(
            f"{file}: line {notice.line.line}: glossary line {_shorten(notice.line.original)!r}"
            f" {notice.action} ({notice.reason})",
            warn=warn,
        )
    truncated = set()
    for i, d in enumerate(block.drafts):
        last = i == len(block.drafts) - 1
        if not d.definition or (last and not ends_sentence(d.definition)):
            truncated.add(id(d))
            _warn(
                f"{file}: line {d.line}: glossary entry {strip_quotes(d.display_term)!r} looks "
                "truncated (its definition does not end a sentence); kept and flagged",
                warn=warn,
            )
    return truncated


def _doc_rows(doc: dict[str, object], paras: pd.DataFrame, *, warn: bool, t2s) -> list[dict]:
    """The entries of one report as row dicts."""
    lines, texts = [int(n) for n in paras["line"]], paras["text"].tolist()
    written = written_paragraphs(str(doc["original"]), lines, texts)
    rows = [
        (section, Line(line, text, original))
        for section, line, text, original in zip(
            paras["section"], lines, texts, written, strict=True
        )
        if section != "boilerplate"
    ]
    blocks = find_blocks(rows)
    truncated: set[int] = set()
    for block in blocks:
        truncated |= _block_warnings(str(doc["file"]), block, warn=warn)
    drafts = [d for b in blocks for d in b.drafts]
    inside = {n for d in drafts for n in range(d.line, d.end_line + 1)}
    body = "\n".join(ln.text for s, ln in rows if s == "body" and ln.line not in inside)
    aliases = [term_aliases(d.display_term, d.term, converter=t2s) for d in drafts]
    keys = [
        term_keys(strip_quotes(d.term), d.display_term, a, converter=t2s)
        for d, a in zip(drafts, aliases, strict=True)
    ]
    mentions = count_mentions(body, keys)  # one pass over the body for all the entries
    out = []
    for n, d in enumerate(drafts, start=1):
        term = strip_quotes(d.display_term)
        out.append(
            {
                "doc_id": doc["doc_id"],
                "file": doc["file"],
                "n": n,
                "line": d.line,
                "end_line": d.end_line,
                "term": term,
                "display_term": d.display_term,
                "definition": d.definition.strip(),
                "aliases": aliases[n - 1],
                "region": doc.get("region", ""),
                "year": doc.get("year"),
                "mentions": mentions[n - 1],
                "truncated": id(d) in truncated,
            }
        )
    return out


def _definition_key(definition: str, converter) -> str:
    key = match_key(definition, converter=converter).rstrip(SENTENCE_END + ".")
    return re.sub(r"^(?:是指|指的是|指|即)", "", key)


#: Places named in a conflict warning before "and N more".
MAX_PLACES = 3


def flag_conflicts(frame: pd.DataFrame, *, warn: bool = True) -> pd.Series:
    """Flag terms defined more than once in a corpus with different definitions.

    Parameters
    ----------
    frame : pandas.DataFrame
        Glossary entries (``term``, ``definition``, ``file``, ``line``) of one corpus.
    warn : bool
        Issue one :class:`GlossaryWarning` per conflicting term, naming files and lines.

    Returns
    -------
    pandas.Series
        Bool, aligned with ``frame``: True for every entry of a conflicting term (all are
        kept).
    """
    if frame.empty:
        return pd.Series(False, index=frame.index, dtype=bool)
    t2s = t2s_converter()
    groups: dict[str, list[int]] = {}
    for i, term in enumerate(frame["term"].tolist()):
        groups.setdefault(match_key(term, converter=t2s), []).append(i)
    definitions = frame["definition"].tolist()
    places = [f"{f}: line {ln}" for f, ln in zip(frame["file"], frame["line"], strict=True)]
    flags = [False] * len(frame)
    for key, rows in sorted(groups.items()):
        if len(rows) < 2 or len({_definition_key(definitions[i], t2s) for i in rows}) < 2:
            continue
        for i in rows:
            flags[i] = True
        where = "; ".join(places[i] for i in rows[:MAX_PLACES])
        more = f"; and {len(rows) - MAX_PLACES} more" if len(rows) > MAX_PLACES else ""
        _warn(
            f"glossary term {key!r} is defined {len(rows)} times with different "
            f"definitions ({where}{more}); all kept and flagged",
            warn=warn,
        )
    conflict = pd.Series(flags, index=frame.index, dtype=bool)
    return conflict


def extract_glossary(
    corpus: pd.DataFrame,
    paragraphs: pd.DataFrame,
    *,
    warn: bool = True,
    conflicts: bool = True,
    converter=None,
) -> pd.DataFrame:
    """Extract every glossary entry of every report (名词解释, 注释, news 小词典, …).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (``doc_id``, ``file``, ``region``,
        ``year``, ``original``).
    paragraphs : pandas.DataFrame
        The output of :func:`analysis.split_paragraphs` for ``corpus``.
    warn : bool
        Issue the warnings below (callers that only need the terms turn them off).
    conflicts : bool
        Flag conflicting definitions across ``corpus`` (:func:`flag_conflicts`); a caller
        that extracts file by file turns this off and flags the whole corpus afterwards.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse (see :func:`analysis.common.text.t2s_converter`).

    Returns
    -------
    pandas.DataFrame
        One row per entry, in report and reading order, with columns ``doc_id``, ``file``,
        ``n`` (1-based position in the report's glossary), ``line`` and ``end_line`` (first
        and last file line of the entry), ``term`` (quotes stripped, as written),
        ``display_term`` (as written, with quotes), ``definition``, ``aliases`` (list of
        str: quoted cores such as ``1+6+N``; the simplified form of a traditional term),
        ``region``, ``year``, ``mentions`` (uses of the term in the report body, outside
        its glossary), ``truncated`` (bool: empty definition, or the block's last
        definition does not end a sentence) and ``conflict`` (bool: the term is defined
        elsewhere in the corpus with another definition).

    Warns
    -----
    GlossaryWarning
        For a glossary line that fits no entry (naming file, line and text), a line dropped
        or joined to an entry (a numbered line with an empty term, a term of punctuation
        only, a line of punctuation only, a numbered note without a term, a line joined to
        a definition that had ended; each names file, line, text and reason), a truncated
        entry, and a term defined twice with different definitions.
    """
    by_doc = dict(tuple(paragraphs.groupby("doc_id", sort=False)))
    rows: list[dict] = []
    t2s = converter or t2s_converter()
    for doc in corpus.to_dict("records"):
        paras = by_doc.get(doc["doc_id"])
        if paras is not None:
            rows.extend(_doc_rows(doc, paras, warn=warn, t2s=t2s))
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    frame["truncated"] = frame["truncated"].astype(bool)
    frame["conflict"] = flag_conflicts(frame, warn=warn) if conflicts else False
    frame["conflict"] = frame["conflict"].astype(bool)
    return frame
