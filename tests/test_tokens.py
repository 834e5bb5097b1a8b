"""Tokens: tokenize (parallel, cached per report), stopword tiers, number tokens."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis.run.segment
from analysis import build_tokenizer, filter_tokens, tokenize
from analysis.run.cache import Cache
from analysis.run.segment import segmentation_key
from analysis.terms.tokens import (
    Tokenizer,
    bound_fragments,
    compare_segmentation,
    glued_adverbs,
    is_date_token,
    is_number_token,
)

DATA = Path(__file__).parent / "data"

PARAGRAPHS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b"],
        "para_id": [0, 1, 0, 1],
        "section": ["body", "glossary", "body", "body"],
        "text": [
            "落实“三资三化”。",
            "三资三化:国有资源资产化。",
            "推进“放管服”改革",
            "发展四首经济",
        ],
    }
)
EXPECTED = [
    ["落实", "“", "三资三化", "”", "。"],
    ["三资三化", ":", "国有", "资源", "资产", "化", "。"],
    ["推进", "“", "放管服", "”", "改革"],
    ["发展", "四首经济"],
]


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return build_tokenizer(["三资三化", "放管服", "四首经济"])


def test_tokenize_rows(tok: Tokenizer) -> None:
    out = tokenize(PARAGRAPHS, tok)
    assert out.columns.tolist() == ["doc_id", "para_id", "section", "tokens"]
    assert out["tokens"].tolist() == EXPECTED
    assert out[["doc_id", "para_id", "section"]].values.tolist() == [
        ["a", 0, "body"],
        ["a", 1, "glossary"],
        ["b", 0, "body"],
        ["b", 1, "body"],
    ]


def test_parallel_equals_serial(tok: Tokenizer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis.run.segment, "PARALLEL_MIN_CHARS", 0)
    assert tokenize(PARAGRAPHS, tok, n_jobs=2)["tokens"].tolist() == EXPECTED


def test_cache_is_read_per_report(
    tok: Tokenizer, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    first = tokenize(PARAGRAPHS, tok, cache=cache)
    assert len(list(tmp_path.rglob("*.json"))) == 2  # one entry per report

    def boom(*args: object, **kwargs: object) -> list[list[str]]:
        if args[1]:
            raise AssertionError("segmented again instead of reading the cache")
        return []

    monkeypatch.setattr(analysis.run.segment, "cut_paragraphs", boom)
    pd.testing.assert_frame_equal(tokenize(PARAGRAPHS, tok, cache=cache), first)
    # a new domain word that occurs in neither report keeps both keys
    other = build_tokenizer([*tok.words, "港治谷"])
    assert other.dictionary_hash_ != tok.dictionary_hash_
    pd.testing.assert_frame_equal(tokenize(PARAGRAPHS, other, cache=cache), first)
    # one that occurs in report b re-segments b only
    texts_b = PARAGRAPHS["text"][2:].tolist()
    changed = build_tokenizer([*tok.words, "改革"])
    assert segmentation_key(texts_b, changed) != segmentation_key(texts_b, tok)
    with pytest.raises(AssertionError, match="segmented again"):
        tokenize(PARAGRAPHS, changed, cache=cache)


def test_segmentation_key_depends_on_settings(tok: Tokenizer) -> None:
    texts = ["落实“三资三化”。"]
    keys = {
        segmentation_key(texts, t)
        for t in (
            tok,
            build_tokenizer(tok.words, hmm=False),
            build_tokenizer(tok.words, engine="jieba"),
        )
    }
    assert len(keys) == 3


def test_stopword_tiers() -> None:
    toks = [
        "各位代表",
        "我们",
        "推进",
        "的",
        "1+6+N",
        "5.9%",
        "376亿元",
        "2023",
        "党",
        ",",
        "三",
        "a",
    ]
    frame = pd.DataFrame({"doc_id": ["a"], "para_id": [0], "section": ["body"], "tokens": [toks]})
    assert filter_tokens(frame)["tokens"][0] == ["推进", "1+6+N", "党"]
    assert filter_tokens(frame, policy_verbs=True)["tokens"][0] == ["1+6+N", "党"]
    assert filter_tokens(frame, numbers=False)["tokens"][0] == [
        "推进",
        "1+6+N",
        "5.9%",
        "376亿元",
        "2023",
        "党",
        "三",
    ]
    assert filter_tokens(frame, report_phrases=False)["tokens"][0] == [
        "各位代表",
        "我们",
        "推进",
        "1+6+N",
        "党",
    ]
    assert filter_tokens(frame, extra_stopwords=["党"])["tokens"][0] == ["推进", "1+6+N"]
    assert frame["tokens"][0][0] == "各位代表"  # input untouched


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2023", True),
        ("5.9%", True),
        ("376亿元", True),
        ("100万", True),
        ("第二", True),
        ("二〇二四", True),
        ("1+6+N", False),
        ("12+N", False),
        ("三资三化", False),
        ("十四五", False),
    ],
)
def test_number_tokens(token: str, expected: bool) -> None:
    assert is_number_token(token) is expected


def test_compare_segmentation(tok: Tokenizer) -> None:
    table = compare_segmentation(["探索“三资三化”实施路径"], tok)
    assert table.columns.tolist() == ["text", "plain jieba", "ours"]
    assert table.values.tolist() == [
        [
            "探索“三资三化”实施路径",
            "探索 / “ / 三资 / 三化 / ” / 实施 / 路径",
            "探索 / “ / 三资三化 / ” / 实施 / 路径",
        ]
    ]


def _fixture_tokens(name: str) -> pd.DataFrame:
    """A token fixture: one paragraph a line, tokens split by spaces, ``#`` comments."""
    path = DATA / "keywords" / name
    lines = [ln.split() for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return pd.DataFrame(
        {
            "doc_id": ["a"] * len(lines),
            "para_id": range(len(lines)),
            "section": ["body"] * len(lines),
            "tokens": lines,
        }
    )


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("一九五四年", True),
        ("2025年", True),
        ("二十八年", True),
        ("九十年代", True),
        ("三个月", True),
        ("2025-04-11", True),
        ("1-11", True),
        ("3-5", True),
        ("10~15%", True),
        ("第六个", True),
        ("百分之四点", True),
        ("上一年", True),
        ("下世纪初", True),
        ("去年同期", True),
        ("五年计划", False),
        ("十四五", False),
        ("十二大", False),
        ("1+6+N", False),
        ("新年", False),
        ("三年行动", False),
    ],
)
def test_date_tokens(token: str, expected: bool) -> None:
    assert is_date_token(token) is expected


def test_bound_fragments_and_glued_adverbs() -> None:
    lists = _fixture_tokens("fragments.txt")["tokens"].tolist()
    numbers = {t for toks in lists for t in toks if is_number_token(t)}
    loose = {"的", "在"}
    # 往前 always before 赶, 中积 before 厚 and 成势 after it (积厚成势), 年本 after a number;
    # 平陆 is always beside 运河, a word, and 治藏 beside 的, a function word: not bound
    assert bound_fragments(lists, loose=loose, numbers=numbers) == {"往前", "中积", "成势", "年本"}
    assert bound_fragments(lists) == {"往前", "中积", "成势", "治藏"}
    assert glued_adverbs({"更足", "更新", "最终", "更", "推进"}) == {"更足"}


def test_filter_drops_dates_and_fragments() -> None:
    out = filter_tokens(_fixture_tokens("fragments.txt"))["tokens"].tolist()
    assert out == [
        ["奋力", "赶", "底气", "发展", "厚"],
        ["全国", "赶", "成色", "营收", "年收入"],
        ["奋力", "赶", "信心", "改革", "厚", "年收入", "合计"],
        ["五年计划"],
        [
            "平陆",
            "运河",
            "平陆",
            "运河",
            "更新",
            "设备",
            "最终",
            "目标",
            "治藏",
            "方略",
            "治藏",
            "方略",
        ],
    ]
    kept = filter_tokens(_fixture_tokens("fragments.txt"), fragments=False)["tokens"].tolist()
    assert kept[0] == ["奋力", "往前", "赶", "底气", "更足", "发展", "中积", "厚", "成势"]
