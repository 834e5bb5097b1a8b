"""Whole-command results in the cache: a command re-run on unchanged files prints its output again.

The per-file layers of :mod:`analysis.run.cache` make a re-run skip reading, extraction and
segmentation, but it would still load every file's entries, assemble frames and format
them. When the same command runs again with the same options on files whose bytes have not
changed, the printed output is the same, so it is kept as one more cache entry (layer
``outputs``) and printed as it is, without importing pandas, jieba or gensim.

The key holds everything the output depends on: the command and its options, each file's
name and bytes and its folder's ``catalog.csv``, the package version and the package's own
code and word lists (so editing a stopword list or a rule is never answered from an older
run). Nothing is replayed with ``--no-cache``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from analysis.common import __version__
from analysis.common.paths import cache_dir
from analysis.run.cache import Cache, hash_parts
from analysis.run.keys import code_fingerprint, report_keys

__all__ = ["OUTPUTS_LAYER", "output_key", "replay_or_run"]

#: Cache layer of whole-command outputs.
OUTPUTS_LAYER = "outputs"


def output_key(
    verb: str,
    files: Sequence[Path],
    options: Mapping[str, object],
    keys: Mapping[Path, str] | None = None,
) -> str:
    """The cache key of one command's output.

    Parameters
    ----------
    verb : str
        The command (``tokenize``, ``keywords`` ...).
    files : sequence of Path
        The report files, as given.
    options : mapping
        Every option that can change the output (not ``--jobs`` or ``--no-cache``).
    keys : mapping of Path to str, optional
        :func:`analysis.run.keys.report_keys` of the files (each file's name, bytes,
        catalog and the package's code), when the caller has them already.

    Returns
    -------
    str
        32 hex characters.
    """
    code = code_fingerprint()
    keys = keys if keys is not None else report_keys(files, code)
    parts: list[str | bytes] = [verb, __version__, code]
    parts += [f"{k}={options[k]!r}" for k in sorted(options)]
    parts += [keys[path] for path in files]
    return hash_parts(*parts)


def replay_or_run(
    key: str | None, run: Callable[[], tuple[str, str]], *, root: Path | None = None
) -> tuple[str, str]:
    """Return a command's (stdout, stderr) from the cache, or run it and keep the result.

    Parameters
    ----------
    key : str or None
        :func:`output_key`, or None to run without the cache (``--no-cache``).
    run : callable
        Produces the command's standard output and the part of its standard error that
        belongs to the result (not warnings).
    root : Path, optional
        The cache folder (default :func:`analysis.common.paths.cache_dir`).

    Returns
    -------
    tuple of (str, str)
        Standard output and standard error text.
    """
    if key is None:
        return run()
    cache = Cache(root or cache_dir())
    stored = cache.get_texts(OUTPUTS_LAYER, key)  # [stdout, stderr], as printed
    if stored is not None:
        return stored[0], stored[1]
    result = run()
    cache.put_texts(OUTPUTS_LAYER, key, result)
    return result
