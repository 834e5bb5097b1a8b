# Two commands do everything: `make test` and `make report` (each sets up .venv/ first).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CORPUS ?=
OUT ?=
# `make lab`, `make report` and `make test`: Jupyter, IPython, matplotlib, npm (asked by
# jupyter-lsp) and caches keep their files in .jupyter/, temporary files (jieba's dictionary
# cache) in .cache/tmp/: nothing in ~ or /tmp (analysis/pages/kernels.py: the same for kernels).
# .jupyter/labconfig makes the notebooks' .py scripts open as notebooks (jupytext);
# .jupyter/custom/custom.css gives JupyterLab the bundled Chinese font (analysis/pages/lab.py).
# LAB_ARGS passes options to jupyter lab, e.g. LAB_ARGS="--no-browser --port=8899".
JUPYTER_HOME := $(CURDIR)/.jupyter
PROJECT_TMP := $(CURDIR)/.cache/tmp
PROJECT_ENV := JUPYTER_CONFIG_DIR="$(JUPYTER_HOME)" JUPYTER_DATA_DIR="$(JUPYTER_HOME)/data" \
	JUPYTER_RUNTIME_DIR="$(JUPYTER_HOME)/runtime" IPYTHONDIR="$(JUPYTER_HOME)/ipython" \
	MPLCONFIGDIR="$(JUPYTER_HOME)/matplotlib" XDG_CACHE_HOME="$(JUPYTER_HOME)/cache" \
	npm_config_cache="$(JUPYTER_HOME)/npm" TMPDIR="$(PROJECT_TMP)"
LAB_ENV := $(PROJECT_ENV)
LAB_ARGS ?=
# Jupyter refuses to run as root unless told to (containers, cloud notebooks)
ROOT_FLAG = $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: setup browser test lint format report glossary lab bench readme clean

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

# The page tests open the HTML in headless Chromium: Debian's package, installed when missing
# (as root, or through sudo); without it those tests are skipped, with the reason.
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ echo "installing Debian's chromium for the page tests"; \
	  $(SUDO) sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium' \
	  || echo "could not install chromium: the page tests will be skipped"; }

test: lint browser
	mkdir -p $(PROJECT_TMP)
	$(PROJECT_ENV) $(PY) -m pytest

glossary: $(STAMP)
	$(PROJECT_ENV) $(PY) -m analysis glossary build

report: $(STAMP)
	mkdir -p $(PROJECT_TMP)
	$(PROJECT_ENV) $(PY) -m analysis report $(if $(CORPUS),--corpus $(CORPUS)) $(if $(OUT),--out $(OUT))

lab: $(STAMP)
	mkdir -p $(PROJECT_TMP)
	$(PROJECT_ENV) $(PY) -c 'from analysis.pages.lab import write_lab_font; write_lab_font()'
	$(LAB_ENV) exec $(VENV)/bin/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks/

bench: $(STAMP)
	$(PY) bench/run_all.py

readme: $(STAMP)
	$(PY) tests/test_readme.py --update

clean:
	rm -rf .cache reports .pytest_cache .ruff_cache
