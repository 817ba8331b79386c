# Knelpunt — the two commands of the README's Quick start, and a few helpers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
STAMP := $(VENV)/.installed

.PHONY: run test setup assets translations test-postgres test-browser bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the pinned requirements change.
$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

assets: app/static/vendor/utrecht.css

app/static/vendor/utrecht.css: package.json package-lock.json scripts/vendor_css.sh
	bash scripts/vendor_css.sh

translations: | $(STAMP)
	$(BIN)/pybabel compile -q -d app/translations 2>/dev/null || true

setup: $(STAMP) assets translations

## make run: set up, migrate, load demo data on first run, serve on http://127.0.0.1:5000
run: setup
	mkdir -p instance
	KNELPUNT_ENV=development $(FLASK) db upgrade
	KNELPUNT_ENV=development $(FLASK) seed-demo
	@echo "Knelpunt draait op http://127.0.0.1:5000 (stoppen met Ctrl+C)"
	KNELPUNT_ENV=development $(FLASK) run --host 127.0.0.1 --port 5000

## make test: set up and run the whole test suite (SQLite; TEST_DATABASE_URL for PostgreSQL)
test: setup
	$(BIN)/python -m pytest -q

test-postgres: setup
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest -q -m "not browser"

test-browser: setup
	KNELPUNT_BROWSER_TESTS=required $(BIN)/python -m pytest -q -m browser

bench: setup
	$(BIN)/python -m bench.run_all

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) node_modules app/static/vendor
