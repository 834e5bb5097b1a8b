"""Targets: each wording of the 主要预期目标 passage, results, negatives, tables and chart."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.measure.targets import (
    TARGET_COLUMNS,
    compare_targets,
    extract_targets,
    load_indicators,
    targets_wide,
)
from analysis.pages.plots.targets import plot_targets
from analysis.read.corpus import read_corpus, split_paragraphs

DATA = Path(__file__).parent / "data" / "targets"


def _extract(*names: str) -> pd.DataFrame:
    corpus = read_corpus([DATA / f"{n}.txt" for n in names])
    return extract_targets(corpus, split_paragraphs(corpus))


def _rows(targets: pd.DataFrame, section: str) -> list[tuple[object, ...]]:
    sub = targets[targets["section"] == section]
    cols = ["indicator", "low", "high", "unit", "qualifier"]
    return [
        tuple(None if pd.isna(v) else v for v in row) for row in sub[cols].itertuples(index=False)
    ]


def test_columns_and_types() -> None:
    targets = _extract("province")
    assert list(targets.columns) == TARGET_COLUMNS
    assert str(targets["year"].dtype) == "Int64"
    assert targets["low"].dtype == float


def test_province_targets_full_width_range_respectively_and_tail() -> None:
    targets = _extract("province")
    assert _rows(targets, "target") == [
        ("地区生产总值", 5.0, 5.5, "%", "range"),
        ("第一产业增加值", 3.5, 3.5, "%", "左右"),
        ("第二产业增加值", 5.0, 5.0, "%", "以上"),
        ("第三产业增加值", 6.0, 6.0, "%", "左右"),
        ("城镇调查失业率", 5.5, 5.5, "%", "以内"),
        ("城镇新增就业", 50.0, 50.0, "万人", "以上"),
        ("居民消费价格", 2.0, 2.0, "%", "左右"),
        ("居民人均可支配收入", None, None, "", "同步"),
        ("粮食产量", 700.0, 700.0, "亿斤", "以上"),
    ]
    first = targets.iloc[0]
    assert (first["doc_id"], first["region"], first["year"]) == ("province", "东川省", 2026)
    assert first["text"] == "全省生产总值增长5%—5.5%"


def test_province_results_skip_five_year_review_and_old_target() -> None:
    targets = _extract("province")
    assert _rows(targets, "result") == [
        ("地区生产总值", 5.1, 5.1, "万亿元", "exact"),
        ("地区生产总值", 5.3, 5.3, "%", "exact"),
        ("城镇调查失业率", 5.1, 5.1, "%", "exact"),
        ("居民消费价格", -0.2, -0.2, "%", "exact"),
    ]
    assert set(targets.loc[targets["section"] == "result", "year"]) == {2025}


def test_five_year_plan_targets_are_not_this_years() -> None:
    targets = _extract("province")
    assert not targets["text"].str.contains("年均").any()
    assert (targets["section"] == "target").sum() == 9


def test_county_forms_range_wordings_and_arrangement() -> None:
    targets = _extract("county")
    assert _rows(targets, "target") == [
        ("地区生产总值", 6.0, 6.0, "%", "exact"),
        ("规模以上工业增加值", 5.0, 5.5, "%", "range"),
        ("社会消费品零售总额", 4.5, 5.0, "%", "range"),
        ("固定资产投资", 3.0, 4.0, "%", "range"),
        ("一般公共预算收入", 2.0, 2.0, "%", "exact"),
        ("居民人均可支配收入", None, None, "", "同步"),
    ]
    assert targets.iloc[0]["text"] == "全县生产总值按增长6%安排"
    assert _rows(targets, "result") == [
        ("地区生产总值", 6.2, 6.2, "%", "exact"),
        ("一般公共预算收入", 3.1, 3.1, "%", "exact"),
        ("规模以上工业增加值", 8.0, 8.0, "%", "exact"),
    ]


def test_district_list_form_economic_growth_and_joint_subject() -> None:
    targets = _extract("district")
    assert _rows(targets, "target") == [
        ("地区生产总值", 5.0, 5.0, "%", "左右"),
        ("城镇居民人均可支配收入", 5.0, 5.0, "%", "exact"),
        ("农村居民人均可支配收入", 6.0, 6.0, "%", "左右"),
        ("城镇调查失业率", 5.5, 5.5, "%", "左右"),
    ]
    # "低于5%左右的预期目标" names last year's target, not a figure of its own
    assert _rows(targets, "result") == [
        ("地区生产总值", 4.8, 4.8, "%", "exact"),
        ("城镇居民人均可支配收入", 4.1, 4.1, "%", "exact"),
    ]


def test_plan_report_targets_section() -> None:
    targets = _extract("plan")
    assert _rows(targets, "target") == [
        ("地区生产总值", 5.5, 5.5, "%", "左右"),
        ("一般公共预算收入", 5.0, 5.0, "%", "左右"),
        ("规模以上工业增加值", 6.5, 6.5, "%", "左右"),
        ("固定资产投资", 5.0, 5.0, "%", "以上"),
        ("居民人均可支配收入", 5.5, 5.5, "%", "左右"),
    ]
    assert _rows(targets, "result") == [
        ("地区生产总值", 8000.5, 8000.5, "亿元", "exact"),
        ("地区生产总值", 5.6, 5.6, "%", "exact"),
        ("一般公共预算收入", 600.2, 600.2, "亿元", "exact"),
        ("一般公共预算收入", 4.9, 4.9, "%", "exact"),
        ("固定资产投资", 4.0, 4.0, "%", "exact"),
    ]


def test_report_without_targets_gives_no_rows() -> None:
    targets = _extract("bulletin")
    assert list(targets.columns) == TARGET_COLUMNS
    assert len(targets) == 0


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("地区生产总值增长5%左右", (5.0, 5.0, "左右")),
        ("地区生产总值增长5%以上", (5.0, 5.0, "以上")),
        ("地区生产总值增长4.5%—5%", (4.5, 5.0, "range")),
        ("地区生产总值增长4.5-5%", (4.5, 5.0, "range")),
        ("地区生产总值增长5%-5.5%", (5.0, 5.5, "range")),
        ("地区生产总值增长5%至5.5%", (5.0, 5.5, "range")),
        ("地区生产总值按增长5%安排", (5.0, 5.0, "exact")),
        ("经济增长5%左右、在实际工作中努力争取更好结果", (5.0, 5.0, "左右")),
        ("全区生产总值增长６％左右", (6.0, 6.0, "左右")),
    ],
)
def test_gdp_wordings(tmp_path: Path, passage: str, expected: tuple[float, float, str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"2026年某区政府工作报告\n今年主要预期目标是：{passage}。\n", encoding="utf-8")
    corpus = read_corpus([path])
    targets = extract_targets(corpus, split_paragraphs(corpus))
    assert _rows(targets, "target") == [("地区生产总值", *expected[:2], "%", expected[2])]


def test_seed_plan_report_targets(seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> None:
    targets = extract_targets(seeds, seed_paragraphs)
    plan = targets[(targets["doc_id"] == "青岛市2024计划报告") & (targets["section"] == "target")]
    assert _rows(plan, "target") == [
        ("地区生产总值", 5.5, 5.5, "%", "左右"),
        ("一般公共预算收入", 5.0, 5.0, "%", "左右"),
        ("规模以上工业增加值", 6.5, 6.5, "%", "左右"),
        ("固定资产投资", 5.0, 5.0, "%", "以上"),
        ("社会消费品零售总额", 5.0, 5.0, "%", "以上"),
        ("居民人均可支配收入", 5.5, 5.5, "%", "左右"),
    ]
    gdp = targets[(targets["section"] == "target") & (targets["indicator"] == "地区生产总值")]
    assert dict(zip(gdp["doc_id"], gdp["qualifier"], strict=True)) == {
        "青岛市2024政府工作报告": "左右",
        "市北区2021政府工作报告": "左右",
        "市南区2025政府工作报告": "以上",
        "青岛市2024计划报告": "左右",
    }


def test_compare_targets_pairs_target_with_next_reports_result() -> None:
    targets = _extract("district", "district_next")
    table = compare_targets(targets)
    assert table[["indicator", "target", "result", "met"]].values.tolist() == [
        ["地区生产总值", "5%左右", 5.2, True],
        ["城镇居民人均可支配收入", "5%", 4.6, False],
        ["农村居民人均可支配收入", "6%左右", 6.3, True],
        ["城镇调查失业率", "5.5%左右", 5.6, False],
    ]
    assert set(table["year"]) == {2025}


def test_targets_wide_cells_as_written() -> None:
    wide = targets_wide(_extract("county", "province"))
    assert list(wide.index) == [("南河县", "2026"), ("东川省", "2026")]
    assert wide.loc[("东川省", "2026"), "地区生产总值"] == "5%—5.5%"
    assert wide.loc[("东川省", "2026"), "居民人均可支配收入"] == "与经济增长同步"
    assert wide.loc[("东川省", "2026"), "一般公共预算收入"] == ""
    assert wide.columns[0] == "地区生产总值"


def test_indicator_table_is_well_formed() -> None:
    table = load_indicators()
    assert list(table.columns) == ["indicator", "alias", "note"]
    assert (table["alias"] != "").all()
    assert {"地区生产总值", "城镇调查失业率", "居民消费价格"} <= set(table["indicator"])


def test_plot_targets_point_bar_and_labels() -> None:
    fig = plot_targets(_extract("county", "province", "district"))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["西岭区", "东川省", "南河县"]
    assert len(ax.patches) == 1  # the range is a bar; single values are points
    assert "预期目标" in ax.get_xlabel()


# --------------------------------------------------------------------------- national notations


def _national(tmp_path: Path, *lines: str) -> pd.DataFrame:
    """A national report of 1995 with the given plan lines."""
    path = tmp_path / "1995_全国_政府工作报告.txt"
    header = "1995年政府工作报告\n——1995年3月5日在第八届全国人民代表大会第三次会议上\n各位代表：\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    corpus = read_corpus([path])
    return extract_targets(corpus, split_paragraphs(corpus))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("今年国民生产总值计划增长百分之六。", ("国民生产总值", 6.0, 6.0, "exact")),
        ("国家计划要求今年的国民生产总值比上年增长百分之五。", ("国民生产总值", 5.0, 5.0, "exact")),
        ("今年计划国内生产总值增长百分之十二点八。", ("国内生产总值", 12.8, 12.8, "exact")),
        (
            "今年经济增长速度的宏观调控目标，定为百分之八至九。",
            ("经济增长", 8.0, 9.0, "range"),
        ),
        ("今年经济增长速度的调控目标定为８％。", ("经济增长", 8.0, 8.0, "exact")),
        ("今年的经济增长预期为７％左右。", ("经济增长", 7.0, 7.0, "左右")),
        ("今年经济增长预期目标为7%左右，这是必要的。", ("经济增长", 7.0, 7.0, "左右")),
        (
            "今年主要预期目标是：国内生产总值增长４．５％－５％。",
            ("国内生产总值", 4.5, 5.0, "range"),
        ),
        ("今年主要预期目标是：经济增长4.5%—5%。", ("经济增长", 4.5, 5.0, "range")),
        ("今年主要预期目标是：国内生产总值增长5%至5.5%。", ("国内生产总值", 5.0, 5.5, "range")),
        (
            "今年宏观调控的主要目标是：经济增长速度8 %，物价涨幅控制在3 %以内。",
            ("经济增长", 8.0, 8.0, "exact"),
        ),
        ("今年主要预期目标是：国内生产总值增长6%以上。", ("国内生产总值", 6.0, 6.0, "以上")),
    ],
)
def test_national_gdp_notations(tmp_path: Path, line: str, expected: tuple) -> None:
    targets = _national(tmp_path, line)
    assert _rows(targets, "target") == [(*expected[:3], "%", expected[3])]
    assert targets["region"].tolist() == ["全国"]


def test_chinese_numeral_results_and_five_year_average() -> None:
    targets = _extract("national_gnp")
    assert _rows(targets, "target") == [
        ("国民生产总值", 8.0, 8.0, "%", "exact"),
        ("固定资产投资", 12.0, 12.0, "%", "exact"),
    ]
    # 五年来…平均每年 and the 八五 plan's 平均每年 are no figure of the year
    assert _rows(targets, "result") == [("国民生产总值", 12.8, 12.8, "%", "exact")]
    assert targets.groupby("section")["year"].first().to_dict() == {"result": 1992, "target": 1993}


def test_full_width_level_and_growth_and_plan_period_target() -> None:
    targets = _extract("national_fullwidth")
    assert _rows(targets, "target") == [("经济增长", 8.0, 8.0, "%", "exact")]
    assert _rows(targets, "result") == [
        ("国内生产总值", 57600.0, 57600.0, "亿元", "exact"),
        ("国内生产总值", 10.2, 10.2, "%", "exact"),
    ]


def test_energy_intensity_and_per_capita_are_not_gdp() -> None:
    targets = _extract("national_energy")
    assert _rows(targets, "target") == [
        ("国内生产总值", 8.0, 8.0, "%", "左右"),
        ("居民消费价格", 4.0, 4.0, "%", "左右"),
    ]
    assert _rows(targets, "result") == [
        ("国内生产总值", 39.8, 39.8, "万亿元", "exact"),
        ("国内生产总值", 10.3, 10.3, "%", "exact"),
    ]
    assert not targets["text"].str.contains("能耗|人均").any()


def test_year_without_growth_target_gives_no_gdp_target() -> None:
    targets = _extract("2020_national_no_target")
    assert _rows(targets, "target") == [
        ("城镇新增就业", 900.0, 900.0, "万人", "以上"),
        ("城镇调查失业率", 6.0, 6.0, "%", "左右"),
        ("居民人均可支配收入", None, None, "", "同步"),
    ]
    assert _rows(targets, "result") == [
        ("国内生产总值", 99.1, 99.1, "万亿元", "exact"),
        ("国内生产总值", 6.1, 6.1, "%", "exact"),
    ]


def test_five_year_average_is_not_the_years_target_but_results_are_read() -> None:
    targets = _extract("national_plan_average")
    assert _rows(targets, "target") == []
    assert _rows(targets, "result") == [
        ("国内生产总值", 89404.0, 89404.0, "亿元", "exact"),
        ("国内生产总值", 8.0, 8.0, "%", "exact"),
    ]
    assert set(targets["year"]) == {2000}


def test_province_results_only_from_the_indicators_own_review() -> None:
    targets = _extract("province_review", "province_gdp_word")
    review = targets[targets["doc_id"] == "province_review"]
    # 其中第三产业增长14%, 完成年计划的118.2% and a new district's growth are not results
    assert _rows(review, "result") == [
        ("地区生产总值", 8836.9, 8836.9, "亿元", "exact"),
        ("地区生产总值", 12.9, 12.9, "%", "exact"),
    ]
    assert _rows(review, "target") == [("地区生产总值", 10.0, 10.0, "%", "左右")]
    gdp_word = targets[targets["doc_id"] == "province_gdp_word"]
    assert _rows(gdp_word, "result") == [("地区生产总值", 9.1, 9.1, "%", "exact")]
    assert list(gdp_word["year"]) == [2013, 2012]


def test_compare_targets_joins_names_of_one_measure() -> None:
    targets = _extract("2026_national_growth_range", "2027_national_growth_result")
    table = compare_targets(targets)
    assert table[["region", "year", "indicator", "target", "result", "met"]].values.tolist() == [
        ["全国", 2026, "经济增长", "4.5%—5%", 4.8, True],
    ]


def test_national_indicator_table_overrides_by_level() -> None:
    national = load_indicators(level="国家")
    region = load_indicators()
    assert national.loc[national["alias"] == "经济增长率?", "indicator"].tolist() == ["经济增长"]
    assert region.loc[region["alias"] == "经济增长率?", "indicator"].tolist() == ["地区生产总值"]
    assert list(national.columns) == list(region.columns)


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (
            "全省国内生产总值完成1082亿元，增长8.8%，连续五年高于全国平均水平。",
            [
                ("国内生产总值", 1082.0, 1082.0, "亿元", "exact"),
                ("国内生产总值", 8.8, 8.8, "%", "exact"),
            ],
        ),
        (
            "国内生产总值比上年增长9.6%，基本完成了10%左右的计划目标。",
            [("国内生产总值", 9.6, 9.6, "%", "exact")],
        ),
        (
            "全市国内生产总值完成1971亿元，与1996年相比，增长68.9%。",
            [("国内生产总值", 1971.0, 1971.0, "亿元", "exact")],
        ),
        (
            "全省国内生产总值达9506亿元，比上年增长10. 5%。",
            [
                ("国内生产总值", 9506.0, 9506.0, "亿元", "exact"),
                ("国内生产总值", 10.5, 10.5, "%", "exact"),
            ],
        ),
        (
            "2001年全省国内生产总值完成2000亿元，比上年增长8%，五年年均增长9.3%。",
            [
                ("国内生产总值", 2000.0, 2000.0, "亿元", "exact"),
                ("国内生产总值", 8.0, 8.0, "%", "exact"),
            ],
        ),
        ("“十五”计划草案规定，五年内国内生产总值增长百分之四十四。", []),
        ("一季度全市生产总值下降6.7%。", []),
        ("单位土地GDP产出率提高50%。", []),
        ("全市紧紧围绕经济增长9%的目标，狠抓落实。", []),
    ],
)
def test_review_sentence_results(tmp_path: Path, review: str, expected: list) -> None:
    path = tmp_path / "2002_某省_政府工作报告.txt"
    path.write_text(
        f"2002年某省政府工作报告\n{review}\n今年主要预期目标是：地区生产总值增长8%。\n", "utf-8"
    )
    corpus = read_corpus([path])
    targets = extract_targets(corpus, split_paragraphs(corpus))
    assert _rows(targets, "result") == expected
    assert _rows(targets, "target") == [("地区生产总值", 8.0, 8.0, "%", "exact")]
