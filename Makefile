# Knelpunt — the two commands of the README's Quick start, and a few helpers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
STAMP := $(VENV)/.installed
#: test processes (pytest-xdist) for all but the browser tests: auto is one per core; a file's tests stay in
#: one process (module fixtures). The browser tests run after, one at a time: a real browser beside another
#: test process on two cores misses its 10 s waits.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -q
PARALLEL := -n $(TEST_WORKERS) --dist loadfile

.PHONY: run test setup system-deps assets translations translations-update test-postgres test-browser bench lint clean

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

# Compile the catalogs (.po -> .mo; the .mo files are not in git).
translations: | $(STAMP)
	$(BIN)/pybabel -q compile -d app/translations

## make translations-update: re-extract the Dutch msgids and merge them into the catalogs (then translate what is new)
translations-update: | $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k N_ --project Knelpunt -c TRANSLATORS: -o app/messages.pot .
	$(BIN)/pybabel -q update -i app/messages.pot -d app/translations

# WeasyPrint (PDF letters) needs Pango and a font, Kaleido (static charts) Debian's chromium:
# installed once when missing and we are root with apt-get; otherwise say what to install.
system-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core chromium >/dev/null; \
	  else echo "For PDF letters install: libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core chromium" >&2; fi; \
	fi

setup: system-deps $(STAMP) assets translations

## make run: set up, migrate, load demo data on first run, serve on http://127.0.0.1:5000
run: setup
	mkdir -p instance
	KNELPUNT_ENV=development $(FLASK) db upgrade
	KNELPUNT_ENV=development $(FLASK) seed-demo
	@echo "Knelpunt draait op http://127.0.0.1:5000 (stoppen met Ctrl+C)"
	KNELPUNT_ENV=development $(FLASK) run --host 127.0.0.1 --port 5000

## make test: set up and run the whole test suite (SQLite; TEST_DATABASE_URL for PostgreSQL)
test: setup
	$(PYTEST) $(PARALLEL) -m "not browser"
	$(PYTEST) -m browser

test-postgres: setup
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(PYTEST) $(PARALLEL) -m "not browser"

test-browser: setup
	KNELPUNT_BROWSER_TESTS=required $(PYTEST) -m browser

bench: setup
	$(BIN)/python -m bench.run_all

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) node_modules app/static/vendor
