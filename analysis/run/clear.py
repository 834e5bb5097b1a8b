"""Emptying the cache: ``python -m analysis cache clear``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from analysis.common.io import os_reason
from analysis.common.paths import cache_dir
from analysis.run.cache import CLEAR_COMMAND, CacheError

__all__ = ["clear_cache"]

_FORMAT_DIR = re.compile(r"v\d+")


def clear_cache(root: Path | None = None) -> Path:
    """Remove everything the cache holds (its ``v<format>`` folders), then the folder if empty.

    Other files in the folder are left alone, so pointing ``$ANALYSIS_CACHE_DIR`` at a
    folder of one's own never deletes one's files.

    Parameters
    ----------
    root : Path, optional
        The folder; default :func:`analysis.common.paths.cache_dir` (read at call time).

    Returns
    -------
    Path
        The folder that was emptied (it may not have existed).

    Raises
    ------
    CacheError
        When an entry cannot be removed (a read-only folder): the entries remain.
    """
    folder = cache_dir() if root is None else Path(root)
    if not folder.is_dir():
        return folder
    try:
        for child in folder.iterdir():
            if child.is_dir() and not child.is_symlink() and _FORMAT_DIR.fullmatch(child.name):
                shutil.rmtree(child)
        if not any(folder.iterdir()):
            folder.rmdir()
    except OSError as exc:
        where = exc.filename or folder
        raise CacheError(
            f"{where}: cannot empty the cache {folder} ({os_reason(exc)}); its entries remain "
            f"(remove the folder by hand, or make it writable and run `{CLEAR_COMMAND}` again)"
        ) from exc
    return folder
