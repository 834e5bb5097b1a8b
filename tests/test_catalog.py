"""catalog.csv: decoded as reports are, every problem one sentence naming row and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import CorpusError, read_corpus
from analysis.common.paths import SEEDS_DIR
from analysis.read.catalog import read_catalog

SEED_CATALOG = (SEEDS_DIR / "catalog.csv").read_text(encoding="utf-8")


def _catalog_folder(tmp_path: Path, catalog: str, encoding: str = "utf-8") -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in SEEDS_DIR.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / "catalog.csv").write_bytes(catalog.encode(encoding))
    return folder


CATALOG_CASES = {
    "fractional year": (
        SEED_CATALOG.replace(",2025,", ",2025.5,"),
        "row 4, column year: '2025.5' is not a year (write it like 2024 or 二〇二四, or leave "
        "it empty)",
    ),
    "letters in a year": (
        SEED_CATALOG.replace(",2021,", ",20x1,"),
        "row 3, column year: '20x1' is not a year (write it like 2024 or 二〇二四, or leave "
        "it empty)",
    ),
    "duplicated row": (
        SEED_CATALOG + SEED_CATALOG.splitlines()[2] + "\n",
        "row 7, column file: 001_513e23010436c5db.txt is listed twice (first in row 3)",
    ),
    "no file column": (
        SEED_CATALOG.replace("file,doc_id", "name,doc_id", 1),
        "row 1: has no 'file' column naming each report (its columns: name, doc_id, title, "
        "region, level, year, kind, note)",
    ),
    "unknown file": (
        SEED_CATALOG + "005_missing.txt,x,,,,,,\n",
        "row 7, column file: 005_missing.txt is not a file in {folder}",
    ),
    "empty file cell": (
        SEED_CATALOG + ",x,,,,2024,,\n",
        "row 7, column file: is empty",
    ),
}


@pytest.mark.parametrize("case", list(CATALOG_CASES))
def test_a_bad_catalog_is_one_sentence_naming_row_and_column(tmp_path: Path, case: str) -> None:
    catalog, message = CATALOG_CASES[case]
    folder = _catalog_folder(tmp_path, catalog)
    expected = f"{folder / 'catalog.csv'}, {message.format(folder=folder)}"
    with pytest.raises(CorpusError) as info:
        read_corpus(folder)
    assert str(info.value) == expected
    with pytest.raises(CorpusError) as info:
        read_catalog(folder)
    assert str(info.value) == expected


def test_catalog_years_in_chinese_numerals_and_gbk_catalogs(tmp_path: Path) -> None:
    catalog = SEED_CATALOG.replace(",2024,政府工作报告,", ",二〇二四,政府工作报告,").replace(
        ",2021,", ",２０２１年,"
    )
    folder = _catalog_folder(tmp_path, catalog, encoding="gbk")
    corpus = read_corpus(folder)
    assert corpus["year"].tolist() == [2024, 2021, 2025, 2026, 2024]
    assert read_catalog(folder)["000_b2977c27da95a6ed.txt"]["year"] == "2024"
    assert read_catalog(tmp_path) == {}  # no catalog: metadata is inferred
