"""Segmenting a corpus's paragraphs: in worker processes, cached per report.

The tokens of one paragraph are the tokenizer's (:mod:`analysis.terms`); this module runs the
segmentation over many reports, in parallel through :mod:`analysis.run.pool`, and keeps each
report's tokens in the cache under a key of exactly what they depend on.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.run.cache import Cache
from analysis.run.keys import code_fingerprint
from analysis.run.pool import even_runs, process_pool, processes
from analysis.terms.dictionary import Tokenizer
from analysis.terms.tokens import TOKEN_COLUMNS, cut_paragraphs

if TYPE_CHECKING:  # segmentation workers import this module: pandas is loaded where used
    import pandas as pd

__all__ = [
    "PARALLEL_MIN_CHARS",
    "SEGMENTS_LAYER",
    "read_segments",
    "segment_batch",
    "segment_reports",
    "segmentation_key",
    "tokenize",
]

#: Cache layer holding each report's segmented paragraphs.
SEGMENTS_LAYER = "segments"


#: Below this many characters to segment, worker processes cost more than they save.
PARALLEL_MIN_CHARS = 400_000


#: Joins a paragraph's tokens for transfer and storage (paragraphs are single lines).
_SEP = "\n"


def segmentation_key(texts: Sequence[str], tokenizer: Tokenizer, *, code: str = "") -> str:
    """Return the cache key of one report's segmentation.

    The tokens of a text depend only on the text, the engine and HMM switch, and the domain
    words that occur in it (words are joined on the engine's token boundaries and never
    added to the engine), so the key holds exactly those: adding a report whose new words
    do not occur in this one leaves this key unchanged.

    Parameters
    ----------
    texts : sequence of str
        The report's paragraphs, in order.
    tokenizer : Tokenizer
        The tokenizer.
    code : str
        :func:`analysis.run.keys.code_fingerprint` (the package's code and word lists).

    Returns
    -------
    str
        A hex digest.
    """
    return _key(texts, [tokenizer.prepare(t) for t in texts], tokenizer, code)


def _key(
    texts: Sequence[str],
    prepared: Sequence[tuple[str, list[tuple[int, int]]]],
    tokenizer: Tokenizer,
    code: str,
) -> str:
    """:func:`segmentation_key` from the texts' :meth:`Tokenizer.prepare` results."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{code}|{tokenizer.settings_key()}".encode())
    words = sorted({folded[s:e] for folded, spans in prepared for s, e in spans})
    for word in words:
        digest.update(b"\x01" + word.encode("utf-8"))
    for text in texts:
        digest.update(b"\x00" + text.encode("utf-8"))
    return digest.hexdigest()


def segment_batch(
    tokenizer: Tokenizer,
    reports: list[tuple[str, list[str]]],
    root: Path | None,
    code: str,
    joined: bool = False,
) -> list[tuple[str, str, Any]]:
    """Each report's key and tokens, read from the cache or segmented and stored (one joined
    line per paragraph): the work of one segmentation worker. Each paragraph is searched
    for domain words once, for both its key and its joins.

    Parameters
    ----------
    tokenizer : Tokenizer
        The tokenizer.
    reports : list of (str, list of str)
        ``doc_id`` and paragraphs of each report.
    root : Path or None
        The cache folder (None: no cache).
    code : str
        :func:`analysis.run.keys.code_fingerprint` (empty without a cache).
    joined : bool
        Give each paragraph's tokens as one string, separated by spaces (what
        ``tokenize`` prints), instead of a list.

    Returns
    -------
    list of (str, str, list)
        ``doc_id``, segmentation key and each paragraph's tokens: a list of str (one
        string object per distinct token, so that a batch sent back from a worker process
        carries each token once), or with ``joined`` a str.
    """
    cache = Cache(root) if root is not None else None
    out = []
    for doc, texts in reports:
        prepared = [tokenizer.prepare(t) for t in texts]
        key = _key(texts, prepared, tokenizer, code)
        lines = cache.get(SEGMENTS_LAYER, key) if cache is not None else None
        if _valid_lines(lines, len(texts)):
            out.append((doc, key, _spaced(lines) if joined else _split_lines(lines)))
            continue
        tokens = cut_paragraphs(tokenizer, prepared)
        lines = [_SEP.join(t) for t in tokens]
        if cache is not None:
            cache.put(SEGMENTS_LAYER, key, lines)
        out.append((doc, key, _spaced(lines) if joined else _interned(tokens)))
    return out


def _valid_lines(lines: object, n: int) -> bool:
    """Whether a cached value is a report's segmentation as this version stores it."""
    return isinstance(lines, list) and len(lines) == n and all(isinstance(x, str) for x in lines)


def _interned(tokens: Iterable[list[str]]) -> list[list[str]]:
    """Token lists with one string object per distinct token (sent or kept once)."""
    intern = sys.intern
    return [list(map(intern, t)) for t in tokens]


def _split_lines(lines: list[str]) -> list[list[str]]:
    """Joined lines back to token lists, one string object per distinct token."""
    return _interned(line.split(_SEP) if line else [] for line in lines)


def _spaced(lines: list[str]) -> list[str]:
    """Joined lines with their tokens separated by spaces."""
    return [line.replace(_SEP, " ") for line in lines]


def _workers(n_jobs: int, chars: int) -> int:
    """Worker processes for ``chars`` characters of text (1: stay in this process)."""
    return 1 if chars < PARALLEL_MIN_CHARS else processes(n_jobs)


def read_segments(cache: Cache, key: str, *, joined: bool = False) -> list[Any] | None:
    """Return a report's cached tokens (stored one joined string per paragraph), or None.

    Parameters
    ----------
    cache : Cache
        The cache.
    key : str
        The report's :func:`segmentation_key`.
    joined : bool
        Give each paragraph's tokens as one string, separated by spaces.

    Returns
    -------
    list of list of str, list of str, or None
        Each paragraph's tokens (one string object per distinct token, as a fresh
        segmentation gives), or with ``joined`` each paragraph's line.
    """
    lines = cache.get(SEGMENTS_LAYER, key)
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        return None  # not written by this version: a miss
    return _spaced(lines) if joined else _split_lines(lines)


def segment_reports(
    reports: dict[str, list[str]],
    tokenizer: Tokenizer,
    *,
    n_jobs: int = 1,
    cache: Cache | None = None,
    joined: bool = False,
) -> dict[str, tuple[str, list[Any]]]:
    """Segment reports, reading and writing each report's tokens in the cache.

    Whole reports go to worker processes, which key, look up, segment and store them, so
    that the parent only puts the tokens together.

    Parameters
    ----------
    reports : dict of str to list of str
        Each report's paragraphs, by ``doc_id``.
    tokenizer : Tokenizer
        The tokenizer.
    n_jobs : int
        Worker processes (-1: one per core); the tokens are the same whatever the number.
    cache : Cache, optional
        Where each report's tokens are kept, under :func:`segmentation_key`.
    joined : bool
        Give each paragraph's tokens as one string, separated by spaces.

    Returns
    -------
    dict of str to (str, list)
        By ``doc_id``: the segmentation key and each paragraph's tokens (a list of str,
        or with ``joined`` a str).
    """
    code = code_fingerprint() if cache is not None else ""
    root = cache.root if cache is not None else None
    items = list(reports.items())
    sizes = [sum(map(len, texts)) for _, texts in items]
    workers = min(len(items), _workers(n_jobs, sum(sizes)))
    if workers <= 1:
        batches = [segment_batch(tokenizer, items, root, code, joined)]
    else:
        runs = [[items[i] for i in run] for run in even_runs(sizes, workers)]
        n = len(runs)
        with process_pool(n, preload=("analysis.run.segment", "ahocorasick")) as pool:
            batches = list(
                pool.map(segment_batch, [tokenizer] * n, runs, [root] * n, [code] * n, [joined] * n)
            )
    return {doc: (key, tokens) for batch in batches for doc, key, tokens in batch}


def tokenize(
    paragraphs: pd.DataFrame,
    tokenizer: Tokenizer,
    *,
    n_jobs: int = 1,
    cache: Cache | None = None,
) -> pd.DataFrame:
    """Segment paragraphs with the domain tokenizer, in parallel and cached per report.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        Rows with ``doc_id``, ``para_id``, ``text`` (and optionally ``section``).
    tokenizer : Tokenizer
        From :func:`analysis.terms.dictionary.build_tokenizer`.
    n_jobs : int
        Worker processes; 1 (default) stays in this process, -1 uses every core.
    cache : Cache, optional
        Read and write each report's tokens (keyed by :func:`segmentation_key`).

    Returns
    -------
    pandas.DataFrame
        One row per paragraph with ``doc_id``, ``para_id``, ``section`` and ``tokens``
        (list of str; punctuation included, white space dropped).
    """
    doc_ids = paragraphs["doc_id"].tolist()
    reports: dict[str, list[str]] = {}
    for doc, text in zip(doc_ids, paragraphs["text"].tolist(), strict=True):
        reports.setdefault(doc, []).append(text)
    done = segment_reports(reports, tokenizer, n_jobs=n_jobs, cache=cache)
    position = dict.fromkeys(reports, 0)
    tokens = []
    for doc in doc_ids:
        tokens.append(done[doc][1][position[doc]])
        position[doc] += 1
    sections = (
        paragraphs["section"].tolist() if "section" in paragraphs else ["body"] * len(doc_ids)
    )
    import pandas as pd

    return pd.DataFrame(
        {
            "doc_id": doc_ids,
            "para_id": paragraphs["para_id"].tolist(),
            "section": sections,
            "tokens": tokens,
        },
        columns=TOKEN_COLUMNS,
    )
