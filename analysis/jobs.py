"""How many processes a step uses, and how its work is shared among them."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

__all__ = ["even_runs", "processes", "stop_workers"]

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
