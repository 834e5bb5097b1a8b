"""Looking terms up: :class:`Glossary` (exact keys, definitions, close matches), :func:`lookup`."""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.common.paths import GLOSSARY_DIR
from analysis.common.text import match_key, t2s_converter
from analysis.terms.glossary.store import read_glossary
from analysis.terms.glossary.usage import CONTEXT_COLUMNS, TermIndex, find_terms, term_keys

__all__ = ["Entries", "Glossary", "GlossaryEntry", "lookup"]


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
        head = f"{self.display_term or self.term}  [{self.doc_id}{', ' + where if where else ''}]"
        lines = [head]
        if self.aliases:
            lines.append(f"  aliases: {', '.join(self.aliases)}")
        lines.append(f"  {self.definition}")
        lines.extend(f"  · {sentence}  ({doc_id})" for doc_id, sentence in self.contexts[:3])
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
        uses = "".join(f"<li>{e(s)} <small>({e(d)})</small></li>" for d, s in self.contexts[:5])
        also = (
            f"<div><small>又作: {e('、'.join(self.aliases))}</small></div>" if self.aliases else ""
        )
        more = f"<details><summary>用例 ({len(self.contexts)})</summary><ul>{uses}</ul></details>"
        return (
            '<div style="border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:4px 0">'
            f"<b style='font-size:1.1em'>{e(self.display_term or self.term)}</b> "
            f"<small>{e(self.doc_id)} · {e(self.region)} {e(str(self.year or ''))}</small>"
            f"{also}<p>{e(self.definition)}</p>{more if uses else ''}</div>"
        )


class Entries(list):
    """A list of :class:`GlossaryEntry` that shows as cards in a notebook."""

    def _repr_html_(self) -> str:
        if not self:
            return "<i>not found</i>"
        return "".join(entry._repr_html_() for entry in self)


def _entry(row: dict, contexts: dict[str, list[tuple[str, str]]]) -> GlossaryEntry:
    year = row.get("year")
    return GlossaryEntry(
        term=row["term"],
        definition=row["definition"],
        doc_id=row["doc_id"],
        region=row.get("region", "") or "",
        year=None if year is None or year is pd.NA else int(year),
        display_term=row.get("display_term", "") or row["term"],
        aliases=tuple(row.get("aliases") or ()),
        contexts=tuple(contexts.get(row["term"], ())),
    )


class Glossary:
    """A searchable glossary: exact keys (term, display form, aliases) and definitions.

    Parameters
    ----------
    entries : pandas.DataFrame
        Rows as :func:`analysis.terms.glossary.read_glossary` returns them.
    contexts : pandas.DataFrame, optional
        Rows of ``contexts.csv`` (``term``, ``doc_id``, ``sentence``).
    """

    def __init__(self, entries: pd.DataFrame, contexts: pd.DataFrame | None = None) -> None:
        self.entries = entries.reset_index(drop=True)
        self.contexts = contexts if contexts is not None else pd.DataFrame(columns=CONTEXT_COLUMNS)
        ctx: dict[str, list[tuple[str, str]]] = {}
        for term, doc_id, sentence in self.contexts[CONTEXT_COLUMNS].itertuples(index=False):
            ctx.setdefault(term, []).append((doc_id, sentence))
        self._t2s = t2s_converter()
        self._entries = [_entry(row, ctx) for row in self.entries.to_dict("records")]
        self._definitions = [self._key(e.definition) for e in self._entries]
        self._index: dict[str, list[int]] = {}
        for i, entry in enumerate(self._entries):
            for key in {self._key(k) for k in (entry.term, entry.display_term, *entry.aliases)}:
                if key:
                    self._index.setdefault(key, []).append(i)

    def _key(self, text: str) -> str:
        return match_key(text, converter=self._t2s)

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
        ctx_path = Path(path) / "contexts.csv"
        contexts = None
        if ctx_path.is_file():
            contexts = pd.read_csv(ctx_path, dtype=str, keep_default_na=False)
        return cls(read_glossary(path), contexts)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, term: str) -> Entries:
        """Exact lookup of a term, display form or alias (a dictionary hit)."""
        return Entries(self._entries[i] for i in self._index.get(self._key(term), []))

    def search(self, phrase: str) -> Entries:
        """Entries whose definition contains ``phrase`` (reverse lookup)."""
        key = self._key(phrase)
        if len(key) < 2:
            return Entries()
        return Entries(e for e, d in zip(self._entries, self._definitions, strict=True) if key in d)

    def lookup(self, term: str) -> Entries:
        """Exact lookup, falling back to a search of the definitions.

        Parameters
        ----------
        term : str
            A term in any form: quoted, full-width, traditional, spaced, an alias.

        Returns
        -------
        Entries
            Matching entries, one per report that defines the term; empty when unknown.
        """
        return self.get(term) or self.search(term)

    def used_elsewhere(self) -> pd.DataFrame:
        """Terms defined in one report and used in the body of others.

        A use goes through the term, its display form's quoted cores or an alias, never
        inside a longer number or formula (1+N is not used in 2+2+1+N), and a key of digits
        only (135) counts when quoted or followed by its head noun.

        Returns
        -------
        pandas.DataFrame
            Columns ``term``, ``defined_in`` (doc_ids) and ``used_in`` (the other reports
            whose body uses it), joined by ``、``; one row per term, sorted by term.
        """
        defined = self.entries.groupby("term")["doc_id"].agg(set)
        rows = []
        for term, group in self.contexts.groupby("term", sort=True):
            keys = [
                k
                for e in self._entries
                if e.term == term
                for k in term_keys(e.term, e.display_term, e.aliases, converter=self._t2s)
            ]
            index = TermIndex(keys)
            used = {d for d, s in zip(group["doc_id"], group["sentence"], strict=True)
                    if find_terms(s, index, nested=True)}  # fmt: skip
            others = sorted(used - defined.get(term, set()))
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
        key = self._key(term)
        keys = list(self._index)
        hits = [k for k in keys if key and (key in k or k in key)]
        hits += [k for k in difflib.get_close_matches(key, keys, n=n, cutoff=0.4) if k not in hits]
        out: list[str] = []
        for k in hits:
            t = self._entries[self._index[k][0]].term
            if t not in out:
                out.append(t)
        return out[:n]


def lookup(term: str, *, glossary: Glossary | None = None) -> Entries:
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
    Entries
        Matching entries (empty when the term is unknown; see :meth:`Glossary.suggest`).
    """
    return (glossary or Glossary.load()).lookup(term)
