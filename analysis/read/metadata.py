"""Report metadata inferred from the text, and the names a report uses for its own region.

Used when a folder has no ``catalog.csv`` row for a file. The title, region, level, year and
kind come from the report's first lines: the title line (not a photo caption), the delivery
line (``——2026年1月28日在云南省第十四届人民代表大会...``), the speaker line (``四川省人民政府省长
施小琳``) and, last, the file name. Provincial-level regions (直辖市 included) are looked up in
``resources/regions.csv``. Unknown fields stay empty rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from analysis.common.patterns import (
    ADMIN_SUFFIXES,
    ADMIN_UNIT,
    CN_NUMERALS,
    CN_ZERO,
    boilerplate_rule,
    cn_to_int,
)
from analysis.common.wordlists import Region, regions

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LEVELS",
    "OWN_PLACE_AFFIXES",
    "infer_metadata",
    "is_own_place",
    "place_names",
    "region_names",
]

_TITLE_RE = re.compile(r"(政府工作报告|计划.{0,30}报告|预算.{0,30}报告|工作报告)")
#: A photo caption under a picture of the session, not a title.
_CAPTION_RE = re.compile(r"记者|摄影|通讯员|\s摄$|[((]图")
_DELIVERY_RE = re.compile(
    r"[—-―]*\s*(?P<y>\d{4}|[" + CN_ZERO + CN_NUMERALS[:9] + r"]{4})年.{1,8}日?\s*"
    r"在(?P<where>.{2,30}?)(?:第.{1,6}|[" + CN_NUMERALS + r"]{1,4})届"
)
_REGION_RE = re.compile(
    r"^(?P<r>(?:[\u4e00-\u9fff]{1,8}?(?:" + "|".join(ADMIN_SUFFIXES) + r"))+)"
    r"(?:(?:人民)?政府|国民经济|.{0,4}计划|.{0,4}预算)"
)
#: The speaker line: 广东省省长 孟凡利, 四川省人民政府省长 施小琳.
_SPEAKER_RE = re.compile(
    r"^(?P<r>(?:[\u4e00-\u9fff]{1,8}?(?:" + "|".join(ADMIN_SUFFIXES) + r"))+)"
    r"(?:人民政府)?(?:省长|市长|主席|区长|县长|州长|旗长|盟长)"
)
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年)")
_FILE_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
#: Administrative suffix -> level of the government that reports (regions.csv comes first:
#: 北京市 and the other 直辖市 are provincial level).
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
#: What may wrap a region's name in a term that still names the region itself:
#: 中共上海市委, 四川省人民政府, 全疆, 我省.
OWN_PLACE_AFFIXES = {
    "prefix": ("中共", "全", "我", "本"),
    "suffix": ("人民政府", "政府", "党委", "委员会", "人大常委会", "人大", "政协", "委"),
}


def _level(region: str, table: Sequence[Region]) -> str:
    row = next((r for r in table if region in (r.name, r.short)), None)
    if row is not None:
        return row.level
    return next((lv for suffix, lv in LEVELS.items() if region.endswith(suffix)), "")


def _kind(title: str, head: list[str]) -> str:
    if "计划" in title and ("执行" in title or "草案" in title):
        return "计划报告"
    if "预算" in title and "执行" in title:
        return "预算报告"
    if "政府工作报告" in title or "政府工作报告" in "".join(head[:3]):
        return "政府工作报告"
    return ""


def _title(head: list[str]) -> str:
    """The first short line naming a report that is not a photo caption."""
    return next(
        (
            ln
            for ln in head
            if len(ln) <= 80 and _TITLE_RE.search(ln) and not _CAPTION_RE.search(ln)
        ),
        "",
    )


def _file_region(file_name: str, table: Sequence[Region]) -> str:
    """A region named in the file name: a regions.csv name first, else any admin unit."""
    row = next((r for r in table if r.name in file_name), None)
    if row is None:
        row = next((r for r in table if r.short in file_name), None)
    if row is not None:
        return row.name
    units = [u for u in ADMIN_UNIT.findall(re.sub(r"[\d_]+", " ", file_name)) if len(u) >= 3]
    return units[0] if units else ""


def _region_and_year(
    title: str, head: list[str], file_name: str, table: Sequence[Region]
) -> tuple[str, str]:
    """Region from title, delivery line, speaker line or file name; year likewise."""
    m = _REGION_RE.search(re.sub(r"^关于|(?:19|20)\d\d年(?:度)?", "", title))
    region = m.group("r") if m else ""
    years = [int(y) for y in _YEAR_RE.findall(title)]
    year = str(max(years)) if years else ""
    delivery = next((d for d in map(_DELIVERY_RE.search, head) if d), None)
    if delivery is not None:
        if not year:
            y = cn_to_int(delivery.group("y"))
            year = str(y) if y else ""
        region = region or re.sub(r"^中国", "", delivery.group("where"))
    speaker = next((s for s in map(_SPEAKER_RE.match, head) if s), None)
    if not region and speaker is not None:
        region = speaker.group("r")
    region = region or _file_region(file_name, table)
    if not year:
        fy = _FILE_YEAR_RE.findall(file_name)
        year = fy[0] if fy else ""
    return region, year


def infer_metadata(
    text: str, *, file_name: str = "", table: Sequence[Region] | None = None
) -> dict[str, str]:
    """Infer title, region, level, year and kind from a report's first lines.

    Parameters
    ----------
    text : str
        The normalised, simplified report text.
    file_name : str
        The file's name, the last source of the region and the year
        (``2026_云南省_政府工作报告.txt``).
    table : sequence of Region, optional
        :func:`analysis.common.wordlists.regions`, read once by a caller that reads many reports
        (read here when None).

    Returns
    -------
    dict
        Keys ``title`` (the report's title line; never a photo caption), ``region``
        (云南省, 青岛市市南区), ``level`` (省 for provinces, autonomous regions and
        直辖市; 市, 区, 县 below), ``year`` and ``kind`` (str, empty when unknown).
    """
    head = [ln.strip() for ln in text.split("\n")[:30] if ln.strip()]
    head = [ln for ln in head if not boilerplate_rule(ln)]
    title = _title(head)
    table = regions() if table is None else table
    region, year = _region_and_year(title, head, file_name, table)
    return {
        "title": title,
        "region": region,
        "level": _level(region, table) if region else "",
        "year": year,
        "kind": _kind(title, head),
    }


def _unit_names(region: str, table: Sequence[Region]) -> set[str]:
    """Each admin unit of a region with and without its suffix, and the table's other names."""
    names: set[str] = set()
    for unit in ADMIN_UNIT.findall(region) or [region] * bool(region):
        names.add(unit)
        suffix = next((s for s in ADMIN_SUFFIXES if unit.endswith(s)), "")
        if suffix and len(unit) - len(suffix) >= 2:
            names.add(unit[: -len(suffix)])
        for row in table:
            if unit in (row.name, row.short):
                names.update((row.name, row.short, *row.abbr, *row.literary))
    return names


def region_names(corpus: pd.DataFrame) -> dict[str, frozenset[str]]:
    """The names each report uses for its own region.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (``doc_id`` and ``region``).

    Returns
    -------
    dict of str to frozenset of str
        ``doc_id`` -> names: every administrative unit of the region with and without its
        suffix (青岛市市南区 gives 青岛市, 青岛, 市南区, 市南) and, for a provincial-level
        region, its short name, one-character abbreviations and literary names from
        ``regions.csv`` (云南省 gives 云南, 滇, 云, 云岭, 彩云之南). Empty for an unknown region.
    """
    table = regions()
    return {
        str(doc_id): frozenset(_unit_names(str(region or ""), table))
        for doc_id, region in zip(corpus["doc_id"], corpus["region"], strict=True)
    }


def place_names(corpus: pd.DataFrame) -> frozenset[str]:
    """The place names of all of a corpus's regions together (see :func:`region_names`).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (its ``region`` column).

    Returns
    -------
    frozenset of str
        The union of :func:`region_names` over the reports.
    """
    return frozenset().union(*region_names(corpus).values())


def is_own_place(term: str, names: Collection[str]) -> bool:
    """Tell whether a term names the region itself, alone or wrapped (中共上海市委, 全疆).

    Parameters
    ----------
    term : str
        A token.
    names : collection of str
        The region's names (a value of :func:`region_names`).

    Returns
    -------
    bool
        True when the term is one of the names or, less at most one prefix and one suffix of
        :data:`OWN_PLACE_AFFIXES` and an administrative suffix (省, 市, 自治区 ...), one of
        the names of two or more characters.
    """
    if not names:
        return False
    if term in names:
        return True
    prefix = next((p for p in OWN_PLACE_AFFIXES["prefix"] if term.startswith(p)), "")
    core = term[len(prefix) :]
    suffix = next((s for s in OWN_PLACE_AFFIXES["suffix"] if core.endswith(s)), "")
    core = core[: len(core) - len(suffix)]
    unit = next((s for s in ADMIN_SUFFIXES if core.endswith(s) and core != s), "")
    stems = {core, core[: len(core) - len(unit)]}
    # a one-character abbreviation is a name only on its own (全新 is not 全 + 新疆)
    return any(len(stem) >= 2 and stem in names for stem in stems)
