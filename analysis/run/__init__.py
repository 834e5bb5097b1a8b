"""Running the steps: the composed steps with their data-only cache, segmentation and
extraction over many reports, and the one pool of worker processes.

The names later layers may use are listed here and imported on first use (so importing
the package loads nothing heavy); everything else is private to the package.
"""

from __future__ import annotations

from analysis.common.lazy import lazy_exports

#: Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    "BY_COLUMNS": "analysis.run.options",
    "CACHE_FORMAT": "analysis.run.cache",
    "Cache": "analysis.run.cache",
    "CacheError": "analysis.run.cache",
    "CliError": "analysis.run.options",
    "CorpusSteps": "analysis.run.steps",
    "DEFAULT_TOPICS": "analysis.run.options",
    "ENTRY_SHAPES": "analysis.run.cache",
    "Extracted": "analysis.run.steps",
    "Extraction": "analysis.run.extraction",
    "FRAMES": "analysis.run.extraction",
    "MAX_SWEEP": "analysis.run.options",
    "MAX_TOPICS": "analysis.run.options",
    "OUTPUTS_LAYER": "analysis.run.replay",
    "PARALLEL_MIN_BYTES": "analysis.run.extraction",
    "PARALLEL_MIN_CHARS": "analysis.run.segment",
    "PARENT_POLL_SECONDS": "analysis.run.pool",
    "REPORTS_LAYER": "analysis.run.extraction",
    "REPORT_FRAMES": "analysis.run.cache",
    "ReportWorkers": "analysis.run.extraction",
    "SEGMENTS_LAYER": "analysis.run.segment",
    "available_cores": "analysis.run.options",
    "capped_jobs": "analysis.run.options",
    "clear_cache": "analysis.run.clear",
    "code_fingerprint": "analysis.run.keys",
    "corpus_steps": "analysis.run.steps",
    "even_runs": "analysis.run.pool",
    "exit_with_parent": "analysis.run.pool",
    "extract_batch": "analysis.run.extraction",
    "extract_steps": "analysis.run.steps",
    "hash_parts": "analysis.run.cache",
    "jobs_option": "analysis.run.options",
    "k_range": "analysis.run.options",
    "load_corpus": "analysis.run.steps",
    "n_topics_option": "analysis.run.options",
    "open_cache": "analysis.run.steps",
    "output_key": "analysis.run.replay",
    "positive": "analysis.run.options",
    "process_pool": "analysis.run.pool",
    "processes": "analysis.run.pool",
    "read_segments": "analysis.run.segment",
    "replay_or_run": "analysis.run.replay",
    "run_topics": "analysis.run.steps",
    "segment_batch": "analysis.run.segment",
    "segment_reports": "analysis.run.segment",
    "segmentation_key": "analysis.run.segment",
    "start_worker": "analysis.run.pool",
    "stop_workers": "analysis.run.pool",
    "tokenize": "analysis.run.segment",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
