"""Metadata: region and level from title, delivery line, speaker line or file name; own names."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.common.wordlists import Place, gazetteer, regions
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


#: A small gazetteer: two prefectures of 云南省 (one with a county), a district of 青岛市.
PLACES = (
    Place("5301", "云南省", "", "昆明市", "昆明", "地级市"),
    Place("530112", "云南省", "昆明市", "西山区", "", "市辖区"),
    Place("5325", "云南省", "", "红河哈尼族彝族自治州", "红河", "自治州"),
    Place("370202", "山东省", "青岛市", "市南区", "市南", "市辖区"),
    Place("370211", "山东省", "青岛市", "黄岛区", "黄岛", "市辖区"),
)


def test_region_names_per_report() -> None:
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "region": ["云南省", "青岛市市南区", "宁夏回族自治区", "", "青岛市"],
        }
    )
    names = region_names(corpus, places=PLACES)
    # a province: its names and the full and short names of its divisions (西山区 has no
    # short form: 西山 is ambiguous)
    assert names["a"] == {"云南省", "云南", "滇", "云", "云岭", "彩云之南"} | {
        "昆明市",
        "昆明",
        "西山区",
        "红河哈尼族彝族自治州",
        "红河",
    }
    # a district: its units, not its sister districts; a city: its districts
    assert names["b"] == {"青岛市", "青岛", "市南区", "市南"}
    assert names["e"] == {"青岛市", "青岛", "市南区", "市南", "黄岛区", "黄岛"}
    assert names["c"] == {"宁夏回族自治区", "宁夏回族", "宁夏", "宁", "塞上"}
    assert names["d"] == frozenset()


def test_region_names_from_the_gazetteer() -> None:
    corpus = pd.DataFrame({"doc_id": ["nx", "cn"], "region": ["宁夏回族自治区", "全国"]})
    names = region_names(corpus)
    assert {"银川市", "银川", "固原", "中卫", "石嘴山", "沙坡头区", "沙坡头"} <= names["nx"]
    assert "成都" not in names["nx"]
    assert names["cn"] == {"全国"}  # the national report: provinces are what it speaks of
    assert place_names(corpus) == names["nx"] | names["cn"]


def test_gazetteer_rows() -> None:
    rows = {p.name: p for p in gazetteer() if p.region in ("内蒙古自治区", "上海市", "青海省")}
    assert rows["鄂尔多斯市"] == Place(
        "1506", "内蒙古自治区", "", "鄂尔多斯市", "鄂尔多斯", "地级市"
    )
    assert rows["准格尔旗"] == Place(
        "150622", "内蒙古自治区", "鄂尔多斯市", "准格尔旗", "准格尔", "旗"
    )
    assert rows["浦东新区"] == Place("310115", "上海市", "", "浦东新区", "浦东", "市辖区")
    # 海南 is a province's name, 平安 a common word: no short form
    assert rows["海南藏族自治州"].short == ""
    assert rows["平安区"].short == ""


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


@pytest.mark.parametrize(
    ("text", "file_name", "expected"),
    [
        # the delivery line names the national congress (第十二届 is not a place)
        ("政府工作报告\n——2016年3月5日在第十二届全国人民代表大会第四次会议上\n", "", "2016"),
        # 第七届: one numeral before 届; a web title and a subtitle before it
        (
            "1989年政府工作报告\n坚决贯彻治理整顿的方针\n"
            "——1989年3月20日在第七届全国人民代表大会第二次会议上\n国务院总理 李鹏\n",
            "",
            "1989",
        ),
        # 在中华人民共和国第一届全国人民代表大会
        ("——1954年9月23日在中华人民共和国第一届全国人民代表大会第一次会议上\n", "", "1954"),
        # only the speaker line
        ("国务院总理 李克强\n各位代表:\n", "2015_x.txt", "2015"),
        # no header at all: the salutation
        ("各位代表:\n现在,我代表国务院,向大会作政府工作报告,请予审议。\n", "", ""),
        # the file name alone
        ("各位代表:\n五年来,我们……\n", "2026_全国_政府工作报告.txt", "2026"),
    ],
)
def test_national_report_is_national_level(text: str, file_name: str, expected: str) -> None:
    meta = infer_metadata(text, file_name=file_name)
    assert (meta["region"], meta["level"], meta["year"]) == ("全国", "国家", expected)
    assert meta["kind"] == ("政府工作报告" if "政府工作报告" in text + file_name else "")


@pytest.mark.parametrize(
    ("text", "file_name", "region"),
    [
        # short name in the title; delivery line 在自治区…; speaker 政府主席
        (
            "2008年宁夏政府工作报告\n——2008年1月16日在自治区第十届人民代表大会第一次会议上\n"
            "宁夏回族自治区政府主席王正伟\n",
            "",
            "宁夏回族自治区",
        ),
        (
            "——2008年1月16日在自治区第十届人民代表大会第一次会议上\n宁夏回族自治区政府主席王正伟\n",
            "",
            "宁夏回族自治区",
        ),
        # the text's own variants of the full name
        ("2006年新疆自治区政府工作报告\n", "", "新疆维吾尔自治区"),
        ("新疆维吾尔族自治区2013年政府工作报告\n", "", "新疆维吾尔自治区"),
        # a year without 年 before the name
        ("2014宁夏回族自治区政府工作报告\n", "", "宁夏回族自治区"),
        # the salutation is not the title; 省十 (在省十一届人大) is not a place
        (
            "政府工作报告\n——2008年1月8日在省十一届人大一次会议上\n省长 某某\n各位代表:\n"
            "我代表省人民政府向大会作政府工作报告,请予审议。\n",
            "2008_吉林省_政府工作报告.txt",
            "吉林省",
        ),
        (
            "现在我代表省人民政府向大会作政府工作报告,请予审议。\n",
            "2000_福建省_政府工作报告.txt",
            "福建省",
        ),
        # 自治区主席 names no region; the file does
        (
            "2010年政府工作报告\n自治区主席 某某\n",
            "2010_广西壮族自治区_政府工作报告.txt",
            "广西壮族自治区",
        ),
    ],
)
def test_region_short_names_variants_and_bare_units(text: str, file_name: str, region: str) -> None:
    meta = infer_metadata(text, file_name=file_name)
    assert (meta["region"], meta["level"]) == (region, "省")


@pytest.mark.parametrize(
    ("text", "file_name", "kind"),
    [
        ("关于天津市国民经济和社会发展第十个五年计划纲要的报告\n", "", "五年规划报告"),
        ("关于湖南省国民经济和社会发展\n“十五”计划纲要的报告\n", "", "五年规划报告"),
        (
            "各位代表:\n现在,我代表省人民政府向大会作关于甘肃省国民经济和社会发展第十个五年计划纲要的报告。\n",
            "",
            "五年规划报告",
        ),
        ("政 府 工 作 报 告\n", "", "政府工作报告"),
        ("湖北省人民政府2002年工作报告\n", "", "政府工作报告"),
        ("各位代表:\n我代表省人民政府向大会报告工作,请予审议。\n", "", "政府工作报告"),
        (
            "各位代表:\n我代表国务院,向大会报告本届政府过去五年的工作,请予审议。\n",
            "",
            "政府工作报告",
        ),
        (
            "我代表国务院向大会提出关于一九五八年度国民经济计划(草案)的报告,请予审议。\n",
            "",
            "计划报告",
        ),
        ("关于2024年计划执行情况与2025年计划草案的报告\n", "", "计划报告"),
        ("各位代表:\n过去一年……\n", "2001_上海市_政府工作报告.txt", "政府工作报告"),
        ("各位代表:\n过去一年……\n", "notes.txt", ""),
        # a sentence naming a plan outline is not the title
        (
            "各位代表:\n“十五”时期的工作已体现在“十五”计划纲要(草案)中。这里向各位代表报告:\n",
            "2001_某省_政府工作报告.txt",
            "政府工作报告",
        ),
    ],
)
def test_kind_from_title_salutation_or_file(text: str, file_name: str, kind: str) -> None:
    assert infer_metadata(text, file_name=file_name)["kind"] == kind
