"""Glossary lookup speed: exact term/alias hits over 10,000 entries.

    python bench/bench_lookup.py [--entries 10000] [--queries 20000]

Reports the mean time per exact lookup (target < 1 ms) next to a plain ``dict`` get on the
same keys, measured in the same run, and the reverse search (a phrase of a definition).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import pandas as pd

from analysis import Glossary, read_glossary
from analysis.paths import GLOSSARY_DIR


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=20_000)
    args = ap.parse_args()
    seed = read_glossary(GLOSSARY_DIR)
    rows = []
    for i in range(args.entries):
        r = seed.iloc[i % len(seed)].to_dict()
        r["term"] = f"{r['term']}{i}"
        r["display_term"] = f"“{r['term']}”"
        r["aliases"] = [f"{a}{i}" for a in r["aliases"]]
        rows.append(r)
    big = pd.DataFrame(rows)
    start = time.perf_counter()
    glossary = Glossary(big)
    build = time.perf_counter() - start
    rng = random.Random(0)
    queries = [rng.choice(rows)["term"] for _ in range(args.queries)]
    start = time.perf_counter()
    hits = sum(len(glossary.get(q)) for q in queries)
    ours = (time.perf_counter() - start) / len(queries)
    plain = {r["term"]: r for r in rows}
    start = time.perf_counter()
    sum(1 for q in queries if q in plain)
    base = (time.perf_counter() - start) / len(queries)
    start = time.perf_counter()
    n_rev = 200
    for _ in range(n_rev):
        glossary.search("国有资产证券化")
    rev = (time.perf_counter() - start) / n_rev
    print(f"entries: {len(glossary)}  (index built in {build:.2f} s)")
    print(f"exact lookup: {ours * 1e6:8.1f} µs per query ({hits} hits of {len(queries)})")
    print(f"plain dict:   {base * 1e6:8.2f} µs per query  (ours / dict = {ours / base:.0f}x)")
    print(f"reverse search of definitions: {rev * 1e3:.2f} ms per query")
    print("target: exact lookup < 1 ms:", "met" if ours < 1e-3 else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
