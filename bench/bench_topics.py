"""``fit_topics`` against tomotopy and gensim used directly, on the same prepared corpus.

    python bench/bench_topics.py [--corpus DIR] [--k 10] [--repeat 3]

The tokens come from the ``tokenize`` command (jsonl) on the corpus (default: the 31
provincial reports of 2026 in ``../shared/corpora/provinces-2026``, else 10 MB of synthetic
reports), filtered with ``filter_tokens(policy_verbs=True)`` as the ``topics`` command does,
and prepared once (:func:`analysis.measure.topics.prepare_topics`). Timed, alternating,
fastest of ``--repeat`` rounds:

- tomotopy ``LDAModel`` used directly: documents added from the prepared rows, ``train``
  with the same priors, iterations and seed, on tomotopy's default threads (every core);
- gensim ``LdaModel`` used directly (batch, 10 passes, 100 iterations, as ``--engine gensim``);
- ours: ``fit_topics(tokens, n_topics=K, coherence=False)``, preparation and tables included.

Coherence (c_npmi, c_v over the top 10 words, gensim's ``CoherenceModel`` on the prepared
paragraphs) of each. Targets: ours <= 1.1x tomotopy at coherence >= its own, and >= 5x faster
than gensim. Writes ``bench/results/topics_fit_<corpus>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PROJECT_ROOT, PYTHON, add_root_option, code_env, print_table, write_result
from _synth import write_corpus

TARGET_TOMOTOPY: float = 1.1
TARGET_GENSIM_SPEEDUP: float = 5.0
PROVINCES = PROJECT_ROOT.parent / "shared" / "corpora" / "provinces-2026"


def read_tokens(files: list[Path], work: Path, root: Path) -> Any:
    """Tokens frame (``doc_id``, ``para_id``, ``section``, ``tokens``) from ``tokenize``."""
    import pandas as pd

    from analysis import filter_tokens

    env = {**os.environ, **code_env(root), "ANALYSIS_CACHE_DIR": str(work / "cache")}
    cmd = [PYTHON, "-m", "analysis", "tokenize", *map(str, files), "--format", "jsonl"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=root, env=env, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    frame = pd.DataFrame(rows).rename(columns={"doc": "doc_id"}).assign(section="body")
    return filter_tokens(frame[["doc_id", "para_id", "section", "tokens"]], policy_verbs=True)


def top_words(weights: Any, vocab: list[str], n: int = 10) -> list[str]:
    """A topic's ``n`` most probable words, ties broken by the word, as ``fit_topics`` ranks
    them (so that coherence compares the models, not how each library orders ties)."""
    ranked = sorted(zip(vocab, map(float, weights), strict=True), key=lambda x: (-x[1], x[0]))
    return [w for w, _ in ranked[:n]]


def direct_tomotopy(prepared: Any, k: int) -> list[list[str]]:
    """tomotopy's LDAModel with the engine's priors and iterations, trained as tomotopy does by
    default (every core, its default parallel scheme); each topic's top 10 words."""
    import tomotopy as tp

    from analysis.measure.topics import ENGINES

    d = ENGINES["tomotopy"]
    model = tp.LDAModel(k=k, alpha=d["alpha"], eta=d["eta"], seed=0, min_cf=0, rm_top=0)
    for row in range(prepared.matrix.shape[0]):
        model.add_doc(prepared.words(row))
    model.train(int(d["iterations"]))
    vocab = list(model.used_vocabs)
    return [top_words(model.get_topic_word_dist(t), vocab) for t in range(k)]


def direct_gensim(prepared: Any, k: int) -> list[list[str]]:
    """gensim's LdaModel, batch mode, 10 passes; each topic's top 10 words."""
    from gensim.models import LdaModel

    bow = prepared.bow
    model = LdaModel(
        corpus=bow,
        id2word=prepared.dictionary,
        num_topics=k,
        random_state=0,
        passes=10,
        iterations=100,
        alpha="symmetric",
        eval_every=None,
        chunksize=len(bow),
    )
    vocab = [prepared.dictionary[i] for i in range(len(prepared.dictionary))]
    return [top_words(row, vocab) for row in model.get_topics()]


def ours(tokens: Any, k: int) -> list[list[str]]:
    from analysis.measure.topics import fit_topics

    res = fit_topics(tokens, n_topics=k, coherence=False)
    terms = res.topic_terms[res.topic_terms["rank"] <= 10]
    return terms.groupby("topic")["term"].apply(list).tolist()


def coherence(topics: list[list[str]], prepared: Any) -> dict[str, float]:
    from gensim.models import CoherenceModel

    out = {}
    for measure in ("c_npmi", "c_v"):
        cm = CoherenceModel(
            topics=topics,
            texts=prepared.texts,
            dictionary=prepared.dictionary,
            coherence=measure,
            topn=10,
            processes=1,
        )
        out[measure] = round(float(cm.get_coherence()), 4)
    return out


def _seconds(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder of reports (default: provinces-2026)")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3, help="alternating rounds (fastest counts)")
    add_root_option(ap)
    args = ap.parse_args()
    sys.path.insert(0, str(args.root))
    from analysis.measure.topics import prepare_topics

    with tempfile.TemporaryDirectory(prefix="bench-topics-") as tmp:
        folder = args.corpus or (PROVINCES if PROVINCES.is_dir() else None)
        if folder is None:
            files = write_corpus(Path(tmp) / "corpus", size_mb=10)
        else:
            files = sorted(folder.glob("*.txt"))
        tokens = read_tokens(files, Path(tmp), args.root)
    prepared = prepare_topics(tokens)
    name = folder.name if folder else "synthetic-10mb"
    print(f"corpus {name}: {len(files)} files, {prepared.matrix.shape} prepared", flush=True)
    runs = {"tomotopy": lambda: direct_tomotopy(prepared, args.k)}
    runs["gensim"] = lambda: direct_gensim(prepared, args.k)
    runs["fit_topics"] = lambda: ours(tokens, args.k)
    best = dict.fromkeys(runs, float("inf"))
    topics: dict[str, list[list[str]]] = {}
    for i in range(args.repeat):
        for key, fn in runs.items():
            if key == "gensim" and i > 0:
                continue  # one round: it is the slow reference
            seconds, topics[key] = _seconds(fn)
            best[key] = min(best[key], round(seconds, 3))
        print(f"  round {i + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in best.items()))
    scores = {key: coherence(t, prepared) for key, t in topics.items()}
    vs_tp = best["fit_topics"] / best["tomotopy"]
    speedup = best["gensim"] / best["fit_topics"]
    print_table(
        ["engine", "seconds", "c_npmi", "c_v"],
        [[k, f"{best[k]:.2f}", scores[k]["c_npmi"], scores[k]["c_v"]] for k in runs],
    )
    ok_tp = (
        vs_tp <= TARGET_TOMOTOPY and scores["fit_topics"]["c_npmi"] >= scores["tomotopy"]["c_npmi"]
    )
    ok_gs = speedup >= TARGET_GENSIM_SPEEDUP
    verdict = {True: "met", False: "MISSED"}
    print(f"fit_topics / tomotopy: {vs_tp:.2f}x (target <= {TARGET_TOMOTOPY}x): {verdict[ok_tp]}")
    print(f"gensim / fit_topics: {speedup:.1f}x (target >= 5x): {verdict[ok_gs]}")
    data = {
        "corpus": {
            "name": name,
            "files": len(files),
            "paragraphs": prepared.matrix.shape[0],
            "terms": prepared.matrix.shape[1],
        },
        "k": args.k,
        "repeat": args.repeat,
        "seconds": best,
        "coherence": scores,
        "ratio_vs_tomotopy": round(vs_tp, 3),
        "speedup_vs_gensim": round(speedup, 2),
        "targets_met": ok_tp and ok_gs,
    }
    path = write_result(f"topics_fit_{name}", data, root=args.root)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
