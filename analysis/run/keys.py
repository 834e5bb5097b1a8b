"""The cache keys of report files: what a file's cached extraction depends on.

A command reads and hashes its files once (:func:`report_keys`): the same keys name each
file's extraction (layer ``reports``), the corpus's matrix (``terms``) and the command's
whole output (``outputs``), so no step reads the files again only to key them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from analysis.common import __version__
from analysis.run.cache import hash_parts

__all__ = ["Keys", "code_fingerprint", "report_key", "report_keys"]

#: Each report file's :func:`report_key`, when the caller has hashed the files (None: not
#: hashed yet, or no cache).
Keys = Mapping[Path, str] | None

_PACKAGE = Path(__file__).resolve().parents[1]


def code_fingerprint() -> str:
    """Hash of the package's source files and resources (rules and word lists).

    Returns
    -------
    str
        32 hex characters; changes whenever a module, template or resource file changes.
    """
    files = sorted(
        p
        for pattern in ("**/*.py", "common/resources/*")
        for p in _PACKAGE.glob(pattern)
        if p.is_file()
    )
    names = (p.relative_to(_PACKAGE).as_posix() for p in files)
    return hash_parts(
        *(part for n, p in zip(names, files, strict=True) for part in (n, p.read_bytes()))
    )


def report_key(path: Path, code: str) -> str:
    """Key of a file's extraction: its bytes, name, folder catalog, the package's code.

    Parameters
    ----------
    path : Path
        The report file.
    code : str
        :func:`code_fingerprint`.

    Returns
    -------
    str
        32 hex characters.
    """
    return report_keys([path], code)[path]


def report_keys(files: Iterable[Path], code: str) -> dict[Path, str]:
    """Each file's :func:`report_key`, each folder's ``catalog.csv`` read once.

    Parameters
    ----------
    files : iterable of Path
        The report files.
    code : str
        :func:`code_fingerprint`.

    Returns
    -------
    dict of Path to str
        File -> 32 hex characters.
    """
    catalogs: dict[Path, bytes] = {}
    keys: dict[Path, str] = {}
    for path in files:
        if path.parent not in catalogs:
            catalog = path.parent / "catalog.csv"
            catalogs[path.parent] = catalog.read_bytes() if catalog.is_file() else b""
        parts = ("reports", __version__, code, path.name, path.read_bytes(), catalogs[path.parent])
        keys[path] = hash_parts(*parts)
    return keys
