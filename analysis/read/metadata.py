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
from analysis.common.wordlists import (
    KindRule,
    Place,
    Region,
    RegionCue,
    gazetteer,
    region_cues,
    regions,
    report_kinds,
)

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
#: A line that is not the title though it names a report: a photo caption under a picture
#: of the session, the salutation (现在,我代表省人民政府向大会作政府工作报告) or a sentence.
_NOT_TITLE_RE = re.compile(r"记者|摄影|通讯员|\s摄$|[((]图|我代表|^各位代表|[。;!?]|:$")
#: The line in which the government addresses the congress: 现在,我代表国务院,向大会…
_SALUTATION_RE = re.compile(r"我代表")
_DELIVERY_RE = re.compile(
    r"[—-―]*\s*(?P<y>\d{4}|[" + CN_ZERO + CN_NUMERALS[:9] + r"]{4})年.{1,8}日?\s*"
    r"在(?P<where>.{0,30}?)(?:第.{1,6}?|[" + CN_NUMERALS + r"]{1,4})届"
)
_REGION_RE = re.compile(
    r"^(?P<r>(?:[\u4e00-\u9fff]{1,8}?(?:" + "|".join(ADMIN_SUFFIXES) + r"))+)"
    r"(?:(?:人民)?政府|国民经济|.{0,4}计划|.{0,4}预算)"
)
#: The speaker line: 广东省省长 孟凡利, 四川省人民政府省长 施小琳, 宁夏回族自治区政府主席王正伟.
_SPEAKER_RE = re.compile(
    r"^(?P<r>(?:[\u4e00-\u9fff]{1,8}?(?:" + "|".join(ADMIN_SUFFIXES) + r"))+)"
    r"(?:人民)?(?:政府)?代?(?:省长|市长|主席|区长|县长|州长|旗长|盟长)"
)
#: What a region read from a header may not contain: the salutation's words, a session number
#: (在第十二届… gives 第十, 在省十一届… gives 省十).
_NOT_PLACE_RE = re.compile(r"代表|现在|^第|[" + CN_NUMERALS + r"]$")
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


def _despace(line: str) -> str:
    """``政 府 工 作 报 告`` -> ``政府工作报告``."""
    return re.sub(r"\s+", "", line)


def _kind(title: str, head: list[str], file_name: str, rules: Sequence[KindRule]) -> str:
    """The kind named by the first rule of ``report_kinds.csv`` whose line matches."""
    lines = {
        "title": [_despace(title)] if title else [],
        "top": [_despace(ln) for ln in head[:3]],
        "salutation": [ln for ln in head if _SALUTATION_RE.search(ln)],
        "file": [file_name] if file_name else [],
    }
    return next(
        (rule.kind for rule in rules for ln in lines.get(rule.line, []) if rule.pattern.search(ln)),
        "",
    )


def _title(head: list[str]) -> str:
    """The first short line naming a report that is not a photo caption or the salutation."""
    return next(
        (
            ln
            for ln in head
            if len(ln) <= 80 and _TITLE_RE.search(_despace(ln)) and not _NOT_TITLE_RE.search(ln)
        ),
        "",
    )


def _table_names(table: Sequence[Region]) -> list[tuple[str, str]]:
    """(written name, full name) for every name, short name and variant, longest first."""
    pairs = [(n, r.name) for r in table for n in (r.name, r.short, *r.variants)]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _place(candidate: str, table: Sequence[Region]) -> str:
    """A region read from a header, as the table writes it; empty when it is not a place.

    A short name or variant (宁夏, 新疆自治区) gives the full name; a bare unit (自治区, 省)
    or a salutation fragment is no place.
    """
    candidate = re.sub(r"^中国", "", candidate)
    row = next((r for r in table if candidate in (r.name, r.short, *r.variants)), None)
    if row is not None:
        return row.name
    if not candidate or _NOT_PLACE_RE.search(candidate):
        return ""
    units = ADMIN_UNIT.findall(candidate)
    if "".join(units) != candidate:
        return ""
    if any(unit.endswith(suffix) and unit == suffix for unit in units for suffix in ADMIN_SUFFIXES):
        return ""  # 自治区 alone
    return candidate


def _named_in(line: str, table: Sequence[Region]) -> str:
    """The full name of the first table region a line names (2008年宁夏政府工作报告)."""
    return next((full for written, full in _table_names(table) if written in line), "")


def _file_region(file_name: str, table: Sequence[Region]) -> str:
    """A region named in the file name: a regions.csv name first, else any admin unit."""
    row = next((r for r in table if r.name in file_name), None)
    if row is None:
        row = next((r for r in table if r.short in file_name), None)
    if row is not None:
        return row.name
    units = [u for u in ADMIN_UNIT.findall(re.sub(r"[\d_]+", " ", file_name)) if len(u) >= 3]
    return units[0] if units else ""


def _cue(
    title: str, head: list[str], file_name: str, cues: Sequence[RegionCue]
) -> RegionCue | None:
    """The first row of ``region_cues.csv`` whose line matches (the national report)."""
    lines = {
        "title": [_despace(title)] if title else [],
        "delivery": [ln for ln in head if _DELIVERY_RE.search(ln)],
        "speaker": head,
        "salutation": [ln for ln in head if _SALUTATION_RE.search(ln)],
        "file": [file_name] if file_name else [],
    }
    return next(
        (cue for cue in cues for ln in lines.get(cue.line, []) if cue.pattern.search(ln)), None
    )


def _region_and_year(
    title: str, head: list[str], file_name: str, table: Sequence[Region]
) -> tuple[str, str]:
    """Region from title, delivery line, speaker line or file name; year likewise."""
    bare = re.sub(r"^关于|(?:19|20)\d\d年?(?:度)?", "", _despace(title))
    m = _REGION_RE.search(bare)
    region = _place(m.group("r"), table) if m else ""
    region = region or _named_in(bare, table)
    years = [int(y) for y in _YEAR_RE.findall(title)]
    year = str(max(years)) if years else ""
    delivery = next((d for d in map(_DELIVERY_RE.search, head) if d), None)
    if delivery is not None:
        if not year:
            y = cn_to_int(delivery.group("y"))
            year = str(y) if y else ""
        region = region or _place(delivery.group("where"), table)
    speaker = next((s for s in map(_SPEAKER_RE.match, head) if s), None)
    if not region and speaker is not None:
        region = _place(speaker.group("r"), table)
    region = region or _file_region(file_name, table)
    if not year:
        fy = _FILE_YEAR_RE.findall(file_name)
        year = fy[0] if fy else ""
    return region, year


def infer_metadata(
    text: str, *, file_name: str = "", table: Sequence[Region] | None = None
) -> dict[str, str]:
    """Infer title, region, level, year and kind from a report's first lines.

    A row of ``resources/region_cues.csv`` that matches its line comes first: a delivery
    line naming 全国人民代表大会, a speaker line ``国务院总理 李强``, a salutation
    ``我代表国务院`` or a file name ``2026_全国_…`` make the report the State Council's
    (region 全国, level 国家). Otherwise the region is read from the title, the delivery
    line, the speaker line and the file name, in that order, and a short name or variant
    (宁夏, 新疆自治区) is resolved to the full name through ``regions.csv``. The kind is
    named by the first row of ``resources/report_kinds.csv`` whose line matches.

    Parameters
    ----------
    text : str
        The normalised, simplified report text.
    file_name : str
        The file's name, the last source of the region, the year and the kind
        (``2026_云南省_政府工作报告.txt``).
    table : sequence of Region, optional
        :func:`analysis.common.wordlists.regions`, read once by a caller that reads many reports
        (read here when None).

    Returns
    -------
    dict
        Keys ``title`` (the report's title line; never a photo caption or the salutation),
        ``region`` (全国, 云南省, 青岛市市南区), ``level`` (国家 for the national report; 省
        for provinces, autonomous regions and 直辖市; 市, 区, 县 below), ``year`` and
        ``kind`` (政府工作报告, 计划报告, 预算报告 or 五年规划报告) (str, empty when unknown).
    """
    head = [ln.strip() for ln in text.split("\n")[:30] if ln.strip()]
    head = [ln for ln in head if not boilerplate_rule(ln)]
    title = _title(head)
    table = regions() if table is None else table
    region, year = _region_and_year(title, head, file_name, table)
    cue = _cue(title, head, file_name, region_cues())
    if cue is not None:
        region, level = cue.region, cue.level
    else:
        level = _level(region, table) if region else ""
    return {
        "title": title,
        "region": region,
        "level": level,
        "year": year,
        "kind": _kind(title, head, file_name, report_kinds()),
    }


def _subdivisions(unit: str, table: Sequence[Region], places: Sequence[Place]) -> set[str]:
    """The full and short names of the divisions of a provincial region or a prefecture."""
    region = next((r.name for r in table if unit in (r.name, r.short)), "")
    inside = (p for p in places if (p.region == region if region else p.prefecture == unit))
    return {name for p in inside for name in (p.name, p.short) if name}


def _unit_names(region: str, table: Sequence[Region], places: Sequence[Place]) -> set[str]:
    """Each admin unit of a region with and without its suffix, the table's other names, and
    the divisions of its last (smallest) unit."""
    names: set[str] = set()
    units = ADMIN_UNIT.findall(region) or [region] * bool(region)
    for unit in units:
        names.add(unit)
        suffix = next((s for s in ADMIN_SUFFIXES if unit.endswith(s)), "")
        if suffix and len(unit) - len(suffix) >= 2:
            names.add(unit[: -len(suffix)])
        for row in table:
            if unit in (row.name, row.short):
                names.update((row.name, row.short, *row.abbr, *row.literary))
    if units:
        names |= _subdivisions(units[-1], table, places)
    return names


def region_names(
    corpus: pd.DataFrame, *, places: Sequence[Place] | None = None
) -> dict[str, frozenset[str]]:
    """The names each report uses for its own region and the places inside it.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus` (``doc_id`` and ``region``).
    places : sequence of Place, optional
        The divisions (:func:`analysis.common.wordlists.gazetteer`, read here when None).

    Returns
    -------
    dict of str to frozenset of str
        ``doc_id`` -> names: every administrative unit of the region with and without its
        suffix (青岛市市南区 gives 青岛市, 青岛, 市南区, 市南); for a provincial-level region,
        its short name, one-character abbreviations and literary names from ``regions.csv``
        (云南省 gives 云南, 滇, 云, 云岭, 彩云之南); and the full and short names of the
        divisions of the region's smallest unit in ``gazetteer.csv`` (内蒙古自治区 gives
        鄂尔多斯市, 鄂尔多斯, 准格尔旗, 准格尔 ...; 青岛市 gives 市南区, 市南, 黄岛区 ...).
        The national report (全国) gets no divisions: the provinces are what it speaks of.
        Empty for an unknown region.
    """
    table = regions()
    places = gazetteer() if places is None else places
    names: dict[str, frozenset[str]] = {}  # each region's names found once
    for region in dict.fromkeys(str(r or "") for r in corpus["region"]):
        names[region] = frozenset(_unit_names(region, table, places))
    return {
        str(doc_id): names[str(region or "")]
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
