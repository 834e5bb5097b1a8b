"""The steps composed, with the per-file cache: what the command line, the report and the
notebooks call.

    steps = corpus_steps("seeds/")              # corpus, paragraphs, glossary, slogans, tokens
    steps.tokens                                # one row per paragraph

Each report file is read and extracted once (corpus row, paragraphs, glossary entries, slogan
set), and segmented once per set of domain words that occur in it; a re-run hashes the
files' bytes and reads everything else from the cache (see :mod:`analysis.cache`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import __version__
from analysis.cache import Cache, clear_cache, code_fingerprint, hash_parts
from analysis.corpus import CorpusError, CorpusWarning, check_report_path, read_corpus
from analysis.dictionary import Tokenizer, build_tokenizer, domain_dictionary
from analysis.paths import SEEDS_DIR, cache_dir
from analysis.tokens import (
    TOKEN_COLUMNS,
    even_runs,
    read_segments,
    segment_reports,
    start_workers_early,
)

__all__ = [
    "CorpusSteps",
    "Extracted",
    "clear_cache",
    "corpus_steps",
    "extract_steps",
    "load_corpus",
    "open_cache",
]

#: Cache layer of each file's extraction (corpus row, paragraphs, glossary, slogan set).
REPORTS_LAYER = "reports"
#: Cache layer of (file, dictionary) -> the file's segmentation key.
POINTERS_LAYER = "dictionary"
#: The extracted frames kept per file, in order.
_FRAMES = ("corpus", "paragraphs", "glossary", "slogans")
#: Below this many bytes of new files, worker processes cost more than they save.
PARALLEL_MIN_BYTES = 1_000_000
#: Paragraph sections segmented by default (boilerplate is not report text).
TOKEN_SECTIONS = ("body", "glossary", "appendix")

Source = str | Path | Sequence[str | Path] | None


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
    """Return the project's cache (:func:`analysis.paths.cache_dir`), or None when disabled.

    Parameters
    ----------
    enabled : bool
        False (``--no-cache``) gives None: nothing is read or written.

    Returns
    -------
    Cache or None
        The cache.
    """
    return Cache(cache_dir()) if enabled else None


def _files(source: Source) -> list[Path]:
    """The report files of a folder (``*.txt``) or a list, sorted by name; bad names raise."""
    if source is None or isinstance(source, (str, Path)):
        folder = SEEDS_DIR if source is None else Path(source)
        if not folder.is_dir():
            raise CorpusError(f"{folder}: no such folder")
        files = sorted(folder.glob("*.txt"), key=lambda p: p.name)
        if not files:
            raise CorpusError(f"{folder}: contains no .txt files")
        return files
    files = [Path(p) for p in source]
    for path in files:
        check_report_path(path)
    return sorted(files, key=lambda p: p.name)


def _report_key(path: Path, code: str) -> str:
    """Key of a file's extraction: its bytes, name, folder catalog, the package's code."""
    catalog = path.parent / "catalog.csv"
    catalog_bytes = catalog.read_bytes() if catalog.is_file() else b""
    return hash_parts("reports", __version__, code, path.name, path.read_bytes(), catalog_bytes)


def _by_doc(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """A frame split by ``doc_id`` into plain column lists and dtypes (fast to load)."""
    dtypes = {c: str(t) for c, t in frame.dtypes.items()}
    lists = {c: frame[c].tolist() for c in frame.columns}
    rows: dict[str, list[int]] = {}
    for i, doc in enumerate(lists["doc_id"]):
        rows.setdefault(doc, []).append(i)
    return {
        doc: {"columns": {c: [v[i] for i in idx] for c, v in lists.items()}, "dtypes": dtypes}
        for doc, idx in rows.items()
    }


def _frame(parts: list[dict[str, Any]]) -> pd.DataFrame:
    """Concatenate stored column lists into one frame with the stored dtypes."""
    first = parts[0]
    data = {c: [v for p in parts for v in p["columns"][c]] for c in first["columns"]}
    frame = pd.DataFrame(data, columns=list(first["columns"]))
    dtypes = {c: t for p in parts for c, t in p["dtypes"].items() if t != "object"}
    return frame.astype(dtypes) if dtypes else frame


Extraction = tuple[dict[str, dict[str, Any]], list[tuple[type[Warning], str]]]


def _extract(
    paths: list[Path], warn: bool, keys: dict[str, str] | None = None, root: Path | None = None
) -> Extraction:
    """Read and extract files in one batch: each file's frames as column lists, by name, and
    the warnings given (a worker process's warnings would otherwise be lost). With ``keys``
    (file name -> cache key) and the cache folder ``root``, each file's frames are stored
    here, in the worker, rather than by the waiting parent.

    The extraction modules are imported here: a warm run, served from the cache, never
    loads them (nor jieba's general dictionary, which the slogan rules consult). An
    unreadable or empty file is skipped with a warning; the caller raises when no file at
    all could be read.
    """
    from analysis.corpus import split_paragraphs
    from analysis.glossary import extract_glossary
    from analysis.slogans import find_slogans, load_general_words

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = read_corpus([str(p) for p in paths], skip_unreadable=True)
        except CorpusError:  # no file of this batch could be read: each one's reason
            return {}, [(CorpusWarning, f"skipped {_unreadable(p)}") for p in paths]
        paragraphs = split_paragraphs(corpus)
        glossary = extract_glossary(corpus, paragraphs, warn=warn, conflicts=False)
        slogans = find_slogans(paragraphs, glossary, general=load_general_words())
    split = [_by_doc(f) for f in (corpus, paragraphs, glossary, slogans)]
    empty = [
        {"columns": {c: [] for c in f.columns}, "dtypes": {}}
        for f in (corpus, paragraphs, glossary, slogans)
    ]
    values = {
        name: {
            step: parts.get(doc_id, blank)
            for step, parts, blank in zip(_FRAMES, split, empty, strict=True)
        }
        for doc_id, name in zip(corpus["doc_id"], corpus["file"], strict=True)
    }
    if keys is not None and root is not None:
        cache = Cache(root)
        for name, value in values.items():
            cache.put(REPORTS_LAYER, keys[name], value)
    return values, [(w.category, str(w.message)) for w in caught]


def _unreadable(path: Path) -> str:
    """The one-sentence reason a file cannot be read as a report."""
    try:
        read_corpus([path])
    except CorpusError as exc:
        return str(exc)
    return f"{path}: could not be read"  # pragma: no cover - read_corpus raised before


def _extract_parallel(
    paths: list[Path], warn: bool, n_jobs: int, keys: dict[str, str], root: Path | None
) -> Extraction:
    """:func:`_extract` over about equal shares of the files in worker processes."""
    workers = min(len(paths), (os.cpu_count() or 1) if n_jobs < 0 else max(1, n_jobs))
    sizes = [p.stat().st_size for p in paths]
    if workers <= 1 or sum(sizes) < PARALLEL_MIN_BYTES:
        return _extract(paths, warn, keys, root)
    shares = [[paths[i] for i in run] for run in even_runs(sizes, workers)]
    values: dict[str, dict[str, Any]] = {}
    messages: list[tuple[type[Warning], str]] = []
    n = len(shares)
    with ProcessPoolExecutor(max_workers=n) as pool:
        for part, said in pool.map(_extract, shares, [warn] * n, [keys] * n, [root] * n):
            values.update(part)
            messages.extend(said)
    return values, messages


def _load_reports(
    files: list[Path], cache: Cache | None, warn: bool, n_jobs: int = 1
) -> tuple[list[str], list[dict[str, Any]]]:
    """Each file's key and extracted frames, from the cache or extracted (and stored by the
    extraction itself)."""
    code = code_fingerprint()  # editing a rule or word list is never answered from the cache
    keys = [_report_key(p, code) for p in files]
    stored = [cache.get(REPORTS_LAYER, k) if cache else None for k in keys]
    missing = [p for p, s in zip(files, stored, strict=True) if s is None]
    todo = {p.name: k for p, k, s in zip(files, keys, stored, strict=True) if s is None}
    root = cache.root if cache else None
    fresh, messages = _extract_parallel(missing, warn, n_jobs, todo, root) if missing else ({}, [])
    reports: list[str] = []
    values: list[dict[str, Any]] = []
    for path, key, value in zip(files, keys, stored, strict=True):
        if value is None:
            value = fresh.get(path.name)
            if value is None:  # an empty or unreadable report, skipped with a warning
                continue
        reports.append(key)
        values.append(value)
    if not values:
        if len(files) == 1:
            read_corpus(files)  # raises the file's own one-sentence error
        raise CorpusError(f"none of the {len(files)} files is a readable report")
    for category, message in messages:  # given in this run's extraction (maybe by workers)
        warnings.warn(message, category, stacklevel=3)
    return reports, values


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
    _, values = _load_reports(_files(source), open_cache(cache), warn=True)
    return _frame([v["corpus"] for v in values])


def _tokens(
    keys: dict[str, str],
    paragraphs: pd.DataFrame,
    tokenizer: Tokenizer,
    *,
    n_jobs: int,
    cache: Cache | None,
) -> pd.DataFrame:
    """Tokens of the paragraphs; a file whose (file, dictionary) pointer is cached is not read."""
    reports: dict[str, list[str]] = {}
    for doc, text in zip(paragraphs["doc_id"].tolist(), paragraphs["text"].tolist(), strict=True):
        reports.setdefault(doc, []).append(text)
    pointer = {d: hash_parts(keys[d], tokenizer.dictionary_hash_) for d in reports}
    found: dict[str, list[list[str]]] = {}
    for doc in reports if cache is not None else ():
        seg_key = cache.get(POINTERS_LAYER, pointer[doc])
        value = read_segments(cache, seg_key) if seg_key else None
        if value is not None and len(value) == len(reports[doc]):
            found[doc] = value
    todo = {d: t for d, t in reports.items() if d not in found}
    done = segment_reports(todo, tokenizer, n_jobs=n_jobs, cache=cache) if todo else {}
    for doc, (seg_key, value) in done.items():
        found[doc] = value
        if cache is not None:
            cache.put(POINTERS_LAYER, pointer[doc], seg_key)
    frame = paragraphs[["doc_id", "para_id", "section"]].reset_index(drop=True)
    position = dict.fromkeys(reports, 0)
    column = []
    for doc in frame["doc_id"].tolist():
        column.append(found[doc][position[doc]])
        position[doc] += 1
    frame["tokens"] = column
    return frame[TOKEN_COLUMNS]


def extract_steps(
    source: Source = None, *, n_jobs: int = 1, cache: bool = True, warn: bool = True
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

    Returns
    -------
    Extracted
        ``corpus``, ``paragraphs``, ``glossary`` (conflicts flagged across the whole
        corpus), ``slogans`` (the slogan set) and the files' cache ``keys``.
    """
    from analysis.glossary import flag_conflicts

    keys, values = _load_reports(_files(source), open_cache(cache), warn, n_jobs)
    frames = {step: _frame([v[step] for v in values]) for step in _FRAMES}
    glossary = frames["glossary"]
    glossary = glossary.assign(conflict=flag_conflicts(glossary, warn=warn))
    return Extracted(
        corpus=frames["corpus"],
        paragraphs=frames["paragraphs"],
        glossary=glossary,
        slogans=frames["slogans"],
        keys=dict(zip(frames["corpus"]["doc_id"], keys, strict=True)),
    )


def corpus_steps(
    source: Source = None,
    *,
    engine: str = "rjieba",
    hmm: bool = True,
    sections: Sequence[str] = TOKEN_SECTIONS,
    n_jobs: int = 1,
    cache: bool = True,
    warn: bool = True,
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

    Returns
    -------
    CorpusSteps
        ``corpus``, ``paragraphs``, ``glossary``, ``slogans``, ``tokenizer``, ``tokens``.
    """
    files = _files(source)
    start_workers_early(n_jobs, sum(p.stat().st_size for p in files))
    done = extract_steps(files, n_jobs=n_jobs, cache=cache, warn=warn)
    tokenizer = build_tokenizer(
        domain_dictionary(done.glossary, done.slogans), engine=engine, hmm=hmm
    )
    paragraphs = done.paragraphs
    # every report text is segmented (and cached) as a whole, whatever sections are asked
    # for: a keywords run after a tokenize run reads the same segments
    text = paragraphs[paragraphs["section"].isin(TOKEN_SECTIONS)]
    tokens = _tokens(done.keys, text, tokenizer, n_jobs=n_jobs, cache=open_cache(cache))
    tokens = tokens[tokens["section"].isin(list(sections))].reset_index(drop=True)
    return CorpusSteps(
        corpus=done.corpus,
        paragraphs=paragraphs,
        glossary=done.glossary,
        slogans=done.slogans,
        tokenizer=tokenizer,
        tokens=tokens,
    )
