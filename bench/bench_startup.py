"""Cold-shell start-up: ``import analysis`` and ``python -m analysis lookup TERM``.

    python bench/bench_startup.py [--term 三资三化] [--repeat 5]

Each command is a new Python process (as from a shell); the fastest and median of
``--repeat`` runs are reported next to a bare ``python -c pass``. Target: lookup well under
1 s. Both commands are also run once with ``-X importtime`` to list the heavy libraries they
import (pandas, jieba, gensim, ...) and what each costs; ``import analysis`` and ``lookup``
should import none of them before they are needed.
Writes ``bench/results/startup.json``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    PYTHON,
    add_root_option,
    code_env,
    print_table,
    run_measured,
    write_result,
)

#: Libraries that cost a noticeable fraction of a second to import.
HEAVY: tuple[str, ...] = (
    "pandas",
    "numpy",
    "jieba",
    "rjieba",
    "gensim",
    "sklearn",
    "scipy",
    "matplotlib",
    "opencc",
    "joblib",
    "jinja2",
    "IPython",
    "ahocorasick",
    "pyarrow",
)
TARGET_S: float = 1.0
_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)$")


def commands(term: str) -> dict[str, list[str]]:
    """The timed commands, by name."""
    return {
        "python -c pass": [PYTHON, "-c", "pass"],
        "import analysis": [PYTHON, "-c", "import analysis"],
        f"lookup {term}": [PYTHON, "-m", "analysis", "lookup", term],
    }


def heavy_imports(cmd: list[str], root: Path) -> dict[str, float]:
    """Heavy top-level modules ``cmd`` imports, with their cumulative import seconds."""
    env = {**os.environ, **code_env(root)}
    traced = [cmd[0], "-X", "importtime", *cmd[1:]]
    proc = subprocess.run(traced, capture_output=True, text=True, cwd=root, env=env, check=False)
    found: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match and match.group(4) in HEAVY:
            found[match.group(4)] = round(int(match.group(2)) / 1e6, 3)
    return found


def time_command(name: str, cmd: list[str], work: Path, *, repeat: int, root: Path) -> dict:
    """Fastest and median wall seconds of ``repeat`` fresh processes, and their exit status."""
    runs = [
        run_measured(name, cmd, out=work / f"startup-{i}.out", root=root, check=False)
        for i in range(repeat)
    ]
    secs = [r.seconds for r in runs]
    return {
        "min_s": min(secs),
        "median_s": round(statistics.median(secs), 3),
        "returncode": runs[0].returncode,
        "peak_mb": max(r.peak_mb for r in runs),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--term", default="三资三化", help="term to look up (default 三资三化)")
    ap.add_argument("--repeat", type=int, default=5)
    add_root_option(ap)
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        for name, cmd in commands(args.term).items():
            results[name] = time_command(name, cmd, Path(tmp), repeat=args.repeat, root=args.root)
            results[name]["heavy_imports"] = heavy_imports(cmd, args.root)
    rows = [
        [
            name,
            f"{r['min_s']:.3f}",
            f"{r['median_s']:.3f}",
            str(r["returncode"]),
            ", ".join(f"{m} {s:.2f}s" for m, s in r["heavy_imports"].items()) or "none",
        ]
        for name, r in results.items()
    ]
    print_table(["command", "min s", "median s", "exit", "heavy imports (cumulative)"], rows)
    lookup = results[f"lookup {args.term}"]
    data = {
        "term": args.term,
        "repeat": args.repeat,
        "commands": results,
        "lookup_s": lookup["median_s"],
        "target_s": TARGET_S,
        "target_met": lookup["median_s"] < TARGET_S and lookup["returncode"] == 0,
        "heavy_free": not any(
            r["heavy_imports"] for n, r in results.items() if n != "python -c pass"
        ),
    }
    path = write_result("startup", data, root=args.root)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
