"""Reports saved as one long line against the same text with its line breaks, by size.

    python bench/bench_long_lines.py [--corpus ../shared/corpora/provinces-2026]
        [--sizes 2,8,29] [--commands tokenize,targets] [--repeat 1] [--root DIR]

For each size (MB, 10^6 bytes) one report file is written twice in a temporary folder: the
corpus's reports put one after another (repeated up to the size) with their line breaks,
and the same text with every line break removed, one line. Each command,
``python -m analysis COMMAND FILE --no-cache`` (read, paragraphs, glossary, slogans, then
the command's own step; ``tokenize`` segments every paragraph), runs from a cold shell on
both. Printed and kept: seconds for each, the ratio one line ÷ with line breaks, the seconds
per MB and the marginal seconds per MB from the previous size (start-up left out), whose
``growth`` from the first step shows whether time is linear in size (about 1: linear; a
quadratic step doubles it and more). With ``--repeat N`` each figure is the median of N runs. Writes
``bench/results/long_lines.json``; ``--root`` measures another checkout (the code before a
change, e.g. ``git archive`` of an older commit with a ``COMMIT`` file).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    PROJECT_ROOT,
    PYTHON,
    Run,
    add_root_option,
    print_table,
    run_dicts,
    run_measured,
    write_result,
)

DEFAULT_CORPUS: Path = PROJECT_ROOT.parent / "shared" / "corpora" / "provinces-2026"
SHAPES: tuple[str, ...] = ("one line", "line breaks")


def corpus_text(folder: Path) -> str:
    """The folder's reports, one after another (sorted by name), with their line breaks."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"{folder}: no .txt files")
    texts = [p.read_text(encoding="utf-8", errors="replace").replace("\r", "") for p in files]
    return "\n".join(t.strip("\n") for t in texts) + "\n"


def sized(text: str, size_mb: float) -> str:
    """``text`` repeated and cut to ``size_mb`` MB of UTF-8 (at a character boundary)."""
    target = int(size_mb * 1e6)
    data = (text * (target // len(text.encode("utf-8")) + 1)).encode("utf-8")[:target]
    return data.decode("utf-8", errors="ignore")


def write_pair(text: str, size_mb: float, work: Path) -> dict[str, Path]:
    """The report of ``size_mb`` MB with line breaks, and the same text as one line."""
    lines = sized(text, size_mb)
    paths = {}
    for shape, body in zip(SHAPES, (lines.replace("\n", "") + "\n", lines), strict=True):
        folder = work / f"{size_mb:g}mb-{shape.replace(' ', '-')}"
        folder.mkdir(parents=True)
        paths[shape] = folder / "report.txt"
        paths[shape].write_text(body, encoding="utf-8")
    return paths


def timed(command: str, path: Path, out: Path, *, repeat: int, root: Path) -> Run:
    """Median seconds of ``repeat`` cold runs of ``python -m analysis COMMAND FILE``."""
    cmd = [PYTHON, "-m", "analysis", command, str(path), "--no-cache"]
    runs = [run_measured(command, cmd, out=out, root=root) for _ in range(repeat)]
    seconds = round(statistics.median(r.seconds for r in runs), 3)
    best = max(runs, key=lambda r: r.peak_mb)
    return Run(command, seconds, best.peak_mb, 0, best.stdout_sha256, best.stdout_bytes)


def measure(
    args: argparse.Namespace, text: str, sizes: list[float], commands: list[str]
) -> list[dict]:
    """One row per command and size: each shape's run and their ratio."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-long-lines-") as tmp:
        work = Path(tmp)
        for size in sizes:
            paths = write_pair(text, size, work)
            for command in commands:
                runs = {}
                for shape, path in paths.items():
                    out = path.with_name(f"{command}.out")
                    runs[shape] = timed(command, path, out, repeat=args.repeat, root=args.root)
                    print(f"  {command}, {size:g} MB, {shape}: {runs[shape].seconds:.2f} s")
                one, broken = runs["one line"], runs["line breaks"]
                rows.append(
                    {
                        "command": command,
                        "mb": size,
                        "runs": dict(zip(SHAPES, run_dicts([one, broken]), strict=True)),
                        "ratio": round(one.seconds / broken.seconds, 2),
                    }
                )
    return rows


def growth(rows: list[dict]) -> None:
    """Add each shape's seconds per MB, overall and from the command's previous size.

    The second (the marginal cost of a MB) leaves the start-up out: constant when time is
    linear in size. ``growth`` is each marginal figure over the command's first one.
    """
    for command in dict.fromkeys(r["command"] for r in rows):
        mine = sorted((r for r in rows if r["command"] == command), key=lambda r: r["mb"])
        for prev, row in zip([None, *mine], mine, strict=False):
            seconds = {s: row["runs"][s]["seconds"] for s in SHAPES}
            row["s_per_mb"] = {s: round(seconds[s] / row["mb"], 3) for s in SHAPES}
            if prev is None:
                continue
            step = row["mb"] - prev["mb"]
            row["marginal_s_per_mb"] = {
                s: round((seconds[s] - prev["runs"][s]["seconds"]) / step, 3) for s in SHAPES
            }
            first = mine[1]["marginal_s_per_mb"]
            row["growth"] = {
                s: round(row["marginal_s_per_mb"][s] / first[s], 2) if first[s] > 0 else None
                for s in SHAPES
            }


def _per_mb(row: dict, shape: str) -> str:
    marginal = row.get("marginal_s_per_mb", {}).get(shape)
    extra = f", +{marginal:.3f}" if marginal is not None else ""
    return f"{row['s_per_mb'][shape]:.3f}{extra}"


def report(rows: list[dict]) -> None:
    """Print time against size, both shapes side by side."""
    table = [
        [
            f"{r['command']} {r['mb']:g} MB",
            f"{r['runs']['one line']['seconds']:.2f}",
            f"{r['runs']['line breaks']['seconds']:.2f}",
            f"{r['ratio']:.2f}x",
            _per_mb(r, "one line"),
            _per_mb(r, "line breaks"),
            f"{r['runs']['one line']['peak_mb']:.0f} / {r['runs']['line breaks']['peak_mb']:.0f}",
        ]
        for r in rows
    ]
    headers = ["run", "one line s", "line breaks s", "ratio one/breaks"]
    headers += ["s/MB one (+marginal)", "s/MB breaks (+marginal)", "peak MB one / breaks"]
    print_table(headers, table)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of reports")
    ap.add_argument("--sizes", default="2,8,29", help="file sizes in MB (default 2,8,29)")
    ap.add_argument("--commands", default="tokenize,targets", help="default tokenize,targets")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure; medians (1)")
    add_root_option(ap)
    args = ap.parse_args()
    sizes = sorted(float(s) for s in args.sizes.split(","))
    commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    text = corpus_text(args.corpus)
    rows = measure(args, text, sizes, commands)
    growth(rows)
    report(rows)
    path = write_result(
        "long_lines",
        {
            "corpus": {"name": args.corpus.name, "mb": round(len(text.encode("utf-8")) / 1e6, 2)},
            "repeat": args.repeat,
            "rows": rows,
            "max_growth": {
                s: max((r["growth"][s] or 0 for r in rows if "growth" in r), default=None)
                for s in SHAPES
            },
        },
        root=args.root,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
