"""Rules that tell a slogan (提法) from ordinary text: kinds, shapes and everyday phrases.

The rules are tables and small functions over one phrase or one paragraph; nothing here
holds state. Word knowledge comes from jieba's general dictionary, loaded explicitly with
:func:`load_general_words` and passed in by the caller: a phrase that the general
dictionary already knows as a common word or idiom (一心一意, 千家万户) is not a report's
formula, and a 3–4 character phrase it cannot split into words is a compressed list
(放管服, 专精特新).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from analysis.common.patterns import FIVE_YEAR_PLAN, HAN, SLOGAN_NUMERALS, UNITS

__all__ = [
    "DIGIT_CODE",
    "DIGIT_FORMULA",
    "EVERYDAY",
    "FORMULA_VERBS",
    "FUNCTION_CHARS",
    "NOT_FORMULA_NOUNS",
    "RANKING_WORDS",
    "Found",
    "GeneralDictionary",
    "GeneralWords",
    "classify_slogan",
    "clean_phrase",
    "is_formula_shape",
    "jieba_dict_path",
    "load_general_words",
    "segment",
]


class Found(NamedTuple):
    """One slogan found in a paragraph."""

    start: int
    end: int
    slogan: str
    kind: str
    source: str  # quoted, split, outside, formula, plan, repeated, measured, plus
    quoted: bool


#: word -> (frequency, part of speech) from a jieba-format dictionary.
GeneralWords = Mapping[str, tuple[int, str]]

_N = f"[{SLOGAN_NUMERALS}]"
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|\(\d{1,3}\)$")
#: 1+6+N, 2+2+1+N, 1+M+N, N+1: digits or single capitals joined by +, at least one digit.
DIGIT_FORMULA = re.compile(r"^(?=.*\d)(?:\d{1,4}|[A-Z])(?:\+(?:\d{1,4}|[A-Z]))+$")
#: “自主创新33条”, “稳经济26条”: a policy package named by its number of articles.
PACKAGE = re.compile(r"^[\u4e00-\u9fff]{2,8}\d{1,3}条$")
#: “135”, “1350”: a quoted number that names a formula.
DIGIT_CODE = re.compile(r"^[1-9]\d{1,4}[A-Z]?$")
#: 党建+网格+大数据, 人工智能+, AI+, 5G+工业互联网: words joined by + (a trailing + means
#: "with everything").
PLUS_FORMULA = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}|[A-Z]{2,3}|\d[A-Z])(?:\+[\u4e00-\u9fff]{2,6})*\+?$"
)
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*[" + UNITS + r"]")
_CLAUSE = re.compile(r"[,。;:!?、]")
_FUNCTION = re.compile(r"[之的者了去来着过也而与及]")
#: Function characters that never sit inside a repeated numeral formula (一家或多家).
FUNCTION_CHARS = re.compile(r"[的和与及或等之者了着过第]")

#: Numeral phrases of everyday prose: durations, counts, ordinals, set phrases.
EVERYDAY = re.compile(
    f"^{_N}+"
    r"(?:年|个月|月|日|天|次|倍|成|岁|周|季度|个百分点|百分点|是|批|些|般|直|起|定|样|切|律)"
    r"|^(?:一年来|一是|一些|一直|一起|一般|一定|一样|一切|一律|万一|十分|百姓|千方百计|两岸)"
)
#: Nouns that make "numeral + 个/大/项/张 + noun" a plain count (三个方面, 两个小时).
NOT_FORMULA_NOUNS = frozenset(
    [
        "方面",
        "问题",
        "月",
        "季度",
        "小时",
        "百分点",
        "工作日",
        "阶段",
        "部分",
        "领域",
        "地区",
        "国家",
        "城市",
        "县区",
        "类型",
        "层次",
        "环节",
        "年度",
        "步骤",
        "批次",
        "项目",
        "单位",
        "部门",
        "省份",
        "城区",
        "区县",
        "市州",
        "乡镇",
        "街道",
        "村",
        "企业",
        "家庭",
        "孩子",
        "人",
        "片区",
        "板块",
        "方向",
        "重点",
        "任务",
        "目标",
        "指标",
        "主体",
        "群体",
        "产业",
        "市场",
        "短板",
        "优势",
        "特点",
        "因素",
        "原因",
        "措施",
        "举措",
        "文件",
    ]
)
#: Verbs that introduce a programme by its formula (实施九大行动, 推进六大科技专项).
FORMULA_VERBS = (
    "实施",
    "推进",
    "推动",
    "开展",
    "落实",
    "打造",
    "深化",
    "围绕",
    "聚焦",
    "抓好",
    "做好",
    "启动",
    "构建",
    "完善",
    "坚持",
    "突出",
    "锚定",
    "部署",
    "提出",
    "发起",
    "打好",
    "打赢",
    "实现",
    "强化",
    "做强",
    "壮大",
    "培育",
    "深入实施",
    "全面实施",
    "组织",
)
#: Words that make a following 十大 / 五大 a ranking, not a formula (全国十大).
RANKING_WORDS = ("全国", "全球", "世界", "国内", "中国", "全省", "全市", "全区", "国际", "前")


def jieba_dict_path() -> Path:
    """Return the path of jieba's general dictionary file (``jieba/dict.txt``).

    Returns
    -------
    Path
        The file; jieba is located without being imported.
    """
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed; its dictionary is needed")
    return Path(spec.origin).parent / "dict.txt"


class GeneralDictionary(Mapping[str, tuple[int, str]]):
    """A general dictionary kept as columns: word -> (frequency, part-of-speech tag).

    Built from the dictionary's words, frequencies (as written) and tags; a frequency is
    turned into a number only when it is looked up, so loading jieba's 350,000 words costs
    one index, not 350,000 tuples. A word listed twice keeps its last line, as in a dict.

    Parameters
    ----------
    words, freqs, tags : list of str
        One item per dictionary line.
    max_len : int
        Longest word kept.
    """

    def __init__(self, words: list[str], freqs: list[str], tags: list[str], max_len: int) -> None:
        self._index = dict(zip(words, range(len(words)), strict=True))
        for word in [w for w in words if len(w) > max_len]:
            self._index.pop(word, None)
        self._freqs = freqs
        self._tags = tags

    def __getitem__(self, word: str) -> tuple[int, str]:
        i = self._index[word]
        return int(self._freqs[i]), self._tags[i]

    def __contains__(self, word: object) -> bool:
        return word in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def load_general_words(path: str | Path | None = None, *, max_len: int = 8) -> GeneralWords:
    """Load a general dictionary in jieba's format (``word freq [pos]`` per line).

    Parameters
    ----------
    path : str or Path, optional
        The dictionary file; jieba's own ``dict.txt`` when None.
    max_len : int
        Longest word kept (slogan rules look at short words only).

    Returns
    -------
    Mapping
        word -> (frequency, part-of-speech tag; empty when the file has none), a
        :class:`GeneralDictionary`.
    """
    text = Path(path or jieba_dict_path()).read_text(encoding="utf-8")
    fields = text.split()
    lines = text.count("\n") + (not text.endswith("\n"))
    if len(fields) == 3 * lines and "".join(fields[1::3]).isdigit():
        # every line is ``word freq pos`` (jieba's own file): split once, no loop per line
        columns = fields[0::3], fields[1::3], fields[2::3]
    else:
        rows = [line.split(" ") for line in text.splitlines()]
        rows = [r for r in rows if len(r) >= 2 and r[1].isdigit()]
        columns = (
            [r[0] for r in rows],
            [r[1] for r in rows],
            [r[2] if len(r) > 2 else "" for r in rows],
        )
    return GeneralDictionary(*columns, max_len=max_len)


def segment(text: str, general: GeneralWords, *, longest: int = 4) -> list[str]:
    """Split ``text`` into words by forward maximum matching against ``general``.

    Parameters
    ----------
    text : str
        A short run of characters.
    general : mapping
        The output of :func:`load_general_words`.
    longest : int
        Longest word tried.

    Returns
    -------
    list of str
        The words; a character the dictionary does not start a word with stands alone.
    """
    out, i = [], 0
    while i < len(text):
        size = next(
            (n for n in range(min(longest, len(text) - i), 1, -1) if text[i : i + n] in general),
            1,
        )
        out.append(text[i : i + size])
        i += size
    return out


def clean_phrase(phrase: str) -> str:
    """Drop a footnote marker (``[1]``, a trailing ``(2)``) and surrounding space."""
    return _FOOTNOTE.sub("", phrase).strip()


def is_formula_shape(phrase: str, general: GeneralWords | None) -> bool:
    """Whether a numeral phrase reads as a formula rather than a common word or idiom.

    Parameters
    ----------
    phrase : str
        A phrase starting with a Chinese numeral (三资三化, 一心一意).
    general : mapping or None
        General dictionary; without it only :data:`EVERYDAY` phrases are rejected.

    Returns
    -------
    bool
        False for everyday numeral phrases and for words the general dictionary knows.
    """
    if EVERYDAY.match(phrase):
        return False
    return general is None or phrase not in general or bool(FIVE_YEAR_PLAN.fullmatch(phrase))


def _is_abbreviation(p: str, general: GeneralWords | None) -> bool:
    """A 3–4 character compressed list: no real word inside (放管服, 专精特新)."""
    if general is None or not 3 <= len(p) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", p):
        return False
    if _FUNCTION.search(p):
        return False
    pieces = [w for w in segment(p, general) if len(w) > 1]
    return not pieces or (len(pieces) == 1 and general[pieces[0]][0] < 50)


def _digit_kind(p: str) -> str | None:
    """``digit`` for 1+6+N and quoted codes such as 135; None for years and amounts."""
    if DIGIT_FORMULA.match(p):
        return "digit"
    if DIGIT_CODE.match(p) and not p.isdigit():
        return "digit"  # a code with a letter: “415X”
    if DIGIT_CODE.match(p):
        return None if 1900 <= int(p) <= 2100 and len(p) == 4 else "digit"
    return None


def _rejected(p: str) -> bool:
    """Amounts, percentages, clauses and phrases without a Han character."""
    if re.search(r"\d", p) and (_AMOUNT.search(p) or "%" in p or "." in p):
        return True
    return bool(_CLAUSE.search(p)) or not HAN.search(p)


def classify_slogan(phrase: str, *, general: GeneralWords | None = None) -> str | None:
    """Classify a (quoted) phrase as a slogan kind, or reject it.

    Parameters
    ----------
    phrase : str
        The phrase without its quotes, NFKC-normalised and simplified.
    general : mapping, optional
        jieba's general dictionary (:func:`load_general_words`); needed to tell an
        ``abbreviation`` from other ``quoted`` phrases.

    Returns
    -------
    str or None
        ``digit`` (1+6+N, 1+M+N, “135”, 自主创新33条), ``numeral``
        (三资三化, 十四五, 五个一), ``plus`` (党建+网格+大数据, 人工智能+),
        ``abbreviation`` (放管服, 专精特新), ``quoted`` (other short 提法), or
        None for single characters, amounts, dates, percentages, everyday
        numeral phrases (一年来, 两个百分点, 三年) and long or clause-like phrases.
    """
    p = clean_phrase(phrase)
    if not 2 <= len(p) <= 16 or " " in p:
        return None
    if p[0].isdigit() or p[0] == "N" or "+" in p:
        kind = _digit_kind(p) or ("plus" if PLUS_FORMULA.match(p) else None)
        if kind or p[0].isdigit():
            return kind
    if PACKAGE.match(p):
        return "digit"
    if _rejected(p):
        return None
    if p[0] in SLOGAN_NUMERALS:
        return "numeral" if len(p) <= 10 and not EVERYDAY.match(p) else None
    if len(p) > 12:
        return None
    return "abbreviation" if _is_abbreviation(p, general) else "quoted"
