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
    "CN_NUMERALS",
    "CN_ZERO",
    "FIVE_YEAR_PLAN",
    "GLOSSARY_HEADINGS",
    "GLOSSARY_HEADING_MAX_LEN",
    "HAN",
    "NUMERAL_VALUES",
    "OPEN_BRACKETS",
    "PINYIN_GLOSS",
    "QUOTES",
    "QUOTE_PAIRS",
    "SENTENCE_END",
    "SLOGAN_NUMERALS",
    "UNITS",
    "boilerplate_rule",
    "cn_to_int",
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
    {**{c: 0 for c in CN_ZERO + "O"}, **{c: i for i, c in enumerate(CN_NUMERALS[:9], start=1)}}
)
#: A five-year plan: 十三五, 十四五, 十五五.
FIVE_YEAR_PLAN = re.compile(f"十[{CN_NUMERALS[:9]}]五")

#: Measure words and units that make a number an amount (5个, 3.5亿元, 12%).
UNITS = "个名家项亿万千百元%所条场次年月日天倍吨米度届期批级类股位户人座件台辆只"
#: Administrative-unit suffixes, longest first.
ADMIN_SUFFIXES = ("自治区", "自治州", "自治县", "省", "市", "区", "县", "旗", "州", "盟")
#: A place name ending in an administrative unit (青岛市, 市南区, 宁夏回族自治区).
ADMIN_UNIT = re.compile(r"[\u4e00-\u9fff]+?(?:" + "|".join(ADMIN_SUFFIXES) + ")")
#: Characters that end a sentence (after NFKC: full-width ！？； are ! ? ;).
SENTENCE_END = "。!?;"
#: One Han character.
HAN = re.compile(r"[\u4e00-\u9fff]")
#: A pinyin gloss after a character in mirrored pages: 報(bào)告, 名(míng)詞.
#: (The "(" comes first and the Han character is checked behind it, so that a search
#: jumps from one "(" to the next instead of testing every character.)
PINYIN_GLOSS = re.compile(
    r"\((?<=[\u3400-\u9fff]\()\s*(?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑ]{1,6}\s*){1,4}\)"
)


def cn_to_int(text: str) -> int | None:
    """Read a number written in Chinese numerals or digits.

    Parameters
    ----------
    text : str
        ``21``, ``二十一``, ``十``, ``十五``, ``九十``, or a digit-by-digit year ``二〇二四``.

    Returns
    -------
    int or None
        The value, or None when ``text`` is not a number.
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in NUMERAL_VALUES and c != "十" for c in text):
        return None
    if "十" not in text:  # digit by digit: 二〇二四
        return int("".join(str(NUMERAL_VALUES[c]) for c in text))
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return NUMERAL_VALUES.get(tens, 1) * 10 + NUMERAL_VALUES.get(ones, 0)


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
    if len(line) > BOILERPLATE_MAX_LEN:
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
        "task_list": re.compile(r"^\d{4}年.{0,20}(?:实事|项目|清单|计划|任务|指标)$"),
        "people_projects": re.compile(r"^(?:区|市|县)?办?(?:民生)?实事(?:项目)?$"),
    }
)
