"""Reading a folder of reports into a corpus: decoding, normalisation, metadata, paragraphs.

The corpus is one row per report; :func:`split_paragraphs` turns it into one row per
paragraph with a ``section`` label (``body``, ``glossary``, ``appendix``, ``boilerplate``).
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.paths import SEEDS_DIR

__all__ = [
    "CORPUS_COLUMNS",
    "PARAGRAPH_COLUMNS",
    "CorpusError",
    "CorpusWarning",
    "EmptyReportError",
    "decode_bytes",
    "infer_metadata",
    "is_section_heading",
    "is_traditional",
    "normalize_text",
    "place_names",
    "read_corpus",
    "read_report",
    "split_paragraphs",
    "to_simplified",
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
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "line", "section", "text"]


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


def _looks_binary(text: str) -> bool:
    """Tell whether decoded text is mostly control characters or unassigned code points."""
    if not text:
        return False
    bad = sum(
        1
        for ch in text
        if (unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"} and ch not in "\n\r\t\f")
    )
    return bad / len(text) > 0.01


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
    U+00A0) while Chinese punctuation such as “”、。《》 is left as it is.

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
    # circled numbers (①…⑳) number entries; NFKC would glue a bare digit to the term
    text = _CIRCLED.sub(lambda m: f"({ord(m.group(0)) - 0x245F})", text)
    text = unicodedata.normalize("NFKC", text)
    return _TRAILING_WS.sub("\n", text)


@lru_cache(maxsize=1)
def _t2s():  # pragma: no cover - trivial
    import opencc

    return opencc.OpenCC("t2s")


_HAN = re.compile(r"[\u4e00-\u9fff]")


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified ones with OpenCC (``t2s``).

    Parameters
    ----------
    text : str
        Text in traditional (or mixed) characters.

    Returns
    -------
    str
        The simplified text; line breaks are preserved.
    """
    return _t2s().convert(text)


def is_traditional(text: str, *, threshold: float = 0.03) -> bool:
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

    Returns
    -------
    bool
        True for a traditional-character text.
    """
    han = _HAN.findall(text)
    if len(han) < 4:
        return False
    changing = _changing_chars(frozenset(han))
    share = sum(ch in changing for ch in han) / len(han)
    return share > threshold


@lru_cache(maxsize=64)
def _changing_chars(chars: frozenset[str]) -> frozenset[str]:
    """The characters that OpenCC ``t2s`` maps to another character, looked up one by one."""
    ordered = sorted(chars)
    converted = _t2s().convert("\n".join(ordered)).split("\n")
    if len(converted) != len(ordered):  # pragma: no cover - OpenCC keeps line breaks
        return frozenset()
    return frozenset(a for a, b in zip(ordered, converted, strict=True) if a != b)


# --------------------------------------------------------------------------- sections

_BOILERPLATE = re.compile(
    r"WAP手机版|^当前位置|^免责[申声]明|^版权所有|Copyright|©|^主办单位|^承办单位|运行维护单位|"
    r"ICP备|ICP证|公网安备|^标签[::]|扫一扫|字体大小|^字号[::]|【?打印】?\s*【?关闭|"
    r"^打印$|^关闭$|^分享到|^相关评论|^相关阅读|^相关新闻|^上一篇|^下一篇|^责任编辑|^编辑[::]|"
    r"^来源[::]|发布日期|发布时间|浏览次数|阅读次数|点击数[::]|^内容摘要[::]|"
    r"^[((]?上接[一二三四五六七八九十\d]+版|^[((]?下转[一二三四五六七八九十\d]+版|"
    r"^首页\s*[>》]|^网站地图|^联系我们|^•|^\d{4}-\d{1,2}-\d{1,2}\S{0,40}$|"
    r"纠错】|^原标题[::]|返回顶部|打印本页|关闭窗口|^相关链接|附件下载|^下载附件|"
    r"^(?:文章|信息)来源[::]|^作者[::]|^审核[::]|^[((]完[))]$|【\s*大\s*中\s*小\s*】"
)
_BOILERPLATE_MAX_LEN = 160

_GLOSSARY_HEADING = re.compile(
    # an optional lead (附件1, 附:, 《政府工作报告》, 2024年政府工作报告中的), then the word
    r"^(?P<lead>[^,。;!?]{0,26}?)\s*[【\[(]?"
    r"(?P<word>名\s*词\s*解\s*释|名\s*詞\s*解\s*釋|名\s*词\s*注\s*释|名\s*词\s*解\s*读|"
    r"词\s*语\s*解\s*释|注\s*释|附\s*注)[】\])]?\s*[::]?$"
)
_APPENDIX_HEADING = re.compile(r"^附\s*件\s*\d*\s*[::.、]?\s*(?P<rest>.*)$")
_APPENDIX_TITLE = re.compile(
    r"^\d{4}年.{0,20}(?:实事|项目|清单|计划|任务|指标)$|^(?:区|市|县)?办?(?:民生)?实事(?:项目)?$"
)


def is_boilerplate(line: str) -> bool:
    """Tell whether a line is web-page or print boilerplate rather than report text.

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    bool
        True for navigation, disclaimers, copyright, ICP numbers, tags, share prompts,
        publication stamps and newspaper continuation markers.
    """
    return len(line) <= _BOILERPLATE_MAX_LEN and bool(_BOILERPLATE.search(line))


def is_glossary_heading(line: str) -> bool:
    """Tell whether a line opens a 名词解释 appendix (any of the usual spellings).

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    bool
        True for 名词解释, 名  词  解  释, 《政府工作报告》名词解释, 名詞解釋, 附件1 名词解释 ...
    """
    m = _GLOSSARY_HEADING.match(line.strip()) if len(line) <= 40 else None
    if m is None:
        return False
    lead = m.group("lead").strip()
    # 注释 and 附注 alone are headings only without a lead (not "……的注释")
    word = re.sub(r"\s", "", m.group("word"))
    return not lead or word not in ("注释", "附注") or bool(_APPENDIX_HEADING.match(lead))


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


def _appendix_kind(lines: list[str], i: int) -> str | None:
    """Classify an appendix heading at line ``i``: 'glossary', 'appendix' or None."""
    line = lines[i]
    if is_glossary_heading(line):
        return "glossary"
    m = _APPENDIX_HEADING.match(line)
    if m and len(line) <= 40:
        rest = m.group("rest").strip()
        if rest:
            return "glossary" if is_glossary_heading(rest) else "appendix"
        for nxt in lines[i + 1 : i + 4]:
            if nxt.strip():
                return "glossary" if is_glossary_heading(nxt.strip()) else "appendix"
        return "appendix"
    if _APPENDIX_TITLE.match(line):
        return "appendix"
    return None


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
        the report), ``line`` (int, 1-based line number in the file), ``section`` (str) and
        ``text`` (str, stripped, simplified characters).
    """
    rows: list[tuple[str, int, int, str, str]] = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"], strict=True):
        lines = [ln.strip() for ln in text.split("\n")]
        section = "body"
        para_id = 0
        for i, line in enumerate(lines):
            if not line:
                continue
            if is_boilerplate(line):
                rows.append((doc_id, para_id, i + 1, "boilerplate", line))
                para_id += 1
                if section == "glossary":  # page furniture ends a glossary
                    section = "body"
                continue
            section = _appendix_kind(lines, i) or section
            rows.append((doc_id, para_id, i + 1, section, line))
            para_id += 1
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


# --------------------------------------------------------------------------- metadata

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_TITLE_RE = re.compile(r"(政府工作报告|计划.{0,30}报告|预算.{0,30}报告|工作报告)")
_DELIVERY_RE = re.compile(
    r"[—-]*\s*(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})年.{1,8}日?\s*在(?P<where>.{2,30}?)第.{1,6}届"
)
_REGION_RE = re.compile(
    r"^(?P<r>(?:[\u4e00-\u9fff]{1,8}?(?:自治区|省|市|区|县|旗|州|盟))+)"
    r"(?:人民政府)?(?:政府|国民经济|.{0,4}计划|.{0,4}预算)"
)
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年)")


def _cn_year(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    try:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    except KeyError:
        return None


def _level(region: str) -> str:
    for suffix, level in (
        ("自治区", "省"),
        ("省", "省"),
        ("区", "区"),
        ("县", "县"),
        ("旗", "县"),
        ("州", "市"),
        ("盟", "市"),
        ("市", "市"),
    ):
        if region.endswith(suffix):
            return level
    return ""


def infer_metadata(text: str) -> dict[str, str]:
    """Infer title, region, level, year and kind from a report's first lines.

    Unknown fields are left empty rather than guessed.

    Parameters
    ----------
    text : str
        The normalised, simplified report text.

    Returns
    -------
    dict
        Keys ``title``, ``region``, ``level``, ``year`` (str, empty when unknown), ``kind``.
    """
    head = [ln.strip() for ln in text.split("\n")[:30] if ln.strip()]
    head = [ln for ln in head if not is_boilerplate(ln)]
    title = next((ln for ln in head if len(ln) <= 80 and _TITLE_RE.search(ln)), "")
    region = ""
    year = ""
    m = _REGION_RE.search(re.sub(r"^关于|(?:19|20)\d\d年(?:度)?", "", title))
    if m:
        region = m.group("r")
    title_years = [int(y) for y in _YEAR_RE.findall(title)]
    if title_years:
        year = str(max(title_years))
    for ln in head[:8]:
        d = _DELIVERY_RE.search(ln)
        if d:
            if not year:
                y = _cn_year(d.group("y"))
                year = str(y) if y else ""
            if not region:
                where = re.sub(r"^(?:中国)?", "", d.group("where"))
                region = where
            break
    if "计划" in title and ("执行" in title or "草案" in title):
        kind = "计划报告"
    elif "预算" in title and "执行" in title:
        kind = "预算报告"
    elif "政府工作报告" in title or "政府工作报告" in "".join(head[:3]):
        kind = "政府工作报告"
    else:
        kind = ""
    return {"title": title, "region": region, "level": _level(region), "year": year, "kind": kind}


# --------------------------------------------------------------------------- reading


def read_report(path: str | Path) -> dict[str, object]:
    """Read one report file into a corpus record (without catalog metadata).

    Parameters
    ----------
    path : str or Path
        A ``.txt`` file.

    Returns
    -------
    dict
        Keys ``file``, ``encoding``, ``traditional``, ``text`` (normalised, simplified),
        ``original`` (normalised, as written) and the fields of :func:`infer_metadata`.

    Raises
    ------
    CorpusError
        When the file is missing, empty or cannot be decoded.
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file")
    data = path.read_bytes()
    text, encoding = decode_bytes(data, name=str(path))
    original = normalize_text(text)
    if not original.strip():
        raise EmptyReportError(f"{path}: is empty (no text to analyse)")
    traditional = is_traditional(original)
    simplified = to_simplified(original) if traditional else original
    record: dict[str, object] = {
        "file": path.name,
        "encoding": encoding,
        "traditional": traditional,
        "text": simplified,
        "original": original,
    }
    record.update(infer_metadata(simplified))
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


def read_corpus(
    source: str | Path | list[str | Path] | None = None,
    *,
    strict: bool = False,
) -> pd.DataFrame:
    """Read a folder (or a list) of ``.txt`` reports into a corpus, one row per report.

    Metadata comes from the folder's ``catalog.csv`` when it has a row for the file, otherwise
    it is inferred from the report's first lines (unknown fields stay empty).

    Parameters
    ----------
    source : str, Path, list of paths or None
        A folder of ``.txt`` files, or a list of files. None reads the seeds.
    strict : bool
        Raise on the first unreadable or empty file instead of skipping it with a warning.
        Reading a list of files is always strict about missing files.

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
    if source is None:
        source = SEEDS_DIR
    listed = isinstance(source, (list, tuple))
    if listed:
        files = [Path(p) for p in source]
        for f in files:
            if not f.is_file():
                raise CorpusError(f"{f}: no such file")
    else:
        folder = Path(source)
        if not folder.is_dir():
            raise CorpusError(f"{folder}: no such folder")
        files = sorted(folder.glob("*.txt"))
        if not files:
            raise CorpusError(f"{folder}: contains no .txt files")
    catalogs: dict[Path, dict[str, dict[str, str]]] = {}
    records = []
    seen_ids: set[str] = set()
    for f in sorted(files, key=lambda p: p.name):
        try:
            record = read_report(f)
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
        record["doc_id"] = doc_id
        for key in ("title", "region", "level", "year", "kind"):
            if row.get(key):
                record[key] = row[key]
        record["n_chars"] = len(str(record["text"]))
        records.append(record)
    if not records:
        raise CorpusError(f"{source}: no readable report")
    frame = pd.DataFrame.from_records(records)
    frame["year"] = pd.to_numeric(frame["year"].replace("", None), errors="coerce").astype("Int64")
    for col in ("title", "region", "level", "kind"):
        frame[col] = frame[col].fillna("").astype(str)
    return frame[CORPUS_COLUMNS].reset_index(drop=True)


_ADMIN_UNIT = re.compile(r"[\u4e00-\u9fff]+?(?:自治区|省|市|区|县|旗|州|盟)")


def place_names(corpus: pd.DataFrame) -> frozenset[str]:
    """The place names of a corpus's regions, with and without their unit suffix.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`read_corpus` (its ``region`` column).

    Returns
    -------
    frozenset of str
        E.g. 青岛市市南区 gives 青岛市, 青岛, 市南区, 市南 — words that name the report's own
        place and crowd its keyword list (pass them to ``filter_tokens(extra_stopwords=...)``).
    """
    names: set[str] = set()
    for region in corpus["region"].dropna():
        for unit in _ADMIN_UNIT.findall(str(region)):
            names.add(unit)
            for suffix in ("自治区", "省", "市", "区", "县", "旗", "州", "盟"):
                if unit.endswith(suffix) and len(unit) - len(suffix) >= 2:
                    names.add(unit[: -len(suffix)])
                    break
    return frozenset(names)
