"""Named character tables and regular expressions: the one place for Chinese-text knowledge.

Every table here is data. A new case is one row: a boilerplate rule is a ``name: pattern``
entry of :data:`BOILERPLATE_RULES`, a glossary heading one of :data:`GLOSSARY_HEADINGS`.
Modules import these names; none of them writes its own numeral string, quote set or
unit list.

All patterns apply to text after :func:`analysis.read.corpus.normalize_text` (NFKC), so
full-width ``：，（）`` appear here as ``: , ( )``.
"""

from __future__ import annotations

import re
from types import MappingProxyType

__all__ = [
    "ADMIN_SUFFIXES",
    "ADMIN_UNIT",
    "APPENDIX_HEADINGS",
    "BARE_ONLY_HEADINGS",
    "BOILERPLATE_MAX_LEN",
    "BOILERPLATE_RULES",
    "CLOSE_BRACKETS",
    "CN_NUMBER",
    "CN_NUMERALS",
    "CN_PERCENT",
    "CN_ZERO",
    "FIVE_YEAR_PLAN",
    "GLOSSARY_HEADINGS",
    "GLOSSARY_HEADING_MAX_LEN",
    "HAN",
    "NUMERAL_VALUES",
    "OPEN_BRACKETS",
    "PARAGRAPH_MAX_CHARS",
    "PINYIN_GLOSS",
    "PLAN_PERIOD",
    "POLEMIC_YEARS",
    "QUOTES",
    "QUOTE_PAIRS",
    "SENTENCE_END",
    "SLOGAN_NUMERALS",
    "UNITS",
    "boilerplate_rule",
    "cn_to_int",
    "read_number",
    "to_arabic",
]

# --------------------------------------------------------------------------- characters

#: Quotation marks that wrap a term or a slogan.
QUOTES = "“”‘’\"'「」『』"
#: Opening quote -> closing quote.
QUOTE_PAIRS = MappingProxyType({"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'})
#: Brackets and quotes that open / close a nested span (matched by position).
OPEN_BRACKETS = "“‘「『(《[【"
CLOSE_BRACKETS = "”’」』)》]】"

#: The Chinese numerals one to ten (the only place this string is written).
CN_NUMERALS = "一二三四五六七八九十"
#: Ways of writing zero in a year such as 二〇二四.
CN_ZERO = "〇零○"
#: Characters that start a numeral formula (三资三化, 两个维护, 双碳, 百千万).
SLOGAN_NUMERALS = CN_NUMERALS + "两双百千万"
#: Value of each numeral character (十 is handled by :func:`cn_to_int`).
NUMERAL_VALUES = MappingProxyType(
    {
        **{c: 0 for c in CN_ZERO + "O"},
        **{c: i for i, c in enumerate(CN_NUMERALS[:9], start=1)},
        "两": 2,
    }
)
#: Multiplier characters inside a Chinese number (十 is also the numeral ten).
NUMERAL_POWERS = MappingProxyType({"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8})
#: Marks the decimal point of a Chinese number: 十二点八.
CN_POINT = "点"
_CN_DIGITS = CN_ZERO + CN_NUMERALS[:9] + "两"
#: A number in Chinese numerals: 八, 十二点八, 一万七千四百, 二〇二四 (starts with a digit or 十).
CN_NUMBER = re.compile(
    f"[{_CN_DIGITS}十][{_CN_DIGITS}{''.join(NUMERAL_POWERS)}]*(?:{CN_POINT}[{_CN_DIGITS}]+)?"
)
#: The same, ending as early as it can (before a unit that starts with 万 or 亿: 十万人).
_CN_AMOUNT = (
    f"[{_CN_DIGITS}十][{_CN_DIGITS}{''.join(NUMERAL_POWERS)}]*?(?:{CN_POINT}[{_CN_DIGITS}]+)?"
)
#: A percentage written out: 百分之六, 百分之十二点八, 百分之八至九, 百分之八到百分之九.
CN_PERCENT = re.compile(
    f"百分之(?P<low>{CN_NUMBER.pattern})"
    f"(?:(?P<dash>至|到|—{{1,2}}|-|~)(?:百分之)?(?P<high>{CN_NUMBER.pattern}))?"
)
#: A five-year plan: 十三五, 十四五, 十五五.
FIVE_YEAR_PLAN = re.compile(f"十[{CN_NUMERALS[:9]}]五")
#: A five-year plan period however it is written: 十四五, “十五”, “九五”, 第十个五年.
PLAN_PERIOD = re.compile(
    FIVE_YEAR_PLAN.pattern + f'|[“"](?:十|[{CN_NUMERALS[5:9]}])五[”"]|第[{CN_NUMERALS}]+个五年'
)

#: Years whose reports still write in the polemical style of the 1950s–70s (through the 1982
#: report): quotes round refuted words with no cue near them (“冻结技术”, “帽子工厂”).
POLEMIC_YEARS = re.compile(r"19[5-7]\d|198[0-2]")

#: Measure words and units that make a number an amount (5个, 3.5亿元, 12%).
UNITS = "个名家项亿万千百元%所条场次年月日天倍吨米度届期批级类股位户人座件台辆只"
#: Administrative-unit suffixes, longest first.
ADMIN_SUFFIXES = ("自治区", "自治州", "自治县", "省", "市", "区", "县", "旗", "州", "盟")
#: A place name ending in an administrative unit (青岛市, 市南区, 宁夏回族自治区).
ADMIN_UNIT = re.compile(r"[\u4e00-\u9fff]+?(?:" + "|".join(ADMIN_SUFFIXES) + ")")
#: Characters that end a sentence (after NFKC: full-width ！？； are ! ? ;).
SENTENCE_END = "。!?;"
#: Longest paragraph the steps are given: a longer line (a report saved without line breaks)
#: is cut into pieces of at most this many characters, at sentence ends where it has them,
#: so that the per-paragraph steps stay linear in the size of the file. The longest line of
#: the real corpora has 3,890 characters, so no real paragraph is cut.
PARAGRAPH_MAX_CHARS = 10_000
#: One Han character.
HAN = re.compile(r"[\u4e00-\u9fff]")
#: A pinyin gloss after a character in mirrored pages: 報(bào)告, 名(míng)詞.
#: (The "(" comes first and the Han character is checked behind it, so that a search
#: jumps from one "(" to the next instead of testing every character.)
PINYIN_GLOSS = re.compile(
    r"\((?<=[\u3400-\u9fff]\()\s*(?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑ]{1,6}\s*){1,4}\)"
)


def _cn_integer(text: str) -> int | None:
    """An integer in Chinese numerals with 十百千万亿, or digit by digit (二〇二四)."""
    if not any(c in NUMERAL_POWERS for c in text):  # digit by digit: 二〇二四
        return int("".join(str(NUMERAL_VALUES[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in NUMERAL_VALUES:
            if digit is not None:  # two digits in a row (二三十) is no number
                return None
            digit = NUMERAL_VALUES[c]
        elif NUMERAL_POWERS[c] >= 10**4:
            section = (section + (digit or 0)) * NUMERAL_POWERS[c]
            total, section, digit = total + section, 0, None
        else:
            section += (1 if digit is None else digit) * NUMERAL_POWERS[c]
            digit = None
    return total + section + (digit or 0)


def read_number(text: str) -> float | None:
    """Read a number written in digits or in Chinese numerals.

    The one number reader of the package: years, list numbers, targets and results.

    Parameters
    ----------
    text : str
        ``4.5``, ``21``, ``二十一``, ``十二点八``, ``一万七千四百``, ``两``, or a digit-by-digit
        year ``二〇二四``.

    Returns
    -------
    float or None
        The value, or None when ``text`` is not a number.
    """
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    allowed = set(NUMERAL_VALUES) | set(NUMERAL_POWERS)
    whole, point, frac = text.partition(CN_POINT)
    if not whole or any(c not in allowed for c in whole):
        return None
    if point and (not frac or any(c not in NUMERAL_VALUES for c in frac)):
        return None
    value = _cn_integer(whole)
    if value is None:
        return None
    if not point:
        return float(value)
    return float(f"{value}.{''.join(str(NUMERAL_VALUES[c]) for c in frac)}")


def cn_to_int(text: str) -> int | None:
    """Read a whole number written in Chinese numerals or digits (see :func:`read_number`).

    Parameters
    ----------
    text : str
        ``21``, ``二十一``, ``十``, ``十五``, ``九十``, ``一百二十``, or a digit-by-digit year
        ``二〇二四``.

    Returns
    -------
    int or None
        The value, or None when ``text`` is not a whole number.
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    if CN_POINT in text or any(c.isdigit() for c in text):
        return None
    value = read_number(text)
    return None if value is None else int(value)


def _arabic(value: float) -> str:
    return f"{value:g}" if value < 1e15 else str(int(value))


def to_arabic(text: str, *, units: str) -> str:
    """Write the Chinese-numeral amounts of a text in digits, for reading values.

    Parameters
    ----------
    text : str
        A clause: ``国民生产总值比上年增长百分之十二点八``.
    units : str
        A regex of the units an amount may carry (``亿元|万人|%``): a Chinese number counts as
        an amount only right before one (一万七千四百亿元 -> 17400亿元; 一般 stays).

    Returns
    -------
    str
        The text with ``百分之X`` as ``X%`` (``百分之八至九`` -> ``8%至9%``) and each amount
        before a unit in digits; everything else unchanged.
    """

    def percent(m: re.Match[str]) -> str:
        low = read_number(m["low"])
        if low is None:
            return m.group()
        high = read_number(m["high"]) if m["high"] else None
        if m["high"] and high is None:
            return m.group()
        tail = f"{m['dash']}{_arabic(high)}%" if high is not None else ""
        return f"{_arabic(low)}%{tail}"

    def amount(m: re.Match[str]) -> str:
        value = read_number(m["n"])
        return m.group() if value is None else _arabic(value) + m["u"]

    text = CN_PERCENT.sub(percent, text)
    return re.sub(f"(?P<n>{_CN_AMOUNT})(?P<u>{units})", amount, text)


# --------------------------------------------------------------------------- page boilerplate

_N = f"[{CN_NUMERALS}\\d]+"

#: Web-page and print furniture, one named rule each; a line matching any is not report text.
BOILERPLATE_RULES = MappingProxyType(
    {
        "mobile_site": re.compile(r"WAP手机版"),
        "breadcrumb": re.compile(r"^当前位置|^首页\s*[>》]"),
        "disclaimer": re.compile(r"^免责[申声]明"),
        "copyright": re.compile(r"^版权所有|Copyright|©"),
        "site_owner": re.compile(r"^主办单位|^承办单位|运行维护单位"),
        "icp_number": re.compile(r"ICP备|ICP证|公网安备"),
        "tags": re.compile(r"^标签[::]"),
        "share_prompt": re.compile(r"扫一扫|^分享到"),
        "font_size": re.compile(r"字体大小|^字号[::]|【\s*大\s*中\s*小\s*】"),
        "print_close": re.compile(
            r"【?打印】?\s*【?关闭|^打印$|^关闭$|打印本页|关闭窗口|返回顶部|纠错】"
        ),
        "related_links": re.compile(r"^相关(?:评论|阅读|新闻|链接|报道)"),
        "prev_next": re.compile(r"^上一篇|^下一篇"),
        "editor": re.compile(r"^责任编辑|^编辑[::]|^作者[::]|^审核[::]"),
        "source": re.compile(r"^来源[::]|^(?:文章|信息)来源[::]|^原标题[::]"),
        "published": re.compile(r"发布日期|发布时间|浏览次数|阅读次数|点击数[::]"),
        "summary": re.compile(r"^内容摘要[::]"),
        "newspaper_jump": re.compile(f"^[((]?(?:上接|下转){_N}版"),
        "site_links": re.compile(r"^网站地图|^联系我们"),
        "bullet_link": re.compile(r"^•"),
        "dateline": re.compile(r"^\d{4}-\d{1,2}-\d{1,2}\S{0,40}$"),
        "downloads": re.compile(r"附件下载|^下载附件"),
        "end_mark": re.compile(r"^[((]完[))]$"),
    }
)
#: Lines longer than this are report text even when a rule matches inside them.
BOILERPLATE_MAX_LEN = 160


def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives (``a|b(c|d)`` -> ``a``, ``b(c|d)``)."""
    out: list[str] = []
    current, depth, in_class, escaped = "", 0, False, False
    for ch in pattern:
        if escaped or in_class:
            in_class = in_class and (escaped or ch != "]")
            escaped = not escaped and ch == "\\"
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(current)
            current = ""
            continue
        current += ch
    return [*out, current]


def _any_of(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives) or "(?!)")


def _starts_literal(alternative: str) -> bool:
    """Whether an alternative opens with one plain character (the regex engine then skips
    ahead to where that character is)."""
    head, after = alternative[:1], alternative[1:2]
    return bool(head) and head not in "\\[(.^$|?*+{" and after not in ("?", "*", "{", "+")


#: All the rules as three searches, so that a line none of them matches (most lines) is
#: done at once: the alternatives anchored at the line's start (matched there), those
#: opening with a plain character (searched: the engine skips to that character), the rest.
_RULE_ALTERNATIVES = [a for r in BOILERPLATE_RULES.values() for a in _alternatives(r.pattern)]
_ANY_AT_START = _any_of([a[1:] for a in _RULE_ALTERNATIVES if a.startswith("^")])
_ANY_INSIDE = tuple(
    _any_of([a for a in _RULE_ALTERNATIVES if not a.startswith("^") and _starts_literal(a) == lit])
    for lit in (True, False)
)


def _any_boilerplate(line: str) -> bool:
    """Whether some rule of :data:`BOILERPLATE_RULES` matches ``line``."""
    return _ANY_AT_START.match(line) is not None or any(p.search(line) for p in _ANY_INSIDE)


def boilerplate_rule(line: str) -> str:
    """Name the boilerplate rule a line matches, or return an empty string.

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    str
        A key of :data:`BOILERPLATE_RULES` (``copyright``, ``icp_number``, ...), or ``""``
        for report text (and for any line over :data:`BOILERPLATE_MAX_LEN` characters).
    """
    if len(line) > BOILERPLATE_MAX_LEN or not _any_boilerplate(line):
        return ""
    return next((name for name, rule in BOILERPLATE_RULES.items() if rule.search(line)), "")


# --------------------------------------------------------------------------- appendix headings

#: Optional lead before a glossary heading word: 附件1, 附:, 《政府工作报告》, 2024年…中的.
_LEAD = r"^(?P<lead>[^,。;!?]{0,26}?)\s*[【\[(]?"
_TAIL = r"[】\])]?\s*[::]?$"


def _heading(word: str) -> re.Pattern[str]:
    spaced = r"\s*".join(word)
    return re.compile(_LEAD + f"(?P<word>{spaced})" + _TAIL)


#: Headings that open a 名词解释 appendix, one named spelling each (spaced forms included).
#: ``注释``-like words count only without a lead, or after 附件N (see corpus.is_glossary_heading).
GLOSSARY_HEADINGS = MappingProxyType(
    {
        "名词解释": _heading("名词解释"),
        "名詞解釋": _heading("名詞解釋"),
        "名词注释": _heading("名词注释"),
        "名詞註釋": _heading("名詞註釋"),
        "名词解读": _heading("名词解读"),
        "词语解释": _heading("词语解释"),
        "有关名词的解释": _heading("有关名词的解释"),
        "有关内容名词注释": _heading("有关内容名词注释"),
        "主要指标解释": _heading("主要指标解释"),
        "注释": _heading("注释"),
        "附注": _heading("附注"),
        "名词释义": _heading("名词释义"),
        "名词解释及说明": _heading("名词解释及说明"),
        "有關名詞的解釋": _heading("有關名詞的解釋"),
        "小词典": _heading("小词典"),
        "新词新语": _heading("新词新语"),
        "热词解读": _heading("热词解读"),
        "注": re.compile(r"^(?P<lead>)(?P<word>注)\s*[::]$"),
    }
)
#: Heading words that need no lead (or an appendix lead) to count: "……的注释" is prose.
BARE_ONLY_HEADINGS = frozenset({"注释", "附注", "注"})
#: Longest line taken for a heading.
GLOSSARY_HEADING_MAX_LEN = 40

#: Headings of other appendices (附件2, 2021年区办实事 ...), one named rule each.
APPENDIX_HEADINGS = MappingProxyType(
    {
        "attachment": re.compile(r"^附\s*件\s*\d*\s*[::.、]?\s*(?P<rest>.*)$"),
        # 2021年区办实事 is a list; 2016年主要任务, 2021年工作任务 head the year's plan
        "task_list": re.compile(
            r"^\d{4}年(?!.*(?:工作|主要任务|目标任务)).{0,20}(?:实事|项目|清单|计划|任务|指标)$"
        ),
        "people_projects": re.compile(r"^(?:区|市|县)?办?(?:民生)?实事(?:项目)?$"),
    }
)
