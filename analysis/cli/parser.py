"""The command line's arguments: one sub-parser per verb, each bound to its command."""

from __future__ import annotations

import argparse
from typing import Any

from analysis.cli import commands as c
from analysis.common.io import FORMATS
from analysis.run.options import DEFAULT_TOPICS, jobs_option, n_topics_option, positive

__all__ = ["build_parser"]


def _files(p: argparse.ArgumentParser, *, fmt: bool = True) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="report .txt files")
    if fmt:
        p.add_argument("--format", choices=FORMATS, default="table", help="output (table)")


def _speed(p: argparse.ArgumentParser, *, segmenter: str = "--engine") -> None:
    p.add_argument(
        "--jobs", type=jobs_option, default=-1, help="worker processes (default -1: all cores)"
    )
    p.add_argument(
        segmenter,
        dest="engine",
        choices=("rjieba", "jieba"),
        default="rjieba",
        help="segmenter (rjieba)",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write .cache/")


def _add_glossary(sub: Any) -> None:
    g = sub.add_parser("glossary", help="extract or build the 名词解释 glossary")
    gsub = g.add_subparsers(dest="action", required=True)
    ge = gsub.add_parser("extract", help="print the glossary entries of report files")
    _files(ge)
    ge.add_argument("--no-cache", action="store_true", help="neither read nor write .cache/")
    ge.set_defaults(func=c.cmd_glossary_extract)
    gb = gsub.add_parser("build", help="write glossary/ for a corpus folder")
    gb.add_argument("--corpus", help="folder of .txt reports (default: seeds/)")
    gb.add_argument("--out", help="output folder (default: glossary/ for the seeds)")
    gb.set_defaults(func=c.cmd_glossary_build)
    lk = sub.add_parser("lookup", help="look a term up in the glossary")
    lk.add_argument("term")
    lk.add_argument("--format", choices=("text", "json"), default="text")
    lk.add_argument("--glossary", help="glossary folder (default: glossary/)")
    lk.set_defaults(func=c.cmd_lookup)


def _add_terms(sub: Any) -> None:
    sl = sub.add_parser("slogans", help="numeric formulas and quoted 提法 per report")
    _files(sl)
    sl.add_argument(
        "--across",
        action="store_true",
        help="one row per slogan across the reports, most used first",
    )
    sl.add_argument("--no-cache", action="store_true", help="neither read nor write .cache/")
    sl.set_defaults(func=c.cmd_slogans)
    tg = sub.add_parser("targets", help="the year's targets and last year's results")
    _files(tg)
    tg.add_argument("--no-cache", action="store_true", help="neither read nor write .cache/")
    tg.set_defaults(func=c.cmd_targets)
    lc = sub.add_parser("lifecycle", help="each 提法's first and last year, peak, spread")
    _files(lc)
    lc.add_argument("--top", type=positive("--top"), default=20, help="terms, most reports first")
    lc.add_argument("--no-cache", action="store_true", help="neither read nor write .cache/")
    lc.set_defaults(func=c.cmd_lifecycle)
    tk = sub.add_parser("tokenize", help="segment reports, one output line per paragraph")
    _files(tk, fmt=False)
    tk.add_argument("--format", choices=("text", *FORMATS), default="text")
    _speed(tk)
    tk.set_defaults(func=c.cmd_tokenize)


def _add_models(sub: Any) -> None:
    kw = sub.add_parser("keywords", help="TF-IDF keywords per report or group")
    _files(kw)
    kw.add_argument("--top", type=positive("--top"), default=20, help="keywords per group")
    kw.add_argument("--by", default="doc", help="doc or a corpus column: year, level, kind, ...")
    kw.add_argument("--min-count", type=positive("--min-count"), default=3)
    kw.add_argument("--keep-places", action="store_true", help="keep the reports' own places")
    _speed(kw)
    kw.set_defaults(func=c.cmd_keywords)
    tp = sub.add_parser("topics", help="LDA topics over the reports' paragraphs")
    _files(tp)
    tp.add_argument(
        "--k", type=n_topics_option, help=f"number of topics (default {DEFAULT_TOPICS})"
    )
    tp.add_argument("--k-range", help="A:B, fit each K and pick one by coherence")
    tp.add_argument("--seed", type=int, default=0)
    tp.add_argument(
        "--engine",
        dest="lda_engine",
        choices=("tomotopy", "gensim"),
        default="tomotopy",
        help="LDA engine (tomotopy: Gibbs sampling; gensim: variational Bayes)",
    )
    tp.add_argument(
        "--iterations",
        type=positive("--iterations"),
        help="tomotopy: sampling sweeps (200; fewer, at least 30, past a million tokens); "
        "gensim: iterations per paragraph (100)",
    )
    tp.add_argument("--passes", type=positive("--passes"), help="gensim only: passes (10)")
    tp.add_argument("--top", type=positive("--top"), default=10, help="terms shown per topic")
    tp.add_argument(
        "--coherence",
        action="store_true",
        help="score one K's topics by c_v, c_npmi and u_mass (always done with --k-range)",
    )
    _speed(tp, segmenter="--segmenter")
    tp.set_defaults(func=c.cmd_topics)


def _add_admin(sub: Any) -> None:
    rp = sub.add_parser("report", help="execute the notebooks into HTML reports")
    rp.add_argument("--corpus", help="folder of .txt reports (default: seeds/)")
    rp.add_argument("--out", help="output folder (default: reports/)")
    rp.add_argument("--with-code", action="store_true", help="show the code cells in the pages")
    rp.set_defaults(func=c.cmd_report)
    ca = sub.add_parser("cache", help="manage the cache in .cache/")
    csub = ca.add_subparsers(dest="action", required=True)
    cc = csub.add_parser("clear", help="delete everything the cache holds")
    cc.set_defaults(func=c.cmd_cache_clear)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Topics and terminology of Chinese government work reports.",
    )
    sub = p.add_subparsers(dest="verb", required=True)
    for add in (_add_glossary, _add_terms, _add_models, _add_admin):
        add(sub)
    return p
