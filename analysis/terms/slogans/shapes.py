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

from analysis.common.patterns import (
    CN_NUMERALS,
    FIVE_YEAR_PLAN,
    HAN,
    QUOTE_PAIRS,
    SENTENCE_END,
    SLOGAN_NUMERALS,
    UNITS,
)
from analysis.common.text import quoted_spans
from analysis.terms.slogans.plus import find_plus_formulas
from analysis.terms.slogans.words import (
    EVERYDAY,
    FORMULA_VERBS,
    FUNCTION_CHARS,
    NOT_FORMULA_NOUNS,
    RANKING_WORDS,
    Found,
    GeneralWords,
    classify_slogan,
    clean_phrase,
    is_formula_shape,
    segment,
)

__all__ = [
    "Found",
    "find_digit_formulas",
    "find_labelled",
    "find_measured",
    "find_plus_formulas",
    "find_quoted",
    "find_repeated",
    "find_shapes",
    "is_prose_numeral",
]


_N = f"[{SLOGAN_NUMERALS}]"
_NOT_N = f"[^{SLOGAN_NUMERALS}\\W\\d_A-Za-z]"
#: What may not stand before a numeral formula: an ordinal, a longer number, a rank.
_NOT_BEFORE = f"[第前后这那每近约逾超几\\d{SLOGAN_NUMERALS}]"
_COUNT_N = f"[{CN_NUMERALS[1:]}两]"


def _numeral_first(numeral: str) -> str:
    """A numeral with none of :data:`_NOT_BEFORE` before it. (The numeral opens the pattern
    and the character before it is checked behind it, so that a search jumps from numeral
    to numeral instead of testing every character.)"""
    return f"{numeral}(?<!{_NOT_BEFORE}{numeral})"


_REPEATED = re.compile(_numeral_first(_N) + f"{_NOT_N}{{1,2}}(?:{_N}{_NOT_N}{{1,2}})+")
_MEASURED = re.compile(
    f"(?P<num>{_numeral_first(_COUNT_N)})(?P<unit>[大个项张])(?P<rest>{_NOT_N}{{2,8}})"
)
#: Words that make a following count a reference back to things named before (这三项工作).
_BACK_REFERENCES = ("这", "那", "上述", "以上", "此", "这些", "任何", "每")
#: Numeral and measure word opening a counted part (一个国家).
_COUNTED = re.compile(f"^{_N}[个种]")
#: A count in a list of counts (三个铁矿,八个选矿厂; 八大煤炭基地,十大油气田): amounts planned,
#: not formulas; the count after or before it in the same sentence.
_COUNT_AFTER = re.compile(f"[,、]\\s*{_N}{{1,3}}[个大座项家条所批处]")
_COUNT_BEFORE = re.compile(f"{_N}{{1,3}}[个大座项家条所批处][^,、。;:]{{1,8}}[,、]\\s*$")
#: Characters of a part that is an amount (千亿, 百万): the formula goes on to its noun.
_AMOUNT_PART = frozenset(SLOGAN_NUMERALS + "亿")
#: A formula closing a long quoted name (“科技创新双百工程” -> 双百工程): two or more numerals
#: and a programme word.
_NAME_TAIL = re.compile(
    f"(?<![{SLOGAN_NUMERALS}])[{SLOGAN_NUMERALS}]{{2,3}}(?:工程|行动|计划|战略|工作法|模式|品牌)$"
)
#: Count and ordinal markers that make a repeated phrase a count (双方两个, 二期三号).
COUNT_MARKERS = "个期号级届张"
#: Measure words that may stand before a quoted phrase (三张“零关税”清单).
_OUTSIDE_UNITS = "张项类"
#: Measure words inside a counted numeral formula (五篇大文章, 两个大局).
_MEASURES = "篇大个项"
#: An unquoted 1+6+N: 1-4 digits or a capital, then "+" parts, not inside a longer code or
#: number. (The pattern opens with its first character and checks the one before it
#: afterwards, so that a search skips to candidate characters instead of testing each one.)
_UNQUOTED_DIGITS = re.compile(
    r"[\dA-Z](?<![\d.+A-Za-z:/-][\dA-Z])(?:(?<=\d)\d{0,3})?"
    r"(?:\+(?:\d{1,4}|[A-Z]))+(?![\d.%+A-Za-z:/-])"
)
#: Longest quoted span looked at: a compound of formulas (“一个中心、两块经济、三大战略”).
MAX_QUOTE = 40
#: Longest quoted title whose closing words may be a counted formula.
_MAX_TITLE = 20
#: A counted formula closing a quoted title (…的五项重点工作, …合作八项新举措).
_TITLE_TAIL = re.compile(_numeral_first(_COUNT_N) + f"[大个项张]{_NOT_N}{{2,4}}$")
#: A numeral part labelling a clause (一个定位:, 三个坚持:) at a clause start.
_LABELLED = re.compile(f"(?:^|(?<=[{SENTENCE_END},]))\\s*(?P<p>{_N}[个大项]?{_NOT_N}{{1,4}})\\s*:")
_SPLIT = re.compile(r"[、,;]")
_NOUN_TAGS = ("n", "j", "b")
#: jieba tags of words that cannot end a formula's name: verbs, adverbs, function words.
_NOT_NOUN = ("v", "d", "p", "c", "u", "r", "m", "q", "f", "t", "y", "e", "o", "x", "z")


def _tag(word: str, general: GeneralWords) -> str:
    return general.get(word, (0, ""))[1]


def _noun(word: str, general: GeneralWords) -> bool:
    """A noun proper (tags n, nz, j, b), not a verbal noun."""
    return _tag(word, general).startswith(_NOUN_TAGS)


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
    seconds = [p[1] if len(p) > 1 else "" for p in parts]
    if any(c and c in COUNT_MARKERS for c in seconds) or len(set(parts)) == 1:
        return True
    return all(c and c in UNITS for c in seconds) or all(p[0] == "双" for p in parts)


def is_prose_numeral(phrase: str, general: GeneralWords) -> bool:
    """Whether a quoted numeral phrase of repeated shape reads as prose (万众一心: 一心 is an
    adverb), so that it stays with the report that quotes it."""
    parts = re.findall(f"{_N}{_NOT_N}*", phrase)
    return len(parts) > 1 and _bad_parts(parts, general)


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
        if not is_formula_shape(phrase, general):
            continue
        if all(ch in _AMOUNT_PART for ch in parts[-1]):  # 六大千亿|产业: a count needs its noun
            words = segment(text[end : end + 4], general)
            head = words[0] if words and len(words[0]) == 2 and _noun(words[0], general) else ""
            phrase, end = phrase + head, end + len(head)
        if not _crosses_word(text, m.start(), end, general):
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


def _announced(text: str, start: int, end: int, *, alone: bool) -> bool:
    """Whether a measured phrase names a formula rather than counting things.

    Never after a list it sums up (甲、乙两大产业, “甲”“乙”四项内容) or a ranking (全国十大).
    When ``alone``, it must also stand by itself: after a clause start or a verb that
    introduces a programme (实施, 推进), and before a clause end.
    """
    before = text[max(0, start - 80) : start]
    if any(before.endswith(w) for w in (*RANKING_WORDS, *_BACK_REFERENCES)):
        return False
    if _COUNT_AFTER.match(text, end) or _COUNT_BEFORE.search(before):
        return False
    clause = re.split(f"[{SENTENCE_END},:\n]", before)[-1]
    if "、" in clause or "”" in clause[-1:]:
        return False
    if not alone:
        return True
    lead_ok = not clause or any(clause.endswith(v) for v in FORMULA_VERBS)
    return lead_ok and (end == len(text) or not HAN.match(text[end]))


def find_measured(text: str, general: GeneralWords, *, alone: bool = True) -> list[Found]:
    """Numeral + 大/个/项/张 + noun: 九大行动, 六大科技专项, 四个意识, 三项制度.

    Only two to ten (一大批, 百项技术 are amounts), not plain counts whose noun is in
    :data:`analysis.terms.slogans.words.NOT_FORMULA_NOUNS` (三个方面, 两个小时), and only
    where the phrase stands alone (see ``_announced``) unless ``alone`` is False (a
    glossary definition listing a formula's parts: “4”即四大主导产业).
    """
    out = []
    for m in _MEASURED.finditer(text):
        head = _noun_phrase(m.group("rest"), general)
        phrase = m.group("num") + m.group("unit") + head
        end = m.start() + len(phrase)
        if (
            head
            and is_formula_shape(phrase, general)
            and _announced(text, m.start(), end, alone=alone)
        ):
            out.append(Found(m.start(), end, phrase, "numeral", "measured", False))
    return out


#: A policy package announced by a verb: 出台自主创新33条, 落实优化营商环境58条改革举措.
_PACKAGE = re.compile(
    r"(?:出台|印发|制定|推出|落实|实施)+(?P<p>(?![\u4e00-\u9fff]*(?:措施|政策))"
    r"[\u4e00-\u9fff]{2,8}?(?<![近约超共逾计余])\d{1,3}条)"
    r"(?=[,。;、”\"]|等|政策|措施|举措|改革|意见|$)"
)


def find_digit_formulas(text: str) -> list[Found]:
    """Unquoted digit formulas (1+6+N, 1+M+N), policy packages announced by a verb
    (出台自主创新33条) and five-year plans (十四五)."""
    out = [
        Found(m.start(), m.end(), m.group(0), "digit", "formula", False)
        for m in (_UNQUOTED_DIGITS.finditer(text) if "+" in text else ())
        if classify_slogan(m.group(0)) == "digit"
    ]
    out += [
        Found(m.start("p"), m.end("p"), m.group("p"), "digit", "formula", False)
        for m in (_PACKAGE.finditer(text) if "条" in text else ())
    ]
    out += [
        Found(m.start(), m.end(), m.group(0), "numeral", "plan", False)
        for m in FIVE_YEAR_PLAN.finditer(text)
    ]
    return out


def _outside(
    text: str, start: int, end: int, inner: str, known: tuple[GeneralWords, frozenset[str]]
) -> list[Found]:
    """Words standing outside the quotes that belong to the formula.

    A numeral + 张/项/类 before the quotes and a noun after them (三张“零关税”清单), or a
    common noun before a well-known counted formula (金融“五篇大文章”; ``known`` holds the
    general dictionary and the national formulas).
    """
    general, national = known
    before = text[max(0, start - 3) : start - 1]
    if len(before) == 2 and before[0] in SLOGAN_NUMERALS[1:] and before[1] in _OUTSIDE_UNITS:
        after = segment(text[end + 1 : end + 5], general)
        if after and len(after[0]) == 2 and not _tag(after[0], general).startswith(_NOT_NOUN):
            phrase = before + inner + after[0]
            return [Found(start - 3, end + 3, phrase, "numeral", "outside", True)]
    counted = inner in national and inner[1:2] in _MEASURES
    if counted and _tag(before, general) == "n" and general[before][0] >= 1000:
        return [Found(start - 3, end + 1, before + inner, "numeral", "outside", True)]
    return []


def find_quoted(
    text: str, general: GeneralWords | None, national: frozenset[str] = frozenset()
) -> list[Found]:
    """Quoted slogans, compounds split (“五统一、一开放”), outside words kept.

    Offsets are those of the phrase inside the quotes (an ``outside`` record spans the
    quotes and the words kept).
    """
    out: list[Found] = []
    if not any(q in text for q in QUOTE_PAIRS):
        return out
    for start, end, phrase in quoted_spans(text, max_len=MAX_QUOTE):
        p = clean_phrase(phrase)
        kind = classify_slogan(p, general=general)
        parts = (
            (_split(start, p, general) or _quoted_tail(start, p, general))
            if kind in (None, "quoted")
            else []
        )
        if kind and not (kind == "quoted" and parts):
            out.append(Found(start, end, p, kind, "quoted", True))
        if kind in (None, "quoted"):
            out += parts
        if kind != "digit" and general is not None and text[start - 1 : start] in QUOTE_PAIRS:
            out += _outside(text, start, end, p, (general, national))
    return out


def _quoted_tail(start: int, phrase: str, general: GeneralWords | None) -> list[Found]:
    """A counted formula closing a quoted title: “医药卫生体制改革的五项重点工作” -> 五项重点工作,
    or a numeral formula closing a name: “科技创新双百工程” -> 双百工程 (the closing quote
    marks where the formula ends)."""
    named = _NAME_TAIL.search(phrase)
    if general is not None and named is not None and named.start() > 0:
        tail = named.group(0)
        if is_formula_shape(tail, general):
            return [Found(start + named.start(), start + len(phrase), tail, "numeral", "named",
                          True)]  # fmt: skip
    m = _TITLE_TAIL.search(phrase) if len(phrase) <= _MAX_TITLE else None
    if general is None or m is None or m.start() == 0:
        return []
    tail = m.group(0)
    if tail[2:] in NOT_FORMULA_NOUNS or not is_formula_shape(tail, general):
        return []
    return [Found(start + m.start(), start + len(phrase), tail, "numeral", "measured", True)]


def find_labelled(text: str, general: GeneralWords) -> list[Found]:
    """Numeral parts that label a clause of a definition: 一个定位:…;三个坚持:… (the parts
    of a formula a glossary entry spells out).

    Parameters
    ----------
    text : str
        A glossary definition.
    general : mapping
        jieba's general dictionary (idioms and common words are not parts).

    Returns
    -------
    list of Found
        One record per labelled part, kind ``numeral``, source ``labelled``.
    """
    return [
        Found(m.start("p"), m.end("p"), m.group("p"), "numeral", "labelled", False)
        for m in _LABELLED.finditer(text)
        if is_formula_shape(m.group("p"), general) and not EVERYDAY.match(m.group("p"))
    ]


def _split(start: int, phrase: str, general: GeneralWords | None) -> list[Found]:
    """The parts of a quoted compound when every part is a formula: “五统一、一开放”."""
    parts = [s for s in _SPLIT.split(phrase) if s]
    if any(len(s) > 6 for s in parts):
        return []
    kinds = [classify_slogan(s, general=general) for s in parts]
    if len(parts) < 2 or any(k not in ("digit", "numeral", "plus") for k in kinds):
        return []
    if any(_COUNTED.match(p) and p[2:] in NOT_FORMULA_NOUNS for p in parts):
        return []  # “一个国家、两种制度”: a plain count inside, one saying, not two formulas
    out, pos = [], start
    for part, kind in zip(parts, kinds, strict=True):
        pos = phrase.find(part, pos - start) + start
        out.append(Found(pos, pos + len(part), part, str(kind), "split", True))
    return out


def find_shapes(
    text: str, general: GeneralWords | None, national: frozenset[str] = frozenset()
) -> list[Found]:
    """All slogans of one paragraph, quoted or by shape.

    Parameters
    ----------
    text : str
        One paragraph (NFKC, simplified).
    general : mapping or None
        jieba's general dictionary; without it only quoted phrases, digit formulas and
        five-year plans are found.
    national : frozenset of str
        Well-known formulas that may take a noun before their quotes (金融“五篇大文章”).

    Returns
    -------
    list of Found
        Records with ``start``, ``end``, ``slogan``, ``kind``, ``source`` and ``quoted``.
    """
    out = find_quoted(text, general, national) + find_digit_formulas(text)
    if general is not None:
        out += find_repeated(text, general) + find_measured(text, general)
        out += find_plus_formulas(text, general)
    return out
