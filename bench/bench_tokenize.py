"""Tokenisation throughput against plain jieba, measured in the same run.

    python bench/bench_tokenize.py --mb 20

Reports, as ratios to plain single-process ``jieba.lcut`` with jieba's default dictionary:
our tokenisation with ``n_jobs=1``, with all cores, and the cached re-run; plus peak memory
(this process and its worker processes). Targets on a 2-core machine: n_jobs=1 >= 0.85x,
all cores >= 1.6x, cached >= 10x; memory for 100 MB below 2 GB.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synth import synthetic_paragraphs

from analysis import build_tokenizer, read_corpus, tokenize


class PeakMemory:
    """Samples the resident memory of this process and all its workers (psutil)."""

    def __init__(self, every: float = 0.2) -> None:
        import psutil

        self.proc = psutil.Process()
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        total = self.proc.memory_info().rss
        for child in self.proc.children(recursive=True):
            with contextlib.suppress(Exception):  # a worker that just exited
                total += child.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._total())
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--jobs", type=int, default=-1, help="cores for the parallel run")
    ap.add_argument(
        "--memory-only",
        action="store_true",
        help="only the parallel run, to read its peak memory (e.g. with --mb 100)",
    )
    args = ap.parse_args()

    import jieba
    from joblib import cpu_count

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    paras = synthetic_paragraphs(args.mb)
    texts = paras["text"].tolist()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {mb:.1f} MB, {len(texts)} paragraphs, {paras['doc_id'].nunique()} reports")

    if args.memory_only:
        tok = build_tokenizer(read_corpus())
        with PeakMemory() as mem:
            secs, tokens = _timed(
                lambda: tokenize(
                    paras, tokenizer=tok, n_jobs=args.jobs, cache=False, progress=False
                )
            )
        n_tokens = sum(map(len, tokens["tokens"]))
        print(
            f"parallel run: {secs:.1f} s, {n_tokens} tokens; peak memory, this process and "
            f"its workers together: {mem.peak / 2**20:.0f} MB"
        )
        return 0
    base_s, _ = _timed(lambda: [jieba.lcut(t) for t in texts])
    tok = build_tokenizer(read_corpus())
    tok.cut("预热")  # build the private jieba dictionary outside the timings
    rows = [("plain jieba.lcut (baseline)", base_s)]
    s1, _ = _timed(lambda: tokenize(paras, tokenizer=tok, n_jobs=1, cache=False, progress=False))
    rows.append(("ours, n_jobs=1", s1))
    cores = cpu_count() if args.jobs < 0 else args.jobs
    sp, _ = _timed(
        lambda: tokenize(paras, tokenizer=tok, n_jobs=cores, cache=False, progress=False)
    )
    rows.append((f"ours, n_jobs={cores}", sp))
    with tempfile.TemporaryDirectory() as cache:
        sw, _ = _timed(
            lambda: tokenize(paras, tokenizer=tok, n_jobs=cores, cache=cache, progress=False)
        )
        rows.append((f"ours, n_jobs={cores}, writing the cache", sw))
        sc, _ = _timed(
            lambda: tokenize(paras, tokenizer=tok, n_jobs=cores, cache=cache, progress=False)
        )
        rows.append(("ours, cached re-run", sc))

    print(f"{'run':40s} {'seconds':>8s} {'MB/s':>7s} {'ratio':>7s}")
    for name, secs in rows:
        print(f"{name:40s} {secs:8.2f} {mb / secs:7.2f} {base_s / secs:6.2f}x")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {own:.0f} MB (this process), {kids:.0f} MB (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
