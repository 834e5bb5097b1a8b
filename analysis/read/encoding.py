"""Turning a file's bytes into normalised text: encodings, NFKC, traditional characters.

Text is read as UTF-8 (with or without BOM), UTF-16 or GB18030; anything else is a clear
error naming the file. NFKC folds full-width ASCII; a report in traditional characters is
detected per document (its characters are looked up, the text is not converted).
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import unicodedata
from pathlib import Path

from analysis.common.text import t2s_converter

__all__ = [
    "NOT_REPORT_SUFFIXES",
    "CorpusError",
    "changing_chars",
    "check_report_path",
    "decode_bytes",
    "is_traditional",
    "normalize_text",
]


class CorpusError(ValueError):
    """A report or a folder cannot be read; the message names the file and the problem."""


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control characters (but tab, line ends, form feed), private use and lone surrogates
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")
_SAMPLE = 20_000
#: Characters outside the common scripts (ASCII, CJK punctuation, CJK, full-width forms).
_UNCOMMON = re.compile(r"[^\x00-\x7f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _looks_binary(text: str) -> bool:
    """Tell whether decoded text is mostly control characters or unassigned code points."""
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text)) / len(text)
    sample = text[:_SAMPLE]
    # unassigned code points; common scripts (ASCII, CJK) are assigned and skipped
    rare = set(_UNCOMMON.findall(sample))
    unassigned = sum(sample.count(ch) for ch in rare if unicodedata.category(ch) == "Cn")
    return bad + unassigned / len(sample) > 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode BOM-less UTF-16 told by its NUL bytes, else return None.

    In UTF-16 text the NUL bytes are the high bytes of ASCII characters (line ends, digits,
    punctuation), so they fall on one side of each byte pair: odd offsets for little-endian,
    even for big-endian (the other side has a few: characters such as 一 U+4E00). Chinese
    text has few of them, so their number does not matter, only where they are (four times
    as many on one side); a binary file has NUL bytes on both sides.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 4 * even:
        enc = "utf-16-le"
    elif even > 4 * odd:
        enc = "utf-16-be"
    else:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
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


#: The Han characters looked at (CJK Unified Ideographs, those :data:`HAN` matches).
_HAN_CHARS = "".join(map(chr, range(0x4E00, 0xA000)))


def changing_chars(converter=None) -> re.Pattern[str]:
    """Return a pattern matching each Han character that OpenCC's ``t2s`` changes.

    The converter is asked once, about every character of :data:`HAN`'s range (one per
    line, so each is converted on its own); a report is then searched in one pass.

    Parameters
    ----------
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse (a new one is built otherwise).

    Returns
    -------
    re.Pattern
        A character class of the traditional characters (it matches nothing when the
        converter changes none).
    """
    converted = (converter or t2s_converter()).convert("\n".join(_HAN_CHARS)).split("\n")
    if len(converted) != len(_HAN_CHARS):  # pragma: no cover - OpenCC keeps line breaks
        raise ValueError("the t2s converter did not keep one character per line")
    changing = "".join(a for a, b in zip(_HAN_CHARS, converted, strict=True) if a != b)
    return re.compile(f"[{changing}]" if changing else "(?!)")


def is_traditional(
    text: str, *, threshold: float = 0.03, converter=None, changing: re.Pattern[str] | None = None
) -> bool:
    """Tell whether a text is written in traditional characters.

    The text is not converted: its Han characters that OpenCC's ``t2s`` table changes are
    counted (:func:`changing_chars`), and the text is traditional when they are more than
    ``threshold`` of its Han characters.

    Parameters
    ----------
    text : str
        Normalised text.
    threshold : float
        Share of Han characters that must change.
    converter : opencc.OpenCC, optional
        A ``t2s`` converter to reuse (a new one is built otherwise).
    changing : re.Pattern, optional
        :func:`changing_chars` of the converter, to reuse across texts.

    Returns
    -------
    bool
        True for a traditional-character text.
    """
    hits = len((changing or changing_chars(converter)).findall(text))
    if not hits:
        return False
    total = len(_NOT_HAN.sub("", text))  # Han characters
    if total < 4:
        return False
    return hits / total > threshold


#: File types that are data, not reports: naming one as a report is an error.
NOT_REPORT_SUFFIXES = {
    ".csv": "a CSV table",
    ".tsv": "a TSV table",
    ".json": "a JSON file",
    ".jsonl": "a JSON-lines file",
    ".xlsx": "a spreadsheet",
    ".xls": "a spreadsheet",
    ".parquet": "a Parquet table",
    ".pdf": "a PDF (convert it to text first)",
    ".docx": "a Word document (save it as text first)",
    ".zip": "a zip archive",
}


def _why_not_a_file(path: Path) -> str:
    """Why a path that is neither a file nor a folder cannot be read."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops (it leads back to itself); fix or remove the link"
        if path.is_symlink():
            return f"is a symbolic link to {os.readlink(path)}, which does not exist"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "cannot be reached (permission denied)"
        return "no such file"
    return "is not a regular file (a device, socket or pipe)"


def check_report_path(path: Path) -> None:
    """Raise a one-sentence error for a folder, a missing file or a data file named as a report.

    Parameters
    ----------
    path : Path
        A file named as a report.

    Raises
    ------
    CorpusError
        When ``path`` is a folder, missing, or a known data file type (CSV, JSON, PDF ...).
    """
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a report file (pass the folder's .txt files)")
    if not path.is_file():
        raise CorpusError(f"{path}: {_why_not_a_file(path)}")
    what = NOT_REPORT_SUFFIXES.get(path.suffix.lower())
    if what:
        raise CorpusError(f"{path}: is {what}, not a report (reports are .txt files)")
