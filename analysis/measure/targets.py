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

from analysis.common.paths import RESOURCES_DIR
from analysis.common.patterns import CN_NUMERALS, FIVE_YEAR_PLAN, SENTENCE_END

__all__ = [
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
    r"(?:主要\s*(?:预期)?|预期)\s*(?:目标|指标)\s*(?:建议|拟)?\s*(?:是|为|如下|定为)\s*[:,]?"
    r"|主要预期目标\s*:"
)
#: Words before the opening (same sentence) that make it a five-year or long-term plan.
PLAN_HORIZON = re.compile(FIVE_YEAR_PLAN.pattern + r"|五年|规划|远景|到20\d\d年|20[3-9]\d年")
#: Review paragraphs about the five-year period rather than last year.
FIVE_YEAR_REVIEW = re.compile(r"五年|年均|" + FIVE_YEAR_PLAN.pattern + r"(?:时期|期间|以来)")
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
#: Words between an indicator and a number that mean the number is something else.
GAP_BLOCKERS = re.compile(r"比重|占比|比例|贡献率|第|连续|年均|累计|高于|低于|快于|排|从")
#: Words just before an indicator name that make it another measure (单位GDP能耗, 人均GDP).
NOT_AFTER = re.compile(r"(?:单位|人均|海洋|占|万元|高于|低于|快于|慢于|超过)$")
#: The clause that ties an indicator to economic growth (qualifier 同步).
IN_STEP = re.compile(
    r"(?:增长|增速)?[与和同](?:经济增长|经济增速|GDP增长|地区生产总值增长)[^,;。]{0,6}同步"
)
#: Indicators whose target is a ceiling: the result meets it by staying at or below it.
CEILING_INDICATORS = frozenset({"城镇调查失业率", "城镇登记失业率", "居民消费价格"})
#: Subject words written for two indicators at once (城乡居民收入分别增长 ...).
JOINT_SUBJECTS = MappingProxyType({"城乡": ("城镇", "农村")})
#: Words that may lead a 分别 subject list and are not part of the names.
SUBJECT_LEADS = ("其中",)

_NUM = r"\d+(?:\.\d+)?"
_VALUE = (
    rf"(?P<low>{_NUM})(?:(?:{UNITS})?\s*(?:—{{1,2}}|–|-|~|至|到)\s*(?P<high>{_NUM}))?"
    rf"(?P<unit>{UNITS})(?P<post>{'|'.join(POST_QUALIFIERS)})?"
)
VALUE = re.compile(_VALUE)
#: A verb and value right after an indicator name (no digits or clause marks in the verb).
READING = re.compile(r"(?P<gap>[^\d,;。:!?]{0,14}?)" + _VALUE)
RESPECTIVELY = re.compile(r"(?P<subject>[^,;。]*?)分别(?P<gap>[^\d,;。]{0,8}?)(?P<values>\d.*)")
_CLAUSE_END = re.compile(r"[,;。!?]")
_INDUSTRY_RUN = re.compile(f"(?P<run>[{CN_NUMERALS[:3]}]{{2,3}})(?P<rest>产.*)")


class _Reading(NamedTuple):
    indicator: str
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    text: str


def load_indicators() -> pd.DataFrame:
    """Read the indicator table ``resources/target_indicators.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator`` (normalised name), ``alias`` (a regular expression for one
        way of writing it) and ``note``, in file order.
    """
    path = RESOURCES_DIR / "target_indicators.csv"
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
        if found is None:
            continue
        reading = _reading(names[int(str(found.lastgroup)[1:])], match["gap"], value, text)
        if reading is not None:
            out.append(reading)
    return out


def _growth_after(level: _Reading, body: str, start: int, end: int) -> list[_Reading]:
    """The growth written after a level (``5.2万亿元、增长5.4%``) as a second reading."""
    if level.unit == "%":
        return []
    found = READING.match(body, start, end)
    if found is None or found["unit"] != "%" or not found["gap"].endswith(("增长", "下降")):
        return []
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


def _read_passage(text: str, pattern: re.Pattern[str], names: list[str]) -> list[_Reading]:
    """All readings of a passage, clause by clause."""
    out: list[_Reading] = []
    start = 0
    last: _Reading | None = None
    for end_mark in [*_CLAUSE_END.finditer(text), None]:
        end = end_mark.end() if end_mark else len(text)
        clause = text[start:end].strip().rstrip(",;。!?")
        start = end
        found = _read_clause(clause, pattern, names, last) if clause else []
        out.extend(found)
        last = found[-1] if found else last
        if end_mark is not None and end_mark.group() in SENTENCE_END:
            last = None
    return out


def _is_plan_horizon(text: str, start: int) -> bool:
    lead = text[max(0, start - 60) : start]
    cut = max(lead.rfind(c) for c in SENTENCE_END)
    return PLAN_HORIZON.search(lead[cut + 1 :]) is not None


def _find_targets(
    paras: list[str], pattern: re.Pattern[str], names: list[str]
) -> tuple[int, list[_Reading]]:
    """Index of the paragraph that opens the targets passage and the passage's readings.

    Returns ``(len(paras), [])`` when the report has no targets passage.
    """
    joined = "\n".join(paras)
    starts = [0]
    for p in paras:
        starts.append(starts[-1] + len(p) + 1)
    for opening in TARGETS_OPENING.finditer(joined):
        if _is_plan_horizon(joined, opening.start()):
            continue
        first = max(i for i, s in enumerate(starts) if s <= opening.start())
        last = max(i for i, s in enumerate(starts) if s <= opening.end())
        rest = joined[opening.end() : starts[last + 1] - 1]
        readings = _read_passage(rest, pattern, names)
        for para in paras[last + 1 : last + 21] if not readings else []:
            more = _read_passage(para, pattern, names)  # a list of targets, one per line
            if not more:
                break
            readings.extend(more)
        if readings:
            return first, readings
    return len(paras), []


def _find_results(paras: list[str], pattern: re.Pattern[str], names: list[str]) -> list[_Reading]:
    """The first figure the review gives for each indicator and unit (five-year parts skipped)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for para in paras:
        if FIVE_YEAR_REVIEW.search(para):
            continue
        for reading in _read_passage(para, pattern, names):
            key = (reading.indicator, reading.unit)
            if key not in seen and reading.qualifier != "同步":
                seen.add(key)
                out.append(reading)
    return out


def extract_targets(corpus: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Extract each report's main expected targets and last year's results.

    Only ``body`` paragraphs are read. The targets passage is the first one opened by
    ``主要预期目标是:`` (or 主要目标为, 预期目标如下, ...) that is not about a five-year plan;
    results are read from the body paragraphs before it. A report without a targets
    passage gives no rows at all.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Output of :func:`analysis.read.corpus.read_corpus` (``doc_id``, ``region``, ``year``).
    paragraphs : pandas.DataFrame
        Output of :func:`analysis.read.corpus.split_paragraphs` for the same corpus.

    Returns
    -------
    pandas.DataFrame
        One row per report, section and reading, with columns ``doc_id``; ``region``;
        ``year`` (Int64: the year the figure is about, the report's year for targets and
        the year before for results); ``section`` (``target`` or ``result``); ``indicator``
        (a name from :func:`load_indicators`); ``low`` and ``high`` (float, the number as
        written, equal unless a range; negative for a fall; missing for 同步); ``unit``
        (``%``, ``万人``, ``亿斤``, ...); ``qualifier`` (``左右``, ``以上``, ``以内``, ``以下``,
        ``range``, ``exact`` or ``同步``); ``text`` (the clause it was read from).
        Rows keep the reports' order and the order of the text.
    """
    pattern, names = _alias_pattern(load_indicators())
    body = paragraphs[paragraphs["section"] == "body"]
    texts = body.groupby("doc_id", sort=False)["text"].apply(list)
    rows: list[tuple[object, ...]] = []
    for doc_id, region, year in zip(
        corpus["doc_id"], corpus["region"], corpus["year"], strict=True
    ):
        paras = texts.get(doc_id, [])
        start, targets = _find_targets(paras, pattern, names)
        if not targets:
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
    order = [i for i in dict.fromkeys(load_indicators()["indicator"]) if i in wide.columns]
    wide = wide.reindex(columns=order).fillna("")
    wide.columns.name = None
    return wide


def compare_targets(targets: pd.DataFrame) -> pd.DataFrame:
    """Set each year's targets against the results a later report gives for that year.

    A region's target for year Y comes from its report of year Y; the result from its
    report of year Y+1 (the review). Only pairs the corpus holds both halves of appear.

    Parameters
    ----------
    targets : pandas.DataFrame
        Output of :func:`extract_targets`.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year`` (the year both figures are about), ``indicator``,
        ``unit``, ``target`` (as written, e.g. ``5%左右``), ``low``, ``high``, ``qualifier``,
        ``result`` (float), ``met`` (bool: the result reaches ``low``, or stays within
        ``high`` for 以内/以下 targets and :data:`CEILING_INDICATORS`).
    """
    keys = ["region", "year", "indicator", "unit"]
    plan = targets[(targets["section"] == "target") & (targets["region"] != "")]
    done = targets[(targets["section"] == "result") & (targets["region"] != "")]
    plan = plan.drop_duplicates(keys)[[*keys, "low", "high", "qualifier"]]
    done = done.drop_duplicates(keys)[[*keys, "low"]].rename(columns={"low": "result"})
    pairs = plan.merge(done, on=keys, how="inner")
    cap = pairs["qualifier"].isin(["以内", "以下"]) | pairs["indicator"].isin(CEILING_INDICATORS)
    met = pairs["result"].where(cap, -pairs["result"]) <= pairs["high"].where(cap, -pairs["low"])
    pairs = pairs.assign(target=_labels(pairs), met=met.astype(bool))
    cols = [*keys[:3], "unit", "target", "low", "high", "qualifier", "result", "met"]
    return pairs[cols].reset_index(drop=True)
