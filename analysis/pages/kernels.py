"""Kernels that write inside the project and pages that come out the same on every run.

Everything a notebook run writes besides its outputs goes inside the project: settings and
runtime files of Jupyter and IPython under ``.jupyter/``, matplotlib's font list and other
caches under ``.jupyter/``, and the temporary folder (where jieba keeps its dictionary cache
and multiprocessing its sockets) at ``.cache/tmp/``. ``make lab``, ``make report`` and
``make test`` set the same variables (the Makefile's ``PROJECT_ENV``); ``build_reports`` sets
them for its kernels whatever the caller's environment.

Each run keeps its kernels' connection files (``kernel-*.json``: ports and key) in a folder of
its own in the runtime folder, removed when the run ends (:func:`connection_folder`). A run
stopped by SIGKILL cannot remove it, but leaves no kernel: jupyter_client passes each kernel
its parent's pid (``JPY_PARENT_PID``), which ipykernel polls every second, exiting when the
parent is gone. The next run removes the folders of runs whose process is gone.

A notebook read by jupytext gets random cell ids, and a cell's warnings (stderr) and its other
outputs arrive on separate channels in either order: :func:`number_cells` and
:func:`stderr_last` make both the same on every run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analysis.common.paths import PROJECT_ROOT

__all__ = [
    "CONNECTIONS_PREFIX",
    "connection_folder",
    "environment",
    "number_cells",
    "project_env",
    "stderr_last",
    "sweep_connections",
]

#: A run's folder of connection files: this prefix, then its pid and start time (ms).
CONNECTIONS_PREFIX = "kernels-"
_OWNER = re.compile(re.escape(CONNECTIONS_PREFIX) + r"(\d+)-(\d+)(?:-.*)?")


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


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the time of a ``with`` block (kernels inherit them).

    Parameters
    ----------
    values : dict of str to str
        The variables; each one's earlier value (or absence) comes back afterwards.
    """
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _started(proc: Any) -> int:
    """A process's start time in milliseconds (with its pid, it names the process)."""
    return round(proc.create_time() * 1000)


def _owner_alive(pid: int, started: int) -> bool:
    import psutil

    try:
        return _started(psutil.Process(pid)) == started
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # pragma: no cover - another user's process has the pid
        return True


def sweep_connections(runtime: Path) -> list[Path]:
    """Remove the connection folders of runs whose process is gone (killed runs).

    Parameters
    ----------
    runtime : Path
        Jupyter's runtime folder.

    Returns
    -------
    list of Path
        The folders removed. A folder is kept while the process that made it (the same
        pid, started at the same time) is running.
    """
    removed = []
    for folder in sorted(runtime.glob(f"{CONNECTIONS_PREFIX}*")):
        owner = _OWNER.fullmatch(folder.name)
        if owner and not _owner_alive(int(owner.group(1)), int(owner.group(2))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def connection_folder(runtime: Path | None = None, *, tag: str = "") -> Iterator[Path]:
    """A folder for this run's kernel connection files, removed when the run ends.

    The folders that killed runs left behind are removed first (:func:`sweep_connections`).

    Parameters
    ----------
    runtime : Path, optional
        Jupyter's runtime folder (default: :func:`project_env`'s ``JUPYTER_RUNTIME_DIR``).
    tag : str
        Added to the folder's name, for a second folder in the same process.

    Yields
    ------
    Path
        ``RUNTIME/kernels-PID-START[-TAG]``, created.
    """
    import psutil

    runtime = Path(project_env()["JUPYTER_RUNTIME_DIR"]) if runtime is None else runtime
    sweep_connections(runtime)
    me = psutil.Process()
    name = f"{CONNECTIONS_PREFIX}{me.pid}-{_started(me)}" + (f"-{tag}" if tag else "")
    folder = runtime / name
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
