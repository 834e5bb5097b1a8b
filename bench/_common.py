"""Shared pieces of the benchmarks: timed subprocesses, process-tree memory, results, tables."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

BENCH_DIR: Path = Path(__file__).resolve().parent
PROJECT_ROOT: Path = BENCH_DIR.parent
RESULTS_DIR: Path = BENCH_DIR / "results"
PYTHON: str = sys.executable


@dataclass(frozen=True)
class Run:
    """One timed command: wall seconds, peak memory of its process tree, output hash."""

    name: str
    seconds: float
    peak_mb: float
    returncode: int
    stdout_sha256: str
    stdout_bytes: int


class TreeMemory:
    """Sample the summed RSS of a process and all its descendants in a thread.

    Forked workers share pages with their parent, so the sum over-counts a little; it is
    the figure a machine with that much free memory needs, not less.
    """

    def __init__(self, pid: int, *, every: float = 0.1) -> None:
        self._root = psutil.Process(pid)
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.peak_bytes = 0

    def _total(self) -> int:
        total = 0
        try:
            procs = [self._root, *self._root.children(recursive=True)]
        except psutil.Error:  # the root just exited
            return 0
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a worker that just exited
                continue
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, self._total())
            self._stop.wait(self._every)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def sha256_file(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tail(path: Path, n: int = 2000) -> str:
    data = path.read_bytes()[-n:]
    return data.decode("utf-8", errors="replace")


def run_measured(
    name: str,
    cmd: Sequence[str],
    *,
    out: Path,
    root: Path = PROJECT_ROOT,
    env: Mapping[str, str] | None = None,
    check: bool = True,
) -> Run:
    """Run ``cmd`` in ``root`` with stdout to ``out``; time it and sample its tree's memory.

    ``root`` is the checkout whose ``analysis`` package is measured: it is the working
    directory and comes first on ``PYTHONPATH`` (notebook kernels started by the command
    import it too).

    Returns
    -------
    Run
        ``name``, ``seconds`` (wall), ``peak_mb`` (summed RSS of the tree, MiB),
        ``returncode``, ``stdout_sha256``, ``stdout_bytes``.
    """
    full_env = {**os.environ, **code_env(root), **(env or {})}
    err = out.with_suffix(out.suffix + ".stderr")
    with out.open("wb") as fo, err.open("wb") as fe:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=fo, stderr=fe, env=full_env, cwd=root)
        with TreeMemory(proc.pid) as mem:
            code = proc.wait()
        seconds = time.perf_counter() - start
    if check and code != 0:
        raise RuntimeError(f"{name}: exit status {code}\n{_tail(err)}")
    return Run(
        name=name,
        seconds=round(seconds, 3),
        peak_mb=round(mem.peak_bytes / 2**20, 1),
        returncode=code,
        stdout_sha256=sha256_file(out),
        stdout_bytes=out.stat().st_size,
    )


def code_env(root: Path) -> dict[str, str]:
    """Return the environment that makes Python import ``analysis`` from ``root``."""
    paths = [str(root), os.environ.get("PYTHONPATH", "")]
    return {"PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def folder_mb(folder: Path) -> float:
    """Return the size of the files under ``folder`` in MB (10^6 bytes)."""
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return round(size / 1e6, 2)


def cli_options(*verb: str, root: Path = PROJECT_ROOT) -> set[str]:
    """Return the ``--options`` that ``python -m analysis VERB --help`` lists (empty if none)."""
    proc = subprocess.run(
        [PYTHON, "-m", "analysis", *verb, "--help"],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, **code_env(root)},
        check=False,
    )
    if proc.returncode != 0:
        return set()
    return set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", proc.stdout))


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> dict[str, object]:
    """Return the CPU model, ``os.cpu_count()``, RAM (GiB), Python version and OS."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def _git(*args: str) -> str:
    proc = subprocess.run(
        ["git", *args], capture_output=True, text=True, cwd=PROJECT_ROOT, check=False
    )
    return proc.stdout.strip()


def _keep_setup_stamp(dest: Path) -> None:
    """Give unchanged setup inputs the repository's times, so ``make -q setup`` agrees.

    ``git archive`` stamps every file with the commit time, which would look newer than
    the shared ``.venv``'s install stamp.
    """
    for name in ("pyproject.toml", "constraints.txt"):
        here, there = PROJECT_ROOT / name, dest / name
        if here.is_file() and there.is_file() and here.read_bytes() == there.read_bytes():
            stat = here.stat()
            os.utime(there, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def export_head(dest: Path) -> Path:
    """Export the committed tree (``git archive HEAD``) to ``dest``, sharing this ``.venv``.

    Benchmarks can then measure the last commit while the working tree is being edited.

    Returns
    -------
    Path
        ``dest``, holding the files of HEAD and a ``COMMIT`` file with its short hash.
    """
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", "HEAD"], capture_output=True, cwd=PROJECT_ROOT, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    (dest / "COMMIT").write_text(_git("rev-parse", "--short", "HEAD") + "\n")
    _keep_setup_stamp(dest)
    venv = PROJECT_ROOT / ".venv"
    if venv.is_dir() and not (dest / ".venv").exists():
        (dest / ".venv").symlink_to(venv)
    return dest


def code_version(root: Path = PROJECT_ROOT) -> dict[str, object]:
    """Return the commit measured and whether its ``analysis/`` had uncommitted changes."""
    if root.resolve() != PROJECT_ROOT:
        commit_file = root / "COMMIT"
        commit = commit_file.read_text().strip() if commit_file.is_file() else ""
        return {"commit": commit, "analysis_modified": False, "snapshot": True}
    return {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "analysis_modified": bool(_git("status", "--porcelain", "--", "analysis")),
        "snapshot": False,
    }


def add_root_option(ap: argparse.ArgumentParser) -> None:
    """Add ``--root DIR``: the checkout to measure (default this repository)."""
    ap.add_argument(
        "--root",
        type=Path,
        default=PROJECT_ROOT,
        help="checkout whose analysis package is measured (default: this repository)",
    )


def write_result(name: str, data: Mapping[str, object], *, root: Path = PROJECT_ROOT) -> Path:
    """Write ``bench/results/NAME.json`` with the machine and code version added."""
    RESULTS_DIR.mkdir(exist_ok=True)
    payload = {
        "benchmark": name,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "code": code_version(root),
        # other work on the machine during the run (1, 5, 15 minutes) makes timings noisy
        "load_avg": [round(x, 2) for x in os.getloadavg()],
        **data,
    }
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def run_dicts(runs: Sequence[Run]) -> list[dict[str, object]]:
    """Return the runs as plain dicts (for JSON)."""
    return [asdict(r) for r in runs]


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print rows as an aligned plain-text table."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for j, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if j == 0:
            print("  ".join("-" * w for w in widths))


def size_tag(size_mb: float) -> str:
    """Return ``10mb`` for 10.0, ``2.5mb`` for 2.5 (result file names)."""
    return f"{size_mb:g}mb"
