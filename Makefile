# Parley — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL server the suite also runs against (pytest creates and drops test_parley).
PG_URL ?= postgres://postgres@127.0.0.1:5432/parley

.PHONY: install run serve test test-sqlite test-postgres lint format evaluate bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load_seeds || echo "Some seed files failed to import (see above); serving what loaded."
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-style: gunicorn on PostgreSQL (set DATABASE_URL and the variables in docs/operations.md).
serve: install
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn config.wsgi --workers 2 --bind $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: install lint evaluate test-sqlite test-postgres

test-sqlite: install
	@echo "== tests on SQLite =="
	env -u DATABASE_URL $(PY) -m pytest

# Runs on PostgreSQL when one is reachable. With PARLEY_REQUIRE_POSTGRES=1 (CI) an unreachable
# server is a failure, not a skip.
test-postgres: install
	@if $(PY) -c "import psycopg2,sys; psycopg2.connect('$(PG_URL)'.rsplit('/',1)[0] + '/postgres', connect_timeout=3)" 2>/dev/null; then \
		echo "== tests on PostgreSQL ($(PG_URL)) =="; \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest; \
	elif [ "$${PARLEY_REQUIRE_POSTGRES:-0}" = "1" ]; then \
		echo "PostgreSQL is required (PARLEY_REQUIRE_POSTGRES=1) but not reachable at $(PG_URL)."; exit 1; \
	else \
		echo "== PostgreSQL not reachable at $(PG_URL): the PostgreSQL run is SKIPPED (CI requires it) =="; \
	fi

# The extraction's quality on the golden corpus, held at what it reaches now (docs/extraction.md).
evaluate: install
	env -u DATABASE_URL $(PY) manage.py evaluate_extraction tests/fixtures/articles \
		--min-statement-f1 0.99 --min-speaker-accuracy 0.99 --min-actor-recall 0.98 \
		--min-meeting-recall 0.95 --min-claim-recall 0.95

# The benchmark against the floor (docs/performance.md): PostgreSQL, gunicorn, wrk. Long.
BENCH_ARGS ?=
bench: install
	@command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 2; }
	$(PY) bench/run.py --pg $(dir $(PG_URL)) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
