"""The cache's speed: ``tokenize`` cold, re-run, and re-run with only the per-file entries.

    python bench/bench_cache.py [--against REF] [--repeat 3] [--corpus DIR]

Times, as subprocesses from a cold shell, ``python -m analysis tokenize FILES --format text``
on the seeds and on a copy of ``../shared/corpora/provinces-2026`` (in a temporary folder):

- ``cold``: an empty cache folder;
- ``re-run``: the same command again (its output is read back from the ``outputs`` layer);
- ``per-file``: the same command after the ``outputs`` layer is removed, so that each file's
  extraction, the dictionary's pointers and each file's tokens are read from the cache.

With ``--against REF`` the commit ``REF`` (e.g. the commit before the cache's format changed)
is exported with ``git archive`` and measured in the same rounds, taking turns with this
checkout, so both see the same machine. Each figure is the median of ``--repeat`` rounds;
every run's output is hashed and must be the same for both checkouts and all phases.
Writes ``bench/results/cache.json``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    PROJECT_ROOT,
    PYTHON,
    Run,
    add_root_option,
    folder_mb,
    print_table,
    write_result,
)
from _common import run_measured as _run_measured

PROVINCES: Path = PROJECT_ROOT.parent / "shared" / "corpora" / "provinces-2026"
PHASES = ("cold", "re-run", "per-file")


def export_ref(ref: str, dest: Path) -> Path:
    """Export commit ``ref`` of this repository to ``dest`` (its ``analysis`` is measured).

    Returns
    -------
    Path
        ``dest``, with a ``COMMIT`` file holding the short hash.
    """
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", ref], capture_output=True, cwd=PROJECT_ROOT, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", ref],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=True,
    ).stdout.strip()
    (dest / "COMMIT").write_text(commit + "\n")
    return dest


def corpus_files(name: str, work: Path, source: Path) -> list[Path]:
    """The ``.txt`` files of a corpus, copied (with its ``catalog.csv``) into ``work``."""
    folder = work / name
    shutil.copytree(source, folder)
    return sorted(folder.glob("*.txt"))


def run_phases(files: list[Path], work: Path, *, root: Path, tag: str) -> tuple[list[Run], float]:
    """Cold, re-run and per-file runs of one checkout; and the cache's size in MB."""
    cache = work / f"cache-{tag}"
    cmd = [PYTHON, "-m", "analysis", "tokenize", *map(str, files), "--format", "text"]
    env = {"ANALYSIS_CACHE_DIR": str(cache)}
    runs = []
    for phase in PHASES:
        if phase == "per-file":
            for outputs in cache.glob("*/outputs"):
                shutil.rmtree(outputs)
        out = work / f"{tag}-{phase}.txt"
        runs.append(_run_measured(f"{tag} {phase}", cmd, out=out, root=root, env=env))
    return runs, folder_mb(cache)


def measure(
    corpora: dict[str, list[Path]], work: Path, roots: dict[str, Path], repeat: int
) -> dict[str, dict[str, object]]:
    """Every checkout on every corpus, ``repeat`` rounds in turn; medians and samples."""
    samples: dict[tuple[str, str, str], list[float]] = {}
    hashes: dict[str, set[str]] = {name: set() for name in corpora}
    sizes: dict[tuple[str, str], float] = {}
    for i in range(repeat):
        for corpus, files in corpora.items():
            for tag, root in roots.items():
                folder = work / f"round{i}-{corpus}-{tag}"
                folder.mkdir()
                runs, sizes[corpus, tag] = run_phases(files, folder, root=root, tag=tag)
                for phase, run in zip(PHASES, runs, strict=True):
                    samples.setdefault((corpus, tag, phase), []).append(run.seconds)
                    hashes[corpus].add(run.stdout_sha256)
                    print(f"  {corpus} {run.name}: {run.seconds:.2f} s", flush=True)
    result: dict[str, dict[str, object]] = {}
    for (corpus, tag, phase), secs in samples.items():
        entry = result.setdefault(f"{corpus} {tag}", {"cache_mb": sizes[corpus, tag]})
        entry[phase] = {"median": round(statistics.median(secs), 3), "samples": secs}
    for corpus, seen in hashes.items():
        if len(seen) != 1:
            raise SystemExit(f"{corpus}: the runs printed different output")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", help="a commit to measure in the same rounds (e.g. HEAD~1)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds; medians count (default 3)")
    ap.add_argument("--corpus", type=Path, default=PROVINCES, help="the larger corpus")
    add_root_option(ap)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        work = Path(tmp)
        roots = {"this": args.root}
        if args.against:
            roots = {args.against: export_ref(args.against, work / "against"), **roots}
        corpora = {
            "seeds": corpus_files("seeds", work, PROJECT_ROOT / "seeds"),
            args.corpus.name: corpus_files(args.corpus.name, work, args.corpus),
        }
        result = measure(corpora, work, roots, args.repeat)
    rows = [
        [name, *(f"{entry[p]['median']:.2f}" for p in PHASES), f"{entry['cache_mb']:.1f}"]
        for name, entry in result.items()
    ]
    print_table(["corpus and checkout", *(f"{p} s" for p in PHASES), "cache MB"], rows)
    path = write_result(
        "cache", {"repeat": args.repeat, "against": args.against, "runs": result}, root=args.root
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
