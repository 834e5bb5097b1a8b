"""Finding slogans in running text by their shape, quoted or not.

Each finder takes one paragraph and returns :class:`Found` records. Shapes:

- quoted phrases, with compounds split (“五统一、一开放”) and a numeral or noun standing
  outside the quotes kept (三张“零关税”清单, 金融“五篇大文章”);
- digit formulas without quotes (1+6+N, 1+M+N) and five-year plans (十四五);
- repeated numeral formulas (一圈一带两区, 一主两副, 三去一降一补);
- numeral + 大/个/项/张 + noun (九大行动, 六大科技专项, 四个意识);
- words joined by + (党建+网格+大数据).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from analysis.patterns import (
    CN_NUMERALS,
    FIVE_YEAR_PLAN,
    HAN,
    QUOTE_PAIRS,
    SENTENCE_END,
    SLOGAN_NUMERALS,
    UNITS,
)
from analysis.slogan_rules.words import (
    FORMULA_VERBS,
    FUNCTION_CHARS,
    NOT_FORMULA_NOUNS,
    RANKING_WORDS,
    GeneralWords,
    classify_slogan,
    clean_phrase,
    is_formula_shape,
    segment,
)
from analysis.text import quoted_spans

__all__ = [
    "Found",
    "find_digit_formulas",
    "find_measured",
    "find_plus_formulas",
    "find_quoted",
    "find_repeated",
    "find_shapes",
]


class Found(NamedTuple):
    """One slogan found in a paragraph."""

    start: int
    end: int
    slogan: str
    kind: str
    source: str  # quoted, split, outside, formula, plan, repeated, measured, plus
    quoted: bool


_N = f"[{SLOGAN_NUMERALS}]"
_NOT_N = f"[^{SLOGAN_NUMERALS}\\W\\d_A-Za-z]"
#: What may not stand before a numeral formula: an ordinal, a longer number, a rank.
_NUM_BEFORE = f"(?<![第前后这那每近约逾超几\\d{SLOGAN_NUMERALS}])"
_REPEATED = re.compile(_NUM_BEFORE + f"{_N}{_NOT_N}{{1,2}}(?:{_N}{_NOT_N}{{1,2}})+")
_MEASURED = re.compile(
    _NUM_BEFORE + f"(?P<num>[{CN_NUMERALS[1:]}两])(?P<unit>[大个项张])(?P<rest>{_NOT_N}{{2,8}})"
)
#: Measure words that may stand before a quoted phrase (三张“零关税”清单).
_OUTSIDE_UNITS = "张个项大类条"
#: Measure words inside a counted numeral formula (五篇大文章, 两个大局).
_MEASURES = "张个项大类条篇"
_UNQUOTED_DIGITS = re.compile(
    r"(?<![\d.+A-Za-z:/-])(?:\d{1,4}|[A-Z])(?:\+(?:\d{1,4}|[A-Z]))+(?![\d.%+A-Za-z:/-])"
)
_PLUS = re.compile(r"([\u4e00-\u9fff]{2,8})((?:\+[\u4e00-\u9fff]{2,8})+)")
_SPLIT = re.compile(r"[、,;]")
_NOUN_TAGS = ("n", "j", "b")


def _tag(word: str, general: GeneralWords) -> str:
    return general.get(word, (0, ""))[1]


def _nounish(word: str, general: GeneralWords) -> bool:
    tag = general.get(word, (0, ""))[1]
    return (len(word) > 1 and tag.startswith(_NOUN_TAGS)) or tag == "vn"


def _crosses_word(text: str, start: int, end: int, general: GeneralWords) -> bool:
    """Whether a word of the general dictionary runs across either edge (三对三足|球)."""
    left = (text[start - k : start + j] for k in (1, 2) for j in (1, 2) if start >= k)
    right = (text[end - j : end + k] for k in (1, 2) for j in (1, 2) if end + k <= len(text))
    return any(w in general for w in left) or any(w in general for w in right)


def _bad_parts(parts: list[str], general: GeneralWords) -> bool:
    """Parts that make a repeated phrase prose: 一批, 一心 (an adverb: 万众一心), 四个目标一个过程,
    一家或多家, 三级第三轮, 双招双引."""
    if any(not is_formula_shape(p, None) or _tag(p, general) == "d" for p in parts):
        return True
    if any(FUNCTION_CHARS.search(p[1:]) for p in parts):
        return True
    return all(p[1:2] in UNITS for p in parts) or all(p[0] == "双" for p in parts)


def find_repeated(text: str, general: GeneralWords) -> list[Found]:
    """Numeral + 1–4 characters, repeated: 一圈一带两区, 一主两副, 两不愁三保障.

    The last part is cut to the length of the first (一主两副格局 -> 一主两副). Not a
    formula: a phrase the general dictionary knows (一心一意, 千家万户), one with an
    everyday part (一批, 三年), counted things (四个目标一个过程), function words inside
    (一家或多家), or a word running across its edge (三对三足球).
    """
    out = []
    for m in _REPEATED.finditer(text):
        parts = re.findall(f"{_N}{_NOT_N}*", m.group(0))
        size = len(parts[0])
        parts[-1] = parts[-1][:size]
        if any(len(p) != size for p in parts) or _bad_parts(parts, general):
            continue
        phrase = "".join(parts)
        end = m.start() + len(phrase)
        if is_formula_shape(phrase, general) and not _crosses_word(text, m.start(), end, general):
            out.append(Found(m.start(), end, phrase, "numeral", "repeated", False))
    return out


def _noun_phrase(rest: str, general: GeneralWords) -> str:
    """The head noun after a measure word: one word, or two nouns up to 4 characters."""
    words = segment(rest, general)
    if not words or not _nounish(words[0], general) or words[0] in NOT_FORMULA_NOUNS:
        return ""
    head = words[0]
    second = words[1] if len(words) > 1 else ""
    if 1 < len(second) <= 4 - len(head) and _tag(second, general).startswith(_NOUN_TAGS):
        head += second
    return head


def _announced(text: str, start: int, end: int) -> bool:
    """A measured formula stands alone: after a clause start or a verb that introduces a
    programme (实施, 推进), before a clause end; not after a list it sums up (甲、乙两大产业)
    or a ranking (全国十大)."""
    before = text[:start]
    if any(before.endswith(w) for w in RANKING_WORDS):
        return False
    clause = re.split(f"[{SENTENCE_END},:]", before)[-1]
    if "、" in clause or "”" in clause[-1:]:
        return False
    lead_ok = not clause or any(clause.endswith(v) for v in FORMULA_VERBS)
    return lead_ok and (end == len(text) or not HAN.match(text[end]))


def find_measured(text: str, general: GeneralWords) -> list[Found]:
    """Numeral + 大/个/项/张 + noun: 九大行动, 六大科技专项, 四个意识, 三项制度.

    Only two to ten (一大批, 百项技术 are amounts), not plain counts whose noun is in
    :data:`analysis.slogan_rules.words.NOT_FORMULA_NOUNS` (三个方面, 两个小时), and only
    where the phrase stands alone (see ``_announced``).
    """
    out = []
    for m in _MEASURED.finditer(text):
        head = _noun_phrase(m.group("rest"), general)
        phrase = m.group("num") + m.group("unit") + head
        end = m.start() + len(phrase)
        if head and is_formula_shape(phrase, general) and _announced(text, m.start(), end):
            out.append(Found(m.start(), end, phrase, "numeral", "measured", False))
    return out


def find_digit_formulas(text: str) -> list[Found]:
    """Unquoted digit formulas (1+6+N, 1+M+N) and five-year plans (十四五)."""
    out = [
        Found(m.start(), m.end(), m.group(0), "digit", "formula", False)
        for m in _UNQUOTED_DIGITS.finditer(text)
        if classify_slogan(m.group(0)) == "digit"
    ]
    out += [
        Found(m.start(), m.end(), m.group(0), "numeral", "plan", False)
        for m in FIVE_YEAR_PLAN.finditer(text)
    ]
    return out


def find_plus_formulas(text: str, general: GeneralWords) -> list[Found]:
    """Words joined by + without quotes: 党建+网格+大数据 (the first and last words cut
    at a dictionary word boundary)."""
    out = []
    inside = {i for a, b, _p in quoted_spans(text, max_len=30) for i in range(a, b)}
    for m in _PLUS.finditer(text):
        left = m.group(1)
        if m.start(2) in inside:
            continue
        first = next(
            (left[-n:] for n in range(min(6, len(left)), 1, -1) if left[-n:] in general), ""
        )
        *middle, tail = m.group(2)[1:].split("+")
        last = next((tail[:n] for n in range(min(6, len(tail)), 1, -1) if tail[:n] in general), "")
        after_quote = text[m.start(2) - len(first) - 1 : m.start(2) - len(first)] in '”"」』'
        if not first or (not last and len(tail) > 4) or after_quote:
            continue
        phrase = "+".join([first, *middle, last or tail])
        start = m.start(1) + len(left) - len(first)
        out.append(Found(start, start + len(phrase), phrase, "plus", "plus", False))
    return out


def _counted_formula(phrase: str) -> bool:
    """A numeral formula with a measure word or two numerals: 五篇大文章, 两个大局, 双一流."""
    numerals = sum(ch in SLOGAN_NUMERALS for ch in phrase)
    return (
        len(phrase) >= 3
        and phrase[0] in SLOGAN_NUMERALS
        and (numerals >= 2 or phrase[1] in _MEASURES)
    )


def _outside(text: str, start: int, end: int, inner: str, general: GeneralWords) -> list[Found]:
    """A numeral + measure word before the quotes and a noun after them (三张“零关税”清单),
    or a noun before a quoted numeral formula (金融“五篇大文章”)."""
    out = []
    before = text[max(0, start - 3) : start - 1]
    if len(before) == 2 and before[0] in SLOGAN_NUMERALS[1:] and before[1] in _OUTSIDE_UNITS:
        after = segment(text[end + 1 : end + 5], general)
        if after and len(after[0]) == 2 and _nounish(after[0], general):
            phrase = before + inner + after[0]
            out.append(Found(start - 3, end + 3, phrase, "numeral", "outside", True))
    elif _counted_formula(inner) and _tag(before, general) == "n" and general[before][0] >= 1000:
        out.append(Found(start - 3, end + 1, before + inner, "numeral", "outside", True))
    return out


def find_quoted(text: str, general: GeneralWords | None) -> list[Found]:
    """Quoted slogans, compounds split (“五统一、一开放”), outside words kept.

    Offsets are those of the phrase inside the quotes (an ``outside`` record spans the
    quotes and the words kept).
    """
    out: list[Found] = []
    for start, end, phrase in quoted_spans(text, max_len=20):
        p = clean_phrase(phrase)
        kind = classify_slogan(p, general=general)
        if kind:
            out.append(Found(start, end, p, kind, "quoted", True))
        else:
            out += _split(start, p, general)
        if kind != "digit" and general is not None and text[start - 1 : start] in QUOTE_PAIRS:
            out += _outside(text, start, end, p, general)
    return out


def _split(start: int, phrase: str, general: GeneralWords | None) -> list[Found]:
    """The parts of a quoted compound when every part is a formula: “五统一、一开放”."""
    parts = [s for s in _SPLIT.split(phrase) if s]
    if any(len(s) > 6 for s in parts):
        return []
    kinds = [classify_slogan(s, general=general) for s in parts]
    if len(parts) < 2 or any(k not in ("digit", "numeral", "plus") for k in kinds):
        return []
    out, pos = [], start
    for part, kind in zip(parts, kinds, strict=True):
        pos = phrase.find(part, pos - start) + start
        out.append(Found(pos, pos + len(part), part, str(kind), "split", True))
    return out


def find_shapes(text: str, general: GeneralWords | None) -> list[Found]:
    """All slogans of one paragraph, quoted or by shape.

    Parameters
    ----------
    text : str
        One paragraph (NFKC, simplified).
    general : mapping or None
        jieba's general dictionary; without it only quoted phrases, digit formulas and
        five-year plans are found.

    Returns
    -------
    list of Found
        Records with ``start``, ``end``, ``slogan``, ``kind``, ``source`` and ``quoted``.
    """
    out = find_quoted(text, general) + find_digit_formulas(text)
    if general is not None:
        out += find_repeated(text, general) + find_measured(text, general)
        out += find_plus_formulas(text, general)
    return out
