"""Slogans: kinds, shapes, non-slogans, body/appendix counts, formulas across reports."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import (
    classify_slogan,
    count_slogans,
    extract_glossary,
    extract_slogans,
    find_slogans,
    read_corpus,
    slogan_table,
    split_paragraphs,
)
from analysis.terms.slogans.find import (
    COUNT_COLUMNS,
    SET_COLUMNS,
    judge_quotations,
    load_general_words,
)
from analysis.terms.slogans.rules import find_shapes

DATA = Path(__file__).parent / "data" / "slogans"
GLOSSARY_COLUMNS = [
    "doc_id",
    "n",
    "line",
    "end_line",
    "term",
    "display_term",
    "definition",
    "aliases",
]
NO_GLOSSARY = pd.DataFrame(columns=GLOSSARY_COLUMNS)


@pytest.fixture(scope="module")
def general() -> dict[str, tuple[int, str]]:
    return load_general_words()


def _paragraphs(*names: str) -> pd.DataFrame:
    return split_paragraphs(read_corpus([DATA / f"{n}.txt" for n in names]))


def _glossary(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=GLOSSARY_COLUMNS)


def _counts(frame: pd.DataFrame) -> dict[tuple[str, str], tuple[int, int]]:
    return {
        (d, s): (c, a)
        for d, s, c, a in frame[["doc_id", "slogan", "count", "count_appendix"]].itertuples(
            index=False
        )
    }


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("1+6+N", "digit"),
        ("2+2+1+N", "digit"),
        ("1+M+N", "digit"),
        ("135", "digit"),
        ("三资三化", "numeral"),
        ("五有三提升", "numeral"),
        ("十四五", "numeral"),
        ("双碳", "numeral"),
        ("党建+网格+大数据", "plus"),
        ("人工智能+", "plus"),
        ("放管服", "abbreviation"),
        ("专精特新", "abbreviation"),
        ("亿惠青岛消费年", "quoted"),
        ("四首经济[1]", "numeral"),
    ],
)
def test_kinds(phrase: str, kind: str, general: dict) -> None:
    assert classify_slogan(phrase, general=general) == kind


def test_without_the_general_dictionary_no_abbreviation_is_told() -> None:
    assert classify_slogan("放管服") == "quoted"


@pytest.mark.parametrize(
    "phrase",
    ["放", "1", "N", "00", "135亿元", "5.9%", "2024", "一年来", "两个百分点", "三年",
     "148个警格+505个网格", "坚持1个工作日交办企业诉求、3个工作日办结一般性诉求"],
)  # fmt: skip
def test_not_slogans(phrase: str, general: dict) -> None:
    assert classify_slogan(phrase, general=general) is None


def test_shapes_without_quotes_split_compounds_and_outside_words(general: dict) -> None:
    found = find_slogans(_paragraphs("shapes"), NO_GLOSSARY, general=general)
    assert list(found.columns) == SET_COLUMNS
    got = dict(zip(found["slogan"], zip(found["kind"], found["source"], strict=True), strict=True))
    assert got == {
        "1+M+N": ("digit", "formula"),
        "一主两副": ("numeral", "repeated"),
        "一圈一带两区": ("numeral", "repeated"),
        "一开放": ("numeral", "split"),
        "三张零关税清单": ("numeral", "outside"),
        "九大行动": ("numeral", "measured"),
        "五篇大文章": ("numeral", "national|quoted"),
        "五统一": ("numeral", "split"),
        "六大科技专项": ("numeral", "measured"),
        "金融五篇大文章": ("numeral", "outside"),
        "党建+网格+大数据": ("plus", "plus"),
        "零关税": ("abbreviation", "quoted"),
    }


def test_idioms_measures_rankings_and_congress_numbers_are_not_slogans(general: dict) -> None:
    # 一心一意, 三年, 5个, 十九大, 第一梯队; a count summing up a list; a ranking (全国十大);
    # 三对三足球, 四个目标一个过程, 双方两个积极性
    found = find_slogans(_paragraphs("not_slogans"), NO_GLOSSARY, general=general)
    assert found.empty


def test_body_and_appendix_are_counted_apart(general: dict) -> None:
    paragraphs = _paragraphs("appendix")
    counts = extract_slogans(read_corpus([DATA / "appendix.txt"]), paragraphs, NO_GLOSSARY)
    assert list(counts.columns) == COUNT_COLUMNS
    assert _counts(counts) == {("appendix", "五做五抓"): (2, 4), ("appendix", "三资三化"): (1, 0)}
    assert counts["first_context"].iloc[0] == "深入推进“五做五抓”行动,五做五抓成效明显。"


def test_glossary_entry_lines_count_as_appendix_in_the_body(general: dict) -> None:
    paragraphs = _paragraphs("defined_inline")
    entry = ("defined_inline", 1, 3, 3, "“135”企业诉求处置机制", "“135”企业诉求处置机制",
             "135是指1个工作日受理、3个工作日交办、5个工作日办结。", [])  # fmt: skip
    glossary = _glossary(entry)
    found = find_slogans(paragraphs, glossary, general=general)
    counts = count_slogans(paragraphs, found, glossary).set_index("slogan")
    # 135 counts where quoted or before its head noun (企业), not in “135机制” or “135是指”
    assert (counts.loc["135", "count"], counts.loc["135", "count_appendix"]) == (2, 1)
    # “135”企业诉求处置机制 defines 135 through the quoted core of its term
    assert counts.loc["135", "defined"] == "“135”企业诉求处置机制"
    # no end_line: the entry's first line alone is the appendix
    counts = count_slogans(paragraphs, found, glossary.drop(columns="end_line"))
    assert _counts(counts)[("defined_inline", "135")] == (2, 1)


def test_digit_codes_count_elsewhere_only_as_formulas(general: dict) -> None:
    paragraphs = _paragraphs("formula_a", "formula_b")
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    heads = found.set_index(["doc_id", "slogan"])["heads"]
    assert heads[("formula_a", "141")] == "基层"
    counts = _counts(count_slogans(paragraphs, found, NO_GLOSSARY))
    # 141公里, 18.1% and 07:00:44 are not 141; 141基层治理体系 is; 1+N is not inside 2+2+1+N
    assert counts[("formula_b", "141")] == (1, 0)
    assert ("formula_b", "1+N") not in counts
    assert counts[("formula_b", "2+2+1+N")] == (1, 0)
    assert counts[("formula_a", "141")] == (1, 0)


def test_glossary_names_the_parts_of_a_formula(general: dict) -> None:
    paragraphs = _paragraphs("formula_a")
    entry = ("formula_a", 1, 5, 5, "“45432”发展架构", "“45432”发展架构",
             "“4”即四大主导产业,“5”即五大新兴产业。", [])  # fmt: skip
    glossary = _glossary(entry)
    found = find_slogans(paragraphs, glossary, general=general).set_index("slogan")
    assert found.loc["四大主导产业", "source"] == "glossary"
    assert found.loc["45432", "defined"] == "“45432”发展架构"
    counts = _counts(count_slogans(paragraphs, found.reset_index(), glossary))
    assert counts[("formula_a", "四大主导产业")] == (1, 1)
    assert counts[("formula_a", "45432")] == (1, 1)


def _two(tmp_path: Path, a: str, b: str) -> pd.DataFrame:
    (tmp_path / "a.txt").write_text("甲区政府工作报告\n" + a, encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙区政府工作报告\n" + b, encoding="utf-8")
    return split_paragraphs(read_corpus([tmp_path / "a.txt", tmp_path / "b.txt"]))


def test_formulas_travel_between_reports_plain_quotes_do_not(tmp_path: Path, general: dict) -> None:
    paragraphs = _two(
        tmp_path,
        "探索“三资三化”路径,打造“一站式”服务,推进“十四五”规划。\n",
        "落实三资三化,建设一站式平台,完成十四五目标。\n",
    )
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    counts = count_slogans(paragraphs, found, NO_GLOSSARY)
    got = {d: sorted(g["slogan"]) for d, g in counts.groupby("doc_id")}
    assert got == {"a": ["一站式", "三资三化", "十四五"], "b": ["三资三化", "十四五"]}
    assert not counts.set_index(["doc_id", "slogan"]).loc[("b", "三资三化"), "quoted"]


def test_numeral_slogans_are_not_found_inside_amounts(tmp_path: Path, general: dict) -> None:
    paragraphs = _two(
        tmp_path,
        "严控“三公”经费,压减三公经费。\n",
        "新建绿道三公里,第三公园开放,压减“三公”经费。\n",
    )
    counts = count_slogans(
        paragraphs, find_slogans(paragraphs, NO_GLOSSARY, general=general), NO_GLOSSARY
    )
    assert _counts(counts) == {("a", "三公"): (2, 0), ("b", "三公"): (1, 0)}


def test_longest_match_first(tmp_path: Path, general: dict) -> None:
    paragraphs = _two(tmp_path, "开展“五做五抓”,党员干部要“五做”。\n", "无。\n")
    counts = count_slogans(
        paragraphs, find_slogans(paragraphs, NO_GLOSSARY, general=general), NO_GLOSSARY
    )
    assert _counts(counts) == {("a", "五做五抓"): (1, 0), ("a", "五做"): (1, 0)}


def test_traditional_and_other_quote_styles(tmp_path: Path, general: dict) -> None:
    text = '堅持推進「三資三化」,實施"五個一"工程,開展『兩上兩下』活動,發展經濟,實現目標。\n'
    found = find_slogans(_two(tmp_path, text, "无。\n"), NO_GLOSSARY, general=general)
    assert sorted(found["slogan"]) == ["三资三化", "两上两下", "五个一"]


def test_seed_slogans_definitions_and_table(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame, general: dict
) -> None:
    glossary = extract_glossary(seeds, paragraphs=seed_paragraphs, warn=False)
    found = find_slogans(seed_paragraphs, glossary, general=general)
    counts = count_slogans(seed_paragraphs, found, glossary)
    s = counts.set_index(["doc_id", "slogan"])
    row = s.loc[("市北区2021政府工作报告", "1+6+N")]
    assert (row["kind"], row["count"], row["count_appendix"]) == ("digit", 2, 1)
    assert row["defined"] == "1+6+N产业载体支撑体系"
    # 五做五抓: 2 uses in the body, 4 in its own 名词解释 entry
    row = s.loc[("市南区2025政府工作报告", "五做五抓")]
    assert (row["count"], row["count_appendix"]) == (2, 4)
    assert s.loc[("即墨区2026政府工作报告", "三资三化"), "defined"] == "三资三化"
    assert s.loc[("即墨区2026政府工作报告", "十五五"), "defined"] == ""
    assert not counts["first_context"].str.contains("免责申明|版权所有|ICP").any()
    table = slogan_table(seeds, counts).set_index("slogan")
    row = table.loc["十四五"]
    assert (row["n_reports"], row["first_year"], row["kind"]) == (4, 2021, "numeral")
    assert table.loc["1+6+N", "defined"] == "1+6+N产业载体支撑体系"


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('“”"「」+N1235三资化五个一十四年亿元%.,。\n 放管服大项')),
        max_size=80,
    )
)
def test_arbitrary_text_never_crashes(text: str) -> None:
    paragraphs = pd.DataFrame(
        {
            "doc_id": "x",
            "para_id": range(len(text.split("\n"))),
            "line": range(1, len(text.split("\n")) + 1),
            "section": "body",
            "rule": "",
            "text": text.split("\n"),
        }
    )
    found = find_slogans(paragraphs, NO_GLOSSARY, general={"三资": (10, "n")})
    out = count_slogans(paragraphs, found, NO_GLOSSARY)
    assert set(out["kind"]) <= {"digit", "numeral", "plus", "abbreviation", "quoted"}
    assert ((out["count"] + out["count_appendix"]) > 0).all()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_classify_never_crashes(text: str) -> None:
    assert classify_slogan(text) in {None, "digit", "numeral", "plus", "abbreviation", "quoted"}


def test_long_compound_quotes_title_tails_letter_codes_and_no_sums(general: dict) -> None:
    paragraphs = _paragraphs("long_quotes")
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    got = dict(zip(found["slogan"], found["source"], strict=True))
    assert got == {
        "415X": "quoted",
        "一个中心": "split",
        "两块经济": "split",
        "三大战略": "split",
        "四大推进": "split",
        "五大任务": "split",
        "五项重点工作": "measured",
        "八项新举措": "measured",
    }
    counts = _counts(count_slogans(paragraphs, found, NO_GLOSSARY))
    assert set(counts.values()) == {(1, 0)}


def test_pinyin_glosses_of_a_mirrored_page_are_dropped_before_finding(general: dict) -> None:
    paragraphs = _paragraphs("pinyin_mirror")
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    assert found["slogan"].tolist() == ["三个不动摇", "三个进一步", "两违"]
    counts = _counts(count_slogans(paragraphs, found, NO_GLOSSARY))
    assert counts == {
        ("pinyin_mirror", "三个不动摇"): (1, 0),
        ("pinyin_mirror", "三个进一步"): (1, 0),
        ("pinyin_mirror", "两违"): (1, 0),
    }


def test_labelled_parts_of_a_defined_formula_and_no_simplified_twin(general: dict) -> None:
    glossary = _glossary(
        ("d", 1, 5, 5, "1354总体思路", "“1354”总体思路",
         "一个定位:打造先行区;三个坚持:坚持党建引领;五个重点:工业强县、城建突破。", []),
        ("d", 2, 6, 6, "河長制", "河長制", "即由各級負責人擔任河長。", ["河长制"]),
    )  # fmt: skip
    found = find_slogans(_paragraphs("shapes").iloc[:0], glossary, general=general)
    got = dict(zip(found["slogan"], found["source"], strict=True))
    assert got == {
        "1354": "glossary",
        "一个定位": "glossary",
        "三个坚持": "glossary",
        "五个重点": "glossary",
    }


def test_general_dictionary_reads_both_file_shapes(tmp_path: Path) -> None:
    """jieba's three-field lines are split in one pass; other lines one by one; a word
    listed twice keeps its last line; long words and lines without a frequency are left out."""
    three = tmp_path / "three.txt"
    three.write_text(
        "数据 120 n\n大数据 30 n\n数据 7 v\n一二三四五六七八九 5 n\n", encoding="utf-8"
    )
    general = load_general_words(three)
    assert dict(general.items()) == {"数据": (7, "v"), "大数据": (30, "n")}
    assert "一二三四五六七八九" not in general and len(general) == 2
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("数据 120\n治理 40 vn\n无频率\n大数据 x n\n", encoding="utf-8")
    assert dict(load_general_words(mixed).items()) == {"数据": (120, ""), "治理": (40, "vn")}


def test_quoted_phrases_are_judged_by_their_evidence(general: dict) -> None:
    paragraphs = _paragraphs("quotations")
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    judged = judge_quotations(found)
    rows = judged[["slogan", "evidence", "score", "verdict"]].values.tolist()
    assert rows == [
        # a national formula and the numeral formulas quoted: weighed by the phrase alone
        ["一个中国", "beside_formula:1|refuted_after:1|national", 3, "slogan"],
        ["一个中心", "programme_verb:1", 1, "slogan"],
        ["一个台湾", "beside_formula:1|refuted_after:1", -1, "quotation"],
        ["两个中国", "", 0, "slogan"],  # 反对制造“两个中国”: a formula, whoever says it
        ["两个基本点", "programme_verb:1", 1, "slogan"],
        ["人权高于主权", "refuted_after:1", -3, "quotation"],  # …等“新干涉主义”谬论
        ["党天下", "cue_before:1", -3, "quotation"],  # 说成是什么“党天下”
        ["农民太苦", "cue_before:1|speech:1", -6, "quotation"],  # 又说“农民太苦”
        ["十五", "", 0, "slogan"],
        ["大洋防务联盟", "foreign_body:1", -3, "quotation"],
        # tagged nz, but with the frequency 3 of jieba's added words: no evidence of a name
        ["开罗宣言", "foreign_body:1|known:1", -3, "quotation"],
        ["揭榜挂帅", "programme_head:1|programme_verb:1", 3, "slogan"],
        ["放水养鱼", "", 0, "slogan"],  # a metaphor that became a formula: no evidence against
        ["放管服", "programme_head:1|programme_verb:1|abbreviation", 4, "slogan"],
        ["新干涉主义", "refuted_after:1", -3, "quotation"],
        ["春风计划", "programme_name:1|programme_verb:1", 3, "slogan"],  # a programme, used once
        ["清源", "common:1|known:1|programme_head:1|programme_verb:1", 2, "slogan"],
        ["瓶颈", "known:1|ordinary:1", -2, "quotation"],
        ["脱胎换骨", "idiom:1|known:1", -2, "quotation"],
        ["自由", "cue_before:1|known:1|ordinary:1", -5, "quotation"],  # 所谓“自由”贸易
        ["请政府下台", "list_of_sayings:1|refuted_after:1", -5, "quotation"],  # …等等狂妄要求
        ["轮流坐庄", "list_of_sayings:1|refuted_after:1", -5, "quotation"],  # the run shares it
        ["龙头", "known:1|ordinary:1", -2, "quotation"],
    ]


def test_names_titles_metaphors_and_the_make_up_of_a_formula(general: dict) -> None:
    found = find_slogans(_paragraphs("evidence"), NO_GLOSSARY, general=general)
    rows = judge_quotations(found)[["slogan", "evidence", "score", "verdict"]].values.tolist()
    assert rows == [
        ["三人帮", "person_group:1", -5, "quotation"],  # a numeral shape, a group's name
        ["东突", "group_after:1|known:1|name:1", -5, "quotation"],  # …分裂势力
        ["全国文明村镇", "honour_before:1", -3, "quotation"],  # 荣获“…”称号: a title
        ["农业八字宪法", "numbered:1|programme_verb:1", 2, "slogan"],  # 八字: a counted core
        ["农超对接", "paired:1|programme_verb:1", 2, "slogan"],
        ["四人帮", "person_group:1", -5, "quotation"],
        ["圆通法门", "group_after:1", -3, "quotation"],  # …邪教组织
        ["城中村", "known:1|programme_verb:1", 1, "slogan"],  # tagged ns with frequency 3
        ["定心丸", "common:1|known:1", -1, "quotation"],  # a common noun: a metaphor
        ["引智", "joined_after:1|known:1|programme_verb:1", 3, "slogan"],  # …相结合
        ["引资", "joined_after:1|known:1|programme_verb:1", 3, "slogan"],
        ["担保书", "document_name:1|known:1", -3, "quotation"],
        ["来去自由", "known:1|policy_is:1|set_phrase:1", 1, "slogan"],  # 政策是“…”
        ["洋土并举", "paired:1|programme_verb:1", 2, "slogan"],
        ["海燕", "known:1|name:1|thing_named:1", -5, "quotation"],  # 强台风“海燕”
        ["组团式", "known:1|programme_head:1|programme_verb:1", 3, "slogan"],  # “…”帮扶
        ["美丽乡村示范县", "honour_before:1", -3, "quotation"],  # 获评“…”
        ["群星奖", "award_name:1|honour_before:1|known:1", -6, "quotation"],
        ["蓄水池", "common:1|known:1", -1, "quotation"],
        ["鸣放", "known:1|programme_head:1", 2, "slogan"],  # “鸣放”高潮: a campaign
        ["黑材料", "adversary_of:1", -2, "quotation"],  # “三人帮”的“黑材料”
    ]


def test_a_phrase_quoted_only_in_polemical_years_is_weighed_so(
    tmp_path: Path, general: dict
) -> None:
    for name, text in (
        ("a", "某县政府工作报告\n不再“冻结技术”,推行“揭榜挂帅”。\n"),
        ("b", "某县政府工作报告\n推行“揭榜挂帅”。\n"),
    ):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    paragraphs = split_paragraphs(read_corpus(sorted(tmp_path.glob("*.txt"))))
    judged = judge_quotations(
        find_slogans(paragraphs, NO_GLOSSARY, general=general, years={"a": 1982, "b": 2020})
    )
    assert judged[["slogan", "evidence", "score", "verdict"]].values.tolist() == [
        ["冻结技术", "old_style:1", -1, "quotation"],  # every use in a polemical year
        ["揭榜挂帅", "old_style:1|programme_verb:2", 2, "slogan"],  # quoted later too
    ]
    # without the years (or in a later year) no evidence of the year
    judged = judge_quotations(find_slogans(paragraphs, NO_GLOSSARY, general=general))
    assert judged[["slogan", "score", "verdict"]].values.tolist() == [
        ["冻结技术", 0, "slogan"],
        ["揭榜挂帅", 2, "slogan"],
    ]
    # extract_slogans (and the command line) take the years from the corpus
    old = tmp_path / "1982_某县_政府工作报告.txt"
    old.write_text("某县政府工作报告\n只要不再“冻结技术”。\n", encoding="utf-8")
    corpus = read_corpus([old])
    assert extract_slogans(corpus, split_paragraphs(corpus), NO_GLOSSARY, general=general).empty


def test_quotations_are_left_out_of_counts_and_tables_unless_asked(general: dict) -> None:
    paragraphs = _paragraphs("quotations")
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    counts = count_slogans(paragraphs, found, NO_GLOSSARY)
    # 一个中心问题 is not a use of 一个中心, nor 十五届 / 十五大 of “十五”
    # 一个中国 is a national formula: it stays a 提法 even where a refuted compound quotes it
    assert counts[["slogan", "kind", "count"]].values.tolist() == [
        ["一个中国", "numeral", 1],
        ["一个中心", "numeral", 1],
        ["两个中国", "numeral", 1],
        ["两个基本点", "numeral", 1],
        ["十五", "numeral", 1],
        ["放管服", "abbreviation", 1],
        ["揭榜挂帅", "quoted", 1],
        ["放水养鱼", "quoted", 1],
        ["春风计划", "quoted", 1],
        ["清源", "quoted", 1],
    ]
    every = count_slogans(paragraphs, found, NO_GLOSSARY, quotations=True)
    assert every.loc[every["kind"] == "quotation", "slogan"].tolist() == [
        "一个台湾",
        "人权高于主权",
        "党天下",
        "农民太苦",
        "大洋防务联盟",
        "开罗宣言",
        "新干涉主义",
        "瓶颈",
        "脱胎换骨",
        "自由",
        "请政府下台",
        "轮流坐庄",
        "龙头",
    ]
    corpus = read_corpus([DATA / "quotations.txt"])
    assert len(slogan_table(corpus, every)) == 10
    assert len(slogan_table(corpus, every, quotations=True)) == 23


def test_a_phrase_quoted_in_several_reports_or_defined_is_a_name(
    tmp_path: Path, general: dict
) -> None:
    for name, text in (
        ("a", "某市政府工作报告\n突破发展“瓶颈”,实施“清单”管理。\n"),
        ("b", "某县政府工作报告\n缓解“瓶颈”制约。\n"),
    ):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    paragraphs = split_paragraphs(read_corpus(sorted(tmp_path.glob("*.txt"))))
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    judged = judge_quotations(found)
    assert judged[["slogan", "n_reports", "score", "verdict"]].values.tolist() == [
        ["清单", 1, 1, "slogan"],  # an ordinary word, but 实施“清单”管理 names a programme
        ["瓶颈", 2, -1, "quotation"],  # two reports are not enough against an ordinary word
    ]
    glossary = _glossary(("a", 1, 2, 2, "瓶颈", "瓶颈", "制约发展的环节。", []))
    found = find_slogans(paragraphs, glossary, general=general)
    assert judge_quotations(found)[["slogan", "score", "verdict"]].values.tolist() == [
        ["清单", 1, "slogan"],
        ["瓶颈", 3, "slogan"],  # defined in a glossary of the run
    ]


def test_a_count_referring_back_is_no_formula(general: dict) -> None:
    from analysis.terms.slogans.shapes import find_measured

    found = find_measured("实施九大行动,通过这三项工作带动改革,抓好上述两大任务", general)
    assert [f.slogan for f in found] == ["九大行动"]
    assert find_measured("任何一项改革,都要", general) == []
    # amounts planned, one after the other, are counts, not formulas
    assert find_measured("新建:三个铁矿,八个选矿厂和烧结厂,六座炼铁炉", general) == []
    assert find_measured("建设八大煤炭基地,十大油气田,三十个大电站", general) == []
    assert [f.slogan for f in find_shapes("实行“一个国家、两种制度”的设想", general)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("推进5G+工业互联网融合应用", [("5G+工业互联网", "plus")]),
        ("发展AI+制造", [("AI+制造", "plus")]),
        ("实施“科技创新双百工程”", [("双百工程", "numeral")]),
        ("出台自主创新33条,推动落实", [("自主创新33条", "digit")]),
        ("出台实施稳增长惠民生27条。", [("稳增长惠民生27条", "digit")]),
        ("出台稳增长措施近100条,打通53条断头路", []),
        ("实施“稳经济26条”", [("稳经济26条", "digit")]),
        ("打造六大千亿产业集群", [("六大千亿产业", "numeral")]),
        ("形成一圈一带两区格局", [("一圈一带两区", "numeral")]),
    ],
)
def test_formulas_inside_names_after_codes_and_with_their_count(
    text: str, found: list[tuple[str, str]], general: dict
) -> None:
    assert [(f.slogan, f.kind) for f in find_shapes(text, general)] == found


def test_a_compressed_national_formula_counts_unquoted(tmp_path: Path, general: dict) -> None:
    path = tmp_path / "a.txt"
    path.write_text("某市政府工作报告\n培育专精特新企业,严守八项规定精神。\n", encoding="utf-8")
    paragraphs = split_paragraphs(read_corpus([path]))
    found = find_slogans(paragraphs, NO_GLOSSARY, general=general)
    # 八项规定 unquoted stays a phrase until a report quotes it; 专精特新 is a formula anyway
    assert found[["slogan", "kind", "source"]].values.tolist() == [
        ["专精特新", "abbreviation", "national"]
    ]
