"""Helpers a notebook calls so that its HTML page explains a step it cannot compute.

A notebook holds no ``def``: when a step has too little text (one short report, no years,
nothing to compare), :func:`run_or_stop` or :func:`stop_if_empty` shows the reason on the page
and ends it there; ``analysis.pages.report`` keeps the page up to that cell and writes the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import pandas as pd

from analysis.common.paths import TABLES_ENV

__all__ = ["PageStopped", "run_or_stop", "show_table", "stop_if_empty"]

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


def show_table(frame: pd.DataFrame, name: str, *, rows: int = 30) -> Any:
    """In a notebook: a table that is never cut silently.

    A table of at most ``rows`` rows is shown whole. A longer one is shown whole too in
    JupyterLab; in a report (``report`` sets :data:`analysis.common.paths.TABLES_ENV`) the
    page shows its first ``rows`` rows under the sentence "前 N 行,共 M 行", and the whole
    table is written beside the pages as ``tables/<name>.csv`` (UTF-8 with BOM, so that a
    spreadsheet opens it in Chinese), linked from that sentence.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table, columns already labelled for the reader.
    name : str
        The CSV's file name without suffix (ASCII letters, digits, ``_`` and ``-``).
    rows : int
        Rows shown on a page.

    Returns
    -------
    pandas.DataFrame or IPython.display.HTML
        What the cell displays.
    """
    import html
    import os
    from pathlib import Path

    from IPython.display import HTML

    folder = os.environ.get(TABLES_ENV)
    if len(frame) <= rows or not folder:
        return frame
    from analysis.common.io import atomic_write_text

    atomic_write_text(Path(folder) / f"{name}.csv", "\ufeff" + frame.to_csv(index=False))
    href = html.escape(f"tables/{name}.csv")
    link = f'<a href="{href}">{href}</a>'
    note = f'<p class="notice">前 {rows} 行,共 {len(frame)} 行;完整表格:{link}</p>'
    return HTML(note + frame.head(rows).to_html(index=False, escape=True))
