"""Reading a folder of reports into a corpus: decoding, normalisation, sections, paragraphs.

The corpus is one row per report; :func:`split_paragraphs` turns it into one row per
paragraph with a ``section`` label (``body``, ``glossary``, ``appendix``, ``boilerplate``)
and, for boilerplate, the name of the rule of :data:`analysis.common.patterns.BOILERPLATE_RULES`
that dropped the line.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.common.io import os_reason
from analysis.common.paths import SEEDS_DIR
from analysis.common.patterns import (
    APPENDIX_HEADINGS,
    BARE_ONLY_HEADINGS,
    GLOSSARY_HEADING_MAX_LEN,
    GLOSSARY_HEADINGS,
    PINYIN_GLOSS,
    boilerplate_rule,
)
from analysis.common.text import (
    bounded_pieces,
    t2s_converter,
    to_simplified,  # noqa: F401 - re-exported
)
from analysis.common.wordlists import Region, regions
from analysis.read.catalog import read_catalog
from analysis.read.encoding import (
    NOT_REPORT_SUFFIXES,  # noqa: F401 - part of this module's interface
    CorpusError,
    changing_chars,
    check_report_path,
    decode_bytes,
    is_traditional,
    normalize_text,
)
from analysis.read.metadata import (
    infer_metadata,
    place_names,  # noqa: F401 - re-exported for older callers
)

__all__ = [
    "CORPUS_COLUMNS",
    "METADATA_FIELDS",
    "PARAGRAPH_COLUMNS",
    "CorpusError",
    "CorpusWarning",
    "EmptyReportError",
    "boilerplate_rule",
    "check_report_path",
    "decode_bytes",
    "is_boilerplate",
    "is_glossary_heading",
    "is_section_heading",
    "is_traditional",
    "normalize_text",
    "paragraph_pieces",
    "read_catalog",
    "read_corpus",
    "read_report",
    "split_paragraphs",
    "written_paragraphs",
]

CORPUS_COLUMNS = [
    "doc_id",
    "file",
    "title",
    "region",
    "level",
    "year",
    "kind",
    "encoding",
    "traditional",
    "n_chars",
    "text",
    "original",
]
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "line", "section", "rule", "text"]
#: Corpus columns a catalog.csv row sets (when not empty); reports can be grouped by them.
METADATA_FIELDS = ("title", "region", "level", "year", "kind")


class EmptyReportError(CorpusError):
    """A report file has no text."""


class CorpusWarning(UserWarning):
    """A report was skipped or read with a caveat; the message names the file."""


# --------------------------------------------------------------------------- sections


def is_boilerplate(line: str) -> bool:
    """Tell whether a line is web-page or print boilerplate rather than report text.

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    bool
        True when a rule of :data:`analysis.common.patterns.BOILERPLATE_RULES` matches.
    """
    return bool(boilerplate_rule(line))


def is_glossary_heading(line: str) -> bool:
    """Tell whether a line opens a 名词解释 appendix (any spelling of GLOSSARY_HEADINGS).

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    bool
        True for 名词解释, 名  词  解  释, 《政府工作报告》名词解释, 名詞解釋, 附件1 名词解释 ...
        注释-like words count only alone or after an attachment number.
    """
    line = PINYIN_GLOSS.sub("", line.strip())
    if len(line) > GLOSSARY_HEADING_MAX_LEN:
        return False
    for name, pattern in GLOSSARY_HEADINGS.items():
        m = pattern.match(line)
        if m is None:
            continue
        lead = m.group("lead").strip()
        attachment = APPENDIX_HEADINGS["attachment"].match(lead) is not None
        if not lead or name not in BARE_ONLY_HEADINGS or attachment:
            return True
    return False


def is_section_heading(line: str) -> bool:
    """Tell whether a line heads an appendix: 名词解释, 附件2, 2021年区办实事 ...

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    bool
        True for a glossary or appendix heading (not part of any entry).
    """
    return _appendix_kind([line], 0) is not None


def _attachment_kind(lines: list[str], i: int, rest: str) -> str:
    """附件N: a glossary when its title (same line or next lines) is a glossary heading."""
    if rest:
        return "glossary" if is_glossary_heading(rest) else "appendix"
    nxt = next((ln.strip() for ln in lines[i + 1 : i + 4] if ln.strip()), "")
    return "glossary" if nxt and is_glossary_heading(nxt) else "appendix"


def _appendix_kind(lines: list[str], i: int) -> str | None:
    """Classify an appendix heading at line ``i``: 'glossary', 'appendix' or None."""
    line = lines[i]
    if is_glossary_heading(line):
        return "glossary"
    m = APPENDIX_HEADINGS["attachment"].match(line)
    if m and len(line) <= GLOSSARY_HEADING_MAX_LEN:
        return _attachment_kind(lines, i, m.group("rest").strip())
    others = (p for name, p in APPENDIX_HEADINGS.items() if name != "attachment")
    return "appendix" if any(p.match(line) for p in others) else None


def paragraph_pieces(line: str) -> list[str]:
    """The paragraphs one line of a report gives: the line, or pieces of an overlong one.

    Parameters
    ----------
    line : str
        One line of a report.

    Returns
    -------
    list of str
        The stripped line; a line over
        :data:`analysis.common.patterns.PARAGRAPH_MAX_CHARS` characters gives its
        :func:`analysis.common.text.bounded_pieces`, stripped (empty ones left out).
    """
    return [p for piece in bounded_pieces(line.strip()) if (p := piece.strip())]


def _label_lines(doc_id: str, text: str) -> list[tuple[str, int, int, str, str, str]]:
    """Paragraph rows of one report (see :func:`split_paragraphs`)."""
    lines = [ln.strip() for ln in text.split("\n")]
    rows = []
    section = "body"
    for i, line in enumerate(lines):
        if not line:
            continue
        rule = boilerplate_rule(line)
        if rule:
            rows.append((doc_id, len(rows), i + 1, "boilerplate", rule, line))
            if section == "glossary":  # page furniture ends a glossary
                section = "body"
            continue
        section = _appendix_kind(lines, i) or section
        for piece in paragraph_pieces(line):
            rows.append((doc_id, len(rows), i + 1, section, "", piece))
    return rows


def written_paragraphs(original: str, lines: Sequence[int], texts: Sequence[str]) -> list[str]:
    """Each paragraph of one report as written (before the traditional-to-simplified step).

    Parameters
    ----------
    original : str
        The report's ``original`` text (normalised, as written).
    lines : sequence of int
        The ``line`` of each of its paragraphs (:func:`split_paragraphs`), in order.
    texts : sequence of str
        The ``text`` of each of them.

    Returns
    -------
    list of str
        Per paragraph, its stripped line of ``original``, or for a piece of an overlong
        line the same piece of it (the simplified ``text`` when the line as written is not
        cut into as many pieces).
    """
    written = original.split("\n")
    total = Counter(lines)
    seen: Counter[int] = Counter()
    pieces: dict[int, list[str]] = {}
    out = []
    for line, text in zip(lines, texts, strict=True):
        if line not in pieces:
            raw = written[line - 1]
            pieces[line] = [raw.strip()] if total[line] == 1 else paragraph_pieces(raw)
        own, k = pieces[line], seen[line]
        seen[line] += 1
        out.append(own[k] if len(own) == total[line] else text)
    return out


def split_paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """Split each report into paragraphs and label the section each one belongs to.

    A paragraph is a non-empty line; a line over
    :data:`analysis.common.patterns.PARAGRAPH_MAX_CHARS` characters (a report saved without
    line breaks) gives several paragraphs of at most that many, cut at sentence ends
    (:func:`paragraph_pieces`), all with the line's number. Sections: ``body`` (the
    report), ``glossary`` (a 名词解释 appendix, from its heading up to the next appendix or
    page boilerplate), ``appendix`` (other appendices such as 2021年区办实事) and
    ``boilerplate`` (site navigation, 免责申明, 版权所有, ICP numbers, ...).

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`read_corpus`.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph with columns ``doc_id`` (str), ``para_id`` (int, from 0 within
        the report), ``line`` (int, 1-based line number in the file), ``section`` (str),
        ``rule`` (str: the boilerplate rule that dropped the line, empty otherwise) and
        ``text`` (str, stripped, simplified characters).
    """
    rows: list[tuple[str, int, int, str, str, str]] = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        rows.extend(_label_lines(doc_id, text))
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


# --------------------------------------------------------------------------- reading


def read_report(
    path: str | Path,
    *,
    converter=None,
    table: Sequence[Region] | None = None,
    changing: re.Pattern[str] | None = None,
) -> dict[str, object]:
    """Read one report file into a corpus record (without catalog metadata).

    Parameters
    ----------
    path : str or Path
        A ``.txt`` file.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse across files.
    table : sequence of Region, optional
        :func:`analysis.common.wordlists.regions`, to reuse across files.
    changing : re.Pattern, optional
        :func:`analysis.read.encoding.changing_chars` of the converter, to reuse across files.

    Returns
    -------
    dict
        Keys ``file``, ``encoding``, ``traditional``, ``text`` (normalised, simplified),
        ``original`` (normalised, as written) and the fields of
        :func:`analysis.read.metadata.infer_metadata`.

    Raises
    ------
    CorpusError
        When the file is missing, a folder, empty or cannot be decoded.
    """
    check_report_path(path := Path(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({os_reason(exc)})") from exc
    text, encoding = decode_bytes(data, name=str(path))
    original = normalize_text(text)
    if not original.strip():
        raise EmptyReportError(f"{path}: is empty (no text to analyse)")
    converter = converter or t2s_converter()
    traditional = is_traditional(original, converter=converter, changing=changing)
    simplified = converter.convert(original) if traditional else original
    record: dict[str, object] = {"file": path.name, "encoding": encoding}
    record.update(traditional=traditional, text=simplified, original=original)
    record.update(infer_metadata(simplified, file_name=path.name, table=table))
    return record


def _list_files(source: str | Path | list[str | Path] | tuple) -> tuple[list[Path], bool]:
    """The report files of a folder or a list, and whether they were listed one by one."""
    if isinstance(source, (list, tuple)):
        files = [Path(p) for p in source]
        for f in files:
            check_report_path(f)
        return sorted(files, key=lambda p: p.name), True
    folder = Path(source)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder")
    files = sorted(folder.glob("*.txt"), key=lambda p: p.name)
    if not files:
        raise CorpusError(f"{folder}: contains no .txt files")
    return files, False


def _with_catalog(record: dict[str, object], row: dict[str, str], doc_id: str) -> dict:
    record["doc_id"] = doc_id
    for key in METADATA_FIELDS:
        if row.get(key):
            record[key] = row[key]
    record["n_chars"] = len(str(record["text"]))
    return record


def _report_skipped(files: list[Path], skipped: list[CorpusError], *, any_read: bool) -> None:
    """Warn about each skipped file, or raise when no file could be read."""
    if not any_read:
        if len(skipped) == 1:
            raise skipped[0]
        raise CorpusError(
            f"{files[0].parent}: none of the {len(files)} files is a readable report "
            f"(first: {skipped[0]})"
        )
    for exc in skipped:
        warnings.warn(f"skipped {exc}", CorpusWarning, stacklevel=3)


def _to_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records)
    frame["year"] = pd.to_numeric(frame["year"].replace("", None), errors="coerce").astype("Int64")
    for col in ("title", "region", "level", "kind"):
        frame[col] = frame[col].fillna("").astype(str)
    return frame[CORPUS_COLUMNS].reset_index(drop=True)


def read_corpus(
    source: str | Path | list[str | Path] | None = None,
    *,
    strict: bool = False,
    skip_unreadable: bool | None = None,
    converter=None,
    changing: re.Pattern[str] | None = None,
) -> pd.DataFrame:
    """Read a folder (or a list) of ``.txt`` reports into a corpus, one row per report.

    Metadata comes from the folder's ``catalog.csv`` when it has a row for the file, otherwise
    it is inferred from the report's first lines and its file name (unknown fields stay empty).

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder of ``.txt`` files, or a list of files; None reads the seeds.
    strict : bool
        Raise on the first unreadable or empty file instead of skipping it with a warning.
    skip_unreadable : bool, optional
        Skip an undecodable file with a warning (default: in a folder, not in a list).
    converter, changing : optional
        A ``t2s`` converter and its :func:`~analysis.read.encoding.changing_chars`, to reuse.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (catalog id or file stem), ``file`` (name), ``title``, ``region``,
        ``level`` (省/市/区/县), ``year`` (Int64, missing when unknown), ``kind``
        (政府工作报告/计划报告/...), ``encoding``, ``traditional`` (bool), ``n_chars`` (int),
        ``text`` (normalised, simplified) and ``original`` (normalised, as written).
        Rows are sorted by file name.

    Raises
    ------
    CorpusError
        When the folder is missing or has no ``.txt`` files, or (strict) a file is unreadable.
    """
    files, listed = _list_files(SEEDS_DIR if source is None else source)
    skip = (not listed) if skip_unreadable is None else skip_unreadable
    tools = {"converter": (converter := converter or t2s_converter()), "table": regions()}
    tools["changing"] = changing or changing_chars(converter)
    records, skipped = _records(files, tools, strict=strict, skip=skip)
    _report_skipped(files, skipped, any_read=bool(records))
    return _to_frame(records)


def _records(files: list[Path], tools: dict, *, strict: bool, skip: bool) -> tuple[list, list]:
    """Each readable file's record (catalog metadata, a unique ``doc_id``); skipped errors."""
    catalogs: dict[Path, dict[str, dict[str, str]]] = {}
    records, skipped, seen_ids = [], [], set()
    for f in files:
        try:
            record = read_report(f, **tools)
        except CorpusError as exc:
            if strict or not (skip or isinstance(exc, EmptyReportError)):
                raise
            skipped.append(exc)
            continue
        if (parent := f.parent.resolve()) not in catalogs:
            catalogs[parent] = read_catalog(parent)
        row = catalogs[parent].get(f.name, {})
        doc_id = row.get("doc_id") or f.stem
        doc_id = f"{doc_id}_{f.stem}" if doc_id in seen_ids else doc_id
        seen_ids.add(doc_id)
        records.append(_with_catalog(record, row, doc_id))
    return records, skipped
