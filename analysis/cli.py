"""The command line: ``python -m analysis VERB ...`` (contract in the README)."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.io import FORMATS, write_frame

__all__ = ["main"]


class CliError(Exception):
    """An error to print as one sentence on stderr with exit status 2."""


def _add_format(p: argparse.ArgumentParser, default: str = "table") -> None:
    p.add_argument("--format", choices=FORMATS, default=default, help=f"output (default {default})")


def _read_files(files: Sequence[str]):
    from analysis.corpus import read_corpus

    return read_corpus(list(files))


def _cmd_glossary_extract(args: argparse.Namespace) -> int:
    from analysis.corpus import split_paragraphs
    from analysis.glossary import extract_glossary

    corpus = _read_files(args.files)
    entries = extract_glossary(corpus, split_paragraphs(corpus))
    out = entries.rename(columns={"file": "doc"})[
        [
            "doc",
            "n",
            "term",
            "definition",
            "aliases",
            "display_term",
            "line",
            "mentions",
            "truncated",
        ]
    ]
    if args.format == "table":
        out = out.assign(definition=out["definition"].str.slice(0, 40))
    write_frame(out, args.format, sys.stdout)
    return 0


def _default_out(corpus_dir: Path | None, out: str | None, leaf: str) -> Path:
    from analysis.paths import GLOSSARY_DIR, REPORTS_DIR, SEEDS_DIR

    if out:
        return Path(out)
    if corpus_dir is None or corpus_dir.resolve() == SEEDS_DIR.resolve():
        return GLOSSARY_DIR if leaf == "glossary" else REPORTS_DIR
    base = REPORTS_DIR / corpus_dir.resolve().name
    return base / "glossary" if leaf == "glossary" else base


def _cmd_glossary_build(args: argparse.Namespace) -> int:
    from analysis.corpus import read_corpus, split_paragraphs
    from analysis.glossary import build_glossary
    from analysis.paths import glossary_out

    corpus = read_corpus(args.corpus)
    out = glossary_out(args.corpus, args.out)
    entries = build_glossary(corpus, split_paragraphs(corpus), out)
    touched = int((entries["curated"] != "").sum())
    print(
        f"wrote {out / 'glossary.csv'}: {len(entries)} entries from "
        f"{entries['doc_id'].nunique()} of {len(corpus)} reports ({touched} curated)"
    )
    return 0


def _cmd_lookup(args: argparse.Namespace) -> int:
    from analysis.glossary import Glossary

    path = Path(args.glossary) if args.glossary else None
    glossary = Glossary.load(path) if path else Glossary.load()
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
        msg = f"not found: {args.term}"
        if suggestions:
            msg += "; close matches: " + ", ".join(suggestions)
        print(msg)
    return 1


def _cmd_slogans(args: argparse.Namespace) -> int:
    from analysis.corpus import split_paragraphs
    from analysis.glossary import extract_glossary
    from analysis.slogans import extract_slogans

    corpus = _read_files(args.files)
    paragraphs = split_paragraphs(corpus)
    glossary = extract_glossary(corpus, paragraphs, warn=False)
    slogans = extract_slogans(corpus, paragraphs, glossary)
    out = slogans.merge(corpus[["doc_id", "file"]], on="doc_id").rename(columns={"file": "doc"})
    cols = ["doc", "slogan", "kind", "count", "defined", "first_context"]
    write_frame(out[cols], args.format, sys.stdout)
    return 0


def _cmd_tokenize(args: argparse.Namespace) -> int:
    from analysis.corpus import split_paragraphs
    from analysis.tokens import build_tokenizer, tokenize

    corpus = _read_files(args.files)
    paragraphs = split_paragraphs(corpus)
    paragraphs = paragraphs[paragraphs["section"] != "boilerplate"]
    tok = build_tokenizer(corpus)
    tokens = tokenize(paragraphs, tokenizer=tok, n_jobs=args.jobs, cache=not args.no_cache)
    tokens = tokens.merge(corpus[["doc_id", "file"]], on="doc_id")
    if args.format == "text":
        for row in tokens["tokens"]:
            sys.stdout.write(" ".join(row) + "\n")
        return 0
    out = tokens.rename(columns={"file": "doc"})[["doc", "para_id", "tokens"]]
    write_frame(out, args.format, sys.stdout)
    return 0


def _content_tokens(
    files: Sequence[str], jobs: int, *, policy_verbs: bool = False, keep_places: bool = True
):
    from analysis.corpus import place_names
    from analysis.tokens import corpus_tokens

    corpus = _read_files(files)
    places = () if keep_places else place_names(corpus)
    tokens = corpus_tokens(corpus, n_jobs=jobs, policy_verbs=policy_verbs, extra_stopwords=places)
    return corpus, tokens


def _cmd_keywords(args: argparse.Namespace) -> int:
    from analysis.keywords import rank_keywords

    corpus, tokens = _content_tokens(args.files, args.jobs, keep_places=args.keep_places)
    if args.by != "doc" and args.by not in corpus.columns:
        raise CliError(f"--by {args.by}: not a corpus column ({', '.join(corpus.columns[:8])})")
    ranked = rank_keywords(tokens, by=args.by, corpus=corpus, top_n=args.top)
    if args.by == "doc":
        ranked = ranked.merge(corpus[["doc_id", "file"]], on="doc_id").rename(
            columns={"file": "doc"}
        )
        ranked = ranked[["doc", "rank", "term", "score", "count"]]
    write_frame(ranked.round({"score": 4}), args.format, sys.stdout)
    return 0


def _cmd_topics(args: argparse.Namespace) -> int:
    from analysis.topics import fit_topics

    # policy verbs (推进, 加强, ...) run through every topic; they are left out of topics
    _, tokens = _content_tokens(args.files, args.jobs, policy_verbs=True)
    if args.k_range:
        try:
            a, b = (int(x) for x in args.k_range.split(":"))
        except ValueError as exc:
            raise CliError(f"--k-range {args.k_range}: expected A:B, e.g. 4:10") from exc
        n_topics: int | range = range(a, b + 1)
    else:
        n_topics = args.k
    result = fit_topics(tokens, n_topics=n_topics, random_state=args.seed, passes=args.passes)
    terms = result.topic_terms[result.topic_terms["rank"] <= args.top].round({"weight": 4})
    if args.format == "table":
        print(
            f"K={result.n_topics}  "
            + "  ".join(f"{k}={v:.3f}" for k, v in result.coherence.items())
        )
        if result.sweep is not None:
            print(result.sweep.round(3).to_string(index=False))
        print(result.labels.to_string(index=False))
    write_frame(terms, args.format, sys.stdout)
    if args.format != "table":
        coherence = {"coherence": result.coherence, "n_topics": result.n_topics}
        sys.stderr.write(json.dumps(coherence, ensure_ascii=False) + "\n")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from analysis.report import build_reports

    corpus_dir = Path(args.corpus) if args.corpus else None
    out = _default_out(corpus_dir, args.out, "reports")
    pages = build_reports(corpus_dir, out)
    for page in pages:
        print(f"wrote {page}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Topics and terminology of Chinese government work reports.",
    )
    sub = p.add_subparsers(dest="verb", required=True)

    g = sub.add_parser("glossary", help="extract or build the 名词解释 glossary")
    gsub = g.add_subparsers(dest="action", required=True)
    ge = gsub.add_parser("extract", help="print the glossary entries of report files")
    ge.add_argument("files", nargs="+", metavar="FILE")
    _add_format(ge)
    ge.set_defaults(func=_cmd_glossary_extract)
    gb = gsub.add_parser("build", help="write glossary/ for a corpus folder")
    gb.add_argument("--corpus", help="folder of .txt reports (default: seeds/)")
    gb.add_argument("--out", help="output folder (default: glossary/ for the seeds)")
    gb.set_defaults(func=_cmd_glossary_build)

    lk = sub.add_parser("lookup", help="look a term up in the glossary")
    lk.add_argument("term")
    lk.add_argument("--format", choices=("text", "json"), default="text")
    lk.add_argument("--glossary", help="glossary folder (default: glossary/)")
    lk.set_defaults(func=_cmd_lookup)

    sl = sub.add_parser("slogans", help="numeric formulas and quoted 提法 per report")
    sl.add_argument("files", nargs="+", metavar="FILE")
    _add_format(sl)
    sl.set_defaults(func=_cmd_slogans)

    tk = sub.add_parser("tokenize", help="segment reports, one output line per paragraph")
    tk.add_argument("files", nargs="+", metavar="FILE")
    tk.add_argument("--format", choices=("text", "jsonl", "csv", "table"), default="text")
    tk.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    tk.add_argument("--no-cache", action="store_true", help="do not read or write .cache/")
    tk.set_defaults(func=_cmd_tokenize)

    kw = sub.add_parser("keywords", help="TF-IDF keywords per report or group")
    kw.add_argument("files", nargs="+", metavar="FILE")
    kw.add_argument("--top", type=int, default=20)
    kw.add_argument("--by", default="doc", help="doc or a corpus column: year, level, kind, ...")
    kw.add_argument("--jobs", type=int, default=1)
    kw.add_argument(
        "--keep-places",
        action="store_true",
        help="keep the reports' own place names (青岛, 市南区, ...), dropped by default",
    )
    _add_format(kw)
    kw.set_defaults(func=_cmd_keywords)

    tp = sub.add_parser("topics", help="LDA topics over the reports' paragraphs")
    tp.add_argument("files", nargs="+", metavar="FILE")
    tp.add_argument("--k", type=int, default=8, help="number of topics")
    tp.add_argument("--k-range", help="A:B, fit each K and pick one by coherence")
    tp.add_argument("--seed", type=int, default=0)
    tp.add_argument("--passes", type=int, default=10)
    tp.add_argument("--top", type=int, default=10, help="terms shown per topic")
    tp.add_argument("--jobs", type=int, default=1)
    _add_format(tp)
    tp.set_defaults(func=_cmd_topics)

    rp = sub.add_parser("report", help="execute the notebooks into HTML reports")
    rp.add_argument("--corpus", help="folder of .txt reports (default: seeds/)")
    rp.add_argument("--out", help="output folder (default: reports/)")
    rp.set_defaults(func=_cmd_report)
    return p


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    sys.stderr.write(f"warning: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status: 0 success, 1 lookup found nothing, 2 error.
    """
    from analysis.corpus import CorpusError
    from analysis.report import ReportError

    args = _parser().parse_args(argv)
    warnings.showwarning = _show_warning
    pd.set_option("display.unicode.east_asian_width", True)
    try:
        return int(args.func(args))
    except (CorpusError, CliError, ReportError, ValueError, FileNotFoundError) as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
