"""The command line: ``python -m analysis VERB ...`` (contract in the README).

Each verb parses its arguments (:mod:`analysis.cli.parser`), calls one function of the package
and prints the frame it returns (:mod:`analysis.cli.commands`).
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence

from analysis.cli.commands import CliError, error_sentence
from analysis.cli.parser import build_parser
from analysis.run.options import capped_jobs

__all__ = ["CliError", "main"]


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
    try:
        args = build_parser().parse_args(argv)
        capped_jobs(args)
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning  # restored when the block ends
            return int(args.func(args))
    except (CliError, ValueError, OSError, RuntimeError) as exc:
        if isinstance(exc, BrokenPipeError):  # e.g. piped into head
            return 0
        sys.stderr.write(f"error: {error_sentence(exc)}\n")
        return 2
