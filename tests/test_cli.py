"""Command line: keywords and topics contracts, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.common.paths import SEEDS_DIR

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
    assert list(rows[0]) == [
        "doc",
        "rank",
        "term",
        "score",
        "g2",
        "dispersion",
        "count",
        "n_paragraphs",
        "merged",
        "places",
    ]
    assert [r["term"] for r in rows if r["doc"] == "002_144eade1b5c793bc.txt"] == [
        "营收",
        "广场",
        "增速",
    ]
    # the report's own places, left out of its ranking, are listed on each of its rows
    assert {r["places"] for r in rows if r["doc"] == "001_513e23010436c5db.txt"} == {
        "市北区:32 青岛市:5"
    }
    kept = _cli(
        "keywords", *SEEDS, "--top", "1", "--keep-places", "--format", "csv", cache=tmp_path
    )
    assert kept.stdout.splitlines()[2].split(",")[:3] == ["001_513e23010436c5db.txt", "1", "市北区"]
    assert kept.stdout.splitlines()[2].endswith(",市北:16 市北区:16,")


def test_keywords_by_year_and_bad_column(tmp_path: Path) -> None:
    p = _cli("keywords", *SEEDS, "--top", "2", "--by", "year", "--format", "csv", cache=tmp_path)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == "year,rank,term,score,g2,dispersion,count,n_paragraphs,merged,places"
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


def test_topics_jsonl_carries_models_labels_and_terms(tmp_path: Path) -> None:
    args = ("topics", *SEEDS, "--k", "3", "--iterations", "20", "--top", "4")
    p = _cli(*args, "--format", "jsonl", "--coherence", cache=tmp_path)
    assert p.returncode == 0, p.stderr
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["kind"] for r in rows] == ["model", "topic", "topic", "topic"]
    assert set(rows[0]) == {"kind", "n_topics", "c_v", "c_npmi", "u_mass", "chosen"}
    assert rows[0]["n_topics"] == 3 and rows[0]["chosen"] is True
    assert [len(r["terms"]) for r in rows[1:]] == [4, 4, 4]
    assert {"label", "frex", "probability", "c_v"} <= set(rows[1])
    # one K without --coherence: no coherence pass, the same topics
    quick = _cli(*args, "--format", "jsonl", cache=tmp_path)
    quick_rows = [json.loads(line) for line in quick.stdout.splitlines()]
    assert quick_rows[0] == {"kind": "model", "n_topics": 3, "chosen": True}
    assert [r["terms"] for r in quick_rows[1:]] == [r["terms"] for r in rows[1:]]
    # gensim kept for comparison; csv is one table with the labels beside the terms
    csv = _cli(*args, "--engine", "gensim", "--passes", "2", "--format", "csv", cache=tmp_path)
    assert csv.returncode == 0, csv.stderr
    assert csv.stdout.splitlines()[0] == "n_topics,topic,label,frex,probability,rank,term,weight"
    assert len(csv.stdout.splitlines()) == 1 + 12


def test_missing_file_is_one_sentence(tmp_path: Path) -> None:
    p = _cli("slogans", str(tmp_path / "nope.txt"), cache=tmp_path)
    assert p.returncode == 2
    assert p.stderr == f"error: {tmp_path / 'nope.txt'}: no such file\n"


def test_bad_arguments_are_one_sentence(tmp_path: Path) -> None:
    cases = {
        (
            "keywords",
            SEEDS[0],
            "--top",
            "0",
        ): "error: --top 0: must be a whole number of 1 or more\n",
        ("topics", SEEDS[0], "--k-range", "8:4"): (
            "error: --k-range 8:4: the range must run upwards from at least 2 topics, e.g. 4:8\n"
        ),
        ("slogans", str(SEEDS_DIR / "catalog.csv")): (
            f"error: {SEEDS_DIR / 'catalog.csv'}: is a CSV table, not a report "
            "(reports are .txt files)\n"
        ),
        ("slogans", str(SEEDS_DIR)): (
            f"error: {SEEDS_DIR}: is a folder, not a report file (pass the folder's .txt files)\n"
        ),
    }
    for args, message in cases.items():
        p = _cli(*args, cache=tmp_path)
        assert (p.returncode, p.stderr) == (2, message), args


def test_empty_file_names_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    p = _cli("glossary", "extract", str(empty), cache=tmp_path / "cache")
    assert p.returncode == 2
    assert p.stderr == f"error: {empty}: is empty (no text to analyse)\n"


def test_tokenize_same_output_cold_warm_and_with_two_jobs(tmp_path: Path) -> None:
    cold = _cli("tokenize", *SEEDS, cache=tmp_path)
    warm = _cli("tokenize", *SEEDS, cache=tmp_path)
    two = _cli("tokenize", *SEEDS, "--jobs", "2", "--no-cache", cache=tmp_path / "other")
    assert cold.returncode == 0, cold.stderr
    assert cold.stdout == warm.stdout == two.stdout
    assert "构建 “ 1+6+N ” 产业载体支撑体系" in cold.stdout
    assert not (tmp_path / "other").exists()
    cleared = _cli("cache", "clear", cache=tmp_path)
    assert cleared.stdout == f"emptied {tmp_path}\n"


def test_slogans_and_targets_jsonl(tmp_path: Path) -> None:
    p = _cli("slogans", *SEEDS, "--format", "jsonl", cache=tmp_path)
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert list(rows[0]) == [
        "doc",
        "slogan",
        "kind",
        "count",
        "count_appendix",
        "quoted",
        "defined",
        "first_context",
    ]
    wuzuo = [r for r in rows if r["slogan"] == "五做五抓"]
    assert [(r["count"], r["count_appendix"]) for r in wuzuo] == [(2, 4)]
    t = _cli("targets", SEEDS[4], "--format", "jsonl", cache=tmp_path)
    targets = [json.loads(line) for line in t.stdout.splitlines()]
    gdp = [r for r in targets if r["section"] == "target" and r["indicator"] == "地区生产总值"]
    assert [(r["doc"], r["low"], r["high"], r["unit"], r["qualifier"]) for r in gdp] == [
        ("004_fac0b31ba6ba339c.txt", 5.5, 5.5, "%", "左右")
    ]


def test_output_cut_short_by_the_reader_is_no_error(tmp_path: Path) -> None:
    """Piped into a reader that stops early (``| head -1``): status 0, no traceback; and the
    whole output when read to the end, the same as the cached replay."""
    cmd = [sys.executable, "-m", "analysis", "tokenize", *SEEDS, "--format", "text"]
    env = {"ANALYSIS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    full = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    assert full.stdout.count("\n") == 311 and full.stdout.startswith("政府 工作 报告\n")
    assert len(full.stdout.encode()) > 2**17  # more than a pipe holds: the writer is cut off
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().decode() == "政府 工作 报告\n"
        proc.stdout.close()  # the reader goes away with most of the output unread
        assert proc.wait(timeout=120) == 0
        assert proc.stderr.read() == b""
    again = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    assert again.stdout == full.stdout


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from analysis.cli import main

    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_jobs_999_warns_once_and_prints_the_same_tokens(tmp_path: Path) -> None:
    cores = len(os.sched_getaffinity(0))
    p = _cli("tokenize", SEEDS[3], "--jobs", "999", "--no-cache", cache=tmp_path)
    plain = _cli("tokenize", SEEDS[3], "--no-cache", cache=tmp_path)
    assert p.returncode == 0
    have = f"only {cores} core is" if cores == 1 else f"only {cores} cores are"
    assert p.stderr == f"warning: --jobs 999: {have} available; using {cores}\n"
    assert p.stdout == plain.stdout


def test_io_errors_name_the_file_without_errno(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert _main(capsys, "lookup", "三资三化", "--glossary", str(missing)) == (
        2,
        "",
        f"error: {missing}: no such file or directory; check the path\n",
    )
    gbk = tmp_path / "gbk"
    gbk.mkdir()
    (gbk / "glossary.csv").write_bytes(
        (Path(__file__).parent.parent / "glossary" / "glossary.csv")
        .read_text(encoding="utf-8")
        .encode("gbk")
    )
    assert _main(capsys, "lookup", "三资三化", "--glossary", str(gbk)) == (
        2,
        "",
        f"error: {gbk / 'glossary.csv'}: is not UTF-8 text (another encoding?); rebuild it "
        "with `python -m analysis glossary build`\n",
    )


def test_symbolic_links_that_lead_nowhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    assert _main(capsys, "slogans", str(tmp_path / "a.txt")) == (
        2,
        "",
        f"error: {tmp_path / 'a.txt'}: is a symbolic link that loops (it leads back to "
        "itself); fix or remove the link\n",
    )
    assert _main(capsys, "slogans", str(tmp_path / "gone.txt")) == (
        2,
        "",
        f"error: {tmp_path / 'gone.txt'}: is a symbolic link to missing.txt, which does not "
        "exist\n",
    )


def test_a_bad_catalog_stops_glossary_build_before_anything_is_written(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    catalog = (SEEDS_DIR / "catalog.csv").read_text(encoding="utf-8")
    (corpus / "catalog.csv").write_text(catalog.replace(",2025,", ",2025.5,"), encoding="utf-8")
    out = tmp_path / "out"
    p = _cli("glossary", "build", "--corpus", str(corpus), "--out", str(out), cache=tmp_path / "c")
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr == (
        f"error: {corpus / 'catalog.csv'}, row 4, column year: '2025.5' is not a year (write "
        "it like 2024 or 二〇二四, or leave it empty)\n"
    )
    assert not out.exists() and not (tmp_path / "c").exists()


def test_lifecycle_csv_on_a_three_year_panel(tmp_path: Path) -> None:
    panel = sorted(str(p) for p in (Path(__file__).parent / "data" / "panel").glob("*.txt"))
    p = _cli("lifecycle", *panel, "--top", "3", "--format", "csv", cache=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == [
        "term,kind,first_year,first_report,last_year,years_active,peak_year,n_reports,"
        "n_regions,defined_in,n_undefined",
        "一网通办,numeral,2021,四川省2021,2023,3,2021,4,2,,4",
        "放管服,abbreviation,2021,四川省2021,2022,2,2021,3,2,,3",
        "两重,numeral,2022,四川省2022,2023,2,2023,3,2,四川省2022,2",
    ]
