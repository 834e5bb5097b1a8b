"""Option values of the command line: bounds on topics and processes, grouping columns."""

from __future__ import annotations

import argparse
import os

import pytest

import analysis.run.options
from analysis.cli import main
from analysis.common.paths import SEEDS_DIR
from analysis.read.corpus import METADATA_FIELDS
from analysis.run.options import BY_COLUMNS, available_cores, capped_jobs

SEED = str(SEEDS_DIR / "003_732b78ec93e976fc.txt")


def _main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_topic_and_job_bounds_are_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    k_message = "error: --k {}: must be a whole number of topics from 2 to 50\n"
    cases = {
        ("--k", "0"): k_message.format(0),
        ("--k", "1"): k_message.format(1),
        ("--k", "51"): k_message.format(51),
        ("--k", "x"): k_message.format("x"),
        ("--k-range", "2:2000"): (
            "error: --k-range 2:2000: at most 50 topics and 12 values of K (each K is a model "
            "to fit), e.g. 2:13\n"
        ),
        ("--k-range", "40:60"): (
            "error: --k-range 40:60: at most 50 topics and 12 values of K (each K is a model "
            "to fit), e.g. 40:50\n"
        ),
        ("--k", "5", "--k-range", "4:6"): (
            "error: --k and --k-range cannot be used together: --k fits one number of topics, "
            "--k-range chooses one among several\n"
        ),
        ("--jobs", "0"): (
            "error: --jobs 0: must be a whole number of 1 or more, or -1 for every core\n"
        ),
        ("--jobs", "-3"): (
            "error: --jobs -3: must be a whole number of 1 or more, or -1 for every core\n"
        ),
    }
    for args, message in cases.items():
        assert _main(capsys, "topics", SEED, *args) == (2, "", message), args


def test_keywords_by_only_a_metadata_column(capsys: pytest.CaptureFixture[str]) -> None:
    assert ("doc", *METADATA_FIELDS) == BY_COLUMNS
    assert _main(capsys, "keywords", SEED, "--by", "text") == (
        2,
        "",
        "error: --by text: not a corpus column to group reports by (choose one of doc, title, "
        "region, level, year, kind)\n",
    )


def test_jobs_capped_at_the_cores_available(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert available_cores() == len(os.sched_getaffinity(0))
    monkeypatch.setattr(analysis.run.options, "available_cores", lambda: 2)
    args = argparse.Namespace(jobs=999)
    capped_jobs(args)
    assert args.jobs == 2
    assert capsys.readouterr().err == "warning: --jobs 999: only 2 cores are available; using 2\n"
    for jobs in (-1, 1, 2):
        args = argparse.Namespace(jobs=jobs)
        capped_jobs(args)
        assert args.jobs == jobs
    assert capsys.readouterr().err == ""
