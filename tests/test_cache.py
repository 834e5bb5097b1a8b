"""The per-file cache: data-only entries, damage as a miss with one warning, clearing."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.common.paths import SEEDS_DIR
from analysis.run.cache import (
    CACHE_FORMAT,
    ENTRY_SHAPES,
    REPORT_FRAMES,
    Cache,
    CacheError,
    hash_parts,
)
from analysis.run.clear import clear_cache
from analysis.run.extraction import FRAMES, REPORTS_LAYER
from analysis.run.replay import OUTPUTS_LAYER
from analysis.run.segment import SEGMENTS_LAYER
from analysis.run.steps import POINTERS_LAYER

SEED = SEEDS_DIR / "003_732b78ec93e976fc.txt"
CLEAR = "`python -m analysis cache clear` empties the cache"


class _Runs:
    """Unpickling this runs ``os.system``: what a crafted pickle entry would do."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (self.command,)


def _warning(cache: Cache, layer: str, key: str, reason: str, suffix: str = ".json") -> str:
    return (
        f"warning: cache entry {cache.path(layer, key).with_suffix(suffix)} ignored: {reason}; "
        f"it is computed again ({CLEAR} {cache.root})\n"
    )


def test_put_then_get(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("segments", "ab12", ["三资\n三化", ""])
    assert cache.get("segments", "ab12") == ["三资\n三化", ""]
    path = cache.path("segments", "ab12")
    assert path == tmp_path / f"v{CACHE_FORMAT}" / "segments" / "ab" / "ab12.json"
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "analysis-cache": "2",
        "layer": "segments",
        "key": "ab12",
        "value": ["三资\n三化", ""],
    }
    assert path.stat().st_mode & 0o777 == 0o644
    assert list(tmp_path.rglob("*.tmp")) == []


def test_every_layer_has_a_shape_and_the_frames_agree() -> None:
    assert set(ENTRY_SHAPES) == {REPORTS_LAYER, SEGMENTS_LAYER, POINTERS_LAYER, OUTPUTS_LAYER}
    assert REPORT_FRAMES == FRAMES


def test_missing_values_and_numpy_scalars_are_stored_as_data(tmp_path: Path) -> None:
    import numpy as np
    import pandas as pd

    cache = Cache(tmp_path)
    frame = {"columns": {"year": [2024, pd.NA], "n": [np.int64(3), 4]}, "dtypes": {"year": "Int64"}}
    cache.put("reports", "ee01", dict.fromkeys(REPORT_FRAMES, frame))
    expected = {"columns": {"year": [2024, None], "n": [3, 4]}, "dtypes": {"year": "Int64"}}
    assert cache.get("reports", "ee01") == dict.fromkeys(REPORT_FRAMES, expected)
    with pytest.raises(TypeError, match=r"^a set cannot be stored in the cache$"):
        cache.put("segments", "ee02", {"x"})


DAMAGE = {
    "truncated": (
        lambda good: good[: len(good) // 2],
        "it is not readable JSON (truncated or overwritten)",
    ),
    "random bytes": (
        lambda good: bytes(range(256)) * 3,
        "it is not readable JSON (truncated or overwritten)",
    ),
    "empty": (lambda good: b"", "it is empty"),
    "pickle": (
        lambda good: pickle.dumps(["a"], protocol=5),
        "it is not readable JSON (truncated or overwritten)",
    ),
    "wrong type": (
        lambda good: good.replace(b'"value":["a","b"]', b'"value":5'),
        "it does not hold segments data of this version",
    ),
    "bare value": (lambda good: b'["a","b"]', "it is not an entry of this cache"),
    "other version": (
        lambda good: good.replace(b'"analysis-cache":"2"', b'"analysis-cache":"9"'),
        "it was written in cache format 9, this version reads 2",
    ),
    "other key": (
        lambda good: good.replace(b'"key":"cd34"', b'"key":"cd35"'),
        "it belongs to another entry",
    ),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_entry_is_a_miss_with_one_warning(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = Cache(tmp_path)
    assert cache.get("segments", "cd34") is None
    cache.put("segments", "cd34", ["a", "b"])
    path = cache.path("segments", "cd34")
    damage, reason = DAMAGE[kind]
    path.write_bytes(damage(path.read_bytes()))
    assert cache.get("segments", "cd34") is None
    assert capsys.readouterr().err == _warning(cache, "segments", "cd34", reason)
    assert not path.exists()  # removed: the next read is a plain miss, no second warning
    assert cache.get("segments", "cd34") is None
    assert capsys.readouterr().err == ""


def test_wrong_shapes_of_each_layer_are_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = Cache(tmp_path)
    frame = {"columns": {"n": [1, 2], "t": ["a"]}, "dtypes": {}}  # columns of two lengths
    bad = {
        REPORTS_LAYER: dict.fromkeys(REPORT_FRAMES, frame),
        POINTERS_LAYER: {"k": 1},
        OUTPUTS_LAYER: ["only stdout"],
        SEGMENTS_LAYER: [["a"]],
    }
    for layer, value in bad.items():
        cache.put(layer, "ff00", value)
        assert cache.get(layer, "ff00") is None
    assert capsys.readouterr().err == "".join(
        _warning(cache, layer, "ff00", f"it does not hold {layer} data of this version")
        for layer in bad
    )
    int_text = {"columns": {"n": ["1"]}, "dtypes": {"n": "int64"}}
    cache.put(REPORTS_LAYER, "ff01", dict.fromkeys(REPORT_FRAMES, int_text))
    assert cache.get(REPORTS_LAYER, "ff01") is None


def test_a_pickle_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    cache = Cache(tmp_path / "cache")
    cache.put("segments", "ab12", ["a"])
    payload = pickle.dumps(_Runs(f"touch {marker}"))
    cache.path("segments", "ab12").write_bytes(payload)
    old = tmp_path / "cache" / "v1" / "segments" / "ab" / "ab12.pkl"  # format 1's place
    old.parent.mkdir(parents=True)
    old.write_bytes(payload)
    assert cache.get("segments", "ab12") is None
    assert not marker.exists()


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"ANALYSIS_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
    )


def test_crafted_entries_do_not_run_at_the_next_command(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    marker = tmp_path / "executed"
    first = _cli("tokenize", str(SEED), cache=cache)
    assert first.returncode == 0 and first.stderr == ""
    entries = sorted([*cache.rglob("*.json"), *cache.rglob("*.txt")])
    assert sorted(p.parent.parent.name for p in entries) == [
        "dictionary",
        "outputs",
        "reports",
        "segments",
    ]
    payload = pickle.dumps(_Runs(f"touch {marker}"))
    for path in entries:
        path.write_bytes(payload)
    again = _cli("tokenize", str(SEED), cache=cache)
    assert not marker.exists()
    assert again.returncode == 0
    assert again.stdout == first.stdout
    root = Cache(cache)
    reason = "it is not readable JSON (truncated or overwritten)"
    expected = [
        _warning(root, p.parent.parent.name, p.stem, reason, p.suffix).rstrip("\n") for p in entries
    ]
    assert sorted(again.stderr.splitlines()) == sorted(expected)
    third = _cli("tokenize", str(SEED), cache=cache)  # entries written again: no warning
    assert (third.returncode, third.stdout, third.stderr) == (0, first.stdout, "")


def test_hash_parts_separates_parts() -> None:
    assert hash_parts("ab", "c") != hash_parts("a", "bc")
    assert hash_parts("ab", b"c") == hash_parts("ab", "c")
    assert len(hash_parts("x")) == 32


def test_clear_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Cache(tmp_path / "c").put("segments", "ef56", ["x"])
    (tmp_path / "c" / "v1").mkdir()  # an older format's entries go too
    assert clear_cache(tmp_path / "c") == tmp_path / "c"
    assert not (tmp_path / "c").exists()
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "d"))
    Cache(tmp_path / "d").put("segments", "ef56", ["x"])
    (tmp_path / "d" / "notes.txt").write_text("mine")  # not the cache's: kept
    assert clear_cache() == tmp_path / "d"
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["notes.txt"]


def test_clear_on_a_read_only_cache_fails_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    cache = Cache(tmp_path / "c")
    cache.put("segments", "ef56", ["x"])
    entry = cache.path("segments", "ef56")

    def refuse(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(entry))

    monkeypatch.setattr(shutil, "rmtree", refuse)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "c"))
    assert main(["cache", "clear"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {entry}: cannot empty the cache {tmp_path / 'c'} (permission denied); its "
        f"entries remain (remove the folder by hand, or make it writable and run "
        f"`python -m analysis cache clear` again)\n"
    )
    assert entry.exists()
    with pytest.raises(CacheError):
        clear_cache(tmp_path / "c")


def test_a_read_only_cache_stops_before_any_work_and_suggests_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "c"))
    with monkeypatch.context() as patched:
        patched.setattr(tempfile, "mkstemp", refuse)
        assert main(["tokenize", str(SEED)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {tmp_path / 'c'}: cannot write to the cache folder (permission denied); run "
        f"with --no-cache, or set ANALYSIS_CACHE_DIR to a writable folder\n"
    )
    assert main(["tokenize", str(SEED), "--no-cache"]) == 0


def test_a_text_read_as_written_is_stored_once(tmp_path: Path, monkeypatch, data_dir) -> None:
    from analysis.common.paths import CACHE_ENV
    from analysis.run.steps import extract_steps

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    files = [SEED, data_dir / "trad.txt"]
    fresh = extract_steps(files, cache=False, warn=False).corpus
    extract_steps(files, warn=False)
    stored = {}
    for entry in (tmp_path / "cache").glob(f"v{CACHE_FORMAT}/{REPORTS_LAYER}/*/*.json"):
        corpus = json.loads(entry.read_text(encoding="utf-8"))["value"]["corpus"]["columns"]
        stored[corpus["file"][0]] = corpus["original"]
    assert stored[SEED.name] == [None]  # the same as its text
    assert stored["trad.txt"] == fresh.loc[fresh["file"] == "trad.txt", "original"].tolist()
    assert stored["trad.txt"] != [None]
    again = extract_steps(files, warn=False).corpus
    assert again["original"].tolist() == fresh["original"].tolist()
    assert again["text"].tolist() == fresh["text"].tolist()


def test_text_entries_round_trip_and_a_truncated_one_is_a_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = Cache(tmp_path)
    cache.put_texts(OUTPUTS_LAYER, "ab12", ["三资三化\n1+6+N\n", "K=10\n"])
    path = tmp_path / f"v{CACHE_FORMAT}" / OUTPUTS_LAYER / "ab" / "ab12.txt"
    head, _, body = path.read_bytes().partition(b"\n")
    assert json.loads(head) == {
        "analysis-cache": CACHE_FORMAT,
        "layer": OUTPUTS_LAYER,
        "key": "ab12",
        "value": [19, 5],
    }
    assert body.decode("utf-8") == "三资三化\n1+6+N\nK=10\n"
    assert cache.get_texts(OUTPUTS_LAYER, "ab12") == ["三资三化\n1+6+N\n", "K=10\n"]
    assert cache.get_texts(OUTPUTS_LAYER, "ab13") is None
    path.write_bytes(path.read_bytes()[:-3])
    assert cache.get_texts(OUTPUTS_LAYER, "ab12") is None
    warned = _warning(cache, OUTPUTS_LAYER, "ab12", "it is truncated", ".txt")
    assert capsys.readouterr().err == warned
    assert not path.exists()
