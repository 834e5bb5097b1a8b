"""Glossary files: ``glossary.csv`` and ``contexts.csv``, and the curated decisions.

Human decisions live in ``curated.csv``; each ``action`` is one row of :data:`ACTIONS`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from analysis.common.io import atomic_write_text
from analysis.common.paths import GLOSSARY_DIR
from analysis.common.text import strip_quotes
from analysis.terms.glossary.usage import CONTEXT_COLUMNS, extract_contexts

__all__ = [
    "ACTIONS",
    "ALIAS_SEP",
    "CURATED_COLUMNS",
    "GLOSSARY_COLUMNS",
    "apply_curated",
    "build_glossary",
    "read_glossary",
    "write_glossary",
]

#: Column order of ``glossary/glossary.csv``: DESIGN.md's seven columns first.
GLOSSARY_COLUMNS = [
    "doc_id",
    "n",
    "term",
    "definition",
    "aliases",
    "region",
    "year",
    "display_term",
    "mentions",
    "truncated",
    "conflict",
    "curated",
]
CURATED_COLUMNS = ["action", "doc_id", "n", "term", "definition", "aliases", "note"]
ALIAS_SEP = "|"
_FLAGS = ("truncated", "conflict")


# --------------------------------------------------------------------------- curation


def _aliases(row: dict[str, str]) -> list[str]:
    return [a for a in str(row.get("aliases", "")).split(ALIAS_SEP) if a]


def _correct(frame: pd.DataFrame, idx: pd.Index, row: dict[str, str]) -> pd.DataFrame:
    if row.get("definition"):
        frame.loc[idx, "definition"] = row["definition"]
    if _aliases(row):
        for i in idx:
            frame.at[i, "aliases"] = _aliases(row)
    frame.loc[idx, "truncated"] = False
    return frame


def _alias(frame: pd.DataFrame, idx: pd.Index, row: dict[str, str]) -> pd.DataFrame:
    for i in idx:
        frame.at[i, "aliases"] = [*frame.at[i, "aliases"], *_aliases(row)]
    return frame


def _drop(frame: pd.DataFrame, idx: pd.Index, row: dict[str, str]) -> pd.DataFrame:
    return frame.drop(index=idx)


def _add(frame: pd.DataFrame, idx: pd.Index, row: dict[str, str]) -> pd.DataFrame:
    meta = frame.drop_duplicates("doc_id").set_index("doc_id")
    known = row["doc_id"] in meta.index
    new = {
        "doc_id": row["doc_id"],
        "n": int(row["n"]) if row.get("n") else 0,
        "term": strip_quotes(row["term"]),
        "display_term": row["term"],
        "definition": row["definition"],
        "aliases": _aliases(row),
        "region": meta.at[row["doc_id"], "region"] if known else "",
        "year": meta.at[row["doc_id"], "year"] if known else pd.NA,
        "mentions": 0,
        "truncated": False,
        "conflict": False,
        "curated": "add",
    }
    return pd.concat([frame, pd.DataFrame([new])], ignore_index=True)


#: What each curated action does to the entries ``idx`` it names (``add`` names none).
ACTIONS: MappingProxyType[str, Callable[[pd.DataFrame, pd.Index, dict[str, str]], pd.DataFrame]] = (
    MappingProxyType({"add": _add, "correct": _correct, "alias": _alias, "drop": _drop})
)


def _read_curated(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=CURATED_COLUMNS)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", comment="#")
    missing = set(CURATED_COLUMNS) - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
    return frame


def apply_curated(glossary: pd.DataFrame, curated: pd.DataFrame | str | Path) -> pd.DataFrame:
    """Apply human decisions (the :data:`ACTIONS` add, correct, alias, drop) to entries.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries from :func:`analysis.terms.glossary.extract_glossary`.
    curated : pandas.DataFrame or path
        Rows with :data:`CURATED_COLUMNS`. ``add`` appends an entry; ``correct`` replaces
        the definition (and aliases, when given) of ``(doc_id, term)``; ``alias`` adds
        aliases; ``drop`` removes the entry.

    Returns
    -------
    pandas.DataFrame
        A new frame with the entries' columns and ``curated`` naming the action applied to
        each row (empty for rows the curated file did not touch).

    Raises
    ------
    ValueError
        For an unknown action, or a ``correct``, ``alias`` or ``drop`` row naming no entry.
    """
    if not isinstance(curated, pd.DataFrame):
        curated = _read_curated(Path(curated))
    bad = set(curated["action"]) - set(ACTIONS)
    if bad:
        raise ValueError(f"unknown curated action(s) {', '.join(sorted(bad))}")
    frame = glossary.copy()
    frame["aliases"] = frame["aliases"].map(list)
    frame["curated"] = ""
    for row in curated.to_dict("records"):
        hit = (frame["doc_id"] == row["doc_id"]) & (frame["term"] == strip_quotes(row["term"]))
        if row["action"] != "add" and not hit.any():
            raise ValueError(
                f"curated {row['action']} row names no extracted entry: "
                f"{row['doc_id']} {row['term']}"
            )
        frame.loc[hit, "curated"] = row["action"]
        frame = ACTIONS[row["action"]](frame, frame.index[hit], row)
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------- files


def _csv_text(frame: pd.DataFrame, columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in frame[columns].itertuples(index=False, name=None):
        writer.writerow(["" if v is None or v is pd.NA else v for v in row])
    return buf.getvalue()


def _to_storage(glossary: pd.DataFrame) -> pd.DataFrame:
    frame = glossary.copy()
    for col in ("curated", *_FLAGS):
        if col not in frame:
            frame[col] = "" if col == "curated" else False
    frame["aliases"] = frame["aliases"].map(
        lambda a: ALIAS_SEP.join(a) if isinstance(a, (list, tuple)) else (a or "")
    )
    for flag in _FLAGS:
        frame[flag] = frame[flag].map(lambda t: "yes" if bool(t) else "")
    frame["year"] = frame["year"].map(lambda v: "" if pd.isna(v) else str(int(v)))
    return frame.sort_values(["doc_id", "n", "term"], kind="mergesort")


def write_glossary(
    glossary: pd.DataFrame, out_dir: str | Path, *, contexts: pd.DataFrame | None = None
) -> Path:
    """Write ``glossary.csv`` (and ``contexts.csv``) atomically, sorted, UTF-8 with LF.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries (from :func:`analysis.terms.glossary.extract_glossary`, after
        :func:`apply_curated`).
    out_dir : str or Path
        Destination folder (see :func:`analysis.common.paths.glossary_out`).
    contexts : pandas.DataFrame, optional
        Output of :func:`analysis.terms.glossary.extract_contexts`.

    Returns
    -------
    Path
        The path of ``glossary.csv``; its columns are :data:`GLOSSARY_COLUMNS`.
    """
    out_dir = Path(out_dir)
    text = _csv_text(_to_storage(glossary), GLOSSARY_COLUMNS)
    path = atomic_write_text(out_dir / "glossary.csv", text)
    if contexts is not None:
        ctx = contexts.sort_values(CONTEXT_COLUMNS, kind="mergesort")
        atomic_write_text(out_dir / "contexts.csv", _csv_text(ctx, CONTEXT_COLUMNS))
    return path


def read_glossary(path: str | Path = GLOSSARY_DIR) -> pd.DataFrame:
    """Read ``glossary.csv`` (a folder or the file itself).

    Parameters
    ----------
    path : str or Path
        The glossary folder or file.

    Returns
    -------
    pandas.DataFrame
        The :data:`GLOSSARY_COLUMNS`, with ``aliases`` as lists, ``n``, ``mentions`` and
        ``year`` as integers and ``truncated`` and ``conflict`` as bool (False when a file
        written before the column existed lacks it).
    """
    path = Path(path)
    if path.is_dir():
        path = path / "glossary.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["aliases"] = frame["aliases"].map(lambda s: [a for a in s.split(ALIAS_SEP) if a])
    frame["n"] = frame["n"].astype(int)
    frame["mentions"] = pd.to_numeric(frame["mentions"].replace("", "0")).astype(int)
    frame["year"] = pd.array([int(y) if y.strip() else pd.NA for y in frame["year"]], dtype="Int64")
    for flag in _FLAGS:
        frame[flag] = frame[flag] == "yes" if flag in frame else False
    return frame


def build_glossary(
    entries: pd.DataFrame,
    paragraphs: pd.DataFrame,
    out_dir: str | Path,
    *,
    curated: str | Path | None = None,
) -> pd.DataFrame:
    """Apply the curated file to a corpus's glossary and write ``out_dir``.

    Parameters
    ----------
    entries : pandas.DataFrame
        The output of :func:`analysis.extract_glossary` for the corpus.
    paragraphs : pandas.DataFrame
        The output of :func:`analysis.split_paragraphs` for ``corpus``.
    out_dir : str or Path
        Where ``glossary.csv`` and ``contexts.csv`` go (see
        :func:`analysis.common.paths.glossary_out`).
    curated : str or Path, optional
        The curated decisions; default ``out_dir/curated.csv`` when it exists.

    Returns
    -------
    pandas.DataFrame
        The entries written, as :func:`read_glossary` returns them.
    """
    out_dir = Path(out_dir)
    entries = apply_curated(entries, curated or out_dir / "curated.csv")
    write_glossary(entries, out_dir, contexts=extract_contexts(entries, paragraphs))
    return read_glossary(out_dir)
