"""The ``tokenize`` command end to end against plain ``jieba.lcut``, side by side in one run.

    python bench/bench_cli.py [--size-mb 10] [--jobs 1,2] [--engine rjieba] [--repeat 3]

Times, as subprocesses from a cold shell, ``python -m analysis tokenize FILES --format text``
on a synthetic corpus (distinct copies of the seeds) with an empty cache (cold) and again
(warm), for each ``--jobs``; and a plain single-process ``jieba.lcut`` script over the same
files, dictionary load included. Ratios are baseline seconds / our seconds (targets: >= 3x
cold, >= 20x warm). The output of every run is hashed: cold and warm, and all job counts,
must print the same tokens. Peak memory is the summed RSS of each command's process tree.
With ``--repeat N`` the whole set (baseline, then ours) runs N times in turn and each
figure is the median of its N runs (every run's seconds are kept as ``samples``): a single
run on a shared virtual machine varies by 10 % or more, the baseline as much as ours.
Writes ``bench/results/cli_tokenize_<size>mb.json``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    BENCH_DIR,
    PYTHON,
    Run,
    add_root_option,
    cli_options,
    folder_mb,
    print_table,
    run_dicts,
    run_measured,
    size_tag,
    write_result,
)
from _synth import corpus_mb, write_corpus

PLAIN_JIEBA: Path = BENCH_DIR / "baselines" / "plain_jieba.py"
TARGETS: dict[str, float] = {"cold": 3.0, "warm": 20.0}


def tokenize_command(files: list[Path], *, jobs: int, engine: str | None, root: Path) -> list[str]:
    """Return the user's command line, with only the options ``tokenize --help`` lists."""
    options = cli_options("tokenize", root=root)
    cmd = [PYTHON, "-m", "analysis", "tokenize", *map(str, files), "--format", "text"]
    if "--jobs" in options:
        cmd += ["--jobs", str(jobs)]
    if engine:
        if "--engine" not in options:
            raise SystemExit("tokenize has no --engine option in this version")
        cmd += ["--engine", engine]
    return cmd


def run_ours(
    files: list[Path], work: Path, *, jobs: int, engine: str | None, root: Path
) -> tuple[list[Run], float]:
    """Cold (empty cache folder) then warm (same folder) runs, and the cache's size in MB."""
    cache = work / f"cache-j{jobs}"
    cache.mkdir()
    cmd = tokenize_command(files, jobs=jobs, engine=engine, root=root)
    runs = []
    for phase in ("cold", "warm"):
        name = f"tokenize --jobs {jobs}, {phase}"
        out = work / f"ours-j{jobs}-{phase}.txt"
        env = {"ANALYSIS_CACHE_DIR": str(cache)}
        runs.append(run_measured(name, cmd, out=out, root=root, env=env))
        print(f"  {name}: {runs[-1].seconds:.2f} s", flush=True)
    return runs, folder_mb(cache)


def _phase(run: Run) -> str:
    return run.name.rsplit(" ", 1)[-1]


def summarise(baseline: Run, ours: list[Run]) -> dict[str, object]:
    """Ratios per run, targets met, and whether all our runs printed identical output."""
    ratios = {r.name: round(baseline.seconds / r.seconds, 2) for r in ours}
    best = {phase: max(v for k, v in ratios.items() if k.endswith(phase)) for phase in TARGETS}
    return {
        "ratios": ratios,
        "best_ratio": best,
        "targets": TARGETS,
        "targets_met": {p: best[p] >= t for p, t in TARGETS.items()},
        "identical_output": len({r.stdout_sha256 for r in ours}) == 1,
        "peak_mb_max": max(r.peak_mb for r in [baseline, *ours]),
    }


def report(baseline: Run, ours: list[Run], summary: dict[str, object]) -> None:
    """Print the side-by-side table."""
    rows = [[baseline.name, f"{baseline.seconds:.2f}", f"{baseline.peak_mb:.0f}", "1.00x", ""]]
    for r in ours:
        target = TARGETS[_phase(r)]
        ratio = baseline.seconds / r.seconds
        rows.append(
            [r.name, f"{r.seconds:.2f}", f"{r.peak_mb:.0f}", f"{ratio:.2f}x", f">= {target:g}x"]
        )
    print_table(["run", "seconds", "peak MB", "ratio", "target"], rows)
    same = "identical" if summary["identical_output"] else "DIFFERENT"
    print(f"output of our runs (cold/warm, all --jobs): {same}")


def median_run(runs: list[Run]) -> Run:
    """One figure for repeated runs of a command: median seconds, highest peak memory."""
    if len({r.stdout_sha256 for r in runs}) != 1:
        raise SystemExit(f"{runs[0].name}: repeated runs printed different output")
    seconds = statistics.median(r.seconds for r in runs)
    return replace(runs[0], seconds=round(seconds, 3), peak_mb=max(r.peak_mb for r in runs))


def measure(
    files: list[Path], work: Path, args: argparse.Namespace
) -> tuple[Run, list[Run], float, dict[str, list[float]]]:
    """Baseline and our runs, ``args.repeat`` rounds; medians, cache size, every sample."""
    rounds: list[tuple[Run, list[Run]]] = []
    cache_mb = 0.0
    for i in range(args.repeat):
        folder = work / f"round{i}"
        folder.mkdir()
        plain = run_measured(
            "plain jieba.lcut", [PYTHON, str(PLAIN_JIEBA), *map(str, files)], out=folder / "plain"
        )
        print(f"  plain jieba.lcut: {plain.seconds:.2f} s", flush=True)
        ours: list[Run] = []
        for jobs in (int(j) for j in args.jobs.split(",")):
            runs, cache_mb = run_ours(files, folder, jobs=jobs, engine=args.engine, root=args.root)
            ours += runs
        rounds.append((plain, ours))
    baseline = median_run([b for b, _ in rounds])
    ours = [median_run([o[k] for _, o in rounds]) for k in range(len(rounds[0][1]))]
    samples = {r.name: [] for r in [rounds[0][0], *rounds[0][1]]}
    for b, o in rounds:
        for r in [b, *o]:
            samples[r.name].append(r.seconds)
    return baseline, ours, cache_mb, samples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=10.0, help="corpus size (default 10)")
    ap.add_argument("--jobs", default="1,2", help="job counts to run (default 1,2)")
    ap.add_argument("--engine", help="pass --engine to tokenize (if it has one)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds; medians count (default 3)")
    add_root_option(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        work = Path(tmp)
        files = write_corpus(work / "corpus", size_mb=args.size_mb)
        mb = corpus_mb(files)
        print(f"corpus: {len(files)} files, {mb:.1f} MB", flush=True)
        baseline, ours, cache_mb, samples = measure(files, work, args)
    summary = summarise(baseline, ours)
    report(baseline, ours, summary)
    path = write_result(
        f"cli_tokenize_{size_tag(args.size_mb)}",
        {
            "corpus": {"files": len(files), "mb": round(mb, 2)},
            "engine": args.engine or "default",
            "cache_mb": cache_mb,
            "repeat": args.repeat,
            "samples": samples,
            "baseline": run_dicts([baseline])[0],
            "runs": run_dicts(ours),
            **summary,
        },
        root=args.root,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
