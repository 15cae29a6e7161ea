# Two commands (see README.md):
#   make build   set up .venv with pinned versions, check the examples, build the sites into build/site/
#   make test    the same, then hold the code to ruff and mypy and run the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# The example municipalities are sample data dated 2026-11-21: pin "today" so they build the
# same any day (vacancy deadlines, freshness). Override: make build RETTFRAM_TODAY=2027-01-15.
RETTFRAM_TODAY ?= 2026-11-21
export RETTFRAM_TODAY

.PHONY: build test setup check code bench fuzz schema clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

check: $(STAMP)
	$(PY) build.py check municipalities

build: check
	$(PY) build.py build

# The code held to its own linters (configured in pyproject.toml): ruff (lint and format) and mypy.
code: $(STAMP)
	$(PY) -m ruff check rettfram
	$(PY) -m ruff format --check rettfram
	$(PY) -m mypy rettfram

test: build code
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/hostile.py
	$(PY) bench/fuzz.py
	$(PY) bench/build_speed.py

fuzz: $(STAMP)
	$(PY) bench/fuzz.py

schema: $(STAMP)
	$(PY) build.py schema

clean:
	rm -rf build $(VENV)
