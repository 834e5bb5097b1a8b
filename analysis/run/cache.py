"""The per-file cache under ``.cache/`` (or ``$ANALYSIS_CACHE_DIR``): data, never code.

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
    unchanged files prints it again without loading anything else. Stored as text after a
    JSON header line (:meth:`Cache.put_texts`, ``<key>.txt``): nothing to escape or parse.
``terms`` layer (:mod:`analysis.run.bag`)
    A corpus's filtered paragraph × term matrix and the reports' metadata, which
    ``keywords`` and ``topics`` both read. Key: every file's ``reports`` key, the engine
    and the HMM switch (with the code, they decide the tokens and the filter). Stored as
    NumPy arrays (:meth:`Cache.put_arrays`, ``<key>.npz``), read without pickles.

Entries are JSON, one file per entry, ``<root>/v<format>/<layer>/<key[:2]>/<key>.json``:
an object naming the cache format, the layer and the key, and the value, which is plain
data (:data:`ENTRY_SHAPES` says what each layer holds: lists and maps of strings, numbers,
booleans and nulls). Reading an entry never runs code. An entry that is empty, truncated,
not JSON, of another format, of another layer or key, or not of its layer's shape is a
miss: one warning line on stderr names it and ``cache clear``, the entry is removed and
computed again. Entries are written atomically (temporary file + rename, mode 0644), by the
worker processes that computed them. ``python -m analysis cache clear``
(:func:`analysis.run.clear.clear_cache`) removes what the cache holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.common.io import os_reason
from analysis.run.shapes import ARRAY_LAYERS, ENTRY_SHAPES, REPORT_FRAMES

__all__ = [
    "ARRAY_LAYERS",
    "CACHE_FORMAT",
    "ENTRY_SHAPES",
    "REPORT_FRAMES",
    "Cache",
    "CacheError",
    "hash_parts",
    "plain_json",
]

#: Bump when the layout or the stored values change (format 1 was pickles).
CACHE_FORMAT = "2"
#: What the command tells a user to run to empty the cache.
CLEAR_COMMAND = "python -m analysis cache clear"
_MARK = "analysis-cache"


class CacheError(OSError):
    """The cache folder cannot be written or emptied; the message names it and what to do."""


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


def plain_json(value: Any) -> str:
    """The JSON the cache writes: compact, UTF-8 text kept, NumPy scalars and missing values
    as numbers and null.

    Parameters
    ----------
    value : object
        Plain data.

    Returns
    -------
    str
        The JSON text.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_plain)


def _plain(value: object) -> object:
    """JSON for the scalars frames hold that JSON lacks: missing values, NumPy numbers."""
    if hasattr(value, "item"):  # a NumPy scalar
        return value.item()
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    raise TypeError(f"a {type(value).__name__} cannot be stored in the cache")


def _array_problem(arrays: Mapping[str, Any], layer: str, key: str) -> str:
    """Why loaded arrays are not this (layer, key)'s entry ('' when they are)."""
    mark = arrays.get(_MARK)
    if mark is None or mark.dtype.kind != "U" or mark.shape != (3,):
        return "it is not an entry of this cache"
    if mark[0] != CACHE_FORMAT:
        return f"it was written in cache format {mark[0]}, this version reads {CACHE_FORMAT}"
    if mark[1] != layer or mark[2] != key:
        return "it belongs to another entry"
    names = set(arrays) - {_MARK}
    if names != ARRAY_LAYERS[layer] or any(arrays[n].dtype.kind not in "iub" for n in names):
        return f"it does not hold {layer} data of this version"
    return ""


# --------------------------------------------------------------------------- the cache


@dataclass(frozen=True)
class Cache:
    """A folder of cached values, one JSON file per (layer, key).

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
            ``<root>/v<format>/<layer>/<key[:2]>/<key>.json``.
        """
        return self.root / f"v{CACHE_FORMAT}" / layer / key[:2] / f"{key}.json"

    def get(self, layer: str, key: str) -> Any | None:
        """Return the value stored under ``key``, or None when there is none or it is damaged.

        A damaged entry (empty, truncated, not JSON, of another format, layer or key, or not
        of the layer's :data:`ENTRY_SHAPES`) is removed, with one warning line on stderr.

        Parameters
        ----------
        layer, key : str
            Where the value is.

        Returns
        -------
        object or None
            The value: lists, dicts, strings, numbers, booleans and None only.
        """
        path = self.path(layer, key)
        data = self._read(path)
        if data is None:
            return None
        try:
            entry = json.loads(data)
        except (ValueError, RecursionError):  # not UTF-8, not JSON, nested too deep
            return self._damaged(path, "it is not readable JSON (truncated or overwritten)")
        problem = _entry_problem(entry, layer, key)
        if problem:
            return self._damaged(path, problem)
        return entry["value"]

    def _read(self, path: Path) -> bytes | None:
        """An entry file's bytes; None when there is none, or (with one warning, removed)
        when it cannot be read or is empty."""
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            return self._damaged(path, f"it cannot be read ({os_reason(exc)})")
        return data if data else self._damaged(path, "it is empty")

    def _write(self, path: Path, data: bytes) -> None:
        """Write an entry file atomically; :class:`CacheError` names it when it cannot."""
        try:
            _write_atomic(path, data)
        except OSError as exc:
            raise CacheError(
                f"{path}: cannot write to the cache ({os_reason(exc)}); run with --no-cache, "
                f"or set ANALYSIS_CACHE_DIR to a writable folder"
            ) from exc

    def _damaged(self, path: Path, reason: str) -> None:
        """Warn (one line on stderr) about a damaged entry and remove it: a miss."""
        sys.stderr.write(
            f"warning: cache entry {path} ignored: {reason}; it is computed again "
            f"(`{CLEAR_COMMAND}` empties the cache {self.root})\n"
        )
        sys.stderr.flush()
        with contextlib.suppress(OSError):  # a read-only cache: nothing removed, still a miss
            path.unlink()
        return None

    def put(self, layer: str, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (atomically: a reader never sees half a file).

        Parameters
        ----------
        layer, key : str
            Where the value goes.
        value : object
            Plain data: lists (tuples), dicts with string keys, strings, numbers, booleans,
            None (NumPy scalars and pandas' missing values are stored as numbers and None).

        Raises
        ------
        CacheError
            When the entry cannot be written (read-only folder, disk full ...).
        """
        path = self.path(layer, key)
        entry = {_MARK: CACHE_FORMAT, "layer": layer, "key": key, "value": value}
        self._write(path, plain_json(entry).encode("utf-8"))

    def put_texts(self, layer: str, key: str, texts: Sequence[str]) -> None:
        """Store strings under ``key`` as they are, after a JSON header line naming the entry
        and their sizes in bytes (a command's output: no escaping, no JSON to parse).

        Parameters
        ----------
        layer, key : str
            Where the entry goes.
        texts : sequence of str
            The strings.
        """
        data = [t.encode("utf-8") for t in texts]
        head = {_MARK: CACHE_FORMAT, "layer": layer, "key": key, "value": [len(d) for d in data]}
        path = self.path(layer, key).with_suffix(".txt")
        self._write(path, b"\n".join([plain_json(head).encode("utf-8"), b"".join(data)]))

    def get_texts(self, layer: str, key: str) -> list[str] | None:
        """Return the strings :meth:`put_texts` stored under ``key``, or None (a miss; a
        damaged entry is removed with one warning line, as in :meth:`get`).

        Parameters
        ----------
        layer, key : str
            Where the entry is.

        Returns
        -------
        list of str or None
            The strings, in order.
        """
        path = self.path(layer, key).with_suffix(".txt")
        data = self._read(path)
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        try:
            entry = json.loads(head)
        except (ValueError, RecursionError):
            return self._damaged(path, "it is not readable JSON (truncated or overwritten)")
        problem = _entry_problem(entry, layer, key)
        if problem or sum(entry["value"]) != len(body):
            return self._damaged(path, problem or "it is truncated")
        ends = list(itertools.accumulate(entry["value"]))
        try:
            return [body[a:b].decode("utf-8") for a, b in zip([0, *ends], ends, strict=False)]
        except UnicodeDecodeError:
            return self._damaged(path, "its text is not UTF-8")

    def get_arrays(self, layer: str, key: str) -> dict[str, Any] | None:
        """Return the arrays stored under ``key`` (an array layer), or None (a miss).

        Read with ``allow_pickle=False``: an entry holding anything but plain arrays is
        damaged, removed with one warning line, as in :meth:`get`.

        Parameters
        ----------
        layer, key : str
            Where the entry is (``layer`` one of :data:`ARRAY_LAYERS`).

        Returns
        -------
        dict of str to numpy.ndarray, or None
            The arrays :data:`ARRAY_LAYERS` names for the layer.
        """
        import numpy as np

        path = self.path(layer, key).with_suffix(".npz")
        data = self._read(path)
        if data is None:
            return None
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as stored:
                arrays = {name: stored[name] for name in stored.files}
        except Exception:  # not a zip of .npy files, truncated, or holding pickled objects
            return self._damaged(path, "it is not a readable array file (truncated or overwritten)")
        problem = _array_problem(arrays, layer, key)
        if problem:
            return self._damaged(path, problem)
        arrays.pop(_MARK)
        return arrays

    def discard_arrays(self, layer: str, key: str, reason: str) -> None:
        """Remove an array entry its reader found damaged, with one warning line (a miss).

        Parameters
        ----------
        layer, key : str
            The entry.
        reason : str
            What is wrong with it, for the warning.
        """
        self._damaged(self.path(layer, key).with_suffix(".npz"), reason)

    def put_arrays(self, layer: str, key: str, arrays: Mapping[str, Any]) -> None:
        """Store integer or byte arrays under ``key`` in an array layer (atomically).

        Parameters
        ----------
        layer, key : str
            Where the entry goes.
        arrays : mapping of str to numpy.ndarray
            The arrays :data:`ARRAY_LAYERS` names for the layer.

        Raises
        ------
        CacheError
            When the entry cannot be written.
        """
        import numpy as np

        path = self.path(layer, key).with_suffix(".npz")
        buffer = io.BytesIO()
        np.savez(buffer, **arrays, **{_MARK: np.array([CACHE_FORMAT, layer, key])})
        self._write(path, buffer.getvalue())

    def check_writable(self) -> None:
        """Raise :class:`CacheError` now when entries could not be written to the folder.

        Raises
        ------
        CacheError
            Naming the folder, the reason and ``--no-cache``.
        """
        folder = self.root / f"v{CACHE_FORMAT}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            os.close(fd)
            os.unlink(tmp)
        except OSError as exc:
            raise CacheError(
                f"{self.root}: cannot write to the cache folder ({os_reason(exc)}); run with "
                f"--no-cache, or set ANALYSIS_CACHE_DIR to a writable folder"
            ) from exc


def _entry_problem(entry: object, layer: str, key: str) -> str:
    """Why a decoded entry is not this (layer, key)'s value ('' when it is)."""
    if not isinstance(entry, dict) or _MARK not in entry:
        return "it is not an entry of this cache"
    if entry[_MARK] != CACHE_FORMAT:
        return f"it was written in cache format {entry[_MARK]}, this version reads {CACHE_FORMAT}"
    if entry.get("layer") != layer or entry.get("key") != key or "value" not in entry:
        return "it belongs to another entry"
    shape = ENTRY_SHAPES.get(layer)
    if shape is not None and not shape(entry["value"]):
        return f"it does not hold {layer} data of this version"
    return ""


def _write_atomic(path: Path, data: bytes) -> None:
    """Write bytes through a temporary file in the same folder and a rename (mode 0644)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except FileNotFoundError:  # the entry's folder does not exist yet
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
