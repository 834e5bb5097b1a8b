"""The E-step of batch LDA in fixed pieces, in worker processes when it pays.

gensim's ``LdaModel.inference`` walks the documents one by one in Python. Here the bag of
words is held as compressed sparse rows (:class:`CsrCorpus`) and cut, in order, into
:data:`ESTEP_PIECES` pieces of about equal work. Each piece's documents get exactly the
gamma gensim computes for them (same functions, same order of operations); the pieces'
sufficient statistics are summed in piece order. The number of pieces is fixed, so the
result is the same, bit for bit, however many processes computed them.

:class:`EstepPool` keeps the pieces in worker processes between passes (fresh
interpreters, so they share no pages with the parent) and computes its own share in the
calling process meanwhile.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import itertools
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from analysis.jobs import processes, stop_workers

__all__ = [
    "DOC_WEIGHT",
    "ESTEP_PIECES",
    "MIN_PARALLEL_NONZEROS",
    "CsrCorpus",
    "EstepInput",
    "EstepPool",
    "Kernels",
    "csr_corpus",
    "estep_piece",
    "gensim_kernels",
    "piece_bounds",
]

#: Pieces the documents are cut into (in order); fixed, so results do not depend on n_jobs.
ESTEP_PIECES: int = 12
#: A document's fixed cost, in non-zero entries, when pieces are balanced by work (the
#: per-iteration Python overhead outweighs the arithmetic of a short paragraph).
DOC_WEIGHT: int = 100
#: Corpora with fewer non-zero entries run in the calling process (a worker takes ~0.1 s
#: to start; at 10 passes and K=10 two processes win from about 20,000).
MIN_PARALLEL_NONZEROS: int = 25_000
#: Documents converted to sparse rows at a time.
_CSR_BLOCK: int = 4096
#: Seconds a worker is given to stop after the last pass before it is terminated.
_STOP_TIMEOUT: float = 10.0


@dataclass(frozen=True)
class CsrCorpus:
    """A bag of words as compressed sparse rows.

    Attributes
    ----------
    indptr : numpy.ndarray
        int64, documents + 1: document ``d``'s entries are ``indptr[d]:indptr[d + 1]``.
    ids : numpy.ndarray
        int32 term ids of the entries.
    counts : numpy.ndarray
        The entries' counts, in the model's dtype.
    """

    indptr: np.ndarray
    ids: np.ndarray
    counts: np.ndarray

    @property
    def n_docs(self) -> int:
        """Number of documents."""
        return len(self.indptr) - 1

    def rows(self, start: int, stop: int) -> CsrCorpus:
        """Documents ``start:stop`` (offsets rebased to 0; entries are views)."""
        a, b = int(self.indptr[start]), int(self.indptr[stop])
        return CsrCorpus(self.indptr[start : stop + 1] - a, self.ids[a:b], self.counts[a:b])


@dataclass(frozen=True)
class EstepInput:
    """What one E-step needs besides the documents and the initial gamma.

    Attributes
    ----------
    exp_elog_beta : numpy.ndarray
        K × vocabulary, the model's ``expElogbeta``.
    alpha : numpy.ndarray
        K, the document-topic prior.
    iterations : int
        Most gamma updates per document.
    gamma_threshold : float
        A document stops when gamma's mean absolute change falls below this.
    """

    exp_elog_beta: np.ndarray
    alpha: np.ndarray
    iterations: int
    gamma_threshold: float


@dataclass(frozen=True)
class Kernels:
    """The two compiled functions of gensim's inference (``gensim.matutils``)."""

    dirichlet_expectation: Callable[[np.ndarray], np.ndarray]
    mean_absolute_difference: Callable[[np.ndarray, np.ndarray], float]


def _compiled_matutils() -> Any | None:
    """gensim's compiled ``_matutils`` module loaded by itself (None when missing)."""
    found = importlib.util.find_spec("gensim")  # locates the package, imports nothing
    folders = found.submodule_search_locations if found is not None else None
    for folder in folders or []:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = Path(folder, "_matutils" + suffix)
            if path.is_file():
                loader = importlib.machinery.ExtensionFileLoader("gensim._matutils", str(path))
                spec = importlib.util.spec_from_loader("gensim._matutils", loader)
                if spec is None:
                    return None
                module = importlib.util.module_from_spec(spec)
                loader.exec_module(module)
                return module
    return None


def gensim_kernels(*, alone: bool = False) -> Kernels:
    """The functions gensim's ``LdaModel.inference`` calls, as ``gensim.matutils`` has them.

    Parameters
    ----------
    alone : bool
        Load gensim's compiled module by itself, without importing the gensim package
        (scipy and more: ~90 MB and ~0.8 s in a fresh worker). Without a compiled module,
        ``gensim.matutils`` as usual (its pure-Python versions, as gensim itself uses then).

    Returns
    -------
    Kernels
        ``dirichlet_expectation`` and ``mean_absolute_difference``.
    """
    compiled = None
    if alone:
        with contextlib.suppress(ImportError):
            compiled = _compiled_matutils()
    if compiled is None:
        from gensim import matutils as compiled
    return Kernels(compiled.dirichlet_expectation, compiled.mean_absolute_difference)


def csr_corpus(bow: Sequence[Sequence[tuple[int, float]]], dtype: Any) -> CsrCorpus:
    """Compressed sparse rows of a bag of words (one pass over it).

    Parameters
    ----------
    bow : sequence of sequence of (int, number)
        One list of ``(term id, count)`` per document.
    dtype : numpy dtype
        The counts' dtype (the model's, float32 by default in gensim).

    Returns
    -------
    CsrCorpus
        ``indptr``, ``ids``, ``counts``.
    """
    lengths = np.fromiter(map(len, bow), dtype=np.int64, count=len(bow))
    indptr = np.zeros(len(bow) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    ids = np.empty(indptr[-1], dtype=np.int32)
    counts = np.empty(indptr[-1], dtype=dtype)
    for start in range(0, len(bow), _CSR_BLOCK):  # a block at a time: little extra memory
        stop = min(start + _CSR_BLOCK, len(bow))
        a, b = int(indptr[start]), int(indptr[stop])
        pairs = itertools.chain.from_iterable(itertools.chain.from_iterable(bow[start:stop]))
        flat = np.fromiter(pairs, dtype=np.float64, count=2 * (b - a))
        ids[a:b], counts[a:b] = flat[0::2], flat[1::2]
    return CsrCorpus(indptr, ids, counts)


def piece_bounds(indptr: np.ndarray, pieces: int) -> list[int]:
    """Document boundaries cutting the corpus in order into ``pieces`` of about equal work.

    A document's work is its non-zero entries plus :data:`DOC_WEIGHT`. Pieces may be
    empty (fewer documents than pieces).

    Returns
    -------
    list of int
        ``pieces + 1`` ascending document indices, from 0 to the number of documents.
    """
    n_docs = len(indptr) - 1
    work = indptr + DOC_WEIGHT * np.arange(n_docs + 1, dtype=np.int64)
    targets = work[-1] * np.arange(1, pieces, dtype=np.float64) / pieces
    inner = np.searchsorted(work, targets, side="left").tolist()
    return [0, *inner, n_docs]


def estep_piece(
    piece: CsrCorpus, gamma: np.ndarray, step: EstepInput, kernels: Kernels
) -> tuple[np.ndarray, np.ndarray]:
    """gensim's ``LdaModel.inference`` over one piece, from a given initial gamma.

    Each document's gamma is bitwise what gensim computes for it: the same gensim
    functions in the same order. The sufficient statistics are not yet multiplied by
    ``exp_elog_beta`` (gensim does that once at the end; so does the caller).

    Parameters
    ----------
    piece : CsrCorpus
        The documents.
    gamma : numpy.ndarray
        Documents × K, the initial gamma (updated in place).
    step : EstepInput
        The model's current state.
    kernels : Kernels
        gensim's functions (see :func:`gensim_kernels`).

    Returns
    -------
    tuple of (numpy.ndarray, numpy.ndarray)
        ``gamma`` (documents × K) and the sufficient statistics (K × vocabulary).
    """
    dtype = gamma.dtype
    exp_elog_theta = np.exp(kernels.dirichlet_expectation(gamma))
    sstats = np.zeros_like(step.exp_elog_beta, dtype=dtype)
    epsilon = np.finfo(dtype).eps
    bounds = piece.indptr.tolist()
    for d in range(piece.n_docs):
        ids = piece.ids[bounds[d] : bounds[d + 1]]
        cts = piece.counts[bounds[d] : bounds[d + 1]]
        gamma[d, :], exp_elog_thetad, phinorm = _document(
            gamma[d, :], exp_elog_theta[d, :], ids, cts, step, epsilon, kernels
        )
        sstats[:, ids] += np.outer(exp_elog_thetad.T, cts / phinorm)
    return gamma, sstats


def _document(
    gammad: np.ndarray,
    exp_elog_thetad: np.ndarray,
    ids: np.ndarray,
    cts: np.ndarray,
    step: EstepInput,
    epsilon: float,
    kernels: Kernels,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One document's gamma updates, as gensim's inner loop: gamma, exp(Elogtheta), phinorm."""
    dirichlet_expectation = kernels.dirichlet_expectation
    mean_absolute_difference = kernels.mean_absolute_difference
    exp_elog_betad = step.exp_elog_beta[:, ids]
    phinorm = np.dot(exp_elog_thetad, exp_elog_betad) + epsilon
    for _ in range(step.iterations):
        lastgamma = gammad
        gammad = step.alpha + exp_elog_thetad * np.dot(cts / phinorm, exp_elog_betad.T)
        elog_thetad = dirichlet_expectation(gammad)
        exp_elog_thetad = np.exp(elog_thetad)
        phinorm = np.dot(exp_elog_thetad, exp_elog_betad) + epsilon
        if mean_absolute_difference(gammad, lastgamma) < step.gamma_threshold:
            break
    return gammad, exp_elog_thetad, phinorm


def _serve(fd: int) -> None:
    """A worker on the socket ``fd``: receive its pieces once, then compute one E-step over
    them per message until None.

    Ctrl-C is left to the parent, which stops the workers; a worker whose parent has gone
    stops at its next message.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(fd)
    kernels = gensim_kernels(alone=True)
    try:
        pieces: list[CsrCorpus] = conn.recv()
        while (job := conn.recv()) is not None:
            gammas, step = job
            try:
                reply: Any = [
                    estep_piece(p, g, step, kernels) for p, g in zip(pieces, gammas, strict=True)
                ]
            except Exception as exc:  # handed to the parent, which raises it
                reply = exc
            conn.send(reply)
    except (EOFError, OSError):
        pass  # the parent has gone
    finally:
        conn.close()


def _finish(proc: subprocess.Popen[bytes]) -> None:
    """Wait for a worker to end; one that does not within :data:`_STOP_TIMEOUT` is killed."""
    try:
        proc.wait(_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _start_worker() -> tuple[subprocess.Popen[bytes], Connection]:
    """A fresh interpreter running :func:`_serve`, and the parent's end of its socket.

    A new interpreter, not a fork: it shares no pages with the parent and does not import
    the parent's ``__main__`` (a script without a main guard is safe). It imports this
    package from where the parent did.
    """
    root = str(Path(__file__).resolve().parent.parent)
    mine, theirs = socket.socketpair()
    code = f"import sys; sys.path.insert(0, {root!r}); from {__name__} import _serve; _serve"
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", f"{code}({theirs.fileno()})"], pass_fds=[theirs.fileno()]
        )
    except BaseException:
        mine.close()
        raise
    finally:
        theirs.close()
    return proc, Connection(mine.detach())


def _processes(n_jobs: int) -> int:
    """Processes asked for: ``n_jobs``, or one per core when negative (one off POSIX, where
    a socket cannot be handed to a new interpreter)."""
    if os.name != "posix":
        return 1
    return processes(n_jobs)


class EstepPool:
    """The E-step of one corpus over fixed pieces, some of them in worker processes.

    A context manager: the workers start on entry and always stop on exit. Below
    :data:`MIN_PARALLEL_NONZEROS` non-zero entries, or with one process, every piece is
    computed in the calling process. The result does not depend on ``n_jobs``.

    Parameters
    ----------
    corpus : CsrCorpus
        The documents.
    n_jobs : int
        Processes, the calling one included (-1: one per core); at most one per piece.

    Attributes
    ----------
    bounds : list of int
        The pieces' document boundaries (see :func:`piece_bounds`).
    processes : int
        Processes that compute pieces (1: the calling process alone).
    """

    def __init__(self, corpus: CsrCorpus, *, n_jobs: int) -> None:
        self.corpus = corpus
        self.bounds = piece_bounds(corpus.indptr, ESTEP_PIECES)
        pieces = len(self.bounds) - 1
        wanted = min(_processes(n_jobs), pieces)
        self.processes = 1 if len(corpus.ids) < MIN_PARALLEL_NONZEROS else wanted
        # process j computes the contiguous block of pieces blocks[j]:blocks[j + 1]
        self._blocks = [pieces * j // self.processes for j in range(self.processes + 1)]
        self._workers: list[tuple[subprocess.Popen[bytes], Connection]] = []
        self._kernels = gensim_kernels()

    def _pieces(self, j: int) -> range:
        return range(self._blocks[j], self._blocks[j + 1])

    def __enter__(self) -> EstepPool:
        try:
            for j in range(1, self.processes):
                self._workers.append(_start_worker())
                rows = [self.corpus.rows(*self.bounds[i : i + 2]) for i in self._pieces(j)]
                self._workers[-1][1].send(rows)
        except BaseException:
            self.close(abort=True)
            raise
        return self

    @property
    def pids(self) -> list[int]:
        """Process ids of the running workers."""
        return [proc.pid for proc, _ in self._workers]

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(abort=exc_type is not None)

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers: asked to finish, or terminated at once when ``abort``."""
        stop_workers(self._workers, abort=abort, finish=_finish)
        self._workers = []

    def run(self, gamma: np.ndarray, step: EstepInput) -> np.ndarray:
        """One E-step over all documents.

        Parameters
        ----------
        gamma : numpy.ndarray
            Documents × K, the initial gamma; updated in place to the result.
        step : EstepInput
            The model's current state.

        Returns
        -------
        numpy.ndarray
            K × vocabulary: the sufficient statistics summed over the pieces in order, not
            yet multiplied by ``exp_elog_beta``.
        """
        bounds = self.bounds
        for j, (_, conn) in enumerate(self._workers, start=1):
            conn.send(([gamma[bounds[i] : bounds[i + 1]] for i in self._pieces(j)], step))
        sstats = {}
        for i in self._pieces(0):
            part = self.corpus.rows(bounds[i], bounds[i + 1])
            _, sstats[i] = estep_piece(part, gamma[bounds[i] : bounds[i + 1]], step, self._kernels)
        for j, (_, conn) in enumerate(self._workers, start=1):
            reply = conn.recv()
            if isinstance(reply, BaseException):
                raise RuntimeError("an E-step worker failed") from reply
            for i, (gamma_i, sstats_i) in zip(self._pieces(j), reply, strict=True):
                gamma[bounds[i] : bounds[i + 1]] = gamma_i
                sstats[i] = sstats_i
        total = np.zeros_like(step.exp_elog_beta, dtype=gamma.dtype)
        for i in range(len(bounds) - 1):
            total += sstats[i]
        return total
