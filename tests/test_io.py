"""Writing files: atomic writes that name the file on failure, I/O errors as sentences."""

from __future__ import annotations

import errno
import os
from collections import namedtuple
from pathlib import Path

import pytest

from analysis.common.io import WriteError, atomic_write_text, check_writable, os_reason, what_to_do


class _FullDisk:
    """A file whose writes fail as on a full disk (the error names no file)."""

    def __init__(self, fd: int) -> None:
        os.close(fd)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_atomic_write_keeps_the_old_file_and_names_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pages" / "index.html"
    atomic_write_text(path, "old\n")
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(fd))
    with pytest.raises(OSError) as info:
        atomic_write_text(path, "new\n")
    assert (info.value.errno, info.value.filename) == (errno.ENOSPC, str(path))
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.html"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_reasons_and_what_to_do() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "x")
    denied = PermissionError(errno.EACCES, "Permission denied", "x")
    assert (os_reason(full), what_to_do(full)) == (
        "no space left on the disk",
        "free some disk space and run the command again",
    )
    assert (os_reason(denied), what_to_do(denied)) == (
        "permission denied",
        "make the folder writable or choose another one",
    )


def test_check_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    assert check_writable(tmp_path / "new" / "out") == tmp_path / "new" / "out"
    assert list((tmp_path / "new" / "out").iterdir()) == []
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9, 0))
    with pytest.raises(WriteError) as info:
        check_writable(tmp_path, free_bytes=10**8)
    assert str(info.value) == (
        f"{tmp_path}: only 0 MB free on its disk, 100 MB needed; free some disk space or "
        "choose another folder"
    )
