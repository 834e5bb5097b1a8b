"""All benchmarks in one go, then the README table (``make bench``).

    python bench/run_all.py [--size-mb 10] [--pipeline-mb 10] [--skip-report] [--snapshot]

Runs, one after the other (never in parallel, so they do not compete for the cores):
``bench_startup.py``, ``bench_cli.py --size-mb S``, ``bench_topics.py --size-mb S``,
``bench_pipeline.py --size-mb P``, ``bench_long_lines.py`` and ``bench_report.py`` (the 31
provincial reports; skip it with ``--skip-report``), then prints ``report_table.py``'s
markdown. ``--snapshot`` measures the last commit (exported to a temporary folder) instead
of the working tree.
For the README's 100 MB figure: ``python bench/bench_pipeline.py --size-mb 100``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BENCH_DIR, PYTHON, add_root_option, export_head


def plan(args: argparse.Namespace) -> list[list[str]]:
    """The benchmark scripts and their arguments, in order."""
    size, pipe = str(args.size_mb), str(args.pipeline_mb)
    steps = [
        ["bench_startup.py"],
        ["bench_cli.py", "--size-mb", size],
        ["bench_topics.py", "--size-mb", size],
        ["bench_pipeline.py", "--size-mb", pipe],
        ["bench_long_lines.py"],
    ]
    if not args.skip_report:
        steps.append(["bench_report.py"])
    return steps


def run_steps(steps: list[list[str]], root: Path) -> int:
    """Run each script with ``--root``; return the number that failed."""
    failed = 0
    for script, *rest in steps:
        cmd = [PYTHON, str(BENCH_DIR / script), *rest, "--root", str(root)]
        print(f"\n$ {' '.join(cmd[1:])}", flush=True)
        code = subprocess.run(cmd, check=False).returncode
        if code != 0:
            print(f"{script}: exit status {code}", flush=True)
            failed += 1
    return failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=10.0, help="tokenize and topics (10)")
    ap.add_argument("--pipeline-mb", type=float, default=10.0, help="end-to-end pipeline (10)")
    ap.add_argument("--skip-report", action="store_true", help="leave out make report")
    ap.add_argument("--snapshot", action="store_true", help="measure HEAD, not the work tree")
    add_root_option(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-head-") as tmp:
        root = export_head(Path(tmp)) if args.snapshot else args.root
        failed = run_steps(plan(args), root)
    print()
    subprocess.run([PYTHON, str(BENCH_DIR / "report_table.py")], check=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
