"""A corpus folder's ``catalog.csv``: metadata per report file, checked like a report.

The catalog is decoded as reports are (:func:`analysis.read.encoding.decode_bytes`); a catalog
that names no file column, lists a file twice or a file that is not in the folder, or gives
a year that is not a year, is one sentence naming the catalog, the row and the column.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from analysis.common.patterns import cn_to_int
from analysis.read.encoding import CorpusError, decode_bytes

__all__ = ["CATALOG_YEARS", "read_catalog"]

#: A catalog's year must lie in this range (inclusive).
CATALOG_YEARS = (1949, 2100)


def _catalog_year(path: Path, line: int, value: str) -> str:
    """A catalog's ``year`` cell as digits ('' when empty); 二〇二四 and ２０２４ read as 2024."""
    text = unicodedata.normalize("NFKC", value).strip().removesuffix("年")
    if not text:
        return ""
    year = cn_to_int(text)
    if year is None or not CATALOG_YEARS[0] <= year <= CATALOG_YEARS[1]:
        raise CorpusError(
            f"{path}, row {line}, column year: {value!r} is not a year "
            f"(write it like 2024 or 二〇二四, or leave it empty)"
        )
    return str(year)


def _catalog_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The catalog's columns and its rows, each with its row number (the header is row 1)."""
    text, _ = decode_bytes(path.read_bytes(), name=str(path))  # as reports are read
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip() for c in reader.fieldnames or []]
    reader.fieldnames = columns
    rows = []
    for row in reader:
        if any((v or "").strip() for k, v in row.items() if k is not None):
            cells = {k: (v or "").strip() for k, v in row.items() if k is not None}
            rows.append((reader.line_num, cells))
    return columns, rows


def read_catalog(folder: str | Path) -> dict[str, dict[str, str]]:
    """Read and check a folder's ``catalog.csv``: one row per report file.

    The file is decoded as reports are (UTF-8 with or without BOM, GB18030, UTF-16). Each
    problem is one sentence naming the catalog, the row (the header is row 1) and the
    column: no ``file`` column, an empty or duplicated ``file``, a file that is not in the
    folder, or a ``year`` that is not a year (Chinese numerals such as 二〇二四 read as 2024).

    Parameters
    ----------
    folder : str or Path
        A corpus folder.

    Returns
    -------
    dict
        File name -> the row's cells (stripped; ``year`` as digits or empty); empty when the
        folder has no catalog.

    Raises
    ------
    CorpusError
        When the catalog cannot be decoded or has one of the problems above.
    """
    path = Path(folder) / "catalog.csv"
    if not path.is_file():
        return {}
    columns, rows = _catalog_rows(path)
    if "file" not in columns:
        found = ", ".join(c for c in columns if c) or "none"
        raise CorpusError(
            f"{path}, row 1: has no 'file' column naming each report (its columns: {found})"
        )
    catalog: dict[str, dict[str, str]] = {}
    first: dict[str, int] = {}
    for line, row in rows:
        name = row["file"]
        if not name:
            raise CorpusError(f"{path}, row {line}, column file: is empty")
        if name in first:
            raise CorpusError(
                f"{path}, row {line}, column file: {name} is listed twice (first in row "
                f"{first[name]})"
            )
        if not (path.parent / name).is_file():
            raise CorpusError(
                f"{path}, row {line}, column file: {name} is not a file in {path.parent}"
            )
        if "year" in row:
            row["year"] = _catalog_year(path, line, row["year"])
        first[name] = line
        catalog[name] = row
    return catalog
