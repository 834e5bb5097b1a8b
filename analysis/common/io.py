"""Writing files safely and printing frames in the command line's formats."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the command line reads FORMATS without loading pandas
    import pandas as pd

__all__ = [
    "FORMATS",
    "WriteError",
    "atomic_write_text",
    "check_writable",
    "current_umask",
    "format_frame",
    "os_reason",
    "what_to_do",
    "write_frame",
]

FORMATS = ("table", "jsonl", "csv")


class WriteError(OSError):
    """A file or folder could not be written; the message names it and what to do."""


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write text to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and an interrupted write leaves the old file.
    The file gets the usual permissions (0666 less the umask, e.g. 0644), not the 0600 of a
    temporary file.

    Parameters
    ----------
    path : str or Path
        Destination file; its folder is created when missing.
    text : str
        Content, written as UTF-8 with the line ends it already has.

    Returns
    -------
    Path
        The destination path.

    Raises
    ------
    OSError
        Naming ``path`` (a failed write, such as a full disk, names no file of its own).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.filename is None and exc.errno is not None:  # a write names no file: this one
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def os_reason(exc: OSError) -> str:
    """A short reason for an I/O error, without its ``[Errno N]`` prefix.

    Parameters
    ----------
    exc : OSError
        The error.

    Returns
    -------
    str
        E.g. ``no space left on the disk``, ``permission denied``, ``read-only file system``.
    """
    if exc.errno == errno.ENOSPC:
        return "no space left on the disk"
    if exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


def what_to_do(exc: OSError) -> str:
    """What a user can do about an I/O error, as the end of a sentence.

    Parameters
    ----------
    exc : OSError
        The error.

    Returns
    -------
    str
        E.g. ``free some disk space and run the command again``.
    """
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some disk space and run the command again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "make the folder writable or choose another one"
    if exc.errno == errno.ELOOP:
        return "fix the symbolic link"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "check the path"
    return "check the file and run the command again"


def check_writable(folder: str | Path, *, free_bytes: int = 0) -> Path:
    """Make sure files can be written in ``folder`` (created when missing) before any work.

    Parameters
    ----------
    folder : str or Path
        The output folder.
    free_bytes : int
        Room the output needs on the folder's disk.

    Returns
    -------
    Path
        The folder.

    Raises
    ------
    WriteError
        Naming the folder, the reason and what to do.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".write-check.", dir=folder)
        os.close(fd)
        os.unlink(tmp)
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise WriteError(
            f"{folder}: cannot write there ({os_reason(exc)}); {what_to_do(exc)}"
        ) from exc
    if free < free_bytes:
        raise WriteError(
            f"{folder}: only {free / 1e6:.0f} MB free on its disk, {free_bytes / 1e6:.0f} MB "
            f"needed; free some disk space or choose another folder"
        )
    return folder


def current_umask() -> int:
    """The process's umask (read by setting and restoring it; there is no getter).

    Returns
    -------
    int
        E.g. ``0o022``.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _jsonable(value: object, na: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, na) for v in value]
    if value is None or value is na:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()  # numpy scalar
    return value


def format_frame(frame: pd.DataFrame, fmt: str) -> str:
    """Render a frame as ``jsonl`` (one object per row), ``csv`` or a readable ``table``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any frame; list cells become JSON arrays (jsonl) or ``|``-joined text (csv, table).
    fmt : str
        One of :data:`FORMATS`.

    Returns
    -------
    str
        The rendered text, ending with a newline unless the frame is empty.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonl":
        import pandas as pd

        cols = list(frame.columns)
        lines = [
            json.dumps(
                {c: _jsonable(v, pd.NA) for c, v in zip(cols, row, strict=True)}, ensure_ascii=False
            )
            for row in frame.itertuples(index=False, name=None)
        ]
        return "".join(line + "\n" for line in lines)
    flat = frame.copy()
    for col in flat.columns:
        if flat[col].map(lambda v: isinstance(v, (list, tuple))).any():
            flat[col] = flat[col].map(
                lambda v: "|".join(map(str, v)) if isinstance(v, (list, tuple)) else v
            )
    if fmt == "csv":
        return flat.to_csv(index=False, lineterminator="\n")
    if flat.empty:
        return "(no rows)\n"
    return _table(flat)


#: Longest cell shown in a table (longer text is cut, with …).
MAX_CELL = 60


def _width(text: str) -> int:
    """Terminal columns of a text: CJK characters (3 bytes in UTF-8) take two, ASCII one."""
    return (len(text.encode("utf-8")) + len(text)) // 2


def _decimals(values: list[float]) -> int:
    """Decimals shown for a float column: as many as its values need, at most six."""
    needed = [len(f"{round(v, 6)!r}".partition(".")[2]) for v in values if v == v]
    return min(6, max(needed, default=0))


def _cells(column: pd.Series) -> tuple[list[str], bool]:
    """A column as text cells, and whether it is numeric (right-aligned)."""
    import pandas as pd

    values = column.tolist()
    if pd.api.types.is_float_dtype(column):
        places = _decimals(values)
        return ["" if v != v else f"{v:.{places}f}" for v in values], True
    numeric = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
    text = ["" if v is None or v is pd.NA else str(v) for v in values]
    return [t if len(t) <= MAX_CELL else t[: MAX_CELL - 1] + "…" for t in text], numeric


def _table(frame: pd.DataFrame) -> str:
    """A plain-text table: a header line, then one line per row; numbers right-aligned,
    text left-aligned, widths counted in terminal columns (a Chinese character is two)."""
    columns = []
    for name in frame.columns:
        cells, numeric = _cells(frame[name])
        cells = [str(name), *cells]
        widths = [_width(c) for c in cells]
        size = max(widths)
        pad = [" " * (size - w) for w in widths]
        columns.append([p + c if numeric else c + p for c, p in zip(cells, pad, strict=True)])
    return "".join("  ".join(row).rstrip() + "\n" for row in zip(*columns, strict=True))


def write_frame(frame: pd.DataFrame, fmt: str, out: TextIO) -> None:
    """Print a frame in one of the command line's formats.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows to print.
    fmt : str
        ``table``, ``jsonl`` or ``csv``.
    out : TextIO
        Stream to write to.
    """
    out.write(format_frame(frame, fmt))
