"""Keywords: exact TF-IDF and G² values by hand; filters, merging and tie-breaking on fixtures."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.measure.counts import count_terms
from analysis.measure.jieba_keywords import jieba_keywords
from analysis.measure.keywords import keyness, keyness_table, rank_keywords, rank_places
from analysis.terms.tokens import filter_tokens

#: rank_keywords as before filters, merging and the own-region rule: every term competes
PLAIN = {
    "min_count": 1,
    "min_paragraphs": 1,
    "max_df": 1.0,
    "keep_places": True,
    "merge": False,
    "single_chars": ("党", "钱"),
}


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
    counts = count_terms(tiny)
    out = rank_keywords(counts, sublinear_tf=False, norm=None, top_n=None, **PLAIN)
    idf_rare = math.log(3 / 2) + 1  # smooth idf, n=2 documents, df=1
    assert out[["doc_id", "rank", "term", "score", "count"]].values.tolist() == [
        ["a", 1, "1+6+N", pytest.approx(2 * idf_rare), 2],
        ["a", 2, "党", pytest.approx(1.0), 1],
        ["b", 1, "钱", pytest.approx(idf_rare), 1],
        ["b", 2, "党", pytest.approx(1.0), 1],
    ]
    l2 = rank_keywords(counts, sublinear_tf=False, top_n=1, **PLAIN)
    norm = math.hypot(2 * idf_rare, 1.0)
    assert l2["score"].tolist() == [
        pytest.approx(2 * idf_rare / norm),
        pytest.approx(idf_rare / math.hypot(idf_rare, 1)),
    ]
    sub = rank_keywords(counts, norm=None, top_n=1, **PLAIN)  # sublinear: 1 + ln(2)
    assert sub["score"].iloc[0] == pytest.approx((1 + math.log(2)) * idf_rare)
    # the defaults: one-character words out, two uses in two paragraphs at least
    assert rank_keywords(counts).empty


def test_group_by_a_catalog_column(tiny: pd.DataFrame) -> None:
    out = rank_keywords(count_terms(tiny, by="year"), top_n=1, norm=None, **PLAIN)
    assert list(out.columns) == [
        "year",
        "rank",
        "term",
        "score",
        "g2",
        "dispersion",
        "count",
        "n_paragraphs",
        "merged",
    ]
    assert out[["year", "term"]].values.tolist() == [[2023, "1+6+N"], [2024, "钱"]]


def test_g2_by_hand(tiny: pd.DataFrame) -> None:
    counts = count_terms(tiny)
    out = keyness(counts, target="a", correction="none", min_count=1).set_index("term")
    # term 1+6+N: target 2 of 3 tokens, reference 0 of 2
    a, b, c, d = 2, 0, 1, 2
    n = a + b + c + d
    e = [(a + c) * (a + b) / n, (b + d) * (a + b) / n, (a + c) * (c + d) / n, (b + d) * (c + d) / n]
    g2 = 2 * sum(o * math.log(o / x) for o, x in zip([a, b, c, d], e, strict=True) if o)
    assert out.loc["1+6+N", "g2"] == pytest.approx(g2)
    assert out.loc["1+6+N", "g2"] == pytest.approx(2.9110314, abs=1e-6)
    assert out.loc["钱", "g2"] < 0  # relatively more frequent in the reference
    assert out.index.tolist() == ["1+6+N", "党", "钱"]
    williams = keyness(counts, target="a", min_count=1).set_index("term")
    q = 1 + ((n / (a + c) + n / (b + d) - 1) * (n / (a + b) + n / (c + d) - 1)) / (6 * n)
    assert williams.loc["1+6+N", "g2"] == pytest.approx(g2 / q)
    # the tie-breaker column of rank_keywords is this G² against all other groups
    ranked = rank_keywords(counts, top_n=None, correction="none", **PLAIN)
    assert ranked.loc[0, "g2"] == pytest.approx(g2)
    with pytest.raises(ValueError, match="target 'zz' is not a doc_id"):
        keyness(counts, target="zz")
    with pytest.raises(ValueError, match="needs at least one reference"):
        keyness(counts, target=["a", "b"])


@pytest.fixture
def provinces() -> tuple[pd.DataFrame, pd.DataFrame]:
    yn = [
        [
            "云南",
            "云南省",
            "滇",
            "磷",
            "粮",
            "二要",
            "多亿元",
            "边境",
            "边境",
            "中轴",
            "中轴线",
            "建设",
        ],
        ["云南", "边境", "中轴线", "中轴", "茶叶", "茶叶", "中共云南省委", "建设"],
        ["边境", "茶叶", "中轴", "中轴线", "粮", "粮", "磷", "磷", "二要", "二要"],
        ["多亿元", "多亿元", "滇", "滇", "云南省", "云南省"],
    ]
    sc = [["建设", "成都", "成都", "边境"], ["建设", "成都", "四川"]]
    gz = [["建设", "茶叶"], ["贵阳"]]
    docs = {"yn": yn, "sc": sc, "gz": gz}
    tokens = pd.DataFrame(
        [(d, i, t) for d, paras in docs.items() for i, t in enumerate(paras)],
        columns=["doc_id", "para_id", "tokens"],
    )
    corpus = pd.DataFrame({"doc_id": list(docs), "region": ["云南省", "四川省", "贵州省"]})
    return tokens, corpus


def test_filters_and_merging(provinces: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    counts = count_terms(provinces[0], corpus=provinces[1])
    out = rank_keywords(counts, top_n=None)
    # own region (云南, 云南省, 滇, 中共云南省委) out; 磷 one character, 粮 whitelisted;
    # 二要 an enumerator, 多亿元 an amount; 建设 in every report; 中轴 merged into 中轴线;
    # 成都 is a city of 四川省 (gazetteer.csv): listed apart, with 云南省
    assert out[["doc_id", "term", "count", "n_paragraphs", "merged"]].values.tolist() == [
        ["yn", "中轴线", 6, 3, "中轴:3 中轴线:3"],
        ["yn", "粮", 3, 2, ""],
        ["yn", "边境", 4, 3, ""],
        ["yn", "茶叶", 3, 2, ""],
    ]
    places = rank_places(counts)
    assert places[["doc_id", "rank", "term", "count", "n_paragraphs"]].values.tolist() == [
        ["yn", 1, "云南省", 3, 2],
        ["sc", 1, "成都", 3, 2],
    ]
    kept = rank_keywords(counts, top_n=3, keep_places=True)
    assert kept["term"].tolist() == ["中轴线", "粮", "云南省", "成都"]
    assert rank_places(count_terms(provinces[0])).empty  # no corpus: no places
    assert rank_keywords(counts, top_n=None, single_chars=())["term"].tolist() == [
        "中轴线",
        "边境",
        "茶叶",
    ]


def test_ties_broken_by_g2_then_dispersion(provinces: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    out = rank_keywords(count_terms(provinces[0], corpus=provinces[1]), top_n=4, **PLAIN)
    yn = out[out["doc_id"] == "yn"]
    # one TF-IDF score and G² for three terms; 云南省 is packed into a short stretch
    # (higher DP); 中轴 and 中轴线 share every statistic, so code-point order decides
    assert yn["term"].tolist() == ["中轴", "中轴线", "云南省", "边境"]
    assert yn["score"].nunique() == 2
    assert yn["g2"].nunique() == 2
    assert yn["dispersion"].round(6).tolist() == [0.166667, 0.166667, 0.5, 0.194444]
    tie = pd.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "c"],
            "para_id": [0, 1, 2, 0, 0],
            "tokens": [["甲方", "乙方"]] * 3 + [["甲方", "丙方"], ["乙方", "乙方", "乙方"]],
        }
    )
    ranked = rank_keywords(count_terms(tie), top_n=2, **PLAIN)
    first = ranked[ranked["doc_id"] == "a"]
    assert first["score"].iloc[0] == first["score"].iloc[1]
    assert first["term"].tolist() == ["甲方", "乙方"]  # 甲方 is rarer elsewhere: higher G²
    assert first["g2"].iloc[0] > first["g2"].iloc[1]


def test_keyness_table_leaves_out_own_places(provinces: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    counts = count_terms(provinces[0], corpus=provinces[1])
    table = keyness_table(counts, top_n=2, min_count=1)
    assert table[["doc_id", "rank", "term"]].values.tolist() == [
        ["yn", 1, "中轴"],
        ["yn", 2, "中轴线"],
        ["sc", 1, "建设"],
        ["sc", 2, "边境"],
        ["gz", 1, "茶叶"],
        ["gz", 2, "建设"],
    ]
    every = keyness_table(counts, top_n=100, min_count=1)
    kept = keyness_table(counts, top_n=100, min_count=1, keep_places=True)
    own_places = [
        ("yn", {"云南", "云南省", "滇", "中共云南省委"}),
        ("sc", {"四川", "成都"}),
        ("gz", {"贵阳"}),
    ]
    for doc, own in own_places:
        left_out = set(kept.loc[kept["doc_id"] == doc, "term"])
        left_out -= set(every.loc[every["doc_id"] == doc, "term"])
        assert left_out == own


@pytest.fixture(scope="module")
def seed_steps():
    from analysis.run.steps import corpus_steps

    steps = corpus_steps(cache=False, warn=False)
    body = steps.tokens[steps.tokens["section"] == "body"]
    return steps, filter_tokens(body)


def test_slogans_survive_into_the_keyword_vocabulary(seed_steps) -> None:
    _, tokens = seed_steps
    vocab = set(rank_keywords(count_terms(tokens), top_n=None, **PLAIN)["term"])
    for formula in ["1+6+N", "三资三化", "四首经济", "五有三提升", "2+2+1+N", "放管服", "十四五"]:
        assert formula in vocab
    assert not vocab & {"的", "各位代表", "我们", ",", "2023", "5.9%", "亿元"}


def test_seed_keywords_top_three(seed_steps) -> None:
    steps, tokens = seed_steps
    counts = count_terms(tokens, corpus=steps.corpus)
    plain = rank_keywords(counts, top_n=3, **PLAIN)
    got = plain.groupby("doc_id", sort=False)["term"].apply(list).to_dict()
    assert got["市北区2021政府工作报告"] == ["市北", "市北区", "高层次"]  # 五年: a time span
    # 营收 and 广场 tie on TF-IDF and G²; 营收 is spread more evenly (lower DP)
    assert got["市南区2025政府工作报告"] == ["市南区", "营收", "广场"]
    default = rank_keywords(counts, top_n=3)
    got = default.groupby("doc_id", sort=False)["term"].apply(list).to_dict()
    assert got["市北区2021政府工作报告"] == ["高层次", "疫情", "国际航运"]
    assert got["市南区2025政府工作报告"] == ["营收", "广场", "增速"]


def test_keyness_of_a_report(seed_steps) -> None:
    _, tokens = seed_steps
    out = keyness(count_terms(tokens), target="市南区2025政府工作报告", top_n=3)
    assert out["term"].tolist() == ["市南区", "广场", "营收"]
    assert (out["g2"] > 10).all() and (out["p"] < 0.01).all()


def test_jieba_comparison_runs_with_our_tokenizer(seed_steps) -> None:
    steps, _ = seed_steps
    paragraphs = steps.paragraphs
    body = paragraphs[
        (paragraphs["section"] == "body") & (paragraphs["doc_id"] == "即墨区2026政府工作报告")
    ]
    out = jieba_keywords(body, top_n=5, tokenizer=steps.tokenizer)
    assert list(out.columns) == ["doc_id", "rank", "term", "score"]
    assert out["rank"].tolist() == [1, 2, 3, 4, 5]


def test_keyness_table_matches_keyness_per_report(seed_steps) -> None:
    _, tokens = seed_steps
    counts = count_terms(tokens)
    table = keyness_table(counts, top_n=3)
    assert table.columns.tolist()[:3] == ["doc_id", "rank", "term"]
    one = table[table["doc_id"] == "市南区2025政府工作报告"]
    direct = keyness(counts, target="市南区2025政府工作报告", top_n=3)
    assert one["term"].tolist() == direct["term"].tolist()
    assert one["g2"].tolist() == pytest.approx(direct["g2"].tolist())
    assert one["rank"].tolist() == [1, 2, 3]
    single = tokens[tokens["doc_id"] == "市南区2025政府工作报告"]
    assert keyness_table(count_terms(single)).empty


def test_own_places_ranked_apart_places_elsewhere_stay() -> None:
    # 内蒙古's report names its cities (鄂尔多斯, 包头市) and 成都 of 四川; 四川's names 成都 and
    # 绵阳 and 包头 of 内蒙古: each report's own places are listed apart, the others stay
    docs = {
        "nm": [
            ["鄂尔多斯", "包头市", "成都", "乳业", "鄂尔多斯"],
            ["鄂尔多斯市", "包头市", "成都", "乳业", "稀土"],
            ["包头市", "成都", "乳业", "稀土", "稀土", "鄂尔多斯"],
        ],
        "sc": [["成都", "绵阳", "包头市", "熊猫"]] * 3,
    }
    tokens = pd.DataFrame(
        [(d, i, t) for d, paras in docs.items() for i, t in enumerate(paras)],
        columns=["doc_id", "para_id", "tokens"],
    )
    corpus = pd.DataFrame({"doc_id": ["nm", "sc"], "region": ["内蒙古自治区", "四川省"]})
    counts = count_terms(tokens, corpus=corpus)
    cols = ["doc_id", "rank", "term", "count", "n_paragraphs", "merged"]
    assert rank_keywords(counts, top_n=None, max_df=1.0)[cols].values.tolist() == [
        ["nm", 1, "乳业", 3, 3, ""],
        ["nm", 2, "稀土", 3, 2, ""],
        ["nm", 3, "成都", 3, 3, ""],
        ["sc", 1, "熊猫", 3, 3, ""],
        ["sc", 2, "包头市", 3, 3, ""],
    ]
    assert rank_places(counts, max_df=1.0)[cols].values.tolist() == [
        ["nm", 1, "鄂尔多斯", 3, 2, ""],
        ["nm", 2, "包头市", 3, 3, ""],
        ["sc", 1, "绵阳", 3, 3, ""],
        ["sc", 2, "成都", 3, 3, ""],
    ]
    kept = rank_keywords(counts, top_n=None, max_df=1.0, keep_places=True)
    assert kept.loc[kept["doc_id"] == "nm", "term"].tolist() == [
        "乳业",
        "稀土",
        "鄂尔多斯",
        "包头市",
        "成都",
    ]
    # keyness follows the same rule
    table = keyness_table(counts, top_n=2, min_count=1)
    assert table[["doc_id", "rank", "term"]].values.tolist() == [
        ["nm", 1, "乳业"],
        ["nm", 2, "稀土"],
        ["sc", 1, "熊猫"],
        ["sc", 2, "包头市"],
    ]
    kept = keyness_table(counts, top_n=3, min_count=1, keep_places=True)
    assert kept.loc[kept["doc_id"] == "sc", "term"].tolist() == ["熊猫", "绵阳", "包头市"]
