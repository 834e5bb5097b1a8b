"""Baseline: plain single-process ``jieba.lcut`` over report files, one output line per line.

    python bench/baselines/plain_jieba.py FILE... > tokens.txt

What a user would write without this package: read each file as UTF-8 and segment every
non-empty line with jieba's default dictionary (its loading is part of the time).
"""

from __future__ import annotations

import sys

import jieba


def main(files: list[str]) -> int:
    """Segment every non-empty line of ``files`` to stdout, tokens separated by spaces."""
    write = sys.stdout.write
    for name in files:
        with open(name, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line:
                    write(" ".join(jieba.lcut(line)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
