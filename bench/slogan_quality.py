"""How many of the listed slogans are 提法: counts per kind, and a hand-judged sample.

    python bench/slogan_quality.py [--corpus DIR ...] [--sample FILE] [--seed 27]

Default corpora: ``../shared/corpora/national`` and ``../shared/corpora/provinces-2026``
beside the repository. For each corpus it prints the number of distinct slogans per kind as
found by shape (every quoted phrase counted under its shape kind, quotations included) and
as ``slogans`` lists them (quoted phrases judged to be quotations left out), and how many
quoted phrases were judged quotations.

``--sample FILE`` (national corpus only) writes or updates a tab-separated sample drawn with
a fixed seed: 100 distinct slogans that ``slogans`` lists (``listed``) and 50 of those it
judges quotations (``dropped``), with the first context of each. A ``judgement`` column
(``tifa`` / ``not``) filled in by hand is kept when the file is rewritten, and when every row
is judged the script prints the sample's precision (share of listed rows judged 提法) and
an estimate of recall (true 提法 listed, over true 提法 listed plus those dropped, each
sample's share scaled to its population). ``bench/slogan_sample_national.tsv`` is seed 27 (seen
while the evidence rules were written); ``bench/slogan_sample_national_heldout.tsv`` is seed
2027, drawn after them and judged blind (``--sample … --seed 2027``).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.run.steps import extract_steps  # noqa: E402
from analysis.terms.slogans.find import count_slogans  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT = [CORPORA / "national", CORPORA / "provinces-2026"]
SAMPLE_COLUMNS = ["sample", "slogan", "kind", "shape", "n_reports", "context", "judgement"]
SIZES = {"listed": 100, "dropped": 50}


def run(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The slogan set and the counts (quotations included) of one folder, found per file
    as the command line finds them."""
    files = sorted(folder.glob("*.txt"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        steps = extract_steps(files, n_jobs=-1, cache=True)
    counts = count_slogans(steps.paragraphs, steps.slogans, steps.glossary, quotations=True)
    return steps.slogans, counts


def per_kind(found: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Distinct slogans per shape kind: found (all), listed, judged quotations."""
    shape = found.drop_duplicates("slogan").set_index("slogan")["kind"]
    counted = counts.drop_duplicates("slogan").assign(shape=lambda f: f["slogan"].map(shape))
    rows = []
    for kind in ("digit", "numeral", "plus", "abbreviation", "quoted"):
        of_kind = counted[counted["shape"] == kind]
        listed = int((of_kind["kind"] != "quotation").sum())
        rows.append((kind, len(of_kind), listed, len(of_kind) - listed))
    table = pd.DataFrame(rows, columns=["kind", "by_shape", "listed", "quotation"])
    total = ("all", *table[["by_shape", "listed", "quotation"]].sum())
    return pd.concat([table, pd.DataFrame([total], columns=table.columns)], ignore_index=True)


def _old_judgements(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {r["slogan"]: r["judgement"] for r in csv.DictReader(f, delimiter="\t")}


def write_sample(counts: pd.DataFrame, found: pd.DataFrame, path: Path, seed: int) -> None:
    """Draw (or redraw) the sample and keep the judgements already made."""
    shape = found.drop_duplicates("slogan").set_index("slogan")["kind"]
    first = counts.drop_duplicates("slogan").set_index("slogan")
    n_reports = counts.groupby("slogan")["doc_id"].nunique()
    old = _old_judgements(path)
    rows = []
    rng = random.Random(seed)
    for name, size in SIZES.items():
        pool = sorted(
            s for s in first.index if (first.at[s, "kind"] == "quotation") == (name == "dropped")
        )
        for s in sorted(rng.sample(pool, min(size, len(pool)))):
            rows.append((name, s, first.at[s, "kind"], shape.get(s, ""), int(n_reports[s]),
                         first.at[s, "first_context"], old.get(s, "")))  # fmt: skip
    frame = pd.DataFrame(rows, columns=SAMPLE_COLUMNS)
    frame.to_csv(path, sep="\t", index=False, lineterminator="\n")
    populations = {"listed": int((first["kind"] != "quotation").sum())}
    populations["dropped"] = len(first) - populations["listed"]
    judged = frame[frame["judgement"].isin(["tifa", "not"])]
    print(f"sample: {path} ({len(judged)} of {len(frame)} judged)")
    if len(judged) == len(frame):
        share = {n: (g["judgement"] == "tifa").mean() for n, g in frame.groupby("sample")}
        true_listed = share["listed"] * populations["listed"]
        true_dropped = share.get("dropped", 0.0) * populations["dropped"]
        print(f"precision of the listed sample: {share['listed']:.3f}")
        print(f"recall estimate: {true_listed / (true_listed + true_dropped):.3f}"
              f" (listed {populations['listed']}, dropped {populations['dropped']},"
              f" 提法 among dropped {share.get('dropped', 0.0):.3f})")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="folder (repeatable)")
    ap.add_argument("--sample", type=Path, help="the national sample TSV to write or update")
    ap.add_argument("--seed", type=int, default=27)
    args = ap.parse_args()
    for folder in args.corpus or DEFAULT:
        found, counts = run(folder)
        print(f"== {folder.name}: {counts['doc_id'].nunique()} reports")
        print(per_kind(found, counts).to_string(index=False))
        if args.sample is not None and folder.name == "national":
            write_sample(counts, found, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
