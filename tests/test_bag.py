"""The corpus's matrix kept as arrays: the same counts from the cache as built, damage a miss."""

from __future__ import annotations

import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest

from analysis.common.paths import SEEDS_DIR
from analysis.common.wordlists import stopwords
from analysis.measure.bow import (
    IndexedTerms,
    ParagraphTerms,
    filtered_terms,
    index_terms,
    paragraph_terms,
)
from analysis.measure.topics import prepare_topics
from analysis.measure.topics.coherence import topic_coherence
from analysis.measure.topics.engine import TopicModel
from analysis.run.bag import TERMS_LAYER, corpus_terms
from analysis.run.cache import Cache, CacheError
from analysis.run.steps import corpus_steps
from analysis.terms.tokens import filter_tokens

SEEDS = sorted(SEEDS_DIR.glob("*.txt"))[:2]


@pytest.fixture(autouse=True)
def _cache_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's cache in its own folder, so the entries it writes can be counted."""
    from analysis.common.paths import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def _same(a: IndexedTerms, b: IndexedTerms) -> None:
    assert a.counted.terms.tolist() == b.counted.terms.tolist()
    assert (a.counted.matrix != b.counted.matrix).nnz == 0
    assert a.counted.matrix.dtype == b.counted.matrix.dtype == np.int64
    assert a.index["doc_id"].tolist() == b.index["doc_id"].tolist()
    assert a.index["para_id"].tolist() == b.index["para_id"].tolist()


def test_corpus_terms_built_and_read_back_equal_the_filtered_tokens(tmp_path: Path) -> None:
    steps = corpus_steps(SEEDS, sections=("body",), warn=False)
    expected = index_terms(filter_tokens(steps.tokens))
    built = corpus_terms(SEEDS, warn=False)
    entries = list((tmp_path / "cache").glob(f"v*/{TERMS_LAYER}/*/*.npz"))
    assert len(entries) == 1
    read = corpus_terms(SEEDS, warn=False)
    for got in (built, read):
        _same(got.terms, expected)
        assert "text" not in got.corpus.columns
        assert got.corpus["doc_id"].tolist() == steps.corpus["doc_id"].tolist()
        assert (
            got.corpus.dtypes.to_dict()
            == steps.corpus.drop(columns=["text", "original"]).dtypes.to_dict()
        )
    assert read.corpus.equals(built.corpus)
    assert len(read.terms.index) == len(steps.tokens) == len(expected.index)


def test_corpus_terms_without_the_cache_writes_nothing(tmp_path: Path) -> None:
    got = corpus_terms(SEEDS[:1], cache=False, warn=False)
    assert not list((tmp_path / "cache").glob(f"v*/{TERMS_LAYER}"))
    assert got.terms.counted.matrix.shape[0] == len(got.terms.index) > 0


def test_another_file_set_is_another_entry(tmp_path: Path) -> None:
    corpus_terms(SEEDS[:1], warn=False)
    corpus_terms(SEEDS, warn=False)
    assert len(list((tmp_path / "cache").glob(f"v*/{TERMS_LAYER}/*/*.npz"))) == 2


def test_dropping_policy_verb_columns_equals_filtering_them_from_the_tokens() -> None:
    tokens = corpus_steps(SEEDS, sections=("body",), warn=False).tokens
    by_matrix = index_terms(filter_tokens(tokens)).without(stopwords("policy_verbs"))
    by_tokens = index_terms(filter_tokens(tokens, policy_verbs=True))
    _same(by_matrix, by_tokens)
    assert len(by_matrix.counted.terms) < len(index_terms(filter_tokens(tokens)).counted.terms)


def test_topics_from_the_matrix_are_those_from_the_tokens() -> None:
    tokens = filter_tokens(corpus_steps(SEEDS, sections=("body",), warn=False).tokens)
    from_tokens = prepare_topics(tokens, no_below=2)
    from_matrix = prepare_topics(index_terms(tokens), no_below=2)
    assert from_matrix.vocab.tolist() == from_tokens.vocab.tolist()
    assert (from_matrix.matrix != from_tokens.matrix).nnz == 0
    assert from_matrix.index.equals(from_tokens.index)
    assert from_matrix.tokens == [] and len(from_tokens.tokens) == from_tokens.matrix.shape[0]
    a = TopicModel(4, iterations=20).fit(from_tokens)
    b = TopicModel(4, iterations=20).fit(from_matrix)
    assert np.array_equal(a.topic_word_, b.topic_word_)
    with pytest.raises(ValueError, match="coherence reads each paragraph's words in order"):
        topic_coherence([b], from_matrix, measures=("c_npmi",))


def test_word_lists_are_each_rows_words() -> None:
    tokens = filter_tokens(corpus_steps(SEEDS[:1], sections=("body",), warn=False).tokens)
    prepared = prepare_topics(tokens, no_below=2)
    lists = list(prepared.word_lists())
    assert len(lists) == prepared.matrix.shape[0]
    assert lists == [prepared.words(r) for r in range(prepared.matrix.shape[0])]


def _arrays() -> dict[str, np.ndarray]:
    names = ("indptr", "indices", "data", "terms", "ends", "rows", "para_id", "meta")
    return {n: np.arange(3, dtype=np.int64) for n in names}


def test_arrays_round_trip_and_damage_is_a_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    cache = Cache(tmp_path)
    cache.put_arrays(TERMS_LAYER, "ab12", _arrays())
    path = cache.path(TERMS_LAYER, "ab12").with_suffix(".npz")
    assert path.stat().st_mode & 0o777 == 0o644
    got = cache.get_arrays(TERMS_LAYER, "ab12")
    assert sorted(got) == sorted(_arrays()) and got["rows"].tolist() == [0, 1, 2]
    assert cache.get_arrays(TERMS_LAYER, "cd34") is None
    path.write_bytes(path.read_bytes()[:100])  # truncated
    assert cache.get_arrays(TERMS_LAYER, "ab12") is None
    err = capsys.readouterr().err
    assert err.startswith(f"warning: cache entry {path} ignored: it is not a readable array file")
    assert not path.exists()


def test_an_entry_holding_objects_or_of_another_key_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    cache = Cache(tmp_path)
    cache.put_arrays(TERMS_LAYER, "ab12", {**_arrays(), "rows": np.array([object()], dtype=object)})
    assert cache.get_arrays(TERMS_LAYER, "ab12") is None  # pickled objects are never loaded
    assert "not a readable array file" in capsys.readouterr().err
    cache.put_arrays(TERMS_LAYER, "ab12", _arrays())
    path = cache.path(TERMS_LAYER, "ab12").with_suffix(".npz")
    other = cache.path(TERMS_LAYER, "ef56").with_suffix(".npz")
    other.parent.mkdir(parents=True, exist_ok=True)
    other.write_bytes(path.read_bytes())
    assert cache.get_arrays(TERMS_LAYER, "ef56") is None
    assert "it belongs to another entry" in capsys.readouterr().err
    cache.put_arrays(TERMS_LAYER, "ab12", {**_arrays(), "extra": np.zeros(1)})
    assert cache.get_arrays(TERMS_LAYER, "ab12") is None
    assert f"it does not hold {TERMS_LAYER} data of this version" in capsys.readouterr().err
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("rows.npy", pickle.dumps([1, 2]))
    assert cache.get_arrays(TERMS_LAYER, "ab12") is None


def test_unwritable_cache_names_the_entry(tmp_path: Path) -> None:
    (tmp_path / "v2").write_text("not a folder")
    with pytest.raises(CacheError, match="cannot write to the cache"):
        Cache(tmp_path).put_arrays(TERMS_LAYER, "ab12", _arrays())


def test_paragraph_terms_kept_type() -> None:
    counted = paragraph_terms([["甲", "乙"], ["乙"]])
    assert isinstance(counted, ParagraphTerms)
    dropped = IndexedTerms(index_terms_frame(), counted).without(["乙"])
    assert dropped.counted.terms.tolist() == ["甲"]
    assert dropped.counted.matrix.toarray().tolist() == [[1], [0]]


def index_terms_frame():
    import pandas as pd

    return pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 1]})


@pytest.mark.parametrize(
    "switches", [{}, {"policy_verbs": True}, {"fragments": False, "numbers": False}]
)
def test_filtered_terms_equal_filtering_then_counting(switches: dict[str, bool]) -> None:
    tokens = corpus_steps(SEEDS, sections=("body",), warn=False).tokens
    _same(filtered_terms(tokens, **switches), index_terms(filter_tokens(tokens, **switches)))


def test_filtered_terms_of_joined_lines_equal_those_of_lists() -> None:
    lists = corpus_steps(SEEDS, sections=("body",), warn=False).tokens
    joined = corpus_steps(SEEDS, sections=("body",), warn=False, joined=True).tokens
    assert (joined["tokens"] == "").sum() == (lists["tokens"].map(len) == 0).sum()
    _same(filtered_terms(joined), filtered_terms(lists))


def test_filtered_terms_the_same_in_small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.measure.bow as bow

    joined = corpus_steps(SEEDS, sections=("body",), warn=False, joined=True).tokens
    whole = filtered_terms(joined)
    monkeypatch.setattr(bow, "FACTORIZE_CHUNK", 7)
    _same(filtered_terms(joined), whole)
    assert len(joined) > 7 * 3


def test_arrays_that_do_not_fit_together_are_rebuilt_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    built = corpus_terms(SEEDS[:1], warn=False)
    (entry,) = (tmp_path / "cache").glob(f"v*/{TERMS_LAYER}/*/*.npz")
    key = entry.stem
    cache = Cache(tmp_path / "cache")
    arrays = cache.get_arrays(TERMS_LAYER, key)
    arrays["ends"] = arrays["ends"] + 5  # terms run past their bytes
    cache.put_arrays(TERMS_LAYER, key, arrays)
    capsys.readouterr()
    again = corpus_terms(SEEDS[:1], warn=False)
    err = capsys.readouterr().err
    assert f"warning: cache entry {entry} ignored: its arrays do not fit together" in err
    _same(again.terms, built.terms)
    assert cache.get_arrays(TERMS_LAYER, key) is not None  # written again
