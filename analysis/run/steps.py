"""The steps composed, with the per-file cache: what the command line and notebooks call.

    steps = corpus_steps("seeds/")              # corpus, paragraphs, glossary, slogans, tokens
    steps.tokens                                # one row per paragraph

Each report file is read and extracted once (corpus row, paragraphs, glossary entries, slogan
set), and segmented once per set of domain words that occur in it; a re-run hashes the
files' bytes and reads everything else from the cache (see :mod:`analysis.run.cache`).
"""

from __future__ import annotations

import contextlib
import itertools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.common.paths import SEEDS_DIR, cache_dir
from analysis.read.corpus import CorpusError, check_report_path, read_catalog, read_corpus
from analysis.run.cache import Cache, hash_parts
from analysis.run.clear import clear_cache
from analysis.run.extraction import (
    FRAMES,
    REPORTS_LAYER,
    ReportWorkers,
    extract_batch,
    stored_corpus,
    worker_count,
)
from analysis.run.keys import Keys, code_fingerprint, report_key, report_keys
from analysis.run.pool import process_pool, processes
from analysis.run.segment import read_segments, segment_reports
from analysis.terms.dictionary import Tokenizer, build_tokenizer, domain_dictionary
from analysis.terms.tokens import TOKEN_COLUMNS

if TYPE_CHECKING:
    from analysis.measure.topics import TopicResult

__all__ = [
    "CorpusSteps",
    "Extracted",
    "clear_cache",
    "corpus_files",
    "corpus_steps",
    "extract_steps",
    "load_corpus",
    "open_cache",
    "report_key",
    "run_topics",
]

#: Cache layer of each dictionary's pointers: file's cache key -> its segmentation key.
POINTERS_LAYER = "dictionary"
#: Paragraph sections segmented by default (boilerplate is not report text).
TOKEN_SECTIONS = ("body", "glossary", "appendix")

Source = str | Path | Sequence[str | Path] | None
_OWN_NAME = "give each report a file name of its own (reports are told apart by file name)"


@dataclass(frozen=True)
class Extracted:
    """The extraction steps for one corpus (no segmentation).

    Attributes
    ----------
    corpus : pandas.DataFrame
        :func:`analysis.read_corpus` columns, one row per report.
    paragraphs : pandas.DataFrame
        :func:`analysis.split_paragraphs` columns.
    glossary : pandas.DataFrame
        :func:`analysis.extract_glossary` columns (extracted per file, conflicts flagged
        across the corpus).
    slogans : pandas.DataFrame
        :func:`analysis.find_slogans` columns (found per file).
    keys : dict
        doc_id -> the cache key of its file.
    """

    corpus: pd.DataFrame
    paragraphs: pd.DataFrame
    glossary: pd.DataFrame
    slogans: pd.DataFrame
    keys: dict[str, str]


@dataclass(frozen=True)
class CorpusSteps:
    """The outputs of the steps for one corpus, each the next step's input.

    ``corpus``, ``paragraphs``, ``glossary`` and ``slogans`` are those of :class:`Extracted`;
    ``tokenizer`` is built from the glossary and slogans; ``tokens`` has ``doc_id``,
    ``para_id``, ``section``, ``tokens`` for the paragraphs of the sections asked for.
    """

    corpus: pd.DataFrame
    paragraphs: pd.DataFrame
    glossary: pd.DataFrame
    slogans: pd.DataFrame
    tokenizer: Tokenizer
    tokens: pd.DataFrame


def open_cache(enabled: bool = True) -> Cache | None:
    """Return the project's cache (:func:`analysis.common.paths.cache_dir`), or None when disabled.

    Parameters
    ----------
    enabled : bool
        False (``--no-cache``) gives None: nothing is read or written.

    Returns
    -------
    Cache or None
        The cache.

    Raises
    ------
    analysis.run.cache.CacheError
        When the cache folder cannot be written (before any work is done).
    """
    if not enabled:
        return None
    cache = Cache(cache_dir())
    cache.check_writable()
    return cache


def corpus_files(source: Source) -> list[Path]:
    """The report files of a folder (``*.txt``) or a list, sorted by name; bad names raise.

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder, a list of files, or None for the seeds.

    Returns
    -------
    list of Path
        The files, each folder's ``catalog.csv`` checked.
    """
    if source is None or isinstance(source, (str, Path)):
        folder = SEEDS_DIR if source is None else Path(source)
        if not folder.is_dir():
            raise CorpusError(f"{folder}: no such folder")
        files = sorted(folder.glob("*.txt"), key=lambda p: p.name)
        if not files:
            raise CorpusError(f"{folder}: contains no .txt files")
        return _checked(files)
    files = [Path(p) for p in source]
    for path in files:
        check_report_path(path)
    return _checked(sorted(files, key=lambda p: p.name))


def _checked(files: list[Path]) -> list[Path]:
    """The files, once no two share a name and each folder's ``catalog.csv`` is sound."""
    seen: dict[str, Path] = {}
    for path in (p for p in files if seen.setdefault(p.name, p) != p):
        raise CorpusError(f"{path}: has the same file name as {seen[path.name]}; {_OWN_NAME}")
    for folder in dict.fromkeys(p.parent for p in files):
        read_catalog(folder)
    return files


def _frame(parts: list[dict[str, Any]]) -> pd.DataFrame:
    """Concatenate stored column lists into one frame with the stored dtypes."""
    first = parts[0]
    chain = itertools.chain.from_iterable
    data = {c: list(chain(p["columns"][c] for p in parts)) for c in first["columns"]}
    frame = pd.DataFrame(data, columns=list(first["columns"]))
    dtypes = {c: t for p in parts for c, t in p["dtypes"].items() if t != "object"}
    return frame.astype(dtypes) if dtypes else frame


def _load_reports(
    files: list[Path],
    cache: Cache | None,
    warn: bool,
    n_jobs: int = 1,
    *,
    stack: contextlib.ExitStack | None = None,
    engine: tuple[str, bool] | None = None,
    known: Keys = None,
) -> tuple[list[str], list[dict[str, Any]], ReportWorkers | None]:
    """Each file's key (from ``known`` when given) and extracted frames, from the cache or
    extracted (and stored by the extraction itself), and the worker processes that
    extracted the new files when there were several: kept open on ``stack`` (to segment,
    with ``engine`` loaded), else closed."""
    code = code_fingerprint()  # editing a rule or word list is never answered from the cache
    known = known if known is not None else report_keys(files, code)
    keys = [known[p] for p in files]
    stored = [cache.get(REPORTS_LAYER, k) if cache else None for k in keys]
    missing = [p for p, s in zip(files, stored, strict=True) if s is None]
    todo = {p.name: k for p, k, s in zip(files, keys, stored, strict=True) if s is None}
    root = cache.root if cache else None
    sizes = [p.stat().st_size for p in missing]
    workers, n = None, worker_count(n_jobs, sizes)
    if n <= 1:
        fresh, messages = extract_batch(missing, warn, todo, root) if missing else ({}, [])
    else:
        workers = ReportWorkers(missing, n, warn=warn, keys=todo, root=root, engine=engine)
        with contextlib.ExitStack() as local:
            (local if stack is None else stack).enter_context(workers)
            fresh, messages = workers.extracted()
    reports: list[str] = []
    values: list[dict[str, Any]] = []
    for path, key, value in zip(files, keys, stored, strict=True):
        if value is None:
            value = fresh.get(path.name)
            if value is None:  # an empty or unreadable report, skipped with a warning
                continue
        reports.append(key)
        values.append({**value, "corpus": stored_corpus(value["corpus"])})  # its text once
    if not values:
        if len(files) == 1:
            read_corpus(files)  # raises the file's own one-sentence error
        raise CorpusError(f"none of the {len(files)} files is a readable report")
    for category, message in messages:  # given in this run's extraction (maybe by workers)
        warnings.warn(message, category, stacklevel=3)
    return reports, values, (workers if stack is not None else None)


def load_corpus(source: Source = None, *, cache: bool = True) -> pd.DataFrame:
    """Read a folder (or list) of reports into a corpus, each file read once (cached).

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder of ``.txt`` files, a list of files, or None for the seeds.
    cache : bool
        Use the cache (:func:`open_cache`).

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`analysis.read_corpus`, one row per report, sorted by file name.
    """
    _, values, _ = _load_reports(corpus_files(source), open_cache(cache), warn=True)
    return _frame([v["corpus"] for v in values])


def _tokens(
    keys: dict[str, str],
    paragraphs: pd.DataFrame,
    tokenizer: Tokenizer,
    *,
    n_jobs: int,
    cache: Cache | None,
    workers: ReportWorkers | None = None,
    joined: bool = False,
) -> pd.DataFrame:
    """Tokens of the paragraphs; a file whose (file, dictionary) pointer is cached is not read.
    New segmentation goes to ``workers`` when given (those that extracted the files). The
    pointers of one dictionary are one cache entry: one read and at most one write a run.
    With ``joined``, each paragraph's tokens are one string, separated by spaces."""
    reports: dict[str, list[str]] = {}
    for doc, text in zip(paragraphs["doc_id"].tolist(), paragraphs["text"].tolist(), strict=True):
        reports.setdefault(doc, []).append(text)
    table = hash_parts("pointers", tokenizer.dictionary_hash_)
    pointers = cache.get(POINTERS_LAYER, table) if cache is not None else None
    pointers = pointers if isinstance(pointers, dict) else {}
    found: dict[str, list[list[str]]] = {}
    for doc in reports if cache is not None else ():
        seg_key = pointers.get(keys[doc])
        value = read_segments(cache, seg_key, joined=joined) if seg_key else None
        if value is not None and len(value) == len(reports[doc]):
            found[doc] = value
    todo = {d: t for d, t in reports.items() if d not in found}
    if not todo:
        done = {}
    elif workers is not None:
        code = code_fingerprint() if cache is not None else ""
        done = workers.segment(todo, tokenizer, code, joined)
    else:
        done = segment_reports(todo, tokenizer, n_jobs=n_jobs, cache=cache, joined=joined)
    for doc, (seg_key, value) in done.items():
        found[doc] = value
        pointers[keys[doc]] = seg_key
    if cache is not None and done:
        cache.put(POINTERS_LAYER, table, pointers)
    frame = paragraphs[["doc_id", "para_id", "section"]].reset_index(drop=True)
    position = dict.fromkeys(reports, 0)
    column = []
    for doc in frame["doc_id"].tolist():
        column.append(found[doc][position[doc]])
        position[doc] += 1
    frame["tokens"] = column
    return frame[TOKEN_COLUMNS]


def extract_steps(
    source: Source = None,
    *,
    n_jobs: int = 1,
    cache: bool = True,
    warn: bool = True,
    keys: Keys = None,
) -> Extracted:
    """Read a corpus and run the extraction steps, each file once (cached).

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder of ``.txt`` files, a list of files, or None for the seeds.
    n_jobs : int
        Worker processes for extracting new files; -1 uses every core.
    cache : bool
        Read and write the per-file cache (``--no-cache`` turns it off).
    warn : bool
        Let glossary extraction warn (about files extracted in this run, and about terms
        defined twice with different definitions anywhere in the corpus).
    keys : mapping of Path to str, optional
        The files' :func:`analysis.run.keys.report_keys`, when the caller has them.

    Returns
    -------
    Extracted
        ``corpus``, ``paragraphs``, ``glossary`` (conflicts flagged across the whole
        corpus), ``slogans`` (the slogan set) and the files' cache ``keys``.
    """
    files, store = corpus_files(source), open_cache(cache)
    return _extracted(files, n_jobs=n_jobs, cache=store, warn=warn, keys=keys)[0]


def _extracted(
    files: list[Path],
    *,
    n_jobs: int,
    cache: Cache | None,
    warn: bool,
    stack: contextlib.ExitStack | None = None,
    engine: tuple[str, bool] | None = None,
    keys: Keys = None,
) -> tuple[Extracted, ReportWorkers | None]:
    """:func:`extract_steps` on files, and the workers kept open on ``stack`` (if any)."""
    from analysis.terms.glossary import flag_conflicts

    found = _load_reports(files, cache, warn, n_jobs, stack=stack, engine=engine, known=keys)
    file_keys, values, workers = found
    frames = {step: _frame([v[step] for v in values]) for step in FRAMES}
    glossary = frames["glossary"]
    glossary = glossary.assign(conflict=flag_conflicts(glossary, warn=warn))
    done = Extracted(
        corpus=frames["corpus"],
        paragraphs=frames["paragraphs"],
        glossary=glossary,
        slogans=frames["slogans"],
        keys=dict(zip(frames["corpus"]["doc_id"], file_keys, strict=True)),
    )
    return done, workers


def corpus_steps(
    source: Source = None,
    *,
    engine: str = "rjieba",
    hmm: bool = True,
    sections: Sequence[str] = TOKEN_SECTIONS,
    n_jobs: int = 1,
    cache: bool = True,
    warn: bool = True,
    joined: bool = False,
    keys: Keys = None,
) -> CorpusSteps:
    """Run read -> paragraphs -> glossary -> slogan set -> dictionary -> tokens for a corpus.

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder of ``.txt`` files, a list of files, or None for the seeds.
    engine : {"rjieba", "jieba"}
        Segmentation engine.
    hmm : bool
        Let the engine's HMM join unknown characters into words.
    sections : sequence of str
        Paragraph sections whose tokens are returned (default all but boilerplate; the
        others are segmented and cached too, so that any later choice reads the cache).
    n_jobs : int
        Worker processes for extracting new files and for segmentation; -1 uses every
        core. The results are the same whatever the number.
    cache : bool
        Read and write the per-file cache (``--no-cache`` turns it off).
    warn : bool
        Let glossary extraction warn (about files extracted in this run).
    joined : bool
        Give each paragraph's ``tokens`` as one string, tokens separated by single spaces
        (what ``tokenize`` prints; faster than lists when the tokens are only printed).
    keys : mapping of Path to str, optional
        The files' :func:`analysis.run.keys.report_keys`, when the caller has them.

    Returns
    -------
    CorpusSteps
        ``corpus``, ``paragraphs``, ``glossary``, ``slogans``, ``tokenizer``, ``tokens``
        (columns ``doc_id``, ``para_id``, ``section``, ``tokens``: a list of str per
        paragraph, or a str with ``joined``).
    """
    store, files = open_cache(cache), corpus_files(source)
    with contextlib.ExitStack() as stack:  # workers that extract new files then segment
        steps = {"n_jobs": n_jobs, "cache": store, "warn": warn, "keys": keys}
        done, workers = _extracted(files, stack=stack, engine=(engine, hmm), **steps)
        words = domain_dictionary(done.glossary, done.slogans)
        tokenizer = build_tokenizer(words, engine=engine, hmm=hmm)
        paragraphs = done.paragraphs
        # every report text is segmented (and cached) as a whole, whatever sections are
        # asked for: a keywords run after a tokenize run reads the same segments
        text = paragraphs[paragraphs["section"].isin(TOKEN_SECTIONS)]
        tokens = _tokens(
            done.keys, text, tokenizer, n_jobs=n_jobs, cache=store, workers=workers, joined=joined
        )
    tokens = tokens[tokens["section"].isin(list(sections))].reset_index(drop=True)
    return CorpusSteps(done.corpus, paragraphs, done.glossary, done.slogans, tokenizer, tokens)


def run_topics(tokens: pd.DataFrame, *, n_jobs: int = -1, **params: Any) -> TopicResult:
    """:func:`analysis.measure.topics.fit_topics` with several Ks fitted at once in the pool.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Filtered tokens, one row per paragraph.
    n_jobs : int
        Worker processes (-1: one per core, at most one per K); the result is the same
        whatever the number.
    **params
        :func:`~analysis.measure.topics.fit_topics`'s parameters.

    Returns
    -------
    TopicResult
        As :func:`~analysis.measure.topics.fit_topics` gives it.
    """
    from analysis.measure.topics import fit_topics

    ks = params.get("n_topics", 8)
    workers = 1 if isinstance(ks, int) else min(len(list(ks)), processes(n_jobs))
    if workers <= 1:
        return fit_topics(tokens, **params)
    with process_pool(workers, preload=("analysis.measure.topics.engine",)) as pool:
        return fit_topics(tokens, map_fits=pool.map, **params)
