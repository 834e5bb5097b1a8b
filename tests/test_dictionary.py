"""The domain dictionary and the tokenizer that keeps its words whole."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from analysis import build_tokenizer, domain_dictionary
from analysis.terms.dictionary import Tokenizer

GLOSSARY = pd.DataFrame(
    {
        "doc_id": ["a", "a", "a"],
        "term": ["1+6+1主导+创新产业体系", "1234+N新型产业体系", "三资三化"],
        "display_term": ["“1+6+1”主导+创新产业体系", "“1234+N”新型产业体系", "三资三化"],
        "aliases": [["1+6+1"], ["1234+N"], []],
    }
)
SLOGANS = pd.DataFrame(
    {"doc_id": ["a"] * 5, "slogan": ["00", "大文旅", "四首经济", "放管服", "Ｎ"]}
)


@pytest.fixture(scope="module")
def words() -> list[str]:
    return domain_dictionary(GLOSSARY, SLOGANS)


@pytest.fixture(scope="module")
def tok(words: list[str]) -> Tokenizer:
    return build_tokenizer(words)


def test_dictionary_has_terms_quoted_parts_and_slogans_but_no_bare_numbers(
    words: list[str],
) -> None:
    found = [
        w
        for w in words
        if w
        in {
            "1+6+1",
            "主导+创新产业体系",
            "1+6+1主导+创新产业体系",
            "1234+N",
            "新型产业体系",
            "1234+N新型产业体系",
            "三资三化",
            "大文旅",
            "四首经济",
            "放管服",
            "00",
            "N",
        }
    ]
    assert found == [
        "1+6+1",
        "1+6+1主导+创新产业体系",
        "1234+N",
        "1234+N新型产业体系",
        "三资三化",
        "主导+创新产业体系",
        "四首经济",
        "大文旅",
        "放管服",
        "新型产业体系",
    ]


def test_dictionary_from_empty_steps_is_the_curated_list() -> None:
    empty = domain_dictionary(
        pd.DataFrame(columns=["term", "aliases"]), pd.DataFrame(columns=["slogan"])
    )
    assert "三资三化" in empty and "十四五" in empty and "以学促干" in empty
    assert empty == sorted(set(empty))


CASES = [
    ("探索“三资三化”实施路径", ["探索", "“", "三资三化", "”", "实施", "路径"]),
    ("构建“1+6+1”主导+创新产业体系", ["构建", "“", "1+6+1", "”", "主导+创新产业体系"]),
    ("构建“1234+N”新型产业体系", ["构建", "“", "1234+N", "”", "新型产业体系"]),
    # a domain word never cuts a word of the general dictionary at its edges
    ("加快建设创新型产业体系", ["加快", "建设", "创新型", "产业", "体系"]),
    ("持续壮大文旅产业", ["持续", "壮大", "文旅", "产业"]),
    # numbers are not domain words: the slogan 00 does not split 8500
    ("收入达到8500亿元", ["收入", "达到", "8500", "亿元"]),
    # the HMM no longer pairs the characters of a parallel formula
    (
        "以学铸魂、以学增智、以学正风、以学促干",
        ["以学铸魂", "、", "以学增智", "、", "以学正风", "、", "以学促干"],
    ),
    ("学中求进、难中求进、干中求进", ["学中求进", "、", "难中求进", "、", "干中求进"]),
    ("坚持稳中求进工作总基调", ["坚持", "稳中求进", "工作", "总", "基调"]),
    ("持续深化放管服改革", ["持续", "深化", "放管服", "改革"]),
    ("大力发展四首经济", ["大力发展", "四首经济"]),
    # city clusters named by their cities' first characters stay one word
    ("推进长株潭一体化发展", ["推进", "长株潭", "一体化", "发展"]),
    ("建设粤港澳大湾区", ["建设", "粤港澳大湾区"]),
]


@pytest.fixture(scope="module")
def jieba_tok(words: list[str]) -> Tokenizer:
    return build_tokenizer(words, engine="jieba")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_domain_words_stay_whole_and_never_steal(
    tok: Tokenizer, jieba_tok: Tokenizer, text: str, expected: list[str]
) -> None:
    assert tok.cut(text) == expected
    assert jieba_tok.cut(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fullwidth_input_gives_the_same_tokens(
    tok: Tokenizer, text: str, expected: list[str]
) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    assert tok.cut(wide) == expected


def test_hmm_off_leaves_unknown_characters_single(words: list[str]) -> None:
    tok = build_tokenizer(words, hmm=False)
    assert tok.cut("甘其毛都口岸") == ["甘", "其", "毛", "都", "口岸"]
    assert build_tokenizer(words).cut("甘其毛都口岸") == ["甘其", "毛", "都", "口岸"]


def test_white_space_is_dropped(tok: Tokenizer) -> None:
    assert tok.cut("三资三化 和 放管服") == ["三资三化", "和", "放管服"]


def test_each_tokenizer_owns_its_segmenter(words: list[str]) -> None:
    import rjieba

    one, two = build_tokenizer(words), build_tokenizer(words)
    assert one.segmenter_ is not two.segmenter_
    assert type(one.segmenter_) is rjieba.Jieba
    assert not rjieba.has_word("三资三化")  # rjieba's module-level default is untouched
    assert one.dictionary_hash_ == two.dictionary_hash_
    assert build_tokenizer(words, hmm=False).dictionary_hash_ != one.dictionary_hash_
    assert build_tokenizer(words, engine="jieba").dictionary_hash_ != one.dictionary_hash_


def test_occurring_words(tok: Tokenizer) -> None:
    assert tok.occurring_words(["落实“三资三化”", "推进“放管服”改革,大文旅"]) == [
        "三资三化",
        "大文旅",
        "放管服",
    ]


def test_unknown_engine_is_one_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown engine 'pkuseg'; choose from rjieba, jieba"):
        build_tokenizer([], engine="pkuseg")


def test_share_engine_uses_the_loaded_engine() -> None:
    warm = build_tokenizer([])
    engine = warm.segmenter_
    tok = build_tokenizer(["三资三化"])
    tok.share_engine(warm)
    assert tok.segmenter_ is engine
    assert tok.cut("落实“三资三化”") == ["落实", "“", "三资三化", "”"]
    with pytest.raises(ValueError, match="cannot share"):
        build_tokenizer([], hmm=False).share_engine(warm)


def test_rjieba_engine_loads_without_the_package_default() -> None:
    """The engine comes from rjieba's compiled module: the package, which builds a default
    segmenter of its own on import, is never imported, and the tokens are rjieba's."""
    code = (
        "import sys\n"
        "from analysis.terms.dictionary import Tokenizer\n"
        "tokens = Tokenizer(()).cut('我们推进三资三化改革,建设港治谷')\n"
        "assert 'rjieba' not in sys.modules, 'package imported'\n"
        "import rjieba\n"
        "assert tokens == rjieba.Jieba().cut('我们推进三资三化改革,建设港治谷', True)\n"
        "print(' '.join(tokens))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["我们", "推进", "三资", "三化", "改革", ",", "建设", "港治谷"]


def test_a_word_overlapping_no_joined_word_is_left_out() -> None:
    from analysis.terms.dictionary import _left_out

    assert _left_out([(0, 2), (3, 5)], [(0, 2)])  # (3, 5) overlaps nothing joined
    assert not _left_out([(0, 2), (1, 4)], [(0, 2)])  # (1, 4) overlaps (0, 2)
    assert not _left_out([(0, 2), (3, 5)], [(0, 2), (3, 5)])
    assert _left_out([(6, 8)], [(0, 2), (3, 5)])  # after the last joined word
    assert _left_out([(0, 2)], [])
    assert not _left_out([(4, 7), (2, 4)], [(0, 3), (6, 9)])  # each overlaps one
