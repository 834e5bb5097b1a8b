"""The one number reader: digits and Chinese numerals, whole and with 点; amounts before units."""

from __future__ import annotations

import re

import pytest

from analysis.common.patterns import cn_to_int, read_number, to_arabic


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.5", 4.5),
        ("八", 8.0),
        ("十", 10.0),
        ("十二点八", 12.8),
        ("三点九", 3.9),
        ("九十", 90.0),
        ("一百二十", 120.0),
        ("一万七千四百", 17400.0),
        ("两", 2.0),
        ("二〇二四", 2024.0),
        ("二三十", None),
        ("点八", None),
        ("一般", None),
    ],
)
def test_read_number(text: str, value: float | None) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("21", 21),
        ("二十一", 21),
        ("十五", 15),
        ("二〇二四", 2024),
        ("十二点八", None),
        ("4.5", None),
    ],
)
def test_cn_to_int_reads_whole_numbers_only(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


def test_to_arabic_percentages_ranges_and_amounts() -> None:
    text = (
        "国民生产总值比上年增长百分之十二点八,一万七千四百亿元,定为百分之八至九,一般预算,两千万吨"
    )
    assert to_arabic(text, units="亿元|万吨|%") == (
        "国民生产总值比上年增长12.8%,17400亿元,定为8%至9%,一般预算,2000万吨"
    )


def test_boilerplate_rules_combine_into_one_search() -> None:
    from analysis.common.patterns import (
        _ANY_AT_START,
        BOILERPLATE_RULES,
        _alternatives,
        _any_boilerplate,
        boilerplate_rule,
    )

    # the combined searches are exact only when no rule has flags of its own
    assert {r.flags for r in BOILERPLATE_RULES.values()} == {re.UNICODE}
    assert _alternatives(r"^a|b(c|d)|[|x]|\|y") == ["^a", "b(c|d)", "[|x]", r"\|y"]
    for rule in BOILERPLATE_RULES.values():
        assert "|".join(_alternatives(rule.pattern)) == rule.pattern
    assert _ANY_AT_START.match("当前位置：首页") and not _ANY_AT_START.match("在当前位置")
    lines = [
        "版权所有 ©2024", "当前位置：首页 > 政务公开", "在当前位置上继续努力", "打印", "打印本页",
        "【打印】 【关闭】", "打印 关闭", "2024-01-15 来源：市政府办公室", "2024-01-15",
        "各位代表：现在，我代表市人民政府向大会报告工作", "(完)", "（上接2版）", "•", "",
    ]  # fmt: skip
    for line in lines:
        expected = any(r.search(line) for r in BOILERPLATE_RULES.values())
        assert _any_boilerplate(line) is expected, line
    assert [_any_boilerplate(x) for x in lines[:4]] == [True, True, False, True]
    assert boilerplate_rule("扫一扫在手机打开当前页") == "share_prompt"
    assert boilerplate_rule("各位代表：现在，我代表市人民政府向大会报告工作") == ""
