"""The word lists in ``analysis/resources/``: stopword tiers, national slogans, regions.

Each list is a text file, one word per line, ``#`` starting a comment; adding a word is one
line in one file. The provincial-level regions are one CSV row each (``regions.csv``).
Nothing is cached at module level: callers keep what they load.
"""

from __future__ import annotations

import csv
from typing import NamedTuple

from analysis.common.paths import RESOURCES_DIR

__all__ = [
    "STOPWORD_TIERS",
    "Region",
    "load_wordlist",
    "national_slogans",
    "regions",
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


def regions() -> tuple[Region, ...]:
    """The 34 provincial-level regions with abbreviations and literary names.

    Returns
    -------
    tuple of Region
        In the order of ``regions.csv`` (fields ``name``, ``short``, ``type``, ``level``,
        ``abbr``, ``literary``; the last two split on spaces).
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
        )
        for row in rows
    )
