"""``make report CORPUS=...`` wall time after setup, with an empty cache and again, beside plain
``jieba.lcut`` on the same files in the same run.

    python bench/bench_report.py [--corpus ../shared/corpora/provinces-2026] [--no-warm]
    python bench/bench_report.py --corpus <a folder with the whole panel> --no-warm --panel

Runs ``make setup`` first (not timed), then ``make report CORPUS=DIR OUT=<tmp>`` with an empty
cache folder (cold) and, unless ``--no-warm``, once more with the same cache (warm). Pages go
to a temporary folder, so nothing in the repository changes. Target: cold <= 90 s for the 31
provincial reports. Peak memory is the summed RSS of make, Python and the notebook kernels.
Plain ``jieba.lcut`` (``bench/baselines/plain_jieba.py``, one process) segments the same files
before the report and again after it; the faster of the two is the baseline (on this machine
the same jieba run varies by a third between runs), so the ratio report ÷ jieba errs high.
Without ``--panel``, plain ``jieba.lcut`` also segments 10 MB of synthetic reports (distinct
copies of the seeds) in the same run: the target is report cold <= 3x that time.
The largest page and the total size of the pages are reported. ``--panel`` sets the
targets of the whole panel (875 reports): at most 6× plain jieba, peak memory below 3 GB, no
page above 5 MB. Writes
``bench/results/report_<corpus folder name>.json``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    BENCH_DIR,
    PROJECT_ROOT,
    PYTHON,
    Run,
    add_root_option,
    print_table,
    run_dicts,
    run_measured,
    write_result,
)
from _synth import write_corpus

DEFAULT_CORPUS: Path = PROJECT_ROOT.parent / "shared" / "corpora" / "provinces-2026"
TARGET_S: float = 90.0
#: The 31 provincial reports: report cold <= this × plain jieba on 10 MB (same run).
TARGET_10MB: float = 3.0
#: The whole panel: report ÷ plain jieba, peak MB of all processes, largest page MB.
PANEL_TARGETS = {"ratio": 6.0, "peak_mb": 3000.0, "page_mb": 5.0}


def ensure_setup(root: Path) -> None:
    """``make setup`` in this repository; in another checkout only check it is up to date.

    A snapshot shares this repository's ``.venv``: installing from it would repoint the
    editable install, so there it must already be set up.
    """
    if root.resolve() == PROJECT_ROOT:
        subprocess.run(["make", "--no-print-directory", "setup"], cwd=root, check=True)
        return
    if subprocess.run(["make", "-q", "setup"], cwd=root, check=False).returncode != 0:
        raise SystemExit(f"{root}: make setup would reinstall; run it in the repository first")


def run_jieba(corpus: Path, work: Path, *, root: Path) -> Run:
    """Plain single-process jieba.lcut over the corpus's files."""
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    cmd = [PYTHON, str(BENCH_DIR / "baselines" / "plain_jieba.py"), *files]
    run = run_measured("plain jieba.lcut", cmd, out=work / "jieba.txt", root=root)
    print(f"  plain jieba.lcut: {run.seconds:.1f} s, {run.peak_mb:.0f} MB", flush=True)
    return run


def run_jieba_10mb(work: Path, *, root: Path) -> Run:
    """Plain jieba.lcut over 10 MB of synthetic reports (the 31 provinces' yardstick)."""
    files = write_corpus(work / "synthetic-10mb", size_mb=10)
    cmd = [PYTHON, str(BENCH_DIR / "baselines" / "plain_jieba.py"), *map(str, files)]
    run = run_measured("plain jieba.lcut, 10 MB", cmd, out=work / "jieba10.txt", root=root)
    print(f"  plain jieba.lcut, 10 MB: {run.seconds:.1f} s", flush=True)
    return run


def page_sizes(out: Path) -> dict[str, float]:
    """Largest page (MB, and its name) and all pages together (MB)."""
    pages = sorted(out.glob("*.html"), key=lambda p: p.stat().st_size)
    if not pages:
        return {"largest_mb": 0.0, "largest": "", "total_mb": 0.0, "pages": 0}
    return {
        "largest_mb": round(pages[-1].stat().st_size / 2**20, 2),
        "largest": pages[-1].name,
        "total_mb": round(sum(p.stat().st_size for p in pages) / 2**20, 1),
        "pages": len(pages),
    }


def run_report(corpus: Path, work: Path, *, warm: bool, root: Path) -> list[Run]:
    """Cold, then (if ``warm``) warm ``make report`` runs into ``work``."""
    env = {"ANALYSIS_CACHE_DIR": str(work / "cache")}
    cmd = ["make", "--no-print-directory", "report", f"CORPUS={corpus}", f"OUT={work / 'out'}"]
    runs = []
    for phase in ("cold", "warm") if warm else ("cold",):
        out = work / f"report-{phase}.log"
        runs.append(run_measured(f"make report, {phase}", cmd, out=out, root=root, env=env))
        print(f"  {phase}: {runs[-1].seconds:.1f} s, {runs[-1].peak_mb:.0f} MB", flush=True)
    return runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of reports")
    ap.add_argument("--no-warm", action="store_true", help="only the cold run")
    ap.add_argument("--panel", action="store_true", help="the whole panel's targets")
    add_root_option(ap)
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    n_reports = len(list(corpus.glob("*.txt")))
    ensure_setup(args.root)
    print(f"corpus: {corpus} ({n_reports} reports)", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        before = run_jieba(corpus, Path(tmp), root=args.root)
        runs = run_report(corpus, Path(tmp), warm=not args.no_warm, root=args.root)
        sizes = page_sizes(Path(tmp) / "out")
        after = run_jieba(corpus, Path(tmp), root=args.root)
        ten = None if args.panel else run_jieba_10mb(Path(tmp), root=args.root)
    jieba = min(before, after, key=lambda r: r.seconds)
    ratio = runs[0].seconds / jieba.seconds
    rows = [[jieba.name, f"{jieba.seconds:.1f}", f"{jieba.peak_mb:.0f}", ""]]
    rows += [[r.name, f"{r.seconds:.1f}", f"{r.peak_mb:.0f}", f"{r.seconds / jieba.seconds:.2f}x"]
             for r in runs]  # fmt: skip
    print_table(["run", "seconds", "peak MB", "÷ plain jieba"], rows)
    print(f"pages: {sizes['pages']}, {sizes['total_mb']} MB; largest {sizes['largest']} "
          f"{sizes['largest_mb']} MB")  # fmt: skip
    if args.panel:
        met = (ratio <= PANEL_TARGETS["ratio"] and runs[0].peak_mb < PANEL_TARGETS["peak_mb"]
               and sizes["largest_mb"] <= PANEL_TARGETS["page_mb"])  # fmt: skip
    else:
        met = runs[0].seconds <= TARGET_S and runs[0].seconds <= TARGET_10MB * ten.seconds
        print(f"report cold ÷ plain jieba on 10 MB: {runs[0].seconds / ten.seconds:.2f}x "
              f"(target <= {TARGET_10MB}x)")  # fmt: skip
    data = {
        "corpus": {"name": corpus.name, "reports": n_reports},
        "baseline": run_dicts([jieba])[0],
        "baseline_seconds": {"before": before.seconds, "after": after.seconds},
        "runs": run_dicts(runs),
        "cold_s": runs[0].seconds,
        "ratio_to_jieba": round(ratio, 2),
        "pages": sizes,
        "targets": PANEL_TARGETS if args.panel else {"cold_s": TARGET_S, "ratio_10mb": TARGET_10MB},
        **(
            {}
            if ten is None
            else {
                "jieba_10mb": run_dicts([ten])[0],
                "ratio_to_jieba_10mb": round(runs[0].seconds / ten.seconds, 2),
            }
        ),
        "target_met": met,
    }
    print(f"targets met: {met}")
    path = write_result(f"report_{corpus.name}", data, root=args.root)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
