"""The filtered paragraph × term matrix of a corpus, built once and kept in the cache as arrays.

    terms = corpus_terms("reports/")        # corpus metadata + the matrix keywords and topics read
    counts = count_terms(terms.terms, by="year", corpus=terms.corpus)

``keywords`` and ``topics`` both start from the body paragraphs' tokens, filtered as
:func:`analysis.filter_tokens` does by default, counted into one matrix
(:func:`analysis.measure.bow.index_terms`). The first of them on a corpus builds it (every
step up to the tokens, from the per-file cache) and stores it in the ``terms`` layer; the
next reads the arrays back, a fraction of a second instead of loading every report's
paragraphs and tokens again. ``topics`` drops the policy verbs from the columns, which gives
what dropping them from the tokens gives.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.common import __version__
from analysis.measure.bow import IndexedTerms, ParagraphTerms, filtered_terms
from analysis.run.cache import Cache, hash_parts, plain_json
from analysis.run.keys import Keys, code_fingerprint, report_keys
from analysis.run.steps import Source, corpus_files, corpus_steps, open_cache

__all__ = ["TERMS_LAYER", "CorpusTerms", "corpus_terms"]

#: Cache layer of a corpus's matrix (:meth:`analysis.run.cache.Cache.put_arrays`).
TERMS_LAYER = "terms"
#: Corpus columns the matrix entry leaves out (the reports' text; their metadata is kept).
TEXT_COLUMNS = ("text", "original")


@dataclass(frozen=True)
class CorpusTerms:
    """What :func:`corpus_terms` returns.

    Attributes
    ----------
    corpus : pandas.DataFrame
        :func:`analysis.read_corpus`'s columns but ``text`` and ``original``, one row per
        report.
    terms : IndexedTerms
        The body paragraphs' filtered terms: ``index`` (``doc_id``, ``para_id``) and
        ``counted`` (paragraphs × terms).
    """

    corpus: pd.DataFrame
    terms: IndexedTerms = field(repr=False)


def _key(files: list[Path], engine: str, hmm: bool, keys: Mapping[Path, str]) -> str:
    """The matrix's key: every file's extraction key (bytes, name, catalog, code), the engine."""
    return hash_parts(TERMS_LAYER, __version__, engine, str(hmm), *(keys[p] for p in files))


def _to_arrays(done: CorpusTerms) -> dict[str, np.ndarray]:
    """The entry's arrays: the CSR matrix, the terms as UTF-8 bytes and their ends, each
    row's report (position in the corpus) and paragraph, and the corpus as JSON bytes."""
    matrix = done.terms.counted.matrix
    encoded = [t.encode("utf-8") for t in done.terms.counted.terms.tolist()]
    docs = {d: i for i, d in enumerate(done.corpus["doc_id"].tolist())}
    index = done.terms.index
    corpus = {
        "columns": {c: done.corpus[c].tolist() for c in done.corpus.columns},
        "dtypes": {c: str(t) for c, t in done.corpus.dtypes.items()},
    }
    return {
        "indptr": matrix.indptr.astype(np.int64),
        "indices": matrix.indices.astype(np.int32),
        "data": matrix.data.astype(np.int32),  # uses of a term in one paragraph
        "terms": np.frombuffer(b"".join(encoded), dtype=np.uint8),
        "ends": np.cumsum([len(b) for b in encoded], dtype=np.int64),
        "rows": np.array([docs[d] for d in index["doc_id"].tolist()], dtype=np.int64),
        "para_id": index["para_id"].to_numpy(dtype=np.int64),
        "meta": np.frombuffer(plain_json({"corpus": corpus}).encode("utf-8"), dtype=np.uint8),
    }


def _from_arrays(arrays: dict[str, Any]) -> CorpusTerms | None:
    """The matrix and corpus back from the arrays (None when they do not fit together)."""
    from scipy.sparse import csr_matrix

    try:
        meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
        columns, dtypes = meta["corpus"]["columns"], meta["corpus"]["dtypes"]
        corpus = pd.DataFrame(columns, columns=list(columns)).astype(dtypes)
        data, ends = arrays["terms"].tobytes(), arrays["ends"].tolist()
        if (ends[-1] if ends else 0) != len(data) or len(arrays["para_id"]) != len(arrays["rows"]):
            raise ValueError("the arrays' lengths disagree")
        terms = [data[a:b].decode("utf-8") for a, b in zip([0, *ends[:-1]], ends, strict=True)]
        if any(a >= b for a, b in itertools.pairwise(terms)):
            raise ValueError("the terms are not distinct and sorted")
        shape = (len(arrays["rows"]), len(terms))
        parts = (arrays["data"].astype(np.int64), arrays["indices"], arrays["indptr"])
        matrix = csr_matrix(parts, shape=shape)
        matrix.check_format(full_check=True)
        doc_ids = corpus["doc_id"].to_numpy()[arrays["rows"]]
    except (ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError):
        return None
    index = pd.DataFrame({"doc_id": doc_ids, "para_id": arrays["para_id"]})
    counted = ParagraphTerms(matrix=matrix, terms=np.array(terms, dtype=object))
    return CorpusTerms(corpus=corpus, terms=IndexedTerms(index, counted))


def _built(files: list[Path], **steps: Any) -> CorpusTerms:
    """Every step up to the body's tokens (from the per-file cache), filtered and counted."""
    done = corpus_steps(files, sections=("body",), joined=True, **steps)  # no token lists
    terms = filtered_terms(done.tokens)
    return CorpusTerms(corpus=done.corpus.drop(columns=list(TEXT_COLUMNS)), terms=terms)


def corpus_terms(
    source: Source = None,
    *,
    engine: str = "rjieba",
    hmm: bool = True,
    n_jobs: int = 1,
    cache: bool = True,
    warn: bool = True,
    keys: Keys = None,
) -> CorpusTerms:
    """The corpus's metadata and its body paragraphs' filtered paragraph × term matrix.

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder of ``.txt`` files, a list of files, or None for the seeds.
    engine : {"rjieba", "jieba"}
        Segmentation engine.
    hmm : bool
        Let the engine's HMM join unknown characters into words.
    n_jobs : int
        Worker processes for the steps up to the tokens (-1: every core); the result is the
        same whatever the number.
    cache : bool
        Read the matrix from the cache, or build it (from the per-file cache) and store it.
    warn : bool
        Let glossary extraction warn (when the matrix is built).
    keys : mapping of Path to str, optional
        The files' :func:`analysis.run.keys.report_keys`, when the caller has them (each
        file is then read once a run, however many steps key it).

    Returns
    -------
    CorpusTerms
        ``corpus`` (metadata columns, one row per report) and ``terms`` (``index``:
        ``doc_id``, ``para_id``; ``counted``: the matrix and its sorted terms).
    """
    files = corpus_files(source)
    store: Cache | None = open_cache(cache)
    if store is not None and keys is None:
        keys = report_keys(files, code_fingerprint())
    key = _key(files, engine, hmm, keys) if keys is not None else ""
    arrays = store.get_arrays(TERMS_LAYER, key) if store is not None else None
    done = _from_arrays(arrays) if arrays is not None else None
    if done is not None:
        return done
    if store is not None and arrays is not None:  # readable arrays that do not fit together
        store.discard_arrays(TERMS_LAYER, key, "its arrays do not fit together")
    done = _built(files, engine=engine, hmm=hmm, n_jobs=n_jobs, cache=cache, warn=warn, keys=keys)
    if store is not None:
        store.put_arrays(TERMS_LAYER, key, _to_arrays(done))
    return done
