"""The README's benchmark table (markdown), regenerated from ``bench/results/*.json``.

    python bench/report_table.py [--results bench/results] [--out FILE]
    python bench/report_table.py --before bench/results/before   # with a "before" column

Every figure comes from a result file written by the scripts in ``bench/``; the lines above
the table name the machine (CPU, ``os.cpu_count()``, RAM, Python) and the code measured.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import RESULTS_DIR

Row = list[str]
HEADER: Row = ["benchmark", "ours", "baseline (same run)", "ratio", "target", "met"]


def _met(ok: object) -> str:
    if ok is None:
        return "n/a"
    return "yes" if ok else "**no**"


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def cli_rows(r: dict) -> list[Row]:
    """Rows of a ``cli_tokenize_*`` result."""
    base = r["baseline"]
    size = f"{r['corpus']['mb']:.1f} MB"
    rows = []
    for run in r["runs"]:
        phase = run["name"].rsplit(" ", 1)[-1]
        jobs = run["name"].removeprefix("tokenize ").removesuffix(f", {phase}")
        ratio = base["seconds"] / run["seconds"]
        target = r["targets"][phase]
        rows.append(
            [
                f"`tokenize` CLI, {size}, `{jobs}`, {phase}",
                _s(run["seconds"]),
                f"plain `jieba.lcut` {_s(base['seconds'])}",
                f"**{ratio:.2f}×** (plain ÷ ours)",
                f"≥ {target:g}×",
                _met(ratio >= target),
            ]
        )
    same = "identical" if r["identical_output"] else "different"
    rows.append(
        [
            f"`tokenize` output, cold = warm, all `--jobs`, {size}",
            same,
            "",
            "",
            "identical",
            _met(r["identical_output"]),
        ]
    )
    if "cache_mb" in r:
        rows.append(
            [f"cache on disk after a cold run, {size}", f"{r['cache_mb']:,.1f} MB", "", "", "", ""]
        )
    peak = max(run["peak_mb"] for run in r["runs"])
    rows.append(
        [
            f"`tokenize` peak memory (process tree), {size}",
            f"{peak:,.0f} MB",
            f"{base['peak_mb']:,.0f} MB",
            "",
            "",
            "",
        ]
    )
    return rows


def pipeline_rows(r: dict) -> list[Row]:
    """Rows of a ``pipeline_*`` result."""
    size = f"{r['corpus']['mb']:.1f} MB"
    steps = ", ".join(f"{x['name']} {_s(x['seconds'])}" for x in r["runs"])
    base = r["baseline"]
    plain = ", ".join(f"{k} {_s(v)}" for k, v in base["stages"]["seconds"].items())
    return [
        [
            f"`tokenize` + `keywords` + `topics --k {r['k']}`, {size}, cold cache",
            f"{_s(r['total_s'])} ({steps})",
            f"plain {_s(r['plain_total_s'])} ({plain})",
            f"**{r['ratio']:.2f}×** (plain ÷ ours)",
            f"≤ {r['targets']['total_s']:g} s",
            _met(r["targets_met"]["total_s"]),
        ],
        [
            f"the same against plain `jieba.lcut` alone (the plain script's jieba stage), {size}",
            _s(r["total_s"]),
            f"`jieba.lcut` {_s(base['stages']['seconds']['jieba'])}",
            f"**{r['total_s'] / base['stages']['seconds']['jieba']:.2f}×** (ours ÷ plain jieba)",
            "≤ 0.6×",
            _met(r["total_s"] / base["stages"]["seconds"]["jieba"] <= 0.6),
        ],
        [
            f"peak memory of all processes, {size}",
            f"{r['peak_mb']:,.0f} MB",
            f"{base['peak_mb']:,.0f} MB",
            "",
            f"< {r['targets']['peak_mb']:,.0f} MB",
            _met(r["targets_met"]["peak_mb"]),
        ],
    ]


def topics_rows(r: dict) -> list[Row]:
    """Rows of a ``topics_fit_*`` result (fit_topics against tomotopy and gensim directly)."""
    s, c = r["seconds"], r["coherence"]
    corpus = f"{r['corpus']['name']} ({r['corpus']['paragraphs']:,} paragraphs)"
    score = f"c_npmi {c['fit_topics']['c_npmi']:.3f}, c_v {c['fit_topics']['c_v']:.3f}"
    return [
        [
            f"`fit_topics(coherence=False)`, K={r['k']}, {corpus}",
            f"{_s(s['fit_topics'])} ({score})",
            f"tomotopy `LDAModel` {_s(s['tomotopy'])} (c_npmi {c['tomotopy']['c_npmi']:.3f})",
            f"**{r['ratio_vs_tomotopy']:.2f}×** (ours ÷ tomotopy)",
            "≤ 1.1×, coherence ≥ its own",
            _met(
                r["ratio_vs_tomotopy"] <= 1.1
                and c["fit_topics"]["c_npmi"] >= c["tomotopy"]["c_npmi"]
            ),
        ],
        [
            f"`fit_topics(coherence=False)` against gensim, K={r['k']}, {corpus}",
            _s(s["fit_topics"]),
            f"gensim `LdaModel` {_s(s['gensim'])} (c_npmi {c['gensim']['c_npmi']:.3f})",
            f"**{r['speedup_vs_gensim']:.1f}×** (gensim ÷ ours)",
            "≥ 5×",
            _met(r["speedup_vs_gensim"] >= 5.0),
        ],
    ]


def report_rows(r: dict) -> list[Row]:
    """Rows of a ``report_*`` result: each run beside plain jieba, and the pages' sizes."""
    rows = []
    base = r.get("baseline")
    for i, run in enumerate(r["runs"]):
        phase = run["name"].rsplit(" ", 1)[-1]
        corpus = f"…/{r['corpus']['name']}` ({r['corpus']['reports']} reports)"
        name = f"`make report CORPUS={corpus}, {phase}"
        plain = f"plain `jieba.lcut` {_s(base['seconds'])}" if base else ""
        ratio = f"**{run['seconds'] / base['seconds']:.2f}×** (ours ÷ plain)" if base else ""
        targets = r.get("targets", {})
        if i == 0 and "ratio" in targets:
            target = f"≤ {targets['ratio']:g}× plain, < {targets['peak_mb']:,.0f} MB"
        elif i == 0:
            target = f"≤ {targets.get('cold_s', r.get('target_s', 90)):g} s"
        else:
            target = ""
        met = _met(r["target_met"]) if i == 0 else ""
        rows.append([name, f"{_s(run['seconds'])}, {run['peak_mb']:,.0f} MB", plain, ratio,
                     target, met])  # fmt: skip
    ten = r.get("jieba_10mb")
    if ten:
        cold = r["runs"][0]["seconds"]
        rows.append(["the same, cold, against 10 MB of synthetic reports", _s(cold),
                     f"plain `jieba.lcut` on 10 MB {_s(ten['seconds'])}",
                     f"**{cold / ten['seconds']:.2f}×** (ours ÷ plain)",
                     f"≤ {r['targets'].get('ratio_10mb', 3):g}×",
                     _met(cold <= r['targets'].get('ratio_10mb', 3) * ten["seconds"])])  # fmt: skip
    pages = r.get("pages")
    if pages:
        panel = "page_mb" in r.get("targets", {})
        sizes = f"largest {pages['largest']} {pages['largest_mb']} MB, all {pages['total_mb']} MB"
        target = "≤ 5 MB a page" if panel else ""
        met = _met(pages["largest_mb"] <= 5.0) if panel else ""
        rows.append([f"pages of that run ({pages['pages']})", sizes, "", "", target, met])
    return rows


def startup_rows(r: dict) -> list[Row]:
    """Rows of the ``startup`` result."""
    cmds = r["commands"]
    bare = cmds["python -c pass"]["median_s"]
    rows = []
    for name, c in cmds.items():
        if name == "python -c pass":
            continue
        heavy = ", ".join(c["heavy_imports"]) or "no pandas/jieba/gensim/…"
        is_lookup = name.startswith("lookup")
        rows.append(
            [
                f"`python -m analysis {name}`" if is_lookup else f'`python -c "{name}"`',
                f"{_s(c['median_s'])} (imports {heavy})",
                f"`python -c pass` {_s(bare)}",
                "",
                f"< {r['target_s']:g} s" if is_lookup else "",
                _met(r["target_met"]) if is_lookup else "",
            ]
        )
    return rows


ROWS: dict[str, Callable[[dict], list[Row]]] = {
    "cli_tokenize_": cli_rows,
    "pipeline_": pipeline_rows,
    "topics_fit_": topics_rows,
    "report_": report_rows,
    "startup": startup_rows,
}


def machine_lines(results: list[dict]) -> list[str]:
    """One line per distinct machine and one naming the code measured."""
    machines = {json.dumps(r["machine"], sort_keys=True) for r in results}
    lines = []
    for m in map(json.loads, sorted(machines)):
        lines.append(
            f"Machine: {m['cpu']}, {m['cores']} cores (`os.cpu_count()`), {m['ram_gb']:g} GB RAM, "
            f"Python {m['python']}, {m['os']}."
        )
    commits = sorted(
        {r["code"]["commit"] + ("+" if r["code"]["analysis_modified"] else "") for r in results}
    )
    dates = sorted({r["date"][:10] for r in results})
    when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    code = ", ".join(commits)
    lines.append(f"Code: {code} (`+`: with uncommitted changes); measured {when}.")
    loads = [r["load_avg"][2] for r in results if "load_avg" in r]
    if loads:
        lines.append(
            f"Load average (15 min) at the end of the runs: {min(loads):.1f} to {max(loads):.1f}."
        )
    return lines


def table_rows(results: list[dict]) -> list[Row]:
    """The table's rows, benchmarks in a fixed order."""
    rows: list[Row] = []
    for prefix, fn in ROWS.items():
        for r in results:
            if r["benchmark"].startswith(prefix):
                rows += fn(r)
    return rows


def with_before(rows: list[Row], before: list[Row]) -> tuple[Row, list[Row]]:
    """Add a column with the same row's ``ours`` figure from earlier results."""
    earlier = {row[0]: row[1] for row in before}
    header = [*HEADER[:2], "before", *HEADER[2:]]
    return header, [[*row[:2], earlier.get(row[0], ""), *row[2:]] for row in rows]


def markdown(results: list[dict], *, before: list[dict] | None = None) -> str:
    """The machine lines and the table (with a ``before`` column if given)."""
    header, rows = HEADER, table_rows(results)
    if before:
        header, rows = with_before(rows, table_rows(before))
    out = [*machine_lines(results), ""]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def load(folder: Path) -> list[dict]:
    """Every result file in ``folder``, sorted by benchmark name."""
    results = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return sorted(results, key=lambda r: r["benchmark"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", type=Path, default=RESULTS_DIR)
    ap.add_argument("--out", type=Path, help="write the markdown here (default: print it)")
    ap.add_argument("--before", type=Path, help="earlier results to show beside (a folder)")
    args = ap.parse_args()
    results = load(args.results)
    if not results:
        raise SystemExit(f"{args.results}: no result files; run bench/run_all.py first")
    text = markdown(results, before=load(args.before) if args.before else None)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
