"""Evidence that a quoted phrase is a 提法 or only a quotation (scare quotes, reported speech,
names of foreign bodies, metaphors and ordinary words in quotes): finding it and weighing it.

Not every quoted word is a 提法. Reports of the 1950s–1980s put quotes round what they refute
(所谓“自由”劳动者, 说成是什么“党天下”, “请共产党下台”等等狂妄要求); every report quotes names
(“开罗宣言”, “马来西亚”, “天问一号”) and metaphors (“瓶颈”, “龙头”, “拦路虎”). Each row of
:data:`~analysis.terms.slogans.evidence_rules.EVIDENCE_RULES` is one piece of evidence with a
weight: negative for a quotation, positive for a 提法 (where each looks: that module). A quoted
phrase is judged over every quoted use in a run: a negative rule counts by the share of uses it
matches (a ``year`` rule only when it matches every use: a phrase still quoted later is no
relic of a polemical year), a positive rule in full once it matches any use (once a
programme's name, always one), and the run rules (quoted in several reports, defined in a
glossary, a national formula) are added. A phrase whose sum is below zero is a ``quotation``;
with no evidence either way it stays a 提法.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from analysis.terms.slogans.evidence_rules import (
    COMMON_FREQUENCY,
    EVIDENCE_RULES,
    JUDGED_KINDS,
    ORDINARY_FREQUENCY,
    PHRASE_KINDS,
    RUN_RULES,
    EvidenceRule,
)

__all__ = [
    "COMMON_FREQUENCY",
    "EVIDENCE_RULES",
    "JUDGED_KINDS",
    "ORDINARY_FREQUENCY",
    "PHRASE_KINDS",
    "RUN_RULES",
    "EvidenceRule",
    "judge_phrase",
    "judge_quotations",
    "phrase_evidence",
    "use_evidence",
]

#: Characters that may join two quotes of one run: “甲”、“乙”和“丙”.
_RUN_JOINT = re.compile(r"^\s*(?:[、,和与及或]|等)?\s*$")
#: How far before a quote a cue is looked for (within the clause).
_BEFORE = 16
_AFTER = 8

_REUSE = {"reused": 2, "widely_reused": 8}

_COMPILED = {
    r.name: re.compile(
        r.pattern + "$" if r.where == "before" else ("^" if r.where == "after" else "") + r.pattern
    )
    for r in EVIDENCE_RULES
    if r.where not in ("word", "run", "year")
} | {r.name: re.compile(r.pattern) for r in EVIDENCE_RULES if r.where == "run"}
_COMPILED |= {r.name: re.compile(f"^(?:{r.pattern})$") for r in EVIDENCE_RULES if r.where == "year"}
#: Per place, one pattern matching where any of its rules matches (a quick first test).
_ANY = {
    w: re.compile(
        "|".join(f"(?:{_COMPILED[r.name].pattern})" for r in EVIDENCE_RULES if r.where == w)
    )
    for w in ("before", "after", "run", "year")
}
_WEIGHTS = {r.name: r.weight for r in EVIDENCE_RULES} | {n: w for n, w, _ in RUN_RULES}
#: Rules that count only when they match every use (a phrase quoted later too is no relic).
_EVERY_USE = {r.name for r in EVIDENCE_RULES if r.where == "year"}
_CLAUSE_END = re.compile(r"[。!?;\n]")


def _run_edges(spans: list[tuple[int, int, str]], i: int, text: str) -> tuple[int, int]:
    """The indexes of the first and the last quote of the run holding quote ``i``."""
    first = last = i
    while first > 0 and _RUN_JOINT.match(text[spans[first - 1][1] + 1 : spans[first][0] - 1]):
        first -= 1
    while last + 1 < len(spans) and _RUN_JOINT.match(
        text[spans[last][1] + 1 : spans[last + 1][0] - 1]
    ):
        last += 1
    return first, last


def use_evidence(
    text: str, spans: list[tuple[int, int, str]], i: int, year: int | None = None
) -> list[str]:
    """Names of the ``before``, ``after``, ``run`` and ``year`` rules one quoted use matches.

    Parameters
    ----------
    text : str
        The paragraph.
    spans : list of (int, int, str)
        Its quoted spans (:func:`analysis.common.text.quoted_spans`), in order.
    i : int
        Which span.
    year : int, optional
        The report's year; without it no ``year`` rule.

    Returns
    -------
    list of str
        Rule names, in table order; the quote's own neighbours count first, then the run's.
    """
    start, end, _phrase = spans[i]
    first, last = _run_edges(spans, i, text)
    run_start, run_end = spans[first][0] - 1, spans[last][1] + 1
    siblings = [spans[j][2] for j in range(first, last + 1) if j != i]
    befores = {text[max(0, s - _BEFORE) : s] for s in (start - 1, run_start)}
    befores = {_CLAUSE_END.split(b)[-1] for b in befores}
    afters = {_CLAUSE_END.split(text[e : e + _AFTER].lstrip())[0] for e in (end + 1, run_end)}
    where = {"before": befores, "after": afters, "run": siblings}
    where["year"] = (str(year),) if year is not None else ()
    # one search per place for all its rules first: most quotes have no cue at all
    cued = {w: any(p.search(t) for t in where[w]) for w, p in _ANY.items()}
    return [
        rule.name
        for rule in EVIDENCE_RULES
        if cued.get(rule.where) and any(_COMPILED[rule.name].search(t) for t in where[rule.where])
    ]


def phrase_evidence(
    phrase: str, general: Mapping[str, tuple[int, str]] | None, *, numeral: bool = False
) -> list[str]:
    """Names of the ``phrase`` and ``word`` rules the phrase itself matches.

    Parameters
    ----------
    phrase : str
        The quoted phrase, simplified, without quotes.
    general : mapping or None
        jieba's general dictionary (word -> (frequency, tag)); without it no ``word`` rule.
    numeral : bool
        A numeral formula: only the rules that weigh numeral formulas too.

    Returns
    -------
    list of str
        Rule names, in table order.
    """
    entry = general.get(phrase) if general is not None else None
    freq, tag = entry if entry else (0, "")
    words = {
        "ordinary": bool(entry) and freq >= ORDINARY_FREQUENCY and tag[:1] in ("n", "a", "v")
        and tag not in ("ns", "nr", "nt", "nz"),
        "common": tag == "n" and COMMON_FREQUENCY <= freq < ORDINARY_FREQUENCY,
        "idiom": tag == "i",
        "set_phrase": tag == "l",
        "known": bool(entry),
        "name": tag in ("ns", "nr", "nt", "nz") and freq >= COMMON_FREQUENCY,
    }  # fmt: skip
    out = []
    for rule in (r for r in EVIDENCE_RULES if r.numerals or not numeral):
        by_word = rule.where == "word" and words[rule.pattern]
        if by_word or (rule.where == "phrase" and _COMPILED[rule.name].search(phrase)):
            out.append(rule.name)
    return out


def judge_phrase(
    uses: int, matched: Mapping[str, int], *, n_reports: int, facts: Iterable[str] = ()
) -> tuple[int, str]:
    """Weigh the evidence about one quoted phrase over a run.

    Parameters
    ----------
    uses : int
        Its quoted uses in the run.
    matched : mapping of str to int
        Rule name -> number of uses it matched (``phrase`` and ``word`` rules match every use).
    n_reports : int
        Reports of the run that quote it.
    facts : iterable of str
        Run facts that hold: ``defined``, ``national``, ``abbreviation``.

    Returns
    -------
    (int, str)
        The score (negative rules weighted by their share of uses, rounded down; positive ones
        in full) and the verdict, ``quotation`` when the score is below zero, else ``slogan``.
    """
    score = 0.0
    for name, n in matched.items():
        weight = _WEIGHTS.get(name, 0)
        if n > 0 and (name not in _EVERY_USE or n >= uses):
            score += weight if weight > 0 else weight * min(1.0, n / max(uses, 1))
    score += sum(_WEIGHTS[f] for f in facts)
    score += sum(_WEIGHTS[name] for name, least in _REUSE.items() if n_reports >= least)
    total = int(score // 1)
    return total, "quotation" if total < 0 else "slogan"


def _known_word(rows: pd.DataFrame) -> bool:
    """Whether the general dictionary knows the phrase (the ``known`` rule matched it)."""
    return any("known:" in text for text in rows["evidence"])


def judge_quotations(slogans: pd.DataFrame) -> pd.DataFrame:
    """Weigh the evidence of each quoted phrase over the run: 提法 or quotation.

    Parameters
    ----------
    slogans : pandas.DataFrame
        The output of :func:`find_slogans` for the whole run (the evidence of every report
        counts: a phrase quoted in several reports, or defined in one, is a name).

    Returns
    -------
    pandas.DataFrame
        One row per phrase of a judged kind (abbreviation, quoted; numeral when quoted), or
        found only as a part
        of a quoted compound (“一个中国、一个台湾”的阴谋: the cues of the whole count for its
        parts; the general dictionary is not asked about a part), sorted by slogan, with
        columns ``slogan``, ``uses`` (quoted uses in the run), ``n_reports`` (reports
        quoting it), ``evidence`` (``rule:uses`` pairs, run facts included), ``score`` and
        ``verdict`` (``quotation`` when the score is below zero, else ``slogan``).
    """
    rows = []
    split_only = slogans.groupby("slogan")["source"].transform(lambda s: set(s) == {"split"})
    by_phrase = slogans["kind"].isin(PHRASE_KINDS) & (slogans["uses"] > 0)
    judged = slogans[slogans["kind"].isin(JUDGED_KINDS) | split_only | by_phrase]
    for slogan, g in judged.groupby("slogan", sort=True):
        matched: Counter[str] = Counter()
        for text in g["evidence"]:
            matched.update({k: int(v) for k, v in (p.split(":") for p in text.split("|") if p)})
        facts = [
            name
            for name, holds in (
                ("defined", any(g["defined"])),
                ("national", any("national" in s for s in g["source"])),
                ("abbreviation", any(g["kind"] == "abbreviation") and not _known_word(g)),
            )
            if holds
        ]
        uses, n_reports = int(g["uses"].sum()), int((g["uses"] > 0).sum())
        score, verdict = judge_phrase(uses, matched, n_reports=n_reports, facts=facts)
        shown = "|".join([*(f"{k}:{v}" for k, v in sorted(matched.items())), *facts])
        rows.append((slogan, uses, n_reports, shown, score, verdict))
    columns = ["slogan", "uses", "n_reports", "evidence", "score", "verdict"]
    return pd.DataFrame(rows, columns=columns).astype({"score": "int64"})
