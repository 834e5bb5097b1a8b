"""Topics: reproducibility, table shapes, FREX labels by hand, shared coherence, choice of K."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest

from analysis.measure.topics import (
    TopicModel,
    fit_topics,
    label_terms,
    prepare_topics,
    topic_coherence,
)
from analysis.measure.topics.labels import _average_ranks, _labels
from analysis.measure.topics.sweep import _choose
from analysis.terms.tokens import filter_tokens


@pytest.fixture(scope="module")
def seed_tokens() -> pd.DataFrame:
    from analysis.run.steps import corpus_steps

    steps = corpus_steps(cache=False, warn=False)
    body = steps.tokens[steps.tokens["section"] == "body"]
    return filter_tokens(body, policy_verbs=True)


@pytest.fixture(scope="module")
def result(seed_tokens: pd.DataFrame):
    return fit_topics(seed_tokens, n_topics=4, random_state=0, iterations=60)


def test_same_seed_gives_identical_tables(seed_tokens: pd.DataFrame, result) -> None:
    gensim_level = logging.getLogger("gensim").level
    again = fit_topics(seed_tokens, n_topics=4, random_state=0, iterations=60)
    assert logging.getLogger("gensim").level == gensim_level  # no logging settings changed
    pd.testing.assert_frame_equal(result.topic_terms, again.topic_terms)
    pd.testing.assert_frame_equal(result.labels, again.labels)
    pd.testing.assert_frame_equal(result.paragraph_topics, again.paragraph_topics)
    pd.testing.assert_frame_equal(result.report_topics, again.report_topics)
    assert result.coherence == again.coherence
    other = fit_topics(seed_tokens, n_topics=4, random_state=1, iterations=60)
    assert not other.topic_terms.equals(result.topic_terms)


def test_tables(result, seed_tokens: pd.DataFrame) -> None:
    assert result.n_topics == 4
    assert list(result.topic_terms.columns) == ["topic", "rank", "term", "weight"]
    assert result.topic_terms.groupby("topic").size().tolist() == [15, 15, 15, 15]
    assert list(result.label_terms.columns) == [
        "topic",
        "rank",
        "probability",
        "frex",
        "relevance",
    ]
    first = result.topic_terms.groupby("topic")["term"].apply(list)
    by_label = result.label_terms.groupby("topic")["probability"].apply(list)
    assert first.tolist() == by_label.tolist()  # the probability column is topic_terms' order
    assert list(result.labels.columns) == ["topic", "label", "frex", "probability"]
    assert result.labels["label"].str.count("·").eq(2).all()
    shares = result.report_topics.groupby("doc_id")["share"].sum()
    assert shares.round(9).eq(1.0).all() and len(shares) == 5
    per_para = result.paragraph_topics.groupby(["doc_id", "para_id"])["weight"].sum()
    assert per_para.between(0.999, 1.001).all()
    assert len(per_para) <= len(seed_tokens)
    assert set(result.coherence) == {"c_v", "c_npmi", "u_mass"}
    assert result.topic_coherence.shape == (4, 4)
    assert result.sweep is None
    assert fit_topics(seed_tokens, n_topics=4, iterations=5, coherence=False).coherence == {}


def test_sweep_picks_k_by_mean_rank(seed_tokens: pd.DataFrame) -> None:
    res = fit_topics(seed_tokens, n_topics=range(3, 5), iterations=20, perplexity=True)
    assert res.sweep["n_topics"].tolist() == [3, 4]
    assert list(res.sweep.columns) == [
        "n_topics",
        "c_v",
        "c_npmi",
        "u_mass",
        "perplexity",
        "chosen",
    ]
    assert res.sweep["chosen"].sum() == 1
    assert res.n_topics == int(res.sweep.loc[res.sweep["chosen"], "n_topics"].iloc[0])
    with pytest.raises(ValueError, match="needs coherence=True"):
        fit_topics(seed_tokens, n_topics=[3, 4], coherence=False)


def test_one_coherence_pass_equals_one_per_model(seed_tokens: pd.DataFrame) -> None:
    prepared = prepare_topics(seed_tokens)
    models = [TopicModel(k, iterations=10).fit(prepared) for k in (2, 3)]
    together = topic_coherence(models, prepared)
    apart = pd.concat([topic_coherence([m], prepared) for m in models], ignore_index=True)
    assert together[["n_topics", "topic"]].values.tolist() == [
        [2, 0],
        [2, 1],
        [3, 0],
        [3, 1],
        [3, 2],
    ]
    pd.testing.assert_frame_equal(together, apart, check_exact=False, rtol=1e-9)


@pytest.fixture
def tiny_prepared():
    texts = [["港口", "航运", "港口", "航运", "粮食"], ["粮食", "耕地", "粮食", "耕地", "港口"]] * 3
    tokens = pd.DataFrame({"doc_id": "a", "para_id": range(6), "tokens": texts})
    return prepare_topics(tokens, no_below=1, no_above=1.0)


def _rank(values: list[float]) -> list[float]:
    """Average rank from 1, by hand."""
    return [sum(v > w for w in values) + (sum(v == w for w in values) + 1) / 2 for v in values]


def test_average_ranks_give_ties_their_mean_rank() -> None:
    values = np.array([[0.3, 0.1, 0.3, 0.2, 0.3], [5.0, 5.0, 1.0, 1.0, 2.0]])
    assert _average_ranks(values).tolist() == [[4.0, 1.0, 4.0, 2.0, 4.0], [4.5, 4.5, 1.5, 1.5, 3.0]]
    assert [_rank(row) for row in values.tolist()] == _average_ranks(values).tolist()


def test_frex_and_relevance_by_hand(tiny_prepared) -> None:
    model = TopicModel(2)
    words = tiny_prepared.vocab.tolist()
    phi = np.array([[0.4, 0.3, 0.2, 0.1], [0.05, 0.15, 0.5, 0.3]])
    model.topic_word_ = phi
    terms = label_terms(model, tiny_prepared, top_n=4, frex_weight=0.3, relevance_lambda=0.6)
    counts = {"港口": 9, "航运": 6, "粮食": 9, "耕地": 6}  # uses in the six paragraphs
    for k in range(2):
        row = phi[k].tolist()
        excl = [phi[k, v] / phi[:, v].sum() for v in range(4)]
        freq_r, excl_r = _rank(row), _rank(excl)
        frex = [1 / (0.3 / (f / 4) + 0.7 / (e / 4)) for f, e in zip(freq_r, excl_r, strict=True)]
        share = [counts[w] / 30 for w in words]
        rel = [0.6 * np.log(p) + 0.4 * np.log(p / q) for p, q in zip(row, share, strict=True)]
        got = terms[terms["topic"] == k]
        for column, score in (("probability", row), ("frex", frex), ("relevance", rel)):
            expected = [w for _, w in sorted(zip(score, words, strict=True), key=lambda x: -x[0])]
            assert got[column].tolist() == expected
    assert terms.loc[terms["topic"] == 0, "frex"].tolist() == ["港口", "粮食", "耕地", "航运"]


def test_a_term_labels_at_most_two_topics() -> None:
    terms = pd.DataFrame(
        {
            "topic": [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2],
            "frex": list("ABCD" + "ABEF" + "AGBH"),
            "probability": list("AAAA" + "AAAA" + "AAAA"),
        }
    )
    labels = _labels(terms, label_n=2, max_topics=2)
    assert labels["label"].tolist() == ["A·B", "A·B", "G·H"]
    assert labels.loc[0, "frex"] == "A·B·C·D"


def test_corpus_wide_terms_are_dropped(tiny_prepared) -> None:
    tokens = pd.DataFrame(
        {"doc_id": "a", "para_id": range(4), "tokens": [["建设", "港口"], ["建设", "粮食"]] * 2}
    )
    prepared = prepare_topics(tokens, no_below=1, no_above=0.6, min_tokens=1)
    assert sorted(prepared.dictionary.token2id) == ["港口", "粮食"]
    assert prepared.texts == [["港口"], ["粮食"], ["港口"], ["粮食"]]
    assert prepared.index.values.tolist() == [["a", 0], ["a", 1], ["a", 2], ["a", 3]]


def test_choose_rule() -> None:
    sweep = pd.DataFrame(
        {
            "n_topics": [4, 5, 6],
            "c_v": [0.5, 0.6, 0.4],
            "c_npmi": [0.1, 0.0, 0.2],
            "u_mass": [-2.0, -1.0, -3.0],
        }
    )
    assert _choose(sweep) == 5  # ranks: 4 -> (2,2,2), 5 -> (1,3,1), 6 -> (3,1,3)
    tie = pd.DataFrame(
        {"n_topics": [4, 5], "c_v": [0.5, 0.6], "c_npmi": [0.2, 0.1], "u_mass": [-1.0, -1.0]}
    )
    assert _choose(tie) == 4


def test_too_little_text_is_a_clear_error() -> None:
    tiny = pd.DataFrame({"doc_id": ["a"], "para_id": [0], "tokens": [["党", "钱"]]})
    with pytest.raises(ValueError, match="too little text for topics"):
        fit_topics(tiny, n_topics=2)
    enough = pd.DataFrame({"doc_id": "a", "para_id": [0, 1], "tokens": [["港口", "粮食"] * 3] * 2})
    with pytest.raises(ValueError, match="at least 2"):
        fit_topics(enough, n_topics=1, no_above=1.0, no_below=1)


def test_sweep_is_identical_whatever_the_jobs(seed_tokens: pd.DataFrame) -> None:
    from analysis import run_topics

    one = run_topics(seed_tokens, n_topics=[3, 4], iterations=30, n_jobs=1)
    two = run_topics(seed_tokens, n_topics=[3, 4], iterations=30, n_jobs=2)
    pd.testing.assert_frame_equal(one.sweep, two.sweep)
    pd.testing.assert_frame_equal(one.topic_terms, two.topic_terms)
    pd.testing.assert_frame_equal(one.paragraph_topics, two.paragraph_topics)
    assert np.array_equal(one.model.topic_word_, two.model.topic_word_)


def test_gensim_engine_is_reproducible_and_differs(seed_tokens: pd.DataFrame) -> None:
    first, again = (
        fit_topics(seed_tokens, n_topics=3, engine="gensim", passes=2, coherence=False)
        for _ in range(2)
    )
    pd.testing.assert_frame_equal(first.topic_terms, again.topic_terms)
    assert first.model.engine == "gensim"
    tomotopy = fit_topics(seed_tokens, n_topics=3, iterations=30, coherence=False)
    assert not tomotopy.topic_terms.equals(first.topic_terms)
    with pytest.raises(ValueError, match="unknown topic engine 'mallet'"):
        fit_topics(seed_tokens, n_topics=3, engine="mallet")


def test_topic_records_carry_labels_and_k_summary(seed_tokens: pd.DataFrame) -> None:
    from analysis.measure.topics import topic_records, topic_rows

    res = fit_topics(seed_tokens, n_topics=[3, 4], iterations=30)
    records = topic_records(res, top_n=2)
    models = [r for r in records if r["kind"] == "model"]
    assert [(r["n_topics"], r["chosen"]) for r in models] == [
        (3, res.n_topics == 3),
        (4, res.n_topics == 4),
    ]
    assert set(models[0]) == {"kind", "n_topics", "c_v", "c_npmi", "u_mass", "chosen"}
    topics = [r for r in records if r["kind"] == "topic"]
    assert [r["topic"] for r in topics] == list(range(res.n_topics))
    first = topics[0]
    assert first["label"] == res.labels.loc[0, "label"]
    assert first["frex"] == res.labels.loc[0, "frex"].split("·")
    assert [t for t, _ in first["terms"]] == res.topic_terms.query("topic == 0")["term"][
        :2
    ].tolist()
    rows = topic_rows(res, top_n=2)
    assert list(rows.columns) == [
        "n_topics",
        "topic",
        "label",
        "frex",
        "probability",
        "c_v",
        "c_npmi",
        "u_mass",
        "rank",
        "term",
        "weight",
    ]
    assert len(rows) == 2 * res.n_topics


def test_large_corpus_sweeps_on_a_sample_and_fits_the_chosen_k_on_all(
    seed_tokens: pd.DataFrame,
) -> None:
    prepared = prepare_topics(seed_tokens)
    n = prepared.matrix.shape[0]
    sample = prepared.sample(100, random_state=0)
    assert sample.matrix.shape == (100, prepared.matrix.shape[1])
    assert sample.index["para_id"].is_monotonic_increasing or sample.index["doc_id"].nunique() > 1
    assert prepared.sample(n + 1) is prepared
    res = fit_topics(seed_tokens, n_topics=[3, 4], iterations=20, sweep_sample=100)
    again = fit_topics(seed_tokens, n_topics=[3, 4], iterations=20, sweep_sample=100)
    pd.testing.assert_frame_equal(res.sweep, again.sweep)
    pd.testing.assert_frame_equal(res.topic_terms, again.topic_terms)
    # the chosen K is fitted on every paragraph, not only on the sample
    assert res.model.doc_topic_.shape == (n, res.n_topics)
    assert res.paragraph_topics[["doc_id", "para_id"]].drop_duplicates().shape[0] == n
    chosen = TopicModel(res.n_topics, iterations=20).fit(prepared)
    assert np.array_equal(res.model.topic_word_, chosen.topic_word_)


def test_sweeps_shrink_with_the_corpus_within_the_floor() -> None:
    from analysis.measure.topics.engine import MIN_ITERATIONS, SWEEP_BUDGET

    model = TopicModel(4)
    assert model.sweeps(1_000) == 200  # the engine's default on a small corpus
    assert model.sweeps(SWEEP_BUDGET // 200) == 200
    assert model.sweeps(3_909_342) == 51  # the panel's modelled tokens
    assert model.sweeps(SWEEP_BUDGET // 40) == 40
    assert model.sweeps(10**9) == MIN_ITERATIONS == 30
    assert TopicModel(4, iterations=200).sweeps(10**9) == 200  # given: kept
    assert TopicModel(4, engine="gensim").sweeps(10**9) == 100  # gensim: its own default


def test_a_fit_records_its_sweeps(seed_tokens) -> None:
    prepared = prepare_topics(seed_tokens)
    assert TopicModel(3, iterations=7).fit(prepared).iterations_ == 7
    assert TopicModel(3).sweeps(int(prepared.matrix.sum())) == 200
