"""Pages come out byte-identical run after run, and runs write nothing outside the project."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from analysis.common.paths import PROJECT_ROOT
from analysis.pages.kernels import number_cells, project_env, stderr_last
from analysis.pages.report import build_reports

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
