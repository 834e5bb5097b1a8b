"""Extracting report files in batches, and the worker processes that extract, then segment.

A batch of files is read, split into paragraphs, and searched for glossary entries and the
slogan set (:func:`extract_batch`); each file's frames are kept as plain column lists, the
form the cache stores. With several cores, :class:`ReportWorkers` hands the files out in
pieces, the next piece to whichever worker is free (so that none waits for the other, and
this process takes each piece's frames in while the workers go on). A worker that will also
segment loads its segmentation engine once no files are left, while this process puts the
domain dictionary together, and then segments the reports it is sent with that engine: the
engine is loaded once per worker and no second set of processes is started.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd

from analysis.read.corpus import CorpusError, CorpusWarning, read_corpus
from analysis.run.cache import Cache
from analysis.run.pool import (
    even_runs,
    processes,
    shrinking_runs,
    start_worker,
    stop_workers,
)
from analysis.run.segment import segment_batch
from analysis.terms.dictionary import Tokenizer

__all__ = [
    "EXTRACT_PIECES",
    "FRAMES",
    "PARALLEL_MIN_BYTES",
    "REPORTS_LAYER",
    "BatchTools",
    "Extraction",
    "ReportWorkers",
    "batch_tools",
    "extract_batch",
    "stored_corpus",
]

#: Cache layer of each file's extraction (corpus row, paragraphs, glossary, slogan set).
REPORTS_LAYER = "reports"
#: The extracted frames kept per file, in order.
FRAMES = ("corpus", "paragraphs", "glossary", "slogans")
#: Below this many bytes of new files, worker processes cost more than they save.
PARALLEL_MIN_BYTES = 1_000_000
#: Pieces of the text to segment per worker (handed out as workers finish theirs).
SEGMENT_PIECES = 6
#: The smallest piece of the files to extract is 1/EXTRACT_PIECES of a worker's share (the
#: pieces shrink towards it, so that the workers end together; each costs some
#: milliseconds of set-up).
EXTRACT_PIECES = 8

Extraction = tuple[dict[str, dict[str, Any]], list[tuple[type[Warning], str]]]
Segmented = dict[str, tuple[str, list[Any]]]
Engine = tuple[str, bool] | None


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


@dataclass(frozen=True)
class BatchTools:
    """What extracting a batch consults, built once by a worker that extracts several.

    Attributes
    ----------
    general : GeneralWords
        jieba's general dictionary (:func:`analysis.terms.slogans.find.load_general_words`).
    converter : opencc.OpenCC
        The ``t2s`` converter (:func:`analysis.common.text.t2s_converter`).
    changing : re.Pattern
        Its changing characters (:func:`analysis.read.encoding.changing_chars`).
    """

    general: Any
    converter: Any
    changing: re.Pattern[str]


def batch_tools() -> BatchTools:
    """Load the general dictionary and build the converter and its table (about 0.2 s).

    Returns
    -------
    BatchTools
        For :func:`extract_batch`.
    """
    from analysis.common.text import t2s_converter
    from analysis.read.encoding import changing_chars
    from analysis.terms.slogans.find import load_general_words

    converter = t2s_converter()
    return BatchTools(load_general_words(), converter, changing_chars(converter))


def extract_batch(
    paths: list[Path],
    warn: bool,
    keys: dict[str, str] | None = None,
    root: Path | None = None,
    tools: BatchTools | None = None,
) -> Extraction:
    """Read and extract files in one batch.

    The extraction modules are imported here: a warm run, served from the cache, never
    loads them (nor jieba's general dictionary, which the slogan rules consult). An
    unreadable or empty file is skipped with a warning; the caller raises when no file at
    all could be read.

    Parameters
    ----------
    paths : list of Path
        The files.
    warn : bool
        Let glossary extraction warn.
    keys : dict of str to str, optional
        File name -> cache key; with ``root``, each file's frames are stored here (in the
        worker), not by the waiting parent.
    root : Path, optional
        The cache folder.
    tools : BatchTools, optional
        :func:`batch_tools` (built here when None; a worker builds them once).

    Returns
    -------
    tuple of (dict, list)
        File name -> :data:`FRAMES` as column lists; the warnings given, as (category,
        message) pairs (a worker process's warnings would otherwise be lost).
    """
    from analysis.read.corpus import split_paragraphs
    from analysis.terms.glossary import extract_glossary
    from analysis.terms.slogans.find import find_slogans, report_years

    tools = tools or batch_tools()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reading = {"converter": tools.converter, "changing": tools.changing}
            corpus = read_corpus([str(p) for p in paths], skip_unreadable=True, **reading)
        except CorpusError:  # no file of this batch could be read: each one's reason
            return {}, [(CorpusWarning, f"skipped {_unreadable(p)}") for p in paths]
        paragraphs = split_paragraphs(corpus)
        glossary = extract_glossary(
            corpus, paragraphs, warn=warn, conflicts=False, converter=tools.converter
        )
        years = report_years(corpus)
        slogans = find_slogans(
            paragraphs, glossary, general=tools.general, years=years, converter=tools.converter
        )
    values = _per_file((corpus, paragraphs, glossary, slogans))
    if keys is not None and root is not None:
        cache = Cache(root)
        for name, value in values.items():
            cache.put(REPORTS_LAYER, keys[name], value)
    return values, [(w.category, str(w.message)) for w in caught]


def _per_file(frames: tuple[pd.DataFrame, ...]) -> dict[str, dict[str, Any]]:
    """File name -> its rows of each of :data:`FRAMES`, as stored (column lists)."""
    corpus = frames[0]
    split = [_by_doc(f) for f in frames]
    _store_text_once(split[0])
    empty = [{"columns": {c: [] for c in f.columns}, "dtypes": {}} for f in frames]
    return {
        name: {
            step: parts.get(doc_id, blank)
            for step, parts, blank in zip(FRAMES, split, empty, strict=True)
        }
        for doc_id, name in zip(corpus["doc_id"], corpus["file"], strict=True)
    }


def _store_text_once(parts: dict[str, dict[str, Any]]) -> None:
    """A text written as it reads (``original`` equal to ``text``) is kept once, not twice."""
    for part in parts.values():
        columns = part["columns"]
        if columns["original"] == columns["text"]:
            columns["original"] = [None]


def stored_corpus(part: dict[str, Any]) -> dict[str, Any]:
    """A file's stored corpus frame with ``original`` filled in (stored as None when it
    is the same as ``text``).

    Parameters
    ----------
    part : dict
        The stored ``corpus`` frame of one file (column lists and dtypes).

    Returns
    -------
    dict
        The same frame with ``original`` filled in.
    """
    columns = part["columns"]
    if columns.get("original") == [None]:
        return {**part, "columns": {**columns, "original": columns["text"]}}
    return part


def _unreadable(path: Path) -> str:
    """Return the one-sentence reason a file cannot be read as a report."""
    try:
        read_corpus([path])
    except CorpusError as exc:
        return str(exc)
    return f"{path}: could not be read"  # pragma: no cover - read_corpus raised before


def _serve(
    conn: Connection, warn: bool, keys: dict[str, str], root: Path | None, engine: Engine
) -> None:
    """Worker: extract the pieces of files it is sent, then segment the reports it is sent.

    Tasks: ``("extract", paths)``; ``("warm",)`` once no files are left to extract (the
    segmentation engine loads while the parent builds the dictionary); ``("segment",
    tokenizer, reports, root, code, joined)``; None ends. State lives in this function.
    """
    tools, warm = None, None
    try:
        while (task := conn.recv()) is not None:
            if task[0] == "extract":
                tools = tools or batch_tools()
                conn.send(extract_batch(task[1], warn, keys, root, tools))
            elif task[0] == "warm":
                if engine is not None:
                    warm = Tokenizer((), engine=engine[0], hmm=engine[1])
                    _ = warm.segmenter_
            else:
                tokenizer, reports, where, code, joined = task[1:]
                if warm is not None:
                    tokenizer.share_engine(warm)
                conn.send(segment_batch(tokenizer, reports, where, code, joined))
    except Exception as exc:  # handed to the parent, which raises it
        conn.send(exc)
    finally:
        conn.close()


def _received(conn: Connection) -> Any:
    value = conn.recv()
    if isinstance(value, BaseException):
        raise RuntimeError("a report worker process failed") from value
    return value


class ReportWorkers:
    """Worker processes that extract the files in pieces, then segment reports they are sent.

    A context manager: the workers start on entry and always stop on exit.

    Parameters
    ----------
    files : sequence of Path
        The files to extract (in order).
    n : int
        Worker processes (at least one).
    warn : bool
        Let glossary extraction warn.
    keys : dict of str to str
        File name -> cache key of its extraction.
    root : Path or None
        The cache folder (None: nothing is stored).
    engine : (str, bool) or None
        Segmentation engine and HMM switch to load after extracting; None when the workers
        will not segment.
    """

    def __init__(
        self,
        files: Sequence[Path],
        n: int,
        *,
        warn: bool,
        keys: dict[str, str],
        root: Path | None,
        engine: Engine = None,
    ) -> None:
        self._files = list(files)
        self._n = max(1, n)
        self._job = (warn, keys, root, engine)
        self._root = root
        self._workers: list[tuple[Any, Connection]] = []

    def __enter__(self) -> ReportWorkers:
        try:
            for _ in range(self._n):
                self._workers.append(start_worker(_serve, *self._job))
        except BaseException:
            self.close(abort=True)
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType
    ) -> None:
        self.close(abort=exc_type is not None)

    def _hand_out(self, pieces: list[tuple[Any, ...]], last: tuple[Any, ...] | None) -> list[Any]:
        """Send the tasks in turn to whichever worker is free; their results in task order.
        A worker left without a task is sent ``last`` (if any)."""
        results: list[Any] = [None] * len(pieces)
        todo = list(reversed(list(enumerate(pieces))))  # popped from the end: in order
        busy: dict[Connection, int] = {}

        def give(conn: Connection) -> None:
            if todo:
                i, task = todo.pop()
                conn.send(task)
                busy[conn] = i
            elif last is not None:
                conn.send(last)

        for _, conn in self._workers:
            give(conn)
        while busy:
            for conn in wait(list(busy)):
                results[busy.pop(conn)] = _received(conn)  # type: ignore[index]
                give(conn)
        return results

    def extracted(self) -> Extraction:
        """Every file's extraction, in pieces of shrinking size (in order; a worker that is
        done gets the next piece: :func:`analysis.run.pool.shrinking_runs`, the smallest
        ``1 / EXTRACT_PIECES`` of a worker's share), merged in file order. Each worker then
        loads its segmentation engine."""
        sizes = [p.stat().st_size for p in self._files]
        runs = shrinking_runs(sizes, len(self._workers), floor=EXTRACT_PIECES)
        pieces = [("extract", [self._files[i] for i in run]) for run in runs]
        values: dict[str, dict[str, Any]] = {}
        messages: list[tuple[type[Warning], str]] = []
        for part, said in self._hand_out(pieces, ("warm",)):
            values.update(part)
            messages.extend(said)
        return values, messages

    def segment(
        self, reports: dict[str, list[str]], tokenizer: Tokenizer, code: str, joined: bool = False
    ) -> Segmented:
        """Segment reports in the workers, keyed, cached and given (``joined`` or not) as
        :func:`analysis.run.segment.segment_reports` does.

        The reports are cut into :data:`SEGMENT_PIECES` pieces per worker (about equal
        shares of text, in order); a worker that is done with its piece gets the next one,
        so that none waits for another at the end.
        """
        items = list(reports.items())
        runs = even_runs([sum(map(len, t)) for _, t in items], SEGMENT_PIECES * len(self._workers))
        task = ("segment", tokenizer)
        pieces = [(*task, [items[i] for i in run], self._root, code, joined) for run in runs]
        out: Segmented = {}
        for done in self._hand_out(pieces, None):
            out.update({doc: (key, toks) for doc, key, toks in done})
        return out

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers: asked to finish, or terminated at once when ``abort``."""
        stop_workers(self._workers, abort=abort, finish=lambda proc: proc.join())
        self._workers = []


def worker_count(n_jobs: int, sizes: Sequence[int]) -> int:
    """Worker processes for files of these sizes (1: extract in this process)."""
    return 1 if sum(sizes) < PARALLEL_MIN_BYTES else min(len(sizes), processes(n_jobs))
