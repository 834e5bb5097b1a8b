"""The word lists in ``analysis/resources/``: stopword tiers and national slogans.

Each list is a text file, one word per line, ``#`` starting a comment; adding a word is one
line in one file. Nothing is cached at module level: callers keep what they load.
"""

from __future__ import annotations

from analysis.paths import RESOURCES_DIR

__all__ = ["STOPWORD_TIERS", "load_wordlist", "national_slogans", "stopwords"]

#: Stopword tier -> resource file.
STOPWORD_TIERS = {
    "function_words": "stopwords_function.txt",
    "report_phrases": "stopwords_report.txt",
    "policy_verbs": "policy_verbs.txt",
}


def load_wordlist(name: str) -> frozenset[str]:
    """Read a word list from ``analysis/resources`` (one word per line, ``#`` comments).

    Parameters
    ----------
    name : str
        File name, e.g. ``stopwords_function.txt``.

    Returns
    -------
    frozenset of str
        The words.
    """
    text = (RESOURCES_DIR / name).read_text(encoding="utf-8")
    return frozenset(
        ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
    )


def stopwords(*tiers: str) -> frozenset[str]:
    """The union of the named stopword tiers.

    Parameters
    ----------
    *tiers : str
        Keys of :data:`STOPWORD_TIERS` (``function_words``, ``report_phrases``,
        ``policy_verbs``).

    Returns
    -------
    frozenset of str
        The words of those tiers.
    """
    unknown = [t for t in tiers if t not in STOPWORD_TIERS]
    if unknown:
        raise ValueError(
            f"unknown stopword tier {unknown[0]!r}; choose from {sorted(STOPWORD_TIERS)}"
        )
    words: set[str] = set()
    for tier in tiers:
        words |= load_wordlist(STOPWORD_TIERS[tier])
    return frozenset(words)


def national_slogans() -> frozenset[str]:
    """Well-known national numeric formulas, from ``resources/national_slogans.txt``.

    Returns
    -------
    frozenset of str
        Slogans such as 十四五, 四个意识, 两个维护, 一带一路.
    """
    return load_wordlist("national_slogans.txt")
