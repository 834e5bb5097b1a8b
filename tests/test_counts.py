"""Counts: exact uses, paragraphs, dispersion and places per report or group."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measure.counts import count_terms


@pytest.fixture
def tokens() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "para_id": [0, 1, 0],
            "tokens": [["港口", "港口", "粮食"], ["粮食"], ["港口", "茶叶"]],
        }
    )


@pytest.fixture
def corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": ["a", "b"], "region": ["云南省", "青岛市"], "year": [2024, 2025]}
    )


def test_counts_by_report(tokens: pd.DataFrame) -> None:
    counts = count_terms(tokens)
    assert counts.by == "doc_id"
    assert counts.terms.tolist() == ["港口", "粮食", "茶叶"]
    assert counts.groups.tolist() == ["a", "b"]
    assert counts.counts.toarray().tolist() == [[2, 2, 0], [1, 0, 1]]
    assert counts.spread.toarray().tolist() == [[1, 2, 0], [1, 0, 1]]
    assert counts.places == {}
    # paragraph shares 3/4 and 1/4: 港口 all in the first (|1 - .75| + .25) / 2, 粮食 half each
    assert counts.to_frame().values.tolist() == [
        ["a", "港口", 2, 1, pytest.approx(0.25)],
        ["a", "粮食", 2, 2, pytest.approx(0.25)],
        ["b", "港口", 1, 1, 0.0],
        ["b", "茶叶", 1, 1, 0.0],
    ]
    assert list(counts.to_frame().columns) == [
        "doc_id",
        "term",
        "count",
        "n_paragraphs",
        "dispersion",
    ]


def test_counts_by_a_corpus_column_with_places(tokens: pd.DataFrame, corpus: pd.DataFrame) -> None:
    counts = count_terms(tokens, by="year", corpus=corpus)
    assert counts.by == "year"
    assert counts.groups.tolist() == [2024, 2025]
    # the region's names and its divisions' (resources/gazetteer.csv)
    yunnan = counts.places[2024]
    assert {"云南省", "云南", "滇", "云", "云岭", "彩云之南", "昆明市", "昆明", "红河"} <= yunnan
    assert {"成都", "青岛"} & yunnan == set()
    assert {"青岛市", "青岛", "市南区", "市南", "黄岛区", "黄岛"} <= counts.places[2025]
    same = count_terms(tokens.assign(year=[2024, 2024, 2025]), by="year")
    assert (same.counts != counts.counts).nnz == 0


def test_unknown_grouping_is_a_clear_error(tokens: pd.DataFrame, corpus: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="cannot group by 'level'"):
        count_terms(tokens, by="level", corpus=corpus)
    with pytest.raises(ValueError, match="some reports have no year"):
        count_terms(tokens, by="year", corpus=corpus.iloc[:1])
