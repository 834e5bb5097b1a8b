"""The package's shape: one direction of imports, no hidden state, small units, tables once."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

#: The layers in data-flow order (DESIGN.md, "Modules"): a module imports only from its own
#: layer or earlier ones, never from a later one.
LAYERS: dict[str, int] = {
    "common": 0,
    "read": 1,
    "terms": 2,
    "measure": 3,
    "run": 4,
    "pages": 5,
    "cli": 6,
    "__main__": 7,
    "__init__": 8,
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


def _upward(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{m} (layer {_layer(m)}) imports {d} (layer {_layer(d)})"
        for m, deps in sorted(graph.items())
        for d in sorted(deps)
        if _layer(d) > _layer(m)
    ]


def test_no_import_runs_up_the_layers() -> None:
    assert _upward(_graph()) == []


def test_a_back_import_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "corpus.py"
    module.write_text("from analysis.run.cache import Cache\nimport analysis.pages.fonts\n")
    found = _imports(module, "read.corpus")
    assert found == {"run.cache", "pages.fonts"}
    graph = {"read": {m.split(".")[0] for m in found}}
    assert _upward(graph) == [
        "read (layer 1) imports pages (layer 5)",
        "read (layer 1) imports run (layer 4)",
    ]


def test_every_layer_names_what_later_layers_use() -> None:
    import importlib

    for layer in ("common", "read", "terms", "measure", "run", "pages"):
        package = importlib.import_module(f"analysis.{layer}")
        assert package.__all__, layer
        for name in package.__all__:
            assert getattr(package, name) is not None, f"analysis.{layer}.{name}"


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
names = [m.name for m in pkgutil.walk_packages(analysis.__path__, prefix="analysis.")]
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
    assert result["modules"] >= 50
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
                # a memo on an instance (cached_property) is that object's state, not global
                if "cache" in name and name not in ("cached_property", "functools.cached_property"):
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
    assert holders == ["common/patterns.py"]
