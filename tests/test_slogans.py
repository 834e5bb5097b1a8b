"""Slogans: kinds, non-slogans, counts, cross-report table, robustness."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import classify_slogan, extract_slogans, read_corpus, slogan_table
from analysis.paths import SEEDS_DIR


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("1+6+N", "digit"),
        ("2+2+1+N", "digit"),
        ("1234+N", "digit"),
        ("3+2", "digit"),
        ("135", "digit"),
        ("1350", "digit"),
        ("三资三化", "numeral"),
        ("五有三提升", "numeral"),
        ("三区两通道", "numeral"),
        ("两上两下", "numeral"),
        ("五个一", "numeral"),
        ("六个千亩", "numeral"),
        ("四首经济", "numeral"),
        ("十四五", "numeral"),
        ("四风", "numeral"),
        ("双碳", "numeral"),
        ("放管服", "abbreviation"),
        ("专精特新", "abbreviation"),
        ("亿惠青岛消费年", "quoted"),
        ("四首经济[1]", "numeral"),
    ],
)
def test_kinds(phrase: str, kind: str) -> None:
    assert classify_slogan(phrase) == kind


@pytest.mark.parametrize(
    "phrase",
    [
        "放",
        "1",
        "N",
        "135亿元",
        "5.9%",
        "2024",
        "一年来",
        "两个百分点",
        "三年",
        "148个警格+505个网格",
        "坚持1个工作日交办企业诉求、3个工作日办结一般性诉求",
    ],
)
def test_not_slogans(phrase: str) -> None:
    assert classify_slogan(phrase) is None


def _doc(tmp_path: Path, text: str, name: str = "r.txt") -> pd.DataFrame:
    path = tmp_path / name
    path.write_text("某某区政府工作报告\n" + text, encoding="utf-8")
    return read_corpus([path])


def test_counts_include_unquoted_uses_and_exclude_amounts(tmp_path: Path) -> None:
    corpus = _doc(
        tmp_path,
        "推进“三资三化”,深化三资三化改革。落实“135”机制,投资135亿元,增长13.5%。\n"
        "构建１＋６＋Ｎ体系和“1+6+N”格局;“放管服”改革;“四首经济”[1]。\n",
    )
    s = extract_slogans(corpus).set_index("slogan")
    assert s.loc["三资三化", "count"] == 2
    assert s.loc["135", "count"] == 1
    assert s.loc["1+6+N", "count"] == 2
    assert s.loc["四首经济", "kind"] == "numeral"
    assert s.loc["放管服", "kind"] == "abbreviation"
    assert sorted(s.index) == ["1+6+N", "135", "三资三化", "四首经济", "放管服"]


def test_traditional_and_other_quote_styles(tmp_path: Path) -> None:
    corpus = _doc(
        tmp_path,
        '堅持推進「三資三化」,實施"五個一"工程,開展『兩上兩下』活動,發展經濟,實現目標。\n',
    )
    assert sorted(extract_slogans(corpus)["slogan"]) == ["三资三化", "两上两下", "五个一"]


def test_longest_match_first(tmp_path: Path) -> None:
    corpus = _doc(tmp_path, "开展“五做五抓”,党员干部要“五做”。\n")
    s = extract_slogans(corpus).set_index("slogan")["count"].to_dict()
    assert s == {"五做五抓": 1, "五做": 1}


def test_formulas_travel_between_reports_plain_quotes_do_not(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        "甲区政府工作报告\n探索“三资三化”路径,打造“一站式”服务,推进“十四五”规划。\n",
        encoding="utf-8",
    )
    b.write_text(
        "乙区政府工作报告\n落实三资三化,建设一站式平台,完成十四五目标。\n", encoding="utf-8"
    )
    s = extract_slogans(read_corpus([a, b]))
    got = {d: sorted(g["slogan"]) for d, g in s.groupby("doc_id")}
    assert got == {"a": ["一站式", "三资三化", "十四五"], "b": ["三资三化", "十四五"]}
    assert s.set_index(["doc_id", "slogan"]).loc[("b", "三资三化"), "quoted"] == False  # noqa: E712


def test_seed_slogans_and_definitions(seeds: pd.DataFrame) -> None:
    s = extract_slogans(seeds).set_index(["doc_id", "slogan"])
    row = s.loc[("市北区2021政府工作报告", "1+6+N")]
    assert (row["kind"], row["count"], row["defined"]) == ("digit", 3, "1+6+N产业载体支撑体系")
    assert s.loc[("即墨区2026政府工作报告", "三资三化"), "defined"] == "三资三化"
    assert s.loc[("即墨区2026政府工作报告", "十五五"), "defined"] == ""
    assert (
        s.loc[("市南区2025政府工作报告", "四首经济"), "first_context"]
        == "售额261.1亿元,均居全市前列。“四首经济”全省领先,新培育首店54家,占全市"
    )


def test_slogan_table(seeds: pd.DataFrame) -> None:
    table = slogan_table(seeds).set_index("slogan")
    row = table.loc["十四五"]
    assert row["n_reports"] == 4 and row["first_year"] == 2021 and row["kind"] == "numeral"
    assert (
        row["reports"]
        == "青岛市2024政府工作报告、市北区2021政府工作报告、市南区2025政府工作报告、青岛市2024计划报告"
    )
    assert table.loc["1+6+N", "defined"] == "1+6+N产业载体支撑体系"
    assert list(table.columns) == ["kind", "total", "n_reports", "reports", "first_year", "defined"]


def test_boilerplate_is_never_a_slogan(seeds: pd.DataFrame) -> None:
    s = extract_slogans(seeds)
    assert not s["first_context"].str.contains("免责申明|版权所有|ICP").any()


def test_slogans_command_jsonl() -> None:
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "slogans",
            str(SEEDS_DIR / "003_732b78ec93e976fc.txt"),
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    first = rows[0]
    assert {k: first[k] for k in ("doc", "slogan", "kind", "count")} == {
        "doc": "003_732b78ec93e976fc.txt",
        "slogan": "1234+N",
        "kind": "digit",
        "count": 2,
    }
    assert {r["slogan"] for r in rows} >= {
        "三资三化",
        "五有三提升",
        "3+2",
        "10+1",
        "十五五",
        "五诊",
    }


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('“”"「」+N1235三资化五个一十四年亿元%.,。\n 放管服')),
        max_size=80,
    )
)
def test_arbitrary_text_never_crashes(text: str) -> None:
    corpus = pd.DataFrame(
        {
            "doc_id": ["x"],
            "file": ["x.txt"],
            "year": pd.array([2024], dtype="Int64"),
            "region": [""],
            "text": ["标题\n" + text],
            "original": ["标题\n" + text],
        }
    )
    out = extract_slogans(corpus)
    assert set(out["kind"]) <= {"digit", "numeral", "abbreviation", "quoted"}
    assert (out["count"] > 0).all()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_classify_never_crashes(text: str) -> None:
    assert classify_slogan(text) in {None, "digit", "numeral", "abbreviation", "quoted"}


def test_numeral_slogans_are_not_found_inside_amounts(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("甲区政府工作报告\n严控“三公”经费,压减三公经费。\n", encoding="utf-8")
    b.write_text(
        "乙区政府工作报告\n新建绿道三公里,第三公园开放,压减“三公”经费。\n", encoding="utf-8"
    )
    s = extract_slogans(read_corpus([a, b])).set_index(["doc_id", "slogan"])["count"].to_dict()
    assert s == {("a", "三公"): 2, ("b", "三公"): 1}
