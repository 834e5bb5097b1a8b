"""Slogans and numeric formulas (提法): 1+6+N, 三资三化, 十四五, 放管服, 亿惠青岛消费年.

A slogan is found when a report quotes it (“…”, 「…」, "…"), when it is a digit formula
(1+6+N, 2+2+1+N) written without quotes, when it is a five-year-plan name (十四五), or a
glossary term of the run. Formulas found in one report are also counted in the other
reports of the run (digit formulas, glossary terms, numeral formulas with two numerals such
as 三资三化 and the national formulas of ``resources/national_slogans.txt``); plain quoted
words stay with the report that quotes them. Once found, every use is counted.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus import split_paragraphs
from analysis.text import match_key, quoted_spans, strip_quotes
from analysis.tokens import Tokenizer, load_wordlist

__all__ = [
    "SLOGAN_COLUMNS",
    "SLOGAN_KINDS",
    "TABLE_COLUMNS",
    "classify_slogan",
    "extract_slogans",
    "national_slogans",
    "slogan_table",
]

SLOGAN_COLUMNS = ["doc_id", "slogan", "kind", "count", "quoted", "defined", "first_context"]
TABLE_COLUMNS = ["slogan", "kind", "total", "n_reports", "reports", "first_year", "defined"]
SLOGAN_KINDS = ("digit", "numeral", "abbreviation", "quoted")

NUMERALS = "一二三四五六七八九十两双百千万"
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|\(\d{1,3}\)$")
_DIGIT_FORMULA = re.compile(r"^(?:\d{1,4}|[A-Z])(?:\+(?:\d{1,4}|[A-Z]))+$")
_DIGIT_CODE = re.compile(r"^\d{2,5}$")
_UNIT = "个名家项亿万千百元%所条场次年月日天倍吨米度届期批级类股位户人座件台辆只"
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*[" + _UNIT + r"]")
_FIVE_YEAR_PLAN = re.compile(r"十[一二三四五六七八九]五")
_UNQUOTED_FORMULA = re.compile(
    r"(?<![\d.+A-Za-z])(?:\d{1,4}|N)(?:\+(?:\d{1,4}|[A-Z]))+(?![\d.%+A-Za-z])"
)
_EVERYDAY = re.compile(
    r"^["
    + NUMERALS
    + r"]+(?:年|个月|月|日|天|次|倍|成|岁|周|季度|个百分点|百分点|是|批|些|般|直|起|定|样|切|律)"
    r"|^(?:一年来|一是|一些|一直|一起|一般|一定|一样|一切|一律|万一|十分|百姓|千方百计|两岸)"
)
#: jieba with its general dictionary only (no domain words), built on first use
_GENERAL = Tokenizer()
_FUNCTION = re.compile(r"[之的者了去来着过也而与及]")
_SENTENCE = re.compile(r"[,。;:!?、]")


def national_slogans() -> frozenset[str]:
    """Well-known national numeric formulas, from ``resources/national_slogans.txt``.

    Returns
    -------
    frozenset of str
        Slogans such as 十四五, 四个意识, 两个维护, 一带一路.
    """
    return load_wordlist("national_slogans.txt")


def _clean(phrase: str) -> str:
    return _FOOTNOTE.sub("", phrase).strip()


def classify_slogan(phrase: str) -> str | None:
    """Classify a (quoted) phrase as a slogan kind, or reject it.

    Parameters
    ----------
    phrase : str
        The phrase without its quotes, NFKC-normalised and simplified.

    Returns
    -------
    str or None
        ``digit`` (1+6+N, “135”), ``numeral`` (三资三化, 十四五, 五个一), ``abbreviation``
        (放管服, 专精特新), ``quoted`` (other short 提法 and campaign names), or None for
        single characters and fragments (“放”, “1”, “N”), amounts, dates, percentages,
        everyday numeral phrases (一年来, 两个百分点, 三年) and long quoted sentences.
    """
    p = _clean(phrase)
    if len(p) < 2 or len(p) > 16 or p != p.strip() or " " in p:
        return None
    if _DIGIT_FORMULA.match(p):
        return "digit"
    if _DIGIT_CODE.match(p):
        return None if 1900 <= int(p) <= 2100 and len(p) == 4 else "digit"
    if re.search(r"\d", p) and (_AMOUNT.search(p) or "%" in p or "." in p):
        return None
    if _SENTENCE.search(p) and len(p) > 8:
        return None
    if re.search(r"[,。;:!?]", p):
        return None
    if not re.search(r"[\u4e00-\u9fff]", p):
        return None
    if p[0] in NUMERALS:
        if _EVERYDAY.match(p) or len(p) > 10:
            return None
        return "numeral"
    if len(p) > 12:
        return None
    if 3 <= len(p) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", p) and not _FUNCTION.search(p):
        # a compressed list: every character stands for a word (放管服, 专精特新)
        tok = _GENERAL.jieba
        long_pieces = [w for w in tok.lcut(p, HMM=False) if len(w) > 1]
        if not long_pieces or (len(long_pieces) == 1 and tok.FREQ.get(long_pieces[0], 0) < 50):
            return "abbreviation"
    return "quoted"


def _boundary_pattern(slogans: list[str]) -> re.Pattern[str]:
    """One alternation, longest first, with number boundaries for digit and numeral slogans."""
    parts = []
    for s in sorted(set(slogans), key=lambda x: (-len(x), x)):
        esc = re.escape(s)
        if s[0].isdigit() or s[0] in "N+":
            esc = r"(?<![\d.+A-Za-z])" + esc
        if s[-1].isdigit() or s[-1] in "NXABC":
            esc = esc + r"(?![\d.%+A-Za-z" + _UNIT + r"])"
        if s[0] in NUMERALS:
            # not inside a longer number or an amount: 第三公, 三公里 are not 三公
            esc = r"(?<![第\d" + NUMERALS + r"])" + esc + r"(?![里年月日天个项次倍元%])"
        parts.append(esc)
    return re.compile("|".join(parts)) if parts else re.compile(r"(?!x)x")


def _doc_text(paragraphs: pd.DataFrame) -> dict[str, str]:
    keep = paragraphs[paragraphs["section"] != "boilerplate"]
    return {d: "\n".join(g["text"]) for d, g in keep.groupby("doc_id", sort=False)}


def _discover(text: str) -> tuple[dict[str, str], set[str]]:
    """Slogans a report itself marks: quoted ones, unquoted digit formulas, 十X五."""
    found: dict[str, str] = {}
    quoted: set[str] = set()
    for _s, _e, phrase in quoted_spans(text, max_len=20):
        p = _clean(phrase)
        kind = classify_slogan(p)
        if kind:
            found.setdefault(p, kind)
            quoted.add(p)
    for m in _UNQUOTED_FORMULA.finditer(text):
        found.setdefault(m.group(0), "digit")
    for m in _FIVE_YEAR_PLAN.finditer(text):
        found.setdefault(m.group(0), "numeral")
    return found, quoted


def _strong(slogan: str) -> bool:
    """A numeral formula that stays a formula out of quotes: two numerals or 十X五."""
    numerals = sum(ch in NUMERALS for ch in slogan)
    return numerals >= 2 and len(slogan) >= 3 and not _EVERYDAY.match(slogan)


def _context(text: str, start: int, end: int, width: int = 18) -> str:
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    return f"{left}{text[start:end]}{right}"


def extract_slogans(
    corpus: pd.DataFrame,
    *,
    paragraphs: pd.DataFrame | None = None,
    glossary: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """List each report's slogans and numeric formulas with their counts.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus`.
    paragraphs : pandas.DataFrame, optional
        Its paragraphs (computed when None); boilerplate is ignored.
    glossary : pandas.DataFrame, optional
        Glossary entries of the same corpus (extracted when None); glossary terms and
        their quoted cores that look like slogans are slogans, and ``defined`` names them.

    Returns
    -------
    pandas.DataFrame
        One row per report and slogan, sorted by report order, kind and slogan, with columns
        ``doc_id``, ``slogan`` (simplified, without quotes), ``kind`` (digit, numeral,
        abbreviation, quoted), ``count`` (uses in the report, quoted or not, longest match
        first: 五做 inside 五做五抓 counts for 五做五抓 only), ``quoted`` (bool: the report
        quotes it at least once), ``defined`` (the glossary term that defines it, from this
        report first, else from another report of the corpus; empty when none) and
        ``first_context`` (the words around its first use).
    """
    from analysis.glossary import extract_glossary

    if paragraphs is None:
        paragraphs = split_paragraphs(corpus)
    if glossary is None:
        glossary = extract_glossary(corpus, paragraphs=paragraphs, warn=False)
    texts = _doc_text(paragraphs)

    defined: dict[str, dict[str, str]] = {}  # key -> doc_id -> term
    glossary_slogans: dict[str, str] = {}
    for doc_id, term, aliases in glossary[["doc_id", "term", "aliases"]].itertuples(index=False):
        for cand in (term, *aliases):
            cand = strip_quotes(cand)
            defined.setdefault(match_key(cand), {}).setdefault(doc_id, term)
            kind = classify_slogan(cand)
            if kind in ("digit", "numeral") or (kind and cand != term):
                glossary_slogans.setdefault(cand, kind)

    per_doc: dict[str, tuple[dict[str, str], set[str]]] = {
        d: _discover(t) for d, t in texts.items()
    }
    # slogans that travel between reports: digit formulas, glossary slogans and numeral
    # formulas of a strong shape (三资三化, 五个一); a national formula travels once a
    # report of the run quotes it. Plain quoted words stay in the report that quotes them.
    national = national_slogans()
    shared: dict[str, str] = dict(glossary_slogans)
    for found, _quoted in per_doc.values():
        for s, kind in found.items():
            if kind == "digit" or (kind == "numeral" and (_strong(s) or s in national)):
                shared.setdefault(s, kind)

    rows = []
    for doc_id in corpus["doc_id"]:
        if doc_id not in texts:
            continue
        text = texts[doc_id]
        found, quoted = per_doc[doc_id]
        lexicon = dict(shared)
        for s, kind in found.items():
            lexicon.setdefault(s, kind)
        counts: dict[str, int] = {}
        first: dict[str, tuple[int, int]] = {}
        for m in _boundary_pattern(list(lexicon)).finditer(text):
            s = m.group(0)
            counts[s] = counts.get(s, 0) + 1
            first.setdefault(s, (m.start(), m.end()))
        for s, n in counts.items():
            key = match_key(s)
            by_doc = defined.get(key, {})
            term = by_doc.get(doc_id) or next(iter(by_doc.values()), "")
            rows.append(
                {
                    "doc_id": doc_id,
                    "slogan": s,
                    "kind": lexicon[s],
                    "count": n,
                    "quoted": s in quoted,
                    "defined": term,
                    "first_context": _context(text, *first[s]),
                }
            )
    frame = pd.DataFrame(rows, columns=SLOGAN_COLUMNS)
    order = {d: i for i, d in enumerate(corpus["doc_id"])}
    kind_order = {k: i for i, k in enumerate(SLOGAN_KINDS)}
    frame = frame.assign(
        _d=frame["doc_id"].map(order), _k=frame["kind"].map(kind_order)
    ).sort_values(["_d", "_k", "count", "slogan"], ascending=[True, True, False, True])
    return frame.drop(columns=["_d", "_k"]).reset_index(drop=True)


def slogan_table(corpus: pd.DataFrame, *, slogans: pd.DataFrame | None = None) -> pd.DataFrame:
    """Summarise slogans across reports.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (for years).
    slogans : pandas.DataFrame, optional
        The output of :func:`extract_slogans` (computed when None).

    Returns
    -------
    pandas.DataFrame
        One row per slogan, most used first, with columns ``slogan``, ``kind``, ``total``
        (uses in all reports), ``n_reports``, ``reports`` (doc_ids joined by ``、``),
        ``first_year`` (earliest report year using it; missing when unknown) and ``defined``
        (a glossary term defining it, empty when none).
    """
    if slogans is None:
        slogans = extract_slogans(corpus)
    years = corpus.set_index("doc_id")["year"]
    merged = slogans.assign(year=slogans["doc_id"].map(years))
    rows = []
    for slogan, g in merged.groupby("slogan", sort=False):
        defined = next((d for d in g["defined"] if d), "")
        rows.append(
            {
                "slogan": slogan,
                "kind": g["kind"].iloc[0],
                "total": int(g["count"].sum()),
                "n_reports": int(g["doc_id"].nunique()),
                "reports": "、".join(g["doc_id"]),
                "first_year": g["year"].min(),
                "defined": defined,
            }
        )
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["first_year"] = table["first_year"].astype("Int64")
    return table.sort_values(
        ["total", "n_reports", "slogan"], ascending=[False, False, True]
    ).reset_index(drop=True)
