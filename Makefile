# The two commands a newcomer needs: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
SF     := $(VENV)/bin/stabforce
DEMO_DB ?= demo.db
# Databases the tests run on; `make test DB=sqlite` skips PostgreSQL.
DB     ?= sqlite postgresql
# Browser tests in Debian's Chromium; `make test E2E=` skips them.
E2E    ?= --e2e

.PHONY: setup run demo test bench lint clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

## Set up, load the Gaza ISF demo scenario into a fresh SQLite file, and serve the dashboard
## on http://127.0.0.1:8000 (the demo logins are printed).
run: setup
	$(SF) demo --db $(DEMO_DB)

## Set up and run the whole test suite (SQLite and PostgreSQL, and the browser tests).
test: setup
	@case "$(DB)" in *postgresql*) bash scripts/ensure-postgres.sh ;; esac
	@bash scripts/ensure-poppler.sh
	@if [ -n "$(E2E)" ]; then bash scripts/ensure-chromium.sh; fi
	$(PY) -m pytest --db $(DB) $(E2E)

bench: setup
	bash scripts/ensure-postgres.sh
	$(PY) bench/ledger.py
	$(PY) bench/api.py
	$(PY) bench/forecast.py
	$(PY) bench/extract.py

lint: setup
	$(VENV)/bin/ruff check src tests bench

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
