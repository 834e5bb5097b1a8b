"""Turning a run of parsed glossary lines into entries (terms with their whole definitions)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from analysis.common.patterns import SENTENCE_END
from analysis.common.text import strip_quotes
from analysis.terms.glossary.formats import INLINE_NUMBER, SENTENCE_TERM
from analysis.terms.glossary.parse import (
    ParsedLine,
    clean_line,
    ends_sentence,
    is_continuation,
    is_end_mark,
    is_heading,
    is_skipped,
    parse_entry_line,
    term_trouble,
    valid_term,
)

__all__ = ["Draft", "Line", "Notice", "assemble", "is_numbered", "split_run_together"]

_NEWS = frozenset({"news_term", "news_definition"})
_NOTE = "a numbered note without a term"
#: Words that open a sentence about something said before, not a term (这里所说的…是指).
_NOT_SENTENCE_TERM = ("这", "该", "此", "上述", "以上", "本", "其", "它", "所谓", "前者", "后者")
#: Marks that may end a definition the page broke before them.
_CLOSING = frozenset(SENTENCE_END + '.)]”"」』')


@dataclass(frozen=True)
class Line:
    """One paragraph of a report: its file line, simplified text and text as written."""

    line: int
    text: str
    original: str


@dataclass(frozen=True)
class Notice:
    """A glossary line dropped or joined to an entry, and why (warned about by the caller).

    Attributes
    ----------
    line : Line
        The line.
    reason : str
        Why it is no entry of its own (``a numbered line without a term`` …).
    action : str
        What became of it (``dropped``, ``joined to the definition of '两重'`` …).
    """

    line: Line
    reason: str
    action: str


@dataclass
class Draft:
    """An entry while its definition is being collected (local to one assembly)."""

    line: int
    end_line: int
    number: int | None
    layout: str
    term: str
    display_term: str
    definition: str = ""
    simplified: str = ""
    news: bool = False


def _join(text: str, more: str) -> str:
    """Join a wrapped line to a definition (a space only between two Latin words)."""
    if text and more and text[-1].isascii() and text[-1].isalnum() and more[0].isascii():
        return f"{text} {more}"
    return text + more


def is_numbered(lines: Sequence[Line]) -> bool:
    """Tell whether most entry-like lines of a block carry an entry number.

    Parameters
    ----------
    lines : iterable of Line
        The block.

    Returns
    -------
    bool
        True when at least half of the lines with a term are numbered.
    """
    parsed = [parse_entry_line(ln.text) for ln in lines]
    terms = [p for p in parsed if p is not None and p.term]
    numbered = sum(1 for p in terms if p.number is not None)
    return bool(terms) and numbered >= max(1, len(terms) // 2)


@dataclass
class _Assembly:
    """State of one pass over a block (``run``: stop at the first line that does not fit)."""

    numbered: bool | None
    run: bool
    announced: bool = True
    drafts: list[Draft] = field(default_factory=list)
    orphans: list[Line] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    numbering: str = ""
    news_term: tuple[Line, str, str] | None = None
    news_wait: bool = False
    last_note: int | None = None

    @property
    def current(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def last_number(self) -> int | None:
        numbers = [d.number for d in self.drafts if d.number is not None]
        last = numbers[-1] if numbers else None
        if self.last_note is not None and (last is None or self.last_note > last):
            return self.last_note
        return last

    def expected(self) -> int:
        last = self.last_number()
        return last + 1 if last is not None else 1

    def _is_note(self, p: ParsedLine) -> bool:
        """A numbered note without a term in a numbered list (统计公报 notes): no entry, and
        it ends the entry before it."""
        if p.term or p.number is None or not self.numbered or self.current is None:
            return False
        return self._in_sequence(p)

    def feed(self, ln: Line) -> bool:
        """Take one line (notes run together on it one by one); False when it ends the
        block (it is not consumed)."""
        parts = split_run_together(ln)
        if len(parts) == 1:
            return self._feed(ln)
        return sum(self._feed(part) for part in parts) > 0

    def _feed(self, ln: Line) -> bool:
        if is_skipped(ln.text):
            return True
        if is_end_mark(ln.text) or (self.run and self.drafts and is_heading(ln.text)):
            return False
        p = parse_entry_line(ln.text, expected=self.expected(), announced=self.announced)
        if p is None:
            return True
        if self._dropped(ln, p):
            return True
        if self._is_note(p):
            if not self._note_term(ln, p):
                self.last_note = p.number
                self.notices.append(Notice(ln, _NOTE, "left out of the entries"))
            return True
        if self.news_wait or p.layout in _NEWS:
            return self._news(ln, p)
        if self._starts_entry(p):
            self._start(ln, p, self._original(ln, p))
            return True
        return self._continue(ln, p)

    def _dropped(self, ln: Line, p: ParsedLine) -> bool:
        """Drop (and note) a line without a term that is broken: punctuation only, an empty
        term, a term of punctuation; a closing mark alone (。) ends a broken definition."""
        trouble = term_trouble(ln.text) if not p.term else None
        if trouble is None or self._closes_definition(ln):
            return False
        if self.current is None and self.run:
            return False
        self.notices.append(Notice(ln, trouble, "dropped"))
        if p.number is not None and self._in_sequence(p):
            self.last_note = p.number
        return True

    def _note_term(self, ln: Line, p: ParsedLine) -> bool:
        """A note whose first sentence has no term but a later one defines one
        (``[4]…计算。城镇化率是指…``): that sentence is the entry."""
        m = _sentence_term(p.definition)
        if m is None:
            return False
        written = parse_entry_line(ln.original, expected=self.expected(), announced=self.announced)
        o = _sentence_term(written.definition) if written is not None else None
        shown = o if o is not None else m
        self.drafts.append(
            Draft(ln.line, ln.line, p.number, "sentence", m.group("t"), shown.group("t"),
                  shown.group("d"), m.group("d"))
        )  # fmt: skip
        self._spin_off(ln)
        return True

    def _spin_off(self, ln: Line) -> None:
        """Later sentences of the current definition that define terms of their own
        (``X是指…。Y是指…``) become entries of their own."""
        cur = self.current
        while cur is not None:
            m = _sentence_term(cur.simplified)
            if m is None:
                return
            o = _sentence_term(cur.definition)
            shown = o if o is not None else m
            cut = shown.start() if o is not None else min(m.start(), len(cur.definition))
            cur.simplified = cur.simplified[: m.start()].rstrip()
            cur.definition = cur.definition[:cut].rstrip()
            cur = Draft(ln.line, ln.line, None, "sentence", m.group("t"), shown.group("t"),
                        shown.group("d"), m.group("d"))  # fmt: skip
            self.drafts.append(cur)

    def _closes_definition(self, ln: Line) -> bool:
        """A line of closing marks only (。 ; ” )) after a definition that does not end yet."""
        cur = self.current
        text = clean_line(ln.text)
        if cur is None or not cur.definition or ends_sentence(cur.simplified):
            return False
        return all(ch in _CLOSING for ch in text)

    def _original(self, ln: Line, p: ParsedLine) -> ParsedLine:
        """The same line as written (traditional characters kept), when it parses alike."""
        o = parse_entry_line(ln.original, expected=self.expected(), announced=self.announced)
        same = o is not None and (o.layout, o.number, o.term is None) == (
            p.layout,
            p.number,
            p.term is None,
        )
        return o if same and o is not None else p

    def _in_sequence(self, p: ParsedLine) -> bool:
        last = self.last_number()
        if self.numbering and p.numbering != self.numbering:
            return False
        return last is None or last < (p.number or 0) <= last + 2

    def _starts_entry(self, p: ParsedLine) -> bool:
        cur = self.current
        if not p.term or (cur is not None and cur.news):
            return False
        if self.numbered is None or cur is None:
            return not self.numbered or p.number is not None
        if self.numbered:
            return p.number is not None and self._in_sequence(p)
        if not cur.definition:
            return False  # the line after a term alone is its definition
        if p.layout == "term_alone" or not p.term.startswith(("“", '"', "【", "[")):
            return ends_sentence(cur.simplified)
        return True

    def _start(self, ln: Line, p: ParsedLine, o: ParsedLine) -> None:
        if self.numbered is None:
            self.numbered = p.number is not None
        if p.number is not None and not self.numbering:
            self.numbering = p.numbering
        term = p.term or ""
        self.drafts.append(
            Draft(ln.line, ln.line, p.number, p.layout, term, o.term or term, o.definition,
                  p.definition)
        )  # fmt: skip
        self._spin_off(ln)

    def _continue(self, ln: Line, p: ParsedLine) -> bool:
        cur = self.current
        if cur is None:
            if not self.run:
                self.orphans.append(ln)
            return not self.run
        if self.last_note is not None and self.last_note > (cur.number or 0):
            return self._after_note(ln)
        fits = not cur.definition or not ends_sentence(cur.simplified) or is_continuation(ln.text)
        if cur.news and not fits:
            return False
        if self.run and not fits:
            return False
        if cur.definition and not fits:
            term = strip_quotes(cur.display_term)
            self.notices.append(Notice(ln, "no term of its own after a whole definition",
                                       f"joined to the definition of {term!r}"))  # fmt: skip
        cur.definition = _join(cur.definition, clean_line(ln.original))
        cur.simplified = _join(cur.simplified, clean_line(ln.text))
        cur.end_line = ln.line
        self._spin_off(ln)
        return True

    def _after_note(self, ln: Line) -> bool:
        """A line after a numbered note belongs to the note: a run ends, a section keeps it
        out of every entry."""
        if not self.run:
            self.orphans.append(ln)
        return not self.run

    def _news(self, ln: Line, p: ParsedLine) -> bool:
        if self.news_wait:  # the line after a bare 关键词: holds the term
            self.news_wait = False
            self.news_term = (ln, clean_line(ln.text), clean_line(ln.original))
            return True
        if p.layout == "news_term":
            o = self._original(ln, p)
            self.news_wait = not p.term
            self.news_term = (ln, p.term or "", o.term or "") if p.term else None
            return True
        if self.news_term is None:
            cur = self.current
            if cur is not None and not cur.definition and not cur.news:
                # a term alone, its definition behind a label (名词解释:…) a line or two on
                cur.definition = self._original(ln, p).definition
                cur.simplified = p.definition
                cur.end_line = ln.line
                return True
            return self._continue(ln, p)
        first, term, display = self.news_term
        self.news_term = None
        o = self._original(ln, p)
        self.drafts.append(
            Draft(first.line, ln.line, None, "news", term, display, o.definition, p.definition,
                  news=True)
        )  # fmt: skip
        return True


def _sentence_term(text: str) -> re.Match[str] | None:
    """The first later sentence of ``text`` that defines a term of its own, if any."""
    for m in SENTENCE_TERM.finditer(text):
        term = m.group("t")
        if term.startswith(_NOT_SENTENCE_TERM) or "的" in term:
            continue
        if valid_term(term, numbered=False):
            return m
    return None


def split_run_together(ln: Line) -> list[Line]:
    """Split a line holding several numbered notes (``1、… 2、… 3、…``) into one line each.

    Parameters
    ----------
    ln : Line
        One paragraph.

    Returns
    -------
    list of Line
        The paragraph itself, or one Line per note (same file line) when it opens with a
        number and holds further numbers, each right after a sentence end, that go on by
        one (1, 2, 3); the original text is cut at its own numbers when it has the same
        ones, else at the same offsets.
    """
    cuts = _note_cuts(ln.text)
    if not cuts:
        return [ln]
    shown = _note_cuts(ln.original)
    shown = shown if len(shown) == len(cuts) else cuts
    ends = [*cuts[1:], len(ln.text)]
    shown_ends = [*shown[1:], len(ln.original)]
    return [
        Line(ln.line, ln.text[a:b].strip(), ln.original[c:d].strip())
        for a, b, c, d in zip(cuts, ends, shown, shown_ends, strict=True)
    ]


def _note_cuts(text: str) -> list[int]:
    marks = list(INLINE_NUMBER.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    numbers = [int(m.group("n")) for m in marks]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    return [m.start("n") for m in marks]


def assemble(
    lines: Iterable[Line], *, numbered: bool | None, run: bool, announced: bool = True
) -> tuple[list[Draft], int, list[Line], list[Notice]]:
    """Collect the entries of a block.

    Parameters
    ----------
    lines : iterable of Line
        The block's paragraphs in reading order.
    numbered : bool or None
        Whether entries are numbered (then an unnumbered line continues a definition);
        None lets the first entry decide.
    run : bool
        Stop at the first line that neither starts an entry nor continues one (a block
        found by its shape); otherwise such lines continue the definition or are orphans.
    announced : bool
        A heading or lead line announced the block (False for a block found by its shape):
        the layouts that count only then are tried.

    Returns
    -------
    tuple of (list of Draft, int, list of Line, list of Notice)
        The entries, the number of lines consumed, the lines that fit no entry (no entry
        before them), and the lines dropped or joined to an entry, with the reason.
    """
    state = _Assembly(numbered=numbered, run=run, announced=announced)
    used = 0
    for ln in lines:
        if not state.feed(ln):
            break
        used += 1
    return state.drafts, used, state.orphans, state.notices
