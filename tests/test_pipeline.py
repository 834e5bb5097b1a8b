"""corpus_steps: the steps composed with the per-file cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis.read.corpus
import analysis.run.extraction
import analysis.run.segment
import analysis.run.steps
from analysis.run.steps import CorpusSteps, corpus_steps, load_corpus


@pytest.fixture
def folder(data_dir: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "reports"
    dest.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(data_dir / "tokens" / name, dest / name)
    return dest


def _lines(steps: CorpusSteps) -> list[str]:
    return [
        f"{d} {p} {' '.join(t)}" for d, p, t in steps.tokens[["doc_id", "para_id", "tokens"]].values
    ]


def test_steps_and_tokens(folder: Path) -> None:
    steps = corpus_steps(folder, cache=False)
    assert steps.corpus["doc_id"].tolist() == ["a", "b"]
    assert steps.glossary["term"].tolist() == ["1234+N新型产业体系", "三资三化", "四首经济"]
    assert {"1234+N", "三资三化", "放管服", "四首经济"} <= set(steps.slogans["slogan"])
    assert steps.tokens.columns.tolist() == ["doc_id", "para_id", "section", "tokens"]
    assert _lines(steps)[2:4] == [
        "a 2 坚持 以学铸魂 、 以学增智 、 以学正风 、 以学促干 , 加快 建设 创新型 产业 体系 , "
        "收入 达到 8500 亿元 。",
        "a 3 构建 “ 1234+N ” 新型产业体系 , 落实 “ 三资三化 ” 。",
    ]
    assert (
        _lines(steps)[10] == "b 2 推进 “ 放管服 ” 改革 , 发展 “ 四首经济 ” , 持续 壮大 文旅 产业 。"
    )
    assert len(steps.tokens) == len(steps.paragraphs) == 14


def test_warm_run_reads_no_text_and_extracts_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = corpus_steps(folder)

    def boom(*args: object, **kwargs: object) -> object:
        raise AssertionError("work done again on a warm run")

    monkeypatch.setattr(analysis.run.steps, "extract_batch", boom)
    monkeypatch.setattr(analysis.run.steps, "segment_reports", boom)
    warm = corpus_steps(folder)
    for name in ("corpus", "paragraphs", "glossary", "slogans", "tokens"):
        pd.testing.assert_frame_equal(getattr(cold, name), getattr(warm, name))
    pd.testing.assert_frame_equal(load_corpus(folder), cold.corpus)


def test_adding_a_report_redoes_only_what_depends_on_it(
    folder: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus_steps(folder)
    shutil.copy(data_dir / "tokens" / "c.txt", folder / "c.txt")
    extracted: list[list[str]] = []
    segmented: list[str] = []
    extract, segment = analysis.run.steps.extract_batch, analysis.terms.tokens.cut_paragraphs

    def spy_extract(paths: list[Path], warn: bool, *args: object) -> dict:
        extracted.append([p.name for p in paths])
        return extract(paths, warn, *args)

    def spy_segment(tokenizer: object, prepared: list[tuple[str, list]]) -> list[list[str]]:
        segmented.extend(text for text, _ in prepared)
        return segment(tokenizer, prepared)

    monkeypatch.setattr(analysis.run.steps, "extract_batch", spy_extract)
    monkeypatch.setattr(analysis.run.segment, "cut_paragraphs", spy_segment)
    steps = corpus_steps(folder)
    assert extracted == [["c.txt"]]
    # c.txt brings 港治谷, which occurs in neither a nor b: only c is segmented
    assert "港治谷" in steps.tokenizer.words
    assert segmented == steps.paragraphs.loc[steps.paragraphs["doc_id"] == "c", "text"].tolist()
    assert _lines(steps) == _lines(corpus_steps(folder, cache=False))


def test_jobs_and_engine_give_the_same_tokens(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis.run.segment, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(analysis.run.extraction, "PARALLEL_MIN_BYTES", 0)
    one = corpus_steps(folder, cache=False)
    two = corpus_steps(folder, cache=False, n_jobs=2)
    pd.testing.assert_frame_equal(one.tokens, two.tokens)
    pd.testing.assert_frame_equal(one.glossary, two.glossary)
    plain = corpus_steps(folder, cache=False, engine="jieba")
    assert _lines(plain) == _lines(one)


def test_workers_that_extract_also_segment(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With several processes, the workers that extracted the files segment them too (one
    engine load each), the cache is written by them, and none outlives the call."""
    import multiprocessing

    monkeypatch.setattr(analysis.run.extraction, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    calls: list[int] = []
    segment = analysis.run.extraction.ReportWorkers.segment

    def spy(self: object, reports: dict, *args: object) -> dict:
        calls.append(len(reports))
        return segment(self, reports, *args)

    monkeypatch.setattr(analysis.run.extraction.ReportWorkers, "segment", spy)
    two = corpus_steps(folder, n_jobs=2)
    assert calls == [2]  # both reports, in the workers
    assert multiprocessing.active_children() == []
    assert len(list((tmp_path / "cache").rglob("segments/*/*.json"))) == 2
    pd.testing.assert_frame_equal(two.tokens, corpus_steps(folder, cache=False).tokens)


def test_segmentation_pieces_go_to_whichever_worker_is_free(
    folder: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text is cut into pieces handed out one at a time: every report is segmented
    exactly once, in one piece, and the tokens are those of a run without workers."""
    shutil.copy(data_dir / "tokens" / "c.txt", folder / "c.txt")
    monkeypatch.setattr(analysis.run.extraction, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(analysis.run.extraction, "SEGMENT_PIECES", 2)  # 4 pieces, 3 reports
    log = tmp_path / "pieces.txt"
    segment = analysis.run.extraction.segment_batch

    def spy(tokenizer: object, reports: list, *args: object) -> list:
        with open(log, "a", encoding="utf-8") as fh:  # written in the worker process
            fh.write(" ".join(doc for doc, _ in reports) + "\n")
        return segment(tokenizer, reports, *args)

    monkeypatch.setattr(analysis.run.extraction, "segment_batch", spy)
    two = corpus_steps(folder, cache=False, n_jobs=2)
    pieces = sorted(log.read_text(encoding="utf-8").split("\n")[:-1])
    assert pieces == ["a", "b", "c"]
    pd.testing.assert_frame_equal(two.tokens, corpus_steps(folder, cache=False).tokens)


def test_joined_tokens_are_the_lists_joined_by_spaces(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``joined`` gives each paragraph's tokens as one string: cold in the workers, from the
    cache, and without a cache, always the lists joined by single spaces."""
    monkeypatch.setattr(analysis.run.extraction, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    lists = corpus_steps(folder, cache=False).tokens
    expected = [" ".join(t) for t in lists["tokens"]]
    assert expected[0].split(" ") == lists["tokens"][0] and len(lists["tokens"][0]) > 3
    for run in ("cold", "warm"):
        joined = corpus_steps(folder, n_jobs=2, joined=True).tokens
        assert joined["tokens"].tolist() == expected, run
        pd.testing.assert_frame_equal(joined.drop(columns="tokens"), lists.drop(columns="tokens"))
    assert corpus_steps(folder, cache=False, joined=True).tokens["tokens"].tolist() == expected


def test_sections(folder: Path) -> None:
    steps = corpus_steps(folder, cache=False, sections=("body",))
    assert steps.tokens["section"].unique().tolist() == ["body"]
    assert steps.tokens["doc_id"].tolist() == ["a"] * 4 + ["b"] * 3


def test_unreadable_and_empty_files_are_skipped_with_warnings(folder: Path) -> None:
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    for cache in (True, False):
        with pytest.warns(analysis.read.corpus.CorpusWarning) as record:
            steps = analysis.run.steps.extract_steps(folder, cache=cache)
        assert steps.corpus["doc_id"].tolist() == ["a", "b"]
        messages = sorted(str(w.message) for w in record)
        assert [m.split(": ")[1] for m in messages] == [
            "is empty (no text to analyse)",
            "is a binary file, not text (it contains NUL bytes)",
        ]
        assert messages[0].startswith(f"skipped {folder / 'empty.txt'}")


def test_two_files_of_one_name_are_refused_before_any_work(tmp_path: Path) -> None:
    from analysis.common.paths import SEEDS_DIR
    from analysis.read.corpus import CorpusError
    from analysis.run.steps import extract_steps

    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    for folder, seed in (("a", seeds[0]), ("b", seeds[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_bytes(seed.read_bytes())
    with pytest.raises(CorpusError) as raised:
        extract_steps([tmp_path / "a" / "r.txt", tmp_path / "b" / "r.txt"], cache=False)
    assert str(raised.value) == (
        f"{tmp_path / 'b' / 'r.txt'}: has the same file name as {tmp_path / 'a' / 'r.txt'}; "
        "give each report a file name of its own (reports are told apart by file name)"
    )
