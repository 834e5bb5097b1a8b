"""Segmentation: the domain dictionary, our own jieba tokenizer, stopword tiers, the cache.

The tokenizer is a private ``jieba.Tokenizer()`` (never jieba's module-level default) with the
corpus's glossary terms and slogans added, so that 三资三化, 1+6+N and 四首经济 stay whole.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.paths import CACHE_DIR, RESOURCES_DIR
from analysis.text import QUOTES, strip_quotes

__all__ = [
    "TOKEN_COLUMNS",
    "Tokenizer",
    "build_tokenizer",
    "compare_segmentation",
    "corpus_tokens",
    "domain_dictionary",
    "filter_tokens",
    "is_number_token",
    "load_wordlist",
    "tokenize",
]

TOKEN_COLUMNS = ["doc_id", "para_id", "section", "tokens"]
_VERSION = "1"  # bump when segmentation rules change: invalidates the cache
_PUNCT_ONLY = re.compile(r"^[^\w]+$|^_+$")
_NUMBER = re.compile(
    r"^(?:[-+]?\d+(?:[.,]\d+)*(?:%|‰)?|\d+(?:\.\d+)?[多余]?(?:亿|万|千|百)?(?:元|美元|个|家|项|人|户|"
    r"所|条|场|次|年|月|日|天|倍|吨|米|平方米|公里|千瓦|亩|辆|套|处|座|名|台|件|批|期|届|岁|强)?"
    r"|[一二三四五六七八九十百千万亿两零〇]+|第[一二三四五六七八九十\d]+"
    r"|[亿万千百]?(?:元|美元|人次|平方米|平方公里|公里|千瓦|亩|吨|标箱|户|人|个百分点|百分点))$"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_PLAN = re.compile(r"十[一二三四五六七八九]五")


@lru_cache(maxsize=16)
def load_wordlist(name: str) -> frozenset[str]:
    """Read a word list from ``analysis/resources`` (one word per line, ``#`` comments).

    Parameters
    ----------
    name : str
        File name, e.g. ``stopwords_function.txt``.

    Returns
    -------
    frozenset of str
        The words.
    """
    text = (RESOURCES_DIR / name).read_text(encoding="utf-8")
    return frozenset(
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    )


def is_number_token(token: str) -> bool:
    """Tell whether a token is a bare number, percentage, amount or numeral.

    Digit formulas such as ``1+6+N`` and ``12+N`` are not numbers.

    Parameters
    ----------
    token : str
        One token.

    Returns
    -------
    bool
        True for 2023, 5.9%, 376亿元, 100万平方米, 三, 第二.
    """
    if "+" in token or _PLAN.fullmatch(token):
        return False
    return bool(_NUMBER.match(token))


def _pieces(term: str) -> list[str]:
    """A term and its quote-separated parts: “1+6+1”主导+创新产业体系 → 1+6+1, 主导+创新产业体系."""
    out = [strip_quotes(term)]
    for part in re.split("[" + re.escape(QUOTES) + "]", term):
        part = part.strip()
        if len(part) >= 2 and part not in out:
            out.append(part)
    return out


def domain_dictionary(
    corpus: pd.DataFrame | None = None,
    *,
    glossary: pd.DataFrame | None = None,
    slogans: pd.DataFrame | None = None,
) -> list[str]:
    """Collect the words the tokenizer must keep whole.

    Parameters
    ----------
    corpus : pandas.DataFrame, optional
        A corpus; its glossary and slogans are extracted when not given.
    glossary : pandas.DataFrame, optional
        Glossary entries (``term``, ``display_term``, ``aliases``).
    slogans : pandas.DataFrame, optional
        Slogans (``slogan``).

    Returns
    -------
    list of str
        Sorted unique words: the curated ``domain_terms.txt``, the national formulas, and the
        glossary terms (with their quote-separated parts and cores) and slogans.
    """

    from analysis.slogans import national_slogans

    words: set[str] = set(load_wordlist("domain_terms.txt")) | set(national_slogans())
    if corpus is not None and (glossary is None or slogans is None):
        from analysis.corpus import split_paragraphs
        from analysis.glossary import extract_glossary
        from analysis.slogans import extract_slogans

        paragraphs = split_paragraphs(corpus)
        if glossary is None:
            glossary = extract_glossary(corpus, paragraphs=paragraphs, warn=False)
        if slogans is None:
            slogans = extract_slogans(corpus, paragraphs=paragraphs, glossary=glossary)
    if glossary is not None:
        for display, aliases in glossary[["display_term", "aliases"]].itertuples(index=False):
            if display:
                words.update(_pieces(display))
            words.update(aliases)
    if slogans is not None:
        words.update(slogans["slogan"])
    words = {unicodedata.normalize("NFKC", w).strip() for w in words}
    return sorted(w for w in words if len(w) >= 2 and " " not in w and len(w) <= 40)


@lru_cache(maxsize=4)
def _jieba_tokenizer(words: tuple[str, ...]):
    """A private jieba tokenizer with ``words`` added (built once per process and word set)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for w in words:
        tok.add_word(w, freq=max(tok.suggest_freq(w, tune=False), 100))
    return tok


class Tokenizer:
    """Our segmenter: a private ``jieba.Tokenizer`` with a domain dictionary.

    Parameters
    ----------
    words : sequence of str
        Domain words kept whole (see :func:`domain_dictionary`).
    hmm : bool
        Let jieba's HMM guess unknown words (jieba's default).

    Attributes
    ----------
    dictionary_hash_ : str
        Hash of the words and settings; part of the cache key.
    """

    def __init__(self, words: Sequence[str] = (), *, hmm: bool = True) -> None:
        self.words = tuple(sorted(set(words)))
        self.hmm = hmm
        digest = hashlib.sha256("\n".join((_VERSION, str(hmm), *self.words)).encode("utf-8"))
        self.dictionary_hash_ = digest.hexdigest()[:16]

    @property
    def jieba(self):
        """The underlying ``jieba.Tokenizer`` (built on first use)."""
        return _jieba_tokenizer(self.words)

    def cut(self, text: str) -> list[str]:
        """Segment one text; full-width input is folded first, white space is dropped.

        Parameters
        ----------
        text : str
            A paragraph.

        Returns
        -------
        list of str
            The tokens, punctuation included.
        """
        text = unicodedata.normalize("NFKC", text)
        return [t for t in self.jieba.cut(text, HMM=self.hmm) if t.strip()]

    def __getstate__(self) -> dict[str, object]:
        return {"words": self.words, "hmm": self.hmm, "dictionary_hash_": self.dictionary_hash_}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return f"Tokenizer({len(self.words)} domain words, hmm={self.hmm})"


def build_tokenizer(
    corpus: pd.DataFrame | None = None,
    *,
    glossary: pd.DataFrame | None = None,
    slogans: pd.DataFrame | None = None,
    extra_words: Iterable[str] = (),
    hmm: bool = True,
) -> Tokenizer:
    """Build the tokenizer for a corpus (its glossary terms and slogans stay whole).

    Parameters
    ----------
    corpus : pandas.DataFrame, optional
        The corpus; None gives the curated dictionary only.
    glossary, slogans : pandas.DataFrame, optional
        Already extracted glossary entries and slogans.
    extra_words : iterable of str
        More words to keep whole.
    hmm : bool
        Let jieba's HMM guess unknown words.

    Returns
    -------
    Tokenizer
        A new tokenizer.
    """
    words = domain_dictionary(corpus, glossary=glossary, slogans=slogans)
    return Tokenizer([*words, *extra_words], hmm=hmm)


# --------------------------------------------------------------------------- tokenisation


def _cut_batch(tokenizer: Tokenizer, texts: list[str]) -> list[list[str]]:
    """Worker: segment a batch of paragraphs (the jieba tokenizer is built once per process)."""
    return [tokenizer.cut(t) for t in texts]


def _cache_key(tokenizer: Tokenizer, texts: list[str]) -> str:
    h = hashlib.sha256()
    h.update(f"{_VERSION}|{tokenizer.dictionary_hash_}|".encode())
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def _cache_read(path: Path) -> list[list[str]] | None:
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError):
        return None


def _cache_write(path: Path, value: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _batches(items: list[int], texts: list[str], n: int) -> list[list[int]]:
    """Split paragraph indices into about ``n`` batches of similar character counts."""
    total = sum(len(texts[i]) for i in items) or 1
    size = total / n
    out: list[list[int]] = [[]]
    acc = 0
    for i in items:
        out[-1].append(i)
        acc += len(texts[i])
        if acc >= size * len(out) and len(out) < n:
            out.append([])
    return [b for b in out if b]


def tokenize(
    paragraphs: pd.DataFrame,
    *,
    tokenizer: Tokenizer | None = None,
    n_jobs: int = -1,
    cache: bool | str | Path = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Segment paragraphs with the domain tokenizer, in parallel and with a disk cache.

    Parameters
    ----------
    paragraphs : pandas.DataFrame
        Rows with ``doc_id``, ``para_id``, ``text`` (and optionally ``section``).
    tokenizer : Tokenizer, optional
        Default: :func:`build_tokenizer` with the curated dictionary only.
    n_jobs : int
        Worker processes (joblib); -1 uses all cores, 1 stays in this process.
    cache : bool or path
        Read and write segmented reports under ``.cache/tokens`` (or the folder given). The
        key is the report's paragraphs, the dictionary and the segmentation version.
    progress : bool, optional
        Show a progress bar; by default only for corpora over 2 million characters.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph with ``doc_id``, ``para_id``, ``section`` and ``tokens``
        (list of str; punctuation included, white space dropped).
    """
    if tokenizer is None:
        tokenizer = build_tokenizer()
    texts = paragraphs["text"].tolist()
    doc_ids = paragraphs["doc_id"].tolist()
    sections = paragraphs["section"].tolist() if "section" in paragraphs else ["body"] * len(texts)
    result: list[list[str] | None] = [None] * len(texts)

    by_doc: dict[str, list[int]] = {}
    for i, d in enumerate(doc_ids):
        by_doc.setdefault(d, []).append(i)
    cache_dir = None
    if cache:
        cache_dir = (Path(cache) if not isinstance(cache, bool) else CACHE_DIR) / "tokens"
    todo_docs: list[tuple[str, Path | None]] = []
    for d, idx in by_doc.items():
        path = None
        if cache_dir is not None:
            path = cache_dir / f"{_cache_key(tokenizer, [texts[i] for i in idx])}.pkl"
            hit = _cache_read(path)
            if hit is not None and len(hit) == len(idx):
                for i, toks in zip(idx, hit, strict=True):
                    result[i] = toks
                continue
        todo_docs.append((d, path))

    todo = [i for d, _ in todo_docs for i in by_doc[d]]
    total_chars = sum(len(texts[i]) for i in todo)
    if progress is None:
        progress = total_chars > 2_000_000
    if todo:
        _segment(
            tokenizer,
            texts,
            todo,
            result,
            n_jobs=n_jobs,
            progress=progress,
            total_chars=total_chars,
        )
    if cache_dir is not None:
        for d, path in todo_docs:
            if path is not None:
                _cache_write(path, [result[i] for i in by_doc[d]])  # type: ignore[misc]
    frame = pd.DataFrame(
        {
            "doc_id": doc_ids,
            "para_id": paragraphs["para_id"].tolist(),
            "section": sections,
            "tokens": result,
        },
        columns=TOKEN_COLUMNS,
    )
    return frame


def _segment(
    tokenizer: Tokenizer,
    texts: list[str],
    todo: list[int],
    result: list[list[str] | None],
    *,
    n_jobs: int,
    progress: bool,
    total_chars: int,
) -> None:
    from joblib import Parallel, cpu_count, delayed
    from tqdm import tqdm

    workers = cpu_count() if n_jobs < 0 else max(1, n_jobs)
    intern = sys.intern
    if workers == 1 or total_chars < 200_000:
        bar = tqdm(total=len(todo), disable=not progress, unit="para", file=sys.stderr)
        for i in todo:
            result[i] = [intern(t) for t in tokenizer.cut(texts[i])]
            bar.update()
        bar.close()
        return
    batches = _batches(todo, texts, workers * 8)
    bar = tqdm(total=len(todo), disable=not progress, unit="para", file=sys.stderr)
    outputs = Parallel(n_jobs=workers, return_as="generator")(
        delayed(_cut_batch)(tokenizer, [texts[i] for i in b]) for b in batches
    )
    for b, out in zip(batches, outputs, strict=True):
        for i, toks in zip(b, out, strict=True):
            result[i] = [intern(t) for t in toks]
        bar.update(len(b))
    bar.close()


# --------------------------------------------------------------------------- stopword tiers


def filter_tokens(
    tokens: pd.DataFrame,
    *,
    function_words: bool = True,
    report_phrases: bool = True,
    numbers: bool = True,
    policy_verbs: bool = False,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Drop stopword tiers from segmented tokens, for keyword and topic views.

    Punctuation is always dropped. Each tier is a resource file and a switch.

    Parameters
    ----------
    tokens : pandas.DataFrame
        The output of :func:`tokenize`.
    function_words : bool
        Drop function words (的, 和, 在, ...; ``stopwords_function.txt``).
    report_phrases : bool
        Drop report boilerplate (各位代表, 我们, 进一步, ...; ``stopwords_report.txt``).
    numbers : bool
        Drop bare numbers, percentages, amounts and numerals (digit formulas such as 1+6+N
        stay).
    policy_verbs : bool
        Drop policy verbs (推进, 加强, 坚持, ...; ``policy_verbs.txt``); kept by default.
    extra_stopwords : iterable of str
        More words to drop.

    Returns
    -------
    pandas.DataFrame
        A new frame with the same columns and filtered ``tokens``.
    """
    stop: set[str] = set(extra_stopwords)
    if function_words:
        stop |= load_wordlist("stopwords_function.txt")
    if report_phrases:
        stop |= load_wordlist("stopwords_report.txt")
    if policy_verbs:
        stop |= load_wordlist("policy_verbs.txt")
    cache: dict[str, bool] = {}

    def keep(t: str) -> bool:
        v = cache.get(t)
        if v is None:
            v = not (
                t in stop
                or _PUNCT_ONLY.match(t) is not None
                or (numbers and is_number_token(t))
                or (not _HAN.search(t) and len(t) == 1)
            )
            cache[t] = v
        return v

    out = tokens.copy()
    out["tokens"] = [[t for t in toks if keep(t)] for toks in tokens["tokens"]]
    return out


def corpus_tokens(
    corpus: pd.DataFrame,
    *,
    sections: Sequence[str] = ("body",),
    tokenizer: Tokenizer | None = None,
    n_jobs: int = -1,
    **filters: bool | Iterable[str],
) -> pd.DataFrame:
    """Segment a corpus's paragraphs and apply the stopword tiers in one call.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The output of :func:`analysis.read_corpus`.
    sections : sequence of str
        Paragraph sections kept (default the report body only).
    tokenizer : Tokenizer, optional
        Default: :func:`build_tokenizer` for this corpus.
    n_jobs : int
        Worker processes.
    **filters : bool or iterable of str
        Switches of :func:`filter_tokens` (``policy_verbs=True``, ``numbers=False``,
        ``extra_stopwords=...``).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``para_id``, ``section``, ``tokens`` (filtered), one row per paragraph.
    """
    from analysis.corpus import split_paragraphs

    paragraphs = split_paragraphs(corpus)
    paragraphs = paragraphs[paragraphs["section"].isin(list(sections))]
    tokenizer = tokenizer or build_tokenizer(corpus)
    return filter_tokens(tokenize(paragraphs, tokenizer=tokenizer, n_jobs=n_jobs), **filters)


def compare_segmentation(texts: Sequence[str], tokenizer: Tokenizer) -> pd.DataFrame:
    """Segment texts with jieba's general dictionary and with ``tokenizer``, side by side.

    Parameters
    ----------
    texts : sequence of str
        Sentences to compare.
    tokenizer : Tokenizer
        Our domain tokenizer.

    Returns
    -------
    pandas.DataFrame
        Columns ``text``, ``plain jieba`` and ``ours`` (tokens joined by `` / ``).
    """
    plain = Tokenizer()  # no domain words: jieba's own dictionary
    return pd.DataFrame(
        {
            "text": list(texts),
            "plain jieba": [" / ".join(plain.cut(t)) for t in texts],
            "ours": [" / ".join(tokenizer.cut(t)) for t in texts],
        }
    )
