"""Corpus reading: encodings, normalisation, metadata, sections, bad input."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis.read.corpus
from analysis import CorpusError, CorpusWarning, read_corpus, split_paragraphs
from analysis.common.paths import SEEDS_DIR
from analysis.read.corpus import (
    decode_bytes,
    is_boilerplate,
    is_glossary_heading,
    is_traditional,
)
from analysis.read.encoding import changing_chars
from analysis.read.metadata import infer_metadata, place_names

SEED_IDS = [
    "青岛市2024政府工作报告",
    "市北区2021政府工作报告",
    "市南区2025政府工作报告",
    "即墨区2026政府工作报告",
    "青岛市2024计划报告",
]


def test_seeds_metadata_from_catalog(seeds: pd.DataFrame) -> None:
    assert seeds["doc_id"].tolist() == SEED_IDS
    assert seeds["year"].tolist() == [2024, 2021, 2025, 2026, 2024]
    assert seeds["level"].tolist() == ["市", "区", "区", "区", "市"]
    assert seeds["kind"].tolist() == ["政府工作报告"] * 4 + ["计划报告"]
    assert seeds["region"].tolist() == [
        "青岛市",
        "青岛市市北区",
        "青岛市市南区",
        "青岛市即墨区",
        "青岛市",
    ]
    assert seeds["encoding"].tolist() == ["utf-8"] * 5
    assert not seeds["traditional"].any()


def test_sections_of_the_seeds(seed_paragraphs: pd.DataFrame) -> None:
    counts = seed_paragraphs.groupby(["doc_id", "section"]).size().to_dict()
    assert counts == {
        ("即墨区2026政府工作报告", "body"): 31,
        ("即墨区2026政府工作报告", "boilerplate"): 1,
        ("即墨区2026政府工作报告", "glossary"): 9,
        ("市北区2021政府工作报告", "appendix"): 12,
        ("市北区2021政府工作报告", "body"): 84,
        ("市北区2021政府工作报告", "glossary"): 12,
        ("市南区2025政府工作报告", "body"): 43,
        ("市南区2025政府工作报告", "boilerplate"): 10,
        ("市南区2025政府工作报告", "glossary"): 22,
        ("青岛市2024政府工作报告", "body"): 75,
        ("青岛市2024计划报告", "body"): 23,
        ("青岛市2024计划报告", "boilerplate"): 3,
    }


def test_boilerplate_lines_of_the_web_copy(seed_paragraphs: pd.DataFrame) -> None:
    bp = seed_paragraphs[
        (seed_paragraphs["doc_id"] == "市南区2025政府工作报告")
        & (seed_paragraphs["section"] == "boilerplate")
    ]
    assert [t[:8] for t in bp["text"]] == [
        "• WAP手机版",
        "当前位置 当前位",
        "2025-04-",
        "内容摘要:青岛市",
        "免责申明:本站所",
        "标签:2025年",
        "相关评论",
        "主办单位:老余 ",
        "版权所有:老余 ",
        "皖ICP备202",
    ]


def test_metadata_inferred_without_catalog(tmp_path: Path) -> None:
    for f in SEEDS_DIR.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    corpus = read_corpus(tmp_path)
    corpus["year"] = corpus["year"].astype("string").fillna("")
    got = corpus[["doc_id", "region", "level", "year", "kind"]].values.tolist()
    assert got == [
        ["000_b2977c27da95a6ed", "青岛市", "市", "2024", "政府工作报告"],
        ["001_513e23010436c5db", "青岛市市北区", "区", "2021", "政府工作报告"],
        ["002_144eade1b5c793bc", "青岛市市南区", "区", "2025", "政府工作报告"],
        ["003_732b78ec93e976fc", "", "", "", "政府工作报告"],
        ["004_fac0b31ba6ba339c", "青岛市", "市", "2024", "计划报告"],
    ]


def test_infer_metadata_from_title_and_delivery_line() -> None:
    meta = infer_metadata(
        "政府工作报告\n——二〇二三年一月十二日在广东省第十四届人民代表大会第一次会议上\n"
    )
    assert meta == {
        "title": "政府工作报告",
        "region": "广东省",
        "level": "省",
        "year": "2023",
        "kind": "政府工作报告",
    }


def _row(corpus: pd.DataFrame) -> dict:
    return corpus.drop(columns=["file", "encoding"]).iloc[0].to_dict()


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_other_encodings_give_the_same_corpus_row(tmp_path: Path, encoding: str) -> None:
    seed = SEEDS_DIR / "003_732b78ec93e976fc.txt"
    text = seed.read_text(encoding="utf-8")
    copy = tmp_path / seed.name
    copy.write_bytes(text.encode(encoding))
    header, *rows = (SEEDS_DIR / "catalog.csv").read_text(encoding="utf-8").splitlines()
    own = [header, *(r for r in rows if r.startswith(seed.name))]  # the row of this file
    (tmp_path / "catalog.csv").write_text("\n".join(own) + "\n", encoding="utf-8")
    original = read_corpus([seed])
    again = read_corpus([copy])
    assert _row(again) == _row(original)
    expected = {"gb18030": "gb18030", "utf-16": "utf-16", "utf-8-sig": "utf-8-sig"}[encoding]
    assert again["encoding"].iloc[0] == expected


def test_crlf_and_bom_give_the_same_text(tmp_path: Path) -> None:
    seed = SEEDS_DIR / "003_732b78ec93e976fc.txt"
    text = seed.read_text(encoding="utf-8")
    copy = tmp_path / seed.name
    copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert read_corpus([copy])["text"].iloc[0] == read_corpus([seed])["text"].iloc[0]


def test_fullwidth_is_folded_and_chinese_punctuation_kept(data_dir: Path) -> None:
    text = read_corpus([data_dir / "fullwidth.txt"])["text"].iloc[0]
    assert "构建“1+6+N”产业载体支撑体系,落实“三资三化”,推进“放管服”改革。" in text
    assert "附件1\n" in text
    assert "(1)“1+6+N”产业载体支撑体系:" in text


def test_decode_rejects_undecodable_bytes() -> None:
    with pytest.raises(CorpusError, match=r"^bad\.txt: cannot be decoded as UTF-8"):
        decode_bytes(b"\x81\x30\xff\xfe\xfd" * 40, name="bad.txt")


def test_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(CorpusError, match=r"scan\.txt: is a binary file, not text"):
        read_corpus([binary])


def test_folder_skips_bad_files_with_warnings(tmp_path: Path, data_dir: Path) -> None:
    shutil.copy(data_dir / "tiny_utf8.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.warns(CorpusWarning) as record:
        corpus = read_corpus(tmp_path)
    assert corpus["file"].tolist() == ["good.txt"]
    messages = sorted(str(w.message) for w in record)
    assert messages[0].endswith("empty.txt: is empty (no text to analyse)")
    assert "scan.txt: is a binary file" in messages[1]


def test_empty_file_in_a_list_is_skipped_with_a_warning(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"empty\.txt: is empty"):
        corpus = read_corpus([tmp_path / "empty.txt", data_dir / "tiny_utf8.txt"])
    assert corpus["file"].tolist() == ["tiny_utf8.txt"]


def test_missing_folder_and_folder_without_txt(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="nowhere: no such folder"):
        read_corpus(tmp_path / "nowhere")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"contains no \.txt files"):
        read_corpus(tmp_path)


def test_traditional_report_is_simplified_and_original_kept(data_dir: Path) -> None:
    row = read_corpus([data_dir / "trad.txt"]).iloc[0]
    assert bool(row["traditional"])
    assert "我们坚持推进“三资三化”改革,实施“五个一”工程" in row["text"]
    assert "我們堅持推進“三資三化”改革,實施“五個一”工程" in row["original"]
    assert row["year"] == 2023


def test_simplified_report_never_goes_through_the_converter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = analysis.read.corpus.t2s_converter()
    seen: list[str] = []

    class Recording:
        def convert(self, text: str) -> str:
            seen.append(text)
            return real.convert(text)

    monkeypatch.setattr(analysis.read.corpus, "t2s_converter", Recording)
    corpus = read_corpus([SEEDS_DIR / "000_b2977c27da95a6ed.txt"])
    assert not corpus["traditional"].iloc[0]
    # only the table of distinct characters is looked up, never the report's text
    assert len(seen) == 1
    assert all(len(ch) == 1 for ch in seen[0].split("\n"))


def test_changing_chars_are_the_traditional_ones() -> None:
    changing = changing_chars()
    assert changing.findall("我們堅持推進改革,我们坚持推进改革") == list("們堅進")
    assert is_traditional("我們堅持推進改革", changing=changing)
    assert not is_traditional("我们坚持推进改革", changing=changing)
    assert not is_traditional("們", changing=changing)  # fewer than 4 Han characters

    class Keeping:  # a converter that changes nothing: no character is traditional
        def convert(self, text: str) -> str:
            return text

    assert changing_chars(Keeping()).search("我們堅持推進改革") is None
    assert not is_traditional("我們堅持推進改革", converter=Keeping())


def test_headings_and_boilerplate_rules() -> None:
    for heading in [
        "名词解释",
        "名  词  解  释",
        "《政府工作报告》名词解释",
        "名詞解釋",
        "附件1 名词解释",
    ]:
        assert is_glossary_heading(heading), heading
    assert not is_glossary_heading("名词解释:国有资源资产化")
    assert not is_glossary_heading("请参阅本报告的注释")
    assert not is_glossary_heading("深化改革,完善名词解释")
    for line in [
        "皖ICP备2023017023号",
        "扫一扫在手机打开当前页",
        "字体大小: 打印",
        "(上接六版)",
        "【纠错】 【责任编辑:张三】",
        "原标题:2024年政府工作报告",
        "(完)",
        "【大 中 小】",
        "信息来源:市政府办公厅",
    ]:
        assert is_boilerplate(line), line
    assert not is_boilerplate("深化国有企业改革,完善版权保护和主办单位责任制度。" * 3)


def test_split_paragraphs_does_not_mutate(seeds: pd.DataFrame) -> None:
    before = seeds.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        split_paragraphs(seeds)
    pd.testing.assert_frame_equal(seeds, before)


def test_place_names(seeds: pd.DataFrame) -> None:
    # the districts' own names, and for the city's reports its districts and county-level
    # cities (resources/gazetteer.csv)
    assert place_names(seeds) == {
        "青岛市",
        "青岛",
        "市北区",
        "市北",
        "市南区",
        "市南",
        "即墨区",
        "即墨",
        "城阳区",
        "城阳",
        "崂山区",
        "崂山",
        "李沧区",
        "李沧",
        "黄岛区",
        "黄岛",
        "平度市",
        "平度",
        "胶州市",
        "胶州",
        "莱西市",
        "莱西",
    }


def test_a_lone_empty_file_is_one_sentence_naming_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        read_corpus([empty])
    assert str(info.value) == f"{empty}: is empty (no text to analyse)"


def test_a_folder_or_a_data_file_named_as_a_report(tmp_path: Path) -> None:
    with pytest.raises(CorpusError) as info:
        read_corpus([tmp_path])
    assert str(info.value) == (
        f"{tmp_path}: is a folder, not a report file (pass the folder's .txt files)"
    )
    with pytest.raises(CorpusError) as info:
        read_corpus([SEEDS_DIR / "catalog.csv"])
    assert str(info.value) == (
        f"{SEEDS_DIR / 'catalog.csv'}: is a CSV table, not a report (reports are .txt files)"
    )


def test_boilerplate_lines_name_their_rule(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(
        "2025年某市政府工作报告\n首页 > 政务公开\n今年要稳中求进。\n版权所有:某市人民政府\n"
        "京ICP备12345678号\n",
        encoding="utf-8",
    )
    paragraphs = split_paragraphs(read_corpus(tmp_path))
    assert paragraphs[["section", "rule"]].values.tolist() == [
        ["body", ""],
        ["boilerplate", "breadcrumb"],
        ["body", ""],
        ["boilerplate", "copyright"],
        ["boilerplate", "icp_number"],
    ]


def test_more_glossary_headings_and_pinyin_glosses() -> None:
    for heading in [
        "名词注释",
        "《政府工作报告》有关内容名词注释",
        "有关名词的解释",
        "主要指标解释",
        "附件2:主要指标解释",
        "注释",
        "注:",
        "名(míng)詞(cí)解釋",
        "新词新语",
    ]:
        assert is_glossary_heading(heading), heading
    assert not is_glossary_heading("注:本表数据为快报数")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(encoding: str) -> None:
    seed = SEEDS_DIR / "003_732b78ec93e976fc.txt"
    text = seed.read_text(encoding="utf-8")
    assert decode_bytes(text.encode(encoding), name="x.txt") == (text, "utf-16")
    short = "各位代表:\n现在,我代表区人民政府向大会报告工作。\n"  # two NUL bytes in 48
    assert decode_bytes(short.encode(encoding), name="x.txt") == (short, "utf-16")


def test_nul_bytes_on_both_sides_are_binary() -> None:
    data = bytes(range(256)) * 4
    with pytest.raises(CorpusError) as info:
        decode_bytes(data, name="x.txt")
    assert str(info.value) == "x.txt: is a binary file, not text (it contains NUL bytes)"
