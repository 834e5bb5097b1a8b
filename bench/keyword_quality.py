"""Keyword and topic-label quality on a folder of real reports, as counts to compare runs.

    python bench/keyword_quality.py [--corpus DIR] [--top 15] [--k 12] [--json FILE] [--show]

Default corpus: ``../shared/corpora/provinces-2026`` beside the repository. Prints, for
``keywords --top N`` per report:

- ``own_region``: terms naming the report's own region (name, short name, abbreviation,
  literary name from ``analysis/resources/regions.csv``, matched on the file name), plus
  generic self-references (自治区, 我区, 市委, 中共XX省委, XX省人民政府 ...);
- ``single_char``: one-character terms outside ``single_char_whitelist.txt``;
- ``junk``: enumerators (一要/二要, 一是/二是) and the fragments, function words and amounts
  seen on this corpus before (以学, 求进, 哪里, 多亿元 ...);
- ``contained_pairs``: pairs of terms in one list where one contains the other;
- ``tied_rows``: rows whose score equals a neighbour's (``score`` alone, and all ranking keys);

and for topics (K topics, default passes): how many label words label more than two topics.
Timings are wall-clock seconds of each step in this process.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.common.patterns import CN_NUMERALS  # noqa: E402
from analysis.common.wordlists import single_char_whitelist  # noqa: E402

RESOURCES = ROOT / "analysis" / "common" / "resources"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "provinces-2026"
# the fragments, function words and amounts a reader flagged on this corpus
FLAGGED = frozenset(
    [
        "以学",
        "求进",
        "稳进",
        "之害",
        "甘其",
        "东来",
        "哪里",
        "这么",
        "凡是",
        "时候",
        "多亿元",
        "磨",
        "憨",
        "长株",
        "潭",
        "免",
    ]
)
ENUMERATOR = re.compile(f"^[{CN_NUMERALS}两]+(?:要|是|抓|则|来|方面)$")
SELF_REFERENCE = re.compile(
    r"^(?:中共)?(?:我|全|本)?(?:省|市|区|县|自治区)(?:委|党委|政府|人民政府|人大)?$"
)


def _region_rows() -> list[dict[str, str]]:
    with open(RESOURCES / "regions.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def own_names(file_name: str, region: str, rows: list[dict[str, str]]) -> set[str]:
    """Name, short name, abbreviations and literary names of the report's own region."""
    for row in rows:
        if row["name"] in file_name or (region and row["name"] == region):
            names = {row["name"], row["short"], *row["abbr"].split(), *row["literary"].split()}
            return {n for n in names if n}
    return set()


def is_own_region(term: str, names: set[str]) -> bool:
    """A name of the own region, alone or in 中共XX省委 / XX省人民政府 style, or 我区 style."""
    if term in names or SELF_REFERENCE.match(term):
        return True
    core = re.sub(r"^中共", "", term)
    core = re.sub(r"(?:党委|委员会|人民政府|政府|委)$", "", core)
    return core != term and core in names


def _ties(values: list[tuple[object, ...]]) -> int:
    """Rows whose key equals the previous or the next row's key."""
    n = len(values)
    return sum(
        (i > 0 and values[i] == values[i - 1]) or (i + 1 < n and values[i] == values[i + 1])
        for i in range(n)
    )


def keyword_counts(ranked: pd.DataFrame, corpus: pd.DataFrame, *, whitelist: set[str]) -> dict:
    """The quality counts of one keyword table (doc_id, rank, term, score[, g2, ...])."""
    rows = _region_rows()
    files = dict(zip(corpus["doc_id"], corpus["file"], strict=True))
    regions = dict(zip(corpus["doc_id"], corpus["region"], strict=True))
    keys = [c for c in ("score", "g2", "dispersion") if c in ranked.columns]
    out = Counter()
    examples: dict[str, list[str]] = {}
    for doc_id, group in ranked.groupby("doc_id", sort=False):
        names = own_names(files[doc_id], regions[doc_id], rows)
        terms = group["term"].tolist()
        checks = {
            "own_region": [t for t in terms if is_own_region(t, names)],
            "single_char": [t for t in terms if len(t) == 1 and t not in whitelist],
            "junk": [t for t in terms if t in FLAGGED or ENUMERATOR.match(t)],
            "contained_pairs": [f"{a}/{b}" for a in terms for b in terms if a != b and a in b],
        }
        for name, hits in checks.items():
            out[name] += len(hits)
            examples.setdefault(name, []).extend(hits)
        out["tied_rows_score"] += _ties([(s,) for s in group["score"]])
        out["tied_rows_all_keys"] += _ties(list(group[keys].itertuples(index=False)))
        out["rows"] += len(group)
    out["reports"] = ranked["doc_id"].nunique()
    return {"counts": dict(out), "examples": {k: v[:12] for k, v in examples.items()}}


def label_overlap(labels: pd.DataFrame) -> dict:
    """How many topics each label word labels; words labelling more than two topics."""
    words = Counter(w for label in labels["label"] for w in set(label.split("·")))
    crowded = {w: n for w, n in words.items() if n > 2}
    return {"topics": len(labels), "max_topics_per_word": max(words.values()), "over_2": crowded}


def _steps(source: str, *, cache: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus and its body tokens (unfiltered), through the pipeline the CLI runs."""
    from analysis.run.steps import corpus_steps

    steps = corpus_steps(source, cache=cache, warn=False)
    body = steps.tokens[steps.tokens["section"] == "body"].reset_index(drop=True)
    return steps.corpus, body


def _keywords(corpus: pd.DataFrame, tokens: pd.DataFrame, *, top: int) -> pd.DataFrame:
    """What ``keywords FILES --top N`` ranks (own places left out, the default)."""
    from analysis.measure.counts import count_terms
    from analysis.measure.keywords import rank_keywords

    return rank_keywords(count_terms(tokens, by="doc", corpus=corpus), top_n=top)


def _topics(tokens: pd.DataFrame, *, k: int):
    """What ``topics FILES --k K`` fits (coherence left out: labels only)."""
    from analysis.measure.topics import fit_topics

    return fit_topics(tokens, n_topics=k, random_state=0, coherence=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--k", type=int, default=12)
    ap.add_argument("--json", help="also write the result here")
    ap.add_argument("--show", action="store_true", help="print every report's list")
    ap.add_argument("--cache", action="store_true", help="use the per-file cache (warm runs)")
    args = ap.parse_args()
    from analysis.terms.tokens import filter_tokens

    timings = {}
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus, body = _steps(args.corpus, cache=args.cache)
    meta = corpus[["doc_id", "title", "region", "level"]]
    missing = int((meta[["region", "level"]] == "").any(axis=1).sum())
    timings["read+tokenize"] = time.perf_counter() - start
    start = time.perf_counter()
    ranked = _keywords(corpus, filter_tokens(body), top=args.top)
    timings["keywords"] = time.perf_counter() - start
    quality = keyword_counts(ranked, corpus, whitelist=set(single_char_whitelist()))
    start = time.perf_counter()
    result = _topics(filter_tokens(body, policy_verbs=True), k=args.k)
    timings["topics"] = time.perf_counter() - start
    labels = label_overlap(result.labels)
    report = {
        "corpus": str(args.corpus),
        "metadata_missing_region_or_level": missing,
        "keywords": quality,
        "topic_labels": labels,
        "timings_s": {k: round(v, 2) for k, v in timings.items()},
    }
    if args.show:
        with pd.option_context("display.width", 200, "display.max_rows", 2000):
            print(meta.to_string(index=False))
            print(ranked.groupby("doc_id", sort=False)["term"].apply(" ".join).to_string())
            print(result.labels.to_string(index=False))
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
