"""Kernels that write inside the project and pages that come out the same on every run.

Everything a notebook run writes besides its outputs goes inside the project: settings and
runtime files of Jupyter and IPython under ``.jupyter/``, matplotlib's font list and other
caches under ``.jupyter/``, and the temporary folder (where jieba keeps its dictionary cache
and multiprocessing its sockets) at ``.cache/tmp/``. ``make lab``, ``make report`` and
``make test`` set the same variables (the Makefile's ``PROJECT_ENV``); ``build_reports`` sets
them for its kernels whatever the caller's environment.

A notebook read by jupytext gets random cell ids, and a cell's warnings (stderr) and its other
outputs arrive on separate channels in either order: :func:`number_cells` and
:func:`stderr_last` make both the same on every run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.common.paths import PROJECT_ROOT

__all__ = ["number_cells", "project_env", "stderr_last"]


def project_env(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """The environment that keeps Jupyter, IPython, matplotlib and caches inside a project.

    Parameters
    ----------
    root : Path
        The project folder (default this checkout).

    Returns
    -------
    dict of str to str
        ``JUPYTER_CONFIG_DIR`` ``.jupyter``, ``JUPYTER_DATA_DIR`` ``.jupyter/data``,
        ``JUPYTER_RUNTIME_DIR`` ``.jupyter/runtime``, ``IPYTHONDIR`` ``.jupyter/ipython``,
        ``MPLCONFIGDIR`` ``.jupyter/matplotlib``, ``XDG_CACHE_HOME`` ``.jupyter/cache``,
        ``npm_config_cache`` ``.jupyter/npm`` and ``TMPDIR`` ``.cache/tmp`` (jieba's
        dictionary cache, multiprocessing's sockets), as absolute paths. The folders are not
        created here; Python ignores a ``TMPDIR`` that does not exist, so create it first.
    """
    home = root / ".jupyter"
    places = {
        "JUPYTER_CONFIG_DIR": home,
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "IPYTHONDIR": home / "ipython",
        "MPLCONFIGDIR": home / "matplotlib",
        "XDG_CACHE_HOME": home / "cache",
        "npm_config_cache": home / "npm",
        "TMPDIR": root / ".cache" / "tmp",
    }
    return {name: str(path) for name, path in places.items()}


def number_cells(nb: Any, name: str) -> None:
    """Give every cell an id made of the notebook's name and the cell's position.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        A notebook before it is executed; its cells' ``id`` are replaced in place.
    name : str
        The notebook's name (``01_corpus_overview``); cut to 56 characters so that an id
        stays within nbformat's 64.
    """
    for i, cell in enumerate(nb.cells):
        cell.id = f"{name[:56]}-{i}"


def stderr_last(nb: Any) -> None:
    """Put each code cell's stderr (warnings) in one block after its other outputs.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook, changed in place: a cell's stderr blocks are joined into one
        placed last, and the stdout blocks that then touch are joined too.
    """
    for cell in nb.cells:
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        kept, errs = [], []
        for o in outputs:
            is_err = o.get("output_type") == "stream" and o.get("name") == "stderr"
            (errs if is_err else kept).append(o)
        if errs:
            errs[0].text = "".join(o.text for o in errs)
            cell.outputs = [*_joined_streams(kept), errs[0]]


def _joined_streams(outputs: list[Any]) -> list[Any]:
    """Join neighbouring stream blocks of the same name."""
    joined: list[Any] = []
    for o in outputs:
        last = joined[-1] if joined else None
        same = last is not None and last.get("output_type") == o.get("output_type") == "stream"
        if same and last.get("name") == o.get("name"):
            last.text += o.text
        else:
            joined.append(o)
    return joined
