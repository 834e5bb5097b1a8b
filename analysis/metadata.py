"""Report metadata inferred from the text: title, region, administrative level, year, kind.

Used when a folder has no ``catalog.csv`` row for a file. Unknown fields stay empty rather
than guessed.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.patterns import (
    ADMIN_SUFFIXES,
    ADMIN_UNIT,
    CN_NUMERALS,
    CN_ZERO,
    boilerplate_rule,
    cn_to_int,
)

__all__ = ["LEVELS", "infer_metadata", "place_names"]

_TITLE_RE = re.compile(r"(政府工作报告|计划.{0,30}报告|预算.{0,30}报告|工作报告)")
_DELIVERY_RE = re.compile(
    r"[—-]*\s*(?P<y>\d{4}|[" + CN_ZERO + CN_NUMERALS[:9] + r"]{4})年.{1,8}日?\s*"
    r"在(?P<where>.{2,30}?)第.{1,6}届"
)
_REGION_RE = re.compile(
    r"^(?P<r>(?:[\u4e00-\u9fff]{1,8}?(?:" + "|".join(ADMIN_SUFFIXES) + r"))+)"
    r"(?:人民政府)?(?:政府|国民经济|.{0,4}计划|.{0,4}预算)"
)
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年)")
_FILE_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
#: Administrative suffix -> level of the government that reports.
LEVELS = {
    "自治区": "省",
    "省": "省",
    "自治州": "市",
    "自治县": "县",
    "区": "区",
    "县": "县",
    "旗": "县",
    "州": "市",
    "盟": "市",
    "市": "市",
}


def _level(region: str) -> str:
    return next((lv for suffix, lv in LEVELS.items() if region.endswith(suffix)), "")


def _kind(title: str, head: list[str]) -> str:
    if "计划" in title and ("执行" in title or "草案" in title):
        return "计划报告"
    if "预算" in title and "执行" in title:
        return "预算报告"
    if "政府工作报告" in title or "政府工作报告" in "".join(head[:3]):
        return "政府工作报告"
    return ""


def infer_metadata(text: str, *, file_name: str = "") -> dict[str, str]:
    """Infer title, region, level, year and kind from a report's first lines.

    Parameters
    ----------
    text : str
        The normalised, simplified report text.
    file_name : str
        The file's name (a fallback source of the year).

    Returns
    -------
    dict
        Keys ``title``, ``region``, ``level``, ``year`` (str, empty when unknown), ``kind``.
    """
    head = [ln.strip() for ln in text.split("\n")[:30] if ln.strip()]
    head = [ln for ln in head if not boilerplate_rule(ln)]
    title = next((ln for ln in head if len(ln) <= 80 and _TITLE_RE.search(ln)), "")
    region = ""
    m = _REGION_RE.search(re.sub(r"^关于|(?:19|20)\d\d年(?:度)?", "", title))
    if m:
        region = m.group("r")
    years = [int(y) for y in _YEAR_RE.findall(title)]
    year = str(max(years)) if years else ""
    for ln in head[:8]:
        d = _DELIVERY_RE.search(ln)
        if d:
            if not year:
                y = cn_to_int(d.group("y"))
                year = str(y) if y else ""
            region = region or re.sub(r"^中国", "", d.group("where"))
            break
    if not year:
        fy = _FILE_YEAR_RE.findall(file_name)
        year = fy[0] if fy else ""
    return {
        "title": title,
        "region": region,
        "level": _level(region),
        "year": year,
        "kind": _kind(title, head),
    }


def place_names(corpus: pd.DataFrame) -> frozenset[str]:
    """The place names of a corpus's regions, with and without their unit suffix.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (its ``region`` column).

    Returns
    -------
    frozenset of str
        E.g. 青岛市市南区 gives 青岛市, 青岛, 市南区, 市南 — words that name the report's own
        place and crowd its keyword list (pass them to ``filter_tokens(extra_stopwords=...)``).
    """
    names: set[str] = set()
    for region in corpus["region"].dropna():
        for unit in ADMIN_UNIT.findall(str(region)):
            names.add(unit)
            suffix = next((s for s in ADMIN_SUFFIXES if unit.endswith(s)), "")
            if suffix and len(unit) - len(suffix) >= 2:
                names.add(unit[: -len(suffix)])
    return frozenset(names)
