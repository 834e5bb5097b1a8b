"""Glossary layouts as data: numberings, entry line formats, lead cues, noise and end marks.

A glossary entry is found by its shape: an optional number (:data:`NUMBERINGS`), a short
term, a separator or a cue word, and a definition. Each way of writing that line is one
named row of :data:`LINE_FORMATS`; :func:`analysis.terms.glossary.parse.parse_entry_line` tries
the rows in order. A new layout is a new row here, nowhere else.

All patterns apply to normalised text (NFKC), so full-width ``：，（）［］`` appear as
``: , ( ) [ ]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from analysis.common.patterns import (
    CLOSE_BRACKETS,
    CN_NUMERALS,
    OPEN_BRACKETS,
    PINYIN_GLOSS,
    SENTENCE_END,
)

__all__ = [
    "CONNECTIVE",
    "CONTINUATION_CUES",
    "DEFINITION_CUES",
    "END_MARKS",
    "HEADING_TERM",
    "INLINE_NUMBER",
    "LABEL",
    "LEAD_CUES",
    "LEAD_PREFIX",
    "LINE_FORMATS",
    "NOISE",
    "NUMBERINGS",
    "QUOTED_LABEL",
    "SENTENCE_TERM",
    "SKIP_LINES",
    "LineFormat",
    "split_colon",
]

# --------------------------------------------------------------------------- numbering

#: How entries are numbered; each pattern has a group ``n`` (digits or Chinese numerals).
NUMBERINGS = MappingProxyType(
    {
        "dot": re.compile(r"^(?P<n>\d{1,3})\s*[.、]\s*"),
        "paren": re.compile(r"^[(]\s*(?P<n>\d{1,3})\s*[)]\s*"),
        "bracket": re.compile(r"^[\[【〔]\s*(?P<n>\d{1,3})\s*[\]】〕]\s*"),
        "cn": re.compile(f"^(?P<n>[{CN_NUMERALS}]{{1,3}})\\s*[、.]\\s*"),
        "paren_cn": re.compile(f"^[(]\\s*(?P<n>[{CN_NUMERALS}]{{1,3}})\\s*[)]\\s*"),
    }
)

# --------------------------------------------------------------------------- words

#: Words that open a definition after the term (“两重”是指…, 暖新驿站,即…).
DEFINITION_CUES = ("是指", "指的是", "简称", "意为", "又称", "亦称", "全称", "即", "指")
_CUE = "|".join(DEFINITION_CUES)

#: Words that introduce part of a definition (其中:…, 具体包括:…), never a term.
CONNECTIVE = re.compile(
    r"^(?:其中|具体(?:是|指|为|包括|内容|来说|而言)?|主要(?:包括|内容|有|是)?|包括|即|注|"
    r"说明|备注|分别|范围|内容|目标|要求|任务|措施|"
    f"[{CN_NUMERALS}]是|第[{CN_NUMERALS}]|[{CN_NUMERALS}\\d]+指)$"
)
#: A title rather than a term: it names explanations (主要统计指标解释--…, 附:…注释).
HEADING_TERM = re.compile(r"(?:解释|注释|释义|注解|说明)$|^附$")
#: A bare label such as 1, N or 3 that opens a sub-definition (“1”即…), unquoted.
LABEL = re.compile(r"^[\dA-Za-z]{1,3}$")
#: A quoted label (“1”, “N”, "5"): a sub-definition inside an entry, never a term.
QUOTED_LABEL = re.compile(r"^[“\"‘「][\dA-Za-z]{1,3}[”\"’」]$")

#: Lines that continue a definition even after it ended a sentence (sub-labels, 其中…).
CONTINUATION_CUES = MappingProxyType(
    {
        "sub_label": re.compile(r"^[“\"‘「]?[\dA-Za-z]{1,3}[”\"’」]?\s*(?:[:,]|" + _CUE + ")"),
        "connective": re.compile(r"^(?:其中|具体|包括|主要包括|分别|此外|另外)"),
    }
)

#: An entry number inside a line, after a sentence end (notes run together on one line:
#: ``1、… 2、… 3、…``); group ``n``.
INLINE_NUMBER = re.compile(r"(?:^|(?<=[。;!?]))\s*(?P<n>\d{1,2})\s*[、.](?!\d)")
#: A later sentence of a note that defines a term of its own (``X是指…。Y是指…``): the term
#: glued to its cue, right after a sentence end; groups ``t`` and ``d``.
SENTENCE_TERM = re.compile(
    f'(?<=[{SENTENCE_END}])\\s*(?P<t>[^\\s,、:“”"(){SENTENCE_END}]{{2,20}}?)'
    f"(?P<d>(?:是指|指的是|系指).+)$"
)

# --------------------------------------------------------------------------- blocks

#: A line announcing explanations without a heading: a news 小词典, 新词新语, a lead sentence.
LEAD_CUES = MappingProxyType(
    {
        "dictionary": re.compile(
            r"^[【\[]?\s*(?:小词典|小辞典|微词典|新词新语|新词热词|热词(?:解读|速览|释义)?|"
            r"名词(?:解释|注释|解读|释义)|词语解释|术语解释|(?:主要)?(?:统计)?指标(?:解释|说明))"
            r"\s*[】\]]?\s*[:|]?\s*$"
        ),
        "lead_sentence": re.compile(
            r"(?:新词|热词|名词|词语|术语|提法|概念|关键词).{0,16}"
            r"(?:解释|注释|释义|解读|含义|是什么|什么意思)[^。]{0,12}[:。]?$"
        ),
        "as_follows": re.compile(r"(?:解释|释义|解读|含义|注释)[^。]{0,8}如下\s*[:。]?$"),
    }
)
#: A lead word glued to the first entry (名词解释:“两重”是指…, 【小词典】两新:…).
LEAD_PREFIX = re.compile(
    r"^[【\[]?\s*(?:小词典|小辞典|新词新语|名词解释|名词释义|热词解读)\s*[】\]]?\s*[:|]?\s*(?=\S)"
    r"|^注\s*:\s*(?=\d{1,2}\s*[.、](?!\d))"
)
#: Page furniture that ends a glossary although it is not a boilerplate line.
END_MARKS = MappingProxyType(
    {
        "related": re.compile(
            r"^(?:相关|延伸|推荐|更多|热门|往期)(?:报道|阅读|新闻|链接|文章|专题)"
        ),
        "byline": re.compile(r"^(?:责任编辑|编辑|来源|作者|记者|通讯员|审核|校对)\s*[:|]"),
        "navigation": re.compile(r"^(?:上一篇|下一篇|返回|打印|关闭|分享|收藏)"),
        "page_tail": re.compile(
            r"^(?:本文(?:地址|链接|网址)|原文(?:地址|链接)|验证码|留言与评论|发表评论|网友评论)"
        ),
    }
)
#: Lines skipped inside a glossary: page numbers of a PDF text.
SKIP_LINES = MappingProxyType(
    {
        "page_number": re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$"),
        "page_of": re.compile(r"^第\s*\d{1,3}\s*页(?:\s*[/,]?\s*共\s*\d{1,3}\s*页)?$"),
        "dateline": re.compile(r"^[^。,;]{0,30}\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}"),
        "newspaper_page": re.compile(r"^第\s*[A-Z]{0,2}\d{1,3}\s*版(?:\s*[:|].{0,30})?$"),
        "reporter": re.compile(
            r"^[(]?(?:本报|本台|新华社|本刊)?(?:首席|特约|见习)?(?:记者|通讯员)"
            r"(?:\s*[\u4e00-\u9fff]{2,4}){1,4}\s*(?:报道|摄影?|采写|整理)?[)]?$"
        ),
        "metadata": re.compile(
            r"^(?:政策依据|文件依据|依据文件|出处|发布时间|发布日期|发布机构|发文机关|文号|"
            r"发文字号|适用范围|报告原文|原文摘录|原文|报告表述)\s*:"
        ),
    }
)
#: Noise removed from a line before it is parsed: pinyin after characters (報(bào)告),
#: a bullet before an entry (●“两重”…).
NOISE = MappingProxyType(
    {
        "bullet": re.compile(r"^[●◆■▲★☆◎◇□▶►▪◉]\s*"),
        "pinyin": PINYIN_GLOSS,
    }
)

# --------------------------------------------------------------------------- entry formats


#: How far into a line the term's colon is looked for (terms are at most 40 characters).
COLON_SCAN = 64


def _between_digits(text: str, i: int) -> bool:
    """A colon between two digits is a time (05:02) or a ratio (3:7), not a separator."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def split_colon(body: str) -> tuple[str, str] | None:
    """Split ``term:definition`` at the first colon outside quotes and brackets.

    Parameters
    ----------
    body : str
        A line without its number.

    Returns
    -------
    tuple of (str, str) or None
        Term and definition, stripped; None when there is no such colon within the first
        :data:`COLON_SCAN` characters (a term is never that long).
    """
    head = body[:COLON_SCAN]
    if ":" not in head:
        return None
    depth = 0
    for i, ch in enumerate(head):
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = depth + 1 if depth == 0 else depth - 1
        elif ch == ":" and depth == 0 and not _between_digits(head, i):
            return body[:i].strip(), body[i + 1 :].strip()
    return None


def _pattern(regex: str) -> Callable[[str], tuple[str, str] | None]:
    """A splitter from a regex with groups ``t`` (term) and ``d`` (definition)."""
    compiled = re.compile(regex)

    def split(body: str) -> tuple[str, str] | None:
        m = compiled.match(body)
        if m is None:
            return None
        groups = m.groupdict()
        return (groups.get("t") or "").strip(), (groups.get("d") or "").strip()

    return split


@dataclass(frozen=True)
class LineFormat:
    """One way of writing a glossary line.

    Attributes
    ----------
    name : str
        The layout's name (reported in ``ParsedLine.layout``).
    split : callable
        ``body -> (term, definition)`` or None when the line does not have this layout.
    kind : str
        ``entry`` (a term and maybe its definition), ``news_term`` (关键词: X) or
        ``news_definition`` (名词解释: …, the definition of the preceding 关键词).
    numbered_only : bool
        The layout counts only after an entry number (``1. term def``).
    announced_only : bool
        The layout counts only in a block a heading or lead line announced (主要统计指标解释):
        a space or ``=`` after a short word is ordinary prose elsewhere.
    strong : bool
        The layout alone marks a definition (``【term】``, a cue word after the term).
    """

    name: str
    split: Callable[[str], tuple[str, str] | None]
    kind: str = "entry"
    numbered_only: bool = False
    strong: bool = False
    announced_only: bool = False


_NO_SENTENCE = f"[^,{SENTENCE_END}:]"
#: A term written right before its cue word (规模以上工业企业是指…): no punctuation, no space.
_GLUED_TERM = f'[^\\s,、:“”"(){SENTENCE_END}]'
#: Words naming another name of the term (国民总收入,原称国民生产总值,是指…).
_ALIAS = "原称|又称|亦称|也称|简称|全称|俗称"
#: Verbs that open an indicator's definition without a cue word (恩格尔系数反映…).
_DEFINING_VERBS = "反映|表示|衡量|用于衡量|用来反映|用以反映|是衡量|是反映"
#: Characters after 指 that make a word (指数, 指标, 指导 …), not the cue 指.
_ZHI_WORDS = "数标导挥出定南引令向明示针"

#: The entry layouts, tried in order on a line without its number.
LINE_FORMATS: tuple[LineFormat, ...] = (
    LineFormat(
        "news_term",
        _pattern(r"^[【\[]?(?:关键词|关键字|词条|热词)[】\]]?\s*[:|]\s*(?P<t>[^。;!?]{0,40})$"),
        kind="news_term",
    ),
    LineFormat(
        "news_definition",
        _pattern(
            r"^[【\[]?(?:名词解释|名词释义|释义|解释|含义|词义|追新词|新词解读)[】\]]?\s*[:|]\s*"
            r"(?P<d>.+)$"
        ),
        kind="news_definition",
    ),
    LineFormat(
        "bracketed",
        _pattern(r"^[【\[]\s*(?P<t>[^】\]]{1,40}?)\s*[】\]]\s*:?\s*(?P<d>.*)$"),
        strong=True,
    ),
    LineFormat("colon", split_colon),
    LineFormat("dash", _pattern(f"^(?P<t>{_NO_SENTENCE}{{1,40}}?)\\s*(?:——|--)\\s*(?P<d>.+)$")),
    LineFormat(
        "quoted_cue",
        _pattern(
            f'^(?P<t>[“"][^”"]{{1,20}}[”"]{_NO_SENTENCE}{{0,12}}?)\\s*,?\\s*(?P<d>(?:{_CUE}).+)$'
        ),
        strong=True,
    ),
    LineFormat(
        "comma_cue",
        _pattern(f"^(?P<t>{_NO_SENTENCE}{{1,30}}?)\\s*,\\s*(?P<d>(?:{_CUE}).+)$"),
        numbered_only=True,
        strong=True,
    ),
    LineFormat(
        "alias_cue",
        _pattern(
            f"^(?P<t>{_GLUED_TERM}{{2,20}}),\\s*(?P<d>(?:{_ALIAS})[^,{SENTENCE_END}]{{1,20}},"
            f"\\s*(?:{_CUE}).+)$"
        ),
        numbered_only=True,
        strong=True,
    ),
    LineFormat(
        "glued_cue",
        _pattern(f"^(?P<t>{_GLUED_TERM}{{2,20}}?)(?P<d>(?:是指|指的是|系指).+)$"),
        numbered_only=True,
        strong=True,
    ),
    LineFormat(
        "glued_zhi",
        _pattern(f"^(?P<t>{_GLUED_TERM}{{2,20}}?)(?P<d>指(?![{_ZHI_WORDS}]).+)$"),
        numbered_only=True,
        strong=True,
    ),
    LineFormat(
        "glued_verb",
        _pattern(
            f"^(?P<t>{_GLUED_TERM}{{2,12}}?)(?P<d>(?:{_DEFINING_VERBS})[^{SENTENCE_END}]{{4,}}.*)$"
        ),
        numbered_only=True,
    ),
    LineFormat(
        "space",
        _pattern(r"^(?P<t>[^\s,。;:!?]{2,20})\s+(?P<d>[^\s].{4,})$"),
        numbered_only=True,
    ),
    LineFormat(
        "equals",
        _pattern(r"^(?P<t>[^\s,。;:!?=]{2,20}?)\s*=\s*(?P<d>\S.{2,})$"),
        announced_only=True,
    ),
    LineFormat(
        "space_announced",
        _pattern(r"^(?P<t>[^\s,。;:!?“”]{2,16})\s+(?P<d>[\u4e00-\u9fff“].{4,})$"),
        announced_only=True,
    ),
    LineFormat(
        # no dash anywhere: checked per character of the (short) term, not by a scan of the
        # whole line, since nothing but spaces and a colon may follow the term
        "term_alone",
        _pattern(f"^(?P<t>(?:(?!--|——)[^,:{SENTENCE_END}]){{1,30}}?)\\s*:?$"),
    ),
)
