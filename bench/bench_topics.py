"""``fit_topics(coherence=False)`` against plain gensim ``LdaModel`` on the same bag of words.

    python bench/bench_topics.py [--size-mb 10] [--k 10] [--repeat 1]

The tokens come from the ``tokenize`` command (jsonl) on a synthetic corpus, filtered with
``filter_tokens(policy_verbs=True)`` as the ``topics`` command does. Plain: gensim
``Dictionary`` + ``filter_extremes`` + ``doc2bow`` (timed as "prepare") and ``LdaModel``
with ``fit_topics``'s defaults (timed alone). Ours: the whole ``fit_topics`` call, tables
included. Ratio = ours / plain ``LdaModel`` (target <= 1.15x); also reported against
prepare + ``LdaModel``. With ``--repeat N`` the two alternate and the fastest of each counts.
Writes ``bench/results/topics_fit_<size>mb.json``.
"""

from __future__ import annotations

import argparse
import inspect
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

from _common import PYTHON, add_root_option, code_env, print_table, size_tag, write_result
from _synth import corpus_mb, write_corpus

TARGET: float = 1.15


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


def fit_defaults() -> dict[str, Any]:
    """``fit_topics``'s keyword defaults in the measured code."""
    from analysis.topics import fit_topics

    params = inspect.signature(fit_topics).parameters
    return {k: p.default for k, p in params.items() if p.default is not inspect.Parameter.empty}


def plain_prepare(texts: list[list[str]], d: dict[str, Any]) -> tuple[Any, list]:
    """gensim Dictionary + filter_extremes + doc2bow, as ``fit_topics`` configures them."""
    from gensim.corpora import Dictionary

    dictionary = Dictionary(texts)
    no_below = d.get("no_below") or (2 if len(texts) < 2000 else 5)
    dictionary.filter_extremes(no_below=no_below, no_above=d["no_above"], keep_n=d["keep_n"])
    bow = [dictionary.doc2bow(t) for t in texts]
    return dictionary, [b for b in bow if sum(c for _, c in b) >= d.get("min_tokens", 5)]


def plain_lda(dictionary: Any, bow: list, k: int, d: dict[str, Any]) -> Any:
    """Plain ``LdaModel`` with ``fit_topics``'s settings."""
    from gensim.models import LdaModel

    return LdaModel(
        corpus=bow,
        id2word=dictionary,
        num_topics=k,
        random_state=d.get("random_state", 0),
        passes=d["passes"],
        iterations=d["iterations"],
        alpha="symmetric",
        eval_every=None,
        chunksize=len(bow),
    )


def _seconds(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def measure(tokens: Any, *, k: int, repeat: int) -> dict[str, float]:
    """Fastest seconds of plain prepare, plain LdaModel and ``fit_topics(coherence=False)``."""
    from analysis.topics import fit_topics

    defaults = fit_defaults()
    texts = tokens["tokens"].tolist()
    best = {"prepare": float("inf"), "lda": float("inf"), "fit_topics": float("inf")}
    for i in range(repeat):
        prep_s, (dictionary, bow) = _seconds(lambda: plain_prepare(texts, defaults))
        lda_s, _ = _seconds(lambda d=dictionary, b=bow: plain_lda(d, b, k, defaults))
        ours_s, _ = _seconds(lambda: fit_topics(tokens, n_topics=k, coherence=False))
        print(
            f"  round {i + 1}: prepare {prep_s:.1f} s, LdaModel {lda_s:.1f} s, "
            f"fit_topics {ours_s:.1f} s",
            flush=True,
        )
        for key, value in (("prepare", prep_s), ("lda", lda_s), ("fit_topics", ours_s)):
            best[key] = min(best[key], round(value, 3))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=10.0, help="corpus size (default 10)")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=1, help="alternating rounds (fastest counts)")
    add_root_option(ap)
    args = ap.parse_args()
    sys.path.insert(0, str(args.root))
    with tempfile.TemporaryDirectory(prefix="bench-topics-") as tmp:
        files = write_corpus(Path(tmp) / "corpus", size_mb=args.size_mb)
        mb = corpus_mb(files)
        tokens = read_tokens(files, Path(tmp), args.root)
    print(f"corpus: {len(files)} files, {mb:.1f} MB, {len(tokens)} paragraphs", flush=True)
    best = measure(tokens, k=args.k, repeat=args.repeat)
    ratio = best["fit_topics"] / best["lda"]
    ratio_prep = best["fit_topics"] / (best["lda"] + best["prepare"])
    print_table(
        ["step", "seconds", "ours / plain"],
        [
            ["plain: prepare (Dictionary, doc2bow)", f"{best['prepare']:.1f}", ""],
            ["plain: LdaModel", f"{best['lda']:.1f}", ""],
            ["ours: fit_topics(coherence=False)", f"{best['fit_topics']:.1f}", f"{ratio:.2f}x"],
            ["  against prepare + LdaModel", "", f"{ratio_prep:.2f}x"],
        ],
    )
    print(f"target: <= {TARGET}x plain LdaModel: {'met' if ratio <= TARGET else 'MISSED'}")
    data = {
        "corpus": {"files": len(files), "mb": round(mb, 2), "paragraphs": len(tokens)},
        "k": args.k,
        "repeat": args.repeat,
        "seconds": best,
        "ratio": round(ratio, 3),
        "ratio_with_prepare": round(ratio_prep, 3),
        "target": TARGET,
        "target_met": ratio <= TARGET,
    }
    path = write_result(f"topics_fit_{size_tag(args.size_mb)}", data, root=args.root)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
