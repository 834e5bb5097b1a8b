"""Glossary files: ``glossary.csv`` and ``contexts.csv``, and the curated decisions.

Human decisions live in ``curated.csv``; each ``action`` is one row of :data:`ACTIONS`.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from analysis.common.io import WriteError, atomic_write_text, current_umask, os_reason, what_to_do
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


def _read_utf8_csv(path: Path, fix: str, *, comment: str | None = None) -> pd.DataFrame:
    """A UTF-8 CSV file as text columns; one sentence naming the file when it is not UTF-8."""
    try:
        return pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding="utf-8", comment=comment
        )
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: is not UTF-8 text (another encoding?); {fix}") from exc


def _read_curated(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=CURATED_COLUMNS)
    frame = _read_utf8_csv(path, "save it as UTF-8", comment="#")
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


def _glossary_files(glossary: pd.DataFrame, contexts: pd.DataFrame | None) -> dict[str, str]:
    """The text of each file of a glossary folder, by file name."""
    files = {"glossary.csv": _csv_text(_to_storage(glossary), GLOSSARY_COLUMNS)}
    if contexts is not None:
        ctx = contexts.sort_values(CONTEXT_COLUMNS, kind="mergesort")
        files["contexts.csv"] = _csv_text(ctx, CONTEXT_COLUMNS)
    return files


def write_glossary(
    glossary: pd.DataFrame, out_dir: str | Path, *, contexts: pd.DataFrame | None = None
) -> Path:
    """Write ``glossary.csv`` (and ``contexts.csv``) atomically, sorted, UTF-8 with LF.

    Each file is replaced on its own; :func:`build_glossary` replaces the whole folder.

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
    for name, text in _glossary_files(glossary, contexts).items():
        atomic_write_text(out_dir / name, text)
    return out_dir / "glossary.csv"


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
    frame = _read_utf8_csv(path, "rebuild it with `python -m analysis glossary build`")
    frame["aliases"] = frame["aliases"].map(lambda s: [a for a in s.split(ALIAS_SEP) if a])
    frame["n"] = frame["n"].astype(int)
    frame["mentions"] = pd.to_numeric(frame["mentions"].replace("", "0")).astype(int)
    frame["year"] = pd.array([int(y) if y.strip() else pd.NA for y in frame["year"]], dtype="Int64")
    for flag in _FLAGS:
        frame[flag] = frame[flag] == "yes" if flag in frame else False
    return frame


def _staged(target: Path, files: dict[str, str]) -> Path:
    """A new sibling folder of ``target`` holding ``files`` and the other files of ``target``
    (``curated.csv``, notes); an error names the file as it will be in ``target``."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    name = ""
    try:
        os.chmod(staging, 0o777 & ~current_umask())
        kept = [p for p in target.iterdir() if p.name not in files] if target.is_dir() else []
        for path in kept:
            name = path.name
            copy = shutil.copytree if path.is_dir() else shutil.copy2
            copy(path, staging / name)
        for name, text in files.items():
            atomic_write_text(staging / name, text)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(target / name if name else target, target, exc) from exc
    return staging


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target`` with two renames (the old one removed)."""
    old = None
    try:
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rmdir(old)  # only its free name is used
            os.rename(target, old)
        os.rename(staging, target)
    except OSError as exc:
        if old is not None and not target.exists():
            os.rename(old, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise _write_error(target, target, exc) from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _check_own_folder(target: Path) -> None:
    """Refuse to replace a folder that holds folders or the working directory: the
    glossary's folder is replaced whole, so it must be the glossary's own."""
    inner = [p.name for p in target.iterdir() if p.is_dir()] if target.is_dir() else []
    if Path.cwd().resolve().is_relative_to(target):
        inner = inner or ["the current folder"]
    if inner:
        raise WriteError(
            f"{target}: holds {sorted(inner)[0]} and is not a folder for the glossary alone; "
            f"glossary build replaces its folder whole, so give --out a new or glossary-only folder"
        )


def _write_error(path: Path, target: Path, exc: OSError) -> WriteError:
    return WriteError(
        f"{path}: cannot write the glossary ({os_reason(exc)}); {target} is left as it was; "
        f"{what_to_do(exc)}"
    )


def build_glossary(
    entries: pd.DataFrame,
    paragraphs: pd.DataFrame,
    out_dir: str | Path,
    *,
    curated: str | Path | None = None,
) -> pd.DataFrame:
    """Apply the curated file to a corpus's glossary and replace the folder ``out_dir``.

    The new folder is written beside the old one (a hidden sibling folder, with the old
    folder's other files such as ``curated.csv``) and put in its place with renames, so that
    ``glossary.csv`` and ``contexts.csv`` always come from the same build: a failure (a
    full disk) leaves the old folder as it was.

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

    Raises
    ------
    analysis.common.io.WriteError
        When the folder cannot be written, naming the file, the reason and what to do.
    """
    out_dir = Path(out_dir)
    entries = apply_curated(entries, curated or out_dir / "curated.csv")
    files = _glossary_files(entries, extract_contexts(entries, paragraphs))
    target = out_dir.resolve()  # a symbolic link's folder is replaced, not the link
    _check_own_folder(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(target.parent, target, exc) from exc
    _swap(_staged(target, files), target)
    return read_glossary(target)
