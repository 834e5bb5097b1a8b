"""Command line: keywords and topics contracts, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analysis.paths import SEEDS_DIR

SEEDS = sorted(str(p) for p in SEEDS_DIR.glob("*.txt"))


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"ANALYSIS_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
    )


def test_keywords_jsonl(tmp_path: Path) -> None:
    p = _cli("keywords", *SEEDS, "--top", "3", "--format", "jsonl", cache=tmp_path)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(rows) == 15
    assert set(rows[0]) == {"doc", "rank", "term", "score", "count"}
    assert [r["term"] for r in rows if r["doc"] == "002_144eade1b5c793bc.txt"] == [
        "广场",
        "营收",
        "增速",
    ]
    kept = _cli(
        "keywords", *SEEDS, "--top", "1", "--keep-places", "--format", "csv", cache=tmp_path
    )
    assert kept.stdout.splitlines()[3].split(",")[:3] == ["002_144eade1b5c793bc.txt", "1", "市南区"]


def test_keywords_by_year_and_bad_column(tmp_path: Path) -> None:
    p = _cli("keywords", *SEEDS, "--top", "2", "--by", "year", "--format", "csv", cache=tmp_path)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == "year,rank,term,score,count"
    assert [ln.split(",")[0] for ln in lines[1:]] == [
        "2024",
        "2024",
        "2021",
        "2021",
        "2025",
        "2025",
        "2026",
        "2026",
    ]
    bad = _cli("keywords", *SEEDS, "--by", "colour", cache=tmp_path)
    assert bad.returncode == 2 and bad.stderr.startswith("error: --by colour: not a corpus column")


def test_topics_jsonl_and_coherence_on_stderr(tmp_path: Path) -> None:
    p = _cli(
        "topics",
        *SEEDS,
        "--k",
        "3",
        "--passes",
        "2",
        "--top",
        "4",
        "--format",
        "jsonl",
        cache=tmp_path,
    )
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(rows) == 12 and set(rows[0]) == {"topic", "rank", "term", "weight"}
    summary = json.loads(p.stderr.strip().splitlines()[-1])
    assert summary["n_topics"] == 3 and set(summary["coherence"]) == {"c_v", "c_npmi", "u_mass"}


def test_missing_file_is_one_sentence(tmp_path: Path) -> None:
    p = _cli("slogans", str(tmp_path / "nope.txt"), cache=tmp_path)
    assert p.returncode == 2
    assert p.stderr == f"error: {tmp_path / 'nope.txt'}: no such file\n"
