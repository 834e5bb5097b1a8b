"""How the tomotopy engine samples: one thread against fixed partitions, over several seeds.

    python bench/topic_params.py [--corpus DIR] [--k 10] [--seeds 8] [--iterations 200]

On the tokens of ``bench_topics.py`` (``tokenize`` jsonl of the corpus, default the 31
provincial reports of 2026, filtered as ``topics`` does, prepared once), tomotopy's
``LDAModel`` with the engine's priors is trained for each seed 0..N-1 with one thread
(``workers=1``) and with the engine's fixed partitions (``PARTITIONS`` threads,
``ParallelScheme.PARTITION``); each fit is trained twice to check that it is identical.
Printed and written (``bench/results/topic_params_<corpus>.json``): seconds and c_npmi / c_v
(top 10 words, gensim's ``CoherenceModel``) per seed, their means, and whether the two
trainings of each fit gave the same topics.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import add_root_option, print_table, write_result
from bench_topics import PROVINCES, coherence, read_tokens


def train(prepared: Any, *, k: int, seed: int, iterations: int, partitions: int) -> Any:
    """One tomotopy fit; ``partitions`` 1 is one thread, else ``ParallelScheme.PARTITION``."""
    import tomotopy as tp

    from analysis.measure.topics import ENGINES

    d = ENGINES["tomotopy"]
    model = tp.LDAModel(k=k, alpha=d["alpha"], eta=d["eta"], seed=seed, min_cf=0, rm_top=0)
    for row in range(prepared.matrix.shape[0]):
        model.add_doc(prepared.words(row))
    scheme = tp.ParallelScheme.NONE if partitions == 1 else tp.ParallelScheme.PARTITION
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        model.train(iterations, workers=partitions, parallel=scheme)
    return model


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=PROVINCES)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--seeds", type=int, default=8)
    ap.add_argument("--iterations", type=int, default=200)
    add_root_option(ap)
    args = ap.parse_args()
    sys.path.insert(0, str(args.root))
    from analysis.measure.topics import PARTITIONS, prepare_topics

    with tempfile.TemporaryDirectory(prefix="bench-params-") as tmp:
        tokens = read_tokens(sorted(args.corpus.glob("*.txt")), Path(tmp), args.root)
    prepared = prepare_topics(tokens)
    print(f"corpus {args.corpus.name}: {prepared.matrix.shape} prepared", flush=True)
    result: dict[str, Any] = {}
    for partitions in (1, PARTITIONS):
        rows = []
        for seed in range(args.seeds):
            start = time.perf_counter()
            model = train(
                prepared, k=args.k, seed=seed, iterations=args.iterations, partitions=partitions
            )
            seconds = time.perf_counter() - start
            again = train(
                prepared, k=args.k, seed=seed, iterations=args.iterations, partitions=partitions
            )
            words = [[w for w, _ in model.get_topic_words(t, top_n=10)] for t in range(args.k)]
            same = words == [
                [w for w, _ in again.get_topic_words(t, top_n=10)] for t in range(args.k)
            ]
            rows.append(
                {
                    "seed": seed,
                    "seconds": round(seconds, 3),
                    "identical": same,
                    **coherence(words, prepared),
                }
            )
        means = {
            m: round(float(np.mean([r[m] for r in rows])), 4) for m in ("seconds", "c_npmi", "c_v")
        }
        result[f"partitions_{partitions}"] = {
            "runs": rows,
            "mean": means,
            "identical": all(r["identical"] for r in rows),
        }
    print_table(
        ["sampling", "seconds (mean)", "c_npmi (mean)", "c_v (mean)", "runs identical"],
        [
            [name, v["mean"]["seconds"], v["mean"]["c_npmi"], v["mean"]["c_v"], v["identical"]]
            for name, v in result.items()
        ],
    )
    path = write_result(
        f"topic_params_{args.corpus.name}",
        {
            "corpus": {
                "name": args.corpus.name,
                "paragraphs": prepared.matrix.shape[0],
                "terms": prepared.matrix.shape[1],
            },
            "k": args.k,
            "iterations": args.iterations,
            "seeds": args.seeds,
            **result,
        },
        root=args.root,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
