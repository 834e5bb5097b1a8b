"""Shared fixtures: the seed corpus (read once), the test data folder, a browser's environment."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from analysis import read_corpus, split_paragraphs

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def seeds() -> pd.DataFrame:
    return read_corpus()


@pytest.fixture(scope="session")
def seed_paragraphs(seeds: pd.DataFrame) -> pd.DataFrame:
    return split_paragraphs(seeds)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the cache of a test run out of the project's .cache/ (read at call time)."""
    from analysis.common.paths import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def browser_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a headless Chromium, with a temporary folder of its own.

    Chromium sees only matplotlib's DejaVu fonts (no CJK font), whatever the machine has;
    its home is the test's folder. ``TMPDIR`` is a new folder on a short path (Chromium's
    singleton socket goes there, and a unix socket's path is limited to 107 bytes, which
    pytest's folders under ``.cache/tmp`` exceed), made inside this process's temporary
    folder (the project's ``.cache/tmp`` under ``make test``) and removed afterwards; it can
    be the browser's profile folder too.
    """
    import matplotlib

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    short = Path(tempfile.mkdtemp(prefix="chr-"))
    try:
        yield {
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
            "TMPDIR": str(short),
            "FONTCONFIG_FILE": str(conf),
        }
    finally:
        shutil.rmtree(short, ignore_errors=True)
