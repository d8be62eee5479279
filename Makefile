# Two entry points: `make serve` (set up, then start the dashboard on the seed
# article) and `make test` (set up, then run every test). Both create .venv and
# install the package with its pinned dependencies; nothing else is needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5006

.PHONY: serve test setup setup-test browser bench model clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"

setup: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dashboard,parquet]"

setup-test: setup
	$(BIN)/pip install --quiet -e ".[dashboard,parquet]" --group test

# Debian's Chromium for the browser tests (Playwright's own download cannot work here).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

serve: setup
	$(BIN)/geomap serve --port $(PORT)

test: setup-test browser
	$(BIN)/python -m pytest

bench: setup-test browser
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

# Retrain the sentence model (geomap/sentencemodel.py) on every annotated article.
model: setup
	$(BIN)/python -m geomap.sentencemodel geodata/sentence_model.json geodata/articles tests/data/articles

clean:
	rm -rf $(VENV) *.egg-info
