"""Own places, dates and fragments among the keywords of the provincial and national reports.

    python bench/keyword_places.py [--provinces DIR] [--national DIR] [--top 15]
                                   [--score-provinces CSV] [--score-national CSV] [--show]

Runs ``python -m analysis keywords FILES --top N --format csv`` on the 31 provincial reports of
2026, on the national reports (1954–2026) and on four of them (1954, 1980, 2000, 2020), and
prints:

- ``own_place_rows``: keyword rows naming the report's own region or a place inside it. The
  check is stricter than the package's: every division of the region in ``gazetteer.csv``
  counts with its full name and its name without the unit (the ambiguous short forms the
  package leaves out included: 朝阳, 平安), wrapped or not (中共XX市委, XX市人民政府);
- ``other_place_rows``: rows naming a division of another region (these stay keywords);
- ``years``: rows that are a year in any notation (2025年, 一九五四年, 二〇二四, 1954);
- ``time_words`` and ``fragments``: rows among the time words, function words and fragments
  reported on these corpora (上一年, 本年, 往前, 升至, 更足, 1-11 ...);
- ``function_words``: rows that are words of the function-word tier as it is now;
- ``places_listed_apart``: the own places the output lists apart (its ``places`` column).

``--score-provinces``, ``--score-national`` and ``--score-sample`` score a saved
``--format csv`` output instead (an older version's, to compare).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build_gazetteer import stem  # noqa: E402

from analysis.common.patterns import CN_NUMERALS, CN_ZERO  # noqa: E402
from analysis.common.wordlists import gazetteer, regions, stopwords  # noqa: E402
from analysis.read.metadata import is_own_place  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
SAMPLE_YEARS = ("1954", "1980", "2000", "2020")
#: The time words, function words and fragments reported on these corpora.
_TIME_WORDS = "上一年 本年 年本 十二年 上年 去年同期 上半年 下世纪初"
TIME_WORDS = frozenset(_TIME_WORDS.split())
_FRAGMENTS = "往前 升至 更足 来源于 中积 1-11 目前 以后 包括 认为 可以"
FRAGMENTS = frozenset(_FRAGMENTS.split())
_DIGITS = f"{CN_ZERO}{CN_NUMERALS[:9]}"
YEAR = re.compile(rf"(?:1[89]|20)\d\d年?|[{_DIGITS}]{{4}}年?|[{_DIGITS}]{{2}}年代|\d\d年代")


def own_names() -> dict[str, frozenset[str]]:
    """Region -> every name of it and of its divisions (full, and less the unit)."""
    names: dict[str, set[str]] = {}
    for r in regions():
        names[r.name] = {r.name, r.short, *r.abbr, *r.literary}
    for p in gazetteer():
        short = stem(p.name, p.type)
        names[p.region] |= {p.name, *([short] if len(short) >= 2 else [])}
    return {k: frozenset(v) for k, v in names.items()}


def run_keywords(files: list[Path], top: int) -> list[dict[str, str]]:
    """The rows of ``keywords --format csv`` (the own places left out in column ``places``)."""
    cmd = [sys.executable, "-m", "analysis", "keywords", *map(str, files), "--top", str(top)]
    out = subprocess.run(
        [*cmd, "--format", "csv"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return list(csv.DictReader(io.StringIO(out.stdout)))


def region_of(doc: str) -> str:
    """The region in a file name ``2026_内蒙古自治区_政府工作报告.txt``."""
    parts = doc.split("_")
    return parts[1] if len(parts) > 2 else ""


def score(rows: list[dict[str, str]], names: dict[str, frozenset[str]]) -> dict:
    """The counts of one keywords output (see the module's docstring)."""
    everywhere = frozenset().union(*names.values())
    function = stopwords("function_words")
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    apart = {row["doc"]: row.get("places", "") for row in rows}
    counts["places_listed_apart"] = sum(len(v.split()) for v in apart.values())
    for row in rows:
        term, own = row["term"], names.get(region_of(row["doc"]), frozenset())
        checks = {
            "own_place_rows": is_own_place(term, own),
            "other_place_rows": not is_own_place(term, own) and is_own_place(term, everywhere),
            "years": YEAR.fullmatch(term) is not None,
            "time_words": term in TIME_WORDS,
            "fragments": term in FRAGMENTS,
            "function_words": term in function,
        }
        counts["rows"] += 1
        for name, hit in checks.items():
            if hit:
                counts[name] += 1
                examples.setdefault(name, []).append(f"{row['doc'][:4]}:{term}")
    counts["reports"] = len({r["doc"] for r in rows})
    share = counts["own_place_rows"] / counts["rows"] if counts["rows"] else 0.0
    return {"counts": dict(counts), "own_place_share": round(share, 4), "examples": examples}


def _rows(saved: str | None, files: list[Path], top: int) -> list[dict[str, str]]:
    if saved:
        with open(saved, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return run_keywords(files, top)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--provinces", default=str(CORPORA / "provinces-2026"))
    ap.add_argument("--national", default=str(CORPORA / "national"))
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--score-provinces", help="score this saved csv output instead")
    ap.add_argument("--score-national", help="score this saved csv output instead")
    ap.add_argument("--score-sample", help="score this saved csv output of the four instead")
    ap.add_argument("--show", action="store_true", help="print the examples too")
    args = ap.parse_args()
    names = own_names()
    national = sorted(Path(args.national).glob("*.txt"))
    sample = [f for f in national if f.name[:4] in SAMPLE_YEARS]
    runs = {
        "provinces": _rows(
            args.score_provinces, sorted(Path(args.provinces).glob("*.txt")), args.top
        ),
        "national": _rows(args.score_national, national, args.top),
        "national_sample": _rows(args.score_sample, sample, args.top),
    }
    report = {name: score(rows, names) for name, rows in runs.items() if rows}
    if not args.show:
        for result in report.values():
            result["examples"] = {k: v[:10] for k, v in result["examples"].items()}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
