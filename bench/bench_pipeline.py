"""tokenize + keywords + topics end to end against plain jieba + TF-IDF + LDA, in one run.

    python bench/bench_pipeline.py [--size-mb 100] [--k 10] [--jobs N]

Runs the three commands a user runs on a synthetic corpus (distinct copies of the seeds),
one after the other with one cache folder that starts empty: ``tokenize --format text``,
``keywords --format csv`` and ``topics --k K --format csv`` (default passes). The baseline
is one plain script (``baselines/plain_pipeline.py``): ``jieba.lcut`` per paragraph,
``TfidfVectorizer`` per report, gensim ``LdaModel`` with ``fit_topics``'s settings. Peak
memory is the summed RSS of each command's process tree, sampled every 0.1 s. Targets for
100 MB: total <= 5 min, peak < 2 GB. Writes ``bench/results/pipeline_<size>mb.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    BENCH_DIR,
    PYTHON,
    Run,
    add_root_option,
    cli_options,
    code_env,
    print_table,
    run_dicts,
    run_measured,
    size_tag,
    write_result,
)
from _synth import corpus_mb, write_corpus

PLAIN_PIPELINE: Path = BENCH_DIR / "baselines" / "plain_pipeline.py"
TARGETS: dict[str, float] = {"total_s": 300.0, "peak_mb": 2048.0}
#: The targets are for 100 MB; smaller runs report them as not judged (None).
TARGET_MB: float = 100.0
#: fit_topics settings the baseline copies (read from the measured code's signature).
LDA_SETTINGS: tuple[str, ...] = ("passes", "iterations", "no_above", "keep_n")


def lda_settings(root: Path) -> dict[str, object]:
    """Return ``fit_topics``'s default passes, iterations, no_above and keep_n."""
    code = (
        "import inspect, json\nfrom analysis.measure.topics import ENGINES, fit_topics\n"
        "p = inspect.signature(fit_topics).parameters\n"
        "g = ENGINES['gensim']  # the plain LdaModel copies the gensim engine's settings\n"
        f"print(json.dumps({{k: g.get(k, p[k].default) if p[k].default is None else p[k].default"
        f" for k in {list(LDA_SETTINGS)!r} if k in p}}))"
    )
    proc = subprocess.run(
        [PYTHON, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, **code_env(root)},
    )
    return json.loads(proc.stdout) if proc.returncode == 0 else {}


def _verb(
    verb: str, files: list[Path], extra: list[str], jobs: int | None, root: Path
) -> list[str]:
    cmd = [PYTHON, "-m", "analysis", verb, *map(str, files), *extra]
    if jobs is not None and "--jobs" in cli_options(verb, root=root):
        cmd += ["--jobs", str(jobs)]
    return cmd


def run_ours(files: list[Path], work: Path, *, k: int, jobs: int | None, root: Path) -> list[Run]:
    """The three commands in order, sharing one cache folder that starts empty."""
    env = {"ANALYSIS_CACHE_DIR": str(work / "cache")}
    steps = {
        "tokenize": ["--format", "text"],
        "keywords": ["--format", "csv"],
        "topics": ["--k", str(k), "--format", "csv"],
    }
    runs = []
    for verb, extra in steps.items():
        cmd = _verb(verb, files, extra, jobs, root)
        runs.append(run_measured(verb, cmd, out=work / f"{verb}.out", root=root, env=env))
        print(f"  {verb}: {runs[-1].seconds:.1f} s, {runs[-1].peak_mb:.0f} MB", flush=True)
    return runs


def run_plain(files: list[Path], work: Path, *, k: int, root: Path) -> tuple[Run, dict]:
    """The plain script; returns its run and its own per-stage seconds."""
    settings = lda_settings(root)
    opts = [f"--{key.replace('_', '-')}={value}" for key, value in settings.items()]
    cmd = [PYTHON, str(PLAIN_PIPELINE), *map(str, files), f"--k={k}", *opts]
    out = work / "plain.json"
    run = run_measured("plain jieba + TfidfVectorizer + LdaModel", cmd, out=out, root=root)
    stages = json.loads(out.read_text())
    print(f"  plain: {run.seconds:.1f} s {stages['seconds']}", flush=True)
    return run, {**stages, "lda_settings": settings}


def summarise(plain: Run, ours: list[Run], *, size_mb: float) -> dict[str, object]:
    """Totals, ratio (plain / ours), peak memory and targets (judged only at 100 MB+)."""
    judged = size_mb >= TARGET_MB
    total = round(sum(r.seconds for r in ours), 2)
    peak = max(r.peak_mb for r in ours)
    return {
        "total_s": total,
        "plain_total_s": plain.seconds,
        "ratio": round(plain.seconds / total, 2),
        "peak_mb": peak,
        "targets": TARGETS,
        "targets_met": {
            "total_s": total <= TARGETS["total_s"] if judged else None,
            "peak_mb": peak < TARGETS["peak_mb"] if judged else None,
        },
    }


def report(plain: Run, stages: dict, ours: list[Run], summary: dict[str, object]) -> None:
    """Print the side-by-side table."""
    rows = [[f"ours: {r.name}", f"{r.seconds:.1f}", f"{r.peak_mb:.0f}"] for r in ours]
    rows.append(["ours: total", f"{summary['total_s']:.1f}", f"{summary['peak_mb']:.0f}"])
    rows += [[f"plain: {k}", f"{v:.1f}", ""] for k, v in stages["seconds"].items()]
    rows.append(["plain: total (process)", f"{plain.seconds:.1f}", f"{plain.peak_mb:.0f}"])
    print_table(["step", "seconds", "peak MB"], rows)
    print(f"plain / ours: {summary['ratio']:.2f}x; targets met: {summary['targets_met']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=100.0, help="corpus size (default 100)")
    ap.add_argument("--k", type=int, default=10, help="topics (default 10)")
    ap.add_argument("--jobs", type=int, help="pass --jobs to each command (default: theirs)")
    add_root_option(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        work = Path(tmp)
        files = write_corpus(work / "corpus", size_mb=args.size_mb)
        print(f"corpus: {len(files)} files, {corpus_mb(files):.1f} MB", flush=True)
        ours = run_ours(files, work, k=args.k, jobs=args.jobs, root=args.root)
        plain, stages = run_plain(files, work, k=args.k, root=args.root)
        mb = corpus_mb(files)
    summary = summarise(plain, ours, size_mb=args.size_mb)
    report(plain, stages, ours, summary)
    data = {
        "corpus": {"files": len(files), "mb": round(mb, 2)},
        "k": args.k,
        "jobs": args.jobs,
        "runs": run_dicts(ours),
        "baseline": {**run_dicts([plain])[0], "stages": stages},
        **summary,
    }
    path = write_result(f"pipeline_{size_tag(args.size_mb)}", data, root=args.root)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
