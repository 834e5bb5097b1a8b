"""``make report CORPUS=...`` wall time after setup, with an empty cache and again.

    python bench/bench_report.py [--corpus ../shared/corpora/provinces-2026] [--no-warm]

Runs ``make setup`` first (not timed), then ``make report CORPUS=DIR OUT=<tmp>`` with an empty
cache folder (cold) and, unless ``--no-warm``, once more with the same cache (warm). Pages go
to a temporary folder, so nothing in the repository changes. Target: cold <= 90 s for the 31
provincial reports. Peak memory is the summed RSS of make, Python and the notebook kernels.
Writes ``bench/results/report_<corpus folder name>.json``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    PROJECT_ROOT,
    Run,
    add_root_option,
    print_table,
    run_dicts,
    run_measured,
    write_result,
)

DEFAULT_CORPUS: Path = PROJECT_ROOT.parent / "shared" / "corpora" / "provinces-2026"
TARGET_S: float = 90.0


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
    add_root_option(ap)
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    n_reports = len(list(corpus.glob("*.txt")))
    ensure_setup(args.root)
    print(f"corpus: {corpus} ({n_reports} reports)", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        runs = run_report(corpus, Path(tmp), warm=not args.no_warm, root=args.root)
    rows = [
        [r.name, f"{r.seconds:.1f}", f"{r.peak_mb:.0f}", f"<= {TARGET_S:g} s" if i == 0 else ""]
        for i, r in enumerate(runs)
    ]
    print_table(["run", "seconds", "peak MB", "target"], rows)
    data = {
        "corpus": {"name": corpus.name, "reports": n_reports},
        "runs": run_dicts(runs),
        "cold_s": runs[0].seconds,
        "target_s": TARGET_S,
        "target_met": runs[0].seconds <= TARGET_S,
    }
    path = write_result(f"report_{corpus.name}", data, root=args.root)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
