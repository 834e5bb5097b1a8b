"""The one pool: work shared in runs, and workers that end with their parent, even after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from analysis.run.pool import even_runs, processes, shrinking_runs

ROOT = Path(__file__).resolve().parent.parent


def test_even_runs_and_processes() -> None:
    assert even_runs([5, 5, 5, 5], 2) == [[0, 1], [2, 3]]
    assert even_runs([10, 1, 1], 3) == [[0], [1, 2]]
    assert processes(3) == 3 and processes(-1) == (os.cpu_count() or 1)


def test_shrinking_runs_end_small_and_keep_the_order() -> None:
    runs = shrinking_runs([1] * 300, 2, floor=8)
    assert [len(r) for r in runs] == [75, 57, 42, 32, 24, 19, 19, 19, 13]
    assert [i for r in runs for i in r] == list(range(300))
    assert shrinking_runs([1] * 8, 1, floor=4) == [[0, 1, 2, 3], [4, 5], [6, 7]]
    assert shrinking_runs([100, 1, 1], 2) == [[0], [1, 2]]
    assert shrinking_runs([], 2) == []


def _corpus(folder: Path) -> list[Path]:
    """Two reports of about 800,000 characters each, enough for worker processes."""
    folder.mkdir()
    line = "今年全市地区生产总值增长百分之五左右,深入推进“放管服”改革,建设现代化产业体系第{}项。\n"
    files = []
    for name in ("a", "b"):
        path = folder / f"{name}.txt"
        path.write_text(f"2025年某市政府工作报告{name}\n" + "".join(
            line.format(i) for i in range(18_000)), encoding="utf-8")  # fmt: skip
        files.append(path)
    return files


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.skipif(sys.platform != "linux", reason="process groups and kill -9 as on Linux")
def test_kill_9_leaves_no_worker_alive(tmp_path: Path) -> None:
    files = _corpus(tmp_path / "reports")
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "analysis", "tokenize", *map(str, files), "--jobs", "2"]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    seen: dict[int, psutil.Process] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        for child in _descendants(proc.pid):
            seen[child.pid] = child
        if len(seen) >= 2:  # workers are up
            break
        time.sleep(0.05)
    assert proc.poll() is None and len(seen) >= 2, "the command started no workers"
    time.sleep(0.5)
    for child in _descendants(proc.pid):
        seen[child.pid] = child
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(2.0)
    alive = [p.pid for p in seen.values() if p.is_running() and p.status() != "zombie"]
    assert alive == []
