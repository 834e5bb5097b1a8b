"""How many Gibbs sweeps a big corpus needs: coherence and time of the final fit by sweeps.

    python bench/fit_budget.py --corpus DIR [--k 10] [--seeds 0 1 2] [--sweeps 200 100 50 30 20]

``TopicModel`` caps tomotopy's sweeps by the corpus's size when none are given
(``engine.SWEEP_BUDGET`` token samplings, never fewer than ``engine.MIN_ITERATIONS``). This
measures what the cap costs: on the body tokens of the corpus (``corpus_steps``, filtered with
``policy_verbs=True`` as ``topics`` does, prepared once), K topics are fitted on every
paragraph with each number of sweeps and each seed, and scored on one fixed seeded sample of
``fit.SWEEP_SAMPLE`` paragraphs (c_npmi and c_v of the top 10 words, gensim's
``CoherenceModel``), the same sample for every fit. Printed and written
(``bench/results/fit_budget_<corpus>.json``): per fit the seconds and both scores, per number
of sweeps the means over the seeds, and the sweeps the cap gives this corpus. For the panel,
pass a folder with all of ``../shared/corpora`` in it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import add_root_option, print_table, write_result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--sweeps", type=int, nargs="+", default=[200, 100, 50, 30, 20])
    add_root_option(ap)
    args = ap.parse_args()
    sys.path.insert(0, str(args.root))
    from analysis.measure.topics import prepare_topics
    from analysis.measure.topics.coherence import topic_coherence
    from analysis.measure.topics.engine import TopicModel
    from analysis.measure.topics.fit import SWEEP_SAMPLE
    from analysis.run.steps import corpus_steps
    from analysis.terms.tokens import filter_tokens

    steps = corpus_steps(args.corpus, sections=("body",), warn=False)
    prepared = prepare_topics(filter_tokens(steps.tokens, policy_verbs=True))
    del steps
    tokens = int(prepared.matrix.sum())
    capped = TopicModel(args.k).sweeps(tokens)
    print(f"{args.corpus.name}: {prepared.matrix.shape} prepared, {tokens:,} tokens", flush=True)
    scored_on = prepared.sample(SWEEP_SAMPLE, random_state=0)
    fits, rows = [], []
    for seed in args.seeds:
        for sweeps in args.sweeps:
            start = time.perf_counter()
            model = TopicModel(args.k, random_state=seed, iterations=sweeps).fit(prepared)
            seconds = round(time.perf_counter() - start, 1)
            score = topic_coherence([model], scored_on, measures=("c_npmi", "c_v"))
            fit = {
                "seed": seed,
                "sweeps": sweeps,
                "seconds": seconds,
                "c_npmi": round(float(score["c_npmi"].mean()), 4),
                "c_v": round(float(score["c_v"].mean()), 4),
            }
            fits.append(fit)
            print(f"  {fit}", flush=True)
    means = {}
    for sweeps in args.sweeps:
        mine = [f for f in fits if f["sweeps"] == sweeps]
        mean = {m: round(statistics.mean(f[m] for f in mine), 4) for m in ("c_npmi", "c_v")}
        mean["seconds"] = round(statistics.mean(f["seconds"] for f in mine), 1)
        means[sweeps] = mean
        rows.append([sweeps, mean["seconds"], mean["c_npmi"], mean["c_v"]])
    print_table(["sweeps", "seconds (mean)", "c_npmi (mean)", "c_v (mean)"], rows)
    print(f"the cap gives this corpus {capped} sweeps")
    path = write_result(
        f"fit_budget_{args.corpus.name}",
        {
            "corpus": {
                "name": args.corpus.name,
                "paragraphs": int(prepared.matrix.shape[0]),
                "terms": int(prepared.matrix.shape[1]),
                "tokens": tokens,
            },
            "k": args.k,
            "scored_on_paragraphs": int(scored_on.matrix.shape[0]),
            "capped_sweeps": capped,
            "fits": fits,
            "means": {str(k): v for k, v in means.items()},
        },
        root=args.root,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
