"""Shared fixtures: the seed corpus (read once) and the test data folder."""

from __future__ import annotations

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
