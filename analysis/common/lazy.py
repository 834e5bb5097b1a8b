"""Names a package exports, imported on first use: ``import analysis.read`` loads nothing heavy."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's module-level ``__getattr__`` and ``__dir__`` for its public names.

    Parameters
    ----------
    package : str
        The package's ``__name__`` (for the error message).
    exports : Mapping
        Public name -> the module that defines it.

    Returns
    -------
    tuple of (callable, callable)
        ``__getattr__`` (imports the defining module on first use; an unknown name is an
        ``AttributeError``) and ``__dir__`` (the public names, sorted).
    """

    def getattr_(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    def dir_() -> list[str]:
        return sorted(exports)

    return getattr_, dir_
