"""A synthetic corpus built from the seeds, for benchmarks (not a test fixture)."""

from __future__ import annotations

import random

import pandas as pd

from analysis import read_corpus, split_paragraphs


def synthetic_paragraphs(mb: float, *, seed: int = 0, doc_kb: int = 200) -> pd.DataFrame:
    """Paragraphs of about ``mb`` megabytes (UTF-8) made by reshuffling the seeds' paragraphs.

    Each synthetic report draws paragraphs from the seeds in a seeded random order and
    numbers them, so no two paragraphs are identical (a cache cannot short-cut the work).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``para_id``, ``section``, ``text``.
    """
    corpus = read_corpus()
    paras = split_paragraphs(corpus)
    pool = paras.loc[paras["section"] != "boilerplate", "text"].tolist()
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    rows = []
    size = 0
    doc = 0
    while size < target:
        doc_size = 0
        para_id = 0
        while doc_size < doc_kb * 1000 and size < target:
            text = f"{rng.choice(pool)}({doc}.{para_id})"
            n = len(text.encode("utf-8"))
            rows.append((f"synthetic-{doc:04d}", para_id, "body", text))
            doc_size += n
            size += n
            para_id += 1
        doc += 1
    return pd.DataFrame(rows, columns=["doc_id", "para_id", "section", "text"])
