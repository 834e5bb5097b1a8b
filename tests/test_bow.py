"""The array-built bag of words equals gensim's Dictionary + filter_extremes + doc2bow."""

from __future__ import annotations

import numpy as np
import pytest
from gensim.corpora import Dictionary

from analysis.bow import bag_of_words

TEXTS = [
    ["乙", "甲", "乙", "丙"],
    [],
    ["丁", "甲", "戊"],
    ["甲", "丁", "丁"],
    ["己", "乙"],
    ["甲", "庚"],
]


def _gensim(texts: list[list[str]], **filters: object) -> tuple[Dictionary, list]:
    dictionary = Dictionary(texts)
    dictionary.filter_extremes(**filters)
    return dictionary, [dictionary.doc2bow(t) for t in texts]


def test_ids_follow_first_paragraph_then_text() -> None:
    built = bag_of_words(TEXTS, no_below=1, no_above=1.0, keep_n=None)
    assert built is not None
    # paragraph 0 brings 丙 甲 乙 (sorted), paragraph 2 丁 戊, paragraph 4 己, 5 庚
    assert built.dictionary.token2id == {
        "丙": 0, "乙": 1, "甲": 2, "丁": 3, "戊": 4, "己": 5, "庚": 6,
    }  # fmt: skip
    assert built.bow[0] == [(0, 1), (1, 2), (2, 1)]
    assert built.bow[1] == []
    assert built.texts[3] == ["甲", "丁", "丁"]
    assert built.sizes.tolist() == [4, 0, 3, 3, 2, 2]


@pytest.mark.parametrize(
    "filters",
    [
        {"no_below": 1, "no_above": 1.0, "keep_n": None},
        {"no_below": 2, "no_above": 1.0, "keep_n": None},
        {"no_below": 1, "no_above": 0.5, "keep_n": None},
        {"no_below": 1, "no_above": 1.0, "keep_n": 3},  # ties at the cut: lower id first
        {"no_below": 2, "no_above": 0.6, "keep_n": 1},
    ],
)
def test_same_as_gensim(filters: dict) -> None:
    dictionary, bow = _gensim(TEXTS, **filters)
    built = bag_of_words(TEXTS, **filters)
    assert built is not None
    ours = built.dictionary
    assert ours.token2id == dictionary.token2id
    assert (ours.dfs, ours.cfs) == (dictionary.dfs, dictionary.cfs)
    assert (ours.num_docs, ours.num_pos, ours.num_nnz) == (
        dictionary.num_docs,
        dictionary.num_pos,
        dictionary.num_nnz,
    )
    assert built.bow == bow
    vocab = dictionary.token2id
    assert built.texts == [[t for t in toks if t in vocab] for toks in TEXTS]


def test_same_as_gensim_on_random_paragraphs() -> None:
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(60)]
    texts = [[words[j] for j in rng.zipf(1.6, size=rng.integers(0, 30)) % 60] for _ in range(400)]
    filters = {"no_below": 3, "no_above": 0.4, "keep_n": 25}
    dictionary, bow = _gensim(texts, **filters)
    built = bag_of_words(texts, **filters)
    assert built is not None
    assert built.dictionary.token2id == dictionary.token2id
    assert built.dictionary.dfs == dictionary.dfs
    assert built.bow == bow


def test_too_many_distinct_tokens_are_left_to_gensim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("analysis.bow.GENSIM_PRUNE_AT", 3)
    assert bag_of_words(TEXTS, no_below=1, no_above=1.0, keep_n=None) is None


def test_prepare_topics_gives_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    from analysis.counts import prepare_topics

    frame = pd.DataFrame(
        {"doc_id": ["a"] * len(TEXTS), "para_id": range(len(TEXTS)), "tokens": TEXTS}
    )
    fast = prepare_topics(frame, no_below=1, no_above=1.0, min_tokens=2)
    monkeypatch.setattr("analysis.bow.GENSIM_PRUNE_AT", 3)
    slow = prepare_topics(frame, no_below=1, no_above=1.0, min_tokens=2)
    assert fast.dictionary.token2id == slow.dictionary.token2id
    assert fast.bow == slow.bow and fast.texts == slow.texts
    assert fast.index["para_id"].tolist() == slow.index["para_id"].tolist() == [0, 2, 3, 4, 5]


def test_paragraphs_without_tokens() -> None:
    built = bag_of_words([[], []], no_below=1, no_above=1.0, keep_n=None)
    assert built is not None
    assert built.dictionary.token2id == {} and built.bow == [[], []]
    assert built.texts == [[], []] and built.sizes.tolist() == [0, 0]


def test_ids_are_shared_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in gensim's bags of words, every use of an id is the same int object (memory)."""
    monkeypatch.setattr("analysis.bow._BLOCK", 3)  # several blocks
    texts = [[f"w{i % 300}" for i in range(j, j + 40)] for j in range(0, 600, 7)]
    built = bag_of_words(texts, no_below=1, no_above=1.0, keep_n=None)
    assert built is not None
    used = [i for doc in built.bow for i, _ in doc]
    assert max(used) > 256  # beyond the ints Python shares anyway
    assert len({id(i) for i in used}) == len(set(used)) == len(built.dictionary)
    assert built.bow == _gensim(texts, no_below=1, no_above=1.0, keep_n=None)[1]
