"""The per-file cache: atomic entries, misses on damage, clearing."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.run.cache import CACHE_FORMAT, Cache, clear_cache, hash_parts


def test_put_then_get(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("segments", "ab12", [["三资三化"], []])
    assert cache.get("segments", "ab12") == [["三资三化"], []]
    assert (
        cache.path("segments", "ab12")
        == tmp_path / f"v{CACHE_FORMAT}" / "segments" / "ab" / "ab12.pkl"
    )
    assert cache.path("segments", "ab12").stat().st_mode & 0o777 == 0o644
    assert list(tmp_path.rglob("*.tmp")) == []


def test_missing_or_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    assert cache.get("reports", "cd34") is None
    cache.put("reports", "cd34", {"a": 1})
    cache.path("reports", "cd34").write_bytes(b"\x80\x05garbage")
    assert cache.get("reports", "cd34") is None


def test_hash_parts_separates_parts() -> None:
    assert hash_parts("ab", "c") != hash_parts("a", "bc")
    assert hash_parts("ab", b"c") == hash_parts("ab", "c")
    assert len(hash_parts("x")) == 32


def test_clear_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Cache(tmp_path / "c").put("segments", "ef56", 1)
    assert clear_cache(tmp_path / "c") == tmp_path / "c"
    assert not (tmp_path / "c").exists()
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "d"))
    Cache(tmp_path / "d").put("segments", "ef56", 1)
    assert clear_cache() == tmp_path / "d"
    assert not (tmp_path / "d").exists()
