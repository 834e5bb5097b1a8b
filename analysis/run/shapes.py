"""What each cache layer holds: the shape a stored value must have to be read back.

:mod:`analysis.run.cache` treats an entry of another shape as damaged (a miss): reading an
entry never trusts it to be what it claims.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

__all__ = ["ARRAY_LAYERS", "ENTRY_SHAPES", "REPORT_FRAMES"]

#: The frames of one file's extraction (``reports`` layer), as :mod:`analysis.run.extraction`
#: keeps them.
REPORT_FRAMES = ("corpus", "paragraphs", "glossary", "slogans")

_CELL_TYPES: Mapping[str, tuple[type, ...]] = MappingProxyType(
    {
        "str": (str, float, type(None)),  # missing text is NaN or None
        "object": (str, int, float, bool, list, dict, type(None)),
        "int64": (int,),
        "Int64": (int, type(None)),
        "bool": (bool,),
        "float64": (int, float, type(None)),
    }
)


def _is_lines(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) for x in value)


def _is_str_map(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _is_output(value: object) -> bool:
    """A command's output entry: the sizes of its stdout and stderr (``Cache.put_texts``)."""
    sizes = value if isinstance(value, list) else []
    return len(sizes) == 2 and all(type(n) is int and n >= 0 for n in sizes)


def _is_column(values: object, dtype: str) -> bool:
    if not isinstance(values, list):
        return False
    types = _CELL_TYPES[dtype]
    if dtype in ("int64", "Int64"):  # bool is an int to Python, not to the frame
        return all(isinstance(v, types) and not isinstance(v, bool) for v in values)
    return all(isinstance(v, types) for v in values)


def _is_frame(part: object) -> bool:
    """A frame as column lists of one length, with dtypes the frame can be built with."""
    if not isinstance(part, dict) or set(part) != {"columns", "dtypes"}:
        return False
    columns, dtypes = part["columns"], part["dtypes"]
    if not isinstance(columns, dict) or not isinstance(dtypes, dict):
        return False
    if not set(dtypes) <= set(columns) or not all(t in _CELL_TYPES for t in dtypes.values()):
        return False
    if len({len(v) if isinstance(v, list) else -1 for v in columns.values()}) > 1:
        return False
    return all(_is_column(v, dtypes.get(c, "object")) for c, v in columns.items())


def _is_extraction(value: object) -> bool:
    return (
        isinstance(value, dict)
        and tuple(value) == REPORT_FRAMES
        and all(_is_frame(part) for part in value.values())
    )


#: What each layer's value must be; a value of another shape is a damaged entry (a miss).
ENTRY_SHAPES: Mapping[str, Callable[[object], bool]] = MappingProxyType(
    {
        "reports": _is_extraction,
        "segments": _is_lines,
        "dictionary": _is_str_map,
        "outputs": _is_output,
    }
)


#: The array layers and the arrays each entry holds (integer or byte arrays, nothing else).
ARRAY_LAYERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {"terms": frozenset({"indptr", "indices", "data", "terms", "ends", "rows", "para_id", "meta"})}
)
