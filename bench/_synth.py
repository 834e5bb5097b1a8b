"""A synthetic corpus of report files built from the seeds, for benchmarks (not a test fixture).

Each copy of a seed report gets a different marker at the end of every line long enough to be
a paragraph, e.g. ``...(17.42)``, so no two files and no two paragraphs are identical: a cache
keyed on file bytes or on paragraph text cannot share work between copies. Headings and short
lines stay as written, so sections, glossaries and metadata are read as in the seeds.
"""

from __future__ import annotations

from pathlib import Path

SEEDS_DIR: Path = Path(__file__).resolve().parent.parent / "seeds"
#: Lines shorter than this (headings, dates, names) are copied unchanged.
MARKED_MIN_CHARS: int = 20


def seed_files() -> list[Path]:
    """Return the seed reports (``seeds/*.txt``), sorted by name."""
    return sorted(SEEDS_DIR.glob("*.txt"))


def copies_for(size_mb: float) -> int:
    """Return how many copies of the seeds make about ``size_mb`` MiB (10 -> 60 copies)."""
    seed_bytes = sum(p.stat().st_size for p in seed_files())
    return max(1, int(size_mb * 2**20 / seed_bytes))


def _marked(text: str, copy: int) -> str:
    lines = text.split("\n")
    out = [
        f"{line}({copy}.{i})" if len(line) >= MARKED_MIN_CHARS else line
        for i, line in enumerate(lines)
    ]
    return "\n".join(out)


def write_corpus(dest: Path, *, size_mb: float) -> list[Path]:
    """Write distinct copies of the seed reports into ``dest`` (created).

    Returns
    -------
    list of Path
        The files written, ``c000_<seed name>``, ``c001_...``, sorted.
    """
    dest.mkdir(parents=True, exist_ok=True)
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in seed_files()]
    files = []
    for copy in range(copies_for(size_mb)):
        for name, text in seeds:
            path = dest / f"c{copy:03d}_{name}"
            path.write_text(_marked(text, copy), encoding="utf-8")
            files.append(path)
    return files


def corpus_mb(files: list[Path]) -> float:
    """Return the total size of ``files`` in MB (10^6 bytes)."""
    return sum(p.stat().st_size for p in files) / 1e6
