"""Reading a folder of reports into a corpus: decoding, normalisation, sections, paragraphs.

The corpus is one row per report; :func:`split_paragraphs` turns it into one row per
paragraph with a ``section`` label (``body``, ``glossary``, ``appendix``, ``boilerplate``)
and, for boilerplate, the name of the rule of :data:`analysis.patterns.BOILERPLATE_RULES`
that dropped the line.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.metadata import (
    infer_metadata,
    place_names,  # noqa: F401 - re-exported for older callers
)
from analysis.paths import SEEDS_DIR
from analysis.patterns import (
    APPENDIX_HEADINGS,
    BARE_ONLY_HEADINGS,
    GLOSSARY_HEADING_MAX_LEN,
    GLOSSARY_HEADINGS,
    HAN,
    boilerplate_rule,
)
from analysis.text import t2s_converter, to_simplified  # noqa: F401 - re-exported

__all__ = [
    "CORPUS_COLUMNS",
    "PARAGRAPH_COLUMNS",
    "CorpusError",
    "CorpusWarning",
    "EmptyReportError",
    "boilerplate_rule",
    "decode_bytes",
    "is_boilerplate",
    "is_glossary_heading",
    "is_section_heading",
    "is_traditional",
    "normalize_text",
    "read_corpus",
    "read_report",
    "split_paragraphs",
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
_METADATA_FIELDS = ("title", "region", "level", "year", "kind")


class CorpusError(ValueError):
    """A report or a folder cannot be read; the message names the file and the problem."""


class EmptyReportError(CorpusError):
    """A report file has no text."""


class CorpusWarning(UserWarning):
    """A report was skipped or read with a caveat; the message names the file."""


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control characters (but tab, line ends, form feed), private use and lone surrogates
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")
_SAMPLE = 20_000


def _looks_binary(text: str) -> bool:
    """Tell whether decoded text is mostly control characters or unassigned code points."""
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text)) / len(text)
    sample = text[:_SAMPLE]
    unassigned = sum(n for ch, n in Counter(sample).items() if unicodedata.category(ch) == "Cn")
    return bad + unassigned / len(sample) > 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode BOM-less UTF-16 when every other byte is NUL-heavy, else return None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) / len(zeros) > 0.2:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a report's bytes as UTF-8 (with or without BOM), UTF-16 or GB18030.

    Parameters
    ----------
    data : bytes
        The raw file content.
    name : str
        The file's name, used in error messages.

    Returns
    -------
    tuple of (str, str)
        The decoded text and the name of the encoding that decoded it.

    Raises
    ------
    CorpusError
        When no supported encoding decodes the bytes to text.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise CorpusError(f"{name}: starts with a {enc} byte-order mark but {exc}") from exc
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None and not _looks_binary(text):
            return text, "utf-16"
        raise CorpusError(f"{name}: is a binary file, not text (it contains NUL bytes)")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text, enc
    raise CorpusError(
        f"{name}: cannot be decoded as UTF-8, UTF-16 or GB18030 text (binary or another encoding)"
    )


# --------------------------------------------------------------------------- normalisation

_ODD_SPACES = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_TRAILING_WS = re.compile(r"[ \t]+\n")
_CIRCLED = re.compile("[\u2460-\u2473]")


def normalize_text(text: str) -> str:
    """Normalise a report's text: LF line ends, NFKC, no zero-width characters.

    NFKC folds full-width ASCII (＋，：（） to + , : ( )) and odd spaces (U+3000, U+2003,
    U+00A0) while Chinese punctuation such as “”、。《》 is left as it is. Circled numbers
    ①…⑳ become ``(1)``…``(20)`` (NFKC would glue a bare digit to the following term).

    Parameters
    ----------
    text : str
        Decoded text.

    Returns
    -------
    str
        The normalised text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ODD_SPACES.sub("", text)
    text = _CIRCLED.sub(lambda m: f"({ord(m.group(0)) - 0x245F})", text)
    text = unicodedata.normalize("NFKC", text)
    return _TRAILING_WS.sub("\n", text)


def is_traditional(text: str, *, threshold: float = 0.03, converter=None) -> bool:
    """Tell whether a text is written in traditional characters.

    Each distinct Han character is looked up in OpenCC's ``t2s`` table (the text itself is
    not converted); the text is traditional when more than ``threshold`` of its Han
    characters have a simplified form.

    Parameters
    ----------
    text : str
        Normalised text.
    threshold : float
        Share of Han characters that must change.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse (a new one is built otherwise).

    Returns
    -------
    bool
        True for a traditional-character text.
    """
    counts = Counter(HAN.findall(text))
    total = sum(counts.values())
    if total < 4:
        return False
    ordered = sorted(counts)
    converted = (converter or t2s_converter()).convert("\n".join(ordered)).split("\n")
    if len(converted) != len(ordered):  # pragma: no cover - OpenCC keeps line breaks
        return False
    changing = sum(counts[a] for a, b in zip(ordered, converted, strict=True) if a != b)
    return changing / total > threshold


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
        True when a rule of :data:`analysis.patterns.BOILERPLATE_RULES` matches.
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
    line = line.strip()
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
        rows.append((doc_id, len(rows), i + 1, section, "", line))
    return rows


def split_paragraphs(corpus: pd.DataFrame) -> pd.DataFrame:
    """Split each report into paragraphs and label the section each one belongs to.

    A paragraph is a non-empty line. Sections: ``body`` (the report), ``glossary`` (a
    名词解释 appendix, from its heading up to the next appendix or page boilerplate),
    ``appendix`` (other appendices such as 2021年区办实事) and ``boilerplate`` (site
    navigation, 免责申明, 版权所有, ICP numbers, ...).

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


def read_report(path: str | Path, *, converter=None) -> dict[str, object]:
    """Read one report file into a corpus record (without catalog metadata).

    Parameters
    ----------
    path : str or Path
        A ``.txt`` file.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse across files.

    Returns
    -------
    dict
        Keys ``file``, ``encoding``, ``traditional``, ``text`` (normalised, simplified),
        ``original`` (normalised, as written) and the fields of
        :func:`analysis.metadata.infer_metadata`.

    Raises
    ------
    CorpusError
        When the file is missing, a folder, empty or cannot be decoded.
    """
    path = Path(path)
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a report file (pass the folder's .txt files)")
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    text, encoding = decode_bytes(path.read_bytes(), name=str(path))
    original = normalize_text(text)
    if not original.strip():
        raise EmptyReportError(f"{path}: is empty (no text to analyse)")
    converter = converter or t2s_converter()
    traditional = is_traditional(original, converter=converter)
    simplified = converter.convert(original) if traditional else original
    record: dict[str, object] = {
        "file": path.name,
        "encoding": encoding,
        "traditional": traditional,
        "text": simplified,
        "original": original,
    }
    record.update(infer_metadata(simplified, file_name=path.name))
    return record


def _read_catalog(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "catalog.csv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if rows and "file" not in rows[0]:
        raise CorpusError(f"{path}: has no 'file' column")
    return {row["file"]: row for row in rows}


def _list_files(source: str | Path | list[str | Path] | tuple) -> tuple[list[Path], bool]:
    """The report files of a folder or a list, and whether they were listed one by one."""
    if isinstance(source, (list, tuple)):
        files = [Path(p) for p in source]
        for f in files:
            if f.is_dir():
                raise CorpusError(f"{f}: is a folder, not a report file (pass its .txt files)")
            if not f.is_file():
                raise CorpusError(f"{f}: no such file")
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
    for key in _METADATA_FIELDS:
        if row.get(key):
            record[key] = row[key]
    record["n_chars"] = len(str(record["text"]))
    return record


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
        Reading a list of files is always strict about missing and undecodable files.

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
    catalogs: dict[Path, dict[str, dict[str, str]]] = {}
    converter = t2s_converter()
    records = []
    seen_ids: set[str] = set()
    for f in files:
        try:
            record = read_report(f, converter=converter)
        except CorpusError as exc:
            # an empty file is skipped; an unreadable one too, but only in folder mode
            if strict or (listed and not isinstance(exc, EmptyReportError)):
                raise
            warnings.warn(f"skipped {exc}", CorpusWarning, stacklevel=2)
            continue
        parent = f.parent.resolve()
        if parent not in catalogs:
            catalogs[parent] = _read_catalog(parent)
        row = catalogs[parent].get(f.name, {})
        doc_id = row.get("doc_id") or f.stem
        if doc_id in seen_ids:
            doc_id = f"{doc_id}_{f.stem}"
        seen_ids.add(doc_id)
        records.append(_with_catalog(record, row, doc_id))
    if not records:
        names = ", ".join(str(f) for f in files)
        raise CorpusError(f"{names}: no readable report (every file was empty or unreadable)")
    return _to_frame(records)
