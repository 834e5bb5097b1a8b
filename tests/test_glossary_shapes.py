"""Glossary layouts found by shape: statistics notes, dash indicators, numbered lists whose
later entries are plain, and the page furniture of news pages and bulletin sites."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import GlossaryWarning, extract_glossary, read_corpus, split_paragraphs
from analysis.terms.glossary import LINE_FORMATS, parse_entry_line

DATA = Path(__file__).parent / "data" / "glossary"


def _extract(name: str) -> pd.DataFrame:
    corpus = read_corpus([DATA / name])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return extract_glossary(corpus, split_paragraphs(corpus))


def _pairs(entries: pd.DataFrame) -> list[list[str]]:
    return entries[["display_term", "definition"]].values.tolist()


def test_the_cue_layouts_are_named_rows_after_the_comma_cue() -> None:
    names = [f.name for f in LINE_FORMATS]
    at = names.index("comma_cue")
    assert names[at + 1 : at + 4] == ["alias_cue", "glued_cue", "glued_zhi"]
    assert all(f.numbered_only and f.strong for f in LINE_FORMATS[at + 1 : at + 4])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[5]城镇化率是指城镇常住人口的比重。", (5, "城镇化率", "是指城镇常住人口的比重。", "glued_cue")),
        ("(3)规模以上工业指年主营业务收入2000万元及以上。", (3, "规模以上工业", "指年主营业务收入2000万元及以上。", "glued_zhi")),
        ("[3]常住人口,原称户籍人口,是指居住半年以上的人口。", (3, "常住人口", "原称户籍人口,是指居住半年以上的人口。", "alias_cue")),
        ("[4]居民消费价格指数按月计算。", (4, None, "居民消费价格指数按月计算。", "")),
        ("[2]价格指数是指反映价格变动的相对数。", (2, "价格指数", "是指反映价格变动的相对数。", "glued_cue")),
    ],
)  # fmt: skip
def test_a_term_glued_to_its_cue_word_after_a_number(
    line: str, expected: tuple[int, str | None, str, str]
) -> None:
    p = parse_entry_line(line)
    assert p is not None
    assert (p.number, p.term, p.definition, p.layout) == expected


def test_a_cue_glued_to_a_term_needs_an_entry_number() -> None:
    p = parse_entry_line("城镇化率是指城镇常住人口的比重。")
    assert p is not None and p.term is None


def test_a_colon_inside_a_time_is_no_separator() -> None:
    p = parse_entry_line("某某晚报 2024-01-12 06:30 大字")
    assert p is not None and p.term is None


def test_statistics_notes_give_only_the_notes_that_define_a_term() -> None:
    corpus = read_corpus([DATA / "stats_notes.txt"])
    with pytest.warns(GlossaryWarning) as caught:
        e = extract_glossary(corpus, split_paragraphs(corpus))
    assert [str(w.message) for w in caught] == [
        "stats_notes.txt: line 6: glossary line '[4]万元地区生产总值能耗按2020年价格计算。'"
        " left out of the entries (a numbered note without a term)",
        "stats_notes.txt: line 8: glossary line '[6]2024年年末,0—15岁人口为38万人。'"
        " left out of the entries (a numbered note without a term)",
    ]
    assert _pairs(e) == [
        ["常住人口", "原称常住户籍人口,是指实际居住在本地半年以上的人口。"],
        ["城镇化率", "是指城镇常住人口占全部常住人口的比重。"],
        ["规模以上服务业", "指年营业收入2000万元及以上的服务业法人单位。"],
    ]
    assert e[["line", "end_line"]].values.tolist() == [[5, 5], [7, 7], [9, 9]]


def test_notes_under_a_heading_end_at_the_sites_page_tail() -> None:
    corpus = read_corpus([DATA / "notes_page_tail.txt"])
    with pytest.warns(GlossaryWarning) as caught:
        e = extract_glossary(corpus, split_paragraphs(corpus))
    assert [str(w.message) for w in caught] == [
        "notes_page_tail.txt: line 3: cannot parse glossary line '(1)本公报各项数字均为初步统计数。'"
        " (no term before it); not made an entry",
        "notes_page_tail.txt: line 4: cannot parse glossary line '(2)地区生产总值按当年价格计算,"
        "增长速度按可比价格计算;' (no term before it); not made an entry",
        "notes_page_tail.txt: line 6: glossary line '(4)固定资产投资统计范围为计划总投资500万元及以上的项目;'"
        " left out of the entries (a numbered note without a term)",
    ]
    assert _pairs(e) == [
        ["规模以上工业", "指年主营业务收入2000万元及以上的工业企业;"],
        ["限额以上零售业", "指年主营业务收入500万元及以上的零售企业;"],
    ]
    assert e["end_line"].tolist() == [5, 7]


def test_dash_indicators_after_two_title_lines_keep_a_plain_last_entry() -> None:
    e = _extract("dash_indicators.txt")
    assert e["term"].tolist() == ["常住人口", "户籍人口", "就业人员", "劳动力"]
    assert e["definition"].tolist()[-1] == "劳动年龄内有劳动能力的人口,包括就业人员和失业人员。"


def test_a_numbered_list_keeps_its_plain_entries_after_the_quoted_ones() -> None:
    e = _extract("numbered_weak_tail.txt")
    assert e["term"].tolist() == [
        "2345发展思路",
        "专精特新小巨人企业",
        "瞪羚企业",
        "四减四增",
        "百村工程",
    ]
    assert e["n"].tolist() == [1, 2, 3, 4, 5]


def test_newspaper_page_line_title_and_byline_are_not_entries() -> None:
    e = _extract("news_page_furniture.txt")
    assert _pairs(e) == [
        ["“三个一”", "指一个项目、一名领导、一套班子。"],
        ["“双招双引”", "指招商引资、招才引智。"],
        ["“一网通办”", "指政务服务事项在一个平台上办理。"],
    ]


def test_news_dateline_and_masthead_before_keyword_blocks_are_not_entries() -> None:
    e = _extract("news_dateline_keywords.txt")
    assert _pairs(e) == [["“三资三化”", "指国有资源资产化、国有资产证券化、国有资金杠杆化。"]]
    assert e[["line", "end_line"]].values.tolist() == [[7, 8]]


def test_labels_repeated_on_every_record_are_not_terms() -> None:
    assert _extract("neg_repeated_labels.txt").empty


def _rows(e: pd.DataFrame) -> list[list]:
    return e[["n", "term", "definition", "line", "end_line"]].values.tolist()


def test_notes_run_together_on_one_line_after_a_glued_heading_split_into_sentences() -> None:
    corpus = read_corpus([DATA / "notes_one_line.txt"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = extract_glossary(corpus, split_paragraphs(corpus))
    # 注:1. glued; 1、2、3 on one line; note 3 defines two terms (X是指…。Y是指…)
    assert _rows(e) == [
        [1, "规模以上工业", "是指年主营业务收入2000万元及以上的工业企业。", 3, 3],
        [2, "城镇化率", "是指城镇常住人口占常住人口的比重。", 3, 3],
        [3, "常住人口", "是指实际居住在本地半年以上的人口。", 3, 3],
    ]


def test_indicator_explanations_separated_by_a_space_or_an_equals_sign() -> None:
    e = _extract("indicators_space.txt")
    assert _rows(e) == [
        [1, "地区生产总值", "指本地区所有常住单位在一定时期内生产活动的最终成果。", 3, 3],
        [2, "人均地区生产总值", "地区生产总值/年平均常住人口,反映一个地区的发展水平。", 4, 4],
        [3, "城镇登记失业率", "指城镇登记失业人员占城镇从业人员与登记失业人员之和的比重。", 5, 5],
    ]


def test_a_space_or_an_equals_sign_in_a_report_body_is_no_entry() -> None:
    assert _extract("neg_space_body.txt").empty


def test_bylines_and_metadata_lines_are_named_shapes_not_terms() -> None:
    assert _rows(_extract("byline_metadata.txt")) == [
        [1, "两新", "是指新一轮大规模设备更新和消费品以旧换新。", 5, 5],
        [2, "两重", "是指国家重大战略实施和重点领域安全能力建设。", 6, 6],
    ]
    assert _rows(_extract("term_metadata.txt")) == [
        [1, "新型工业化", "以新一代信息技术与制造业深度融合为特征的工业化。", 3, 5],
        [2, "县域经济", "以县城为中心、乡镇为纽带、农村为腹地的区域经济。", 6, 7],
    ]
    assert _rows(_extract("term_after_byline.txt")) == [
        [
            1,
            "新质生产力",
            "新质生产力是创新起主导作用,摆脱传统经济增长方式、生产力发展路径,"
            "具有高科技、高效能、高质量特征的先进生产力质态。",
            5,
            6,
        ]
    ]
    assert _rows(_extract("lead_byline.txt")) == [
        [
            1,
            "新质生产力",
            "由技术革命性突破、生产要素创新性配置、产业深度转型升级而催生的先进生产力质态。",
            5,
            6,
        ],
        [2, "县域经济", "以县城为中心、乡镇为纽带、农村为腹地的区域经济。", 7, 8],
    ]


def test_a_definition_behind_a_label_two_lines_down_after_a_report_quote() -> None:
    assert _rows(_extract("bulleted_labels.txt")) == [
        [1, "新质生产力", "新质生产力是创新起主导作用的先进生产力质态。", 3, 5],
        [2, "两新", "“两新”是指新一轮大规模设备更新和消费品以旧换新。", 6, 8],
    ]


def test_a_headless_numbered_list_with_a_gap_and_a_verb_for_a_cue() -> None:
    assert _rows(_extract("numbered_gap_verb.txt")) == [
        [1, "地区生产总值", "指本县所有常住单位在一定时期内生产活动的最终成果。", 3, 3],
        [
            2,
            "居民人均可支配收入",
            "指居民可用于最终消费支出和储蓄的总和,即居民可用于自由支配的收入。",
            4,
            5,
        ],
        [3, "恩格尔系数", "反映食品支出总额占个人消费支出总额的比重。", 6, 6],
        [4, "城镇调查失业率", "指城镇调查失业人员占城镇调查从业人员与失业人员之和的比重。", 7, 7],
    ]
