"""The package's shape: one direction of imports, no hidden state, small units, tables once."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

#: Every module's layer: a module imports only from its own layer or lower ones, never up.
LAYERS: dict[str, int] = {
    "patterns": 0,
    "paths": 0,
    "io": 0,
    "options": 0,
    "jobs": 0,
    "text": 1,
    "wordlists": 1,
    "metadata": 1,
    "encoding": 1,
    "catalog": 1,
    "corpus": 2,
    "glossary": 3,
    "targets": 3,
    "slogans": 4,
    "slogan_rules": 4,
    "dictionary": 5,
    "tokens": 6,
    "cache": 6,
    "replay": 6,
    "counts": 7,
    "bow": 7,
    "keywords": 8,
    "topics": 8,
    "topic_model": 8,
    "lda_estep": 7,
    "fonts": 9,
    "plots": 9,
    "topic_plots": 9,
    "target_plots": 9,
    "pages": 10,
    "notebook": 10,
    "pipeline": 10,
    "extraction": 9,
    "report_data": 11,
    "report": 11,
    "cli": 12,
    "__main__": 13,
    "__init__": 14,
}
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 450


def _modules() -> dict[str, Path]:
    """Module name (``glossary`` for the whole glossary package) -> file."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        out[".".join(rel.parts)] = path
    return out


def _layer(module: str) -> int:
    top = module.split(".")[0]
    if top not in LAYERS:
        pytest.fail(f"analysis/{module}: add the module to LAYERS in tests/test_architecture.py")
    return LAYERS[top]


def _imports(path: Path, module: str) -> set[str]:
    """analysis modules imported anywhere in a file (top level or inside functions)."""
    found = set()
    package = module.rsplit(".", 1)[0] if "." in module else ""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import inside a subpackage
                base = f"analysis.{package}.{base}".rstrip(".")
            names = [base]
        else:
            continue
        for name in names:
            if name.startswith("analysis.") and name != "analysis":
                found.add(name.removeprefix("analysis."))
    return found


def _graph() -> dict[str, set[str]]:
    graph = {}
    for module, path in _modules().items():
        graph[module.split(".")[0]] = graph.get(module.split(".")[0], set()) | {
            m.split(".")[0] for m in _imports(path, module)
        }
    return {m: deps - {m} for m, deps in graph.items()}


def test_every_module_has_a_layer() -> None:
    for module in _modules():
        _layer(module)


def test_no_import_runs_up_the_layers() -> None:
    upward = [
        f"{m} (layer {_layer(m)}) imports {d} (layer {_layer(d)})"
        for m, deps in _graph().items()
        for d in deps
        if _layer(d) > _layer(m)
    ]
    assert upward == []


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                pytest.fail("import cycle: " + " -> ".join([*trail, node, dep]))
            if dep not in state:
                visit(dep, [*trail, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


_PROBE = """
import importlib, json, logging, pkgutil, sys, warnings
import matplotlib, pandas as pd
import analysis
before = (dict(matplotlib.rcParams), warnings.showwarning, pd.get_option("display.width"),
          pd.get_option("display.unicode.east_asian_width"),
          {n: logging.getLogger(n).level for n in ("", "gensim", "jieba", "matplotlib")},
          len(warnings.filters))
names = ["analysis." + m.name for m in pkgutil.walk_packages(analysis.__path__)]
names = [n for n in names if not n.endswith("__main__")]
for name in names:
    importlib.import_module(name)
after = (dict(matplotlib.rcParams), warnings.showwarning, pd.get_option("display.width"),
         pd.get_option("display.unicode.east_asian_width"),
         {n: logging.getLogger(n).level for n in ("", "gensim", "jieba", "matplotlib")},
         len(warnings.filters))
changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
print(json.dumps({"modules": len(names), "changed": changed}))
"""


def test_importing_every_module_changes_no_settings() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["modules"] >= 10
    # 0 rcParams, 1 warnings.showwarning, 2-3 pandas options, 4 logging levels, 5 filters
    assert result["changed"] == []


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_functions_and_modules_are_small() -> None:
    too_long = []
    for module, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        n_lines = len(text.splitlines())
        if n_lines > MAX_MODULE_LINES:
            too_long.append(f"{module}: {n_lines} lines")
        for fn in _functions(ast.parse(text)):
            length = (fn.end_lineno or fn.lineno) - fn.lineno + 1
            if length > MAX_FUNCTION_LINES:
                too_long.append(f"{module}.{fn.name}: {length} lines")
    assert too_long == []


def test_no_module_level_caches_or_globals() -> None:
    found = []
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in _functions(tree):
            for dec in fn.decorator_list:
                name = ast.unparse(dec)
                if "cache" in name:
                    found.append(f"{module}.{fn.name}: @{name}")
        found.extend(
            f"{module}: global {', '.join(n.names)}"
            for n in ast.walk(tree)
            if isinstance(n, ast.Global)
        )
    assert found == []


def test_numerals_are_written_in_one_module() -> None:
    numerals = "一二三四五六七八九十"
    holders = [
        str(p.relative_to(PACKAGE))
        for p in sorted(PACKAGE.rglob("*"))
        if p.is_file() and p.suffix in (".py", ".txt", ".csv") and numerals in p.read_text("utf-8")
    ]
    assert holders == ["patterns.py"]
