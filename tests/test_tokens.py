"""Tokenizer: domain words stay whole, stopword tiers, parallel and cached tokenisation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis.tokens
from analysis import build_tokenizer, filter_tokens, tokenize
from analysis.tokens import Tokenizer, domain_dictionary, is_number_token


@pytest.fixture(scope="module")
def tok(seeds: pd.DataFrame) -> Tokenizer:
    return build_tokenizer(seeds)


CASES = [
    (
        "深入推进国企改革,探索“三资三化”实施路径",
        ["深入", "推进", "国企改革", ",", "探索", "“", "三资三化", "”", "实施", "路径"],
    ),
    ("大力发展四首经济", ["大力发展", "四首经济"]),
    ("构建“1+6+N”产业体系", ["构建", "“", "1+6+N", "”", "产业", "体系"]),
    ("“2+2+1+N”护校安园机制", ["“", "2+2+1+N", "”", "护校安园机制"]),
    ("推行“12+N”机制", ["推行", "“", "12+N", "”", "机制"]),
    ("培育“3+2”现代海洋产业", ["培育", "“", "3+2", "”", "现代海洋产业"]),
    ("实现五有三提升", ["实现", "五有三提升"]),
    ("持续深化放管服改革", ["持续", "深化", "放管服", "改革"]),
    ("建设RCEP青岛经贸合作先行创新试验基地", ["建设", "RCEP青岛经贸合作先行创新试验基地"]),
    ("构建“1+6+1”主导+创新产业体系", ["构建", "“", "1+6+1", "”", "主导+创新产业体系"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_domain_words_stay_whole(tok: Tokenizer, text: str, expected: list[str]) -> None:
    assert tok.cut(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fullwidth_input_gives_the_same_tokens(
    tok: Tokenizer, text: str, expected: list[str]
) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert tok.cut(wide) == expected


def test_curated_dictionary_alone_keeps_the_formulas() -> None:
    tok = build_tokenizer()
    assert tok.cut("三资三化和1+6+N以及2+2+1+N") == ["三资三化", "和", "1+6+N", "以及", "2+2+1+N"]


def test_tokenizer_is_private_not_jiebas_global(tok: Tokenizer) -> None:
    import jieba

    assert tok.jieba is not jieba.dt
    assert "三资三化" not in jieba.dt.FREQ or jieba.dt.FREQ["三资三化"] == 0


def test_domain_dictionary_has_glossary_parts_and_slogans(seeds: pd.DataFrame) -> None:
    words = domain_dictionary(seeds)
    for w in ["1+6+1", "主导+创新产业体系", "1+6+1主导+创新产业体系", "五个一", "十四五", "放管服"]:
        assert w in words
    assert all(len(w) >= 2 for w in words)


def test_stopword_tiers() -> None:
    frame = pd.DataFrame(
        {
            "doc_id": ["a"],
            "para_id": [0],
            "section": ["body"],
            "tokens": [
                [
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
                ]
            ],
        }
    )
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
    assert frame["tokens"][0][0] == "各位代表"  # input untouched


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2023", True),
        ("5.9%", True),
        ("376亿元", True),
        ("100万", True),
        ("第二", True),
        ("1+6+N", False),
        ("12+N", False),
        ("三资三化", False),
        ("十四五", False),
    ],
)
def test_number_tokens(token: str, expected: bool) -> None:
    assert is_number_token(token) is expected


def test_parallel_equals_serial_and_cache_is_used(
    seed_paragraphs: pd.DataFrame, tok: Tokenizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paras = seed_paragraphs[seed_paragraphs["section"] != "boilerplate"]
    serial = tokenize(paras, tokenizer=tok, n_jobs=1, cache=False)
    # force the parallel path on the small seed corpus
    monkeypatch.setattr(analysis.tokens, "_segment", _segment_parallel_always)
    parallel = tokenize(paras, tokenizer=tok, n_jobs=2, cache=tmp_path)
    pd.testing.assert_frame_equal(serial, parallel)
    assert len(list((tmp_path / "tokens").glob("*.pkl"))) == 5

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("segmented again instead of reading the cache")

    monkeypatch.setattr(analysis.tokens, "_segment", boom)
    cached = tokenize(paras, tokenizer=tok, n_jobs=2, cache=tmp_path)
    pd.testing.assert_frame_equal(serial, cached)
    other = Tokenizer([*tok.words, "新词语"])
    assert other.dictionary_hash_ != tok.dictionary_hash_
    with pytest.raises(AssertionError, match="segmented again"):
        tokenize(paras, tokenizer=other, n_jobs=1, cache=tmp_path)


_original_segment = analysis.tokens._segment


def _segment_parallel_always(tokenizer, texts, todo, result, *, n_jobs, progress, total_chars):
    from joblib import Parallel, delayed

    batches = analysis.tokens._batches(todo, texts, 4)
    outs = Parallel(n_jobs=n_jobs)(
        delayed(analysis.tokens._cut_batch)(tokenizer, [texts[i] for i in b]) for b in batches
    )
    for b, out in zip(batches, outs, strict=True):
        for i, toks in zip(b, out, strict=True):
            result[i] = toks


def test_tokenize_command_text_and_jsonl(data_dir: Path, tmp_path: Path) -> None:
    env = {"ANALYSIS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "analysis", "tokenize", str(data_dir / "fullwidth.txt")]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    lines = out.splitlines()
    assert lines[2] == (
        "构建 “ 1+6+N ” 产业载体支撑体系 , 落实 “ 三资三化 ” , 推进 “ 放管服 ” 改革 。"
    )
    out = subprocess.run(
        [*cmd, "--format", "jsonl"], capture_output=True, text=True, check=True, env=env
    ).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[2] == {
        "doc": "fullwidth.txt",
        "para_id": 2,
        "tokens": [
            "构建",
            "“",
            "1+6+N",
            "”",
            "产业载体支撑体系",
            ",",
            "落实",
            "“",
            "三资三化",
            "”",
            ",",
            "推进",
            "“",
            "放管服",
            "”",
            "改革",
            "。",
        ],
    }
    assert len(rows) == len(lines) == 10


def test_compare_segmentation(tok: Tokenizer) -> None:
    from analysis.tokens import compare_segmentation

    table = compare_segmentation(["探索“三资三化”实施路径"], tok)
    assert table.values.tolist() == [
        [
            "探索“三资三化”实施路径",
            "探索 / “ / 三资 / 三化 / ” / 实施 / 路径",
            "探索 / “ / 三资三化 / ” / 实施 / 路径",
        ]
    ]
