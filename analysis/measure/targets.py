"""The year's main expected targets (主要预期目标) and last year's results, as a tidy table.

The targets passage opens with a phrase such as ``今年经济社会发展主要预期目标是:``; each
indicator's value is read from it (``5%左右``, ``4.5%—5%``, ``按增长5%安排``, ``与经济增长同步``),
and last year's figures from the review before it. No targets passage, no rows.
Rules are data: indicator names and aliases are the rows of ``resources/target_indicators.csv``;
units, qualifiers, plan-horizon words and blocking words are the named tables of
:mod:`analysis.measure.target_rules`.
"""

from __future__ import annotations

import re
from types import MappingProxyType

import pandas as pd

from analysis.common.paths import RESOURCES_DIR
from analysis.common.patterns import SENTENCE_END
from analysis.measure.target_rules import (
    CLAUSE_END,
    FIVE_YEAR_REVIEW,
    HEADING_MAX_LEN,
    PERIOD_FIGURE,
    PERIOD_WORDS,
    PLAN_HEADING,
    PLAN_HORIZON,
    PLAN_IN_REVIEW,
    PLAN_LEAD,
    PLAN_PASSAGE,
    REVIEW_WORDS,
    TARGET_MENTION,
    TARGET_TIME,
    TARGETS_OPENING,
    YEAR_HEADING,
    Reading,
    read_passage,
    sentence_start,
    sentences,
)

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

# --------------------------------------------------------------------------- output tables

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
) -> tuple[int, list[Reading]]:
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
        readings = read_passage(rest, pattern, names)
        # the name before the opening: 今年经济增长预期目标为7%左右
        lead = max(sentence_start(joined, opening.start()), starts[first])
        clause = CLAUSE_END.search(joined, opening.end(), starts[last + 1] - 1)
        head = joined[lead : clause.start() if clause else starts[last + 1] - 1]
        known = {r.indicator for r in readings}
        readings = [
            r for r in read_passage(head, pattern, names) if r.indicator not in known
        ] + readings
        for para in paras[last + 1 : last + 21] if not readings else []:
            more = read_passage(para, pattern, names)  # a list of targets, one per line
            if not more:
                break
            readings.extend(more)
        if readings:
            return first, readings
    return _heading_passage(paras, pattern, names, year)


def _heading_passage(
    paras: list[str], pattern: re.Pattern[str], names: list[str], year: object
) -> tuple[int, list[Reading]]:
    """The paragraph after a heading of this year's plan, when its first part gives a figure."""
    if pd.isna(year):
        return len(paras), []
    heading = re.compile(YEAR_HEADING.format(year=year))
    for i, para in enumerate(paras[:-1]):
        if not (_is_heading(para) and heading.search(para)):
            continue
        first_part = re.match(r"[^;。]*[;。]?", paras[i + 1])
        if first_part and read_passage(first_part.group(), pattern, names):
            return i, read_passage(paras[i + 1], pattern, names)
    return len(paras), []


def _target_sentences(
    paras: list[str], pattern: re.Pattern[str], names: list[str], year: object
) -> tuple[int, list[Reading]]:
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
            for part in sentences(sentence):
                kept = []
                for clause in CLAUSE_END.split(part):
                    if PERIOD_WORDS.search(clause):
                        break
                    if not PLAN_HORIZON.search(clause):
                        kept.append(clause)
                found = read_passage(",".join(kept), pattern, names)
                if found:
                    first = min(first, i)
                    out.extend(found)
    return first, out


def _find_results(paras: list[str], pattern: re.Pattern[str], names: list[str]) -> list[Reading]:
    """The first figure the review gives for each indicator and unit.

    The five-year review is skipped: a paragraph that opens with the period
    (``五年来,经济实力跃上新台阶。``), a sentence that opens with one or gives a figure over
    a period (:data:`PERIOD_FIGURE`), and a clause that names one (``…增长8.8%,连续五年高于
    全国平均水平``: the growth is read, the clause after it is not). A sentence that states a
    plan (:data:`PLAN_IN_REVIEW`) gives no result, nor does a clause that names a target
    (:data:`TARGET_MENTION`: ``…增长9.6%,基本完成了10%左右的计划目标``).
    """
    seen: set[tuple[str, str]] = set()
    out = []
    for para in paras:
        parts = sentences(para)
        if parts and FIVE_YEAR_REVIEW.search(CLAUSE_END.split(parts[0])[0]):
            continue
        for sentence in parts:
            clauses = CLAUSE_END.split(sentence)
            if FIVE_YEAR_REVIEW.search(clauses[0]):
                continue
            if PLAN_IN_REVIEW.search(sentence):
                continue
            kept = ",".join(
                c
                for c in clauses
                if not any(r.search(c) for r in (FIVE_YEAR_REVIEW, PERIOD_FIGURE, TARGET_MENTION))
            )
            for reading in read_passage(kept, pattern, names):
                key = (reading.indicator, reading.unit)
                if key not in seen and reading.qualifier != "同步":
                    seen.add(key)
                    out.append(reading)
    return out


def _report_targets(
    paras: list[str], pattern: re.Pattern[str], names: list[str], year: object
) -> tuple[int, list[Reading]]:
    """The passage's targets, then target sentences' for measures it lacks; one per unit."""
    start, targets = _find_targets(paras, pattern, names, year)
    first, more = _target_sentences(paras, pattern, names, year)
    known = {MEASURES.get(r.indicator, r.indicator) for r in targets}
    targets += [r for r in more if MEASURES.get(r.indicator, r.indicator) not in known]
    unique: dict[tuple[str, str], Reading] = {}
    for reading in targets:  # one target per indicator and unit: the first
        unique.setdefault((reading.indicator, reading.unit), reading)
    return (start if start < len(paras) else first), list(unique.values())


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
        Output of :func:`analysis.read.corpus.read_corpus` (``doc_id``, ``region``, ``level``,
        ``year``, ``kind``).
    paragraphs : pandas.DataFrame
        Output of :func:`analysis.read.corpus.split_paragraphs` for the same corpus.

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
        start, targets = _report_targets(paras, pattern, names, year)
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
