"""Glossary files and curation: byte-identical builds, the curated action table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import build_glossary, extract_glossary
from analysis.common.paths import GLOSSARY_DIR
from analysis.terms.glossary import GLOSSARY_COLUMNS, apply_curated, read_glossary, write_glossary
from analysis.terms.glossary.store import ACTIONS

_CURATED = ["action", "doc_id", "n", "term", "definition", "aliases", "note"]


def test_build_is_byte_identical_and_matches_the_committed_glossary(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame, tmp_path: Path
) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "curated.csv").write_bytes((GLOSSARY_DIR / "curated.csv").read_bytes())
        entries = extract_glossary(seeds, seed_paragraphs, warn=False)
        build_glossary(entries, seed_paragraphs, tmp_path / d)
    a = (tmp_path / "a" / "glossary.csv").read_bytes()
    assert a == (tmp_path / "b" / "glossary.csv").read_bytes()
    assert a == (GLOSSARY_DIR / "glossary.csv").read_bytes()
    ctx = (tmp_path / "a" / "contexts.csv").read_bytes()
    assert ctx == (GLOSSARY_DIR / "contexts.csv").read_bytes()
    assert b"\r\n" not in a
    assert a.decode("utf-8").splitlines()[0] == ",".join(GLOSSARY_COLUMNS)
    assert GLOSSARY_COLUMNS[:7] == [
        "doc_id",
        "n",
        "term",
        "definition",
        "aliases",
        "region",
        "year",
    ]
    assert not list((tmp_path / "a").glob("*.tmp")) and not list((tmp_path / "a").glob(".*"))


def test_written_glossary_reads_back(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame, tmp_path: Path
) -> None:
    entries = extract_glossary(seeds, seed_paragraphs)
    write_glossary(entries, tmp_path)
    back = read_glossary(tmp_path)
    assert len(back) == 38 and list(back.columns) == GLOSSARY_COLUMNS
    row = back.set_index("term").loc["1+6+N产业载体支撑体系"]
    assert row["aliases"] == ["1+6+N"] and row["year"] == 2021 and row["mentions"] == 2
    assert not row["truncated"] and not row["conflict"] and row["curated"] == ""


def test_curated_actions_are_a_table() -> None:
    assert sorted(ACTIONS) == ["add", "alias", "correct", "drop"]


def test_curated_decisions_are_applied_and_recorded(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame
) -> None:
    entries = extract_glossary(seeds, seed_paragraphs)
    curated = pd.DataFrame(
        [
            ["add", "青岛市2024政府工作报告", "1", "“四下基层”", "宣传政策下基层。", "", ""],
            ["correct", "即墨区2026政府工作报告", "", "三争", "争取政策、资金和项目支持。", "", ""],
            ["drop", "市南区2025政府工作报告", "", "紧密型城市医疗集团", "", "", ""],
            ["alias", "市北区2021政府工作报告", "", "港治谷", "", "港治平台", ""],
        ],
        columns=_CURATED,
    )
    out = apply_curated(entries, curated)
    assert len(out) == len(entries)  # one added, one dropped
    by = out.set_index(["doc_id", "term"])
    assert by.loc[("即墨区2026政府工作报告", "三争"), "definition"] == "争取政策、资金和项目支持。"
    assert by.loc[("市北区2021政府工作报告", "港治谷"), "aliases"] == ["港治平台"]
    added = by.loc[("青岛市2024政府工作报告", "四下基层")]
    assert (added["curated"], added["display_term"], added["n"]) == ("add", "“四下基层”", 1)
    assert ("市南区2025政府工作报告", "紧密型城市医疗集团") not in by.index
    assert sorted(out.loc[out["curated"] != "", "curated"]) == ["add", "alias", "correct"]
    assert entries["aliases"].map(len).sum() == out["aliases"].map(len).sum() - 1  # input untouched


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["correct", "即墨区2026政府工作报告", "", "没有这个词", "x", "", ""],
            "names no extracted",
        ),
        (["rename", "即墨区2026政府工作报告", "", "三争", "", "", ""], "unknown curated action"),
    ],
)
def test_bad_curated_rows_are_errors(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame, row: list[str], message: str
) -> None:
    entries = extract_glossary(seeds, seed_paragraphs)
    with pytest.raises(ValueError, match=message):
        apply_curated(entries, pd.DataFrame([row], columns=_CURATED))


def test_curated_file_with_comments_and_missing_columns(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame, tmp_path: Path
) -> None:
    entries = extract_glossary(seeds, seed_paragraphs)
    good = tmp_path / "curated.csv"
    good.write_text(
        "# note\n" + ",".join(_CURATED) + "\ndrop,即墨区2026政府工作报告,,三争,,,\n", "utf-8"
    )
    assert len(apply_curated(entries, good)) == len(entries) - 1
    bad = tmp_path / "bad.csv"
    bad.write_text("action,doc_id\n", "utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        apply_curated(entries, bad)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build_replaces_the_folder_whole_and_a_failed_write_leaves_the_old_one(
    seeds: pd.DataFrame,
    seed_paragraphs: pd.DataFrame,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import analysis.terms.glossary.store as store
    from analysis.common.io import WriteError

    out = tmp_path / "glossary"
    out.mkdir()
    (out / "glossary.csv").write_text("old glossary\n", encoding="utf-8")
    (out / "contexts.csv").write_text("old contexts\n", encoding="utf-8")
    (out / "notes.txt").write_text("kept\n", encoding="utf-8")
    (out / "curated.csv").write_bytes((GLOSSARY_DIR / "curated.csv").read_bytes())
    before = _snapshot(out)
    entries = extract_glossary(seeds, seed_paragraphs, warn=False)
    written = []
    real = store.atomic_write_text

    def full_disk(path: Path, text: str) -> Path:
        if Path(path).name == "contexts.csv":
            raise OSError(28, "No space left on device")
        written.append(Path(path).name)
        return real(path, text)

    with monkeypatch.context() as patched, pytest.raises(WriteError) as info:
        patched.setattr(store, "atomic_write_text", full_disk)
        build_glossary(entries, seed_paragraphs, out)
    assert str(info.value) == (
        f"{out / 'contexts.csv'}: cannot write the glossary (no space left on the disk); "
        f"{out} is left as it was; free some disk space and run the command again"
    )
    assert written == ["glossary.csv"]  # the new glossary.csv was written, beside the folder
    assert _snapshot(out) == before  # byte-identical: no new glossary next to old contexts
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary"]  # nothing left over
    build_glossary(entries, seed_paragraphs, out)
    assert sorted(_snapshot(out)) == ["contexts.csv", "curated.csv", "glossary.csv", "notes.txt"]
    assert (out / "glossary.csv").read_bytes() == (GLOSSARY_DIR / "glossary.csv").read_bytes()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "kept\n"
    assert out.stat().st_mode & 0o777 == 0o755
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary"]


def test_build_refuses_a_folder_that_holds_folders(
    seeds: pd.DataFrame, seed_paragraphs: pd.DataFrame, tmp_path: Path
) -> None:
    from analysis.common.io import WriteError

    (tmp_path / "mixed" / "data").mkdir(parents=True)
    entries = extract_glossary(seeds, seed_paragraphs, warn=False)
    with pytest.raises(WriteError) as info:
        build_glossary(entries, seed_paragraphs, tmp_path / "mixed")
    assert str(info.value) == (
        f"{tmp_path / 'mixed'}: holds data and is not a folder for the glossary alone; glossary "
        "build replaces its folder whole, so give --out a new or glossary-only folder"
    )
    assert [p.name for p in (tmp_path / "mixed").iterdir()] == ["data"]
