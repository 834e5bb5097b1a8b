"""Reading: files -> corpus (one row per report, metadata, normalised text) -> paragraphs
(body, glossary, appendix, boilerplate labelled).

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "CATALOG_YEARS": "analysis.read.catalog",
    "CORPUS_COLUMNS": "analysis.read.corpus",
    "CorpusError": "analysis.read.corpus",
    "CorpusWarning": "analysis.read.corpus",
    "EmptyReportError": "analysis.read.corpus",
    "LEVELS": "analysis.read.metadata",
    "METADATA_FIELDS": "analysis.read.corpus",
    "NOT_REPORT_SUFFIXES": "analysis.read.encoding",
    "OWN_PLACE_AFFIXES": "analysis.read.metadata",
    "PARAGRAPH_COLUMNS": "analysis.read.corpus",
    "boilerplate_rule": "analysis.read.corpus",
    "changing_chars": "analysis.read.encoding",
    "check_report_path": "analysis.read.corpus",
    "decode_bytes": "analysis.read.corpus",
    "infer_metadata": "analysis.read.metadata",
    "is_boilerplate": "analysis.read.corpus",
    "is_glossary_heading": "analysis.read.corpus",
    "is_own_place": "analysis.read.metadata",
    "is_section_heading": "analysis.read.corpus",
    "is_traditional": "analysis.read.corpus",
    "normalize_text": "analysis.read.corpus",
    "place_names": "analysis.read.metadata",
    "read_catalog": "analysis.read.catalog",
    "read_corpus": "analysis.read.corpus",
    "read_report": "analysis.read.corpus",
    "region_names": "analysis.read.metadata",
    "split_paragraphs": "analysis.read.corpus",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
