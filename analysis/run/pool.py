"""How many processes a step uses, how its work is shared among them, and the one way
worker processes are started: every worker ends with the process that started it, however
that one ends (``kill -9`` included)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, TypeVar

__all__ = [
    "PARENT_POLL_SECONDS",
    "even_runs",
    "exit_with_parent",
    "process_pool",
    "processes",
    "shrinking_runs",
    "start_worker",
    "stop_workers",
]

#: How often a worker checks that the process that started it is still alive.
PARENT_POLL_SECONDS = 0.5

Proc = TypeVar("Proc")


def processes(n_jobs: int) -> int:
    """Return the processes ``n_jobs`` asks for: itself, or one per core when negative.

    Parameters
    ----------
    n_jobs : int
        ``--jobs``: a count, or -1 for every core.

    Returns
    -------
    int
        At least 1.
    """
    return (os.cpu_count() or 1) if n_jobs < 0 else max(1, n_jobs)


def even_runs(sizes: Sequence[int], n: int) -> list[list[int]]:
    """Split item indices, in order, into at most ``n`` runs of similar total size.

    Parameters
    ----------
    sizes : sequence of int
        Each item's size.
    n : int
        Number of runs wanted.

    Returns
    -------
    list of list of int
        The non-empty runs of indices.
    """
    total = sum(sizes) or 1
    runs: list[list[int]] = [[] for _ in range(n)]
    acc = 0
    for i, size in enumerate(sizes):
        runs[min(n - 1, acc * n // total)].append(i)
        acc += size
    return [r for r in runs if r]


def shrinking_runs(sizes: Sequence[int], n: int, *, floor: int = 8) -> list[list[int]]:
    """Split item indices, in order, into runs that shrink: each about ``1 / (2 n)`` of the
    size still left, none under ``1 / (floor n)`` of the whole.

    Handed out to ``n`` workers as each finishes its last (large runs first, small ones
    last), the workers finish at about the same time, with fewer runs than equal ones
    would need for the same end.

    Parameters
    ----------
    sizes : sequence of int
        Each item's size.
    n : int
        Workers.
    floor : int
        The smallest run is ``1 / (floor n)`` of the total.

    Returns
    -------
    list of list of int
        The non-empty runs of indices, in order.
    """
    left = sum(sizes)
    smallest = left / (floor * max(1, n))
    runs: list[list[int]] = []
    run: list[int] = []
    acc = 0
    for i, size in enumerate(sizes):
        run.append(i)
        acc += size
        if acc >= max(left / (2 * max(1, n)), smallest):
            runs.append(run)
            left -= acc
            run, acc = [], 0
    return [*runs, run] if run else runs


def stop_workers(
    workers: Sequence[tuple[Proc, Connection]], *, abort: bool, finish: Callable[[Proc], None]
) -> None:
    """Stop worker processes: each asked to finish (``None`` sent), or terminated at once.

    Every worker is told first, then each is waited for, so that they stop together.

    Parameters
    ----------
    workers : sequence of (process, Connection)
        The processes (anything with ``terminate()``) and their connections.
    abort : bool
        Terminate instead of asking (after an error).
    finish : callable
        Waits for one process to end (``Process.join``, ``Popen.wait`` ...).
    """
    for _, conn in workers:
        if not abort:
            with contextlib.suppress(OSError):  # already gone
                conn.send(None)
        conn.close()
    for proc, _ in workers:
        if abort:
            proc.terminate()  # type: ignore[attr-defined]
        finish(proc)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a process of another user took the pid
        return True
    return True


def exit_with_parent(parent: int) -> None:
    """Worker start-up: end this process as soon as ``parent`` is gone.

    A daemon thread checks every :data:`PARENT_POLL_SECONDS`; the worker exits at once
    (``os._exit``), so a parent killed without a chance to stop its workers leaves none
    behind.

    Parameters
    ----------
    parent : int
        The process id of the process that started the workers.
    """

    def watch() -> None:
        while _alive(parent):
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def process_pool(n: int, *, preload: Sequence[str] = ()) -> ProcessPoolExecutor:
    """The pool every parallel step uses: ``n`` workers forked from a small server process.

    The workers do not carry the caller's heap (a whole corpus by then), so memory stays one
    corpus, not one per worker; each ends with its parent (:func:`exit_with_parent`).

    Parameters
    ----------
    n : int
        Worker processes.
    preload : sequence of str
        Modules the server imports once, so that every worker starts with them.

    Returns
    -------
    concurrent.futures.ProcessPoolExecutor
        Use it as a context manager.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return ProcessPoolExecutor(
        max_workers=n, mp_context=context, initializer=exit_with_parent, initargs=(os.getpid(),)
    )


def _run_worker(target: Callable[..., None], parent: int, args: tuple[Any, ...]) -> None:
    exit_with_parent(parent)
    target(*args)


def start_worker(target: Callable[..., None], *args: Any) -> tuple[Any, Connection]:
    """Start one long-lived worker process that talks over a pipe and ends with its parent.

    Parameters
    ----------
    target : callable
        Run in the worker as ``target(connection, *args)``.
    *args
        Its other arguments.

    Returns
    -------
    (multiprocessing.Process, Connection)
        The started process and this side of its pipe (stop it with :func:`stop_workers`).
    """
    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    proc = context.Process(target=_run_worker, args=(target, os.getpid(), (theirs, *args)))
    proc.start()
    theirs.close()
    return proc, mine
