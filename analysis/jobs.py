"""How many processes a step uses, and how its work is shared among them."""

from __future__ import annotations

import os
from collections.abc import Sequence

__all__ = ["even_runs", "processes"]


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
