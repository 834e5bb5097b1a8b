"""Metadata: region and level from title, delivery line, speaker line or file name; own names."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.common.wordlists import regions
from analysis.read.metadata import infer_metadata, is_own_place, place_names, region_names

NAV = "下载\n打印\n【字号:\n加大\n】\n"


def test_region_table_has_the_34_provincial_level_regions() -> None:
    table = regions()
    assert len(table) == 34
    assert {r.type for r in table} == {"省", "自治区", "直辖市", "特别行政区"}
    assert {r.level for r in table} == {"省"}
    yunnan = next(r for r in table if r.short == "云南")
    assert yunnan.name == "云南省"
    assert yunnan.abbr == ("滇", "云")
    assert yunnan.literary == ("云岭", "彩云之南")


@pytest.mark.parametrize(
    ("text", "file_name", "expected"),
    [
        # title without the place: the delivery line after page furniture has it
        (
            NAV + "2026年政府工作报告\n来源:云南日报\n"
            "——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n省长 王予波\n",
            "",
            ("2026年政府工作报告", "云南省", "省", "2026"),
        ),
        # 人民政府工作报告 in the title
        (
            "2026年四川省人民政府工作报告\n",
            "",
            ("2026年四川省人民政府工作报告", "四川省", "省", "2026"),
        ),
        # a 直辖市 is provincial level
        ("2026年北京市政府工作报告\n", "", ("2026年北京市政府工作报告", "北京市", "省", "2026")),
        # a photo caption is not the title; 十四届 without 第
        (
            "政府工作报告。 日报记者 李森 摄\n政府工作报告\n"
            "(2026年1月27日在甘肃省十四届人民代表大会第四次会议上)\n",
            "",
            ("政府工作报告", "甘肃省", "省", "2026"),
        ),
        # the speaker line
        ("政府工作报告\n广东省省长 孟凡利\n", "", ("政府工作报告", "广东省", "省", "")),
        # the file name, last
        (
            "政府工作报告\n各位代表:\n",
            "2026_云南省_政府工作报告.txt",
            ("政府工作报告", "云南省", "省", "2026"),
        ),
        ("各位代表:\n", "市北区2021政府工作报告.txt", ("", "市北区", "区", "2021")),
        (
            "2021年青岛市市北区政府工作报告\n",
            "",
            ("2021年青岛市市北区政府工作报告", "青岛市市北区", "区", "2021"),
        ),
    ],
)
def test_infer_metadata(text: str, file_name: str, expected: tuple[str, ...]) -> None:
    meta = infer_metadata(text, file_name=file_name)
    assert (meta["title"], meta["region"], meta["level"], meta["year"]) == expected


def test_region_names_per_report() -> None:
    corpus = pd.DataFrame(
        {"doc_id": ["a", "b", "c", "d"], "region": ["云南省", "青岛市市南区", "宁夏回族自治区", ""]}
    )
    names = region_names(corpus)
    assert names["a"] == {"云南省", "云南", "滇", "云", "云岭", "彩云之南"}
    assert names["b"] == {"青岛市", "青岛", "市南区", "市南"}
    assert names["c"] == {"宁夏回族自治区", "宁夏回族", "宁夏", "宁", "塞上"}
    assert names["d"] == frozenset()
    assert place_names(corpus) == names["a"] | names["b"] | names["c"]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("上海", True),
        ("沪", True),
        ("申城", True),
        ("中共上海市委", True),
        ("上海市人民政府", True),
        ("上海市委", True),
        ("全市", False),  # generic: a report phrase, not a name
        ("浦东", False),
        ("上海人", False),
        ("全新", False),
    ],
)
def test_is_own_place(term: str, expected: bool) -> None:
    names = frozenset({"上海市", "上海", "沪", "申", "申城", "沪上", "新"})
    assert is_own_place(term, names) is expected
    assert is_own_place(term, frozenset()) is False
