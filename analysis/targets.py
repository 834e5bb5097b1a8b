"""The year's main expected targets (主要预期目标) and last year's results, as a tidy table.

The targets passage opens with a phrase such as ``今年经济社会发展主要预期目标是:``; each
indicator's value is read from it (``5%左右``, ``4.5%—5%``, ``按增长5%安排``, ``与经济增长同步``),
and last year's figures from the review before it. No targets passage, no rows.
Rules are data: indicator names and aliases are the rows of ``resources/target_indicators.csv``;
units, qualifiers, plan-horizon words and blocking words are the named tables below.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import NamedTuple

import pandas as pd

from analysis.paths import RESOURCES_DIR
from analysis.patterns import CN_NUMERALS, PLAN_PERIOD, SENTENCE_END, to_arabic

__all__ = [
    "MEASURES",
    "TARGET_COLUMNS",
    "compare_targets",
    "extract_targets",
    "load_indicators",
    "targets_wide",
]

TARGET_COLUMNS = [
    "doc_id",
    "region",
    "year",
    "section",
    "indicator",
    "low",
    "high",
    "unit",
    "qualifier",
    "text",
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
#: A review sentence that states a plan, not a result (要实现经济增长12%…的目标).
PLAN_IN_REVIEW = re.compile(r"要实现|力争|确保|争取")
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
    r"(?:单位|人均|海洋|工业|农业|占|万元|亿元|高于|低于|快于|慢于|超过"
    r"|新区|开发区|园区|示范区|试验区|经济区|经济带|城市群|都市圈|县域|民营经济|非公有制经济"
    r"|(?:季度|上半年|[1-9一二三四五六七八九十]+月份?)[全本]?[省市区]?)$"
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
CEILING_INDICATORS = frozenset({"城镇调查失业率", "城镇登记失业率", "居民消费价格"})
#: Names of one measure: a target written one way meets a result written another
#: (2026 经济增长4.5%—5% against 2027 国内生产总值增长…). Other indicators are their own measure.
MEASURES = MappingProxyType(
    dict.fromkeys(["地区生产总值", "国内生产总值", "国民生产总值", "经济增长"], "生产总值")
)
#: Indicator tables read before ``target_indicators.csv`` for one level of government: in the
#: State Council's report 经济增长 and GDP are the nation's growth, not a region's.
LEVEL_INDICATORS = MappingProxyType({"国家": "target_indicators_national.csv"})
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
_CLAUSE_END = re.compile(r"[;。!?]|(?<!目标)(?<!指标),|,(?!定为|为|是)")
#: Digits broken by spaces in some sources (``8 %``, ``1 9 9 8``).
_SPACED_DIGITS = re.compile(r"(?<=\d)\s+(?=[\d.%])")
_INDUSTRY_RUN = re.compile(f"(?P<run>[{CN_NUMERALS[:3]}]{{2,3}})(?P<rest>产.*)")


class _Reading(NamedTuple):
    indicator: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    text: str


def load_indicators(*, level: str = "") -> pd.DataFrame:
    """Read the indicator table ``resources/target_indicators.csv``.

    Parameters
    ----------
    level : str
        A report's level (``国家``, ``省`` ...). For a level of :data:`LEVEL_INDICATORS` that
        level's rows come first and replace the general rows with the same alias (in the
        national report 经济增长 is 经济增长, in a region's it is 地区生产总值).

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator`` (normalised name), ``alias`` (a regular expression for one
        way of writing it) and ``note``, in file order.
    """
    table = _read_indicators("target_indicators.csv")
    if level not in LEVEL_INDICATORS:
        return table
    own = _read_indicators(LEVEL_INDICATORS[level])
    rest = table[~table["alias"].isin(own["alias"])]
    return pd.concat([own, rest], ignore_index=True)


def _read_indicators(name: str) -> pd.DataFrame:
    path = RESOURCES_DIR / name
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _alias_pattern(indicators: pd.DataFrame) -> tuple[re.Pattern[str], list[str]]:
    """One regex with a named group per alias, longest alias first, and the group names."""
    order = sorted(range(len(indicators)), key=lambda i: -len(indicators["alias"].iloc[i]))
    names = [str(indicators["indicator"].iloc[i]) for i in order]
    parts = [f"(?P<a{k}>{indicators['alias'].iloc[i]})" for k, i in enumerate(order)]
    return re.compile("|".join(parts)), names


def _qualifier(gap: str, match: re.Match[str]) -> str:
    if match["high"]:
        return "range"
    if match["post"]:
        return POST_QUALIFIERS[match["post"]]
    return next((q for word, q in PRE_QUALIFIERS.items() if gap.endswith(word)), "exact")


def _reading(indicator: str, gap: str, match: re.Match[str], text: str) -> _Reading | None:
    """A reading from a verb (``gap``) and a :data:`VALUE` match, or None when blocked."""
    verb = next((gap[: -len(w)] for w in PRE_QUALIFIERS if gap.endswith(w)), gap)
    if GAP_BLOCKERS.search(verb):
        return None
    sign = -1.0 if FALLING.search(gap) else 1.0
    low = sign * float(match["low"])
    high = sign * float(match["high"]) if match["high"] else low
    return _Reading(indicator, low, high, match["unit"], _qualifier(gap, match), text)


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
) -> list[_Reading]:
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


def _growth_after(level: _Reading, body: str, start: int, end: int) -> list[_Reading]:
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
    clause: str, pattern: re.Pattern[str], names: list[str], last: _Reading | None
) -> list[_Reading]:
    """Readings of one clause; ``last`` is the reading before it (for ``…亿元,增长5%``)."""
    in_step = IN_STEP.search(clause)
    body = clause[: in_step.start()] + clause[in_step.end() :] if in_step else clause
    both = RESPECTIVELY.match(body)
    if both:
        return _read_respectively(both, pattern, names, clause)
    mentions = [m for m in pattern.finditer(body) if not NOT_AFTER.search(body, 0, m.start())]
    out: list[_Reading] = []
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
            out.append(_Reading(indicator, None, None, "", "同步", clause))
    return out


def _reading_text(clause: str) -> str:
    """A clause as the value rules read it: digits for Chinese numerals, no stray spaces."""
    text = to_arabic(clause, units=UNITS)
    text = _SPACED_DIGITS.sub("", text)
    return re.sub(r"(?<=目标|指标),(?=定为|为|是)", "", text)


def _read_passage(text: str, pattern: re.Pattern[str], names: list[str]) -> list[_Reading]:
    """All readings of a passage, clause by clause (``text`` is each clause as written)."""
    out: list[_Reading] = []
    start = 0
    last: _Reading | None = None
    for end_mark in [*_CLAUSE_END.finditer(text), None]:
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


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position ``at`` starts."""
    return max(text.rfind(c, 0, at) for c in SENTENCE_END + "\n") + 1


def _is_heading(para: str) -> bool:
    return len(para) <= HEADING_MAX_LEN and not any(c in para for c in "。;,")


def _is_plan_horizon(text: str, start: int, year: object) -> bool:
    """Whether the sentence before an opening (within its paragraph), or the heading just
    before its paragraph, names a plan period."""
    lead = text[max(0, start - 60) : start]
    cut = max(lead.rfind(c) for c in SENTENCE_END + "\n")
    if PLAN_HORIZON.search(lead[cut + 1 :]):
        return True
    if cut < 0 or lead[cut] != "\n":
        return False
    heading = text[text.rfind("\n", 0, start - len(lead) + cut) + 1 : start - len(lead) + cut]
    own = f"{year}年" in heading or "今年" in heading
    return _is_heading(heading) and bool(PLAN_HEADING.search(heading)) and not own


def _find_targets(
    paras: list[str], pattern: re.Pattern[str], names: list[str], year: object = None
) -> tuple[int, list[_Reading]]:
    """Index of the paragraph that opens the targets passage and the passage's readings.

    The passage is read from the opening on, and its first clause from the start of the
    sentence, so that a name before the opening counts (``今年经济增长预期目标为7%左右``).
    A passage about a five-year plan (:data:`PLAN_PASSAGE`, :data:`PLAN_HEADING`) is
    skipped. With no opening, the paragraph after a heading of this year's plan
    (:data:`YEAR_HEADING`) is the passage when its first part gives a figure. Returns
    ``(len(paras), [])`` when the report has no targets passage.
    """
    joined = "\n".join(paras)
    starts = [0]
    for p in paras:
        starts.append(starts[-1] + len(p) + 1)
    for opening in TARGETS_OPENING.finditer(joined):
        if _is_plan_horizon(joined, opening.start(), year):
            continue
        first = max(i for i, s in enumerate(starts) if s <= opening.start())
        last = max(i for i, s in enumerate(starts) if s <= opening.end())
        rest = joined[opening.end() : starts[last + 1] - 1]
        first_part = re.match(r"[^;。]*", rest)
        if PLAN_PASSAGE.search(first_part.group() if first_part else rest):
            continue
        readings = _read_passage(rest, pattern, names)
        # the name before the opening: 今年经济增长预期目标为7%左右
        lead = max(_sentence_start(joined, opening.start()), starts[first])
        clause = _CLAUSE_END.search(joined, opening.end(), starts[last + 1] - 1)
        head = joined[lead : clause.start() if clause else starts[last + 1] - 1]
        known = {r.indicator for r in readings}
        readings = [
            r for r in _read_passage(head, pattern, names) if r.indicator not in known
        ] + readings
        for para in paras[last + 1 : last + 21] if not readings else []:
            more = _read_passage(para, pattern, names)  # a list of targets, one per line
            if not more:
                break
            readings.extend(more)
        if readings:
            return first, readings
    return _heading_passage(paras, pattern, names, year)


def _heading_passage(
    paras: list[str], pattern: re.Pattern[str], names: list[str], year: object
) -> tuple[int, list[_Reading]]:
    """The paragraph after a heading of this year's plan, when its first part gives a figure."""
    if pd.isna(year):
        return len(paras), []
    heading = re.compile(YEAR_HEADING.format(year=year))
    for i, para in enumerate(paras[:-1]):
        if not (_is_heading(para) and heading.search(para)):
            continue
        first_part = re.match(r"[^;。]*[;。]?", paras[i + 1])
        if first_part and _read_passage(first_part.group(), pattern, names):
            return i, _read_passage(paras[i + 1], pattern, names)
    return len(paras), []


def _target_sentences(
    paras: list[str], pattern: re.Pattern[str], names: list[str], year: object
) -> tuple[int, list[_Reading]]:
    """This year's figures in sentences that set them outside a targets passage.

    A sentence (to its 。) counts when it names this year (:data:`TARGET_TIME`, or the
    report's year with a plan word of :data:`PLAN_LEAD` or :data:`TARGETS_OPENING`):
    ``国家计划要求今年的国民生产总值比上年增长百分之五``, ``2008年力争生产总值增长10%以上``;
    or when, without review words (:data:`REVIEW_WORDS`), it starts with the report's year or
    has a plan verb (``确保生产总值增长11%以上``). Its clauses are read up to one about a
    period (:data:`PERIOD_WORDS`); a clause naming a plan (:data:`PLAN_HORIZON`) is skipped.
    Returns the index of the first such paragraph and the readings, or ``(len(paras), [])``.
    """
    own_year = f"{year}年" if pd.notna(year) else "\0"
    first, out = len(paras), []
    for i, para in enumerate(paras):
        for sentence in re.findall(r"[^。!?]+[。!?]?", para):
            planned = PLAN_LEAD.search(sentence) or re.search("计划|预期|目标|安排", sentence)
            review = REVIEW_WORDS.search(sentence)
            if not (
                TARGET_TIME.search(sentence)
                or (own_year in sentence and planned)
                or (not review and (sentence.startswith(own_year) or PLAN_LEAD.search(sentence)))
            ):
                continue
            for part in _sentences(sentence):
                kept = []
                for clause in _CLAUSE_END.split(part):
                    if PERIOD_WORDS.search(clause):
                        break
                    if not PLAN_HORIZON.search(clause):
                        kept.append(clause)
                found = _read_passage(",".join(kept), pattern, names)
                if found:
                    first = min(first, i)
                    out.extend(found)
    return first, out


def _sentences(para: str) -> list[str]:
    """A paragraph's sentences, each with its closing mark."""
    return [m.group() for m in re.finditer(f"[^{SENTENCE_END}]+[{SENTENCE_END}]?", para)]


def _find_results(paras: list[str], pattern: re.Pattern[str], names: list[str]) -> list[_Reading]:
    """The first figure the review gives for each indicator and unit.

    The five-year review is skipped: a paragraph whose first sentence is about the period
    (``五年来,经济实力跃上新台阶。``), a sentence that opens with one or gives a figure over
    a period (:data:`PERIOD_FIGURE`), and a clause that names one (``…增长8.8%,连续五年高于
    全国平均水平``: the growth is read, the clause after it is not). A sentence that states a
    plan (:data:`PLAN_IN_REVIEW`) gives no result.
    """
    seen: set[tuple[str, str]] = set()
    out = []
    for para in paras:
        sentences = _sentences(para)
        if sentences and FIVE_YEAR_REVIEW.search(sentences[0]):
            continue
        for sentence in sentences:
            clauses = _CLAUSE_END.split(sentence)
            if FIVE_YEAR_REVIEW.search(clauses[0]) or PERIOD_FIGURE.search(sentence):
                continue
            if PLAN_IN_REVIEW.search(sentence):
                continue
            kept = ",".join(c for c in clauses if not FIVE_YEAR_REVIEW.search(c))
            for reading in _read_passage(kept, pattern, names):
                key = (reading.indicator, reading.unit)
                if key not in seen and reading.qualifier != "同步":
                    seen.add(key)
                    out.append(reading)
    return out


def extract_targets(corpus: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Extract each report's main expected targets and last year's results.

    Only ``body`` paragraphs are read. The targets passage is the first one opened by
    ``主要预期目标是:`` (or 主要目标为, 预期目标如下, ...) that is not about a five-year plan;
    a report without one (older national reports) gives the figures of the sentences that set
    this year's plan (``今年经济增长速度的调控目标定为8%``). Results are read from the body
    paragraphs before the targets: the first figure the review gives for each indicator and
    unit, outside the five-year review. Values may be written in digits (full-width too) or in
    Chinese numerals (``百分之八至九``). A report with neither targets nor a kind (a
    statistical bulletin, say) gives no rows at all.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Output of :func:`analysis.corpus.read_corpus` (``doc_id``, ``region``, ``level``,
        ``year``, ``kind``).
    paragraphs : pandas.DataFrame
        Output of :func:`analysis.corpus.split_paragraphs` for the same corpus.

    Returns
    -------
    pandas.DataFrame
        One row per report, section and reading, with columns ``doc_id``; ``region``;
        ``year`` (Int64: the year the figure is about, the report's year for targets and
        the year before, the year reviewed, for results, so that said against done is a
        join on region, year and indicator); ``section`` (``target`` or ``result``);
        ``indicator`` (a name from :func:`load_indicators`, as the sentence names it:
        地区生产总值, 国内生产总值, 国民生产总值, 经济增长 ...); ``low`` and ``high`` (float,
        the number as written, equal unless a range; negative for a fall; missing for 同步);
        ``unit`` (``%``, ``万人``, ``亿斤``, ...); ``qualifier`` (``左右``, ``以上``, ``以内``,
        ``以下``, ``range``, ``exact`` or ``同步``); ``text`` (the clause it was read from).
        Rows keep the reports' order and the order of the text.
    """
    patterns: dict[str, tuple[re.Pattern[str], list[str]]] = {}
    body = paragraphs[paragraphs["section"] == "body"]
    texts = body.groupby("doc_id", sort=False)["text"].apply(list)
    levels = corpus["level"] if "level" in corpus else pd.Series("", index=corpus.index)
    kinds = corpus["kind"] if "kind" in corpus else pd.Series("", index=corpus.index)
    rows: list[tuple[object, ...]] = []
    for doc_id, region, year, level, kind in zip(
        corpus["doc_id"], corpus["region"], corpus["year"], levels, kinds, strict=True
    ):
        key = level if level in LEVEL_INDICATORS else ""
        if key not in patterns:
            patterns[key] = _alias_pattern(load_indicators(level=key))
        pattern, names = patterns[key]
        paras = texts.get(doc_id, [])
        start, targets = _find_targets(paras, pattern, names, year)
        first, more = _target_sentences(paras, pattern, names, year)
        known = {MEASURES.get(r.indicator, r.indicator) for r in targets}
        targets += [r for r in more if MEASURES.get(r.indicator, r.indicator) not in known]
        start = start if start < len(paras) else first
        unique: dict[tuple[str, str], _Reading] = {}
        for reading in targets:  # one target per indicator and unit: the first
            unique.setdefault((reading.indicator, reading.unit), reading)
        targets = list(unique.values())
        if not targets and not kind:
            continue
        results = _find_results(paras[:start], pattern, names)
        prior = year - 1 if pd.notna(year) else year
        for section, when, readings in (("target", year, targets), ("result", prior, results)):
            rows.extend((doc_id, region, when, section, *r) for r in readings)
    frame = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame.astype({"low": float, "high": float})


def _label(low: float, high: float, unit: str, qualifier: str) -> str:
    """``5%左右``, ``4.5%—5%``, ``与经济增长同步``."""
    if qualifier == "同步":
        return "与经济增长同步"
    if qualifier == "range":
        return f"{low:g}{unit}—{high:g}{unit}"
    return f"{low:g}{unit}" + ("" if qualifier == "exact" else qualifier)


def _labels(frame: pd.DataFrame) -> list[str]:
    cols = [frame[c] for c in ("low", "high", "unit", "qualifier")]
    return [_label(*r) for r in zip(*cols, strict=True)]


def targets_wide(targets: pd.DataFrame, *, section: str = "target") -> pd.DataFrame:
    """One row per report and one column per indicator, each cell the value as written.

    Parameters
    ----------
    targets : pandas.DataFrame
        Output of :func:`extract_targets`.
    section : str
        ``target`` (this year's plan) or ``result`` (last year's review).

    Returns
    -------
    pandas.DataFrame
        Index ``region`` (the ``doc_id`` when unknown) and ``year``; one column per
        indicator in the order of the indicator table; cells such as ``5%左右`` or
        ``4.5%—5%`` (the first reading of each report and indicator), empty when not stated.
    """
    rows = targets[targets["section"] == section]
    rows = rows.assign(
        region=rows["region"].where(rows["region"] != "", rows["doc_id"]),
        year=rows["year"].astype("string").fillna(""),
        cell=_labels(rows),
    )
    wide = rows.pivot_table(
        index=["region", "year"], columns="indicator", values="cell", aggfunc="first", sort=False
    )
    tables = [load_indicators(), *(load_indicators(level=lv) for lv in LEVEL_INDICATORS)]
    names = dict.fromkeys(name for table in tables for name in table["indicator"])
    order = [i for i in names if i in wide.columns]
    wide = wide.reindex(columns=order).fillna("")
    wide.columns.name = None
    return wide


def compare_targets(targets: pd.DataFrame) -> pd.DataFrame:
    """Set each year's targets against the results a later report gives for that year.

    A region's target for year Y comes from its report of year Y; the result from its
    report of year Y+1 (the review). Names of one measure (:data:`MEASURES`: 经济增长,
    国内生产总值 ...) meet each other. Only pairs the corpus holds both halves of appear.

    Parameters
    ----------
    targets : pandas.DataFrame
        Output of :func:`extract_targets`.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year`` (the year both figures are about), ``indicator`` (as the
        target names it), ``unit``, ``target`` (as written, e.g. ``5%左右``), ``low``,
        ``high``, ``qualifier``, ``result`` (float), ``met`` (bool: the result reaches
        ``low``, or stays within ``high`` for 以内/以下 targets and
        :data:`CEILING_INDICATORS`).
    """
    keys = ["region", "year", "measure", "unit"]
    known = targets[targets["region"] != ""]
    known = known.assign(measure=[MEASURES.get(i, i) for i in known["indicator"]])
    plan = known[known["section"] == "target"]
    done = known[known["section"] == "result"]
    plan = plan.drop_duplicates(keys)[[*keys, "indicator", "low", "high", "qualifier"]]
    done = done.drop_duplicates(keys)[[*keys, "low"]].rename(columns={"low": "result"})
    pairs = plan.merge(done, on=keys, how="inner")
    cap = pairs["qualifier"].isin(["以内", "以下"]) | pairs["indicator"].isin(CEILING_INDICATORS)
    met = pairs["result"].where(cap, -pairs["result"]) <= pairs["high"].where(cap, -pairs["low"])
    pairs = pairs.assign(target=_labels(pairs), met=met.astype(bool))
    cols = ["region", "year", "indicator", "unit", "target", "low", "high", "qualifier"]
    return pairs[[*cols, "result", "met"]].reset_index(drop=True)
