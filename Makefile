# Two commands do everything: `make test` and `make report` (each sets up .venv/ first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
OUT ?=

.PHONY: setup test lint format report glossary lab bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

lint: $(STAMP)
	$(PY) -m ruff check analysis tests bench notebooks
	$(PY) -m ruff format --check analysis tests bench notebooks

format: $(STAMP)
	$(PY) -m ruff format analysis tests bench notebooks
	$(PY) -m ruff check --fix analysis tests bench notebooks

test: lint
	$(PY) -m pytest

glossary: $(STAMP)
	$(PY) -m analysis glossary build

report: $(STAMP)
	$(PY) -m analysis report $(if $(CORPUS),--corpus $(CORPUS)) $(if $(OUT),--out $(OUT))

lab: $(STAMP)
	$(VENV)/bin/jupytext-config set-default-viewer python
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) bench/bench_tokenize.py
	$(PY) bench/bench_lookup.py
	$(PY) bench/bench_models.py

clean:
	rm -rf .cache reports .pytest_cache .ruff_cache
