"""Keywords: exact TF-IDF and G² values on a hand-computed frame; formulas survive."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import build_tokenizer, filter_tokens, tokenize
from analysis.keywords import jieba_keywords, keyness, keyness_table, rank_keywords


@pytest.fixture
def tiny() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "para_id": [0, 1, 0],
            "year": [2023, 2023, 2024],
            "tokens": [["1+6+N", "1+6+N"], ["党"], ["党", "钱"]],
        }
    )


def test_tfidf_values_by_hand(tiny: pd.DataFrame) -> None:
    out = rank_keywords(tiny, sublinear_tf=False, norm=None, top_n=None)
    idf_rare = math.log(3 / 2) + 1  # smooth idf, n=2 documents, df=1
    assert out.values.tolist() == [
        ["a", 1, "1+6+N", pytest.approx(2 * idf_rare), 2],
        ["a", 2, "党", pytest.approx(1.0), 1],
        ["b", 1, "钱", pytest.approx(idf_rare), 1],
        ["b", 2, "党", pytest.approx(1.0), 1],
    ]
    l2 = rank_keywords(tiny, sublinear_tf=False, top_n=1)
    norm = math.hypot(2 * idf_rare, 1.0)
    assert l2["score"].tolist() == [
        pytest.approx(2 * idf_rare / norm),
        pytest.approx(idf_rare / math.hypot(idf_rare, 1)),
    ]
    sub = rank_keywords(tiny, norm=None, top_n=1)  # sublinear: 1 + ln(2)
    assert sub["score"].iloc[0] == pytest.approx((1 + math.log(2)) * idf_rare)


def test_group_by_a_catalog_column(tiny: pd.DataFrame) -> None:
    out = rank_keywords(tiny, by="year", top_n=1, norm=None, sublinear_tf=False)
    assert list(out.columns) == ["year", "rank", "term", "score", "count"]
    assert out[["year", "term"]].values.tolist() == [[2023, "1+6+N"], [2024, "钱"]]
    with pytest.raises(ValueError, match="cannot group by 'level'"):
        rank_keywords(tiny, by="level")


def test_g2_by_hand(tiny: pd.DataFrame) -> None:
    out = keyness(tiny, target="a", correction="none", min_count=1).set_index("term")
    # term 1+6+N: target 2 of 3 tokens, reference 0 of 2
    a, b, c, d = 2, 0, 1, 2
    n = a + b + c + d
    e = [(a + c) * (a + b) / n, (b + d) * (a + b) / n, (a + c) * (c + d) / n, (b + d) * (c + d) / n]
    g2 = 2 * sum(o * math.log(o / x) for o, x in zip([a, b, c, d], e, strict=True) if o)
    assert out.loc["1+6+N", "g2"] == pytest.approx(g2)
    assert out.loc["1+6+N", "g2"] == pytest.approx(2.9110314, abs=1e-6)
    assert out.loc["钱", "g2"] < 0  # relatively more frequent in the reference
    assert out.index.tolist() == ["1+6+N", "党", "钱"]
    williams = keyness(tiny, target="a", min_count=1).set_index("term")
    q = 1 + ((n / (a + c) + n / (b + d) - 1) * (n / (a + b) + n / (c + d) - 1)) / (6 * n)
    assert williams.loc["1+6+N", "g2"] == pytest.approx(g2 / q)
    with pytest.raises(ValueError, match="target 'zz' is not a doc"):
        keyness(tiny, target="zz")
    with pytest.raises(ValueError, match="needs at least one reference"):
        keyness(tiny, target=["a", "b"])


@pytest.fixture(scope="module")
def seed_tokens(seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> pd.DataFrame:
    body = seed_paragraphs[seed_paragraphs["section"] == "body"]
    return filter_tokens(tokenize(body, tokenizer=build_tokenizer(seeds), n_jobs=1, cache=False))


def test_slogans_survive_into_the_keyword_vocabulary(seed_tokens: pd.DataFrame) -> None:
    out = rank_keywords(seed_tokens, top_n=None)
    vocab = set(out["term"])
    for formula in ["1+6+N", "三资三化", "四首经济", "五有三提升", "2+2+1+N", "放管服", "十四五"]:
        assert formula in vocab
    assert not vocab & {"的", "各位代表", "我们", ",", "2023", "5.9%", "亿元"}


def test_seed_keywords_top_three(seed_tokens: pd.DataFrame) -> None:
    out = rank_keywords(seed_tokens, top_n=3)
    got = out.groupby("doc_id", sort=False)["term"].apply(list).to_dict()
    assert got["市北区2021政府工作报告"] == ["市北", "市北区", "五年"]
    assert got["市南区2025政府工作报告"] == ["市南区", "广场", "营收"]


def test_keyness_of_a_report(seed_tokens: pd.DataFrame) -> None:
    out = keyness(seed_tokens, target="市南区2025政府工作报告", top_n=3)
    assert out["term"].tolist() == ["市南区", "广场", "营收"]
    assert (out["g2"] > 10).all() and (out["p"] < 0.01).all()


def test_jieba_comparison_runs_with_our_tokenizer(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame
) -> None:
    body = seed_paragraphs[
        (seed_paragraphs["section"] == "body")
        & (seed_paragraphs["doc_id"] == "即墨区2026政府工作报告")
    ]
    out = jieba_keywords(body, top_n=5, tokenizer=build_tokenizer(seeds))
    assert list(out.columns) == ["doc_id", "rank", "term", "score"]
    assert out["rank"].tolist() == [1, 2, 3, 4, 5]


def test_keyness_table_matches_keyness_per_report(seed_tokens: pd.DataFrame) -> None:
    table = keyness_table(seed_tokens, top_n=3)
    assert table.columns.tolist()[:3] == ["doc_id", "rank", "term"]
    one = table[table["doc_id"] == "市南区2025政府工作报告"]
    direct = keyness(seed_tokens, target="市南区2025政府工作报告", top_n=3)
    assert one["term"].tolist() == direct["term"].tolist()
    assert one["g2"].tolist() == pytest.approx(direct["g2"].tolist())
    assert one["rank"].tolist() == [1, 2, 3]
    single = seed_tokens[seed_tokens["doc_id"] == "市南区2025政府工作报告"]
    assert keyness_table(single).empty
