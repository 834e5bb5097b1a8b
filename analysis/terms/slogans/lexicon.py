"""The run's slogan set as counting needs it, and the count of every use (body and
appendix apart) with one Aho–Corasick automaton."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.common.patterns import PINYIN_GLOSS, SLOGAN_NUMERALS
from analysis.terms.slogans.evidence import judge_quotations
from analysis.terms.slogans.match import build_automaton, digit_context, find_hits
from analysis.terms.slogans.words import DIGIT_CODE, NOT_FORMULA_NOUNS

__all__ = ["APPENDIX_SECTIONS", "Lexicon", "plain_text", "tally_slogans"]

#: Paragraph sections whose uses are not "use" in the report's own voice.
APPENDIX_SECTIONS = ("glossary", "appendix")
#: A counted formula (一个中心, 两个基本点): numeral, measure word, noun.
_MEASURED_SHAPE = re.compile(f"^[{SLOGAN_NUMERALS}][个大项张]")


def plain_text(text: str) -> str:
    """A paragraph without the pinyin glosses of a mirrored page (三個(gè)一 -> 三個一)."""
    return PINYIN_GLOSS.sub("", text) if "(" in text else text


def _context(text: str, start: int, end: int, width: int = 18) -> str:
    return f"{text[max(0, start - width) : start]}{text[start:end]}{text[end : end + width]}"


@dataclass
class Lexicon:
    """The run's slogans as counting needs them: each one's kind (``quotation`` for a
    phrase :func:`~analysis.terms.slogans.evidence.judge_quotations` judges so), the reports
    it was found in, whether it travels, the head nouns of a digit code, where it is quoted."""

    kind: dict[str, str]
    docs: dict[str, set[str]]
    travels: set[str]
    heads: dict[str, frozenset[str]]
    quoted: set[tuple[str, str]]

    @classmethod
    def from_set(cls, slogans: pd.DataFrame) -> Lexicon:
        lex = cls({}, {}, set(), {}, set())
        judged = judge_quotations(slogans) if "evidence" in slogans.columns else None
        if judged is not None:
            quotation = judged.loc[judged["verdict"] == "quotation", "slogan"]
            lex.kind.update(dict.fromkeys(quotation, "quotation"))
        for r in slogans.itertuples(index=False):
            lex.kind.setdefault(r.slogan, r.kind)
            lex.docs.setdefault(r.slogan, set()).add(r.doc_id)
            if r.travels:
                lex.travels.add(r.slogan)
            heads = frozenset(h for h in str(r.heads or "").split("|") if h)
            lex.heads[r.slogan] = lex.heads.get(r.slogan, frozenset()) | heads
            if r.quoted:
                lex.quoted.add((r.doc_id, r.slogan))
        return lex

    def accept(self, doc_id: str, text: str) -> Callable[[str, int, int], bool]:
        def ok(slogan: str, start: int, end: int) -> bool:
            if slogan not in self.travels and doc_id not in self.docs[slogan]:
                return False
            if _MEASURED_SHAPE.match(slogan) and text[end : end + 2] in NOT_FORMULA_NOUNS:
                return False  # 一个中心问题: "a central problem", not the formula 一个中心
            if DIGIT_CODE.match(slogan):
                return digit_context(text, start, end, self.heads[slogan])
            return True

        return ok


def tally_slogans(
    paragraphs: pd.DataFrame, lex: Lexicon, appendix: set[tuple[str, int]]
) -> dict[tuple[str, str], list]:
    """Count every use of the run's slogans, body and appendix apart.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        The run's paragraphs (``doc_id``, ``line``, ``section``, ``text``); boilerplate is
        ignored.
    lex : Lexicon
        The run's slogans (:meth:`Lexicon.from_set`).
    appendix : set of (str, int)
        (doc_id, line) of glossary entry lines, counted as appendix.

    Returns
    -------
    dict
        (doc_id, slogan) -> [body count, appendix count, first body context, first
        appendix context].
    """
    automaton = build_automaton(lex.kind)
    tally: dict[tuple[str, str], list] = {}
    keep = paragraphs[paragraphs["section"] != "boilerplate"]
    for doc_id, line, section, text in zip(
        keep["doc_id"], keep["line"], keep["section"], keep["text"], strict=True
    ):
        is_app = section in APPENDIX_SECTIONS or (doc_id, line) in appendix
        text = plain_text(text)
        for hit in find_hits(text, automaton, lex.accept(doc_id, text)):
            row = tally.setdefault((doc_id, hit.slogan), [0, 0, "", ""])
            row[int(is_app)] += 1
            if not row[2 + int(is_app)]:
                row[2 + int(is_app)] = _context(text, hit.start, hit.end)
    return tally
