"""HTML reports: execute the numbered notebooks and write self-contained pages offline.

``build_reports`` writes, into one folder: a page per notebook (input cells hidden unless
``with_code=True``), the searchable glossary page, a page per report (its keywords, slogans and
glossary entries) and ``index.html`` linking all of them. Every page embeds the bundled CJK font
cut down to its characters, loads nothing from the web and links to the index and its
neighbours. A notebook step that cannot be computed (too little text) stops its page with the
reason, through :func:`run_or_stop`; the other pages are still written.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.common.io import atomic_write_text, check_writable
from analysis.common.paths import (
    CORPUS_ENV,
    GLOSSARY_ENV,
    NOTEBOOKS_DIR,
    SEEDS_DIR,
    TABLES_ENV,
    glossary_out,
)
from analysis.pages.fonts import FONT_MARKER, embed_font
from analysis.pages.html import (
    TERMS_TITLE,
    PageLink,
    glossary_page,
    index_page,
    nav_html,
    page_css,
    report_page,
    terms_page,
)
from analysis.pages.kernels import (
    connection_folder,
    environment,
    number_cells,
    project_env,
    stderr_last,
)
from analysis.pages.notebook import PageStopped, run_or_stop, stop_if_empty
from analysis.pages.report_data import report_sections, terms_data

__all__ = [
    "GLOSSARY_ENV",
    "PageStopped",
    "ReportError",
    "build_reports",
    "external_urls",
    "glossary_page",
    "notebook_title",
    "render_notebook",
    "run_or_stop",
    "stop_if_empty",
]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
GLOSSARY_TITLE = "名词解释总表(可搜索)"
_EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^"'\s>]+"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^"'\s>]+"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//[^"')\s]+"""
    r"""|url\(\s*["']?(?:https?:)?//[^"')\s]+""",
    re.IGNORECASE,
)
#: Room the pages need on the output folder's disk (fonts and figures are embedded).
REPORT_FREE_BYTES = 100_000_000
#: Notebooks started first (on the 875-report panel topics take as long as all the others).
START_FIRST: tuple[str, ...] = ("04_topics",)
_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class ReportError(RuntimeError):
    """A notebook failed; the message names the notebook and the cell."""


def external_urls(markup: str) -> list[str]:
    """Find resources an HTML page would load from another host.

    Parameters
    ----------
    markup : str
        An HTML document.

    Returns
    -------
    list of str
        The offending ``<script src>``, ``<link href>``, ``<img src>``, CSS ``url()`` or
        ``@import`` fragments (ordinary ``<a href>`` links are allowed).
    """
    return _EXTERNAL.findall(markup)


def notebook_title(path: Path) -> str:
    """The first markdown heading of a notebook script (its file name when it has none).

    Parameters
    ----------
    path : Path
        ``notebooks/NN_topic.py``.

    Returns
    -------
    str
        The title.
    """
    import jupytext

    for cell in jupytext.read(path).cells:
        m = _HEADING.search(cell.source) if cell.cell_type == "markdown" else None
        if m:
            return m.group(1).strip()
    return path.stem


def _failed_cell(nb: Any) -> int | None:
    for i, cell in enumerate(nb.cells):
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        if any(o.get("output_type") == "error" for o in outputs):
            return i
    return None


def _stop_page(nb: Any, index: int) -> str:
    """Keep the cells up to a stopped one, without its error output; return the reason."""
    cell = nb.cells[index]
    error = next(o for o in cell.outputs if o.get("output_type") == "error")
    cell.outputs = [o for o in cell.outputs if o.get("output_type") != "error"]
    del nb.cells[index + 1 :]
    return str(error.get("evalue", ""))


def execute_notebook(
    path: Path, *, timeout: int = 600, connections: Path | None = None
) -> tuple[Any, str]:
    """Execute a jupytext percent script.

    Parameters
    ----------
    path : Path
        ``notebooks/NN_topic.py``.
    timeout : int
        Seconds allowed per cell.
    connections : Path, optional
        The run's folder of kernel connection files (:func:`connection_folder`); by default
        one of this call's own, removed afterwards.

    Returns
    -------
    tuple of (nbformat.NotebookNode, str)
        The executed notebook, and the reason its page stopped early (empty when it ran to
        the end; see :func:`run_or_stop`).

    Raises
    ------
    ReportError
        When a cell fails: names the notebook, the cell number and the error.
    """
    if connections is None:
        with connection_folder(tag=path.stem) as folder:
            return execute_notebook(path, timeout=timeout, connections=folder)
    import jupytext
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    nb = jupytext.read(path)
    nb.metadata["title"] = notebook_title(path)
    number_cells(nb, path.stem)
    connection = {"connection_file": str(connections / f"kernel-{path.stem}.json")}
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        config=Config({"KernelManager": connection}),
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        index = _failed_cell(nb)
        if index is not None and exc.ename == PageStopped.__name__:
            return nb, _stop_page(nb, index)
        cell_no = f"cell {index + 1}" if index is not None else "a cell"
        lines = _ANSI.sub("", str(exc)).strip().splitlines()
        ename = next((ln for ln in reversed(lines) if ln.strip()), "error")
        raise ReportError(f"{path.name}: {cell_no} failed: {ename}") from exc
    finally:
        stderr_last(nb)
    return nb, ""


def notebook_html(
    nb: Any, *, nav: str = "", with_code: bool = False, with_font: bool = True
) -> str:
    """Render an executed notebook as an offline page with the embedded font.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An executed notebook (``metadata.title`` is the page title).
    nav : str
        The page header (see :func:`analysis.pages.html.nav_html`).
    with_code : bool
        Show the code cells (hidden by default: the page is the study, not the code).
    with_font : bool
        Embed the font now; when False the page keeps :data:`analysis.pages.fonts.FONT_MARKER`
        for :func:`analysis.pages.fonts.embed_font` to fill in later.

    Returns
    -------
    str
        The HTML page: ``lang="zh-CN"``, no prompts, images and scripts inlined.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        embed_images=True,
        exclude_input=not with_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {"nav_html": nav, "page_css": page_css(), "font_css": FONT_MARKER}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    # nbconvert's language_code takes two-letter codes only (zh), the page is zh-CN
    body = body.replace('<html lang="en">', '<html lang="zh-CN">', 1)
    return embed_font(body) if with_font else body


def render_notebook(
    path: Path, *, timeout: int = 600, with_code: bool = False, nav: str = ""
) -> tuple[str, str]:
    """Execute a jupytext percent script and render it as an offline page.

    Parameters
    ----------
    path : Path
        ``notebooks/NN_topic.py``.
    timeout : int
        Seconds allowed per cell.
    with_code : bool
        Show the code cells.
    nav : str
        The page header.

    Returns
    -------
    tuple of (str, str)
        The notebook's title (its first markdown heading) and the HTML page.

    Raises
    ------
    ReportError
        When a cell fails: names the notebook, the cell number and the error.
    """
    nb, _ = execute_notebook(path, timeout=timeout)
    return nb.metadata["title"], notebook_html(nb, nav=nav, with_code=with_code)


def _print_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _write_page(path: Path, markup: str) -> Path:
    markup = embed_font(markup)
    bad = external_urls(markup)
    if bad:
        raise ReportError(f"{path.name}: the page would load {bad[0]!r} from the web")
    return atomic_write_text(path, markup)


def _report_links(corpus: pd.DataFrame) -> list[dict[str, Any]]:
    width = max(2, len(str(len(corpus))))
    return [
        {
            "href": f"report-{i:0{width}d}.html",
            "doc_id": r.doc_id,
            "file": r.file,
            "region": r.region,
            "level": r.level,
            "year": "" if pd.isna(r.year) else int(r.year),
            "kind": r.kind,
            "n_chars": int(r.n_chars),
        }
        for i, r in enumerate(corpus.itertuples(), start=1)
    ]


def _page_links(
    notebooks: Sequence[Path], reports: Sequence[dict[str, Any]]
) -> tuple[list[PageLink], list[PageLink]]:
    """The analysis pages (notebooks, glossary), and all pages but the index in reading order."""
    analyses = [PageLink(f"{p.stem}.html", notebook_title(p)) for p in notebooks]
    analyses.append(PageLink("glossary.html", GLOSSARY_TITLE))
    analyses.append(PageLink("terms.html", TERMS_TITLE))
    return analyses, analyses + [PageLink(r["href"], str(r["doc_id"])) for r in reports]


def _run_notebooks(
    notebooks: Sequence[Path],
    out: Path,
    pages: Sequence[PageLink],
    *,
    pool: ThreadPoolExecutor,
    options: dict[str, Any],
) -> list[Future[Path]]:
    """Execute the notebooks, as many at once as there are cores (each in its own kernel;
    :data:`START_FIRST` first); their fonts are embedded and pages written in ``pool``. The
    kernels' connection files go in a folder of this run (:func:`connection_folder`)."""
    workers = max(1, min(len(notebooks), os.cpu_count() or 1))
    order = sorted(range(len(notebooks)), key=lambda i: notebooks[i].stem not in START_FIRST)
    with connection_folder() as folder, ThreadPoolExecutor(max_workers=workers) as kernels:
        options = {**options, "connections": folder}
        runs = {
            i: kernels.submit(_execute_one, notebooks[i], i, len(notebooks), options) for i in order
        }
        written = []
        for i in range(len(notebooks)):
            nb = runs[i].result()
            nav = nav_html(pages, i)
            markup = notebook_html(nb, nav=nav, with_code=options["with_code"], with_font=False)
            written.append(pool.submit(_write_page, out / pages[i].href, markup))
    return written


def _execute_one(nb_path: Path, i: int, total: int, options: dict[str, Any]) -> Any:
    """Run one notebook and report its time (and why it stopped early, if it did)."""
    from jupyter_core.utils import ensure_event_loop

    start = time.perf_counter()
    try:
        nb, stopped = execute_notebook(
            nb_path, timeout=options["timeout"], connections=options["connections"]
        )
    finally:
        ensure_event_loop().close()  # the event loop nbclient made for this thread
    progress = options["progress"]
    if progress:
        note = f" (page stops early: {stopped})" if stopped else ""
        seconds = time.perf_counter() - start
        progress(f"[{i + 1}/{total}] {nb_path.name}: {seconds:.1f} s{note}")
    return nb


def _write_own_pages(
    out: Path,
    steps: Any,
    entries: pd.DataFrame,
    reports: Sequence[dict[str, Any]],
    pages: Sequence[PageLink],
) -> list[Path]:
    """The glossary page, the terms page and a page per report (after the notebooks)."""
    first = next(i for i, p in enumerate(pages) if p.href == "glossary.html")
    markup = glossary_page(entries, title=GLOSSARY_TITLE, pages=pages, current=first)
    written = [_write_page(out / "glossary.html", markup)]
    current = next(i for i, p in enumerate(pages) if p.href == "terms.html")
    lifecycle, linked = terms_data(steps, reports)
    markup = terms_page(lifecycle, linked, pages=pages, current=current)
    written.append(_write_page(out / "terms.html", markup))
    sections = report_sections(steps, entries)
    start = next(i for i, p in enumerate(pages) if p.href == reports[0]["href"]) if reports else 0
    for i, (report, tables) in enumerate(zip(reports, sections, strict=True), start=start):
        markup = report_page(report, tables, pages=pages, current=i)
        written.append(_write_page(out / report["href"], markup))
    return written


def _notebook_env(corpus: Path, glossary: Path, out: Path) -> dict[str, str]:
    """What the notebooks read from the environment: the corpus, its glossary, the tables; and
    the project's folders for Jupyter, IPython, matplotlib and temporary files."""
    places = project_env()
    Path(places["TMPDIR"]).mkdir(parents=True, exist_ok=True)  # Python ignores a missing one
    paths = {CORPUS_ENV: corpus, GLOSSARY_ENV: glossary, TABLES_ENV: out / "tables"}
    return {**places, **{name: str(path) for name, path in paths.items()}}


def build_reports(
    corpus_dir: str | Path | None = None,
    out_dir: str | Path = "reports",
    *,
    notebooks: Sequence[Path] | None = None,
    timeout: int = 600,
    with_code: bool = False,
    progress: Callable[[str], None] | None = _print_progress,
) -> list[Path]:
    """Build the glossary, execute every notebook in order and write the HTML pages.

    Parameters
    ----------
    corpus_dir : str or Path, optional
        The reports (default the seeds, glossary to ``glossary/``; else ``out_dir/glossary``).
    out_dir : str or Path
        Where the pages go (files 0644 under umask 022, through ``atomic_write_text``); checked
        first (:class:`analysis.common.io.WriteError` when it is not writable or its disk is full).
    notebooks : sequence of Path, optional
        Default: ``notebooks/[0-9][0-9]_*.py`` in order.
    timeout : int
        Seconds allowed per cell.
    with_code : bool
        Show the notebooks' code cells (hidden by default).
    progress : callable, optional
        Called with one line per notebook (default: printed to stderr); ``None`` is silent.

    Returns
    -------
    list of Path
        The pages written: notebooks, glossary.html, report-NN.html per report, index.html.

    Raises
    ------
    ReportError
        A notebook failed (naming it and the cell), or a page would load from another host.
    """
    from analysis.run.steps import corpus_steps
    from analysis.terms.glossary import build_glossary

    corpus_path = Path(corpus_dir).resolve() if corpus_dir else SEEDS_DIR
    out = check_writable(Path(out_dir).resolve(), free_bytes=REPORT_FREE_BYTES)  # before any work
    steps = corpus_steps(corpus_dir, sections=("body",))
    glossary_dir = glossary_out(corpus_dir, pages=out)
    entries = build_glossary(steps.glossary, steps.paragraphs, glossary_dir)
    notebooks = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.py")) if notebooks is None else notebooks
    reports = _report_links(steps.corpus)
    analyses, pages = _page_links(notebooks, reports)
    env = _notebook_env(corpus_path, glossary_dir, out)
    options = {"timeout": timeout, "with_code": with_code, "progress": progress}
    with ThreadPoolExecutor(max_workers=1) as pool:  # other pages written while kernels run
        own = pool.submit(_write_own_pages, out, steps, entries, reports, pages)
        with environment(env):
            futures = _run_notebooks(notebooks, out, pages, pool=pool, options=options)
        written = [f.result() for f in futures] + own.result()
    if progress:
        progress(f"glossary, terms and {len(reports)} report pages written")
    index = index_page(analyses, reports, corpus_name=corpus_path.name, n_entries=len(entries))
    written.append(_write_page(out / "index.html", index))
    return written
