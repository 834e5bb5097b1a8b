"""Pages come out byte-identical run after run, and runs write nothing outside the project."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from analysis.common.paths import PROJECT_ROOT, SEEDS_DIR
from analysis.pages.kernels import (
    CONNECTIONS_PREFIX,
    connection_folder,
    number_cells,
    project_env,
    stderr_last,
    sweep_connections,
)
from analysis.pages.report import build_reports, execute_notebook

STAMP = ".venv/.installed"
#: Variables that would point Jupyter, IPython, matplotlib or Python's temporary files elsewhere.
_PLACES = tuple(project_env())


def _stream(name: str, text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("stream", name=name, text=text)


def test_number_cells_names_cells_by_notebook_and_position() -> None:
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 标题"), nbformat.v4.new_code_cell("1 + 1")]
    )
    number_cells(nb, "01_corpus_overview")
    assert [c.id for c in nb.cells] == ["01_corpus_overview-0", "01_corpus_overview-1"]
    number_cells(nb, "x" * 70)
    assert [c.id for c in nb.cells] == ["x" * 56 + "-0", "x" * 56 + "-1"]
    nbformat.validate(nb)


def test_stderr_last_puts_warnings_after_the_outputs_in_one_block() -> None:
    table = nbformat.v4.new_output("display_data", data={"text/plain": "表"})
    cell = nbformat.v4.new_code_cell(
        "run()",
        outputs=[
            _stream("stdout", "a\n"),
            _stream("stderr", "UserWarning: 一\n"),
            _stream("stdout", "b\n"),
            table,
            _stream("stderr", "UserWarning: 二\n"),
        ],
    )
    quiet = nbformat.v4.new_code_cell("x", outputs=[_stream("stdout", "c\n"), table])
    nb = nbformat.v4.new_notebook(cells=[cell, quiet, nbformat.v4.new_markdown_cell("文字")])
    stderr_last(nb)
    assert [(o.output_type, o.get("name"), o.get("text")) for o in nb.cells[0].outputs] == [
        ("stream", "stdout", "a\nb\n"),
        ("display_data", None, None),
        ("stream", "stderr", "UserWarning: 一\nUserWarning: 二\n"),
    ]
    assert [o.get("text") for o in nb.cells[1].outputs] == ["c\n", None]


def test_make_sets_the_same_places_as_the_kernels() -> None:
    for target in ("report", "test", "lab", "glossary"):
        plan = subprocess.run(
            ["make", "-n", "-o", STAMP, target],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        command = next(ln for ln in plan.splitlines() if "JUPYTER_CONFIG_DIR=" in ln)
        assigned = dict(re.findall(r'(\w+)="([^"]*)"', command))
        assert assigned == project_env(), target


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_two_report_runs_give_identical_pages_and_write_nothing_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    clean = {k: v for k, v in os.environ.items() if k not in _PLACES}
    made = subprocess.run(
        ["make", "-s", "-o", STAMP, "report", f"OUT={tmp_path / 'a'}"],
        cwd=PROJECT_ROOT,
        env={**clean, "HOME": str(home), "TMPDIR": str(tmp)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    for name in _PLACES:  # the second run sets the places itself, for its kernels
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp))
    build_reports(None, tmp_path / "b", progress=None)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    pages = [f"{p.stem}.html" for p in sorted((PROJECT_ROOT / "notebooks").glob("0*.py"))]
    pages += ["glossary.html", "terms.html", "index.html"] + [
        f"report-0{i}.html" for i in range(1, 6)
    ]
    tables = ["formulas", "glossary_contexts", "lifecycle", "once_undefined"]
    assert sorted(first) == sorted(second) == sorted(pages + [f"tables/{t}.csv" for t in tables])
    assert [name for name in first if first[name] != second[name]] == []
    assert list(home.iterdir()) == [] and list(tmp.iterdir()) == []
    assert (Path(project_env()["TMPDIR"]) / "jieba.cache").is_file()  # jieba's, in the project


def test_connection_folders_of_gone_runs_are_swept(tmp_path: Path) -> None:
    me = psutil.Process()
    started = round(me.create_time() * 1000)
    names = [
        f"{CONNECTIONS_PREFIX}{me.pid}-{started}",  # this process: kept
        f"{CONNECTIONS_PREFIX}{me.pid}-{started + 1}",  # the pid, another start: gone
        f"{CONNECTIONS_PREFIX}1-0-04_topics",  # pid 1, started at another time: gone
        f"{CONNECTIONS_PREFIX}notes",  # not a run's folder: kept
        "kernel-1234.json",
    ]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "kernel-01.json").write_text("{}")
    assert sorted(sweep_connections(tmp_path)) == sorted([tmp_path / names[1], tmp_path / names[2]])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([names[0], *names[3:]])
    with connection_folder(tmp_path, tag="x") as folder:
        assert folder == tmp_path / f"{names[0]}-x" and folder.is_dir()
    assert not folder.exists()


def test_a_kernel_connects_through_a_file_of_its_run_removed_afterwards(tmp_path: Path) -> None:
    script = tmp_path / "01_where.py"
    script.write_text(
        "# %% [markdown]\n# # 连接文件在哪?\n\n# %%\nfrom ipykernel import get_connection_file\n"
        "print(get_connection_file())\n",
        encoding="utf-8",
    )
    nb, _ = execute_notebook(script)
    connection = Path(nb.cells[1].outputs[0].text.strip())
    runtime = Path(project_env()["JUPYTER_RUNTIME_DIR"])
    assert connection.parent.parent == runtime and connection.name == "kernel-01_where.json"
    assert connection.parent.name.startswith(f"{CONNECTIONS_PREFIX}{os.getpid()}-")
    assert not connection.parent.exists()


def _start_report(corpus: Path, out: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kernels(report: subprocess.Popen, timeout: float = 120) -> list[psutil.Process]:
    """The report's kernel processes, once one runs (the run fails the test if none does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and report.poll() is None:
        try:
            children = psutil.Process(report.pid).children()
            kernels = [p for p in children if "ipykernel_launcher" in " ".join(p.cmdline())]
        except psutil.Error:
            kernels = []
        if kernels:
            return kernels
        time.sleep(0.05)
    report.kill()
    pytest.fail(f"no kernel started (report exit status {report.poll()})")


def _kill(report: subprocess.Popen) -> tuple[list[psutil.Process], Path]:
    """SIGKILL a report once a kernel runs; its processes then, and its connection folder."""
    kernels = _kernels(report)
    family = [psutil.Process(report.pid), *psutil.Process(report.pid).children(recursive=True)]
    connection = kernels[0].cmdline()[kernels[0].cmdline().index("-f") + 1]
    os.kill(report.pid, signal.SIGKILL)
    report.wait(timeout=30)
    return family, Path(connection).parent


def _running(procs: list[psutil.Process], within: float) -> list[psutil.Process]:
    """Those of ``procs`` still running (not gone, not a zombie) after ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        alive = []
        for proc in procs:
            try:
                if proc.status() != psutil.STATUS_ZOMBIE:
                    alive.append(proc)
            except psutil.NoSuchProcess:
                pass
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def test_a_killed_report_leaves_no_process_and_the_next_run_removes_its_files(
    tmp_path: Path,
) -> None:
    """SIGKILL gives the report no chance to stop its kernels: they end by themselves (they
    poll their parent), and the connection files it could not remove go at the next run."""
    corpus, tmp, home = tmp_path / "corpus", tmp_path / "tmp", tmp_path / "home"
    for folder in (corpus, tmp, home):
        folder.mkdir()
    shutil.copy(SEEDS_DIR / "003_732b78ec93e976fc.txt", corpus)
    clean = {k: v for k, v in os.environ.items() if k not in _PLACES}
    env = {**clean, "TMPDIR": str(tmp), "HOME": str(home)}
    first, left = _kill(_start_report(corpus, tmp_path / "out", env))
    assert _running(first, within=3) == []
    assert sorted(p.name for p in left.glob("kernel-*.json"))  # what SIGKILL leaves behind
    second, also_left = _kill(_start_report(corpus, tmp_path / "out", env))
    assert not left.exists()  # removed by the second run before its kernels started
    assert _running(second, within=3) == []
    assert also_left in sweep_connections(also_left.parent)
    assert list(tmp.iterdir()) == [] and list(home.iterdir()) == []
