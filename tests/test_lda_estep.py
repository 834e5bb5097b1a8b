"""The E-step in pieces: gensim's numbers per document, one model whatever the processes."""

from __future__ import annotations

import itertools
import json
import os
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis import lda_estep
from analysis.counts import TopicCorpus
from analysis.lda_estep import (
    EstepInput,
    EstepPool,
    csr_corpus,
    estep_piece,
    gensim_kernels,
    piece_bounds,
)
from analysis.topic_model import TopicModel, _whole

N_DOCS, N_TERMS = 300, 50


def _bow(n_docs: int, seed: int = 7) -> list[list[tuple[int, int]]]:
    """Documents of 3 to 25 distinct terms, counts 1 to 4, terms drawn unevenly."""
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.full(N_TERMS, 0.3))
    bow = []
    for _ in range(n_docs):
        size = int(rng.integers(3, 26))
        ids = np.sort(rng.choice(N_TERMS, size=size, replace=False, p=weights))
        bow.append([(int(i), int(rng.integers(1, 5))) for i in ids])
    return bow


def _prepared(bow: list[list[tuple[int, int]]]) -> TopicCorpus:
    from gensim.corpora import Dictionary

    words = [[f"w{i}" for i in range(N_TERMS)]]
    texts = [[f"w{i}" for i, c in doc for _ in range(c)] for doc in bow]
    index = pd.DataFrame({"doc_id": "a", "para_id": range(len(bow))})
    return TopicCorpus(dictionary=Dictionary(words), bow=bow, texts=texts, index=index)


@pytest.fixture(scope="module")
def bow() -> list[list[tuple[int, int]]]:
    return _bow(N_DOCS)


@pytest.fixture
def no_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers even for the small test corpus."""
    monkeypatch.setattr(lda_estep, "MIN_PARALLEL_NONZEROS", 0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_csr_corpus_and_piece_bounds() -> None:
    csr = csr_corpus([[(0, 2), (3, 1)], [], [(1, 5)]], np.float32)
    assert csr.indptr.tolist() == [0, 2, 2, 3]
    assert csr.indptr.dtype == np.int64
    assert csr.ids.tolist() == [0, 3, 1]
    assert csr.ids.dtype == np.int32
    assert csr.counts.tolist() == [2.0, 1.0, 5.0]
    assert csr.counts.dtype == np.float32
    assert csr.n_docs == 3
    rows = csr.rows(1, 3)
    assert (rows.indptr.tolist(), rows.ids.tolist()) == ([0, 0, 1], [1])
    # four documents of one entry: work 101 each (DOC_WEIGHT 100 + 1 entry)
    indptr = np.arange(5, dtype=np.int64)
    assert lda_estep.DOC_WEIGHT == 100
    assert piece_bounds(indptr, 2) == [0, 2, 4]
    assert piece_bounds(indptr, 4) == [0, 1, 2, 3, 4]
    assert piece_bounds(indptr, 6) == [0, 1, 2, 2, 3, 4, 4]  # more pieces than documents
    assert piece_bounds(np.zeros(1, dtype=np.int64), 3) == [0, 0, 0, 0]


def test_csr_corpus_in_blocks_is_the_bag_of_words(
    bow: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lda_estep, "_CSR_BLOCK", 7)
    csr = csr_corpus(bow, np.float32)
    bounds = csr.indptr.tolist()
    back = [
        list(zip(csr.ids[a:b].tolist(), map(int, csr.counts[a:b]), strict=True))
        for a, b in itertools.pairwise(bounds)
    ]
    assert back == bow


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_pieces_give_gensims_inference(bow: list, dtype: type) -> None:
    from gensim.models import LdaModel

    lda = LdaModel(
        corpus=bow,
        id2word={i: f"w{i}" for i in range(N_TERMS)},
        num_topics=4,
        random_state=3,
        passes=2,
        alpha="symmetric",
        eval_every=None,
        chunksize=len(bow),
        dtype=dtype,
    )
    state = lda.random_state.get_state()
    gamma_ref, sstats_ref = lda.inference(bow, collect_sstats=True)
    lda.random_state.set_state(state)
    gamma = lda.random_state.gamma(100.0, 1.0 / 100.0, (len(bow), 4)).astype(dtype)
    step = EstepInput(lda.expElogbeta, lda.alpha, lda.iterations, lda.gamma_threshold)
    csr = csr_corpus(bow, dtype)
    bounds = piece_bounds(csr.indptr, 5)
    kernels = gensim_kernels()
    total = np.zeros_like(lda.expElogbeta)
    for a, b in itertools.pairwise(bounds):
        piece_gamma, sstats = estep_piece(csr.rows(a, b), gamma[a:b], step, kernels)
        assert piece_gamma.dtype == dtype and sstats.dtype == dtype
        total += sstats
    total *= lda.expElogbeta
    assert np.array_equal(gamma, gamma_ref)  # bit for bit
    rtol = 1e-6 if dtype == np.float64 else 1e-4  # only the summation order differs
    np.testing.assert_allclose(total, sstats_ref, rtol=rtol)


_ALONE = """
import json, sys
import numpy as np
from analysis.lda_estep import gensim_kernels
k = gensim_kernels(alone=True)
x = np.array([[0.5, 1.5, 2.25], [3.0, 0.125, 7.5]], dtype=np.float32)
print(json.dumps({
    "gensim": "gensim" in sys.modules, "scipy": "scipy" in sys.modules,
    "de": k.dirichlet_expectation(x).tobytes().hex(),
    "mad": float(k.mean_absolute_difference(x[0], x[1])),
}))
"""


def test_a_worker_gets_gensims_functions_without_the_gensim_package() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _ALONE], capture_output=True, text=True, check=True
    )
    alone = json.loads(done.stdout)
    assert (alone["gensim"], alone["scipy"]) == (False, False)
    ours = gensim_kernels()
    x = np.array([[0.5, 1.5, 2.25], [3.0, 0.125, 7.5]], dtype=np.float32)
    assert alone["de"] == ours.dirichlet_expectation(x).tobytes().hex()
    assert alone["mad"] == float(ours.mean_absolute_difference(x[0], x[1]))


def test_n_jobs_does_not_change_the_model(bow: list, no_threshold: None) -> None:
    from gensim.models import LdaModel

    prepared = _prepared(bow)
    fits = {n: TopicModel(4, n_jobs=n, passes=3).fit(prepared) for n in (1, 2, 3)}
    assert {n: m.estep_processes_ for n, m in fits.items()} == {1: 1, 2: 2, 3: 3}
    for m in fits.values():
        assert np.array_equal(m.topic_word_, fits[1].topic_word_)
        assert np.array_equal(m.doc_topic_, fits[1].doc_topic_)
        assert type(m.model_) is LdaModel
        assert pickle.loads(pickle.dumps(m.model_)).num_topics == 4
    assert fits[1].doc_topic_.shape == (N_DOCS, 4)
    np.testing.assert_allclose(fits[1].doc_topic_.sum(axis=1), 1.0, rtol=1e-6)


def test_same_seed_same_model_other_seed_not(bow: list, no_threshold: None) -> None:
    prepared = _prepared(bow)
    first, again = (TopicModel(3, n_jobs=2, passes=2).fit(prepared) for _ in range(2))
    assert np.array_equal(first.topic_word_, again.topic_word_)
    assert np.array_equal(first.doc_topic_, again.doc_topic_)
    other = TopicModel(3, passes=2, random_state=1).fit(prepared)
    assert not np.array_equal(first.topic_word_, other.topic_word_)


def test_another_piece_count_still_fits(
    bow: list, no_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lda_estep, "ESTEP_PIECES", 5)
    model = TopicModel(3, n_jobs=2, passes=2).fit(_prepared(bow))
    assert model.estep_processes_ == 2
    assert np.isfinite(model.topic_word_).all()
    np.testing.assert_allclose(model.topic_word_.sum(axis=1), 1.0, rtol=1e-5)


def test_small_corpus_stays_in_process() -> None:
    small = _bow(3, seed=1)  # fewer documents than pieces: some pieces are empty
    model = TopicModel(2, n_jobs=-1, passes=2).fit(_prepared(small))
    assert model.estep_processes_ == 1
    assert model.doc_topic_.shape == (3, 2)
    np.testing.assert_allclose(model.doc_topic_.sum(axis=1), 1.0, rtol=1e-6)


def test_empty_corpus_gives_zero_statistics() -> None:
    empty = csr_corpus([], np.float32)
    step = EstepInput(np.ones((2, 4), np.float32), np.full(2, 0.5, np.float32), 10, 1e-3)
    with EstepPool(empty, n_jobs=2) as pool:
        assert pool.processes == 1
        gamma = np.ones((0, 2), np.float32)
        assert np.array_equal(pool.run(gamma, step), np.zeros((2, 4), np.float32))


def test_workers_stop_on_exit_and_on_error(bow: list, no_threshold: None) -> None:
    csr = csr_corpus(bow, np.float32)
    with EstepPool(csr, n_jobs=2) as pool:
        pids = pool.pids
        assert len(pids) == 1 and _alive(pids[0])
    assert not _alive(pids[0]) and pool.pids == []
    bad = EstepInput(np.ones((2, 3), np.float32), np.ones(2, np.float32), 5, 1e-3)  # 3 terms
    with pytest.raises(IndexError), EstepPool(csr, n_jobs=2) as pool:
        pids = pool.pids
        pool.run(np.ones((len(bow), 2), np.float32), bad)
    assert not _alive(pids[0])


def test_a_failing_worker_is_reported(bow: list, no_threshold: None) -> None:
    # the first 200 documents (this process's pieces and more) use terms 0-2 only
    mixed = [[(j, c) for j, (_, c) in enumerate(doc[:3])] for doc in bow[:200]] + bow[200:]
    bad = EstepInput(np.ones((2, 3), np.float32), np.ones(2, np.float32), 5, 1e-3)  # 3 terms
    pool = EstepPool(csr_corpus(mixed, np.float32), n_jobs=2)
    assert pool.bounds[6] <= 200
    with pytest.raises(RuntimeError, match="worker failed") as raised, pool:
        pids = pool.pids
        pool.run(np.ones((len(mixed), 2), np.float32), bad)
    assert isinstance(raised.value.__cause__, IndexError)
    assert not _alive(pids[0])


def test_only_the_whole_corpus_in_order_is_computed_in_pieces(bow: list) -> None:
    assert _whole(bow, bow)
    assert _whole(list(bow), bow)
    assert not _whole(bow[:5], bow)
    assert not _whole([list(doc) for doc in bow], bow)
    assert not _whole(iter(bow), bow)
    assert _whole([], [])
