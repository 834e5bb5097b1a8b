"""Keyword and topic overhead against the plain library calls, on the same bag of words.

    python bench/bench_models.py [--mb 20] [--k 10] [--passes 10]

Keywords: ``rank_keywords`` against scikit-learn's ``TfidfVectorizer.fit_transform`` on the
same token lists. Topics: ``fit_topics(coherence=False)`` against gensim's ``Dictionary`` +
``doc2bow`` + ``LdaModel`` with the same parameters; the cost of the three coherence measures
is reported on its own line. Target: our overhead <= 1.3x.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synth import synthetic_paragraphs

from analysis import build_tokenizer, filter_tokens, read_corpus, tokenize
from analysis.keywords import rank_keywords
from analysis.topics import fit_topics


def _identity(x: list[str]) -> list[str]:
    return x


def _best_of(fn, repeat: int) -> float:
    """Fastest of ``repeat`` timings (sub-second steps are noisy)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--passes", type=int, default=10, help="as fit_topics (default 10)")
    ap.add_argument("--repeat", type=int, default=5, help="timings of the keyword step (best)")
    args = ap.parse_args()
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel
    from sklearn.feature_extraction.text import TfidfVectorizer

    logging.getLogger("gensim").setLevel(logging.WARNING)
    paras = synthetic_paragraphs(args.mb)
    with tempfile.TemporaryDirectory() as cache:
        tokens = filter_tokens(
            tokenize(
                paras,
                tokenizer=build_tokenizer(read_corpus()),
                n_jobs=-1,
                cache=cache,
                progress=False,
            ),
            policy_verbs=True,
        )
    print(f"corpus: {args.mb:g} MB, {len(tokens)} paragraphs, {tokens['doc_id'].nunique()} reports")

    docs = {}
    for d, toks in zip(tokens["doc_id"], tokens["tokens"], strict=True):
        docs.setdefault(d, []).extend(toks)
    grouped = list(docs.values())

    def plain_keywords() -> None:
        TfidfVectorizer(analyzer=_identity, lowercase=False, sublinear_tf=True).fit_transform(
            grouped
        )

    base_kw = _best_of(plain_keywords, args.repeat)
    ours_kw = _best_of(lambda: rank_keywords(tokens, top_n=20), args.repeat)

    texts = tokens["tokens"].tolist()
    start = time.perf_counter()
    dictionary = Dictionary(texts)
    dictionary.filter_extremes(no_below=5, no_above=0.5, keep_n=20000)
    bow = [dictionary.doc2bow(t) for t in texts]
    bow = [b for b in bow if sum(c for _, c in b) >= 5]
    LdaModel(
        corpus=bow,
        id2word=dictionary,
        num_topics=args.k,
        random_state=0,
        passes=args.passes,
        iterations=100,
        alpha="symmetric",
        eval_every=None,
        chunksize=len(bow),
    )
    base_lda = time.perf_counter() - start
    start = time.perf_counter()
    fit_topics(tokens, n_topics=args.k, passes=args.passes, coherence=False)
    ours_lda = time.perf_counter() - start

    print(f"{'step':44s} {'plain s':>8s} {'ours s':>8s} {'ours/plain':>10s}")
    print(
        f"{'keywords (TF-IDF, top 20 per report)':44s} {base_kw:8.2f} {ours_kw:8.2f} "
        f"{ours_kw / base_kw:9.2f}x"
    )
    print(
        f"{'topics (LDA K=' + str(args.k) + ', tables)':44s} {base_lda:8.2f} {ours_lda:8.2f} "
        f"{ours_lda / base_lda:9.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
