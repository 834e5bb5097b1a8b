"""Topics: reproducibility, table shapes, the choice of K."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import build_tokenizer, filter_tokens, tokenize
from analysis.topics import _choose, fit_topics


@pytest.fixture(scope="module")
def seed_tokens(seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame) -> pd.DataFrame:
    body = seed_paragraphs[seed_paragraphs["section"] == "body"]
    tokens = tokenize(body, tokenizer=build_tokenizer(seeds), n_jobs=1, cache=False)
    return filter_tokens(tokens, policy_verbs=True)


@pytest.fixture(scope="module")
def result(seed_tokens: pd.DataFrame):
    return fit_topics(seed_tokens, n_topics=4, random_state=0, passes=5)


def test_same_seed_gives_identical_tables(seed_tokens: pd.DataFrame, result) -> None:
    again = fit_topics(seed_tokens, n_topics=4, random_state=0, passes=5)
    pd.testing.assert_frame_equal(result.topic_terms, again.topic_terms)
    pd.testing.assert_frame_equal(result.paragraph_topics, again.paragraph_topics)
    pd.testing.assert_frame_equal(result.report_topics, again.report_topics)
    assert result.coherence == again.coherence
    other = fit_topics(seed_tokens, n_topics=4, random_state=1, passes=5)
    assert not other.topic_terms.equals(result.topic_terms)


def test_tables(result, seed_tokens: pd.DataFrame) -> None:
    assert result.n_topics == 4
    assert list(result.topic_terms.columns) == ["topic", "rank", "term", "weight"]
    assert result.topic_terms.groupby("topic").size().tolist() == [15, 15, 15, 15]
    shares = result.report_topics.groupby("doc_id")["share"].sum()
    assert shares.round(9).eq(1.0).all() and len(shares) == 5
    per_para = result.paragraph_topics.groupby(["doc_id", "para_id"])["weight"].sum()
    assert per_para.between(0.999, 1.001).all()
    assert len(per_para) <= len(seed_tokens)
    assert set(result.coherence) == {"c_v", "c_npmi", "u_mass"}
    assert result.topic_coherence.shape == (4, 4)
    assert result.labels["label"].str.count("·").eq(2).all()
    assert result.sweep is None


def test_sweep_picks_k_by_mean_rank(seed_tokens: pd.DataFrame) -> None:
    res = fit_topics(seed_tokens, n_topics=range(3, 5), passes=2)
    assert res.sweep["n_topics"].tolist() == [3, 4]
    assert res.sweep["chosen"].sum() == 1
    assert res.n_topics == int(res.sweep.loc[res.sweep["chosen"], "n_topics"].iloc[0])


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
