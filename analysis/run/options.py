"""The command line's option values: what each option accepts, and the bounds on resources.

Each check raises :class:`CliError` with one sentence naming the option and its value.
``--jobs`` is capped at the cores available, ``--k`` and ``--k-range`` at
:data:`MAX_TOPICS` topics and :data:`MAX_SWEEP` values of K.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

__all__ = [
    "BY_COLUMNS",
    "DEFAULT_TOPICS",
    "MAX_SWEEP",
    "MAX_TOPICS",
    "CliError",
    "available_cores",
    "capped_jobs",
    "jobs_option",
    "k_range",
    "n_topics_option",
    "positive",
]

#: The most topics a model may have, and the most values of K a sweep may fit.
MAX_TOPICS = 50
MAX_SWEEP = 12
#: Topics fitted when neither ``--k`` nor ``--k-range`` is given.
DEFAULT_TOPICS = 8
#: What ``keywords --by`` groups on: each report, or a metadata column.
BY_COLUMNS = ("doc", "title", "region", "level", "year", "kind")


class CliError(Exception):
    """An error to print as one sentence on stderr with exit status 2."""


def _whole(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def positive(name: str) -> Callable[[str], int]:
    """Return the check of an option that takes a whole number of 1 or more.

    Parameters
    ----------
    name : str
        The option, e.g. ``--top``.

    Returns
    -------
    callable
        Parses the value; raises :class:`CliError` for anything else.
    """

    def parse(value: str) -> int:
        number = _whole(value)
        if number is None or number < 1:
            raise CliError(f"{name} {value}: must be a whole number of 1 or more")
        return number

    return parse


def n_topics_option(value: str) -> int:
    """Parse ``--k``: a whole number of topics from 2 to :data:`MAX_TOPICS`.

    Parameters
    ----------
    value : str
        As typed.

    Returns
    -------
    int
        The number of topics.
    """
    number = _whole(value)
    if number is None or not 2 <= number <= MAX_TOPICS:
        raise CliError(f"--k {value}: must be a whole number of topics from 2 to {MAX_TOPICS}")
    return number


def k_range(value: str) -> range:
    """Parse ``--k-range A:B``: from at least 2 to at most :data:`MAX_TOPICS` topics, at most
    :data:`MAX_SWEEP` values of K (each is a model to fit).

    Parameters
    ----------
    value : str
        As typed.

    Returns
    -------
    range
        The values of K.
    """
    try:
        low, high = (int(x) for x in value.split(":"))
    except ValueError as exc:
        raise CliError(f"--k-range {value}: expected A:B with whole numbers, e.g. 4:10") from exc
    if low < 2 or high < low:
        raise CliError(
            f"--k-range {value}: the range must run upwards from at least 2 topics, e.g. 4:8"
        )
    if high > MAX_TOPICS or high - low + 1 > MAX_SWEEP:
        raise CliError(
            f"--k-range {value}: at most {MAX_TOPICS} topics and {MAX_SWEEP} values of K "
            f"(each K is a model to fit), e.g. {low}:{min(MAX_TOPICS, low + MAX_SWEEP - 1)}"
        )
    return range(low, high + 1)


def jobs_option(value: str) -> int:
    """Parse ``--jobs``: a whole number of 1 or more, or -1 for every core.

    Parameters
    ----------
    value : str
        As typed.

    Returns
    -------
    int
        The number asked for (see :func:`capped_jobs`).
    """
    number = _whole(value)
    if number is None or (number < 1 and number != -1):
        raise CliError(f"--jobs {value}: must be a whole number of 1 or more, or -1 for every core")
    return number


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count).

    Returns
    -------
    int
        At least 1.
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def capped_jobs(args: argparse.Namespace) -> None:
    """Cap ``args.jobs`` (when the command has one) at :func:`available_cores`, saying so.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed arguments; ``jobs`` is lowered in place, with one line on stderr.
    """
    jobs = getattr(args, "jobs", -1)
    cores = available_cores()
    if jobs > cores:
        have = f"only {cores} core is" if cores == 1 else f"only {cores} cores are"
        sys.stderr.write(f"warning: --jobs {jobs}: {have} available; using {cores}\n")
        args.jobs = cores
