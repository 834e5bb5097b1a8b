"""The K sweep on samples of different sizes: which K each chooses, at what coherence and time.

    python bench/sweep_sample.py --corpus DIR [--sizes 10000 20000] [--ks 4 6 8 10]

The report's topics page (``notebooks/04_topics.py``) chooses K by sweeping ``--ks`` on a
seeded sample of ``fit.SWEEP_SAMPLE`` paragraphs when the corpus has more. On the body tokens
of the corpus (``corpus_steps``, filtered with ``policy_verbs=True`` as the page does, prepared
once), each size is swept in one process, K after K with the engine's defaults and seed 0.
Printed and written (``bench/results/sweep_sample_<corpus>.json``): per size, the seconds of
the sweep, the chosen K and each K's c_v, c_npmi and u_mass. For the whole panel, pass a folder
with all of ``../shared/corpora`` in it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import add_root_option, print_table, write_result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000])
    ap.add_argument("--ks", type=int, nargs="+", default=[4, 6, 8, 10])
    add_root_option(ap)
    args = ap.parse_args()
    sys.path.insert(0, str(args.root))
    from analysis.measure.topics import prepare_topics
    from analysis.measure.topics.sweep import sweep_topics
    from analysis.run.steps import corpus_steps
    from analysis.terms.tokens import filter_tokens

    steps = corpus_steps(args.corpus, sections=("body",), warn=False)
    prepared = prepare_topics(filter_tokens(steps.tokens, policy_verbs=True))
    print(f"corpus {args.corpus.name}: {prepared.matrix.shape} prepared", flush=True)
    sizes = {}
    rows = []
    for size in args.sizes:
        start = time.perf_counter()
        sweep, _, _ = sweep_topics(prepared.sample(size, random_state=0), args.ks, random_state=0)
        seconds = round(time.perf_counter() - start, 1)
        chosen = int(sweep.loc[sweep["chosen"], "n_topics"].iloc[0])
        scores = sweep.round(4).to_dict(orient="records")
        sizes[str(size)] = {"seconds": seconds, "chosen": chosen, "sweep": scores}
        for r in scores:
            rows.append(
                [size, seconds, r["n_topics"], r["c_v"], r["c_npmi"], r["u_mass"], r["chosen"]]
            )
    print_table(["sample", "seconds", "K", "c_v", "c_npmi", "u_mass", "chosen"], rows)
    path = write_result(
        f"sweep_sample_{args.corpus.name}",
        {
            "corpus": {
                "name": args.corpus.name,
                "paragraphs": prepared.matrix.shape[0],
                "terms": prepared.matrix.shape[1],
            },
            "ks": args.ks,
            "sizes": sizes,
        },
        root=args.root,
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
