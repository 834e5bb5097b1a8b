"""The per-file cache under ``.cache/`` (or ``$ANALYSIS_CACHE_DIR``).

Design
------
The unit of work is one report file, and every cached value is keyed on what it depends
on, nothing more:

``reports`` layer (:mod:`analysis.run.steps`)
    One entry per file: its corpus row, paragraphs, glossary entries and slogan set. Key:
    the file's bytes, its name, its ``catalog.csv`` row, the package version and the
    extraction settings. A re-run reads the file's bytes to hash them (no decoding, no
    extraction); a changed or added file is the only one extracted again.
``dictionary`` pointers (:mod:`analysis.run.steps`)
    One entry per dictionary (its hash): file key -> the file's ``segments`` key, so a
    re-run with the same dictionary finds the tokens without looking at the text (one read
    for the whole corpus).
``segments`` layer (:func:`analysis.run.segment.tokenize`)
    A file's tokens. Key: its paragraphs, the engine, the HMM switch, the segmentation
    version and *the domain words that occur in the file*. The tokenizer joins domain words
    on the engine's own token boundaries and never adds them to the engine, so a text's
    tokens depend on those words only: when a new report brings new glossary terms, the
    old reports in which none of them occurs keep their tokens (only the pointer is
    written again).

``outputs`` layer (:mod:`analysis.run.replay`)
    A whole command's printed output, keyed on the command, its options, the files' bytes,
    the package version and the package's code and word lists: the same command on
    unchanged files prints it again without loading anything else.

New ``reports`` and ``segments`` entries are written by the worker processes that computed
them, not by the waiting parent. Values are pickles written atomically (temporary file +
rename, so workers never clash), one file per entry,
``<root>/<layer>/<key[:2]>/<key>.pkl``. A damaged or unreadable entry counts as a miss.
``python -m analysis cache clear`` (:func:`clear_cache`) removes the folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.common.paths import cache_dir

__all__ = ["CACHE_FORMAT", "Cache", "clear_cache", "code_fingerprint", "hash_parts"]

#: Bump when the layout or the pickled values change.
CACHE_FORMAT = "1"


def hash_parts(*parts: str | bytes) -> str:
    """Return a hex digest of several strings or byte strings (length-prefixed).

    Parameters
    ----------
    *parts : str or bytes
        Values to hash, in order.

    Returns
    -------
    str
        32 hex characters (BLAKE2b, 128 bits).
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Cache:
    """A folder of cached values, one pickle per (layer, key).

    Parameters
    ----------
    root : Path
        The cache folder, e.g. :func:`analysis.common.paths.cache_dir`.
    """

    root: Path

    def path(self, layer: str, key: str) -> Path:
        """Return the file of one entry.

        Parameters
        ----------
        layer : str
            The layer (``reports``, ``segments``, ...).
        key : str
            A hex key.

        Returns
        -------
        Path
            ``<root>/v<format>/<layer>/<key[:2]>/<key>.pkl``.
        """
        return self.root / f"v{CACHE_FORMAT}" / layer / key[:2] / f"{key}.pkl"

    def get(self, layer: str, key: str) -> Any | None:
        """Return the value stored under ``key``, or None when there is none (or unreadable).

        Parameters
        ----------
        layer, key : str
            Where the value is.

        Returns
        -------
        object or None
            The value.
        """
        try:
            with open(self.path(layer, key), "rb") as fh:
                return pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None

    def put(self, layer: str, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (atomically: a reader never sees half a file).

        Parameters
        ----------
        layer, key : str
            Where the value goes.
        value : object
            A picklable value.
        """
        path = self.path(layer, key)
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except FileNotFoundError:  # the entry's folder does not exist yet
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def clear_cache(root: Path | None = None) -> Path:
    """Remove the cache folder and everything in it.

    Parameters
    ----------
    root : Path, optional
        The folder; default :func:`analysis.common.paths.cache_dir` (read at call time).

    Returns
    -------
    Path
        The folder that was removed (it may not have existed).
    """
    folder = cache_dir() if root is None else Path(root)
    shutil.rmtree(folder, ignore_errors=True)
    return folder


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
