"""The command line's verbs: each calls one function of the package and prints the frame it
returns. Where outputs go, what is cached and which columns a table has are decided in the
package (``common.paths``, ``run.steps`` and the step modules), not here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.run.keys import Keys
from analysis.run.options import (
    BY_COLUMNS,
    DEFAULT_TOPICS,
    CliError,
    k_range,
)

__all__ = [
    "CliError",
    "cmd_cache_clear",
    "cmd_glossary_build",
    "cmd_glossary_extract",
    "cmd_keywords",
    "cmd_lifecycle",
    "cmd_lookup",
    "cmd_report",
    "cmd_slogans",
    "cmd_targets",
    "cmd_tokenize",
    "cmd_topics",
    "error_sentence",
]


def error_sentence(exc: BaseException) -> str:
    """One sentence for an error: an I/O error names its file and what to do, without
    ``[Errno N]``; a worker's failure is told by its cause."""
    from analysis.common.io import os_reason, what_to_do

    cause = exc.__cause__
    if isinstance(exc, RuntimeError) and isinstance(cause, (ValueError, OSError)):
        return error_sentence(cause)
    if isinstance(exc, OSError) and exc.errno is not None:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{os_reason(exc)}; {what_to_do(exc)}"
    return str(exc)


# --------------------------------------------------------------------------- output


def _render(frame: Any, fmt: str, corpus: Any = None) -> str:
    """A frame as text; a ``doc_id`` column is shown as ``doc``, the report's file name."""
    from analysis.common.io import format_frame

    if corpus is not None and "doc_id" in frame.columns:
        files = dict(zip(corpus["doc_id"], corpus["file"], strict=True))
        frame = frame.assign(doc_id=frame["doc_id"].map(files)).rename(columns={"doc_id": "doc"})
    return format_frame(frame, fmt)


#: Options that never change a command's output.
_NOT_OUTPUT_OPTIONS = ("func", "files", "no_cache", "jobs")


def _print_result(args: argparse.Namespace, run: Callable[[Keys], tuple[str, str]]) -> int:
    """Print what ``run`` produces, replayed from the cache when the files have not changed.

    The files are read and hashed once (:func:`analysis.run.keys.report_keys`); ``run`` is
    given their keys, so that its steps do not read them again to key their entries."""
    from analysis.read.encoding import check_report_path
    from analysis.run.keys import code_fingerprint, report_keys
    from analysis.run.replay import output_key, replay_or_run

    files = [Path(f) for f in args.files]
    for path in files:
        check_report_path(path)
    options = {k: v for k, v in vars(args).items() if k not in _NOT_OUTPUT_OPTIONS}
    keys = None if args.no_cache else report_keys(files, code_fingerprint())
    key = None if keys is None else output_key(args.verb, files, options, keys)
    out, err = replay_or_run(key, lambda: run(keys))
    sys.stdout.write(out)
    sys.stderr.write(err)
    return 0


def _extracted(args: argparse.Namespace, keys: Keys) -> Any:
    """The corpus and its extraction steps, from the per-file cache unless ``--no-cache``."""
    from analysis.run.steps import extract_steps

    files = [Path(f) for f in args.files]
    return extract_steps(files, n_jobs=-1, cache=not args.no_cache, keys=keys)


def _terms(args: argparse.Namespace, keys: Keys) -> Any:
    """The corpus's metadata and its body's filtered paragraph × term matrix (cached)."""
    from analysis.run.bag import corpus_terms

    files = [Path(f) for f in args.files]
    cache = not args.no_cache
    return corpus_terms(files, engine=args.engine, n_jobs=args.jobs, cache=cache, keys=keys)


def _segmented(
    args: argparse.Namespace,
    keys: Keys,
    sections: tuple[str, ...] | None = None,
    *,
    joined: bool = False,
) -> Any:
    """Every step up to the tokens (of all sections but boilerplate, or those given; each
    paragraph's tokens as one space-separated string when ``joined``)."""
    from analysis.run.steps import TOKEN_SECTIONS, corpus_steps

    return corpus_steps(
        [Path(f) for f in args.files],
        engine=args.engine,
        n_jobs=args.jobs,
        cache=not args.no_cache,
        sections=sections or TOKEN_SECTIONS,
        joined=joined,
        keys=keys,
    )


# --------------------------------------------------------------------------- verbs


def cmd_glossary_extract(args: argparse.Namespace) -> int:
    def run(keys: Keys) -> tuple[str, str]:
        from analysis.terms.glossary import OUTPUT_COLUMNS

        steps = _extracted(args, keys)
        out = steps.glossary[OUTPUT_COLUMNS]
        if args.format == "table":
            out = out.assign(definition=out["definition"].str.slice(0, 40))
        return _render(out, args.format, steps.corpus), ""

    return _print_result(args, run)


def cmd_glossary_build(args: argparse.Namespace) -> int:
    from analysis.common.paths import glossary_out
    from analysis.run.steps import extract_steps
    from analysis.terms.glossary import build_glossary

    steps = extract_steps(args.corpus)
    out = glossary_out(args.corpus, args.out)
    entries = build_glossary(steps.glossary, steps.paragraphs, out)
    touched = int((entries["curated"] != "").sum())
    print(
        f"wrote {out / 'glossary.csv'}: {len(entries)} entries from "
        f"{entries['doc_id'].nunique()} of {len(steps.corpus)} reports ({touched} curated)"
    )
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from analysis.terms.glossary import Glossary

    glossary = Glossary.load(args.glossary) if args.glossary else Glossary.load()
    hits = glossary.lookup(args.term)
    if hits:
        if args.format == "json":
            print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        else:
            print("\n\n".join(str(h) for h in hits))
        return 0
    suggestions = glossary.suggest(args.term)
    if args.format == "json":
        print(json.dumps({"found": False, "suggestions": suggestions}, ensure_ascii=False))
    else:
        tail = f"; close matches: {', '.join(suggestions)}" if suggestions else ""
        print(f"not found: {args.term}{tail}")
    return 1


def cmd_slogans(args: argparse.Namespace) -> int:
    def run(keys: Keys) -> tuple[str, str]:
        from analysis.terms.slogans.find import COUNT_COLUMNS, count_slogans, slogan_table

        steps = _extracted(args, keys)
        counts = count_slogans(steps.paragraphs, steps.slogans, steps.glossary)
        if args.across:
            table = slogan_table(steps.corpus, counts).drop(columns="reports")
            return _render(table, args.format), ""
        return _render(counts[COUNT_COLUMNS], args.format, steps.corpus), ""

    return _print_result(args, run)


def cmd_tokenize(args: argparse.Namespace) -> int:
    def run(keys: Keys) -> tuple[str, str]:
        if args.format == "text":
            lines = _segmented(args, keys, joined=True).tokens["tokens"]
            return "".join(f"{line}\n" for line in lines), ""
        steps = _segmented(args, keys)
        frame = steps.tokens[["doc_id", "para_id", "tokens"]]
        return _render(frame, args.format, steps.corpus), ""

    return _print_result(args, run)


def cmd_keywords(args: argparse.Namespace) -> int:
    if args.by not in BY_COLUMNS:
        raise CliError(
            f"--by {args.by}: not a corpus column to group reports by (choose one of "
            f"{', '.join(BY_COLUMNS)})"
        )

    def run(keys: Keys) -> tuple[str, str]:
        from analysis.measure.counts import count_terms
        from analysis.measure.keywords import rank_keywords, rank_places

        steps = _terms(args, keys)
        counts = count_terms(steps.terms, by=args.by, corpus=steps.corpus)
        ranked = rank_keywords(
            counts, top_n=args.top, keep_places=args.keep_places, min_count=args.min_count
        )
        corpus = steps.corpus if args.by == "doc" else None
        places = rank_places(counts, top_n=args.top, min_count=args.min_count)
        if args.keep_places:
            places = places.iloc[:0]
        if args.format == "table" and args.keep_places:
            return _render(ranked, "table", corpus), ""
        if args.format == "table":
            head = "\nown places, left out above (--keep-places ranks them with the keywords):\n"
            return _render(ranked, "table", corpus) + head + _render(places, "table", corpus), ""
        # csv and jsonl: one row per keyword, the group's own places in a column of their own
        listed = {
            key: " ".join(f"{t}:{c}" for t, c in zip(g["term"], g["count"], strict=True))
            for key, g in places.groupby(counts.by, sort=False)
        }
        ranked = ranked.assign(places=ranked[counts.by].map(listed).fillna(""))
        return _render(ranked, args.format, corpus), ""

    return _print_result(args, run)


def cmd_topics(args: argparse.Namespace) -> int:
    if args.k is not None and args.k_range:
        raise CliError(
            "--k and --k-range cannot be used together: --k fits one number of topics, "
            "--k-range chooses one among several"
        )
    n_topics = k_range(args.k_range) if args.k_range else args.k or DEFAULT_TOPICS

    def run(keys: Keys) -> tuple[str, str]:
        from analysis.common.wordlists import stopwords
        from analysis.measure.topics import topic_records, topic_rows
        from analysis.run.steps import run_topics
        from analysis.terms.tokens import filter_tokens

        coherence = args.coherence or not isinstance(n_topics, int)  # needed to choose K
        # only what is fitted is kept: the corpus and unfiltered tokens are freed first
        if coherence:  # coherence reads the paragraphs' words in order: the token lists
            tokens = filter_tokens(_segmented(args, keys, ("body",)).tokens, policy_verbs=True)
        else:  # the matrix keywords reads too (cached), less the policy verbs
            tokens = _terms(args, keys).terms.without(stopwords("policy_verbs"))
        result = run_topics(
            tokens,
            n_topics=n_topics,
            engine=args.lda_engine,
            random_state=args.seed,
            iterations=args.iterations,
            passes=args.passes,
            coherence=coherence,
            n_jobs=args.jobs,
        )
        if args.format == "table":
            terms = result.topic_terms[result.topic_terms["rank"] <= args.top]
            return _topic_summary(result) + _render(terms, "table"), ""
        if args.format == "jsonl":
            lines = (json.dumps(r, ensure_ascii=False) for r in topic_records(result, args.top))
            return "".join(f"{line}\n" for line in lines), ""
        return _render(topic_rows(result, args.top), args.format), _topic_summary(result)

    return _print_result(args, run)


def _topic_summary(result: Any) -> str:
    """K, its coherence, the sweep over K (if any) and each topic's labels."""
    scores = "  ".join(f"{k}={v:.3f}" for k, v in result.coherence.items())
    text = f"K={result.n_topics}  {scores}".rstrip() + "\n"
    if result.sweep is not None:
        text += _render(result.sweep.round(3), "table")
    return text + _render(result.labels, "table")


def cmd_targets(args: argparse.Namespace) -> int:
    def run(keys: Keys) -> tuple[str, str]:
        from analysis.measure.targets import TARGET_COLUMNS, extract_targets

        steps = _extracted(args, keys)
        targets = extract_targets(steps.corpus, steps.paragraphs)
        return _render(targets[TARGET_COLUMNS], args.format, steps.corpus), ""

    return _print_result(args, run)


def cmd_lifecycle(args: argparse.Namespace) -> int:
    def run(keys: Keys) -> tuple[str, str]:
        from analysis.measure.panel import term_lifecycle, term_usage

        steps = _extracted(args, keys)
        usage = term_usage(steps.paragraphs, steps.slogans, steps.glossary)
        life = term_lifecycle(usage, steps.corpus, steps.glossary)
        life = life.sort_values(["n_reports", "first_year", "term"], ascending=[False, True, True])
        return _render(life.head(args.top).drop(columns="definition"), args.format), ""

    return _print_result(args, run)


def cmd_report(args: argparse.Namespace) -> int:
    import os

    from analysis.pages.kernels import project_env

    # matplotlib's font list goes inside the project, not into ~/.cache (kernels: the same)
    os.environ.setdefault("MPLCONFIGDIR", project_env()["MPLCONFIGDIR"])
    from analysis.common.paths import reports_out
    from analysis.pages.report import build_reports

    pages = build_reports(args.corpus, reports_out(args.corpus, args.out), with_code=args.with_code)
    for page in pages:
        print(f"wrote {page}")
    return 0


def cmd_cache_clear(args: argparse.Namespace) -> int:
    from analysis.run.steps import clear_cache

    print(f"emptied {clear_cache()}")
    return 0


# --------------------------------------------------------------------------- parser
