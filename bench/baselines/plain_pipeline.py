"""Baseline: plain jieba + scikit-learn TF-IDF + gensim LDA over report files, one process.

    python bench/baselines/plain_pipeline.py FILE... [--k 10] [--passes 10] > times.json

What a user would write without this package: segment every non-empty line (a paragraph)
with ``jieba.lcut``; ``TfidfVectorizer.fit_transform`` over the reports; gensim
``Dictionary`` + ``filter_extremes`` + ``doc2bow`` + ``LdaModel`` over the paragraphs with
the same settings as ``fit_topics``. Prints the seconds of each stage as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import jieba


def _timed(times: dict[str, float], name: str, fn: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = fn()
    times[name] = round(time.perf_counter() - start, 3)
    return value


def read_paragraphs(files: list[str]) -> list[tuple[int, str]]:
    """Every non-empty line of every file, with the file's index."""
    paragraphs = []
    for i, name in enumerate(files):
        with open(name, encoding="utf-8") as fh:
            paragraphs += [(i, s) for s in (line.strip() for line in fh) if s]
    return paragraphs


def tfidf(paragraphs: list[tuple[int, str]], tokens: list[list[str]], n_docs: int) -> object:
    """TF-IDF of each report (the concatenation of its paragraphs' tokens)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs: list[list[str]] = [[] for _ in range(n_docs)]
    for (doc, _), toks in zip(paragraphs, tokens, strict=True):
        docs[doc].extend(toks)
    vectorizer = TfidfVectorizer(analyzer=lambda d: d, lowercase=False, sublinear_tf=True)
    return vectorizer.fit_transform(docs)


def lda(tokens: list[list[str]], args: argparse.Namespace) -> object:
    """gensim LDA on the paragraphs, vocabulary filtered as ``fit_topics`` does."""
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel

    dictionary = Dictionary(tokens)
    no_below = 2 if len(tokens) < 2000 else 5
    dictionary.filter_extremes(no_below=no_below, no_above=args.no_above, keep_n=args.keep_n)
    bow = [b for b in (dictionary.doc2bow(t) for t in tokens) if sum(c for _, c in b) >= 5]
    return LdaModel(
        corpus=bow,
        id2word=dictionary,
        num_topics=args.k,
        random_state=0,
        passes=args.passes,
        iterations=args.iterations,
        alpha="symmetric",
        eval_every=None,
        chunksize=len(bow),
    )


def main() -> int:
    """Run the stages and print their seconds as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--passes", type=int, default=10)
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--no-above", type=float, default=0.5)
    ap.add_argument("--keep-n", type=int, default=20000)
    args = ap.parse_args()
    logging.getLogger("gensim").addHandler(logging.NullHandler())
    times: dict[str, float] = {}
    paragraphs = _timed(times, "read", lambda: read_paragraphs(args.files))
    tokens = _timed(times, "jieba", lambda: [jieba.lcut(s) for _, s in paragraphs])
    _timed(times, "tfidf", lambda: tfidf(paragraphs, tokens, len(args.files)))
    _timed(times, "lda", lambda: lda(tokens, args))
    out = {"seconds": times, "paragraphs": len(paragraphs), "tokens": sum(map(len, tokens))}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
