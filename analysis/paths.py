"""Where things live: the project root and its data folders."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT: Path = Path(__file__).resolve().parent.parent
RESOURCES_DIR: Path = Path(__file__).resolve().parent / "resources"
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
GLOSSARY_DIR: Path = PROJECT_ROOT / "glossary"
CACHE_DIR: Path = Path(os.environ.get("ANALYSIS_CACHE_DIR", PROJECT_ROOT / ".cache"))
REPORTS_DIR: Path = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"

#: Environment variable naming the corpus folder the notebooks read (set by ``report``).
CORPUS_ENV: str = "ANALYSIS_CORPUS"
#: Environment variable naming the glossary folder the notebooks read (set by ``report``).
GLOSSARY_ENV: str = "ANALYSIS_GLOSSARY"


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
