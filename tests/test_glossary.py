"""Glossary extraction: the seeds, every layout on a small fixture, noise and negative cases."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import GlossaryWarning, extract_glossary, read_corpus, split_paragraphs
from analysis.terms.glossary import LINE_FORMATS, parse_entry_line

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed_glossary_gold.tsv"
DATA = Path(__file__).parent / "data" / "glossary"


def _read(*names: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    corpus = read_corpus([DATA / n for n in names])
    return corpus, split_paragraphs(corpus)


def _extract(*names: str) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return extract_glossary(*_read(*names))


def _pairs(entries: pd.DataFrame) -> list[list[str]]:
    return entries[["display_term", "definition"]].values.tolist()


# --------------------------------------------------------------------------- seeds


def test_seed_glossary_counts(seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> None:
    entries = extract_glossary(seeds, seed_paragraphs)
    assert entries.groupby("doc_id").size().to_dict() == {
        "市北区2021政府工作报告": 10,
        "市南区2025政府工作报告": 20,
        "即墨区2026政府工作报告": 8,
    }
    assert entries["n"].tolist()[:3] == [1, 2, 3]
    assert not entries["truncated"].any() and not entries["conflict"].any()
    assert (entries["line"] == entries["end_line"]).all()


def test_seed_entries_exact(seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> None:
    entries = extract_glossary(seeds, seed_paragraphs).set_index(["doc_id", "term"])
    row = entries.loc[("即墨区2026政府工作报告", "三资三化")]
    assert row["definition"] == "国有资源资产化、国有资产证券化、国有资金杠杆化。"
    assert row["n"] == 5 and row["aliases"] == [] and row["year"] == 2026
    assert (row["line"], row["end_line"]) == (77, 77)
    row = entries.loc[("市南区2025政府工作报告", "1+6+1主导+创新产业体系")]
    assert row["display_term"] == "“1+6+1”主导+创新产业体系"
    assert row["aliases"] == ["1+6+1"]
    assert row["definition"].startswith("“1”指总部经济;“6”指数字经济")
    row = entries.loc[("市北区2021政府工作报告", "中医药五个一工程")]
    assert row["aliases"] == ["五个一"] and row["mentions"] == 1
    row = entries.loc[("市南区2025政府工作报告", "四首经济")]
    assert row["definition"].startswith("区域首店、新品首发、品牌首秀、行业首牌四个方面经济活动。")


@pytest.mark.skipif(not GOLD.is_file(), reason="shared gold list not beside the repo")
def test_seed_glossary_matches_the_gold_list(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame
) -> None:
    with open(GOLD, encoding="utf-8", newline="") as fh:
        gold = [
            (r["doc"], int(r["n"]), r["term"], r["definition"])
            for r in csv.DictReader(fh, delimiter="\t")
        ]
    e = extract_glossary(seeds, seed_paragraphs)
    got = list(zip(e["file"], e["n"], e["display_term"], e["definition"], strict=True))
    assert got == gold


# --------------------------------------------------------------------------- headings

_ENTRIES = (
    "1.“三资三化”:国有资源资产化、国有资产证券化、国有资金杠杆化。\n"
    "2.“暖新驿站”:为新就业群体打造的综合性服务站点。\n"
    "3.“两重”:指国家重大战略实施和重点领域安全能力建设。\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "名词解释",
        "名词注释",
        "《政府工作报告》有关内容名词注释",
        "有关名词的解释",
        "主要指标解释",
        "注释",
        "注:",
        "附件1 名词解释",
        "附件1\n名词解释",
        "名  词  解  释",
        "名詞解釋",
        "【小词典】",
        "新词新语",
        "报告中的新词新语,我们为您解释如下:",
        "",
    ],
)
def test_every_heading_and_no_heading(heading: str, tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_text(f"某某区政府工作报告\n推进“三资三化”。\n{heading}\n{_ENTRIES}", "utf-8")
    corpus = read_corpus([path])
    e = extract_glossary(corpus, split_paragraphs(corpus))
    assert e["term"].tolist() == ["三资三化", "暖新驿站", "两重"]
    assert e["mentions"].tolist() == [1, 0, 0]


# --------------------------------------------------------------------------- entry layouts


def test_layouts_are_a_table_of_named_formats() -> None:
    names = [f.name for f in LINE_FORMATS]
    assert names == [
        "news_term",
        "news_definition",
        "bracketed",
        "colon",
        "dash",
        "quoted_cue",
        "comma_cue",
        "alias_cue",
        "glued_cue",
        "glued_zhi",
        "glued_verb",
        "space",
        "equals",
        "space_announced",
        "term_alone",
    ]


def test_numbered_with_only_a_space_between_term_and_definition() -> None:
    e = _extract("space_numbered.txt")
    assert _pairs(e) == [
        ["地区生产总值", "指本地区所有常住单位在一定时期内生产活动的最终成果。"],
        ["城镇调查失业率", "指通过劳动力调查取得的城镇失业人口占城镇劳动力的比重。"],
        ["规模以上工业", "指年主营业务收入2000万元及以上的工业法人单位。"],
    ]


def test_bracket_numbers_with_the_definition_on_the_next_line() -> None:
    e = _extract("bracket_next_line.txt")
    assert _pairs(e) == [
        ["一降三减", "全年火灾起数总体下降,火灾亡人数、伤人数减少。"],
        ["ESI", "Essential Science Indicators,基本科学指标数据库。"],
    ]
    assert e[["line", "end_line", "mentions"]].values.tolist() == [[5, 6, 1], [7, 8, 1]]


def test_term_alone_after_its_number_and_hard_wrapped_definitions() -> None:
    e = _extract("term_then_definition.txt")
    assert _pairs(e) == [
        ["“四上”企业", "现阶段统计工作实践中对达到一定规模的法人单位的一种习惯称谓。"],
        ["“双向揭榜挂帅”", "企业找技术、成果找市场“双向揭榜挂帅”的简称。"],
        ["“双一流”", "指世界一流大学和一流学科。"],
    ]
    assert e["end_line"].tolist() == [7, 10, 12]


def test_traditional_term_alone_then_definition_without_delimiter_and_pinyin() -> None:
    e = _extract("trad_pinyin.txt")
    assert _pairs(e) == [
        ["三資三化", "國有資源資產化、國有資產證券化、國有資金槓桿化。"],
        ["中醫藥“五個一”工程", "即製作一份服務手冊、打造一處主題公園。"],
    ]
    assert e["aliases"].tolist() == [["三资三化"], ["五個一", "中医药五个一工程", "五个一"]]


def test_unnumbered_quoted_terms_with_cue_words_without_heading() -> None:
    e = _extract("unnumbered_cue.txt")
    assert _pairs(e) == [
        ["“两重”", "指国家重大战略实施和重点领域安全能力建设。"],
        ["“两新”", "指大规模设备更新和消费品以旧换新。"],
        ["新质生产力", "是指创新起主导作用的先进生产力质态。"],
    ]
    assert e["mentions"].tolist() == [1, 1, 0]


def test_news_keyword_blocks_stop_before_the_reports_own_words() -> None:
    e = _extract("news_blocks.txt")
    assert _pairs(e) == [
        ["三资三化", "国有资源资产化、国有资产证券化、国有资金杠杆化。"],
        ["暖新驿站", "为新就业群体打造的综合性服务站点。"],
    ]
    assert e[["line", "end_line"]].values.tolist() == [[3, 4], [6, 7]]


def test_news_reprint_with_the_term_on_the_keyword_line() -> None:
    e = _extract("forms_news.txt")
    assert e[["term", "definition"]].values.tolist() == [
        ["三资三化", "国有资源资产化、国有资产证券化、国有资金杠杆化。"],
        ["暖新驿站", "为新就业群体打造的综合性服务站点。"],
    ]


def test_dun_numbering_with_a_quoted_term_and_a_cue() -> None:
    e = _extract("dun_quoted.txt")
    assert _pairs(e) == [
        ["“三资三化”", "即国有资源资产化、国有资产证券化、国有资金杠杆化。"],
        ["暖新驿站", "为新就业群体打造的综合性服务站点。"],
    ]


def test_entry_numbers_running_into_a_year_or_a_formula() -> None:
    e = _extract("number_runs_on.txt")
    assert e[["n", "term"]].values.tolist() == [
        [1, "1+N常态化帮扶政策体系"],
        [2, "2026年10件民生实事"],
        [3, "5+2就业之家"],
        [4, "治安三张图"],
    ]
    assert e["definition"].iloc[-1] == "治安态势感知图、风险隐患图、可用资源图。"


def test_fullwidth_parenthesised_numbers_and_appendix_end() -> None:
    e = _extract("fullwidth.txt")
    assert e["term"].tolist() == ["1+6+N产业载体支撑体系", "三资三化"]
    assert e["aliases"].tolist() == [["1+6+N"], []]
    assert e["definition"].iloc[0] == (
        "“1”,即国际邮轮母港区;“6”,即六个千亩级产业集聚区;“N”,即统筹陆海。"
    )


def test_chinese_numbering_term_alone_and_brackets() -> None:
    e = _extract("forms_numbered_cn.txt")
    assert e[["n", "term", "definition"]].values.tolist() == [
        [1, "两上两下", "社区向上助推全区、网格向上助推街道。"],
        [2, "十百千金企对接活动", "全年召开金企对接会十场以上,开展百场活动。"],
        [3, "居民消费价格指数(CPI)", "反映居民家庭购买消费品价格水平变动情况的宏观经济指标。"],
        [
            4,
            "OECD学校+网络项目成员校",
            "OECD“学校+”项目是国际经合组织教育技能司组织的课堂教学研究项目。",
        ],
    ]
    assert e["aliases"].tolist() == [[], ["十百千"], [], ["学校+"]]


def test_unnumbered_spaced_heading_labels_and_boilerplate_end() -> None:
    e = _extract("forms_unnumbered.txt")
    assert e["display_term"].tolist() == ["“四首经济”", "“1+6+1”主导+创新产业体系"]
    assert e["definition"].iloc[1] == (
        "“1”指总部经济;“6”指数字经济等6方面优势主导产业。“3”:这一行是上一条的继续,不是新条目。"
    )
    assert e["mentions"].tolist() == [1, 0]


def test_traditional_glossary_keeps_the_written_term() -> None:
    e = _extract("trad.txt")
    assert e["term"].tolist() == ["三資三化", "中醫藥五個一工程"]
    assert e["aliases"].tolist() == [["三资三化"], ["五個一", "中医药五个一工程", "五个一"]]


# --------------------------------------------------------------------------- noise


def test_sub_labels_page_numbers_cut_off_entry_and_page_furniture() -> None:
    corpus, paragraphs = _read("noise.txt")
    with pytest.warns(GlossaryWarning, match=r"noise.txt: line 8: glossary entry '五网合一'"):
        e = extract_glossary(corpus, paragraphs)
    assert _pairs(e) == [
        [
            "“1+5+N”疾控体系",
            "“1”即省疾控中心,发挥龙头作用;“5”即依托5家市疾控中心建设区域中心;“N”即各县疾控机构。",
        ],
        ["“四个一批”", "谋划一批、开工一批、建设一批、竣工一批。"],
        ["“五网合一”", "将水、电、光、气网融入"],
    ]
    assert e["truncated"].tolist() == [False, False, True]
    assert e["end_line"].tolist() == [5, 7, 8]


def test_truncated_last_entry_is_kept_and_flagged() -> None:
    corpus, paragraphs = _read("truncated.txt")
    with pytest.warns(
        GlossaryWarning, match=r"truncated.txt: line 5: glossary entry '三争' looks truncated"
    ):
        e = extract_glossary(corpus, paragraphs)
    assert e["term"].tolist() == ["五有三提升", "三争"]
    assert e["truncated"].tolist() == [False, True]
    assert e["definition"].iloc[1] == "市委、市政府部署开展,争取政策、资金和项目支持"


def test_unparseable_line_warns_with_file_line_and_text() -> None:
    corpus, paragraphs = _read("orphan_line.txt")
    with pytest.warns(
        GlossaryWarning,
        match=r"orphan_line.txt: line 3: cannot parse glossary line '前言说明文字,说明本附件",
    ):
        e = extract_glossary(corpus, paragraphs)
    assert e["term"].tolist() == ["三走"]


def test_a_bare_colon_is_never_a_term() -> None:
    corpus, paragraphs = _read("bare_colon.txt")
    with pytest.warns(GlossaryWarning) as caught:
        e = extract_glossary(corpus, paragraphs)
    assert [str(w.message) for w in caught] == [
        "bare_colon.txt: line 3: glossary line ':' dropped (only punctuation)"
    ]
    assert e["term"].tolist() == ["三走"]


def test_warn_false_is_silent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = extract_glossary(*_read("orphan_line.txt", "truncated.txt"), warn=False)
    assert e["term"].tolist() == ["三走", "五有三提升", "三争"]


def test_continuation_line_joins_the_previous_definition() -> None:
    corpus, paragraphs = _read("continuation.txt")
    with pytest.warns(GlossaryWarning) as caught:
        e = extract_glossary(corpus, paragraphs)
    assert [str(w.message) for w in caught] == [
        "continuation.txt: line 4: glossary line '这是一行不属于任何条目的说明文字吗?不,它接在上一条后面。'"
        " joined to the definition of '三走' (no term of its own after a whole definition)"
    ]
    assert e["definition"].tolist() == [
        "为推动发展开展“三走”活动。这是一行不属于任何条目的说明文字吗?不,它接在上一条后面。"
    ]


def test_same_term_defined_differently_is_flagged_and_both_kept() -> None:
    corpus, paragraphs = _read("conflict_a.txt", "conflict_b.txt")
    with pytest.warns(GlossaryWarning, match=r"'双一流' is defined 2 times") as record:
        e = extract_glossary(corpus, paragraphs)
    assert len(record) == 1  # 两重 differs only by its cue word 是指
    assert e[["file", "term", "conflict"]].values.tolist() == [
        ["conflict_a.txt", "双一流", True],
        ["conflict_a.txt", "两重", False],
        ["conflict_b.txt", "双一流", True],
        ["conflict_b.txt", "两重", False],
    ]


# --------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    "name", ["neg_markers.txt", "neg_bracket_expansion.txt", "neg_metadata.txt"]
)
def test_no_glossary_gives_no_entries(name: str) -> None:
    e = _extract(name)
    assert e.empty and list(e.columns)[:5] == ["doc_id", "file", "n", "line", "end_line"]


def test_report_without_glossary_gives_no_entries(data_dir: Path) -> None:
    corpus = read_corpus([data_dir / "tiny_utf8.txt"])
    assert extract_glossary(corpus, split_paragraphs(corpus)).empty


# --------------------------------------------------------------------------- one line


@pytest.mark.parametrize(
    ("line", "number", "term", "definition", "layout"),
    [
        ("1.港治谷:以国际邮轮母港区为依托", 1, "港治谷", "以国际邮轮母港区为依托", "colon"),
        ("2、三走:活动", 2, "三走", "活动", "colon"),
        ("(3)三争:争取支持", 3, "三争", "争取支持", "colon"),
        ("十二、三资三化:国有资源资产化", 12, "三资三化", "国有资源资产化", "colon"),
        ("“四首经济”:区域首店", None, "“四首经济”", "区域首店", "colon"),
        ("5.暖新驿站,是指综合性服务站点。", 5, "暖新驿站", "是指综合性服务站点。", "comma_cue"),
        ("“1”:总部经济", None, None, "“1”:总部经济", ""),
        ("[5]ESI:", 5, "ESI", "", "colon"),
        (
            "(1) 城镇调查失业率 指失业人口的比重。",
            1,
            "城镇调查失业率",
            "指失业人口的比重。",
            "space",
        ),
        ("“两重”是指国家重大战略实施。", None, "“两重”", "是指国家重大战略实施。", "quoted_cue"),
        ("【三资三化】国有资源资产化。", None, "三资三化", "国有资源资产化。", "bracketed"),
        ("3.【四首经济】区域首店、新品首发。", 3, "四首经济", "区域首店、新品首发。", "bracketed"),
        ("三资三化——国有资源资产化。", None, "三资三化", "国有资源资产化。", "dash"),
        ("三資三化", None, "三資三化", "", "term_alone"),
        ("報(bào)告", None, "報告", "", "term_alone"),
        ("关键词:三资三化", None, "三资三化", "", "news_term"),
        ("名词解释:国有资源资产化。", None, None, "国有资源资产化。", "news_definition"),
        (
            "其中:区域首店指品牌首次开设的门店。",
            None,
            None,
            "其中:区域首店指品牌首次开设的门店。",
            "",
        ),
        ("具体包括:科技金融、绿色金融。", None, None, "具体包括:科技金融、绿色金融。", ""),
        (":", None, None, ":", ""),
        ("3.5亿元用于民生。", None, None, "3.5亿元用于民生。", ""),
    ],
)
def test_parse_entry_line(
    line: str, number: int | None, term: str | None, definition: str, layout: str
) -> None:
    p = parse_entry_line(line)
    assert p is not None
    assert (p.number, p.term, p.definition, p.layout) == (number, term, definition, layout)


def test_an_entry_number_may_run_into_a_digit_only_when_expected() -> None:
    assert parse_entry_line("20.2026年10件民生实事:加大支持力度。", expected=20).number == 20
    assert parse_entry_line("20.2026年10件民生实事:加大支持力度。", expected=3).number is None


_PIECES = [
    "名词解释", "附件1", "附件2", "1.", "(2)", "三、", "“", "”", "三资三化", ":", "1+6+N",
    "国有资源资产化。", "其中:", "【", "】", "——", "免责申明:本站", "\n", "\n", " ", "①",
    "关键词:", "名词解释:", "[3]", "指", "小词典", "(bào)",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_arbitrary_glossary_text_never_crashes(pieces: list[str]) -> None:
    text = "某某区政府工作报告\n" + "".join(pieces)
    corpus = pd.DataFrame(
        {
            "doc_id": ["x"],
            "file": ["x.txt"],
            "region": [""],
            "year": pd.array([None], dtype="Int64"),
            "text": [text],
            "original": [text],
        }
    )
    entries = extract_glossary(corpus, split_paragraphs(corpus), warn=False)
    assert entries["n"].tolist() == list(range(1, len(entries) + 1))
    assert all(isinstance(t, str) and t for t in entries["term"])
    assert (entries["line"] <= entries["end_line"]).all()


def test_lead_word_glued_to_the_first_entry_and_bullets() -> None:
    e = _extract("lead_prefix_bullets.txt")
    assert _pairs(e) == [
        ["“两重”", "是指国家重大战略实施和重点领域安全能力建设。"],
        ["“两新”", "指大规模设备更新和消费品以旧换新。"],
    ]
    assert e["mentions"].tolist() == [1, 1]


def test_every_dropped_or_joined_line_is_warned_about() -> None:
    corpus, paragraphs = _read("dropped_lines.txt")
    with pytest.warns(GlossaryWarning) as caught:
        e = extract_glossary(corpus, paragraphs)
    assert [str(w.message) for w in caught] == [
        "dropped_lines.txt: line 4: glossary line '2.!!!:这一条的术语只有标点符号。' dropped"
        " (a term of punctuation only)",
        "dropped_lines.txt: line 5: glossary line '3.:这一条没有术语只有定义。' dropped"
        " (a numbered line with an empty term)",
        "dropped_lines.txt: line 6: glossary line '4.......:省略号也不是术语。' dropped"
        " (a term of punctuation only)",  # the report's …… as NFKC writes it
        "dropped_lines.txt: line 8: glossary line ':' dropped (only punctuation)",
        "dropped_lines.txt: line 7: glossary entry '两新' looks truncated (its definition"
        " does not end a sentence); kept and flagged",
    ]
    assert e[["n", "term", "definition", "line", "end_line"]].values.tolist() == [
        [1, "两重", "是指国家重大战略实施和重点领域安全能力建设。", 3, 3],
        [2, "两新", "是指新一轮大规模设备更新和消费品以旧换新", 7, 9],
    ]


def test_a_closing_mark_alone_ends_a_definition_the_page_broke() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = _extract("closing_mark.txt")
    assert e["definition"].tolist() == ["是指国家重大战略实施和重点领域安全能力建设。"]
