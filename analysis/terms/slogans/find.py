"""Slogans and numeric formulas (提法): 1+6+N, 三资三化, 十四五, 放管服, 亿惠青岛消费年.

Two steps. :func:`find_slogans` lists the slogan *set* of a run: what each report quotes,
what has a formula's shape without quotes (1+M+N, 一圈一带两区, 九大行动, 党建+网格+大数据),
five-year plans, the national formulas of ``resources/national_slogans.txt``, and the
formulas a glossary entry names. :func:`count_slogans` then counts every use with one
Aho–Corasick automaton, body and appendix apart.

Formulas travel: one found in one report is counted in the others of the run (digit and
plus formulas, numeral formulas of a strong shape, national and glossary formulas); a plain
quoted word stays with the report that quotes it. A bare digit code (“141”) counts only
where it is used as a formula: quoted, or followed by the head noun it had where found.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from analysis.common.patterns import SLOGAN_NUMERALS
from analysis.common.text import quoted_spans, t2s_converter, to_simplified
from analysis.common.wordlists import national_slogans
from analysis.terms.slogans.evidence import (
    JUDGED_KINDS,
    PHRASE_KINDS,
    judge_quotations,
    phrase_evidence,
    use_evidence,
)
from analysis.terms.slogans.glossary import (
    appendix_lines,
    defined_terms,
    glossary_candidates,
    slogan_key,
    term_for,
)
from analysis.terms.slogans.lexicon import Lexicon, plain_text, tally_slogans
from analysis.terms.slogans.rules import (
    DIGIT_CODE,
    GeneralWords,
    build_automaton,
    classify_slogan,
    find_hits,
    find_shapes,
    load_general_words,
)
from analysis.terms.slogans.shapes import (
    MAX_QUOTE,
    find_labelled,
    find_measured,
    find_repeated,
    is_prose_numeral,
)

__all__ = [
    "COUNT_COLUMNS",
    "JUDGED_KINDS",
    "SET_COLUMNS",
    "SLOGAN_COLUMNS",
    "SLOGAN_KINDS",
    "TABLE_COLUMNS",
    "classify_slogan",
    "count_slogans",
    "extract_slogans",
    "find_slogans",
    "judge_quotations",
    "load_general_words",
    "national_slogans",
    "report_years",
    "slogan_table",
]

SET_COLUMNS = [
    "doc_id",
    "slogan",
    "kind",
    "source",
    "quoted",
    "travels",
    "heads",
    "defined",
    "uses",
    "evidence",
]
COUNT_COLUMNS = [
    "doc_id",
    "slogan",
    "kind",
    "count",
    "count_appendix",
    "quoted",
    "defined",
    "first_context",
]
SLOGAN_COLUMNS = COUNT_COLUMNS
TABLE_COLUMNS = ["slogan", "kind", "total", "n_reports", "reports", "first_year", "defined"]
SLOGAN_KINDS = ("digit", "numeral", "plus", "abbreviation", "quoted", "quotation")
#: Sources whose numeral formulas are counted in every report of the run.
_TRAVELLING_SOURCES = {
    "repeated",
    "measured",
    "named",
    "plan",
    "national",
    "glossary",
    "split",
    "outside",
}
_HEAD = re.compile(r"[\u4e00-\u9fff]{2}")


@dataclass
class _Slot:
    """What is known about one slogan in one report while finding."""

    kind: str
    sources: set[str] = field(default_factory=set)
    quoted: bool = False
    heads: set[str] = field(default_factory=set)
    uses: int = 0
    evidence: Counter[str] = field(default_factory=Counter)


def _strong(slogan: str) -> bool:
    """A numeral formula that stays a formula out of quotes: two numerals (三资三化)."""
    return sum(ch in SLOGAN_NUMERALS for ch in slogan) >= 2 and len(slogan) >= 3


def _travels(slogan: str, slot: _Slot, known: tuple[GeneralWords, frozenset[str]]) -> bool:
    general, national = known
    if slot.kind in ("digit", "plus") or slogan in national:
        return True
    if slot.kind != "numeral" or is_prose_numeral(slogan, general):
        return False
    return bool(slot.sources & _TRAVELLING_SOURCES) or _strong(slogan)


def _add(found: dict[str, _Slot], slogan: str, kind: str, source: str, quoted: bool) -> _Slot:
    slot = found.setdefault(slogan, _Slot(kind))
    if SLOGAN_KINDS.index(kind) < SLOGAN_KINDS.index(slot.kind):
        slot.kind = kind
    slot.sources.add(source)
    slot.quoted |= quoted
    return slot


def _find_in_text(
    found: dict[str, _Slot],
    text: str,
    known: tuple[GeneralWords, frozenset[str]],
    national_ac: object,
    year: int | None = None,
) -> None:
    """Slogans of one paragraph: shapes, quoted phrases and national formulas; each
    quoted use of a phrase of a judged kind records its evidence (a numeral formula's, the
    phrase's own only)."""
    spans = quoted_spans(text, max_len=MAX_QUOTE)
    for f in find_shapes(text, *known):
        slot = _add(found, f.slogan, f.kind, f.source, f.quoted)
        if f.quoted and DIGIT_CODE.match(f.slogan):
            head = _HEAD.match(text, f.end + 1)
            if head:
                slot.heads.add(head.group(0))
        judged = f.source == "quoted" and f.kind in JUDGED_KINDS
        by_phrase = f.source == "quoted" and f.kind in PHRASE_KINDS
        if judged or by_phrase or f.source == "split":
            i = bisect.bisect_right(spans, (f.start, len(text))) - 1
            if i < 0 or not spans[i][0] <= f.start < spans[i][1]:
                continue
            if (judged or by_phrase) and not slot.uses:
                named = phrase_evidence(f.slogan, known[0], numeral=by_phrase)
                slot.evidence.update(dict.fromkeys(named, 0))
            slot.uses += 1
            if not by_phrase:
                slot.evidence.update(use_evidence(text, spans, i, year))
    for hit in find_hits(text, national_ac, lambda s, a, b: True):
        kind = classify_slogan(hit.slogan, general=known[0])
        _add(found, hit.slogan, "abbreviation" if kind == "abbreviation" else "numeral",
             "national", False)  # fmt: skip


def _glossary_slogans(
    found: dict[str, dict[str, _Slot]], glossary: pd.DataFrame, general: GeneralWords, t2s
) -> None:
    """Formulas a glossary names: its term, aliases, quoted cores, and the parts its
    definition lists (“45432” -> 四大主导产业 ...)."""
    for row in glossary.to_dict("records"):
        slots = found.setdefault(row["doc_id"], {})
        formula = False
        term = to_simplified(str(row["term"]), converter=t2s)
        for cand in glossary_candidates(row):
            kind = classify_slogan(cand, general=general)
            if kind in ("digit", "numeral", "plus") or (kind and cand not in (row["term"], term)):
                _add(slots, cand, kind, "glossary", False)
                formula |= kind in ("digit", "numeral")
        if formula:
            definition = str(row.get("definition") or "")
            parts = find_measured(definition, general, alone=False)
            parts += find_repeated(definition, general) + find_labelled(definition, general)
            for f in parts:
                _add(slots, f.slogan, "numeral", "glossary", False)


def _drop_unquoted_national(found: dict[str, dict[str, _Slot]]) -> None:
    """A national formula seen only unquoted counts once some report of the run quotes it
    (八项规定 in running prose is a phrase, not a report's slogan, until someone marks it);
    a compressed list (专精特新) is a formula wherever it stands."""
    quoted = {s for slots in found.values() for s, slot in slots.items() if slot.quoted}
    for slots in found.values():
        only = [s for s, slot in slots.items() if slot.sources == {"national"}]
        for s in [s for s in only if slots[s].kind != "abbreviation"]:
            if s not in quoted:
                del slots[s]


def _doc_texts(paragraphs: pd.DataFrame) -> dict[str, str]:
    """Each report's paragraphs, boilerplate left out, one per line (no shape crosses a line)."""
    keep = paragraphs[paragraphs["section"] != "boilerplate"]
    return {d: plain_text("\n".join(g)) for d, g in keep.groupby("doc_id", sort=False)["text"]}


def _doc_order(paragraphs: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(paragraphs["doc_id"]))


def _evidence_text(slot: _Slot) -> str:
    """``rule:uses`` pairs, ``|``-joined; a phrase rule matches every use."""
    phrase = {n for n, c in slot.evidence.items() if c == 0}
    counts = {n: (slot.uses if n in phrase else c) for n, c in slot.evidence.items()}
    return "|".join(f"{n}:{c}" for n, c in sorted(counts.items()))


def _set_frame(
    found: dict[str, dict[str, _Slot]],
    order: list[str],
    terms: dict[str, dict[str, str]],
    known: tuple[GeneralWords, frozenset[str]],
) -> pd.DataFrame:
    """The slogan set as a frame, in report order, then kind and slogan."""
    rows = [
        (d, s, slot.kind, "|".join(sorted(slot.sources)), slot.quoted, _travels(s, slot, known),
         "|".join(sorted(slot.heads)), term_for(slogan_key(s), d, terms), slot.uses,
         _evidence_text(slot))
        for d in order
        for s, slot in sorted(
            found.get(d, {}).items(), key=lambda kv: (SLOGAN_KINDS.index(kv[1].kind), kv[0])
        )
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=SET_COLUMNS)


def report_years(corpus: pd.DataFrame) -> dict[str, int]:
    """Report -> year, from :func:`analysis.read_corpus` (reports without a year left out)."""
    return {d: int(y) for d, y in zip(corpus["doc_id"], corpus["year"], strict=True) if pd.notna(y)}


def find_slogans(
    paragraphs: pd.DataFrame,
    glossary: pd.DataFrame,
    *,
    general: GeneralWords | None = None,
    national: Iterable[str] | None = None,
    years: Mapping[str, int] | None = None,
    converter=None,
) -> pd.DataFrame:
    """List the slogans of a run: the set the domain dictionary needs, without counting.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        The output of :func:`analysis.split_paragraphs`; boilerplate is ignored.
    glossary : pandas.DataFrame
        Glossary entries of the same corpus (``doc_id``, ``term``, ``definition``, and
        ``display_term`` / ``aliases`` when present).
    general : mapping, optional
        jieba's general dictionary from :func:`load_general_words` (loaded when None; pass
        it in when calling repeatedly). Shapes without quotes and the abbreviation kind
        need it.
    national : iterable of str, optional
        National formulas found without quotes; ``resources/national_slogans.txt`` when None.
    years : mapping of str to int, optional
        Report -> year, for the evidence of the year (a use quoted in a report of the
        polemical years); without it, or for a report not in it, none.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse (see :func:`analysis.common.text.t2s_converter`).

    Returns
    -------
    pandas.DataFrame
        One row per report and slogan found there, in report order, with columns
        ``doc_id``, ``slogan`` (simplified, without quotes), ``kind`` (digit, numeral, plus,
        abbreviation, quoted), ``source`` (how it was found, ``|``-joined: quoted, split,
        outside, formula, plan, repeated, measured, plus, national, glossary), ``quoted``
        (bool: the report quotes it), ``travels`` (bool: counted in the other reports of the
        run too), ``heads`` (``|``-joined head nouns after a quoted digit code, e.g. 基层
        for “141”基层治理体系) and ``defined`` (the glossary term defining it, from this
        report first; empty when none).
    """
    general = load_general_words() if general is None else general
    national = frozenset(national_slogans() if national is None else national)
    national_ac = build_automaton(national)
    found: dict[str, dict[str, _Slot]] = {}
    years = years or {}
    for doc_id, text in _doc_texts(paragraphs).items():
        slots = found.setdefault(doc_id, {})
        _find_in_text(slots, text, (general, national), national_ac, years.get(doc_id))
    _glossary_slogans(found, glossary, general, converter or t2s_converter())
    _drop_unquoted_national(found)
    order = [*_doc_order(paragraphs), *sorted(set(found) - set(paragraphs["doc_id"]))]
    return _set_frame(found, order, defined_terms(glossary), (general, national))


def count_slogans(
    paragraphs: pd.DataFrame,
    slogans: pd.DataFrame,
    glossary: pd.DataFrame,
    *,
    quotations: bool = False,
) -> pd.DataFrame:
    """Count every use of the run's slogans in each report, body and appendix apart.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        The output of :func:`analysis.split_paragraphs`; boilerplate is ignored.
    slogans : pandas.DataFrame
        The output of :func:`find_slogans` on the same paragraphs.
    glossary : pandas.DataFrame
        Glossary entries (``doc_id``, ``term``; ``line`` and ``end_line`` mark the entry's
        lines, which count as appendix even outside a 名词解释 section).
    quotations : bool
        Also list the quoted phrases judged to be quotations, not 提法 (scare quotes,
        reported speech, names of foreign bodies, metaphors: :func:`judge_quotations`), as
        kind ``quotation``. Left out by default.

    Returns
    -------
    pandas.DataFrame
        One row per report and slogan used there, sorted by report order, kind, count
        (descending) and slogan, with columns ``doc_id``, ``slogan``, ``kind``, ``count``
        (uses in the body, longest match first: 五做 inside 五做五抓 counts for 五做五抓
        only), ``count_appendix`` (uses in 名词解释 / appendix sections and glossary entry
        lines), ``quoted`` (bool: the report quotes it), ``defined`` (the glossary term
        defining it, from this report first, else from another report; empty when none)
        and ``first_context`` (the words around its first use, in the body when it has one).
    """
    lex = Lexicon.from_set(slogans)
    tally = tally_slogans(paragraphs, lex, appendix_lines(glossary))
    terms = defined_terms(glossary)
    order = {d: i for i, d in enumerate(_doc_order(paragraphs))}
    rows = [
        (
            d,
            s,
            lex.kind[s],
            body,
            app,
            (d, s) in lex.quoted,
            term_for(slogan_key(s), d, terms),
            ctx_body or ctx_app,
        )
        for (d, s), (body, app, ctx_body, ctx_app) in tally.items()
    ]
    rows.sort(key=lambda r: (order.get(r[0], len(order)), SLOGAN_KINDS.index(r[2]), -r[3], r[1]))
    if not quotations:
        rows = [r for r in rows if r[2] != "quotation"]
    frame = pd.DataFrame(rows, columns=COUNT_COLUMNS)
    return frame.astype({"count": "int64", "count_appendix": "int64", "quoted": "bool"})


def extract_slogans(
    corpus: pd.DataFrame,
    paragraphs: pd.DataFrame,
    glossary: pd.DataFrame,
    *,
    general: GeneralWords | None = None,
) -> pd.DataFrame:
    """Find and count slogans in one call (the command line's ``slogans``).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (for the reports' years).
    paragraphs : pandas.DataFrame
        Its paragraphs (:func:`analysis.split_paragraphs`).
    glossary : pandas.DataFrame
        Its glossary entries (:func:`analysis.extract_glossary`).
    general : mapping, optional
        jieba's general dictionary (:func:`load_general_words`; loaded when None).

    Returns
    -------
    pandas.DataFrame
        ``count_slogans(paragraphs, find_slogans(paragraphs, glossary), glossary)``: columns
        ``doc_id``, ``slogan``, ``kind``, ``count``, ``count_appendix``, ``quoted``,
        ``defined``, ``first_context``.
    """
    found = find_slogans(paragraphs, glossary, general=general, years=report_years(corpus))
    return count_slogans(paragraphs, found, glossary)


def slogan_table(
    corpus: pd.DataFrame, slogans: pd.DataFrame, *, quotations: bool = False
) -> pd.DataFrame:
    """Summarise slogan counts across reports.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (for years).
    slogans : pandas.DataFrame
        The output of :func:`count_slogans` (or :func:`extract_slogans`).
    quotations : bool
        Keep rows of kind ``quotation`` (when the counts hold them); left out by default.

    Returns
    -------
    pandas.DataFrame
        One row per slogan, most used first, with columns ``slogan``, ``kind``, ``total``
        (uses in the bodies of all reports), ``n_reports`` (reports using it, body or
        appendix), ``reports`` (doc_ids joined by ``、``), ``first_year`` (earliest report
        year using it; missing when unknown) and ``defined`` (a glossary term defining it,
        empty when none).
    """
    years = corpus.set_index("doc_id")["year"]
    if not quotations:
        slogans = slogans[slogans["kind"] != "quotation"]
    merged = slogans.assign(year=slogans["doc_id"].map(years))
    rows = [
        (
            slogan,
            g["kind"].iloc[0],
            int(g["count"].sum()),
            int(g["doc_id"].nunique()),
            "、".join(g["doc_id"]),
            g["year"].min(),
            next((d for d in g["defined"] if d), ""),
        )
        for slogan, g in merged.groupby("slogan", sort=False)
    ]
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["first_year"] = table["first_year"].astype("Int64")
    return table.sort_values(
        ["total", "n_reports", "slogan"], ascending=[False, False, True]
    ).reset_index(drop=True)
