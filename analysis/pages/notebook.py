"""Helpers a notebook calls so that its HTML page explains a step it cannot compute.

A notebook holds no ``def``: when a step has too little text (one short report, no years,
nothing to compare), :func:`run_or_stop` or :func:`stop_if_empty` shows the reason on the page
and ends it there; ``analysis.pages.report`` keeps the page up to that cell and writes the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import pandas as pd

__all__ = ["PageStopped", "run_or_stop", "stop_if_empty"]

T = TypeVar("T")


class PageStopped(Exception):
    """A notebook step could not be computed; its page ends here, with the reason shown.

    Parameters
    ----------
    reason : str
        Why, in a sentence for the reader.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [f"本页到此为止:{self.reason}"]


def run_or_stop(step: Callable[..., T], /, *args: Any, reason: str, **kwargs: Any) -> T:
    """Run a step in a notebook; when it cannot be computed, say why and end the page there.

    Parameters
    ----------
    step : callable
        The package function to run, e.g. :func:`analysis.measure.topics.fit_topics`.
    *args, **kwargs
        Its arguments.
    reason : str
        What the reader is told when ``step`` raises ``ValueError`` (e.g.
        "文本太少,无法建立主题模型"); the error's own message follows in brackets.

    Returns
    -------
    object
        What ``step`` returns.

    Raises
    ------
    PageStopped
        After displaying the reason, when ``step`` raised ``ValueError``; ``build_reports``
        keeps the page up to this cell and drops the cells after it.
    """
    try:
        return step(*args, **kwargs)
    except ValueError as exc:
        _stop(f"{reason}({exc})")


def _stop(text: str) -> NoReturn:
    """Show why the page ends here, then end it."""
    import html

    from IPython.display import HTML, display

    display(HTML(f'<p class="notice">本页到此为止:{html.escape(text)}</p>'))
    raise PageStopped(text) from None


def stop_if_empty(frame: pd.DataFrame, *, reason: str) -> pd.DataFrame:
    """In a notebook: the frame, or, when it has no rows, the reason and the end of the page.

    Parameters
    ----------
    frame : pandas.DataFrame
        A step's result, e.g. the keywords of a one-report corpus (none: nothing to compare).
    reason : str
        What the reader is told when ``frame`` is empty.

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when it has rows.

    Raises
    ------
    PageStopped
        After displaying the reason (see :func:`run_or_stop`).
    """
    if len(frame):
        return frame
    _stop(reason)
