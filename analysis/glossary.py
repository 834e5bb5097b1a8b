"""The 名词解释 glossary: finding the appendix, parsing its entries, storing and looking up.

``extract_glossary(corpus)`` returns one row per entry; ``build_glossary`` writes
``glossary/glossary.csv`` (plus ``contexts.csv``, the body sentences that use each term);
:class:`Glossary` loads it and answers :func:`lookup`.
"""

from __future__ import annotations

import csv
import difflib
import html
import io
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import pandas as pd

from analysis.corpus import is_section_heading, split_paragraphs, to_simplified
from analysis.io import atomic_write_text
from analysis.paths import GLOSSARY_DIR
from analysis.text import match_key, sentences, strip_quotes

__all__ = [
    "CONTEXT_COLUMNS",
    "CURATED_COLUMNS",
    "ENTRY_COLUMNS",
    "GLOSSARY_COLUMNS",
    "Entries",
    "Glossary",
    "GlossaryEntry",
    "GlossaryWarning",
    "apply_curated",
    "build_glossary",
    "extract_contexts",
    "extract_glossary",
    "lookup",
    "parse_entry_line",
    "read_glossary",
    "write_glossary",
]

ENTRY_COLUMNS = [
    "doc_id",
    "file",
    "n",
    "line",
    "term",
    "display_term",
    "definition",
    "aliases",
    "region",
    "year",
    "mentions",
    "truncated",
]
#: Column order of ``glossary/glossary.csv``: DESIGN.md's seven columns first.
GLOSSARY_COLUMNS = [
    "doc_id",
    "n",
    "term",
    "definition",
    "aliases",
    "region",
    "year",
    "display_term",
    "mentions",
    "truncated",
    "curated",
]
CONTEXT_COLUMNS = ["term", "doc_id", "sentence"]
CURATED_COLUMNS = ["action", "doc_id", "n", "term", "definition", "aliases", "note"]
ALIAS_SEP = "|"


class GlossaryWarning(UserWarning):
    """A glossary line could not be parsed, or an entry looks truncated; names file and line."""


# --------------------------------------------------------------------------- parsing one line

_NUMBERING = re.compile(
    r"^\s*(?:(?P<a>\d{1,3})\s*[.、．]\s*(?!\d)|[(]\s*(?P<b>\d{1,3})\s*[)]\s*|"
    r"(?P<c>[一二三四五六七八九十]{1,3})\s*、\s*|[\[【]\s*(?P<d>\d{1,3})\s*[\]】]\s*)"
)
_CN_NUM = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_OPEN = "“‘「『(《[【"
_CLOSE = "”’」』)》]】"
_SENTENCE_PUNCT = re.compile(r"[。;!?]")
_IS_LINKER = re.compile(r"^(?:是指|指的是|即)")
_LABEL = re.compile(r"^[\dA-Za-z]{1,3}$")
# words that introduce part of a definition ("其中:…", "具体包括:…"), never a term
_CONNECTIVE = re.compile(
    r"^(?:其中|具体(?:是|指|为|包括|内容|来说|而言)?|主要(?:包括|内容|有|是)?|包括|即|注|说明|备注|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十]|分别|范围|内容|目标|要求|任务|措施|"
    r"[一二三四五六七八九十\d]+指)$"
)
_BRACKETED = re.compile(r"^[【\[]\s*(?P<t>[^】\]]{1,40}?)\s*[】\]]\s*[::]?\s*(?P<d>.+)$")
_NEWS_TERM = re.compile(r"^[【\[]?(?:关键词|关键字|词条|名词)[】\]]?\s*[::]\s*(?P<t>.{1,40})$")
_NEWS_DEF = re.compile(r"^[【\[]?(?:名词解释|释义|解释|含义)[】\]]?\s*[::]\s*(?P<d>.+)$")


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1:], 0)
    if s.endswith("十"):
        return _CN_NUM.get(s[0], 0) * 10
    if "十" in s:
        a, b = s.split("十")
        return _CN_NUM.get(a, 0) * 10 + _CN_NUM.get(b, 0)
    return _CN_NUM.get(s, 0)


def _split_colon(body: str) -> tuple[str, str] | None:
    """Split ``term:definition`` at the first colon outside quotes and brackets."""
    depth = 0
    for i, ch in enumerate(body):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = depth + 1 if depth == 0 else depth - 1
        elif ch == ":" and depth == 0:
            return body[:i].strip(), body[i + 1 :].strip()
    return None


def _valid_term(term: str) -> bool:
    core = strip_quotes(term)
    if not core or len(term) > 40:
        return False
    if _SENTENCE_PUNCT.search(term) or "," in term:
        return False
    # a bare label such as “1”, “N” or “3” opens a sub-definition, not an entry
    return not _LABEL.match(core) and not _CONNECTIVE.match(core)


@dataclass(frozen=True)
class ParsedLine:
    """One glossary line, as parsed by :func:`parse_entry_line`."""

    number: int | None
    term: str | None
    definition: str


def parse_entry_line(line: str) -> ParsedLine | None:
    """Parse one line of a 名词解释 section.

    Understands ``1.term:definition``, ``1、term:definition``, ``(1)term:definition``,
    ``一、term:definition``, unnumbered ``“term”:definition``, ``【term】definition``,
    ``term——definition``, a term alone on its line (``term`` is set and ``definition`` is
    empty), and ``term,是指…`` after a number. Labels such as “1”, 其中 or 具体包括 before a
    colon continue a definition; they never start an entry.

    Parameters
    ----------
    line : str
        One stripped, normalised line.

    Returns
    -------
    ParsedLine or None
        ``term`` None means a continuation of the previous definition; None means the line
        is not an entry and not text (never returned for a non-empty line).
    """
    line = line.strip()
    if not line:
        return None
    number = None
    m = _NUMBERING.match(line)
    body = line
    if m:
        digits = m.group("a") or m.group("b") or m.group("d")
        number = int(digits) if digits else _cn_number(m.group("c"))
        body = line[m.end() :].strip()
    bracketed = _BRACKETED.match(body)
    if bracketed and _valid_term(bracketed.group("t")):
        return ParsedLine(number, bracketed.group("t"), bracketed.group("d").strip())
    split = _split_colon(body)
    if split and _valid_term(split[0]):
        return ParsedLine(number, split[0], split[1])
    dash = re.match(r"^(?P<t>[^,。;:—]{1,40}?)\s*(?:——|--)\s*(?P<d>.+)$", body)
    if dash and _valid_term(dash.group("t")) and not split:
        return ParsedLine(number, dash.group("t"), dash.group("d"))
    if number is not None:
        head = re.match(r"^(?P<t>[^,。;]{1,40}?)\s*,\s*(?P<d>(?:是指|指的是|即|指).+)$", body)
        if head and _valid_term(head.group("t")):
            return ParsedLine(number, head.group("t"), head.group("d"))
        if len(body) <= 40 and not _SENTENCE_PUNCT.search(body) and _valid_term(body):
            return ParsedLine(number, body, "")
        return ParsedLine(number, None, body)
    short = len(body) <= 30 and not _SENTENCE_PUNCT.search(body)
    if short and not re.search("[,:]", body) and _valid_term(body):
        return ParsedLine(None, body, "")
    return ParsedLine(None, None, body)


# --------------------------------------------------------------------------- extraction


def _aliases(display_term: str, simplified_term: str) -> list[str]:
    """Quoted cores of a term (“1+6+N”产业载体支撑体系 → 1+6+N) and its simplified form."""
    term = strip_quotes(display_term)
    out: list[str] = []
    for core in re.findall(r"[“‘「『\"]([^”’」』\"]{1,30})[”’」』\"]", display_term):
        core = core.strip()
        if core and core != term and not _LABEL.match(core) and core not in out:
            out.append(core)
    simp = strip_quotes(simplified_term)
    if simp != term and simp not in out:
        out.append(simp)
    for core in list(out):
        s = to_simplified(core)
        if s != core and s not in out:
            out.append(s)
    return out


def _count_mentions(body: str, keys: Iterable[str]) -> int:
    """Occurrences of a term or its cores in body text, the longest match first."""
    keys = sorted({k for k in keys if len(k) >= 2}, key=len, reverse=True)
    if not keys:
        return 0
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return len(pattern.findall(body))


def _entries_for_doc(doc: dict[str, object], paras: pd.DataFrame) -> list[dict[str, object]]:
    """Parse the glossary paragraphs of one report into entry dicts."""
    file = str(doc["file"])
    original_lines = str(doc["original"]).split("\n")
    gl = paras[paras["section"] == "glossary"]
    parsed: list[tuple[int, ParsedLine, ParsedLine]] = []
    for line_no, text in zip(gl["line"], gl["text"], strict=True):
        if is_section_heading(text):
            continue
        p_s = parse_entry_line(text)
        if p_s is None:
            continue
        # the same line as written (traditional characters kept); same shape or fall back
        p_o = parse_entry_line(original_lines[line_no - 1]) or p_s
        if (p_o.term is None) != (p_s.term is None):
            p_o = p_s
        parsed.append((int(line_no), p_s, p_o))
    # news-style blocks anywhere outside boilerplate: 关键词:X / 名词解释:Y
    other = paras[paras["section"] != "boilerplate"]
    lines = list(zip(other["line"], other["text"], strict=True))
    for (ln, t), (_ln2, t2) in pairwise(lines):
        mt, md = _NEWS_TERM.match(t), _NEWS_DEF.match(t2)
        if mt and md:
            p = ParsedLine(None, mt.group("t").strip(), md.group("d").strip())
            parsed.append((int(ln), p, p))
    parsed.sort(key=lambda x: x[0])
    numbered = sum(1 for _, p, _ in parsed if p.number is not None and p.term)
    is_numbered = numbered >= max(1, len([1 for _, p, _ in parsed if p.term]) // 2)

    entries: list[dict[str, object]] = []
    for line_no, p_s, p_o in parsed:
        # in a numbered glossary an unnumbered line continues the previous definition
        if p_s.term is not None and (not is_numbered or p_s.number is not None):
            assert p_s.term is not None and p_o.term is not None
            entries.append(
                {
                    "line": line_no,
                    "display_term": p_o.term,
                    "simplified_term": p_s.term,
                    "definition": p_o.definition,
                }
            )
        elif entries:
            text = p_o.definition if p_o.term is None else _join_line(p_o)
            prev = entries[-1]
            prev["definition"] = (str(prev["definition"]) + text) if prev["definition"] else text
        else:
            warnings.warn(
                f"{file}: line {line_no}: cannot parse glossary line {p_o.definition[:30]!r} "
                "(no term before it); not made an entry",
                GlossaryWarning,
                stacklevel=3,
            )
    body_text = "\n".join(paras.loc[paras["section"] == "body", "text"])
    out = []
    for n, e in enumerate(entries, start=1):
        display = str(e["display_term"])
        definition = str(e["definition"]).strip()
        aliases = _aliases(display, str(e["simplified_term"]))
        term = strip_quotes(display)
        # no definition, or the report ends mid-definition
        ends_sentence = re.search(r"[。.!?;)”\"」]$", definition) is not None
        truncated = not definition or (n == len(entries) and not ends_sentence)
        if truncated:
            warnings.warn(
                f"{file}: line {e['line']}: glossary entry {term!r} looks truncated "
                "(its definition does not end a sentence); kept and flagged",
                GlossaryWarning,
                stacklevel=3,
            )
        keys = [strip_quotes(str(e["simplified_term"])), *(to_simplified(a) for a in aliases)]
        out.append(
            {
                "doc_id": doc["doc_id"],
                "file": file,
                "n": n,
                "line": e["line"],
                "term": term,
                "display_term": display,
                "definition": definition,
                "aliases": aliases,
                "region": doc.get("region", ""),
                "year": doc.get("year"),
                "mentions": _count_mentions(body_text, keys),
                "truncated": truncated,
            }
        )
    return out


def _join_line(p: ParsedLine) -> str:
    assert p.term is not None
    return f"{p.term}:{p.definition}" if p.definition else p.term


def extract_glossary(
    corpus: pd.DataFrame, *, paragraphs: pd.DataFrame | None = None, warn: bool = True
) -> pd.DataFrame:
    """Extract every 名词解释 entry of every report.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus`.
    paragraphs : pandas.DataFrame, optional
        The output of :func:`analysis.split_paragraphs` for ``corpus`` (computed when None).
    warn : bool
        Issue the warnings below (callers that only need the terms, such as the slogan
        extractor and the tokenizer's dictionary, turn them off).

    Returns
    -------
    pandas.DataFrame
        One row per entry, in report and reading order, with columns ``doc_id``, ``file``,
        ``n`` (1-based position in the report's glossary), ``line`` (line in the file),
        ``term`` (quotes stripped, as written), ``display_term`` (as written, with quotes),
        ``definition``, ``aliases`` (list of str: quoted cores such as ``1+6+N``; the
        simplified form of a traditional term), ``region``, ``year``, ``mentions`` (uses of
        the term or its cores in the report body) and ``truncated`` (bool: the definition
        seems cut off, e.g. the file ends mid-entry).

    Warns
    -----
    GlossaryWarning
        For a line that cannot be parsed (text before the first entry) and for a
        truncated entry; the message names the file and line.
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(corpus)
    rows: list[dict[str, object]] = []
    by_doc = dict(tuple(paragraphs.groupby("doc_id", sort=False)))
    with warnings.catch_warnings():
        if not warn:
            warnings.simplefilter("ignore", GlossaryWarning)
        for doc in corpus.to_dict("records"):
            paras = by_doc.get(doc["doc_id"])
            if paras is not None:
                rows.extend(_entries_for_doc(doc, paras))
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    return frame


# --------------------------------------------------------------------------- contexts


def extract_contexts(
    glossary: pd.DataFrame,
    paragraphs: pd.DataFrame,
    *,
    per_term: int = 5,
) -> pd.DataFrame:
    """Find the body sentences that use each glossary term (a KWIC view), in any report.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries from :func:`extract_glossary`.
    paragraphs : pandas.DataFrame
        Paragraphs of the corpus.
    per_term : int
        Most sentences kept per term and report.

    Returns
    -------
    pandas.DataFrame
        Columns ``term``, ``doc_id``, ``sentence``; sorted by term, report and position.
    """
    body = paragraphs[paragraphs["section"] == "body"]
    sents = [
        (doc_id, s)
        for doc_id, text in zip(body["doc_id"], body["text"], strict=True)
        for s in sentences(text)
    ]
    rows = []
    for term, group in glossary.groupby("term", sort=True):
        keys = {strip_quotes(term)}
        for aliases in group["aliases"]:
            keys.update(to_simplified(a) for a in aliases)
        keys = {k for k in keys if len(k) >= 2}
        if not keys:
            continue
        counts: dict[str, int] = {}
        for doc_id, s in sents:
            if any(k in s for k in keys) and counts.get(doc_id, 0) < per_term:
                counts[doc_id] = counts.get(doc_id, 0) + 1
                rows.append((term, doc_id, s))
    return pd.DataFrame(rows, columns=CONTEXT_COLUMNS)


# --------------------------------------------------------------------------- files


def _csv_text(frame: pd.DataFrame, columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in frame[columns].itertuples(index=False, name=None):
        writer.writerow(["" if v is None or v is pd.NA else v for v in row])
    return buf.getvalue()


def _to_storage(glossary: pd.DataFrame) -> pd.DataFrame:
    frame = glossary.copy()
    if "curated" not in frame:
        frame["curated"] = ""
    frame["aliases"] = frame["aliases"].map(
        lambda a: ALIAS_SEP.join(a) if isinstance(a, (list, tuple)) else (a or "")
    )
    frame["truncated"] = frame["truncated"].map(lambda t: "yes" if bool(t) else "")
    frame["year"] = frame["year"].map(lambda v: "" if pd.isna(v) else str(int(v)))
    frame = frame.sort_values(["doc_id", "n", "term"], kind="mergesort")
    return frame


def write_glossary(
    glossary: pd.DataFrame,
    out_dir: str | Path = GLOSSARY_DIR,
    *,
    contexts: pd.DataFrame | None = None,
) -> Path:
    """Write ``glossary.csv`` (and ``contexts.csv``) atomically, sorted, UTF-8 with LF.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries (from :func:`extract_glossary`, after :func:`apply_curated`).
    out_dir : str or Path
        Destination folder.
    contexts : pandas.DataFrame, optional
        Output of :func:`extract_contexts`.

    Returns
    -------
    Path
        The path of ``glossary.csv``.
    """
    out_dir = Path(out_dir)
    path = atomic_write_text(
        out_dir / "glossary.csv", _csv_text(_to_storage(glossary), GLOSSARY_COLUMNS)
    )
    if contexts is not None:
        ctx = contexts.sort_values(CONTEXT_COLUMNS, kind="mergesort")
        atomic_write_text(out_dir / "contexts.csv", _csv_text(ctx, CONTEXT_COLUMNS))
    return path


def read_glossary(path: str | Path = GLOSSARY_DIR) -> pd.DataFrame:
    """Read ``glossary.csv`` (a folder or the file itself).

    Parameters
    ----------
    path : str or Path
        The glossary folder or file.

    Returns
    -------
    pandas.DataFrame
        The :data:`GLOSSARY_COLUMNS`, with ``aliases`` as lists, ``n``, ``mentions`` and
        ``year`` as integers and ``truncated`` as bool.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "glossary.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame["aliases"] = frame["aliases"].map(lambda s: [a for a in s.split(ALIAS_SEP) if a])
    frame["n"] = frame["n"].astype(int)
    frame["mentions"] = pd.to_numeric(frame["mentions"].replace("", "0")).astype(int)
    frame["year"] = pd.array([int(y) if y.strip() else pd.NA for y in frame["year"]], dtype="Int64")
    frame["truncated"] = frame["truncated"] == "yes"
    return frame


def _read_curated(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=CURATED_COLUMNS)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", comment="#")
    missing = set(CURATED_COLUMNS) - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
    bad = set(frame["action"]) - {"add", "correct", "drop", "alias"}
    if bad:
        raise ValueError(f"{path}: unknown action(s) {', '.join(sorted(bad))}")
    return frame


def apply_curated(glossary: pd.DataFrame, curated: pd.DataFrame | str | Path) -> pd.DataFrame:
    """Apply human decisions (add, correct, drop, alias) to extracted entries.

    Parameters
    ----------
    glossary : pandas.DataFrame
        Entries from :func:`extract_glossary`.
    curated : pandas.DataFrame or path
        Rows with :data:`CURATED_COLUMNS`. ``add`` appends an entry; ``correct`` replaces
        the definition (and aliases, when given) of ``(doc_id, term)``; ``alias`` adds
        aliases; ``drop`` removes the entry.

    Returns
    -------
    pandas.DataFrame
        A new frame with a ``curated`` column naming the action applied to each row
        (empty for rows the curated file did not touch).

    Raises
    ------
    ValueError
        When a ``correct``, ``alias`` or ``drop`` row names no extracted entry.
    """
    if not isinstance(curated, pd.DataFrame):
        curated = _read_curated(Path(curated))
    frame = glossary.copy()
    frame["aliases"] = frame["aliases"].map(list)
    frame["curated"] = ""
    keep = pd.Series(True, index=frame.index)
    new_rows = []
    for row in curated.to_dict("records"):
        hit = (frame["doc_id"] == row["doc_id"]) & (frame["term"] == strip_quotes(row["term"]))
        action = row["action"]
        aliases = [a for a in str(row.get("aliases", "")).split(ALIAS_SEP) if a]
        if action == "add":
            new_rows.append(
                {
                    "doc_id": row["doc_id"],
                    "n": int(row["n"]) if row.get("n") else 0,
                    "term": strip_quotes(row["term"]),
                    "display_term": row["term"],
                    "definition": row["definition"],
                    "aliases": aliases,
                    "mentions": 0,
                    "truncated": False,
                    "curated": "add",
                }
            )
            continue
        if not hit.any():
            raise ValueError(
                f"curated {action} row names no extracted entry: {row['doc_id']} {row['term']}"
            )
        idx = frame.index[hit]
        frame.loc[idx, "curated"] = action
        if action == "drop":
            keep[idx] = False
        elif action == "correct":
            if row.get("definition"):
                frame.loc[idx, "definition"] = row["definition"]
            if aliases:
                for i in idx:
                    frame.at[i, "aliases"] = aliases
            frame.loc[idx, "truncated"] = False
        elif action == "alias":
            for i in idx:
                frame.at[i, "aliases"] = [*frame.at[i, "aliases"], *aliases]
    frame = frame[keep]
    if new_rows:
        meta = glossary.drop_duplicates("doc_id").set_index("doc_id")
        for r in new_rows:
            if r["doc_id"] in meta.index:
                r["region"] = meta.at[r["doc_id"], "region"]
                r["year"] = meta.at[r["doc_id"], "year"]
        frame = pd.concat([frame, pd.DataFrame(new_rows)], ignore_index=True)
    return frame.reset_index(drop=True)


def build_glossary(
    corpus: pd.DataFrame,
    out_dir: str | Path = GLOSSARY_DIR,
    *,
    curated: str | Path | None = None,
) -> pd.DataFrame:
    """Extract the corpus's glossary, apply the curated file and write ``out_dir``.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus`.
    out_dir : str or Path
        Where ``glossary.csv`` and ``contexts.csv`` go.
    curated : str or Path, optional
        The curated decisions; default ``out_dir/curated.csv`` when it exists.

    Returns
    -------
    pandas.DataFrame
        The entries written (see :func:`read_glossary` for the columns).
    """
    out_dir = Path(out_dir)
    paragraphs = split_paragraphs(corpus)
    entries = extract_glossary(corpus, paragraphs=paragraphs)
    entries = apply_curated(entries, curated or out_dir / "curated.csv")
    contexts = extract_contexts(entries, paragraphs)
    write_glossary(entries, out_dir, contexts=contexts)
    return read_glossary(out_dir)


# --------------------------------------------------------------------------- lookup


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary entry as :func:`lookup` returns it."""

    term: str
    definition: str
    doc_id: str
    region: str
    year: int | None
    display_term: str = ""
    aliases: tuple[str, ...] = ()
    contexts: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        where = " ".join(str(x) for x in (self.region, self.year) if x not in ("", None))
        lines = [
            f"{self.display_term or self.term}  [{self.doc_id}{', ' + where if where else ''}]"
        ]
        if self.aliases:
            lines.append(f"  aliases: {', '.join(self.aliases)}")
        lines.append(f"  {self.definition}")
        for doc_id, sentence in self.contexts[:3]:
            lines.append(f"  · {sentence}  ({doc_id})")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """Return the entry as a JSON-ready dict."""
        return {
            "term": self.term,
            "display_term": self.display_term,
            "definition": self.definition,
            "doc": self.doc_id,
            "region": self.region,
            "year": self.year,
            "aliases": list(self.aliases),
            "contexts": [{"doc": d, "sentence": s} for d, s in self.contexts],
        }

    def _repr_html_(self) -> str:
        e = html.escape
        ctx = "".join(f"<li>{e(s)} <small>({e(d)})</small></li>" for d, s in self.contexts[:5])
        aliases = (
            f"<div><small>又作: {e('、'.join(self.aliases))}</small></div>" if self.aliases else ""
        )
        return (
            '<div style="border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:4px 0">'
            f"<b style='font-size:1.1em'>{e(self.display_term or self.term)}</b> "
            f"<small>{e(self.doc_id)} · {e(self.region)} {e(str(self.year or ''))}</small>"
            f"{aliases}<p>{e(self.definition)}</p>"
            + (
                f"<details><summary>用例 ({len(self.contexts)})</summary><ul>{ctx}</ul></details>"
                if ctx
                else ""
            )
            + "</div>"
        )


class Entries(list):
    """A list of :class:`GlossaryEntry` that shows as cards in a notebook."""

    def _repr_html_(self) -> str:
        if not self:
            return "<i>not found</i>"
        return "".join(entry._repr_html_() for entry in self)


class Glossary:
    """A searchable glossary: exact keys (term, display form, aliases) and definitions.

    Parameters
    ----------
    entries : pandas.DataFrame
        Rows as :func:`read_glossary` returns them.
    contexts : pandas.DataFrame, optional
        Rows of ``contexts.csv``.
    """

    def __init__(self, entries: pd.DataFrame, contexts: pd.DataFrame | None = None) -> None:
        self.entries = entries.reset_index(drop=True)
        self.contexts = contexts if contexts is not None else pd.DataFrame(columns=CONTEXT_COLUMNS)
        ctx: dict[str, list[tuple[str, str]]] = {}
        for term, doc_id, sentence in self.contexts[CONTEXT_COLUMNS].itertuples(index=False):
            ctx.setdefault(term, []).append((doc_id, sentence))
        self._entries: list[GlossaryEntry] = []
        self._index: dict[str, list[int]] = {}
        self._definitions: list[str] = []
        for i, row in enumerate(self.entries.to_dict("records")):
            year = row.get("year")
            entry = GlossaryEntry(
                term=row["term"],
                definition=row["definition"],
                doc_id=row["doc_id"],
                region=row.get("region", "") or "",
                year=None if year is None or year is pd.NA else int(year),
                display_term=row.get("display_term", "") or row["term"],
                aliases=tuple(row.get("aliases") or ()),
                contexts=tuple(ctx.get(row["term"], ())),
            )
            self._entries.append(entry)
            self._definitions.append(match_key(entry.definition))
            for key in {match_key(k) for k in (entry.term, entry.display_term, *entry.aliases)}:
                if key:
                    self._index.setdefault(key, []).append(i)

    @classmethod
    def load(cls, path: str | Path = GLOSSARY_DIR) -> Glossary:
        """Load a glossary folder (``glossary.csv`` and, when present, ``contexts.csv``).

        Parameters
        ----------
        path : str or Path
            The folder.

        Returns
        -------
        Glossary
            The loaded glossary.
        """
        path = Path(path)
        ctx_path = path / "contexts.csv"
        contexts = (
            pd.read_csv(ctx_path, dtype=str, keep_default_na=False) if ctx_path.is_file() else None
        )
        return cls(read_glossary(path), contexts)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, term: str) -> Entries:
        """Exact lookup of a term, display form or alias (a dictionary hit)."""
        return Entries(self._entries[i] for i in self._index.get(match_key(term), []))

    def search(self, phrase: str) -> Entries:
        """Entries whose definition contains ``phrase`` (reverse lookup)."""
        key = match_key(phrase)
        if len(key) < 2:
            return Entries()
        return Entries(e for e, d in zip(self._entries, self._definitions, strict=True) if key in d)

    def lookup(self, term: str) -> list[GlossaryEntry]:
        """Exact lookup, falling back to a search of the definitions.

        Parameters
        ----------
        term : str
            A term in any form: quoted, full-width, traditional, spaced, an alias.

        Returns
        -------
        list of GlossaryEntry
            Matching entries, one per report that defines the term; empty when unknown.
        """
        return self.get(term) or self.search(term)

    def used_elsewhere(self) -> pd.DataFrame:
        """Terms defined in one report and used in the body of others.

        Returns
        -------
        pandas.DataFrame
            Columns ``term``, ``defined_in`` (doc_ids) and ``used_in`` (the other reports
            whose body uses it), joined by ``、``; one row per term, sorted by term.
        """
        defined = self.entries.groupby("term")["doc_id"].agg(lambda d: set(d))
        rows = []
        for term, used in self.contexts.groupby("term")["doc_id"]:
            others = sorted(set(used) - defined.get(term, set()))
            if others:
                rows.append((term, "、".join(sorted(defined.get(term, set()))), "、".join(others)))
        return pd.DataFrame(rows, columns=["term", "defined_in", "used_in"])

    def suggest(self, term: str, *, n: int = 5) -> list[str]:
        """Close matches for an unknown term: keys containing it, then similar keys.

        Parameters
        ----------
        term : str
            The query.
        n : int
            Most suggestions.

        Returns
        -------
        list of str
            Terms as written in the glossary.
        """
        key = match_key(term)
        keys = list(self._index)
        hits = [k for k in keys if key and (key in k or k in key)]
        hits += [k for k in difflib.get_close_matches(key, keys, n=n, cutoff=0.4) if k not in hits]
        out: list[str] = []
        for k in hits:
            t = self._entries[self._index[k][0]].term
            if t not in out:
                out.append(t)
        return out[:n]


def lookup(term: str, *, glossary: Glossary | None = None) -> list[GlossaryEntry]:
    """Look a term up in the committed glossary (or the one given).

    Parameters
    ----------
    term : str
        A term, its quoted or full-width or traditional form, an alias, or a phrase of a
        definition.
    glossary : Glossary, optional
        Defaults to ``Glossary.load()`` of ``glossary/``.

    Returns
    -------
    list of GlossaryEntry
        Matching entries (empty when the term is unknown; see :meth:`Glossary.suggest`).
    """
    return (glossary or Glossary.load()).lookup(term)
