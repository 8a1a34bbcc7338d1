# Kopā — every target installs what it needs first, so a fresh clone needs only
# Python 3.11 and git. `make run` and `make test` are the two-command quick start.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core (pytest-xdist); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto

.PHONY: run test test-fast bench install messages migrate demo lint browser-deps clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Install the project with its pinned dependency set (constraints.txt) when either changes.
$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) ## create .venv and install pinned dependencies

messages: install ## compile translation catalogues (.po → .mo), no GNU gettext needed
	$(PY) manage.py compile_translations

migrate: install ## apply database migrations
	$(PY) manage.py migrate --noinput

demo: migrate messages ## load the idempotent demo data
	$(PY) manage.py seed_demo

run: demo ## the web server on http://$(HOST):$(PORT) and a Celery worker; Ctrl-C stops both
	@echo "Kopā on http://$(HOST):$(PORT)/ — Ctrl-C stops the server and the worker"
	$(PY) manage.py run_with_worker $(HOST):$(PORT)

lint: install ## ruff, the import layers, strict types of services and selectors, and migrations that match the models
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(PY) manage.py makemigrations --check --dry-run

browser-deps: ## Debian's Chromium for browser tests and Noto fonts for PDFs, where we may install them (root)
	@{ command -v chromium >/dev/null && fc-list 2>/dev/null | grep -q "Noto Sans"; } || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null; } \
	  || echo "chromium not installed: browser tests will be skipped"; }

test: install messages lint browser-deps ## the whole suite (PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test-fast: install messages ## the inner loop: without browser, fault, fuzz, packaging and worker tests
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser and not fault and not fuzz and not packaging and not worker" $(PYTEST_ARGS)

bench: demo ## benchmarks on the demo data; they print their figures
	$(PY) bench/run.py

clean: ## remove the virtualenv and local databases
	rm -rf $(VENV) var static_root
