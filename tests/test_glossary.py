"""Glossary: extraction on the seeds and on every supported form, files, curation, lookup."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import (
    Glossary,
    GlossaryWarning,
    build_glossary,
    extract_glossary,
    lookup,
    read_corpus,
)
from analysis.glossary import apply_curated, parse_entry_line
from analysis.paths import GLOSSARY_DIR, SEEDS_DIR

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed_glossary_gold.tsv"


def _extract(path: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return extract_glossary(read_corpus([path]))


def test_seed_glossary_counts(seeds: pd.DataFrame) -> None:
    entries = extract_glossary(seeds)
    assert entries.groupby("doc_id").size().to_dict() == {
        "市北区2021政府工作报告": 10,
        "市南区2025政府工作报告": 20,
        "即墨区2026政府工作报告": 8,
    }
    assert entries["n"].tolist()[:3] == [1, 2, 3]
    assert not entries["truncated"].any()


def test_seed_entries_exact(seeds: pd.DataFrame) -> None:
    entries = extract_glossary(seeds).set_index(["doc_id", "term"])
    row = entries.loc[("即墨区2026政府工作报告", "三资三化")]
    assert row["definition"] == "国有资源资产化、国有资产证券化、国有资金杠杆化。"
    assert row["n"] == 5 and row["aliases"] == [] and row["year"] == 2026
    row = entries.loc[("市南区2025政府工作报告", "1+6+1主导+创新产业体系")]
    assert row["display_term"] == "“1+6+1”主导+创新产业体系"
    assert row["aliases"] == ["1+6+1"]
    assert row["definition"].startswith("“1”指总部经济;“6”指数字经济")
    row = entries.loc[("市北区2021政府工作报告", "中医药五个一工程")]
    assert row["aliases"] == ["五个一"]
    assert row["mentions"] == 1
    row = entries.loc[("市南区2025政府工作报告", "四首经济")]
    assert row["definition"].startswith("区域首店、新品首发、品牌首秀、行业首牌四个方面经济活动。")


@pytest.mark.skipif(not GOLD.is_file(), reason="shared gold list not beside the repo")
def test_seed_glossary_matches_the_gold_list(seeds: pd.DataFrame) -> None:
    with open(GOLD, encoding="utf-8", newline="") as fh:
        gold = [
            (r["doc"], int(r["n"]), r["term"], r["definition"])
            for r in csv.DictReader(fh, delimiter="\t")
        ]
    entries = extract_glossary(seeds)
    got = list(
        zip(
            entries["file"],
            entries["n"],
            entries["display_term"],
            entries["definition"],
            strict=True,
        )
    )
    assert got == gold


def test_fullwidth_parenthesised_numbers_and_appendix_end(data_dir: Path) -> None:
    e = _extract(data_dir / "fullwidth.txt")
    assert e["term"].tolist() == ["1+6+N产业载体支撑体系", "三资三化"]
    assert e["aliases"].tolist() == [["1+6+N"], []]
    assert e["definition"].iloc[0] == (
        "“1”,即国际邮轮母港区;“6”,即六个千亩级产业集聚区;“N”,即统筹陆海。"
    )


def test_chinese_numbering_term_alone_and_brackets(data_dir: Path) -> None:
    e = _extract(data_dir / "forms_numbered_cn.txt")
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


def test_unnumbered_spaced_heading_labels_and_boilerplate_end(data_dir: Path) -> None:
    e = _extract(data_dir / "forms_unnumbered.txt")
    assert e["display_term"].tolist() == ["“四首经济”", "“1+6+1”主导+创新产业体系"]
    assert e["definition"].iloc[1] == (
        "“1”指总部经济;“6”指数字经济等6方面优势主导产业。“3”:这一行是上一条的继续,不是新条目。"
    )
    assert e["mentions"].tolist() == [1, 0]


def test_news_reprint_blocks(data_dir: Path) -> None:
    e = _extract(data_dir / "forms_news.txt")
    assert e[["term", "definition"]].values.tolist() == [
        ["三资三化", "国有资源资产化、国有资产证券化、国有资金杠杆化。"],
        ["暖新驿站", "为新就业群体打造的综合性服务站点。"],
    ]


def test_traditional_glossary_keeps_the_written_term(data_dir: Path) -> None:
    e = _extract(data_dir / "trad.txt")
    assert e["term"].tolist() == ["三資三化", "中醫藥五個一工程"]
    assert e["aliases"].tolist() == [["三资三化"], ["五個一", "中医药五个一工程", "五个一"]]


def test_report_without_glossary_gives_no_entries(data_dir: Path) -> None:
    e = _extract(data_dir / "tiny_utf8.txt")
    assert e.empty and list(e.columns)[:3] == ["doc_id", "file", "n"]


def test_truncated_last_entry_is_kept_and_flagged(data_dir: Path) -> None:
    with pytest.warns(
        GlossaryWarning, match=r"truncated.txt: line 5: glossary entry '三争' looks truncated"
    ):
        e = extract_glossary(read_corpus([data_dir / "truncated.txt"]))
    assert e["term"].tolist() == ["五有三提升", "三争"]
    assert e["truncated"].tolist() == [False, True]
    assert e["definition"].iloc[1] == "市委、市政府部署开展,争取政策、资金和项目支持"


def test_unparseable_line_warns_with_file_and_line(data_dir: Path) -> None:
    with pytest.warns(
        GlossaryWarning, match=r"orphan_line.txt: line 3: cannot parse glossary line"
    ):
        e = extract_glossary(read_corpus([data_dir / "orphan_line.txt"]))
    assert e["term"].tolist() == ["三走"]


def test_continuation_line_joins_the_previous_definition(data_dir: Path) -> None:
    e = _extract(data_dir / "continuation.txt")
    assert e["definition"].tolist() == [
        "为推动发展开展“三走”活动。这是一行不属于任何条目的说明文字吗?不,它接在上一条后面。"
    ]


@pytest.mark.parametrize(
    ("line", "number", "term", "definition"),
    [
        ("1.港治谷:以国际邮轮母港区为依托", 1, "港治谷", "以国际邮轮母港区为依托"),
        ("2、三走:活动", 2, "三走", "活动"),
        ("(3)三争:争取支持", 3, "三争", "争取支持"),
        ("十二、三资三化:国有资源资产化", 12, "三资三化", "国有资源资产化"),
        ("“四首经济”:区域首店", None, "“四首经济”", "区域首店"),
        ("5.暖新驿站,是指综合性服务站点。", 5, "暖新驿站", "是指综合性服务站点。"),
        ("“1”:总部经济", None, None, "“1”:总部经济"),
    ],
)
def test_parse_entry_line(line: str, number: int | None, term: str | None, definition: str) -> None:
    parsed = parse_entry_line(line)
    assert parsed is not None
    assert (parsed.number, parsed.term, parsed.definition) == (number, term, definition)


def test_build_is_byte_identical_and_matches_the_committed_glossary(
    seeds: pd.DataFrame, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "curated.csv").write_bytes((GLOSSARY_DIR / "curated.csv").read_bytes())
        build_glossary(seeds, tmp_path / d)
    a = (tmp_path / "a" / "glossary.csv").read_bytes()
    assert a == (tmp_path / "b" / "glossary.csv").read_bytes()
    assert a == (GLOSSARY_DIR / "glossary.csv").read_bytes()
    assert (tmp_path / "a" / "contexts.csv").read_bytes() == (
        GLOSSARY_DIR / "contexts.csv"
    ).read_bytes()
    assert b"\r\n" not in a
    assert a.decode("utf-8").splitlines()[0] == (
        "doc_id,n,term,definition,aliases,region,year,display_term,mentions,truncated,curated"
    )
    assert not list((tmp_path / "a").glob("*.tmp"))


def test_curated_decisions_are_applied_and_recorded(seeds: pd.DataFrame) -> None:
    entries = extract_glossary(seeds)
    curated = pd.DataFrame(
        [
            [
                "add",
                "青岛市2024政府工作报告",
                "1",
                "“四下基层”",
                "宣传政策下基层、调查研究下基层、信访接待下基层、现场办公下基层。",
                "",
                "",
            ],
            ["correct", "即墨区2026政府工作报告", "", "三争", "争取政策、资金和项目支持。", "", ""],
            ["drop", "市南区2025政府工作报告", "", "紧密型城市医疗集团", "", "", ""],
            ["alias", "市北区2021政府工作报告", "", "港治谷", "", "港治平台", ""],
        ],
        columns=["action", "doc_id", "n", "term", "definition", "aliases", "note"],
    )
    out = apply_curated(entries, curated)
    assert len(out) == len(entries)  # one added, one dropped
    by = out.set_index(["doc_id", "term"])
    assert by.loc[("即墨区2026政府工作报告", "三争"), "definition"] == "争取政策、资金和项目支持。"
    assert by.loc[("市北区2021政府工作报告", "港治谷"), "aliases"] == ["港治平台"]
    assert by.loc[("青岛市2024政府工作报告", "四下基层"), "curated"] == "add"
    assert ("市南区2025政府工作报告", "紧密型城市医疗集团") not in by.index
    assert sorted(out.loc[out["curated"] != "", "curated"]) == ["add", "alias", "correct"]
    bad = curated.iloc[[1]].assign(term="没有这个词")
    with pytest.raises(ValueError, match="names no extracted entry"):
        apply_curated(entries, bad)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize(
    ("query", "term"),
    [
        ("三资三化", "三资三化"),
        ("“三资三化”", "三资三化"),
        ("三資三化", "三资三化"),
        ("  三资三化 ", "三资三化"),
        ("1+6+N", "1+6+N产业载体支撑体系"),
        ("１＋６＋Ｎ", "1+6+N产业载体支撑体系"),
        ("“1+6+N”产业载体支撑体系", "1+6+N产业载体支撑体系"),
        ("五个一", "中医药五个一工程"),
        ("四线一岗", "四线一岗练能力、五做五抓看干部"),
        ("国有资产证券化", "三资三化"),
    ],
)
def test_lookup_forms(glossary: Glossary, query: str, term: str) -> None:
    hits = lookup(query, glossary=glossary)
    assert [h.term for h in hits] == [term]


def test_lookup_entry_card(glossary: Glossary) -> None:
    (entry,) = glossary.lookup("三资三化")
    assert entry.doc_id == "即墨区2026政府工作报告" and entry.year == 2026
    assert entry.region == "青岛市即墨区"
    assert entry.contexts[0] == (
        "即墨区2026政府工作报告",
        "深入推进国企改革,探索“三资三化”实施路径,盘活用好低效用地、闲置房产等资产资源,发行资产支持证券等金融工具改善融资结构;",
    )
    html = entry._repr_html_()
    assert "<b style='font-size:1.1em'>三资三化</b>" in html and "国有资金杠杆化" in html


def test_same_term_in_two_reports_shows_both(seeds: pd.DataFrame) -> None:
    extra = pd.DataFrame(
        [["add", "青岛市2024政府工作报告", "1", "三资三化", "另一种说法。", "", ""]],
        columns=["action", "doc_id", "n", "term", "definition", "aliases", "note"],
    )
    g = Glossary(apply_curated(extract_glossary(seeds), extra))
    hits = g.lookup("三资三化")
    assert [(h.doc_id, h.definition) for h in hits] == [
        ("即墨区2026政府工作报告", "国有资源资产化、国有资产证券化、国有资金杠杆化。"),
        ("青岛市2024政府工作报告", "另一种说法。"),
    ]


def test_unknown_term_gives_close_matches(glossary: Glossary) -> None:
    assert glossary.lookup("四首") == []
    assert glossary.suggest("四首") == ["四首经济"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, check=False
    )


def test_lookup_command() -> None:
    found = _cli("lookup", "三資三化")
    assert found.returncode == 0
    assert found.stdout.splitlines()[:3] == [
        "三资三化  [即墨区2026政府工作报告, 青岛市即墨区 2026]",
        "  国有资源资产化、国有资产证券化、国有资金杠杆化。",
        "  · 深入推进国企改革,探索“三资三化”实施路径,盘活用好低效用地、闲置房产等资产资源,发行资产支持证券等金融工具改善融资结构;  (即墨区2026政府工作报告)",
    ]
    as_json = json.loads(_cli("lookup", "1+6+N", "--format", "json").stdout)
    assert as_json[0]["term"] == "1+6+N产业载体支撑体系" and as_json[0]["aliases"] == ["1+6+N"]
    missing = _cli("lookup", "四首")
    assert missing.returncode == 1
    assert missing.stdout == "not found: 四首; close matches: 四首经济\n"


def test_extract_command_jsonl_contract() -> None:
    p = _cli(
        "glossary", "extract", str(SEEDS_DIR / "003_732b78ec93e976fc.txt"), "--format", "jsonl"
    )
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(rows) == 8
    assert {k: rows[4][k] for k in ("doc", "n", "term", "definition", "aliases")} == {
        "doc": "003_732b78ec93e976fc.txt",
        "n": 5,
        "term": "三资三化",
        "definition": "国有资源资产化、国有资产证券化、国有资金杠杆化。",
        "aliases": [],
    }


def test_extract_command_names_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    p = _cli("glossary", "extract", str(bad), "--format", "jsonl")
    assert p.returncode == 2
    assert p.stderr == f"error: {bad}: is a binary file, not text (it contains NUL bytes)\n"
    assert p.stdout == ""


@pytest.mark.parametrize(
    ("line", "number", "term", "definition"),
    [
        (
            "【三资三化】国有资源资产化、国有资产证券化。",
            None,
            "三资三化",
            "国有资源资产化、国有资产证券化。",
        ),
        ("3.【四首经济】区域首店、新品首发。", 3, "四首经济", "区域首店、新品首发。"),
        (
            "三资三化——国有资源资产化、国有资产证券化。",
            None,
            "三资三化",
            "国有资源资产化、国有资产证券化。",
        ),
        ("其中:区域首店指品牌首次开设的门店。", None, None, "其中:区域首店指品牌首次开设的门店。"),
        ("具体包括:科技金融、绿色金融。", None, None, "具体包括:科技金融、绿色金融。"),
    ],
)
def test_parse_other_entry_forms(
    line: str, number: int | None, term: str | None, definition: str
) -> None:
    parsed = parse_entry_line(line)
    assert parsed is not None
    assert (parsed.number, parsed.term, parsed.definition) == (number, term, definition)


def test_circled_numbers_and_connective_lines(tmp_path: Path) -> None:
    path = tmp_path / "circled.txt"
    path.write_text(
        "某某市政府工作报告\n名词解释\n①三资三化:国有资源资产化、国有资产证券化。\n"
        "②四首经济:区域首店、新品首发、品牌首秀、行业首牌。\n其中:区域首店指首次开设的门店。\n",
        encoding="utf-8",
    )
    e = _extract(path)
    assert e[["n", "term"]].values.tolist() == [[1, "三资三化"], [2, "四首经济"]]
    assert (
        e["definition"].iloc[1]
        == "区域首店、新品首发、品牌首秀、行业首牌。其中:区域首店指首次开设的门店。"
    )


def test_lookup_result_shows_as_cards(glossary: Glossary) -> None:
    hits = glossary.lookup("三资三化")
    assert hits._repr_html_().count("<div style=") == 1
    assert glossary.lookup("不存在的词")._repr_html_() == "<i>not found</i>"


_PIECES = [
    "名词解释",
    "附件1",
    "附件2",
    "1.",
    "(2)",
    "三、",
    "“",
    "”",
    "三资三化",
    ":",
    "1+6+N",
    "国有资源资产化。",
    "其中:",
    "【",
    "】",
    "——",
    "免责申明:本站",
    "\n",
    "\n",
    " ",
    "①",
]


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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GlossaryWarning)
        entries = extract_glossary(corpus)
    assert entries["n"].tolist() == list(range(1, len(entries) + 1))
    assert all(isinstance(t, str) and t for t in entries["term"])


def test_terms_used_in_other_reports(glossary: Glossary) -> None:
    assert glossary.used_elsewhere().values.tolist() == [
        ["1+N交易体系", "市北区2021政府工作报告", "市南区2025政府工作报告"],
        ["十百千金企对接活动", "市南区2025政府工作报告", "青岛市2024计划报告"],
        ["四位一体资本招商", "市南区2025政府工作报告", "市北区2021政府工作报告"],
    ]
