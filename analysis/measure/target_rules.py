"""How a target or a result is read from a clause: the rule tables and the value reader.

Used by :mod:`analysis.measure.targets`. Every rule is a named table: openings of a targets passage,
plan-horizon and review words, units, qualifiers, blocking words. Values are read in digits,
full-width digits and Chinese numerals (through :func:`analysis.common.patterns.to_arabic`, the
package's one number reader).
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import NamedTuple

from analysis.common.patterns import CN_NUMERALS, PLAN_PERIOD, SENTENCE_END, to_arabic

__all__ = [
    "CLAUSE_END",
    "FIVE_YEAR_REVIEW",
    "HEADING_MAX_LEN",
    "PERIOD_FIGURE",
    "PERIOD_WORDS",
    "PLAN_HEADING",
    "PLAN_HORIZON",
    "PLAN_IN_REVIEW",
    "PLAN_LEAD",
    "PLAN_PASSAGE",
    "REVIEW_WORDS",
    "TARGETS_OPENING",
    "TARGET_MENTION",
    "TARGET_TIME",
    "YEAR_HEADING",
    "Reading",
    "read_passage",
    "sentence_start",
    "sentences",
]

# --------------------------------------------------------------------------- rule tables

#: The phrase that opens a targets passage: 主要预期目标是: / 主要目标为 / 预期目标如下:.
TARGETS_OPENING = re.compile(
    r"(?:主要\s*(?:预期|调控)?|预期|调控)\s*(?:目标|指标)(?:和任务)?\s*(?:建议|拟)?\s*"
    r"(?:是|为|如下|定为)\s*[:,]?"
    r"|(?:主要)?预期目标\s*:"
)
#: Words before the opening (same sentence) that make it a five-year or long-term plan
#: (a plan's name alone does not: 为确保实现“九五”计划,今年的主要预期目标是).
PLAN_HORIZON = re.compile(
    f"(?:{PLAN_PERIOD.pattern})(?:时期|期间)"
    + r"|五年|规划|纲要|远景|年均|平均每年|到20\d\d年|20[3-9]\d年"
)
#: Words in a targets passage's first part (to ; or 。) that make it a five-year plan's.
PLAN_PASSAGE = re.compile(r"年均|平均每年|(?:今后|未来)\s*[5五]年")
#: A heading just before an opening that puts it in a five-year plan (“十一五”时期主要目标),
#: unless it names this year too (今后五年的主要任务和2003年工作的建议).
PLAN_HEADING = re.compile(r"五年|时期|期间|规划")
#: A heading of this year's plan (三、2006年工作安排): with no opening, the paragraph after it
#: is read as the targets passage when its first part gives a figure ({year} is the report's).
YEAR_HEADING = "{year}年.{{0,12}}(?:工作|安排|任务|要求|目标)"
#: The longest line taken for a heading.
HEADING_MAX_LEN = 40
#: Words of a period in a target sentence: the rest of the sentence is a five-year plan's.
PERIOD_WORDS = re.compile(r"五年|年均|平均每年|远景|到20\d\d年|20[3-9]\d年")
#: Words of the review that keep a sentence without a time word from being a target.
REVIEW_WORDS = re.compile(r"比上年|较上年|同比|上年|去年|统计|核算|预计|完成|实现了|达到了")
#: Figures over a period (a review sentence that has one is not about last year).
PERIOD_FIGURE = re.compile(r"年均|平均每年|累计|[五5]年内|(?:今后|未来)[五5]年")
#: A figure that names a target in the review, not a result (经济增长12%的赶超目标没有实现).
TARGET_MENTION = re.compile(r"\d\s*%(?:左右|以上)?的[^,;。]{0,8}(?:目标|计划|任务)")
#: A review sentence that states a plan, not a result (要实现经济增长12%…的目标, 计划草案规定).
PLAN_IN_REVIEW = re.compile(r"要实现|力争|确保|争取|计划(?:草案)?规定")
#: Review paragraphs, sentences and clauses about the five-year period rather than last year.
FIVE_YEAR_REVIEW = re.compile(
    r"五年|年均|平均每年|(?:" + PLAN_PERIOD.pattern + r")(?:时期|期间|以来)"
)
#: A sentence that sets this year's figure outside the targets passage (older reports):
#: ``今年计划国内生产总值增长百分之九``, ``今年经济增长速度的调控目标定为8%``; the report's
#: own year (``2001年全省国内生产总值计划安排4310亿元``) counts as well.
TARGET_TIME = re.compile(r"今年(?!以来)|本年度?")
#: A plan verb, which makes a sentence outside the review a target without a time word:
#: ``初步安排国内生产总值增长9%``, ``确保生产总值增长11%以上``, ``经济增长速度要达到9%左右``.
PLAN_LEAD = re.compile(
    r"初步安排|计划安排|力争|力保|确保|要达到"
    r"|预期(?:全省|全市|全区|国内|地区)?(?:生产总值|经济)?增长"
)
#: Units a target value is written in (regex alternatives, longest first).
UNITS = "个百分点|百分点|微克/立方米|万亿元|亿美元|亿元|万元|亿斤|万斤|万吨|万人次|万人|万户|%|元"
#: Qualifier written after the number -> qualifier column value.
POST_QUALIFIERS = MappingProxyType(
    {"左右": "左右", "上下": "左右", "以上": "以上", "以内": "以内", "以下": "以下"}
)
#: Qualifier written before the number (at the end of the verb) -> qualifier column value.
PRE_QUALIFIERS = MappingProxyType(
    dict.fromkeys(["不低于", "超过", "突破", "迈上"], "以上")
    | dict.fromkeys(["不超过", "不高于"], "以内")
)
#: Verb endings that make the value a fall (the value is stored negative).
FALLING = re.compile(r"(?:下降|减少|回落|降低)$")
#: Words between an indicator and a number that mean the number is something else: a share
#: (比重, 占全国的), a share of the plan (完成年计划的118.2%), a period (年均, 平均每年).
GAP_BLOCKERS = re.compile(
    r"比重|占|比例|贡献率|第|连续|年均|平均每年|累计|高于|低于|快于|排|从|由|计划的|计划完成"
    r"|预算的|的\s*$|^率|[A-Za-z]$"
)
#: Words just before an indicator name that make it another measure (单位GDP能耗, 人均GDP,
#: 单位国内生产总值能耗, 工业生产总值), a part of the region (兰州新区地区生产总值) or of the
#: year (一季度全市生产总值).
NOT_AFTER = re.compile(
    r"(?:单位[^,;。]{0,3}|人均|海洋|工业|农业|占|万元|亿元|高于|低于|快于|慢于|超过"
    r"|新区|开发区|园区|示范区|试验区|经济区|经济带|城市群|都市圈|县域|民营经济|非公有制经济"
    rf"|(?:季度|上半年|[1-9{CN_NUMERALS}]+月份?)[全本]?[省市区]?)$"
)
#: A clause comparing with a base year (与1996年相比): the growth after it is not last year's.
BASE_YEAR = re.compile(r"(?:与|同|比|较)\s*(?:19|20)\d\d年(?:相比|比较)?")
#: What may stand between a level and the growth written after it (``5.2万亿元、增长5.4%``,
#: ``8836.9亿元,同比增长12.9%``, ``按可比价格计算,比上年增长百分之十一点八``): no other subject.
GROWTH_AFTER_LEVEL = re.compile(
    r"(?:比上年|较上年|同比|按可比价格?(?:计算)?|实际|名义|全年)*(?:增长|下降)"
)
#: The clause that ties an indicator to economic growth (qualifier 同步).
IN_STEP = re.compile(
    r"(?:增长|增速)?[与和同](?:经济增长|经济增速|GDP增长|地区生产总值增长)[^,;。]{0,6}同步"
)
#: Indicators whose target is a ceiling: the result meets it by staying at or below it.
#: Subject words written for two indicators at once (城乡居民收入分别增长 ...).
JOINT_SUBJECTS = MappingProxyType({"城乡": ("城镇", "农村")})
#: Words that may lead a 分别 subject list and are not part of the names.
SUBJECT_LEADS = ("其中",)

_NUM = r"\d+(?:\.\d+)?"
_VALUE = (
    rf"(?P<low>{_NUM})(?:\s*(?:{UNITS})?\s*(?:—{{1,2}}|–|-|~|至|到)\s*(?P<high>{_NUM}))?"
    rf"\s*(?:多|余)?(?P<unit>{UNITS})(?P<post>{'|'.join(POST_QUALIFIERS)})?"
)
VALUE = re.compile(_VALUE)
#: A verb and value right after an indicator name (no digits or clause marks in the verb).
READING = re.compile(r"(?P<gap>[^\d,;。:!?]{0,14}?)" + _VALUE)
RESPECTIVELY = re.compile(r"(?P<subject>[^,;。]*?)分别(?P<gap>[^\d,;。]{0,8}?)(?P<values>\d.*)")
#: Where a clause ends: at , ; 。 ! ?, except a comma between a target's name and its value
#: (``今年经济增长速度的宏观调控目标,定为百分之八至九``).
CLAUSE_END = re.compile(r"[;。!?]|(?<!目标)(?<!指标),|,(?!定为|为|是)")
#: Digits broken by spaces in some sources (``8 %``, ``1 9 9 8``, ``10. 5%``).
_SPACED_DIGITS = re.compile(r"(?<=[\d.])\s+(?=[\d.%])")
_INDUSTRY_RUN = re.compile(f"(?P<run>[{CN_NUMERALS[:3]}]{{2,3}})(?P<rest>产.*)")


class Reading(NamedTuple):
    indicator: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    text: str


def _qualifier(gap: str, match: re.Match[str]) -> str:
    if match["high"]:
        return "range"
    if match["post"]:
        return POST_QUALIFIERS[match["post"]]
    return next((q for word, q in PRE_QUALIFIERS.items() if gap.endswith(word)), "exact")


def _reading(indicator: str, gap: str, match: re.Match[str], text: str) -> Reading | None:
    """A reading from a verb (``gap``) and a :data:`VALUE` match, or None when blocked."""
    verb = next((gap[: -len(w)] for w in PRE_QUALIFIERS if gap.endswith(w)), gap)
    if GAP_BLOCKERS.search(verb):
        return None
    sign = -1.0 if FALLING.search(gap) else 1.0
    low = sign * float(match["low"])
    high = sign * float(match["high"]) if match["high"] else low
    return Reading(indicator, low, high, match["unit"], _qualifier(gap, match), text)


def _split_subject(subject: str) -> list[str]:
    """Names in a 分别 subject: 一产、二产、三产增加值 -> 一产增加值, 二产增加值, 三产增加值."""
    for lead in SUBJECT_LEADS:
        subject = subject.removeprefix(lead)
    parts = [p for p in re.split(r"[、和与及]", subject) if p]
    if len(parts) <= 1:
        run = _INDUSTRY_RUN.search(subject)
        if run:
            return [c + run["rest"] for c in run["run"]]
        for joint, singles in JOINT_SUBJECTS.items():
            if joint in subject:
                return [subject.replace(joint, s, 1) for s in singles]
        return parts
    last = parts[-1]
    return [p + last[len(p) :] for p in parts[:-1]] + [last]


def _read_respectively(
    match: re.Match[str], pattern: re.Pattern[str], names: list[str], text: str
) -> list[Reading]:
    """Readings of ``A、B、C分别增长x、y、z``: one per subject that names an indicator."""
    subjects = _split_subject(match["subject"])
    values = list(VALUE.finditer(match["values"]))
    out = []
    for subject, value in zip(subjects, values, strict=False):
        found = pattern.search(subject)
        if found is None or NOT_AFTER.search(subject, 0, found.start()):
            continue  # 单位国内生产总值能耗和二氧化碳排放分别降低16%和17%
        reading = _reading(names[int(str(found.lastgroup)[1:])], match["gap"], value, text)
        if reading is not None:
            out.append(reading)
    return out


def _growth_after(level: Reading, body: str, start: int, end: int) -> list[Reading]:
    """The growth written after a level (``5.2万亿元、增长5.4%``) as a second reading."""
    if level.unit == "%":
        return []
    found = READING.match(body, start, end)
    if found is None or found["unit"] != "%":
        return []
    if not GROWTH_AFTER_LEVEL.fullmatch(re.sub(r"[\s、,]", "", found["gap"])):
        return []  # 其中第三产业增长12%: another subject's growth
    reading = _reading(level.indicator, found["gap"], found, level.text)
    return [reading] if reading else []


def _read_clause(
    clause: str, pattern: re.Pattern[str], names: list[str], last: Reading | None
) -> list[Reading]:
    """Readings of one clause; ``last`` is the reading before it (for ``…亿元,增长5%``)."""
    in_step = IN_STEP.search(clause)
    body = clause[: in_step.start()] + clause[in_step.end() :] if in_step else clause
    both = RESPECTIVELY.match(body)
    if both:
        return _read_respectively(both, pattern, names, clause)
    mentions = [m for m in pattern.finditer(body) if not NOT_AFTER.search(body, 0, m.start())]
    out: list[Reading] = []
    if not mentions and last is not None:  # 实现生产总值5696亿元,增长5.3%
        out.extend(_growth_after(last._replace(text=clause), body, 0, len(body)))
    ends = [m.start() for m in mentions[1:]] + [len(body)] * bool(mentions)
    for mention, end in zip(mentions, ends, strict=True):
        indicator = names[int(str(mention.lastgroup)[1:])]
        found = READING.match(body, mention.end(), end)
        reading = _reading(indicator, found["gap"], found, clause) if found else None
        if reading is not None:
            out.append(reading)
            out.extend(_growth_after(reading, body, found.end(), end))
        elif in_step and mention is mentions[0]:
            out.append(Reading(indicator, None, None, "", "同步", clause))
    return out


def _reading_text(clause: str) -> str:
    """A clause as the value rules read it: digits for Chinese numerals, no stray spaces."""
    text = to_arabic(clause, units=UNITS)
    text = _SPACED_DIGITS.sub("", text)
    return re.sub(r"(?<=目标|指标),(?=定为|为|是)", "", text)


def read_passage(text: str, pattern: re.Pattern[str], names: list[str]) -> list[Reading]:
    """All readings of a passage, clause by clause (``text`` is each clause as written)."""
    out: list[Reading] = []
    start = 0
    last: Reading | None = None
    for end_mark in [*CLAUSE_END.finditer(text), None]:
        end = end_mark.end() if end_mark else len(text)
        clause = text[start:end].strip().rstrip(",;。!?")
        start = end
        found = _read_clause(_reading_text(clause), pattern, names, last) if clause else []
        found = [r._replace(text=clause) for r in found]
        out.extend(found)
        last = found[-1] if found else last
        if (end_mark is not None and end_mark.group() in SENTENCE_END) or BASE_YEAR.search(clause):
            last = None
    return out


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position ``at`` starts."""
    return max(text.rfind(c, 0, at) for c in SENTENCE_END + "\n") + 1


def sentences(para: str) -> list[str]:
    """A paragraph's sentences, each with its closing mark."""
    return [m.group() for m in re.finditer(f"[^{SENTENCE_END}]+[{SENTENCE_END}]?", para)]
