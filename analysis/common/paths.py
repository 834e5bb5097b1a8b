"""Where things live: the project folders, and where a corpus's outputs go.

The output-folder policy (``--out`` rules) lives here, not in the command line: the seeds'
glossary is the committed ``glossary/``; another corpus's glossary and pages go under
``reports/<folder name>/`` unless the user names a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT: Path = Path(__file__).resolve().parents[2]
RESOURCES_DIR: Path = Path(__file__).resolve().parent / "resources"
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
GLOSSARY_DIR: Path = PROJECT_ROOT / "glossary"
REPORTS_DIR: Path = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"

#: Environment variable naming the corpus folder the notebooks read (set by ``report``).
CORPUS_ENV: str = "ANALYSIS_CORPUS"
#: Environment variable naming the glossary folder the notebooks read (set by ``report``).
GLOSSARY_ENV: str = "ANALYSIS_GLOSSARY"
#: Environment variable naming the cache folder (default ``.cache/`` in the project).
CACHE_ENV: str = "ANALYSIS_CACHE_DIR"
#: Where ``report`` keeps the full tables its pages show the first rows of (``tables/`` beside
#: the pages); unset in JupyterLab, where a notebook shows every table whole.
TABLES_ENV: str = "ANALYSIS_TABLES"


def cache_dir() -> Path:
    """Return the cache folder, read from the environment at call time.

    Returns
    -------
    Path
        ``$ANALYSIS_CACHE_DIR`` when set, otherwise ``.cache/`` in the project root.
    """
    value = os.environ.get(CACHE_ENV)
    return Path(value) if value else PROJECT_ROOT / ".cache"


def corpus_dir() -> Path:
    """Return the corpus folder the notebooks should read.

    Returns
    -------
    Path
        ``$ANALYSIS_CORPUS`` when set, otherwise :data:`SEEDS_DIR`.
    """
    value = os.environ.get(CORPUS_ENV)
    return Path(value) if value else SEEDS_DIR


def glossary_dir() -> Path:
    """Return the glossary folder the notebooks should read.

    Returns
    -------
    Path
        ``$ANALYSIS_GLOSSARY`` when set, otherwise :data:`GLOSSARY_DIR`.
    """
    value = os.environ.get(GLOSSARY_ENV)
    return Path(value) if value else GLOSSARY_DIR


def is_seeds(corpus: str | Path | None) -> bool:
    """Tell whether a corpus folder is the project's seeds (None means the seeds).

    Parameters
    ----------
    corpus : str, Path or None
        A corpus folder.

    Returns
    -------
    bool
        True for None or the seeds folder.
    """
    return corpus is None or Path(corpus).resolve() == SEEDS_DIR.resolve()


def reports_out(corpus: str | Path | None, out: str | Path | None = None) -> Path:
    """Where ``report`` writes the pages of a corpus.

    Parameters
    ----------
    corpus : str, Path or None
        The corpus folder (None: the seeds).
    out : str or Path, optional
        The folder the user asked for; wins when given.

    Returns
    -------
    Path
        ``out``; ``reports/`` for the seeds; ``reports/<folder name>/`` for another corpus.
    """
    if out:
        return Path(out)
    if is_seeds(corpus):
        return REPORTS_DIR
    return REPORTS_DIR / Path(corpus).resolve().name  # type: ignore[arg-type]


def glossary_out(
    corpus: str | Path | None, out: str | Path | None = None, *, pages: str | Path | None = None
) -> Path:
    """Where ``glossary build`` and ``report`` write a corpus's glossary.

    Parameters
    ----------
    corpus : str, Path or None
        The corpus folder (None: the seeds).
    out : str or Path, optional
        The folder the user asked for (``glossary build --out``); wins when given.
    pages : str or Path, optional
        The folder of the corpus's pages (``report --out``), when the glossary goes beside them.

    Returns
    -------
    Path
        ``out``; the committed ``glossary/`` for the seeds; ``<pages>/glossary`` (default
        ``reports/<folder name>/glossary``) for another corpus, never the committed folder.
    """
    if out:
        return Path(out)
    if is_seeds(corpus):
        return GLOSSARY_DIR
    return Path(pages or reports_out(corpus)) / "glossary"
