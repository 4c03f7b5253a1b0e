# The two commands a newcomer needs: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
SF     := $(VENV)/bin/stabforce
DEMO_DB ?= demo.db
# Databases the tests run on; `make test DB=sqlite` skips PostgreSQL.
DB     ?= sqlite postgresql
# Browser tests in Debian's Chromium; `make test E2E=` skips them.
E2E    ?= --e2e

.PHONY: setup run demo test bench lint clean learned

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

# The learned second pass of claim extraction needs torch (CPU, from local disk) and MiniLM: about 1 GB. Pinned
# torch first, as pip would otherwise look for a CUDA build (research/dependencies.md).
$(VENV)/.learned: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet torch==2.13.0
	$(VENV)/bin/pip install --quiet -e '.[learned]'
	touch $@

## Train the pair model of the learned second pass (the span model) on tests/gold/dev (1,875 reports, 4 epochs: about
## 9 minutes an epoch on 2 cores, 35 minutes in all when nothing else runs; the model is saved after each epoch) into $(PAIR_MODEL); then
## `stabforce extract FILES --model $(PAIR_MODEL)`. SEEDS=3 trains three and saves them as one ensemble.
PAIR_MODEL ?= var/models/pairs
SEEDS      ?= 1
learned: $(VENV)/.learned
	$(SF) extract-train --out $(PAIR_MODEL) --seeds $(SEEDS)

## Set up, load the Gaza ISF demo scenario into a fresh SQLite file, and serve the dashboard
## on http://127.0.0.1:8000 (the demo logins are printed).
run: setup
	$(SF) demo --db $(DEMO_DB)

## Set up and run the whole test suite (SQLite and PostgreSQL, the browser tests and the learned pass's model).
test: setup $(VENV)/.learned
	@case "$(DB)" in *postgresql*) bash scripts/ensure-postgres.sh ;; esac
	@bash scripts/ensure-poppler.sh
	@if [ -n "$(E2E)" ]; then bash scripts/ensure-chromium.sh; fi
	$(PY) -m pytest --db $(DB) $(E2E)

bench: setup $(VENV)/.learned
	bash scripts/ensure-postgres.sh
	$(PY) bench/ledger.py
	$(PY) bench/api.py
	$(PY) bench/forecast.py
	$(PY) bench/extract.py
	$(PY) bench/pair_batches.py
	$(PY) bench/pair_models.py --train

lint: setup
	$(VENV)/bin/ruff check src tests bench

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
