"""The one paragraph × term matrix and the topic models' choice of its columns."""

from __future__ import annotations

import pandas as pd

from analysis.measure.bow import paragraph_terms, select_terms
from analysis.measure.topics import prepare_topics

TEXTS = [
    ["乙", "甲", "乙", "丙"],
    [],
    ["丁", "甲", "戊"],
    ["甲", "丁", "丁"],
    ["己", "乙"],
    ["甲", "庚"],
]


def test_matrix_counts_every_paragraph_with_sorted_terms() -> None:
    counted = paragraph_terms(TEXTS)
    assert counted.terms.tolist() == sorted({t for text in TEXTS for t in text})
    assert counted.terms.tolist() == ["丁", "丙", "乙", "己", "庚", "戊", "甲"]
    dense = counted.matrix.toarray().tolist()
    assert dense == [
        [0, 1, 2, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 1, 1],
        [2, 0, 0, 0, 0, 0, 1],
        [0, 0, 1, 1, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 1],
    ]
    assert counted.document_frequency.tolist() == [2, 1, 2, 1, 1, 1, 4]


def test_select_terms_follows_filter_extremes() -> None:
    counted = paragraph_terms(TEXTS)
    # 6 paragraphs: no_above 0.5 allows at most 3; 甲 (4) is dropped, singletons too
    kept = select_terms(counted, no_below=2, no_above=0.5, keep_n=None)
    assert counted.terms[kept].tolist() == ["丁", "乙"]
    # keep_n: most paragraphs first, ties by term order; result in column order
    kept = select_terms(counted, no_below=1, no_above=1.0, keep_n=3)
    assert counted.terms[kept].tolist() == ["丁", "乙", "甲"]


def test_prepare_topics_keeps_rows_and_terms() -> None:
    tokens = pd.DataFrame({"doc_id": "a", "para_id": range(len(TEXTS)), "tokens": TEXTS})
    prepared = prepare_topics(tokens, no_below=2, no_above=1.0, min_tokens=2)
    assert prepared.vocab.tolist() == ["丁", "乙", "甲"]
    assert prepared.index["para_id"].tolist() == [0, 2, 3]
    assert prepared.matrix.toarray().tolist() == [[0, 2, 1], [1, 0, 1], [2, 0, 1]]
    assert prepared.texts == [["乙", "甲", "乙"], ["丁", "甲"], ["甲", "丁", "丁"]]
    assert prepared.bow == [[(1, 2), (2, 1)], [(0, 1), (2, 1)], [(0, 2), (2, 1)]]
    assert prepared.words(2) == ["丁", "丁", "甲"]
    assert prepared.lengths.tolist() == [3, 2, 3]
    assert prepared.term_frequency.tolist() == [3, 2, 3]
    assert prepared.dictionary.token2id == {"丁": 0, "乙": 1, "甲": 2}


def test_a_term_only_in_dropped_paragraphs_leaves_the_vocabulary() -> None:
    texts = [["港口", "粮食", "港口"], ["港口", "粮食"], ["耕地"], ["耕地"]]
    tokens = pd.DataFrame({"doc_id": "a", "para_id": range(4), "tokens": texts})
    prepared = prepare_topics(tokens, no_below=1, no_above=1.0, min_tokens=2)
    assert prepared.vocab.tolist() == ["港口", "粮食"]
    assert prepared.index["para_id"].tolist() == [0, 1]
