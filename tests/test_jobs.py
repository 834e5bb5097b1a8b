"""Sharing work among processes: run sizes and stopping workers."""

from __future__ import annotations

import multiprocessing

import pytest

from analysis.run.pool import even_runs, processes, stop_workers


class _Proc:
    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log = name, log

    def terminate(self) -> None:
        self.log.append(f"terminate {self.name}")


def _pairs(log: list[str]) -> tuple[list, list]:
    pipes = [multiprocessing.Pipe() for _ in range(2)]
    workers = [(_Proc(n, log), mine) for n, (mine, _) in zip("ab", pipes, strict=True)]
    return workers, [theirs for _, theirs in pipes]


def test_stop_workers_asks_every_worker_first_then_waits() -> None:
    log: list[str] = []
    workers, theirs = _pairs(log)
    stop_workers(workers, abort=False, finish=lambda p: log.append(f"finish {p.name}"))
    assert [end.recv() for end in theirs] == [None, None]
    assert log == ["finish a", "finish b"]
    assert all(conn.closed for _, conn in workers)


def test_stop_workers_on_abort_terminates_and_sends_nothing() -> None:
    log: list[str] = []
    workers, theirs = _pairs(log)
    stop_workers(workers, abort=True, finish=lambda p: log.append(f"finish {p.name}"))
    assert log == ["terminate a", "finish a", "terminate b", "finish b"]
    for end in theirs:  # nothing was sent: the other end is simply closed
        with pytest.raises(EOFError):
            end.recv()


def test_even_runs_and_processes() -> None:
    assert even_runs([5, 1, 1, 1, 5, 1], 2) == [[0, 1, 2], [3, 4, 5]]
    assert even_runs([1, 1], 4) == [[0], [1]]
    assert processes(3) == 3 and processes(0) == 1 and processes(-1) >= 1
