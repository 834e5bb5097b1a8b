"""GDP growth targets and results year by year, and the metadata behind them, as counts.

    python bench/targets_panel.py [--national DIR] [--provinces DIR ...] [--show]

Default corpora: ``../shared/corpora/national`` and ``../shared/corpora/provinces-1998-2023``
beside the repository. For each folder it prints:

- ``reports``, and how many have the region their file name gives (``YEAR_<region>_...``:
  全国 for the national folder) with a level (国家 for 全国), and a kind;
- ``gdp_target_years``: report years with a GDP growth target (a ``target`` row of an indicator
  of the measure 生产总值 — 地区生产总值, 国内生产总值, 国民生产总值, 经济增长 — in %);
- ``gdp_result_years``: years with a GDP growth result (a ``result`` row, dated by the year it
  is about, from the next year's report);
- ``said_and_done``: years with both (the join of ``compare_targets``);
- ``gdp_rows_from_energy_or_per_capita``: GDP rows whose clause is about 能耗 or 人均 (should
  be 0).

``--show`` adds the national panel: one line per year with the target as written, the result
and the clause each was read from.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

BENCH_DIR = Path(__file__).resolve().parent
CORPORA = BENCH_DIR.parent.parent / "shared" / "corpora"


def _gdp(targets: pd.DataFrame) -> pd.DataFrame:
    from analysis.measure.targets import MEASURES

    is_gdp = [MEASURES.get(i) == "生产总值" for i in targets["indicator"]]
    return targets[pd.Series(is_gdp, index=targets.index, dtype=bool) & (targets["unit"] == "%")]


def _expected_region(file_name: str) -> str:
    parts = file_name.split("_")
    return parts[1] if len(parts) > 2 else ""


def measure(folder: Path) -> tuple[dict[str, int], pd.DataFrame]:
    """Counts for one folder and its GDP rows (first per report and section)."""
    from analysis.measure.targets import compare_targets, extract_targets
    from analysis.read.corpus import read_corpus, split_paragraphs

    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = read_corpus(folder)
    targets = extract_targets(corpus, split_paragraphs(corpus))
    expected = corpus["file"].map(_expected_region)
    national = expected == "全国"
    level_ok = corpus["level"].where(~national, corpus["level"] == "国家") != ""
    gdp = _gdp(targets).drop_duplicates(["doc_id", "section"])
    said = gdp[gdp["section"] == "target"]
    done = gdp[gdp["section"] == "result"]
    pairs = _gdp(compare_targets(targets)).drop_duplicates(["region", "year"])
    counts = {
        "reports": len(corpus),
        "region_right": int((corpus["region"] == expected).sum()),
        "level_right": int(level_ok.astype(bool).sum()),
        "kind_given": int((corpus["kind"] != "").sum()),
        "gdp_target_years": said[["region", "year"]].drop_duplicates().shape[0],
        "gdp_result_years": done[["region", "year"]].drop_duplicates().shape[0],
        "said_and_done": len(pairs),
        "gdp_rows_from_energy_or_per_capita": int(
            _gdp(targets)["text"].str.contains("能耗|人均").sum()
        ),
        "seconds": round(time.perf_counter() - started, 1),
    }
    return counts, gdp


def _panel(gdp: pd.DataFrame) -> pd.DataFrame:
    from analysis.measure.targets import targets_wide

    said = gdp[gdp["section"] == "target"]
    wide = targets_wide(said) if len(said) else pd.DataFrame()
    cells = {key: next((c for c in row if c), "") for key, row in wide.iterrows()}
    done = gdp[gdp["section"] == "result"].set_index("year")
    years = sorted(set(said["year"].dropna()) | set(done.index.dropna()))
    rows = []
    for year in years:
        key = ("全国", str(year))
        target = cells.get(key, "")
        result = done["low"].get(year, "")
        rows.append({"year": year, "target": target, "result": result})
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the counts for the national folder and the provincial folders."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", type=Path, default=CORPORA / "national")
    parser.add_argument(
        "--provinces", type=Path, nargs="*", default=[CORPORA / "provinces-1998-2023"]
    )
    parser.add_argument("--show", action="store_true", help="print the national panel")
    args = parser.parse_args(argv)
    for folder in [args.national, *args.provinces]:
        if not folder.is_dir():
            print(f"{folder}: no such folder", file=sys.stderr)
            return 2
        counts, gdp = measure(folder)
        print(f"{folder.name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        if args.show and folder == args.national:
            print(_panel(gdp).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
