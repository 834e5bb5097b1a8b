"""A report saved without line breaks: its one line is cut into bounded paragraphs, so that
the per-paragraph steps stay linear in its size (bench/bench_long_lines.py measures them)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import read_corpus, split_paragraphs
from analysis.common.patterns import PARAGRAPH_MAX_CHARS, SENTENCE_END
from analysis.common.text import bounded_pieces
from analysis.read.corpus import paragraph_pieces, written_paragraphs
from analysis.run.steps import corpus_steps
from analysis.terms.glossary import find_terms, term_keys
from analysis.terms.glossary.usage import count_mentions
from analysis.terms.slogans.find import load_general_words
from analysis.terms.slogans.plus import find_plus_formulas

_AFTER_SENTENCE_END = re.compile(f"(?<=[{SENTENCE_END}])")


@pytest.fixture(scope="module")
def body_text(seed_paragraphs: pd.DataFrame) -> str:
    """The body of three seed reports as one line (about 46,000 characters)."""
    body = seed_paragraphs[seed_paragraphs["section"] == "body"]
    docs = ["市北区2021政府工作报告", "市南区2025政府工作报告", "青岛市2024政府工作报告"]
    return "".join(body[body["doc_id"].isin(docs)]["text"])


def test_pieces_end_at_sentence_ends_within_the_bound() -> None:
    text = "一二三。四五六七!八九;十"
    assert bounded_pieces(text, 20) == [text]
    assert bounded_pieces(text, 8) == ["一二三。", "四五六七!八九;", "十"]
    assert bounded_pieces(text, 5) == ["一二三。", "四五六七!", "八九;十"]


def test_a_stretch_without_sentence_ends_is_cut_at_the_bound() -> None:
    assert bounded_pieces("甲" * 7 + "。乙", 3) == ["甲甲甲", "甲甲甲", "甲。乙"]
    assert bounded_pieces("", 3) == [""]


def test_pieces_of_a_long_line(body_text: str) -> None:
    pieces = bounded_pieces(body_text)
    assert len(body_text) > 4 * PARAGRAPH_MAX_CHARS
    assert "".join(pieces) == body_text
    assert all(len(p) <= PARAGRAPH_MAX_CHARS for p in pieces)
    assert all(p[-1] in SENTENCE_END for p in pieces[:-1])
    # each piece takes every sentence that fits: the next one would overflow it
    firsts = [_AFTER_SENTENCE_END.split(p)[0] for p in pieces[1:]]
    assert all(
        len(a) + len(b) > PARAGRAPH_MAX_CHARS for a, b in zip(pieces[:-1], firsts, strict=True)
    )
    assert paragraph_pieces(f"  {body_text}  ") == [p.strip() for p in pieces]


def test_a_long_line_is_split_into_paragraphs(tmp_path: Path, body_text: str) -> None:
    path = tmp_path / "one_line.txt"
    path.write_text(f"青岛市政府工作报告\n{body_text}\n", encoding="utf-8")
    paragraphs = split_paragraphs(read_corpus([path]))
    pieces = bounded_pieces(body_text)
    assert paragraphs["text"].tolist() == ["青岛市政府工作报告", *pieces]
    assert paragraphs["line"].tolist() == [1] + [2] * len(pieces)
    assert paragraphs["para_id"].tolist() == list(range(len(pieces) + 1))
    assert set(paragraphs["section"]) == {"body"}


def test_written_pieces_follow_the_simplified_ones() -> None:
    original = "標題\n" + "發展經濟。" * 3000 + "\n結尾"
    simplified = "标题\n" + "发展经济。" * 3000 + "\n结尾"
    texts = ["标题", *paragraph_pieces(simplified.split("\n")[1]), "结尾"]
    lines = [1] + [2] * (len(texts) - 2) + [3]
    written = written_paragraphs(original, lines, texts)
    assert written == ["標題", *paragraph_pieces(original.split("\n")[1]), "結尾"]
    assert [len(w) for w in written] == [len(t) for t in texts]
    # pieces that do not pair up (another count): the simplified text stands in
    assert written_paragraphs("甲乙\n", [1, 1], ["甲", "乙"]) == ["甲", "乙"]


def _flat_tokens(path: Path) -> list[str]:
    tokens = corpus_steps([path], cache=False, warn=False).tokens["tokens"]
    return [t for para in tokens for t in para]


def test_a_long_line_gives_the_tokens_of_its_sentences(tmp_path: Path, body_text: str) -> None:
    one, many = tmp_path / "one" / "report.txt", tmp_path / "many" / "report.txt"
    for path, text in ((one, body_text), (many, "\n".join(_AFTER_SENTENCE_END.split(body_text)))):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    assert _flat_tokens(one) == _flat_tokens(many)


def test_a_plus_inside_nested_quotes_is_no_formula() -> None:
    general = load_general_words()
    slogans = lambda text: [f.slogan for f in find_plus_formulas(text, general)]  # noqa: E731
    assert slogans("推进党建+网格,") == ["党建+网格"]
    # inside “…” even after a ‘…’ that closes before the +
    assert slogans("推进“‘数字’党建+网格”,") == []
    assert slogans("推进“数字”建设," * 5000 + "推进党建+网格,") == ["党建+网格"]


def test_mentions_of_all_entries_in_one_pass() -> None:
    entries = [
        term_keys("三资三化", "“三资三化”", []),
        term_keys("1+N", "“1+N”", []),
        term_keys("一件事", "“一件事”", ["一件事全链条"]),
        [],
    ]
    text = "推进“三资三化”,三资三化见效;2+1+N不算,1+N算;一件事全链条与一件事。"
    assert count_mentions(text, entries) == [len(find_terms(text, k)) for k in entries]
    assert count_mentions(text, entries) == [2, 1, 2, 0]
    assert count_mentions("", entries) == [0, 0, 0, 0]
