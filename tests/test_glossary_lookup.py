"""Glossary lookup: every form of a term, cards, close matches, uses in other reports."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis import Glossary, extract_glossary, lookup
from analysis.common.paths import SEEDS_DIR
from analysis.terms.glossary import apply_curated, find_terms, term_keys
from analysis.terms.glossary.usage import TermIndex


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
    assert [h.term for h in lookup(query, glossary=glossary)] == [term]


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
    assert entry.to_dict()["doc"] == "即墨区2026政府工作报告"


def test_lookup_result_shows_as_cards(glossary: Glossary) -> None:
    assert glossary.lookup("三资三化")._repr_html_().count("<div style=") == 1
    assert glossary.lookup("不存在的词")._repr_html_() == "<i>not found</i>"


def test_same_term_in_two_reports_shows_both(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame
) -> None:
    extra = pd.DataFrame(
        [["add", "青岛市2024政府工作报告", "1", "三资三化", "另一种说法。", "", ""]],
        columns=["action", "doc_id", "n", "term", "definition", "aliases", "note"],
    )
    g = Glossary(apply_curated(extract_glossary(seeds, seed_paragraphs), extra))
    assert [(h.doc_id, h.definition) for h in g.lookup("三资三化")] == [
        ("即墨区2026政府工作报告", "国有资源资产化、国有资产证券化、国有资金杠杆化。"),
        ("青岛市2024政府工作报告", "另一种说法。"),
    ]


def test_unknown_term_gives_close_matches(glossary: Glossary) -> None:
    assert glossary.lookup("四首") == []
    assert glossary.suggest("四首") == ["四首经济"]


def test_terms_used_in_other_reports(glossary: Glossary) -> None:
    # 1+N交易体系 is not used in 市南区's “2+2+1+N”护校安园机制
    assert glossary.used_elsewhere().values.tolist() == [
        ["十百千金企对接活动", "市南区2025政府工作报告", "青岛市2024计划报告"],
        ["四位一体资本招商", "市南区2025政府工作报告", "市北区2021政府工作报告"],
    ]


def test_term_uses_respect_number_boundaries_and_head_nouns() -> None:
    keys = [
        *term_keys("1+N交易体系", "“1+N”交易体系", ["1+N"]),
        *term_keys("135企业诉求处置机制", "“135”企业诉求处置机制", ["135"]),
    ]
    assert [(k.key, k.head) for k in keys] == [
        ("1+N交易体系", ""),
        ("1+N", "交易体系"),
        ("135企业诉求处置机制", ""),
        ("135", "企业诉求"),
    ]
    terms = lambda text: [t for _, _, t in find_terms(text, keys)]  # noqa: E731
    assert terms("构建“2+2+1+N”护校安园机制") == []
    assert terms("构建“1+N”体系,完善“1+N+X”格局") == ["1+N交易体系"]
    assert terms("坚持“135”工作法") == ["135企业诉求处置机制"]
    assert terms("落实135企业诉求处置机制") == ["135企业诉求处置机制"]
    assert terms("建成135个项目,增长13.5%,1350亩") == []
    # a part of the term (一件事) is a use only quoted or followed by the rest of the term
    part = term_keys("一件事全链条专项整治", "“一件事”全链条专项整治", ["一件事"])
    uses = lambda text: [t for _, _, t in find_terms(text, part)]  # noqa: E731
    assert [(k.key, k.head, k.part) for k in part] == [
        ("一件事全链条专项整治", "", False),
        ("一件事", "全链条专", True),
    ]
    assert uses("高效办成一件事,推进政务服务") == []
    assert uses("开展“一件事”全链条整治") == ["一件事全链条专项整治"]
    assert uses("开展一件事全链条专项整治") == ["一件事全链条专项整治"]


def test_one_term_index_searches_many_texts_like_its_keys() -> None:
    keys = [
        *term_keys("1+N交易体系", "“1+N”交易体系", ["1+N"]),
        *term_keys("一件事全链条专项整治", "“一件事”全链条专项整治", ["一件事"]),
    ]
    index = TermIndex(keys)
    texts = ["构建“1+N”体系,开展“一件事”全链条整治", "建成135个项目", "完善“1+N+X”格局"]
    assert [find_terms(t, index, nested=True) for t in texts] == [
        find_terms(t, keys, nested=True) for t in texts
    ]
    assert find_terms(texts[0], index) == [(3, 6, "1+N交易体系"), (13, 16, "一件事全链条专项整治")]
    assert find_terms(texts[0], TermIndex([])) == []


def test_used_elsewhere_goes_through_aliases_with_boundaries() -> None:
    entries = pd.DataFrame(
        {
            "doc_id": ["A", "A"],
            "term": ["135企业诉求处置机制", "1+N交易体系"],
            "display_term": ["“135”企业诉求处置机制", "“1+N”交易体系"],
            "definition": ["坚持1个工作日交办。", "一个中心多个分中心。"],
            "aliases": [["135"], ["1+N"]],
            "region": ["", ""],
            "year": pd.array([None, None], dtype="Int64"),
        }
    )
    contexts = pd.DataFrame(
        [
            ["135企业诉求处置机制", "B", "推广“135”机制。"],
            ["135企业诉求处置机制", "C", "完成135个项目。"],
            ["1+N交易体系", "C", "构建“2+2+1+N”机制。"],
        ],
        columns=["term", "doc_id", "sentence"],
    )
    assert Glossary(entries, contexts).used_elsewhere().values.tolist() == [
        ["135企业诉求处置机制", "A", "B"]
    ]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, check=False
    )


def test_lookup_command() -> None:
    found = _cli("lookup", "三資三化")
    assert found.returncode == 0
    assert found.stdout.splitlines()[:2] == [
        "三资三化  [即墨区2026政府工作报告, 青岛市即墨区 2026]",
        "  国有资源资产化、国有资产证券化、国有资金杠杆化。",
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
